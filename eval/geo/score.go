package geo

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
)

// MaxErrorKM is the error charged for a gold toponym left unresolved: half
// the Earth's circumference, as in Gritta et al.
const MaxErrorKM = 20039

// Resolver is what the evaluation needs of a geoparser: the stage, and
// resolution of given spans.
type Resolver interface {
	sitrep.Stage
	ResolveSpans(doc *sitrep.Document, spans []sitrep.Span) []sitrep.Place
}

// Candidater is what a resolver offers beyond Resolver for the ceiling:
// every place it chooses among for each span.
type Candidater interface {
	Candidates(doc *sitrep.Document, spans []sitrep.Span) [][]sitrep.Place
}

// Options select what is scored.
type Options struct {
	// GoldSpans resolves the gold toponyms only, skipping recognition.
	GoldSpans bool
	// Prepare are the stages run before the geoparser (segmenting,
	// tokenising), in order.
	Prepare []sitrep.Stage
	// Misses lists resolution errors over 161 km in the report.
	Misses bool
	// Ceiling, with GoldSpans and a resolver that is a Candidater, also
	// scores the best of each toponym's candidates: the most any choice
	// among the gazetteer's places can reach.
	Ceiling bool
}

// Miss is a toponym resolved more than 161 km from its gold coordinates.
type Miss struct {
	Article int     `json:"article"`
	Text    string  `json:"text"`
	GoldLat float64 `json:"gold_lat"`
	GoldLon float64 `json:"gold_lon"`
	// GoldID is the gold GeoNames id (TR-News, GWN); 0 when the corpus
	// gives none.
	GoldID  int64   `json:"gold_geonames_id,omitempty"`
	ID      int64   `json:"geonames_id,omitempty"`
	Name    string  `json:"name,omitempty"`
	Country string  `json:"country,omitempty"`
	Code    string  `json:"feature_code,omitempty"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	ErrorKM float64 `json:"error_km"`
}

// PRF is precision, recall and F1 with their counts.
type PRF struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Resolution summarises resolution errors.
type Resolution struct {
	N          int     `json:"n"`
	Unresolved int     `json:"unresolved"`
	Acc161     float64 `json:"acc_161km"`
	MeanKM     float64 `json:"mean_error_km"`
	MedianKM   float64 `json:"median_error_km"`
	AUC        float64 `json:"auc"`
}

// Report is the result of an evaluation.
type Report struct {
	Corpus    string   `json:"corpus"`
	Format    Format   `json:"format"`
	Mode      string   `json:"mode"`
	Articles  int      `json:"articles"`
	Toponyms  int      `json:"toponyms"`
	Realigned int      `json:"realigned_spans,omitempty"`
	Dropped   int      `json:"dropped_gold,omitempty"`
	Patched   int      `json:"patched_gold,omitempty"`
	Roles     []string `json:"counted_roles,omitempty"`
	// Recognition is scored end to end only.
	Recognition *PRF `json:"recognition,omitempty"`
	// Resolution covers every gold toponym with gold spans; end to end it
	// covers the correctly recognised ones.
	Resolution Resolution `json:"resolution"`
	// EndToEnd charges missed gold toponyms MaxErrorKM (end to end only).
	EndToEnd *Resolution `json:"end_to_end,omitempty"`
	// Ceiling scores the best candidate of each gold toponym (with
	// Options.Ceiling).
	Ceiling *Resolution `json:"ceiling,omitempty"`
	Seconds float64     `json:"seconds"`
	Misses  []Miss      `json:"misses,omitempty"`
	// Spurious and Missed list recognition errors (with Options.Misses).
	Spurious []string `json:"spurious,omitempty"`
	Missed   []string `json:"missed,omitempty"`
}

// countedRoles are the place roles a corpus annotates as toponyms:
// GeoVirus marks locations only; TR-News and GeoWebNews also mark
// demonyms used as modifiers ("Turkish") and toponyms inside names
// ("Washington Post").
func countedRoles(f Format) []sitrep.PlaceRole {
	if f == GeoVirus {
		return []sitrep.PlaceRole{sitrep.RoleLocation, sitrep.RoleMetonymic}
	}
	return []sitrep.PlaceRole{sitrep.RoleLocation, sitrep.RoleMetonymic, sitrep.RoleDemonym, sitrep.RoleEmbedded}
}

// Evaluate runs the resolver over the corpus and scores it.
func Evaluate(ctx context.Context, r Resolver, c *Corpus, name string, opt Options) (*Report, error) {
	rep := &Report{Corpus: name, Format: c.Format, Articles: len(c.Articles), Realigned: c.Realigned, Dropped: c.Dropped}
	roles := countedRoles(c.Format)
	for _, ro := range roles {
		s := string(ro)
		if s == "" {
			s = "location"
		}
		rep.Roles = append(rep.Roles, s)
	}
	var errs, e2e, best []float64
	cand, _ := r.(Candidater)
	unresolved, e2eMissed := 0, 0
	prf := PRF{}
	start := time.Now()
	for ai, a := range c.Articles {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc := sitrep.NewDocument(sitrep.Article{Text: a.Text, Language: "en"})
		doc.Regions = []sitrep.Region{{Kind: sitrep.Paragraph, Span: sitrep.Span{Start: 0, End: len(a.Text)}}}
		for _, s := range opt.Prepare {
			if err := s.Annotate(ctx, doc); err != nil {
				return nil, fmt.Errorf("article %d: %s: %w", ai+1, sitrep.StageName(s), err)
			}
		}
		var gold []Toponym
		for _, t := range a.Toponyms {
			if t.Linked {
				gold = append(gold, t)
			}
		}
		rep.Toponyms += len(gold)
		if opt.GoldSpans {
			spans := make([]sitrep.Span, len(gold))
			for i, t := range gold {
				spans[i] = sitrep.Span{Start: t.Start, End: t.End}
			}
			if opt.Ceiling && cand != nil {
				for i, ps := range cand.Candidates(doc, spans) {
					km := float64(MaxErrorKM)
					for _, p := range ps {
						km = math.Min(km, gazetteer.DistanceKM(p.Lat, p.Lon, gold[i].Lat, gold[i].Lon))
					}
					best = append(best, km)
				}
			}
			for i, p := range r.ResolveSpans(doc, spans) {
				km := float64(MaxErrorKM)
				if p.Precision == 0 {
					unresolved++
				} else {
					km = gazetteer.DistanceKM(p.Lat, p.Lon, gold[i].Lat, gold[i].Lon)
				}
				errs = append(errs, km)
				if opt.Misses && km > 161 {
					rep.Misses = append(rep.Misses, Miss{Article: ai + 1, Text: gold[i].Name, GoldLat: gold[i].Lat, GoldLon: gold[i].Lon,
						GoldID: gold[i].GeonamesID, ID: p.GeonamesID, Name: p.Name, Country: p.Country, Code: p.FeatureCode, Lat: p.Lat, Lon: p.Lon, ErrorKM: math.Round(km)})
				}
			}
			continue
		}
		if err := r.Annotate(ctx, doc); err != nil {
			return nil, fmt.Errorf("article %d: %w", ai+1, err)
		}
		preds := predictions(doc, roles)
		matched := make([]bool, len(gold))
		for _, p := range preds {
			hit := -1
			for gi, g := range gold {
				if g.Start == p.Start && g.End == p.End {
					hit = gi
					break
				}
			}
			if hit >= 0 {
				if !matched[hit] {
					matched[hit] = true
					prf.TP++
					errs = append(errs, gazetteer.DistanceKM(p.Lat, p.Lon, gold[hit].Lat, gold[hit].Lon))
				}
				continue
			}
			if excused(a.Toponyms, p.Span) {
				continue
			}
			prf.FP++
			if opt.Misses {
				rep.Spurious = append(rep.Spurious, fmt.Sprintf("%d\t%s\t%s %s %s [%s]", ai+1, p.Text, p.Name, p.Country, p.FeatureCode, p.Role))
			}
		}
		for gi := range gold {
			if !matched[gi] {
				prf.FN++
				e2eMissed++
				if opt.Misses {
					rep.Missed = append(rep.Missed, fmt.Sprintf("%d\t%s\t%s", ai+1, gold[gi].Name, around(a.Text, gold[gi].Start, gold[gi].End)))
				}
			}
		}
	}
	rep.Seconds = time.Since(start).Seconds()
	if opt.GoldSpans {
		rep.Mode = "gold-spans"
		rep.Resolution = Summarise(errs)
		rep.Resolution.Unresolved = unresolved
		if best != nil {
			c := Summarise(best)
			for _, km := range best {
				if km >= MaxErrorKM {
					c.Unresolved++
				}
			}
			rep.Ceiling = &c
		}
		return rep, nil
	}
	rep.Mode = "end-to-end"
	prf.Precision = ratio(prf.TP, prf.TP+prf.FP)
	prf.Recall = ratio(prf.TP, prf.TP+prf.FN)
	if prf.Precision+prf.Recall > 0 {
		prf.F1 = 2 * prf.Precision * prf.Recall / (prf.Precision + prf.Recall)
	}
	rep.Recognition = &prf
	rep.Resolution = Summarise(errs)
	e2e = append(e2e, errs...)
	for range e2eMissed {
		e2e = append(e2e, MaxErrorKM)
	}
	s := Summarise(e2e)
	s.Unresolved = e2eMissed
	rep.EndToEnd = &s
	return rep, nil
}

// predictions returns the places that count as recognised toponyms: the
// corpus's roles, named (starting with a capital letter), not offset
// phrases or border areas ("93 miles southeast of Tripoli", "Tunisian
// border"), one per span.
func predictions(doc *sitrep.Document, roles []sitrep.PlaceRole) []sitrep.Place {
	var out []sitrep.Place
	seen := map[sitrep.Span]bool{}
	for _, p := range doc.Places {
		ok := false
		for _, r := range roles {
			ok = ok || p.Role == r
		}
		if !ok || seen[p.Span] || p.FeatureCode == "BDR" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(p.Text)
		if !unicode.IsUpper(r) {
			continue
		}
		if p.Anchor != nil && hasLowerWord(p.Text) {
			continue
		}
		seen[p.Span] = true
		out = append(out, p)
	}
	return out
}

func hasLowerWord(s string) bool {
	prevSpace := true
	for _, r := range s {
		if prevSpace && unicode.IsLower(r) {
			return true
		}
		prevSpace = unicode.IsSpace(r)
	}
	return false
}

// excused reports whether a prediction falls on a gold annotation that is
// not scored (unlinked places, ignored types).
func excused(ts []Toponym, sp sitrep.Span) bool {
	for _, t := range ts {
		if (!t.Linked || t.Ignore) && t.Start < sp.End && sp.Start < t.End {
			return true
		}
	}
	return false
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Summarise computes accuracy@161 km, mean and median error and the AUC
// of the log error: the area under the sorted curve of ln(error+1),
// divided by ln(20039) and the number of intervals (Gritta et al. 2018;
// 0 is perfect, 1 the worst).
func Summarise(errs []float64) Resolution {
	r := Resolution{N: len(errs)}
	if len(errs) == 0 {
		return r
	}
	s := append([]float64(nil), errs...)
	sort.Float64s(s)
	within, sum := 0, 0.0
	for _, e := range s {
		if e <= 161 {
			within++
		}
		sum += e
	}
	r.Acc161 = float64(within) / float64(len(s))
	r.MeanKM = sum / float64(len(s))
	if n := len(s); n%2 == 1 {
		r.MedianKM = s[n/2]
	} else {
		r.MedianKM = (s[n/2-1] + s[n/2]) / 2
	}
	if len(s) > 1 {
		area := 0.0
		for i := 1; i < len(s); i++ {
			area += (math.Log(s[i-1]+1) + math.Log(s[i]+1)) / 2
		}
		r.AUC = area / (math.Log(MaxErrorKM) * float64(len(s)-1))
	}
	return r
}

// around returns the text around a span, for error listings.
func around(text string, start, end int) string {
	a, b := max(0, start-30), min(len(text), end+30)
	for a > 0 && !utf8.RuneStart(text[a]) {
		a--
	}
	for b < len(text) && !utf8.RuneStart(text[b]) {
		b++
	}
	return strings.ReplaceAll(text[a:start]+"["+text[start:end]+"]"+text[end:b], "\n", " ")
}
