// Package ner is sitrep's named-entity recogniser: a stage that finds
// people, organisations, places, nationalities and other names, dates and
// numbers in the tokens of a document and adds them to doc.Entities with
// Source "ner".
//
// Names come from a greedy left-to-right averaged perceptron (package
// perceptron) over BILOU tags, trained on CoNLL-2003 English. Its features
// are the word, its shape and affixes, the words around it, the tags
// already chosen, the tag the same word got earlier in the document, and
// gazetteer features: whether the token starts, continues or ends a known
// person's name, first or last name, organisation, place, country or
// demonym, from lists built at training time out of openly licensed data
// (PETRARCH2 dictionaries, GeoNames, world-countries; see NOTICE).
//
// CoNLL's four types are mapped to sitrep's kinds (docs/evaluation.md):
// PER → PERSON, ORG → ORG, LOC → GPE when the name is a known country,
// capital, province or city and LOC otherwise, MISC → NORP when the name is
// a nationality or demonym ("Russian", "Syrians") and MISC otherwise. DATE
// and NUMBER come from rules over the tokens (rules.go).
//
// The stage reads Token.Text and, when the tagger has run, Token.XPOS (for
// numbers); it needs no other stage.
//
// Settings: Config.Model, Config.Rules (dates and numbers on or off).
package ner

import (
	"context"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/modelio"
	"github.com/sitrep/sitrep/internal/wordform"
	"github.com/sitrep/sitrep/perceptron"
)

// Model is a trained recogniser. It is safe for concurrent use.
type Model struct {
	labels []string // BILOU tags; 0 is "O"
	types  []string // entity types
	w      *perceptron.Table
	// w2 is the second stage, nil for a one-stage model.
	w2  *perceptron.Table
	gaz *Gazetteer
	// caps maps lower-cased words to how often they are capitalised
	// inside sentences (see CaseStats).
	caps *modelio.Dict
	// per label: its prefix (B, I, L, U, O) and type index
	prefix    []byte
	typ       []int
	labelAtom []uint64
	typeAtom  []uint64
	// follow[prev][last] lists the labels that may follow label prev,
	// at the end of a sentence when last is 1 (BILOU).
	follow [][2][]uint8
}

const (
	fileKind    = "ner"
	fileVersion = 3
	// historySentences is how long a word's last label stays a feature.
	historySentences = 100
)

// Mention is an entity found in a sentence: tokens [Start, End) and a
// CoNLL type (PER, ORG, LOC, MISC).
type Mention struct {
	Start, End int
	Type       string
}

// Types returns the entity types the model predicts.
func (m *Model) Types() []string { return append([]string(nil), m.types...) }

func newModel(types []string) *Model {
	m := &Model{types: types, labels: []string{"O"}}
	for _, t := range types {
		for _, p := range "BILU" {
			m.labels = append(m.labels, string(p)+"-"+t)
		}
	}
	m.init()
	return m
}

func (m *Model) init() {
	m.prefix = make([]byte, len(m.labels))
	m.typ = make([]int, len(m.labels))
	m.labelAtom = make([]uint64, len(m.labels))
	for i, l := range m.labels {
		m.labelAtom[i] = perceptron.Hash(l) | 1<<61
		m.prefix[i], m.typ[i] = 'O', -1
		if i > 0 {
			m.prefix[i] = l[0]
			m.typ[i] = (i - 1) / 4
		}
	}
	m.typeAtom = make([]uint64, len(m.types)+1)
	for i, t := range m.types {
		m.typeAtom[i] = perceptron.Hash("hist " + t)
	}
	m.typeAtom[len(m.types)] = perceptron.Hash("hist O")
	m.follow = make([][2][]uint8, len(m.labels))
	for prev := range m.labels {
		for c := range m.labels {
			if !m.allowed(prev, c) {
				continue
			}
			m.follow[prev][0] = append(m.follow[prev][0], uint8(c))
			if m.allowedLast(c) {
				m.follow[prev][1] = append(m.follow[prev][1], uint8(c))
			}
		}
	}
}

