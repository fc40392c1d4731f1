package pos

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/internal/wordform"
	"github.com/sitrep/sitrep/perceptron"
)

// word holds the pre-hashed atoms of one token, computed once per sentence
// so that feature extraction only mixes integers.
type word struct {
	norm                           string // the normalised form
	form, lower, shape, short, amb uint64
	suf                            [5]uint64
	pre                            [3]uint64
	flags                          uint64
	// lastPart is the hash of the piece after the last hyphen of a
	// hyphenated word ("backed" of "U.N.-backed"), 0 otherwise.
	lastPart uint64
}

// Flags of a word.
const (
	flagUpper = 1 << iota
	flagTitle
	flagDigit
	flagHyphen
	flagPunct
	flagFirst
	flagAllDigit
	flagPeriod
)

var (
	boundary = word{form: 1, lower: 1, shape: 1, short: 1, amb: 1, suf: [5]uint64{1, 1, 1, 1, 1}, pre: [3]uint64{1, 1, 1}, flags: 1 << 20}
	boundEnd = word{form: 2, lower: 2, shape: 2, short: 2, amb: 2, suf: [5]uint64{2, 2, 2, 2, 2}, pre: [3]uint64{2, 2, 2}, flags: 1 << 21}
)

// atoms fills w from a token form.
func (m *Model) atoms(w *word, form string, first bool) {
	lower := wordform.Normalize(form)
	w.norm = lower
	w.form = perceptron.Hash(form)
	w.lower = perceptron.Hash(lower)
	w.shape, w.short = wordform.Shape(form, 4, 64)
	wordform.Affixes(lower, w.suf[:], w.pre[:])
	w.amb = 3
	if c, ok := m.amb.Get(lower); ok {
		w.amb = uint64(c) + 16
	}
	w.lastPart = 0
	var f uint64
	r, _ := utf8.DecodeRuneInString(form)
	if unicode.IsUpper(r) {
		f |= flagTitle
		if strings.ToUpper(form) == form {
			f |= flagUpper
		}
	}
	digits := 0
	for i := 0; i < len(form); i++ {
		if c := form[i]; c >= '0' && c <= '9' {
			digits++
		}
	}
	if digits > 0 {
		f |= flagDigit
		if digits == len(form) {
			f |= flagAllDigit
		}
	}
	if h := strings.LastIndexByte(form, '-'); h > 0 && h < len(form)-1 {
		f |= flagHyphen
		w.lastPart = perceptron.Hash(wordform.Normalize(form[h+1:]))
	}
	if strings.IndexByte(form, '.') >= 0 {
		f |= flagPeriod
	}
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		f |= flagPunct
	}
	if first {
		f |= flagFirst
	}
	w.flags = f
}

// Feature templates.
const (
	tBias = iota
	tForm
	tLower
	tSuf
	_
	_
	_
	_
	tPre
	_
	_
	tShape
	tShort
	tFlags
	tAmb
	tLastPart
	tPrevLower
	tNextLower
	tPrev2Lower
	tNext2Lower
	tPrevTag
	tPrev2Tags
	tPrevTagLower
	tPrevSuf3
	tNextSuf3
	tNextShort
	tPrevShort
	tNextAmb
	tNext2Amb
	tPrevTagAmb
	tLowerNext
	tPrevLowerCur
	tPrevTagNextAmb
	tFlagsFirst
	tAmbNextAmb
	tNext2Lower2
	tPrevTagSuf3
	tNextTag
	tNext2Tags
	tPrevNextTag
	tNextTagLower
	tNextTagSuf3
	tNextTagAmb
	tVerbLeftSuf
	tVerbLeftAmb
	tVerbLeftLower
	tVerbRightSuf
	tVerbRightAmb
	tVerbBothSuf
	_ // two templates of context trigrams, measured and dropped (docs/evaluation.md)
	_
	tVerbBothAmb
	tVerbBothFirst
	nTemplates
)

var seeds = func() (s [nTemplates]uint64) {
	for i := range s {
		s[i] = perceptron.Template(1000 + i)
	}
	return
}()

func f1(t int, a uint64) uint64    { return perceptron.Mix(seeds[t], a) }
func f2(t int, a, b uint64) uint64 { return perceptron.Mix(perceptron.Mix(seeds[t], a), b) }
func f3(t int, a, b, c uint64) uint64 {
	return perceptron.Mix(perceptron.Mix(perceptron.Mix(seeds[t], a), b), c)
}

