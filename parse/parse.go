// Package parse is sitrep's dependency parser: a stage that gives every
// token of a tagged sentence its syntactic head (Token.Head) and Universal
// Dependencies relation (Token.Rel).
//
// The parser is a greedy transition-based parser in the arc-eager system
// (Nivre 2003) with labelled arcs, scored by an averaged perceptron (package
// perceptron) over the rich non-local features of Zhang and Nivre (2011):
// words and tags of the stack and buffer words,
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
// Settings: the model (Config.Model) and the width of the beam
// (Config.Beam): 1, the default, parses greedily; a wider beam keeps that
// many partial parses (beam.go) and suits only a model trained for it
// (TrainConfig.Beam, a global perceptron): on EWT dev a beam-trained
// model with beam 32 gains 1.9 LAS over the greedy parser at a twentieth
// of its speed, and the greedy model loses with a beam (docs/evaluation.md).
package parse

import (
	"context"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/modelio"
	"github.com/sitrep/sitrep/internal/wordform"
	"github.com/sitrep/sitrep/perceptron"
)

// Model is a trained parser. It is safe for concurrent use.
type Model struct {
	labels    []string
	w         *perceptron.Table
	rootLabel int
	fallback  int // label of words left over at the end
	labelAtom []uint64
	// upos lists the universal tags seen in training; arcLabels holds, for
	// each head tag, dependent tag and direction ((h*n+d)*2 + 1 when the
	// dependent is right of its head, n = len(upos)+1 with the last tag
	// standing for any other), the labels arcs between such words had in
	// training. Only those arcs are scored: a feature's weights for other
	// labels are never read.
	upos      []string
	uposID    map[string]uint8
	arcLabels [][]uint8
	allLabels []uint8
}

const (
	fileKind    = "parse"
	fileVersion = 4 // 4: fifteen feature templates left out
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
	m.uposID = make(map[string]uint8, len(m.upos))
	for i, u := range m.upos {
		m.uposID[u] = uint8(i)
	}
	m.allLabels = m.allLabels[:0]
	for l := range m.labels {
		if l != m.rootLabel {
			m.allLabels = append(m.allLabels, uint8(l))
		}
	}
	if n := len(m.upos) + 1; len(m.arcLabels) != 0 && len(m.arcLabels) != n*n*2 || len(m.upos) > 250 {
		return fmt.Errorf("parse model: %d arc label sets for %d tags", len(m.arcLabels), len(m.upos))
	}
	for _, set := range m.arcLabels {
		for _, l := range set {
			if int(l) >= len(m.labels) {
				return fmt.Errorf("parse model: arc label %d of %d", l, len(m.labels))
			}
		}
	}
	if m.w != nil && m.w.Classes() != 2+2*len(m.labels) {
		return fmt.Errorf("parse model: %d relations but %d classes", len(m.labels), m.w.Classes())
	}
	return nil
}

// parser holds the scratch space of one parse.
type parser struct {
	s       state
	a       atoms
	feats   []uint64
	scores  []float32 // training
	iscores []int32
	cands   []uint8
	u       []uint8 // universal tag id of each word, index 0 the root
	// memo remembers the cells of the features scored lately: over half
	// of a sentence's look-ups are of features scored in an earlier state
	// of it (EWT dev: 54%; 30% in the state just before).
	memo perceptron.Memo
	beam beam // beam search's scratch space
}

var pool = sync.Pool{New: func() any { return new(parser) }}

// prepare fills the atoms of a sentence and resets the state.
func (m *Model) prepare(p *parser, forms, tags []string) {
	m.prepareAtoms(p, forms, tags)
	m.prepareScores(p)
}

// prepareScores sizes p's scores for m.
func (m *Model) prepareScores(p *parser) {
	if cap(p.iscores) < m.w.Classes() {
		p.iscores = make([]int32, m.w.Classes())
	}
	p.iscores = p.iscores[:m.w.Classes()]
}

func (m *Model) prepareAtoms(p *parser, forms, tags []string) {
	m.fillAtoms(p, forms, func(i int) (string, uint64) {
		u, _, _ := strings.Cut(tags[i], " ")
		return u, perceptron.Hash(tags[i])
	})
}

