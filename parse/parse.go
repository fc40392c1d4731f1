// Package parse is sitrep's dependency parser: a stage that gives every
// token of a tagged sentence its syntactic head (Token.Head) and Universal
// Dependencies relation (Token.Rel).
//
// The parser is a greedy transition-based parser in the arc-eager system
// (Nivre 2003) with labelled arcs, scored by an averaged perceptron (package
// perceptron) over the rich non-local features of Zhang and Nivre (2011):
// words, tags and distributional clusters of the stack and buffer words,
// their heads and outermost dependents, arc labels, distance, valency and
// label sets. It is trained with the dynamic oracle of Goldberg and Nivre
// (2012), which lets it learn to recover from its own mistakes, on
// Universal Dependencies English EWT with tags predicted by the tagger
// (see Train and `sitrep train parse`). The trained model is embedded in
// the binary (Default).
//
// The parser reads Token.Text, Token.UPOS and Token.XPOS; it needs the
// tagger to have run first, and leaves sentences without tags unparsed.
//
// Settings: none beyond the model (Config.Model).
package parse

import (
	"context"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/modelio"
	"github.com/sitrep/sitrep/perceptron"
)

// Model is a trained parser. It is safe for concurrent use.
type Model struct {
	labels    []string
	w         *perceptron.Model
	clusters  map[string]int32
	rootLabel int
	fallback  int // label of words left over at the end
	labelAtom []uint64
}

const (
	fileKind    = "parse"
	fileVersion = 1
)

// Labels returns the dependency relations the model predicts.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

func (m *Model) init() error {
	m.rootLabel, m.fallback = -1, -1
	m.labelAtom = make([]uint64, len(m.labels))
	for i, l := range m.labels {
		m.labelAtom[i] = perceptron.Hash(l) | 1<<62
		switch l {
		case "root":
			m.rootLabel = i
		case "dep":
			m.fallback = i
		}
	}
	if m.rootLabel < 0 {
		return fmt.Errorf("parse model has no root relation")
	}
	if m.fallback < 0 {
		m.fallback = m.rootLabel
	}
	if m.w != nil && m.w.Classes() != 2+2*len(m.labels) {
		return fmt.Errorf("parse model: %d relations but %d classes", len(m.labels), m.w.Classes())
	}
	return nil
}

// parser holds the scratch space of one parse.
type parser struct {
	s      state
	a      atoms
	feats  []uint64
	scores []float32
}

var pool = sync.Pool{New: func() any { return new(parser) }}

