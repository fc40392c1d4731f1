// Package pos is sitrep's part-of-speech tagger and lemmatizer: a stage that
// gives every token a Universal Dependencies tag (Token.UPOS), a Penn
// Treebank tag (Token.XPOS) and a lemma (Token.Lemma).
//
// The tagger is a greedy left-to-right averaged perceptron (package
// perceptron) that predicts the UPOS and XPOS pair jointly from the word, its
// affixes and shape, the words two either side, the classes of tags each
// word was seen with in training, and the tags already chosen to its left.
// Lemmas come from rules learned from the treebank: an exceptions table of
// whole forms and, for unseen words, suffix rules by tag. The model is
// trained on Universal Dependencies English EWT (see Train and `sitrep train
// pos`) and the trained model is embedded in the binary (Default).
//
// Settings: none beyond the model (Config.Model).
package pos

import (
	"context"
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/modelio"
	"github.com/sitrep/sitrep/perceptron"
)

// Model is a trained tagger and lemmatizer. It is safe for concurrent use.
type Model struct {
	upos, xpos []string // per class
	tags       []string // "UPOS XPOS" per class
	w          *perceptron.Model
	// w2 is the second pass, which re-tags each word knowing the first
	// pass's tags to its right; nil for a one-pass model.
	w2 *perceptron.Model
	// domains is set when the model was trained with domain features.
	domains bool
	// amb maps normalised frequent words to the id of the set of tags they
	// were seen with (their ambiguity class).
	amb map[string]int32
	// unamb maps frequent normalised words that (nearly) always had one
	// tag in training to that tag's class; they are tagged without scoring.
	unamb map[string]int32
	// clusters maps normalised words to a distributional cluster id.
	clusters map[string]int32
	lem      *lemmatizer
	// tagHash is the feature atom of each class as a previous tag.
	tagHash []uint64
	// finite marks the classes of finite verbs and modals.
	finite []bool
}

const (
	fileKind    = "pos"
	fileVersion = 2
)

// Tag is the result for one word.
type Tag struct {
	UPOS, XPOS, Lemma string
}

// Tagset returns the "UPOS XPOS" pairs the model predicts.
func (m *Model) Tagset() []string { return append([]string(nil), m.tags...) }

func (m *Model) init() {
	m.tagHash = make([]uint64, len(m.tags))
	for i, t := range m.tags {
		m.tagHash[i] = perceptron.Hash(t) | 1<<63
	}
	m.finite = make([]bool, len(m.tags))
	for i, t := range m.tags {
		switch t[strings.IndexByte(t, ' ')+1:] {
		case "VBD", "VBZ", "VBP", "MD":
			m.finite[i] = true
		}
	}
	m.upos = make([]string, len(m.tags))
	m.xpos = make([]string, len(m.tags))
	for i, t := range m.tags {
		m.upos[i], m.xpos[i], _ = strings.Cut(t, " ")
	}
}

// tagger holds the scratch space of one tagging call.
type tagger struct {
	ws      []word
	feats   []uint64
	scores  []float32
	classes []int
	first   []int
	fixed   []int32
	// domain is the atom of the text's domain, 0 for a model without
	// domains.
	domain uint64
}

// domain is the tagging convention a training sentence follows. A model trained on
// two sources (the hand-annotated treebank and tagger-tagged news) learns,
// next to what holds everywhere, what holds in each (Daumé 2007's feature
// augmentation): the news teaches how narrative news is written ("rebels
// attacked"), the treebank keeps its annotation conventions, which the
// parser was trained on.
type domain int

// Domains. The trained model keeps only the treebank's (see fold).
const (
	// treebank: the conventions of Universal Dependencies English EWT,
	// which the parser expects.
	treebank domain = iota
	// news: the conventions of the tagger-tagged news corpora (CoNLL-2000
	// WSJ, CoNLL-2003 Reuters), e.g. "over 1,000" as IN.
	news
)

func (d domain) atom() uint64 {
	if d == treebank {
		return 0x7ab2c0ffee5a17e1
	}
	return 0x2e3d51a4c9b8f007
}

// augment appends a domain-specific copy of every feature.
func augment(feats []uint64, domain uint64) []uint64 {
	if domain == 0 {
		return feats
	}
	n := len(feats)
	for _, f := range feats[:n] {
		feats = append(feats, perceptron.Mix(f, domain))
	}
	return feats
}

var pool = sync.Pool{New: func() any { return new(tagger) }}

// Tag tags a sentence of word forms and returns one Tag per word.
func (m *Model) Tag(forms []string) []Tag {
	out := make([]Tag, len(forms))
	t := pool.Get().(*tagger)
	defer pool.Put(t)
	t.domain = m.domainAtom(treebank)
	cls := m.run(t, forms)
	for i, c := range cls {
		out[i] = Tag{UPOS: m.upos[c], XPOS: m.xpos[c], Lemma: m.lemma(forms[i], m.upos[c], m.xpos[c])}
	}
	return out
}