// fillAtoms is prepareAtoms with each word's tag given by tag: its
// universal tag and the hash of the joint tag ("UPOS XPOS").
func (m *Model) fillAtoms(p *parser, forms []string, tag func(i int) (upos string, joint uint64)) {
	n := len(forms)
	grow := func(x []uint64) []uint64 {
		if cap(x) < n+3 {
			return make([]uint64, n+3)
		}
		return x[:n+3]
	}
	p.a.w, p.a.p = grow(p.a.w), grow(p.a.p)
	p.a.w[0], p.a.p[0] = 0x1f83d9abfb41bd6b, 0x1f83d9abfb41bd6b
	if cap(p.u) < n+1 {
		p.u = make([]uint8, n+1)
	}
	p.u = p.u[:n+1]
	other := uint8(len(m.upos))
	p.u[0] = other
	for i, f := range forms {
		u, h := tag(i)
		id, ok := m.uposID[u]
		if !ok {
			id = other
		}
		p.u[i+1] = id
		p.a.w[i+1] = perceptron.Hash(wordform.Normalize(f))
		p.a.p[i+1] = h
	}
	p.a.w[n+1], p.a.p[n+1] = noneAtom, noneAtom
	p.a.w[n+2], p.a.p[n+2] = endAtom, endAtom
	p.s.reset(n)
}

// best returns the highest-scoring valid transition.
func best[S int32 | float32](m *Model, s *state, scores []S) int {
	b := -1
	var bs S
	for c, sc := range scores {
		if (b < 0 || sc > bs) && s.valid(c, m.rootLabel) {
			b, bs = c, sc
		}
	}
	return b
}

// candidates lists the transitions worth scoring in p's state: those
// that are valid (shift; reduce when the stack top has its head, left arcs
// when it has not) and, among the arcs between the stack top and the
// buffer front, only those with the labels such arcs had in training (all
// labels when the model has no sets). Scoring a transition that cannot be
// taken would only cost time: in any state either reduce or every left
// arc is invalid.
func (m *Model) candidates(p *parser, s *state) []uint8 {
	c := append(p.cands[:0], shift)
	top, b := s.top(), s.b
	if top == 0 {
		// The root takes one dependent, with the root label; parse shifts
		// without scoring once it has it.
		p.cands = append(c, uint8(3+2*m.rootLabel))
		return p.cands
	}
	left, right := m.allLabels, m.allLabels
	if len(m.arcLabels) > 0 {
		n := len(m.upos) + 1
		if set := m.arcLabels[(int(p.u[b])*n+int(p.u[top]))*2]; len(set) > 0 {
			left = set
		}
		if set := m.arcLabels[(int(p.u[top])*n+int(p.u[b]))*2+1]; len(set) > 0 {
			right = set
		}
	}
	if s.heads[top] >= 0 {
		c = append(c, reduce)
	} else {
		for _, l := range left {
			c = append(c, uint8(2+2*int(l)))
		}
	}
	for _, l := range right {
		if int(l) != m.rootLabel {
			c = append(c, uint8(3+2*int(l)))
		}
	}
	p.cands = c
	return c
}

// bestOf returns the highest-scoring valid transition among cands (shift,
// always among them, is valid until the end), the lowest on ties.
func bestOf(m *Model, s *state, cands []uint8, scores []int32) int {
	b := -1
	var bs int32
	for _, c := range cands {
		if sc := scores[c]; (b < 0 || sc > bs || sc == bs && int(c) < b) && s.valid(int(c), m.rootLabel) {
			b, bs = int(c), sc
		}
	}
	return b
}

// Parse parses a sentence of word forms with their tags ("UPOS XPOS", as
// the tagger's joint tag) and returns 1-based heads (0 for the root) and
// relations.
func (m *Model) Parse(forms, tags []string) (heads []int, rels []string) {
	p := pool.Get().(*parser)
	defer pool.Put(p)
	m.parse(p, forms, tags)
	return m.result(p, len(forms))
}

// result returns the heads and relations of the n words p has parsed.
func (m *Model) result(p *parser, n int) (heads []int, rels []string) {
	heads = make([]int, n)
	rels = make([]string, n)
	for i := range n {
		heads[i] = p.s.heads[i+1]
		rels[i] = m.labels[p.s.labels[i+1]]
	}
	return heads, rels
}

func (m *Model) parse(p *parser, forms, tags []string) {
	m.prepare(p, forms, tags)
	m.transitions(p)
}

