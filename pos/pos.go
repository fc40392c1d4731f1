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
// Settings: the model (Config.Model) and the finite-verb rule
// (Config.FiniteMargin, off by default; see Model.WithFiniteMargin).
package pos

import (
	"context"
	_ "embed"
	"fmt"
	"slices"
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
	w          *perceptron.Table
	// w2 is the second pass, which re-tags each word knowing the first
	// pass's tags to its right; nil for a one-pass model.
	w2 *perceptron.Table
	// amb maps normalised frequent words to the id of the set of tags they
	// were seen with (their ambiguity class).
	amb *modelio.Dict
	// unamb maps frequent normalised words that (nearly) always had one
	// tag in training to that tag's class; they are tagged without scoring.
	unamb *modelio.Dict
	// tagdict maps normalised words seen often enough in training to the
	// set of classes they were seen with (an index into sets); the
	// tagger chooses only among those. Other words choose among the
	// classes rare words were seen with, sets[open]. A nil tagdict leaves
	// every class open.
	tagdict *modelio.Dict
	sets    [][]uint8
	open    uint32
	lem     *lemmatizer
	// tagHash is the feature atom of each class as a previous tag.
	tagHash []uint64
	// finite marks the classes of finite verbs and modals.
	finite []bool
	// role holds what the finite-verb rule (WithFiniteMargin) needs to
	// know of each class: roleNoun, roleSubject, roleVerb, roleFinite.
	role []uint8
	// finiteMargin, when above 0, is how far (in the final pass's integer
	// score units) a finite verb reading may trail the chosen tag for
	// the tagger to take it in a sentence left without a finite verb (see
	// WithFiniteMargin).
	finiteMargin int32
	// clause: the model was trained with the clause features (see
	// TrainConfig.ClauseFeatures); the file says so in its pass flags.
	clause bool
}

const (
	fileKind    = "pos"
	fileVersion = 4
)

// Roles of a class for the finite-verb rule (see Model.role).
const (
	roleNoun    = 1 << iota // NN, NNS
	roleSubject             // NN, NNS, NNP, NNPS, PRP
	roleVerb                // VB, VBD, VBZ, VBP, MD
	roleFinite              // VBD, VBZ, VBP
	rolePunct               // PUNCT
)

