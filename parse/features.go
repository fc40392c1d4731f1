package parse

import "github.com/sitrep/sitrep/perceptron"

// Feature templates, after Zhang and Nivre (2011): words (w) and tags (p)
// of the stack top s0, its head s0h and grandparent s0h2, its two leftmost
// and rightmost dependents, the second stack word s1, the buffer front n0,
// its two leftmost dependents, and n1, n2; labels (l) of the dependents;
// the distance between s0 and n0; valencies and label sets.
//
// Fifteen of Zhang and Nivre's templates are left out (marked "_" below,
// so that the others keep their numbers and hashes): those that carried
// the least of the margins between the parser's best and second-best
// transitions on EWT dev, together 7% of it — mostly pairs of words,
// which made most of the model's features. Without them the parser does
// a fifth fewer look-ups into a table half the size, for 0.18 LAS on dev
// (docs/evaluation.md, docs/performance.md).
const (
	tS0wp = iota
	tS0w
	tS0p
	tN0wp
	tN0w
	tN0p
	tN1wp
	tN1w
	tN1p
	tN2wp
	tN2w
	tN2p
	_ // S0wpN0wp: left out
	_ // S0wpN0w: left out
	_ // S0wN0wp: left out
	_ // S0wpN0p: left out
	_ // S0pN0wp: left out
	_ // S0wN0w: left out
	tS0pN0p
	tN0pN1p
	tN0pN1pN2p
	tS0pN0pN1p
	tS0hpS0pN0p
	tS0pS0lpN0p
	tS0pS0rpN0p
	tS0pN0pN0lp
	tS0wD
	tS0pD
	tN0wD
	tN0pD
	_ // S0wN0wD: left out
	tS0pN0pD
	tS0wVr
	tS0pVr
	_ // S0wVl: left out
	tS0pVl
	tN0wVl
	tN0pVl
	tS0hw
	tS0hp
	tS0l
	tS0lw
	tS0lp
	tS0ll
	_ // S0rw: left out
	tS0rp
	tS0rl
	tN0lw
	tN0lp
	tN0ll
	tS0h2w
	tS0h2p
	tS0hl
	tS0l2w
	tS0l2p
	tS0l2l
	_ // S0r2w: left out
	_ // S0r2p: left out
	_ // S0r2l: left out
	tN0l2w
	tN0l2p
	tN0l2l
	tS0pS0lpS0l2p
	tS0pS0rpS0r2p
	tS0pS0hpS0h2p
	tN0pN0lpN0l2p
	_ // S0wSr: left out
	tS0pSr
	_ // S0wSl: left out
	tS0pSl
	tN0wSl
	tN0pSl
	tS1w
	tS1p
	tS1pS0pN0p
	_ // S1wS0w: left out
	tBias
	nTemplates
)

var seeds = func() (s [nTemplates]uint64) {
	for i := range s {
		s[i] = perceptron.Template(2000 + i)
	}
	return
}()

func f1(t int, a uint64) uint64    { return perceptron.Mix(seeds[t], a) }
func f2(t int, a, b uint64) uint64 { return perceptron.Mix(perceptron.Mix(seeds[t], a), b) }
func f3(t int, a, b, c uint64) uint64 {
	return perceptron.Mix(perceptron.Mix(perceptron.Mix(seeds[t], a), b), c)
}

// atoms are the pre-hashed word and tag of each position, with
// index 0 the root and the last two entries standing for "no word" and
// "past the end".
type atoms struct {
	w, p []uint64
}

const (
	noneAtom = 0x6a09e667f3bcc908
	endAtom  = 0xbb67ae8584caa73b
)