// allowed reports whether label c may follow label prev (BILOU).
func (m *Model) allowed(prev, c int) bool {
	open := prev > 0 && (m.prefix[prev] == 'B' || m.prefix[prev] == 'I')
	if open {
		return (m.prefix[c] == 'I' || m.prefix[c] == 'L') && m.typ[c] == m.typ[prev]
	}
	return m.prefix[c] == 'O' || m.prefix[c] == 'B' || m.prefix[c] == 'U'
}

// allowedLast reports whether label c may end a sentence.
func (m *Model) allowedLast(c int) bool { return m.prefix[c] != 'B' && m.prefix[c] != 'I' }

// history remembers the type each capitalised word was last given.
type history struct {
	last map[string]histEntry
	sent int
}

type histEntry struct {
	typ  int // index into types, or len(types) for O
	sent int
}

func newHistory() *history { return &history{last: map[string]histEntry{}} }

// recognizer holds the scratch space of one sentence.
type recognizer struct {
	ts      []tok
	lower   []string
	marks   [][numLists]uint8
	buf     []byte
	feats   []uint64
	scores  []float32 // training
	iscores []int32
	labels  []int
	// ws are the sentence's words; words caches them by form for
	// cacheModel.
	ments      []Mention
	taken      []bool
	found      []sitrep.Entity
	ws         []*word
	words      map[string]*word
	cacheModel *Model
	memo       perceptron.Memo
	// pad is padWord with its neighbour vectors for cacheModel; the
	// vectors come from slab; zero is a vector of zeros; near and rfeats
	// are scratch space.
	pad    *word
	slab   perceptron.Slab
	zero   []int32
	near   [nRoles][]int32
	rfeats []uint64
}

var pool = sync.Pool{New: func() any { return new(recognizer) }}

// word holds what prepare derives from a word form alone, cached per
// recogniser: the hashes of the form, its normalised lower case, shape,
// affixes and capitalisation bucket, and its character flags.
type word struct {
	lower                    string // strings.ToLower of the form
	form, norm, shape, short uint64
	suf                      [4]uint64
	pre                      [3]uint64
	caps                     uint64
	flags                    uint64
	letters                  int  // ASCII letters
	hasLower                 bool // an ASCII lower-case letter
	// part holds the scores of every label under the word's intrinsic
	// features in the first stage's table, and near those under its
	// features as each neighbour; nil until needed by a word seen before
	// (seen 2; 1 the first time): for a word met once they cost more than
	// the look-ups they save, which read only the labels allowed next.
	part []int32
	near [nRoles][]int32
	seen uint8
}

// maxWords bounds a recogniser's word cache; it is emptied when full.
const maxWords = 1 << 15

// word returns the cached atoms of a form, computing them on a miss.
func (m *Model) word(r *recognizer, f string) *word {
	if r.cacheModel != m || r.words == nil {
		r.words, r.cacheModel = make(map[string]*word, 1024), m
		pad := padWord
		pad.seen = 2
		r.pad = &pad
		r.slab.Reset()
	}
	if w, ok := r.words[f]; ok {
		w.seen = min(w.seen+1, 2)
		return w
	}
	if len(r.words) >= maxWords {
		clear(r.words)
		r.slab.Reset()
	}
	// The key and lower case are copies, so that the cache does not hold
	// on to the text the form was cut from.
	f = strings.Clone(f)
	w := &word{lower: strings.ToLower(f), seen: 1}
	if w.lower == f {
		w.lower = f
	}
	lower := wordform.Normalize(f)
	w.form = perceptron.Hash(f)
	w.norm = perceptron.Hash(lower)
	w.shape, w.short = wordform.Shape(f, 3, 48)
	wordform.Affixes(lower, w.suf[:], w.pre[:])
	w.caps = 1
	if c, ok := m.caps.Get(w.lower); ok {
		w.caps = uint64(c) + 2
	}
	for _, c := range f {
		if c >= 'a' && c <= 'z' {
			w.hasLower = true
		}
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			w.letters++
		}
	}
	var fl uint64
	if f != "" {
		c0 := f[0]
		if c0 >= 'A' && c0 <= 'Z' {
			fl |= flagTitle
			if strings.ToUpper(f) == f {
				fl |= flagUpper
			}
		}
		for k := 1; k < len(f); k++ {
			if f[k] >= 'A' && f[k] <= 'Z' && f[k-1] >= 'a' && f[k-1] <= 'z' {
				fl |= flagLowerInside
			}
		}
		if strings.ContainsAny(f, "0123456789") {
			fl |= flagDigit
		}
		if strings.Contains(f, "-") {
			fl |= flagHyphen
		}
		if strings.Contains(f, ".") {
			fl |= flagPeriod
		}
		if !(c0 >= 'A' && c0 <= 'Z' || c0 >= 'a' && c0 <= 'z' || c0 >= '0' && c0 <= '9' || c0 >= 0x80) {
			fl |= flagPunct
		}
	}
	w.flags = fl
	r.words[f] = w
	return w
}

