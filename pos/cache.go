package pos

import (
	"strings"

	"github.com/sitrep/sitrep/perceptron"
)

// formEntry is what the tagger derives from a word form alone, cached per
// tagger (see tagger.entry): the form's atoms, the classes it may take (or
// the one it is tagged with without scoring), its lemma, and, once the
// form has come a second time, the scores of its candidate classes under
// the features that depend on the word alone (intrinsic) and the scores
// of every class under its features as each neighbour, for each pass. A
// token whose word and neighbours were seen before then costs one map
// look-up and the look-ups of 9 of its 38 features in the first pass, 15
// of 47 in the second.
type formEntry struct {
	w     word
	cands []uint8
	fixed int32
	// part holds the scores of cands under the intrinsic features and the
	// verb features (verbFeatures, verbFeatures2), for each value of the
	// verb flags: first pass with vl 0 and 1, then second pass with (vl,
	// vr) 00, 01, 10, 11; nil until needed by a form seen before (see
	// roles).
	part []int32
	// lemma is the word's lemma with class lemClass (-1: none yet).
	lemma    string
	lemClass int32
	// roles holds, per pass and role, the scores of every class under the
	// word's features as that neighbour: nil until needed by a form seen
	// before (seen 2; 1 the first time). A form met once is not worth
	// its vectors (they sum every class; the look-ups they save read only
	// the candidates), so its features as a neighbour are looked up.
	roles [2][nRoles][]int32
	seen  uint8
}

// maxForms bounds a tagger's cache of word forms, and maxVectors the
// neighbour vectors it holds (408 bytes each with the embedded model's 102
// classes: 13 MB); it is emptied when either is full.
const (
	maxForms   = 1 << 15
	maxVectors = 1 << 15
)

// splits reports whether the tagger may use cached intrinsic scores: at
// run time (domain 0) with a tag dictionary, so that every word has its
// candidate classes. Training computes every feature afresh.
func (m *Model) splits(t *tagger) bool {
	return t.domain == 0 && m.tagdict != nil && len(m.sets) > 0
}

// entry returns the cached entry of a form (first: the sentence's first
// word, whose flags differ), computing it on a miss.
func (m *Model) entry(t *tagger, form string, first bool) *formEntry {
	if t.cacheModel != m || t.forms[0] == nil {
		t.forms = [2]map[string]*formEntry{make(map[string]*formEntry, 1024), make(map[string]*formEntry, 64)}
		t.cacheModel, t.vectors = m, 0
		t.pads = [2]*formEntry{{w: boundary, fixed: -1, lemClass: -1, seen: 2}, {w: boundEnd, fixed: -1, lemClass: -1, seen: 2}}
		t.zero = make([]int32, len(m.tags))
	}
	k := 0
	if first {
		k = 1
	}
	if e, ok := t.forms[k][form]; ok {
		e.seen = min(e.seen+1, 2)
		return e
	}
	if len(t.forms[0])+len(t.forms[1]) >= maxForms || t.vectors >= maxVectors {
		clear(t.forms[0])
		clear(t.forms[1])
		t.vectors = 0
		t.slab.Reset()
	}
	// The key is a copy, so that the cache does not hold on to the text
	// the form was cut from (the word's normalised form is cut from it).
	form = strings.Clone(form)
	e := &formEntry{fixed: -1, lemClass: -1, seen: 1}
	m.atoms(&e.w, form, first)
	e.cands = m.candidates(e.w.norm)
	if c, ok := m.unamb.Get(e.w.norm); ok {
		e.fixed = int32(c)
	}
	t.forms[k][form] = e
	return e
}