// features appends the features of position i given the words (with
// boundary padding: ws[0], ws[1] are before the sentence, ws[n+2], ws[n+3]
// after it) and the tags already chosen left of i (tags[k] for word k, and
// -1/-2 for the padding).
func features(dst []uint64, ws []word, i int, prev, prev2, verbLeft uint64) []uint64 {
	// ws is padded by two on each side: word i is ws[i+2].
	c, p, p2, n, n2 := &ws[i+2], &ws[i+1], &ws[i], &ws[i+3], &ws[i+4]
	dst = verbFeatures(dst, c, verbLeft)
	dst = append(dst,
		seeds[tBias],
		f1(tForm, c.form),
		f1(tLower, c.lower),
		f1(tSuf, c.suf[0]), f1(tSuf+1, c.suf[1]), f1(tSuf+2, c.suf[2]), f1(tSuf+3, c.suf[3]), f1(tSuf+4, c.suf[4]),
		f1(tPre, c.pre[0]), f1(tPre+1, c.pre[1]), f1(tPre+2, c.pre[2]),
		f1(tShape, c.shape),
		f1(tShort, c.short),
		f1(tFlags, c.flags),
		f1(tAmb, c.amb),
		f1(tPrevLower, p.lower),
		f1(tNextLower, n.lower),
		f1(tPrev2Lower, p2.lower),
		f1(tNext2Lower, n2.lower),
		f1(tPrevTag, prev),
		f2(tPrev2Tags, prev, prev2),
		f2(tPrevTagLower, prev, c.lower),
		f1(tPrevSuf3, p.suf[2]),
		f1(tNextSuf3, n.suf[2]),
		f1(tNextShort, n.short),
		f1(tPrevShort, p.short),
		f1(tNextAmb, n.amb),
		f1(tNext2Amb, n2.amb),
		f2(tPrevTagAmb, prev, c.amb),
		f2(tLowerNext, c.lower, n.lower),
		f2(tPrevLowerCur, p.lower, c.lower),
		f2(tPrevTagNextAmb, prev, n.amb),
		f2(tFlagsFirst, c.flags, c.short),
		f2(tAmbNextAmb, c.amb, n.amb),
		f2(tPrevTagSuf3, prev, c.suf[2]),
	)
	if c.lastPart != 0 {
		dst = append(dst, f1(tLastPart, c.lastPart))
	}
	return dst
}

// features2 appends the features of the second pass, which also sees the
// first pass's tags of the two words to the right.
func features2(dst []uint64, ws []word, i int, prev, prev2, next, next2, verbLeft, verbRight uint64) []uint64 {
	dst = features(dst, ws, i, prev, prev2, verbLeft)
	c := &ws[i+2]
	dst = verbFeatures2(dst, c, verbLeft, verbRight)
	return append(dst,
		f1(tNextTag, next),
		f2(tNext2Tags, next, next2),
		f2(tPrevNextTag, prev, next),
		f2(tNextTagLower, next, c.lower),
		f2(tNextTagSuf3, next, c.suf[2]),
		f2(tNextTagAmb, next, c.amb),
	)
}

// The tagger at run time splits the features of a word in three: those of
// the word alone (intrinsic: its form, lower case, affixes, shape, flags
// and ambiguity class), whose weights it sums once per word form and
// caches (see formEntry) together with those of it and the verb flags
// (verbFeatures, verbFeatures2: two binary values, so four variants at
// most); those of its neighbours (neighbourFeatures, also cached); and
// the rest (near, near2), which it looks up for every token. Together they
// are exactly the features of features and features2, in another order;
// the scores are integer sums, so the order changes nothing. Training
// keeps features and features2, whose order its float sums depend on.

// intrinsic appends the features of word c that depend on it alone.
func intrinsic(dst []uint64, c *word) []uint64 {
	dst = append(dst,
		seeds[tBias],
		f1(tForm, c.form),
		f1(tLower, c.lower),
		f1(tSuf, c.suf[0]), f1(tSuf+1, c.suf[1]), f1(tSuf+2, c.suf[2]), f1(tSuf+3, c.suf[3]), f1(tSuf+4, c.suf[4]),
		f1(tPre, c.pre[0]), f1(tPre+1, c.pre[1]), f1(tPre+2, c.pre[2]),
		f1(tShape, c.shape),
		f1(tShort, c.short),
		f1(tFlags, c.flags),
		f1(tAmb, c.amb),
		f2(tFlagsFirst, c.flags, c.short),
	)
	if c.lastPart != 0 {
		dst = append(dst, f1(tLastPart, c.lastPart))
	}
	return dst
}