// prepare computes the atoms of a sentence.
func (m *Model) prepare(r *recognizer, forms []string, h *history) {
	n := len(forms)
	if cap(r.ts) < n+4 {
		r.ts = make([]tok, n+4)
		r.marks = make([][numLists]uint8, n)
		r.ws = make([]*word, n)
	}
	r.ts = r.ts[:n+4]
	r.marks = r.marks[:n]
	r.ws = r.ws[:n]
	r.lower = r.lower[:0]
	caps := true
	letters := 0
	for i, f := range forms {
		w := m.word(r, f)
		r.ws[i] = w
		r.lower = append(r.lower, w.lower)
		caps = caps && !w.hasLower
		letters += w.letters
	}
	caps = caps && letters > 3
	if m.gaz != nil {
		m.gaz.Match(r.lower, r.marks, r.buf)
	}
	r.ts[0], r.ts[1], r.ts[n+2], r.ts[n+3] = padTok, padTok, padTok, padTok
	for i, w := range r.ws {
		t := &r.ts[i+2]
		t.form, t.lower, t.shape, t.short = w.form, w.norm, w.shape, w.short
		t.suf, t.pre, t.caps = w.suf, w.pre, w.caps
		fl := w.flags
		if i == 0 {
			fl |= flagFirst
		}
		if caps {
			fl |= flagCapsSentence
		}
		t.flags = fl
		t.hist = 5
		if h != nil && fl&flagTitle != 0 {
			if e, ok := h.last[r.lower[i]]; ok && h.sent-e.sent <= historySentences {
				t.hist = m.typeAtom[e.typ]
			}
		}
		var all uint64
		for l := 0; l < numLists; l++ {
			t.gaz[l] = uint64(r.marks[i][l])
			all = all*5 + uint64(r.marks[i][l])
		}
		t.gazAll = all + 7
	}
	if cap(r.scores) < len(m.labels) {
		r.scores = make([]float32, len(m.labels))
		r.iscores = make([]int32, len(m.labels))
	}
	r.scores, r.iscores = r.scores[:len(m.labels)], r.iscores[:len(m.labels)]
}

// decode tags a prepared sentence greedily under the BILOU constraints,
// using score to get each token's scores of the labels allowed next into
// scores.
func decode[S int32 | float32](m *Model, r *recognizer, n int, scores []S, score func(feats []uint64, cands []uint8, scores []S), extra func(i int, dst []uint64) []uint64, learn func(i int, feats []uint64, pred int) int) []int {
	r.labels = r.labels[:0]
	prevL, prev2 := 0, uint64(1)
	prev := m.labelAtom[0] ^ 7
	for i := 0; i < n; i++ {
		r.feats = features(r.feats[:0], r.ts, i, prev, prev2)
		if extra != nil {
			r.feats = extra(i, r.feats)
		}
		last := 0
		if i == n-1 {
			last = 1
		}
		cands := m.follow[prevL][last]
		clear(scores)
		score(r.feats, cands, scores)
		best := -1
		for _, c := range cands {
			if best < 0 || scores[c] > scores[best] {
				best = int(c)
			}
		}
		if learn != nil {
			best = learn(i, r.feats, best)
		}
		r.labels = append(r.labels, best)
		prev2, prev, prevL = prev, m.labelAtom[best], best
	}
	return r.labels
}