// normalize lower-cases a form and maps digits to 0.
func normalize(s string) string {
	need := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= '1' && c <= '9' || c >= utf8.RuneSelf {
			need = true
			break
		}
	}
	if !need {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= '1' && r <= '9' {
			b.WriteByte('0')
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// prepare fills the atoms of a sentence and resets the state.
func (m *Model) prepare(p *parser, forms, tags []string) {
	m.prepareAtoms(p, forms, tags)
	if cap(p.scores) < m.w.Classes() {
		p.scores = make([]float32, m.w.Classes())
	}
	p.scores = p.scores[:m.w.Classes()]
}

func (m *Model) prepareAtoms(p *parser, forms, tags []string) {
	n := len(forms)
	grow := func(x []uint64) []uint64 {
		if cap(x) < n+3 {
			return make([]uint64, n+3)
		}
		return x[:n+3]
	}
	p.a.w, p.a.p, p.a.c = grow(p.a.w), grow(p.a.p), grow(p.a.c)
	p.a.w[0], p.a.p[0], p.a.c[0] = 0x1f83d9abfb41bd6b, 0x1f83d9abfb41bd6b, 0x1f83d9abfb41bd6b
	for i, f := range forms {
		nf := normalize(f)
		p.a.w[i+1] = perceptron.Hash(nf)
		p.a.p[i+1] = perceptron.Hash(tags[i])
		p.a.c[i+1] = 3
		if c, ok := m.clusters[nf]; ok {
			p.a.c[i+1] = uint64(c) + 16
		}
	}
	p.a.w[n+1], p.a.p[n+1], p.a.c[n+1] = noneAtom, noneAtom, noneAtom
	p.a.w[n+2], p.a.p[n+2], p.a.c[n+2] = endAtom, endAtom, endAtom
	p.s.reset(n)
}

// best returns the highest-scoring valid transition.
func (m *Model) best(s *state, scores []float32) int {
	best := -1
	var bs float32
	for c, sc := range scores {
		if (best < 0 || sc > bs) && s.valid(c, m.rootLabel) {
			best, bs = c, sc
		}
	}
	return best
}

// Parse parses a sentence of word forms with their tags ("UPOS XPOS", as
// the tagger's joint tag) and returns 1-based heads (0 for the root) and
// relations.
func (m *Model) Parse(forms, tags []string) (heads []int, rels []string) {
	p := pool.Get().(*parser)
	defer pool.Put(p)
	m.parse(p, forms, tags)
	heads = make([]int, len(forms))
	rels = make([]string, len(forms))
	for i := range forms {
		heads[i] = p.s.heads[i+1]
		rels[i] = m.labels[p.s.labels[i+1]]
	}
	return heads, rels
}

func (m *Model) parse(p *parser, forms, tags []string) {
	m.prepare(p, forms, tags)
	for !p.s.terminal() {
		p.feats = features(p.feats[:0], &p.s, &p.a, m.labelAtom)
		clear(p.scores)
		m.w.Score(p.feats, p.scores)
		p.s.apply(m.best(&p.s, p.scores))
	}
	p.s.finish(m.rootLabel, m.fallback)
}

// Encode returns the model file.
func (m *Model) Encode() []byte {
	w := modelio.NewWriter(fileKind, fileVersion)
	w.Strings(m.labels)
	cl := make([]string, 0, len(m.clusters))
	for k, v := range m.clusters {
		cl = append(cl, k+"\x00"+strconv.Itoa(int(v)))
	}
	sortStrings(cl)
	w.Strings(cl)
	w.Model(m.w, 0)
	return w.Bytes()
}

// Decode reads a model file written by Encode.
func Decode(file []byte) (*Model, error) {
	r, err := modelio.NewReader(file, fileKind, fileVersion)
	if err != nil {
		return nil, err
	}
	m := &Model{labels: r.Strings()}
	cl := r.Strings()
	m.w = r.Model()
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("read parse model: %w", err)
	}
	m.clusters = make(map[string]int32, len(cl))
	for _, s := range cl {
		k, v, _ := strings.Cut(s, "\x00")
		id, err := strconv.Atoi(v)
		if err != nil {
			return nil, fmt.Errorf("read parse model: bad cluster entry %q", s)
		}
		m.clusters[k] = int32(id)
	}
	if err := m.init(); err != nil {
		return nil, err
	}
	return m, nil
}

//go:embed model/parse.model
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, decoding it on first use and
// sharing it afterwards.
func Default() (*Model, error) {
	defaultOnce.Do(func() { defaultModel, defaultErr = Load() })
	return defaultModel, defaultErr
}

// Load decodes the embedded model afresh. Most callers want Default.
func Load() (*Model, error) {
	m, err := Decode(embedded)
	if err != nil {
		return nil, fmt.Errorf("embedded %s model: %w", fileKind, err)
	}
	return m, nil
}

// Config holds the parser's settings.
type Config struct {
	// Model is the model to parse with; nil means the embedded one.
	Model *Model
}

// DefaultConfig returns the settings sitrep extract uses.
func DefaultConfig() Config { return Config{} }

// Validate reports whether the settings can be used.
func (c Config) Validate() error { return nil }

// Parser is the parsing stage.
type Parser struct {
	m *Model
}

var _ sitrep.Stage = (*Parser)(nil)

// New returns a parser with the given settings.
func New(cfg Config) (*Parser, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	m := cfg.Model
	if m == nil {
		var err error
		if m, err = Default(); err != nil {
			return nil, err
		}
	}
	return &Parser{m: m}, nil
}

// Name implements sitrep.Namer.
func (*Parser) Name() string { return "parse" }

// Annotate sets Head and Rel on the tokens of every tagged sentence. A
// sentence whose tokens have no tags is left unparsed, with one warning
// for the document.
func (ps *Parser) Annotate(ctx context.Context, doc *sitrep.Document) error {
	p := pool.Get().(*parser)
	defer pool.Put(p)
	var forms, tags []string
	warned := false
	for si, s := range doc.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if s.Last <= s.First || s.Last > len(doc.Tokens) {
			continue
		}
		toks := doc.Tokens[s.First:s.Last]
		forms, tags = forms[:0], tags[:0]
		tagged := true
		for _, t := range toks {
			if t.UPOS == "" {
				tagged = false
				break
			}
			forms = append(forms, t.Text)
			tags = append(tags, t.UPOS+" "+t.XPOS)
		}
		if !tagged {
			if !warned {
				doc.Warn("parse", "tokens have no part-of-speech tags; run the tagger before the parser", s.Span)
				warned = true
			}
			continue
		}
		ps.m.parse(p, forms, tags)
		for i := range toks {
			h := p.s.heads[i+1]
			if h == 0 {
				toks[i].Head = -1
			} else {
				toks[i].Head = s.First + h - 1
			}
			toks[i].Rel = ps.m.labels[p.s.labels[i+1]]
		}
	}
	return nil
}

// Pruned returns a copy of the model without the smallest weights: drop
// is the share (0 to 1) of the weights an encoding keeps (those that do not
// round to zero) dropped, so pruning a decoded model file gives the same
// result as pruning the model before it was written. Small weights rarely change a
// decision; dropping them shrinks the file and speeds up parsing.
func (m *Model) Pruned(drop float64) *Model {
	c := *m
	q := m.w.Quantized()
	c.w = q.Prune(q.Quantile(drop))
	return &c
}

// Thinned returns a copy of the model without the given share (0 to 1) of
// all its trained weights, smallest first; most of them are too small to
// survive encoding anyway. It is what `sitrep train parse --prune` applies
// before writing; Pruned is the finer knob for model files.
func (m *Model) Thinned(share float64) *Model {
	c := *m
	c.w = m.w.Prune(m.w.Quantile(share))
	return &c
}