// The model file's flags after the first pass's table.
const (
	flagSecondPass = 1 << iota
	_              // context trigrams, measured and dropped
	flagClause
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
	m.role = make([]uint8, len(m.tags))
	for i, t := range m.tags {
		switch x := t[strings.IndexByte(t, ' ')+1:]; x {
		case "NN", "NNS":
			m.role[i] = roleNoun | roleSubject
		case "NNP", "NNPS", "PRP":
			m.role[i] = roleSubject
		case "VBD", "VBZ", "VBP":
			m.role[i] = roleVerb | roleFinite
		case "VB", "MD":
			m.role[i] = roleVerb
		}
		if strings.HasPrefix(t, "PUNCT ") {
			m.role[i] = rolePunct
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
	cands   [][]uint8 // the classes each word may take; nil: all
	feats   []uint64
	scores  []float32 // training
	iscores []int32
	classes []int
	first   []int
	fixed   []int32
	// domain is the atom of the text's domain, 0 for a model without
	// domains.
	domain uint64
	// split: score with the cached entries of the words (ents) and their
	// context features only (see formEntry). forms caches the entries by
	// form, for not-first and first words, for cacheModel.
	split      bool
	ents       []*formEntry
	forms      [2]map[string]*formEntry
	cacheModel *Model
	// memo finds the features each pass looks up (split) in its table.
	memo   [2]perceptron.Memo
	vl, vr uint64 // the verb flags of the word being scored (split)
	// gaps and gapClass are finiteGaps's record of a sentence.
	gaps, gapClass []int32
	// pads are the entries of the padding before and after a sentence;
	// vectors counts the neighbour vectors cached, which come from slab;
	// zero is a vector of zeros; base, near and rfeats are scratch space.
	pads    [2]*formEntry
	vectors int
	slab    perceptron.Slab
	zero    []int32
	base    []int32
	near    [nRoles][]int32
	rfeats  []uint64
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
	t.domain = 0
	cls := m.run(t, forms)
	for i, c := range cls {
		out[i] = Tag{UPOS: m.upos[c], XPOS: m.xpos[c], Lemma: m.lemmaAt(t, i, forms[i], c)}
	}
	return out
}

// lemmaAt returns the lemma of word i of the sentence run last tagged
// with t, form with class c: from the word's cache entry when it has the
// lemma for c.
func (m *Model) lemmaAt(t *tagger, i int, form string, c int) string {
	if !t.split {
		return m.lemma(form, m.upos[c], m.xpos[c])
	}
	e := t.ents[i]
	if e.lemClass != int32(c) {
		// A copy, as the entry's key is: a lemma may be cut from the form.
		e.lemma, e.lemClass = strings.Clone(m.lemma(form, m.upos[c], m.xpos[c])), int32(c)
	}
	return e.lemma
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
	if cap(t.iscores) < len(m.tags) {
		t.iscores = make([]int32, len(m.tags))
	}
	t.split = m.splits(t)
	var cls []int
	if t.split {
		cls = m.tagClasses(t, forms, m.predictSplit(t, 0))
	} else {
		cls = m.tagClasses(t, forms, func(i int, f []uint64, _ []float32) int { return predict(m.w, f, t.cands[i], t.iscores) })
	}
	if m.w2 == nil {
		return cls
	}
	t.first = append(t.first[:0], cls...)
	p := m.predictSplit(t, 1)
	if !t.split {
		p = func(i int, f []uint64, _ []float32) int { return predict(m.w2, f, t.cands[i], t.iscores) }
	}
	if m.finiteMargin <= 0 {
		return m.secondPass(t, forms, t.first, p)
	}
	gp := m.finiteGaps(t, len(forms), p)
	cls = m.secondPass(t, forms, t.first, gp)
	for _, c := range cls {
		if m.role[c]&roleVerb != 0 {
			return cls
		}
	}
	// No verb (nor an imperative's or a modal's): of the nouns right
	// after a possible subject (a noun or pronoun) and before a word (not
	// punctuation, nor the end), take the one whose finite verb reading
	// trails least, if it trails by at most the margin, and tag the rest
	// again around it.
	best := -1
	for i, g := range t.gaps {
		if i == 0 || i+1 == len(cls) || m.role[cls[i]]&roleNoun == 0 || m.role[cls[i-1]]&roleSubject == 0 || m.role[cls[i+1]]&rolePunct != 0 {
			continue
		}
		if g >= 0 && g <= m.finiteMargin && (best < 0 || g < t.gaps[best]) {
			best = i
		}
	}
	if best < 0 {
		return cls
	}
	t.fixed[best] = t.gapClass[best]
	return m.secondPass(t, forms, t.first, p)
}

// finiteGaps wraps the final pass's predict p to record, for every word
// it scores, how far its best finite verb class trails the class chosen
// (t.gaps, -1 when it has none among its candidates) and which class
// that is (t.gapClass).
func (m *Model) finiteGaps(t *tagger, n int, p func(i int, feats []uint64, scores []float32) int) func(i int, feats []uint64, scores []float32) int {
	t.gaps = slices.Grow(t.gaps[:0], n)[:n]
	t.gapClass = slices.Grow(t.gapClass[:0], n)[:n]
	for i := range t.gaps {
		t.gaps[i] = -1
	}
	return func(i int, f []uint64, s []float32) int {
		c := p(i, f, s)
		cands := t.cands[i]
		if cands != nil && len(cands) < 2 {
			return c
		}
		top := t.iscores[c]
		consider := func(k int) {
			if m.role[k]&roleFinite == 0 {
				return
			}
			if g := top - t.iscores[k]; t.gaps[i] < 0 || g < t.gaps[i] {
				t.gaps[i], t.gapClass[i] = g, int32(k)
			}
		}
		if cands == nil {
			for k := range m.tags {
				consider(k)
			}
		} else {
			for _, k := range cands {
				consider(int(k))
			}
		}
		return c
	}
}

// WithFiniteMargin returns a copy of the model that gives a sentence a
// finite verb when one is close: when the final pass tags no word a verb
// (VB, VBD, VBZ, VBP, MD), then of the words tagged a common noun right
// after a noun or pronoun (a possible subject) and followed by a word
// that is not punctuation ("Good sports bar." stays), the one whose finite verb
// reading (VBD, VBZ, VBP) trails its noun reading least, by at most margin
// (in weight units), is tagged that, and the sentence again around it
// ("Gunmen shot/VBD him", "Rebels fire/VBP rockets"). 0 leaves the model
// as it is. Only for a two-pass model; a one-pass model is returned as it
// is.
func (m *Model) WithFiniteMargin(margin float64) *Model {
	c := *m
	c.finiteMargin = 0
	if margin > 0 && m.w2 != nil {
		c.finiteMargin = int32(min(margin/float64(m.w2.Scale()), 1<<30))
	}
	return &c
}

// predictSplit is the predict function of pass (0 or 1) for a tagger
// that scores with its cached entries (t.split): a word's intrinsic and
// neighbours' scores come from the entries, its other features are
// looked up.
func (m *Model) predictSplit(t *tagger, pass int) func(i int, f []uint64, _ []float32) int {
	w := m.w
	if pass == 1 {
		w = m.w2
	}
	return func(i int, f []uint64, _ []float32) int {
		e := t.ents[i]
		if len(e.cands) == 1 {
			return int(e.cands[0])
		}
		f = m.neighbours(t, f, i, pass)
		f, part := m.intrinsicPart(t, e, f, pass)
		return predictPart(w, f, e.cands, part, t.iscores, &t.near, &t.memo[pass])
	}
}

// predict returns the best of the candidate classes (all when cands is
// nil) under w.
func predict(w *perceptron.Table, feats []uint64, cands []uint8, scores []int32) int {
	if cands == nil {
		return w.Predict(feats, scores)
	}
	if len(cands) == 1 {
		// A word seen often enough with one tag only: nothing to choose.
		return int(cands[0])
	}
	clear(scores)
	w.ScoreClasses(feats, cands, scores)
	best := int(cands[0])
	for _, c := range cands[1:] {
		if scores[c] > scores[best] || scores[c] == scores[best] && int(c) < best {
			best = int(c)
		}
	}
	return best
}

// candidates returns the classes a normalised word may take, nil for all.
func (m *Model) candidates(norm string) []uint8 {
	if m.tagdict == nil || len(m.sets) == 0 {
		return nil
	}
	if i, ok := m.tagdict.Get(norm); ok {
		return m.sets[i]
	}
	return m.sets[m.open]
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
			if t.split {
				t.feats = near2(t.feats[:0], t.ws, i, prev, prev2, next(i+1), next(i+2))
				if m.clause {
					t.feats = clause(t.feats, &t.ws[i+2], verbLeft, uint64(min(right, 1)), m.tagHash[first[i]])
				}
				t.vl, t.vr = verbLeft, uint64(min(right, 1))
			} else {
				t.feats = features2(t.feats[:0], t.ws, i, prev, prev2, next(i+1), next(i+2), verbLeft, uint64(min(right, 1)))
				if m.clause {
					t.feats = clause(t.feats, &t.ws[i+2], verbLeft, uint64(min(right, 1)), m.tagHash[first[i]])
				}
				t.feats = augment(t.feats, t.domain)
			}
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
		t.cands = make([][]uint8, n)
	}
	t.fixed, t.cands = t.fixed[:n], t.cands[:n]
	if t.split {
		if cap(t.ents) < n {
			t.ents = make([]*formEntry, n)
		}
		t.ents = t.ents[:n]
		for i, f := range forms {
			e := m.entry(t, f, i == 0)
			t.ents[i], t.ws[i+2], t.cands[i], t.fixed[i] = e, e.w, e.cands, e.fixed
		}
	} else {
		for i, f := range forms {
			m.atoms(&t.ws[i+2], f, i == 0)
			t.cands[i] = m.candidates(t.ws[i+2].norm)
			t.fixed[i] = -1
			if c, ok := m.unamb.Get(t.ws[i+2].norm); ok {
				t.fixed[i] = int32(c)
			}
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
			if t.split {
				t.feats = near(t.feats[:0], t.ws, i, prev, prev2)
				t.vl = verbLeft
			} else {
				t.feats = features(t.feats[:0], t.ws, i, prev, prev2, verbLeft)
				t.feats = augment(t.feats, t.domain)
			}
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
func (m *Model) Encode() ([]byte, error) {
	w := modelio.NewWriter(fileKind, fileVersion)
	w.Strings(m.tags)
	w.Strings(m.lem.rules)
	w.Dict(m.amb)
	w.Dict(m.unamb)
	w.Dict(m.lem.forms)
	w.Dict(m.lem.suffixes)
	w.Dict(m.tagdict)
	sets := make([]string, len(m.sets))
	for i, s := range m.sets {
		sets[i] = string(s)
	}
	w.Strings(sets)
	w.Uint(uint64(m.open))
	w.Table(m.w)
	// Flags: bit 0, a second pass follows; bit 2, clause features.
	flags := uint64(0)
	if m.w2 != nil {
		flags |= flagSecondPass
	}
	if m.clause {
		flags |= flagClause
	}
	w.Uint(flags)
	if m.w2 != nil {
		w.Table(m.w2)
	}
	return w.Bytes()
}

// Decode reads a model file written by Encode. The model uses file's
// memory in place (see modelio), so file must not change afterwards.
func Decode(file []byte) (*Model, error) {
	r, err := modelio.NewReader(file, fileKind, fileVersion)
	if err != nil {
		return nil, err
	}
	m := &Model{tags: r.Strings(), lem: &lemmatizer{}}
	rules := r.Strings()
	m.amb, m.unamb = r.Dict(), r.Dict()
	m.lem.forms, m.lem.suffixes = r.Dict(), r.Dict()
	m.tagdict = r.Dict()
	for _, s := range r.Strings() {
		m.sets = append(m.sets, []uint8(s))
	}
	m.open = uint32(r.Uint())
	m.w = r.Table()
	flags := r.Uint()
	if flags&^(flagSecondPass|flagClause) != 0 {
		return nil, fmt.Errorf("read pos model: unknown flags %#x (a model file from a newer sitrep?)", flags)
	}
	if flags&flagSecondPass != 0 {
		m.w2 = r.Table()
	}
	m.clause = flags&flagClause != 0
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("read pos model: %w", err)
	}
	if err := m.lem.setRules(rules); err != nil {
		return nil, fmt.Errorf("read pos model: %w", err)
	}
	if len(m.tags) == 0 || m.w.Classes() != len(m.tags) || m.w2 != nil && m.w2.Classes() != len(m.tags) {
		return nil, fmt.Errorf("read pos model: %d tags but %d classes", len(m.tags), m.w.Classes())
	}
	for _, t := range m.tags {
		if !strings.Contains(t, " ") {
			return nil, fmt.Errorf("read pos model: tag %q is not \"UPOS XPOS\"", t)
		}
	}
	if bad := m.unamb.Max(); bad >= uint32(len(m.tags)) && m.unamb.Len() > 0 {
		return nil, fmt.Errorf("read pos model: a dictionary word has tag %d of %d", bad, len(m.tags))
	}
	if err := m.checkSets(); err != nil {
		return nil, fmt.Errorf("read pos model: %w", err)
	}
	m.init()
	return m, nil
}

// checkSets verifies the tag dictionary: sets of valid classes, words
// that point at sets.
func (m *Model) checkSets() error {
	if m.tagdict.Len() == 0 && len(m.sets) == 0 {
		m.tagdict = nil
		return nil
	}
	if int(m.open) >= len(m.sets) || m.tagdict.Len() > 0 && int(m.tagdict.Max()) >= len(m.sets) {
		return fmt.Errorf("tag dictionary points past its %d sets", len(m.sets))
	}
	for _, s := range m.sets {
		if len(s) == 0 {
			return fmt.Errorf("empty tag set")
		}
		for _, c := range s {
			if int(c) >= len(m.tags) {
				return fmt.Errorf("tag set with class %d of %d", c, len(m.tags))
			}
		}
	}
	return nil
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
	m, err := Decode(modelio.Aligned(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded %s model: %w", fileKind, err)
	}
	return m, nil
}

// Config holds the tagger's settings.
type Config struct {
	// Model is the model to tag with; nil means the embedded one.
	Model *Model
	// FiniteMargin, when above 0, gives a sentence the tagger leaves
	// without a verb the closest finite verb reading (see
	// Model.WithFiniteMargin). 0, the default, is off.
	FiniteMargin float64
}

// DefaultConfig returns the settings sitrep extract uses.
func DefaultConfig() Config { return Config{} }

// Validate reports whether the settings can be used.
func (c Config) Validate() error {
	if c.FiniteMargin < 0 {
		return fmt.Errorf("pos config: FiniteMargin must not be negative, got %g", c.FiniteMargin)
	}
	return nil
}

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
	return &Tagger{m: m.WithFiniteMargin(cfg.FiniteMargin)}, nil
}

// Name implements sitrep.Namer.
func (*Tagger) Name() string { return "tag" }

// Annotate sets UPOS, XPOS and Lemma on every token of every sentence. A
// document without tokens is left as it is.
func (tg *Tagger) Annotate(ctx context.Context, doc *sitrep.Document) error {
	t := pool.Get().(*tagger)
	defer pool.Put(t)
	t.domain = 0
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
			toks[i].Lemma = tg.m.lemmaAt(t, i, forms[i], c)
		}
	}
	return nil
}

// Pruned returns a copy of the model without the smallest weights: drop
// is the share (0 to 1) of the weights the model file holds dropped from
// each pass. Small weights rarely change a decision; dropping them
// shrinks the file and speeds up tagging.
func (m *Model) Pruned(drop float64) *Model {
	c := *m
	c.w = m.w.Prune(drop)
	if m.w2 != nil {
		c.w2 = m.w2.Prune(drop)
	}
	return &c
}