// decodeSplit is decode with the first stage's table at run time: each
// token's intrinsic scores come from its word (computed on the word's
// first use and cached with it), and only its contextual features are
// looked up. The sums are decode's, so the labels are too.
func (m *Model) decodeSplit(r *recognizer, n int) []int {
	r.labels = r.labels[:0]
	scores := r.iscores
	if len(r.zero) != len(m.labels) {
		r.zero = make([]int32, len(m.labels))
	}
	prevL, prev2 := 0, uint64(1)
	prev := m.labelAtom[0] ^ 7
	for i := 0; i < n; i++ {
		r.feats = contextual(r.feats[:0], r.ts, i, prev, prev2)
		w := r.ws[i]
		part := w.part
		if part == nil {
			if w.seen < 2 {
				r.feats = intrinsic(r.feats, w)
				part = r.zero
			} else {
				r.rfeats = intrinsic(r.rfeats[:0], w)
				w.part = r.slab.Alloc(len(m.labels), 1<<14)
				m.w.Score(r.rfeats, w.part)
				part = w.part
			}
		}
		for ro, k := range [nRoles]int{i - 1, i - 2, i + 1, i + 2} {
			nw := r.pad
			if k >= 0 && k < n {
				nw = r.ws[k]
			}
			v := nw.near[ro]
			if v == nil {
				if nw.seen < 2 {
					r.feats = neighbourFeatures(r.feats, ro, nw)
					r.near[ro] = r.zero
					continue
				}
				r.rfeats = neighbourFeatures(r.rfeats[:0], ro, nw)
				v = r.slab.Alloc(len(m.labels), 1<<14)
				m.w.Score(r.rfeats, v)
				nw.near[ro] = v
			}
			r.near[ro] = v
		}
		vp, vp2, vn, vn2 := r.near[rolePrev], r.near[rolePrev2], r.near[roleNext], r.near[roleNext2]
		last := 0
		if i == n-1 {
			last = 1
		}
		cands := m.follow[prevL][last]
		clear(scores)
		m.w.ScoreClassesMemo(r.feats, cands, scores, &r.memo)
		best := -1
		for _, c := range cands {
			scores[c] += part[c] + vp[c] + vp2[c] + vn[c] + vn2[c]
			if best < 0 || scores[c] > scores[best] {
				best = int(c)
			}
		}
		r.labels = append(r.labels, best)
		prev2, prev, prevL = prev, m.labelAtom[best], best
	}
	return r.labels
}

// remember records the labels of a tagged sentence in the history.
func (m *Model) remember(h *history, r *recognizer, labels []int) {
	if h == nil {
		return
	}
	for i, c := range labels {
		if r.ts[i+2].flags&flagTitle == 0 {
			continue
		}
		t := len(m.types)
		if c > 0 {
			t = m.typ[c]
		}
		h.last[r.lower[i]] = histEntry{typ: t, sent: h.sent}
	}
	h.sent++
}

// mentions appends the mentions of BILOU labels to out.
func (m *Model) mentions(out []Mention, labels []int) []Mention {
	start := -1
	for i, c := range labels {
		switch m.prefix[c] {
		case 'U':
			out = append(out, Mention{Start: i, End: i + 1, Type: m.types[m.typ[c]]})
		case 'B':
			start = i
		case 'L':
			if start >= 0 {
				out = append(out, Mention{Start: start, End: i + 1, Type: m.types[m.typ[c]]})
			}
			start = -1
		}
	}
	return out
}