func (m *Model) domainAtom(d domain) uint64 {
	if !m.domains {
		return 0
	}
	return d.atom()
}

// lemma returns the lemma of a form with its tags.
func (m *Model) lemma(form, upos, xpos string) string {
	switch upos {
	case "PUNCT", "NUM", "SYM", "X":
		if upos != "X" || m.lem == nil {
			return form
		}
	}
	if m.lem == nil {
		return form
	}
	return m.lem.lemma(form, xpos)
}

// run tags forms with one or both passes and returns the classes.
func (m *Model) run(t *tagger, forms []string) []int {
	cls := m.tagClasses(t, forms, func(_ int, f []uint64, s []float32) int { return m.w.Predict(f, s) })
	if m.w2 == nil {
		return cls
	}
	t.first = append(t.first[:0], cls...)
	return m.secondPass(t, forms, t.first, func(_ int, f []uint64, s []float32) int { return m.w2.Predict(f, s) })
}

// secondPass re-tags forms (whose atoms tagClasses has computed in t.ws)
// given the first pass's classes.
func (m *Model) secondPass(t *tagger, forms []string, first []int, predict func(i int, feats []uint64, scores []float32) int) []int {
	t.classes = t.classes[:0]
	prev, prev2 := uint64(1), uint64(1)
	next := func(k int) uint64 {
		if k < len(first) {
			return m.tagHash[first[k]]
		}
		return 2
	}
	// finiteRight counts the first pass's finite verbs right of each word.
	right := 0
	for _, c := range first {
		if m.finite[c] {
			right++
		}
	}
	verbLeft := uint64(0)
	for i := range forms {
		if m.finite[first[i]] {
			right--
		}
		c := int(t.fixed[i])
		if c < 0 {
			t.feats = augment(features2(t.feats[:0], t.ws, i, prev, prev2, next(i+1), next(i+2), verbLeft, uint64(min(right, 1))), t.domain)
			c = predict(i, t.feats, t.scores)
		}
		t.classes = append(t.classes, c)
		prev2, prev = prev, m.tagHash[c]
		if m.finite[c] {
			verbLeft = 1
		}
	}
	return t.classes
}

// tagClasses tags forms greedily with predict and returns the class of each
// word, in t.classes.
func (m *Model) tagClasses(t *tagger, forms []string, predict func(i int, feats []uint64, scores []float32) int) []int {
	n := len(forms)
	if cap(t.ws) < n+4 {
		t.ws = make([]word, n+4)
	}
	t.ws = t.ws[:n+4]
	t.ws[0], t.ws[1], t.ws[n+2], t.ws[n+3] = boundary, boundary, boundEnd, boundEnd
	if cap(t.fixed) < n {
		t.fixed = make([]int32, n)
	}
	t.fixed = t.fixed[:n]
	for i, f := range forms {
		m.atoms(&t.ws[i+2], f, i == 0)
		t.fixed[i] = -1
		if c, ok := m.unamb[t.ws[i+2].norm]; ok {
			t.fixed[i] = c
		}
	}
	if cap(t.scores) < len(m.tags) {
		t.scores = make([]float32, len(m.tags))
	}
	t.classes = t.classes[:0]
	prev, prev2 := uint64(1), uint64(1)
	verbLeft := uint64(0)
	for i := range forms {
		c := int(t.fixed[i])
		if c < 0 {
			t.feats = augment(features(t.feats[:0], t.ws, i, prev, prev2, verbLeft), t.domain)
			c = predict(i, t.feats, t.scores)
		}
		t.classes = append(t.classes, c)
		prev2, prev = prev, m.tagHash[c]
		if m.finite[c] {
			verbLeft = 1
		}
	}
	return t.classes
}

// Encode returns the model file.
func (m *Model) Encode() []byte {
	w := modelio.NewWriter(fileKind, fileVersion)
	w.Strings(m.tags)
	if m.domains {
		w.Uint(1)
	} else {
		w.Uint(0)
	}
	w.Strings(sortedMap(m.amb))
	w.Strings(sortedMap(m.unamb))
	w.Strings(sortedMap(m.clusters))
	forms, sufs := m.lem.flatten()
	w.Strings(forms)
	w.Strings(sufs)
	w.Model(m.w, 0)
	if m.w2 != nil {
		w.Uint(1)
		w.Model(m.w2, 0)
	} else {
		w.Uint(0)
	}
	return w.Bytes()
}

// sortedMap flattens a word → id map to sorted "word\x00id" strings.
func sortedMap(m map[string]int32) []string {
	out := make([]string, 0, len(m))
	for k, v := range m {
		out = append(out, fmt.Sprintf("%s\x00%d", k, v))
	}
	sort.Strings(out)
	return out
}

