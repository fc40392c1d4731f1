// Package geoparse is the pipeline stage that finds places in a report and
// resolves them to gazetteer entries: doc.Places.
//
// It works in four steps:
//   - Recognition: capitalised word sequences (and "al-"/"el-" names) are
//     matched against the gazetteer's transliteration-robust index, longest
//     first, over tokens and their hyphenated pieces; demonyms ("Libyan")
//     are matched too. Context filters drop what is not a place: a title
//     before ("Gen.", "President"), a speech verb after a town-only name
//     ("Jordan said"), a run of unknown capitalised words around it (a
//     person's name: "Vladimir Putin", "Khalifa Haftar"), a word the report
//     also uses in lower case. A place inside an organisation's name
//     ("Washington Post") is kept with role "embedded". When the NER stage
//     has run, its PERSON entities veto and its GPE/LOC entities confirm.
//   - Resolution: each name's candidates are scored by population and
//     feature class, the report's country focus, closeness to the other
//     places of the report, explicit qualifiers ("Tripoli, Lebanon"), and
//     the admin hierarchy; the same name gets the same place throughout a
//     report. Fuzzy matches are accepted only when the report supports
//     them (same country as its focus, or near its other places).
//   - Relative locations: "40 kilometres south of Tripoli", "93 miles
//     southeast of the capital", "near Tripoli", "the Tunisian border"
//     become places of their own with precision 2 and an Anchor, beside
//     the anchor place itself.
//   - Output: doc.Places in text order, each with GeoNames id (when
//     GeoNames numbers it), name, ISO alpha-3 country, admin1 name, feature
//     code, coordinates and ACLED-style precision; close calls between far
//     apart candidates become warnings.
//
// Settings: Config.Gazetteers adds gazetteer files (sitrep gazetteer import)
// over the embedded one; Config.MaxWords bounds the length of a name.
package geoparse

import (
	"context"
	"fmt"
	"sort"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
)

// Config holds the geoparser's settings.
type Config struct {
	// Gazetteers are extra gazetteer files, layered over the embedded one
	// in order (later files win for the same GeoNames id).
	Gazetteers []string
	// MaxWords is the longest place name tried, in words.
	MaxWords int
}

// DefaultConfig returns the settings sitrep extract uses: the embedded
// gazetteer plus the files of gazetteer.UserDir (written by sitrep
// gazetteer import).
func DefaultConfig() Config {
	return Config{MaxWords: 7, Gazetteers: gazetteer.UserFiles()}
}

// Validate checks the settings.
func (c Config) Validate() error {
	if c.MaxWords < 1 || c.MaxWords > 20 {
		return fmt.Errorf("geoparse config: MaxWords %d out of range 1..20", c.MaxWords)
	}
	return nil
}

// Resolver is the geoparsing stage. It is safe for concurrent use.
type Resolver struct {
	cfg Config
	set *gazetteer.Set
}

var _ sitrep.Stage = (*Resolver)(nil)

// New opens the gazetteers and returns the stage.
func New(cfg Config) (*Resolver, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	set, err := gazetteer.OpenSet(cfg.Gazetteers...)
	if err != nil {
		return nil, err
	}
	return &Resolver{cfg: cfg, set: set}, nil
}

// NewWithSet returns the stage over an already opened gazetteer set.
func NewWithSet(set *gazetteer.Set, cfg Config) (*Resolver, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Resolver{cfg: cfg, set: set}, nil
}

// Name implements sitrep.Namer.
func (*Resolver) Name() string { return "geoparse" }

// Set returns the gazetteer set the resolver uses.
func (r *Resolver) Set() *gazetteer.Set { return r.set }

// Annotate finds and resolves the places of the document's analysed text
// and appends them to doc.Places in text order. It reads doc.Tokens (or,
// without them, splits doc.Sentences or the whole text itself) and
// doc.Entities when present. A document with no place leaves doc.Places
// as it was. Ambiguity is recorded as warnings; the only error is a
// cancelled context.
func (r *Resolver) Annotate(ctx context.Context, doc *sitrep.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	p := newParse(r, doc)
	defer p.release()
	p.words()
	p.recognise()
	p.resolve()
	places := p.places()
	places = append(places, p.relative()...)
	sort.SliceStable(places, func(i, j int) bool {
		if places[i].Start != places[j].Start {
			return places[i].Start < places[j].Start
		}
		return places[i].End > places[j].End
	})
	doc.Places = append(doc.Places, places...)
	return nil
}

// ResolveSpans resolves given toponym spans of a document, as if
// recognition had found exactly them (the evaluation's --gold-spans mode).
// It returns one place per span, or a place with zero Precision where
// nothing was found.
func (r *Resolver) ResolveSpans(doc *sitrep.Document, spans []sitrep.Span) []sitrep.Place {
	p := &parse{r: r, doc: doc}
	p.words()
	p.recognise()
	p.gold(spans)
	p.resolve()
	out := make([]sitrep.Place, len(spans))
	for i := range spans {
		m := &p.ms[p.goldIndex[i]]
		if m.best >= 0 {
			out[i] = p.place(m)
		}
	}
	return out
}

// Candidates returns, for each given toponym span, every place the
// gazetteer offers for it (the places ResolveSpans chooses among), best
// known first; an empty list where nothing was found. The evaluation uses
// it for the ceiling of the gazetteer: the accuracy of a resolver that
// always chose the best of them.
func (r *Resolver) Candidates(doc *sitrep.Document, spans []sitrep.Span) [][]sitrep.Place {
	p := &parse{r: r, doc: doc}
	p.words()
	p.recognise()
	p.gold(spans)
	out := make([][]sitrep.Place, len(spans))
	for i := range spans {
		m := &p.ms[p.goldIndex[i]]
		for ci := range m.cands {
			m.best = ci
			out[i] = append(out[i], p.place(m))
		}
	}
	return out
}