// intrinsicPart returns the scores of e's candidates in the given pass (0
// or 1) under its intrinsic features and its verbFeatures (and, in the
// second pass, verbFeatures2) for t.vl and t.vr, computing them for a form
// seen before: two variants for the first pass, four for the second. For
// a form met the first time, it appends those features to feats instead
// and returns zeros.
func (m *Model) intrinsicPart(t *tagger, e *formEntry, feats []uint64, pass int) ([]uint64, []int32) {
	n := len(e.cands)
	if e.part == nil {
		if e.seen < 2 {
			feats = verbFeatures(intrinsic(feats, &e.w), &e.w, t.vl)
			if pass == 1 {
				feats = verbFeatures2(feats, &e.w, t.vl, t.vr)
			}
			return feats, t.zero[:n]
		}
		e.part = t.slab.Alloc(6*n, 1<<16)
		if cap(t.base) < n {
			t.base = make([]int32, n)
		}
		base := t.base[:n]
		t.rfeats = intrinsic(t.rfeats[:0], &e.w)
		partial(m.w, t.rfeats, e.cands, base, t.iscores)
		for vl := range uint64(2) {
			v := e.part[vl*uint64(n) : (vl+1)*uint64(n)]
			t.rfeats = verbFeatures(t.rfeats[:0], &e.w, vl)
			partial(m.w, t.rfeats, e.cands, v, t.iscores)
			for k := range v {
				v[k] += base[k]
			}
		}
		if m.w2 != nil {
			t.rfeats = intrinsic(t.rfeats[:0], &e.w)
			partial(m.w2, t.rfeats, e.cands, base, t.iscores)
			for vl := range uint64(2) {
				for vr := range uint64(2) {
					j := 2 + vl*2 + vr
					v := e.part[j*uint64(n) : (j+1)*uint64(n)]
					t.rfeats = verbFeatures2(verbFeatures(t.rfeats[:0], &e.w, vl), &e.w, vl, vr)
					partial(m.w2, t.rfeats, e.cands, v, t.iscores)
					for k := range v {
						v[k] += base[k]
					}
				}
			}
		}
	}
	j := t.vl
	if pass == 1 {
		j = 2 + t.vl*2 + t.vr
	}
	return feats, e.part[j*uint64(n) : (j+1)*uint64(n)]
}

// partial sets part[k] to the score of class cands[k] under feats.
func partial(w *perceptron.Table, feats []uint64, cands []uint8, part []int32, scores []int32) {
	clear(scores)
	w.ScoreClasses(feats, cands, scores)
	for k, c := range cands {
		part[k] = scores[c]
	}
}

// neighbours sets t.near to the vectors of word i's neighbours in their
// roles in the given pass (0 or 1), computing those of forms seen before
// that are not cached yet, and appends to feats the neighbour features of
// the others (whose vector is t.zero).
func (m *Model) neighbours(t *tagger, feats []uint64, i, pass int) []uint64 {
	at := func(k int) *formEntry {
		switch {
		case k < 0:
			return t.pads[0]
		case k >= len(t.ents):
			return t.pads[1]
		}
		return t.ents[k]
	}
	for r, k := range [nRoles]int{i - 1, i - 2, i + 1, i + 2} {
		e := at(k)
		v := e.roles[pass][r]
		if v == nil {
			if e.seen < 2 {
				feats = neighbourFeatures(feats, r, &e.w)
				t.near[r] = t.zero
				continue
			}
			tab := m.w
			if pass == 1 {
				tab = m.w2
			}
			v = t.slab.Alloc(tab.Classes(), 1<<16)
			t.rfeats = neighbourFeatures(t.rfeats[:0], r, &e.w)
			tab.Score(t.rfeats, v)
			e.roles[pass][r] = v
			t.vectors++
		}
		t.near[r] = v
	}
	return feats
}

// predictPart is predict for a word whose intrinsic scores are part (one
// per candidate), whose neighbours' scores are nb and whose other
// features are feats: the same sums, so the same class.
func predictPart(w *perceptron.Table, feats []uint64, cands []uint8, part []int32, scores []int32, nb *[nRoles][]int32, memo *perceptron.Memo) int {
	clear(scores)
	w.ScoreClassesMemo(feats, cands, scores, memo)
	p, p2, n, n2 := nb[rolePrev], nb[rolePrev2], nb[roleNext], nb[roleNext2]
	sum := func(k int, c uint8) int32 { return scores[c] + part[k] + p[c] + p2[c] + n[c] + n2[c] }
	best, bs := -1, int32(0)
	for k, c := range cands {
		s := sum(k, c)
		scores[c] = s // the total, for finiteGaps
		if best < 0 || s > bs || s == bs && int(c) < best {
			best, bs = int(c), s
		}
	}
	return best
}
