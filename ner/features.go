package ner

import (
	"github.com/sitrep/sitrep/perceptron"
)

// tok holds the pre-hashed atoms of one token.
type tok struct {
	form, lower, shape, short, hist uint64
	suf                             [4]uint64
	pre                             [3]uint64
	flags                           uint64
	gaz                             [numLists]uint64
	gazAll                          uint64
	// caps is the bucket of how often the word is capitalised inside
	// sentences of unlabelled text (0 unseen).
	caps uint64
}

const (
	flagTitle = 1 << iota
	flagUpper
	flagDigit
	flagHyphen
	flagPunct
	flagFirst
	flagPeriod
	flagCapsSentence
	flagLowerInside // a lower-case letter after the first ("McDonald", "iPhone")
)

var padTok = tok{form: 1, lower: 1, shape: 1, short: 1, hist: 1, suf: [4]uint64{1, 1, 1, 1}, pre: [3]uint64{1, 1, 1}, flags: 1 << 30, gazAll: 1}

// Feature templates.
const (
	tBias = iota
	tForm
	tLower
	tShape
	tShort
	tFlags
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tPrevLower
	tNextLower
	tPrev2Lower
	tNext2Lower
	tPrevShape
	tNextShape
	tPrevLowerCur
	tCurNextLower
	tPrevLabel
	tPrev2Labels
	tPrevLabelLower
	tPrevLabelShape
	tGaz
	tPrevGaz
	tNextGaz
	tGazAll
	tHist
	tShapeWindow
	tFlagsPrevLabel
	tPrevSuf3
	tNextSuf3
	tHistShape
	tGazPrevLabel
	tCaps
	tCapsShape
	tCapsFirst
	tPrevCaps
	tNextCaps
	nTemplates
)

var seeds = func() (s [nTemplates]uint64) {
	for i := range s {
		s[i] = perceptron.Template(3000 + i)
	}
	return
}()

func f1(t int, a uint64) uint64    { return perceptron.Mix(seeds[t], a) }
func f2(t int, a, b uint64) uint64 { return perceptron.Mix(perceptron.Mix(seeds[t], a), b) }
func f3(t int, a, b, c uint64) uint64 {
	return perceptron.Mix(perceptron.Mix(perceptron.Mix(seeds[t], a), b), c)
}

// features appends the features of token i; ts is padded by two on each
// side (token i is ts[i+2]); prev and prev2 are the labels chosen for the
// two tokens before.
func features(dst []uint64, ts []tok, i int, prev, prev2 uint64) []uint64 {
	c, p, p2, n, n2 := &ts[i+2], &ts[i+1], &ts[i], &ts[i+3], &ts[i+4]
	dst = append(dst,
		seeds[tBias],
		f1(tForm, c.form), f1(tLower, c.lower), f1(tShape, c.shape), f1(tShort, c.short), f1(tFlags, c.flags),
		f1(tSuf1, c.suf[0]), f1(tSuf2, c.suf[1]), f1(tSuf3, c.suf[2]), f1(tSuf4, c.suf[3]),
		f1(tPre1, c.pre[0]), f1(tPre2, c.pre[1]), f1(tPre3, c.pre[2]),
		f1(tPrevLower, p.lower), f1(tNextLower, n.lower), f1(tPrev2Lower, p2.lower), f1(tNext2Lower, n2.lower),
		f1(tPrevShape, p.short), f1(tNextShape, n.short),
		f2(tPrevLowerCur, p.lower, c.lower), f2(tCurNextLower, c.lower, n.lower),
		f1(tPrevLabel, prev), f2(tPrev2Labels, prev, prev2), f2(tPrevLabelLower, prev, c.lower), f2(tPrevLabelShape, prev, c.short),
		f1(tGazAll, c.gazAll), f2(tGazAll, c.gazAll, n.gazAll), f2(tGazAll, p.gazAll, c.gazAll),
		f1(tHist, c.hist), f2(tHistShape, c.hist, c.short),
		f3(tShapeWindow, p.short, c.short, n.short),
		f2(tFlagsPrevLabel, c.flags, prev),
		f1(tPrevSuf3, p.suf[2]), f1(tNextSuf3, n.suf[2]),
		f2(tGazPrevLabel, c.gazAll, prev),
		f1(tCaps, c.caps), f2(tCapsShape, c.caps, c.short), f2(tCapsFirst, c.caps, c.flags&(flagFirst|flagCapsSentence|flagTitle)),
		f2(tPrevCaps, p.caps, c.caps), f2(tNextCaps, c.caps, n.caps),
	)
	return gazFeatures(dst, p, c, n)
}

