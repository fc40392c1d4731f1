package parse

import "cmp"

// Beam search (Zhang and Clark 2008; Zhang and Nivre 2011): instead of
// taking the best transition in each state, the parser keeps the width
// best partial parses, scored by the sum of their transitions' scores,
// and extends each of them by every transition worth scoring
// (candidates), keeping again the width best. A parse that has read the
// whole buffer stays in the beam as it is and competes with the others
// until every parse in the beam has. Width 1 is the greedy parser.
//
// A greedy-trained model scores transitions, not whole parses, and a
// beam gains little with it; TrainConfig.Beam trains the weights for the
// beam with a global perceptron (early update or max-violation).

// MaxBeam is the widest beam Config, TrainConfig and ParseBeam accept.
const MaxBeam = 64

// hyp is one partial parse in the beam.
type hyp struct {
	s     state
	score int64 // decoding: sum of the table's integer scores
	fsc   float64
	node  int32 // training: its last transition in the history
	gold  bool  // training: every transition so far is the gold one
}

// expansion is a hypothesis extended by one transition (c < 0: a
// finished parse kept as it is).
type expansion struct {
	parent int
	c      int
	score  int64
	fsc    float64
}

// beam is the scratch space of beam search, kept in the parser.
type beam struct {
	cur, next []hyp
	exps      []expansion
}

// hyps returns the first n hypotheses of *hs, grown as needed.
func hyps(hs *[]hyp, n int) []hyp {
	if cap(*hs) < n {
		g := make([]hyp, n)
		copy(g, *hs)
		*hs = g
	}
	return (*hs)[:n]
}

// byScore orders expansions best first; ties go to the earlier parent,
// then to the lower transition, as the greedy parser's (bestOf).
func byScore(a, b expansion) int {
	if c := cmp.Compare(b.score, a.score); c != 0 {
		return c
	}
	if c := cmp.Compare(b.fsc, a.fsc); c != 0 {
		return c
	}
	if c := cmp.Compare(a.parent, b.parent); c != 0 {
		return c
	}
	return cmp.Compare(a.c, b.c)
}

// push adds e to exps, which holds at most width expansions ordered best
// first (byScore), dropping the worst when it is full: the width best
// expansions of a step, without sorting them all.
func push(exps []expansion, e expansion, width int) []expansion {
	n := len(exps)
	if n == width {
		if byScore(e, exps[n-1]) >= 0 {
			return exps
		}
		n--
	} else {
		exps = append(exps, e)
	}
	i := n
	for i > 0 && byScore(e, exps[i-1]) < 0 {
		exps[i] = exps[i-1]
		i--
	}
	exps[i] = e
	return exps
}

// ParseBeam is Parse with a beam of the given width (1: the greedy
// parser; at most MaxBeam).
func (m *Model) ParseBeam(forms, tags []string, width int) (heads []int, rels []string) {
	p := pool.Get().(*parser)
	defer pool.Put(p)
	m.prepare(p, forms, tags)
	m.search(p, width)
	return m.result(p, len(forms))
}

// search parses the prepared sentence in p with a beam of the given
// width, leaving the best parse in p.s. Width 1 gives the greedy parser's
// parse (TestBeamOfOneIsGreedy), more slowly.
func (m *Model) search(p *parser, width int) {
	width = min(max(width, 1), MaxBeam)
	bm := &p.beam
	cur := hyps(&bm.cur, 1)
	cur[0].s.copyFrom(&p.s)
	cur[0].score = 0
	for {
		exps := bm.exps[:0]
		done := true
		for i := range cur {
			h := &cur[i]
			switch {
			case h.s.terminal():
				exps = push(exps, expansion{parent: i, c: -1, score: h.score}, width)
				continue
			case h.s.forced():
				exps = push(exps, expansion{parent: i, c: shift, score: h.score}, width)
				done = false
				continue
			}
			done = false
			p.feats = features(p.feats[:0], &h.s, &p.a, m.labelAtom)
			cands := m.candidates(p, &h.s)
			clear(p.iscores)
			m.w.ScoreClassesMemo(p.feats, cands, p.iscores, &p.memo)
			for _, c := range cands {
				if h.s.valid(int(c), m.rootLabel) {
					exps = push(exps, expansion{parent: i, c: int(c), score: h.score + int64(p.iscores[c])}, width)
				}
			}
		}
		bm.exps = exps
		if done {
			break
		}
		next := hyps(&bm.next, len(exps))
		for i, e := range exps {
			next[i].s.copyFrom(&cur[e.parent].s)
			if e.c >= 0 {
				next[i].s.apply(e.c)
			}
			next[i].score = e.score
		}
		bm.cur, bm.next = bm.next, bm.cur
		cur = next
	}
	// cur is ordered best first (or is the one starting state).
	p.s.copyFrom(&cur[0].s)
	p.s.finish(m.rootLabel, m.fallback)
}