// A word's features as a neighbour of the word being tagged (its lower
// case, suffix, shape and ambiguity class as the previous, next, second
// previous or second next word: 10 of a pass's features) also depend on
// it alone; the tagger sums them for every class once per word form, pass
// and role and caches the sums with the form (formEntry.roles).

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
		return append(dst, f1(tPrevLower, w.lower), f1(tPrevSuf3, w.suf[2]), f1(tPrevShort, w.short))
	case rolePrev2:
		return append(dst, f1(tPrev2Lower, w.lower))
	case roleNext:
		return append(dst, f1(tNextLower, w.lower), f1(tNextSuf3, w.suf[2]), f1(tNextShort, w.short), f1(tNextAmb, w.amb))
	case roleNext2:
		return append(dst, f1(tNext2Lower, w.lower), f1(tNext2Amb, w.amb))
	}
	panic("pos: no such role")
}

// verbFeatures appends the features of word c given whether a finite verb
// was tagged left of it (vl, 0 or 1), which both passes have.
func verbFeatures(dst []uint64, c *word, vl uint64) []uint64 {
	return append(dst,
		f2(tVerbLeftSuf, vl, c.suf[1]),
		f2(tVerbLeftAmb, vl, c.amb),
		f2(tVerbLeftLower, vl, c.lower),
	)
}

// verbFeatures2 appends the second pass's features of word c given
// whether a finite verb was tagged left of it (vl) and whether the first
// pass tagged one right of it (vr).
func verbFeatures2(dst []uint64, c *word, vl, vr uint64) []uint64 {
	return append(dst,
		f2(tVerbRightSuf, vr, c.suf[1]),
		f2(tVerbRightAmb, vr, c.amb),
		f3(tVerbBothSuf, vl, vr, c.suf[1]),
	)
}

// near appends the features of position i that are neither intrinsic,
// nor a neighbour's, nor verbFeatures: those of the tags to its left, and
// of pairs of it and a neighbour.
func near(dst []uint64, ws []word, i int, prev, prev2 uint64) []uint64 {
	c, p, n := &ws[i+2], &ws[i+1], &ws[i+3]
	return append(dst,
		f1(tPrevTag, prev),
		f2(tPrev2Tags, prev, prev2),
		f2(tPrevTagLower, prev, c.lower),
		f2(tPrevTagAmb, prev, c.amb),
		f2(tLowerNext, c.lower, n.lower),
		f2(tPrevLowerCur, p.lower, c.lower),
		f2(tPrevTagNextAmb, prev, n.amb),
		f2(tAmbNextAmb, c.amb, n.amb),
		f2(tPrevTagSuf3, prev, c.suf[2]),
	)
}

// near2 is near with the second pass's features of the first pass's tags
// to the right.
func near2(dst []uint64, ws []word, i int, prev, prev2, next, next2 uint64) []uint64 {
	dst = near(dst, ws, i, prev, prev2)
	c := &ws[i+2]
	return append(dst,
		f1(tNextTag, next),
		f2(tNext2Tags, next, next2),
		f2(tPrevNextTag, prev, next),
		f2(tNextTagLower, next, c.lower),
		f2(tNextTagSuf3, next, c.suf[2]),
		f2(tNextTagAmb, next, c.amb),
	)
}

// clause appends the second-pass features a model trained with
// TrainConfig.ClauseFeatures has besides the others: whether a finite
// verb was tagged left of the word (vl) and whether the first pass tagged
// one right of it (vr), both at once, with the word's ambiguity class and
// with the first pass's own tag of the word (first). A clause needs a
// finite verb: when there is none elsewhere, a word that may be one
// ("Gunmen shot him") more likely is.
func clause(dst []uint64, c *word, vl, vr, first uint64) []uint64 {
	return append(dst,
		f3(tVerbBothAmb, vl, vr, c.amb),
		f3(tVerbBothFirst, vl, vr, first),
	)
}