// transitions parses the prepared sentence in p.
func (m *Model) transitions(p *parser) {
	for !p.s.terminal() {
		if p.s.top() == 0 && p.s.vr[0] > 0 {
			// The root has its dependent: shifting is all there is to do.
			p.s.apply(shift)
			continue
		}
		p.feats = features(p.feats[:0], &p.s, &p.a, m.labelAtom)
		cands := m.candidates(p, &p.s)
		clear(p.iscores)
		m.w.ScoreClassesMemo(p.feats, cands, p.iscores, &p.memo)
		p.s.apply(bestOf(m, &p.s, cands, p.iscores))
	}
	p.s.finish(m.rootLabel, m.fallback)
}

// Encode returns the model file.
func (m *Model) Encode() ([]byte, error) {
	w := modelio.NewWriter(fileKind, fileVersion)
	w.Strings(m.labels)
	w.Strings(m.upos)
	sets := make([]string, len(m.arcLabels))
	for i, s := range m.arcLabels {
		sets[i] = string(s)
	}
	w.Strings(sets)
	w.Table(m.w)
	return w.Bytes()
}

// Decode reads a model file written by Encode. The model uses file's
// memory in place (see modelio), so file must not change afterwards.
func Decode(file []byte) (*Model, error) {
	r, err := modelio.NewReader(file, fileKind, fileVersion)
	if err != nil {
		return nil, err
	}
	m := &Model{labels: r.Strings(), upos: r.Strings()}
	for _, s := range r.Strings() {
		m.arcLabels = append(m.arcLabels, []uint8(s))
	}
	m.w = r.Table()
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("read parse model: %w", err)
	}
	if len(m.labels) > 64 {
		return nil, fmt.Errorf("read parse model: %d relations, at most 64", len(m.labels))
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
	m, err := Decode(modelio.Aligned(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded %s model: %w", fileKind, err)
	}
	return m, nil
}

// Config holds the parser's settings.
type Config struct {
	// Model is the model to parse with; nil means the embedded one.
	Model *Model
	// Beam is the width of the beam: 1 (or 0) parses greedily, at most
	// MaxBeam.
	Beam int
}

// DefaultConfig returns the settings sitrep extract uses.
func DefaultConfig() Config { return Config{Beam: 1} }

// Validate reports whether the settings can be used.
func (c Config) Validate() error {
	if c.Beam < 0 || c.Beam > MaxBeam {
		return fmt.Errorf("parse config: Beam must be in [0, %d], got %d", MaxBeam, c.Beam)
	}
	return nil
}

// Parser is the parsing stage.
type Parser struct {
	m    *Model
	beam int
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
	return &Parser{m: m, beam: cfg.Beam}, nil
}

// Name implements sitrep.Namer.
func (*Parser) Name() string { return "parse" }

// Annotate sets Head and Rel on the tokens of every tagged sentence. A
// sentence whose tokens have no tags is left unparsed, with one warning
// for the document.
func (ps *Parser) Annotate(ctx context.Context, doc *sitrep.Document) error {
	p := pool.Get().(*parser)
	defer pool.Put(p)
	var forms []string
	var toks []sitrep.Token
	tag := func(i int) (string, uint64) { return toks[i].UPOS, perceptron.HashJoint(toks[i].UPOS, toks[i].XPOS) }
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
		toks = doc.Tokens[s.First:s.Last]
		forms = forms[:0]
		tagged := true
		for _, t := range toks {
			if t.UPOS == "" {
				tagged = false
				break
			}
			forms = append(forms, t.Text)
		}
		if !tagged {
			if !warned {
				doc.Warn("parse", "tokens have no part-of-speech tags; run the tagger before the parser", s.Span)
				warned = true
			}
			continue
		}
		ps.m.fillAtoms(p, forms, tag)
		ps.m.prepareScores(p)
		if ps.beam > 1 {
			ps.m.search(p, ps.beam)
		} else {
			ps.m.transitions(p)
		}
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
// is the share (0 to 1) of the weights the model file holds dropped. Small
// weights rarely change a decision; dropping them shrinks the file and
// speeds up parsing.
func (m *Model) Pruned(drop float64) *Model {
	c := *m
	c.w = m.w.Prune(drop)
	return &c
}