// gazFeatures appends the gazetteer list features of token c and of its
// neighbours p and n, list by list.
func gazFeatures(dst []uint64, p, c, n *tok) []uint64 {
	for l := 0; l < numLists; l++ {
		if c.gaz[l] != 0 {
			dst = append(dst, f2(tGaz, uint64(l), c.gaz[l]))
		}
		if p.gaz[l] != 0 {
			dst = append(dst, f2(tPrevGaz, uint64(l), p.gaz[l]))
		}
		if n.gaz[l] != 0 {
			dst = append(dst, f2(tNextGaz, uint64(l), n.gaz[l]))
		}
	}
	return dst
}

// At run time the recogniser splits the features of a token in three:
// those of its word form alone (intrinsic: form, lower case, shape,
// affixes and capitalisation bucket: 14 features), whose weights it sums
// once per form for every label and caches with the word (word.part);
// those of its neighbours' forms alone (their lower case, shape and
// suffix as the previous, second previous, next or second next word: 8
// features), which it also sums per form and role and caches
// (word.near); and the others (contextual), which it looks up for every
// token. Words met for the first time are not worth the sums: their
// features are looked up too. Together they are exactly the features of
// features, in another order; the scores are integer sums, so the order
// changes nothing. Training keeps features, whose order its float sums
// depend on.

// intrinsic appends the features of a token that depend on its form alone.
func intrinsic(dst []uint64, w *word) []uint64 {
	return append(dst,
		seeds[tBias],
		f1(tForm, w.form), f1(tLower, w.norm), f1(tShape, w.shape), f1(tShort, w.short),
		f1(tSuf1, w.suf[0]), f1(tSuf2, w.suf[1]), f1(tSuf3, w.suf[2]), f1(tSuf4, w.suf[3]),
		f1(tPre1, w.pre[0]), f1(tPre2, w.pre[1]), f1(tPre3, w.pre[2]),
		f1(tCaps, w.caps), f2(tCapsShape, w.caps, w.short),
	)
}

// contextual appends the features of token i that are neither intrinsic
// nor its neighbours' (neighbourFeatures): features less those, with the
// same arguments.
func contextual(dst []uint64, ts []tok, i int, prev, prev2 uint64) []uint64 {
	c, p, n := &ts[i+2], &ts[i+1], &ts[i+3]
	dst = append(dst,
		f1(tFlags, c.flags),
		f2(tPrevLowerCur, p.lower, c.lower), f2(tCurNextLower, c.lower, n.lower),
		f1(tPrevLabel, prev), f2(tPrev2Labels, prev, prev2), f2(tPrevLabelLower, prev, c.lower), f2(tPrevLabelShape, prev, c.short),
		f1(tGazAll, c.gazAll), f2(tGazAll, c.gazAll, n.gazAll), f2(tGazAll, p.gazAll, c.gazAll),
		f1(tHist, c.hist), f2(tHistShape, c.hist, c.short),
		f3(tShapeWindow, p.short, c.short, n.short),
		f2(tFlagsPrevLabel, c.flags, prev),
		f2(tGazPrevLabel, c.gazAll, prev),
		f2(tCapsFirst, c.caps, c.flags&(flagFirst|flagCapsSentence|flagTitle)),
		f2(tPrevCaps, p.caps, c.caps), f2(tNextCaps, c.caps, n.caps),
	)
	return gazFeatures(dst, p, c, n)
}

// Roles of a neighbour.
const (
	rolePrev = iota
	rolePrev2
	roleNext
	roleNext2
	nRoles
)

// neighbourFeatures appends the features of word w in role r.
func neighbourFeatures(dst []uint64, r int, w *word) []uint64 {
	switch r {
	case rolePrev:
		return append(dst, f1(tPrevLower, w.norm), f1(tPrevShape, w.short), f1(tPrevSuf3, w.suf[2]))
	case rolePrev2:
		return append(dst, f1(tPrev2Lower, w.norm))
	case roleNext:
		return append(dst, f1(tNextLower, w.norm), f1(tNextShape, w.short), f1(tNextSuf3, w.suf[2]))
	case roleNext2:
		return append(dst, f1(tNext2Lower, w.norm))
	}
	panic("ner: no such role")
}

// padWord is the word of padTok, the padding around a sentence.
var padWord = word{form: 1, norm: 1, shape: 1, short: 1, suf: [4]uint64{1, 1, 1, 1}, pre: [3]uint64{1, 1, 1}}
