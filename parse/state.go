package parse

// Transitions of the arc-eager system (Nivre 2003). Labelled arcs are
// numbered after the two unlabelled moves: class 2+2l is LEFT-ARC with
// label l, class 3+2l is RIGHT-ARC with label l.
const (
	shift  = 0
	reduce = 1
)

func isLeft(c int) bool { return c >= 2 && c%2 == 0 }
func label(c int) int   { return (c - 2) / 2 }

// state is a parser configuration over words 1..n; 0 is the artificial
// root, which starts on the stack.
type state struct {
	n      int
	stack  []int
	b      int // front of the buffer; the buffer is b..n
	heads  []int
	labels []int
	// Two leftmost and two rightmost dependents of each word (0 = none),
	// valencies and the sets of labels of left and right dependents.
	l1, l2, r1, r2 []int
	vl, vr         []int
	sl, sr         []uint64
}

func (s *state) reset(n int) {
	s.n = n
	s.stack = append(s.stack[:0], 0)
	s.b = 1
	grow := func(x []int) []int {
		if cap(x) < n+1 {
			return make([]int, n+1)
		}
		x = x[:n+1]
		clear(x)
		return x
	}
	s.heads, s.labels = grow(s.heads), grow(s.labels)
	s.l1, s.l2, s.r1, s.r2 = grow(s.l1), grow(s.l2), grow(s.r1), grow(s.r2)
	s.vl, s.vr = grow(s.vl), grow(s.vr)
	if cap(s.sl) < n+1 {
		s.sl, s.sr = make([]uint64, n+1), make([]uint64, n+1)
	}
	s.sl, s.sr = s.sl[:n+1], s.sr[:n+1]
	clear(s.sl)
	clear(s.sr)
	for i := range s.heads {
		s.heads[i] = -1
		s.labels[i] = -1
	}
}

func (s *state) top() int { return s.stack[len(s.stack)-1] }

func (s *state) terminal() bool { return s.b > s.n }

// valid reports whether transition c may be taken.
func (s *state) valid(c int, rootLabel int) bool {
	if s.terminal() {
		return false
	}
	top := s.top()
	switch {
	case c == shift:
		return true
	case c == reduce:
		return top != 0 && s.heads[top] >= 0
	case isLeft(c):
		return top != 0 && s.heads[top] < 0
	default: // right arc
		if top == 0 {
			// The root takes one dependent, with the root label.
			return s.vr[0] == 0 && label(c) == rootLabel
		}
		return label(c) != rootLabel
	}
}

func (s *state) addArc(h, d, l int) {
	s.heads[d], s.labels[d] = h, l
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		s.vl[h]++
		s.sl[h] |= bit
		if s.l1[h] == 0 || d < s.l1[h] {
			s.l2[h] = s.l1[h]
			s.l1[h] = d
		} else if s.l2[h] == 0 || d < s.l2[h] {
			s.l2[h] = d
		}
	} else {
		s.vr[h]++
		s.sr[h] |= bit
		if d > s.r1[h] {
			s.r2[h] = s.r1[h]
			s.r1[h] = d
		} else if d > s.r2[h] {
			s.r2[h] = d
		}
	}
}

// apply takes transition c, which must be valid.
func (s *state) apply(c int) {
	top := s.top()
	switch {
	case c == shift:
		s.stack = append(s.stack, s.b)
		s.b++
	case c == reduce:
		s.stack = s.stack[:len(s.stack)-1]
	case isLeft(c):
		s.addArc(s.b, top, label(c))
		s.stack = s.stack[:len(s.stack)-1]
	default:
		s.addArc(top, s.b, label(c))
		s.stack = append(s.stack, s.b)
		s.b++
	}
}

// finish attaches the words left without a head: the first becomes the
// root if the root has no dependent, the others depend on the root word
// with fallback.
func (s *state) finish(rootLabel, fallback int) {
	root := s.r1[0]
	for i := 1; i <= s.n; i++ {
		if s.heads[i] >= 0 {
			continue
		}
		if root == 0 {
			root = i
			s.addArc(0, i, rootLabel)
			continue
		}
		s.addArc(root, i, fallback)
	}
}

// costs fills cost[c] for every valid transition c with the number of gold
// arcs (head and label) it makes unreachable (Goldberg and Nivre 2012's
// dynamic oracle for arc-eager); invalid transitions get -1.
func (s *state) costs(goldHead, goldLabel []int, nlabels, rootLabel int, cost []int) {
	top, b := s.top(), s.b
	// Dependents of b on the stack still without head, and whether b's
	// gold head is on the stack.
	depsOfBInStack, headOfBInStack := 0, false
	for _, k := range s.stack {
		if k != 0 && goldHead[k] == b && s.heads[k] < 0 {
			depsOfBInStack++
		}
		if goldHead[b] == k {
			headOfBInStack = true
		}
	}
	// Dependents of top in the buffer, and whether top's gold head is in
	// the buffer beyond b.
	depsOfTopInBuf, headOfTopInBuf := 0, false
	for k := b; k <= s.n; k++ {
		if goldHead[k] == top {
			depsOfTopInBuf++
		}
	}
	if top != 0 && goldHead[top] > b {
		headOfTopInBuf = true
	}
	for c := range cost {
		if !s.valid(c, rootLabel) {
			cost[c] = -1
			continue
		}
		switch {
		case c == shift:
			n := depsOfBInStack
			if headOfBInStack {
				n++
			}
			cost[c] = n
		case c == reduce:
			cost[c] = depsOfTopInBuf
		case isLeft(c):
			n := depsOfTopInBuf
			if headOfTopInBuf {
				n++
			}
			if goldHead[top] == b && goldLabel[top] != label(c) {
				n++
			}
			cost[c] = n
		default:
			n := depsOfBInStack
			// b's gold head elsewhere on the stack or in the buffer is lost.
			if goldHead[b] != top && (headOfBInStack || goldHead[b] > b) {
				n++
			}
			if goldHead[b] == top && goldLabel[b] != label(c) {
				n++
			}
			cost[c] = n
		}
	}
}

// copyFrom makes s a copy of o, reusing s's memory.
func (s *state) copyFrom(o *state) {
	cp := func(dst, src []int) []int {
		if cap(dst) < len(src) {
			dst = make([]int, len(src), cap(src))
		}
		dst = dst[:len(src)]
		copy(dst, src)
		return dst
	}
	s.n, s.b = o.n, o.b
	s.stack = cp(s.stack, o.stack)
	s.heads, s.labels = cp(s.heads, o.heads), cp(s.labels, o.labels)
	s.l1, s.l2, s.r1, s.r2 = cp(s.l1, o.l1), cp(s.l2, o.l2), cp(s.r1, o.r1), cp(s.r2, o.r2)
	s.vl, s.vr = cp(s.vl, o.vl), cp(s.vr, o.vr)
	if cap(s.sl) < len(o.sl) {
		s.sl, s.sr = make([]uint64, len(o.sl)), make([]uint64, len(o.sr))
	}
	s.sl, s.sr = s.sl[:len(o.sl)], s.sr[:len(o.sr)]
	copy(s.sl, o.sl)
	copy(s.sr, o.sr)
}

// forced reports whether s has one move only and parsing takes it
// without scoring: the root has its dependent, so the stack top is the
// root and shifting is all there is to do.
func (s *state) forced() bool { return s.top() == 0 && s.vr[0] > 0 }