func unflattenMap(ss []string) (map[string]int32, error) {
	m := make(map[string]int32, len(ss))
	for _, s := range ss {
		k, v, ok := strings.Cut(s, "\x00")
		var id int32
		if _, err := fmt.Sscan(v, &id); !ok || err != nil {
			return nil, fmt.Errorf("bad word table entry %q", s)
		}
		m[k] = id
	}
	return m, nil
}

// Decode reads a model file written by Encode.
func Decode(file []byte) (*Model, error) {
	r, err := modelio.NewReader(file, fileKind, fileVersion)
	if err != nil {
		return nil, err
	}
	m := &Model{tags: r.Strings()}
	m.domains = r.Uint() == 1
	amb, unamb, clusters := r.Strings(), r.Strings(), r.Strings()
	forms, sufs := r.Strings(), r.Strings()
	m.w = r.Model()
	if r.Uint() == 1 {
		m.w2 = r.Model()
	}
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("read pos model: %w", err)
	}
	if m.amb, err = unflattenMap(amb); err != nil {
		return nil, fmt.Errorf("read pos model: %w", err)
	}
	if m.unamb, err = unflattenMap(unamb); err != nil {
		return nil, fmt.Errorf("read pos model: %w", err)
	}
	for w, c := range m.unamb {
		if c < 0 || int(c) >= len(m.tags) {
			return nil, fmt.Errorf("read pos model: word %q has tag %d of %d", w, c, len(m.tags))
		}
	}
	if m.clusters, err = unflattenMap(clusters); err != nil {
		return nil, fmt.Errorf("read pos model: %w", err)
	}
	var ok bool
	if m.lem, ok = unflatten(forms, sufs); !ok {
		return nil, fmt.Errorf("read pos model: bad lemma rules")
	}
	if m.w.Classes() != len(m.tags) || m.w2 != nil && m.w2.Classes() != len(m.tags) {
		return nil, fmt.Errorf("read pos model: %d tags but %d classes", len(m.tags), m.w.Classes())
	}
	m.init()
	return m, nil
}

//go:embed model/pos.model
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

// Config holds the tagger's settings.
type Config struct {
	// Model is the model to tag with; nil means the embedded one.
	Model *Model
}

// DefaultConfig returns the settings sitrep extract uses.
func DefaultConfig() Config { return Config{} }

// Validate reports whether the settings can be used.
func (c Config) Validate() error { return nil }

// Tagger is the tagging stage.
type Tagger struct {
	m *Model
}

var _ sitrep.Stage = (*Tagger)(nil)

// New returns a tagger with the given settings.
func New(cfg Config) (*Tagger, error) {
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
	return &Tagger{m: m}, nil
}

// Name implements sitrep.Namer.
func (*Tagger) Name() string { return "tag" }

// Annotate sets UPOS, XPOS and Lemma on every token of every sentence. A
// document without tokens is left as it is.
func (tg *Tagger) Annotate(ctx context.Context, doc *sitrep.Document) error {
	t := pool.Get().(*tagger)
	defer pool.Put(t)
	t.domain = tg.m.domainAtom(treebank)
	var forms []string
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
		forms = forms[:0]
		for _, tok := range toks {
			forms = append(forms, tok.Text)
		}
		cls := tg.m.run(t, forms)
		for i, c := range cls {
			toks[i].UPOS, toks[i].XPOS = tg.m.upos[c], tg.m.xpos[c]
			toks[i].Lemma = tg.m.lemma(forms[i], toks[i].UPOS, toks[i].XPOS)
		}
	}
	return nil
}

// Pruned returns a copy of the model without the smallest weights: drop
// is the share (0 to 1) of the weights an encoding keeps (those that do not
// round to zero) dropped from each pass, so pruning a decoded model file
// gives the same result as pruning the model before it was written. Small weights
// rarely change a decision; dropping them shrinks the file and speeds up
// tagging.
func (m *Model) Pruned(drop float64) *Model {
	c := *m
	c.w = prune(m.w, drop)
	if m.w2 != nil {
		c.w2 = prune(m.w2, drop)
	}
	return &c
}

func prune(w *perceptron.Model, drop float64) *perceptron.Model {
	q := w.Quantized()
	return q.Prune(q.Quantile(drop))
}

// Thinned returns a copy of the model without the given share (0 to 1) of
// all its trained weights, smallest first; most of them are too small to
// survive encoding anyway. It is what `sitrep train pos --prune` applies
// before writing; Pruned is the finer knob for model files.
func (m *Model) Thinned(share float64) *Model {
	c := *m
	c.w = m.w.Prune(m.w.Quantile(share))
	if m.w2 != nil {
		c.w2 = m.w2.Prune(m.w2.Quantile(share))
	}
	return &c
}