// Document recognises the names in a document given as sentences of word
// forms, in order; a word's label in earlier sentences is a feature for
// later ones.
func (m *Model) Document(sents [][]string) [][]Mention {
	r := pool.Get().(*recognizer)
	defer pool.Put(r)
	var fp *firstPass
	if m.w2 != nil {
		fp = m.firstPassDoc(sents)
	}
	h := newHistory()
	out := make([][]Mention, len(sents))
	for i, forms := range sents {
		out[i] = m.sentence(nil, r, forms, h, fp, i)
	}
	return out
}

// sentence recognises one sentence, with the second stage when the model
// has one (fp then holds the first stage's labels of the document), and
// appends its mentions to dst.
func (m *Model) sentence(dst []Mention, r *recognizer, forms []string, h *history, fp *firstPass, si int) []Mention {
	if len(forms) == 0 {
		return dst
	}
	m.prepare(r, forms, h)
	var labels []int
	if fp != nil {
		labels = decode(m, r, len(forms), r.iscores, m.w2.ScoreClasses, m.stage2Features(r, fp, si), nil)
	} else {
		labels = m.decodeSplit(r, len(forms))
	}
	m.remember(h, r, labels)
	return m.mentions(dst, labels)
}

// Encode returns the model file.
func (m *Model) Encode() ([]byte, error) {
	w := modelio.NewWriter(fileKind, fileVersion)
	w.Strings(m.types)
	w.Uint(uint64(m.gaz.maxLen))
	w.Dict(m.gaz.freeze())
	w.Dict(m.caps)
	w.Table(m.w)
	if m.w2 != nil {
		w.Uint(1)
		w.Table(m.w2)
	} else {
		w.Uint(0)
	}
	return w.Bytes()
}

// Pruned returns a copy of the model without the smallest weights: drop
// is the share (0 to 1) of the weights the model file holds dropped from
// each stage. Small weights rarely change a decision; dropping them
// shrinks the file and speeds up recognition.
func (m *Model) Pruned(drop float64) *Model {
	c := *m
	c.w = m.w.Prune(drop)
	if m.w2 != nil {
		c.w2 = m.w2.Prune(drop)
	}
	return &c
}

// Decode reads a model file written by Encode. The model uses file's
// memory in place (see modelio), so file must not change afterwards.
func Decode(file []byte) (*Model, error) {
	r, err := modelio.NewReader(file, fileKind, fileVersion)
	if err != nil {
		return nil, err
	}
	types := r.Strings()
	maxLen := r.Uint()
	gaz, caps := r.Dict(), r.Dict()
	w := r.Table()
	var w2 *perceptron.Table
	if r.Uint() == 1 {
		w2 = r.Table()
	}
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("read ner model: %w", err)
	}
	if len(types) == 0 || len(types) > 60 || maxLen > 64 {
		return nil, fmt.Errorf("read ner model: %d types, names of up to %d tokens", len(types), maxLen)
	}
	m := newModel(types)
	m.w, m.w2 = w, w2
	m.gaz = &Gazetteer{entries: map[string]uint16{}, frozen: gaz, maxLen: int(maxLen)}
	m.caps = caps
	if w.Classes() != len(m.labels) || w2 != nil && w2.Classes() != len(m.labels) {
		return nil, fmt.Errorf("read ner model: %d labels but %d classes", len(m.labels), w.Classes())
	}
	return m, nil
}

//go:embed model/ner.model
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

// Config holds the recogniser's settings.
type Config struct {
	// Model is the model to use; nil means the embedded one.
	Model *Model
	// Rules adds DATE and NUMBER entities found by rules.
	Rules bool
}

// DefaultConfig returns the settings sitrep extract uses.
func DefaultConfig() Config { return Config{Rules: true} }

// Validate reports whether the settings can be used.
func (c Config) Validate() error { return nil }

// Recognizer is the entity recognition stage.
type Recognizer struct {
	m     *Model
	rules bool
}

var _ sitrep.Stage = (*Recognizer)(nil)