// features appends the features of a configuration.
func features(dst []uint64, s *state, a *atoms, labelAtom []uint64) []uint64 {
	none := len(a.w) - 2
	end := len(a.w) - 1
	buf := func(k int) int {
		if k > s.n {
			return end
		}
		return k
	}
	lab := func(d int) uint64 {
		if d <= 0 || d > s.n || s.labels[d] < 0 {
			return noneAtom
		}
		return labelAtom[s.labels[d]]
	}
	s0 := s.top()
	s1 := none
	if len(s.stack) >= 2 {
		s1 = s.stack[len(s.stack)-2]
	}
	n0, n1, n2 := buf(s.b), buf(s.b+1), buf(s.b+2)
	s0h, s0h2 := none, none
	if h := s.heads[s0]; h >= 0 {
		s0h = h
		if h2 := s.heads[h]; h2 >= 0 {
			s0h2 = h2
		}
	}
	zero := func(i int) int {
		if i == 0 {
			return none
		}
		return i
	}
	s0l, s0l2, s0r, s0r2 := zero(s.l1[s0]), zero(s.l2[s0]), zero(s.r1[s0]), zero(s.r2[s0])
	n0l, n0l2 := none, none
	if n0 != end {
		n0l, n0l2 = zero(s.l1[n0]), zero(s.l2[n0])
	}
	w, p := a.w, a.p
	dist := uint64(0)
	if n0 != end {
		dist = uint64(min(n0-s0, 10))
	}
	var vl0, vr0, sl0, sr0, vln, sln uint64
	vl0, vr0, sl0, sr0 = uint64(s.vl[s0]), uint64(s.vr[s0]), s.sl[s0], s.sr[s0]
	if n0 != end {
		vln, sln = uint64(s.vl[n0]), s.sl[n0]
	}
	wp := func(i int) uint64 { return w[i]*31 ^ p[i] }
	return append(dst,
		seeds[tBias],
		f1(tS0wp, wp(s0)), f1(tS0w, w[s0]), f1(tS0p, p[s0]),
		f1(tN0wp, wp(n0)), f1(tN0w, w[n0]), f1(tN0p, p[n0]),
		f1(tN1wp, wp(n1)), f1(tN1w, w[n1]), f1(tN1p, p[n1]),
		f1(tN2wp, wp(n2)), f1(tN2w, w[n2]), f1(tN2p, p[n2]),
		f2(tS0pN0p, p[s0], p[n0]), f2(tN0pN1p, p[n0], p[n1]),
		f3(tN0pN1pN2p, p[n0], p[n1], p[n2]), f3(tS0pN0pN1p, p[s0], p[n0], p[n1]),
		f3(tS0hpS0pN0p, p[s0h], p[s0], p[n0]), f3(tS0pS0lpN0p, p[s0], p[s0l], p[n0]),
		f3(tS0pS0rpN0p, p[s0], p[s0r], p[n0]), f3(tS0pN0pN0lp, p[s0], p[n0], p[n0l]),
		f2(tS0wD, w[s0], dist), f2(tS0pD, p[s0], dist), f2(tN0wD, w[n0], dist), f2(tN0pD, p[n0], dist),
		f3(tS0pN0pD, p[s0], p[n0], dist),
		f2(tS0wVr, w[s0], vr0), f2(tS0pVr, p[s0], vr0), f2(tS0pVl, p[s0], vl0),
		f2(tN0wVl, w[n0], vln), f2(tN0pVl, p[n0], vln),
		f1(tS0hw, w[s0h]), f1(tS0hp, p[s0h]), f1(tS0l, lab(s0)),
		f1(tS0lw, w[s0l]), f1(tS0lp, p[s0l]), f1(tS0ll, lab(s0l)),
		f1(tS0rp, p[s0r]), f1(tS0rl, lab(s0r)),
		f1(tN0lw, w[n0l]), f1(tN0lp, p[n0l]), f1(tN0ll, lab(n0l)),
		f1(tS0h2w, w[s0h2]), f1(tS0h2p, p[s0h2]), f1(tS0hl, lab(s0h)),
		f1(tS0l2w, w[s0l2]), f1(tS0l2p, p[s0l2]), f1(tS0l2l, lab(s0l2)),
		f1(tN0l2w, w[n0l2]), f1(tN0l2p, p[n0l2]), f1(tN0l2l, lab(n0l2)),
		f3(tS0pS0lpS0l2p, p[s0], p[s0l], p[s0l2]), f3(tS0pS0rpS0r2p, p[s0], p[s0r], p[s0r2]),
		f3(tS0pS0hpS0h2p, p[s0], p[s0h], p[s0h2]), f3(tN0pN0lpN0l2p, p[n0], p[n0l], p[n0l2]),
		f2(tS0pSr, p[s0], sr0), f2(tS0pSl, p[s0], sl0),
		f2(tN0wSl, w[n0], sln), f2(tN0pSl, p[n0], sln),
		f1(tS1w, w[s1]), f1(tS1p, p[s1]), f3(tS1pS0pN0p, p[s1], p[s0], p[n0]))
}