// New returns a recogniser with the given settings.
func New(cfg Config) (*Recognizer, error) {
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
	return &Recognizer{m: m, rules: cfg.Rules}, nil
}

// Name implements sitrep.Namer.
func (*Recognizer) Name() string { return "ner" }

// Annotate appends the entities of every sentence to doc.Entities, in text
// order, with Source "ner", except those an earlier stage already added with
// the same span and kind. It finds nothing in a document without tokens.
func (rc *Recognizer) Annotate(ctx context.Context, doc *sitrep.Document) error {
	r := pool.Get().(*recognizer)
	defer pool.Put(r)
	h := newHistory()
	// An entity another stage already found, with the same span and kind,
	// is not added again.
	type entityKey struct {
		sitrep.Span
		sitrep.EntityKind
	}
	seen := make(map[entityKey]bool, len(doc.Entities))
	for _, e := range doc.Entities {
		seen[entityKey{e.Span, e.Kind}] = true
	}
	sents := make([][]string, len(doc.Sentences))
	all := make([]string, len(doc.Tokens))
	for i, t := range doc.Tokens {
		all[i] = t.Text
	}
	for si, s := range doc.Sentences {
		if s.First < 0 || s.Last <= s.First || s.Last > len(doc.Tokens) {
			continue
		}
		sents[si] = all[s.First:s.Last:s.Last]
	}
	var fp *firstPass
	if rc.m.w2 != nil {
		fp = rc.m.firstPassDoc(sents)
	}
	for si, s := range doc.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if len(sents[si]) == 0 {
			continue
		}
		toks := doc.Tokens[s.First:s.Last]
		r.ments = rc.m.sentence(r.ments[:0], r, sents[si], h, fp, si)
		var taken []bool
		if rc.rules {
			taken = slices.Grow(r.taken[:0], len(toks))[:len(toks)]
			clear(taken)
			r.taken = taken
		}
		found := r.found[:0]
		for _, mt := range r.ments {
			sp := sitrep.Span{Start: toks[mt.Start].Start, End: toks[mt.End-1].End}
			found = append(found, sitrep.Entity{Span: sp, Text: doc.Slice(sp), Kind: rc.m.kind(r, r.lower[mt.Start:mt.End], mt.Type), Source: "ner"})
			for k := mt.Start; k < mt.End && taken != nil; k++ {
				taken[k] = true
			}
		}
		if rc.rules {
			for _, e := range timexAndNumbers(toks, taken) {
				e.Text = doc.Slice(e.Span)
				found = append(found, e)
			}
			sortEntities(found)
		}
		for _, e := range found {
			if !seen[entityKey{e.Span, e.Kind}] {
				doc.Entities = append(doc.Entities, e)
			}
		}
		// Cleared so that the pooled recogniser holds no text of the
		// document.
		clear(found)
		r.found = found
	}
	return nil
}

// kind maps a CoNLL type to a sitrep entity kind, using the gazetteer to
// tell polities from other places and nationalities from other names.
func (m *Model) kind(r *recognizer, lower []string, typ string) sitrep.EntityKind {
	var bits uint16
	if m.gaz != nil && (typ == "LOC" || typ == "MISC") {
		r.buf = r.buf[:0]
		for i, w := range lower {
			if i > 0 {
				r.buf = append(r.buf, ' ')
			}
			r.buf = append(r.buf, w...)
		}
		bits = m.gaz.Lookup(unsafe.String(unsafe.SliceData(r.buf), len(r.buf)))
	}
	switch typ {
	case "PER":
		return sitrep.KindPerson
	case "ORG":
		return sitrep.KindOrg
	case "LOC":
		if bits&(1<<ListPlace|1<<ListCountry|1<<ListCity) != 0 {
			return sitrep.KindGPE
		}
		return sitrep.KindLoc
	case "MISC":
		if bits&(1<<ListDemonym) != 0 {
			return sitrep.KindNORP
		}
		return sitrep.KindMisc
	}
	return sitrep.KindMisc
}
