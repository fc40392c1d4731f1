package parse

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"slices"

	"github.com/sitrep/sitrep/perceptron"
)

// Beam training: the global perceptron of Collins and Roark (2004) and
// Zhang and Clark (2008). The beam runs as at parse time, with the
// weights still training, beside the gold parse's transitions (the gold
// sequence). Once the gold sequence is out of the beam, no continuation
// can bring it back, and the weights are updated: up by the features of
// the gold sequence, down by those of the beam's best parse, each up to
// the step of the update.
//
// With early update the update is at the step where the gold sequence
// falls out of the beam, and the rest of the sentence is skipped. With
// max-violation (Huang, Fayong and Guo 2012) the beam runs on to the end
// and the update is at the step where the best parse's score exceeds the
// gold prefix's by the most, which learns more from each sentence. Either
// way, a sentence whose gold sequence survives to the end but is not the
// best is updated at the end, and one whose gold sequence is the best
// is not updated.

// Beam updates, TrainConfig.BeamUpdate.
const (
	EarlyUpdate  = "early"
	MaxViolation = "max-violation"
)

// goldSequence returns the transitions of the parse the dynamic oracle
// (state.costs) leads to in the arc-eager system, preferring among the
// cheapest transitions the gold left arc, the gold right arc, reduce,
// then shift (the static oracle of Nivre 2003 for a projective tree; for
// a non-projective one, a parse with the fewest arcs wrong). heads and
// rels are 1-based with index 0 unused.
func (m *Model) goldSequence(s *state, heads, rels []int, cost []int) []uint8 {
	s.reset(len(heads) - 1)
	var seq []uint8
	for !s.terminal() {
		s.costs(heads, rels, len(m.labels), m.rootLabel, cost)
		least := -1
		for _, c := range cost {
			if c >= 0 && (least < 0 || c < least) {
				least = c
			}
		}
		top, b := s.top(), s.b
		prefs := [4]int{-1, -1, reduce, shift}
		if top != 0 && rels[top] >= 0 {
			prefs[0] = 2 + 2*rels[top]
		}
		if rels[b] >= 0 {
			prefs[1] = 3 + 2*rels[b]
		}
		next := -1
		for _, c := range prefs {
			if c >= 0 && c < len(cost) && cost[c] == least {
				next = c
				break
			}
		}
		if next < 0 {
			next = slices.Index(cost, least)
		}
		seq = append(seq, uint8(next))
		s.apply(next)
	}
	return seq
}

// historyNode is one transition of a hypothesis of beam training: its
// predecessor's node and the transition (-1: none, a finished parse kept).
type historyNode struct {
	parent int32
	c      int16
}

// beamStep records one step of beam training.
type beamStep struct {
	best       int32   // node of the beam's best hypothesis
	bestIsGold bool    // it is the gold prefix
	score      float64 // its score
	goldScore  float64 // the gold prefix's score
	goldLen    int     // the gold prefix's transitions
}

// beamTrainer holds the scratch space of beam training.
type beamTrainer struct {
	m            *Model
	tr           *perceptron.Trainer
	width        int
	maxViolation bool
	p            *parser
	bm           beam
	nodes        []historyNode
	steps        []beamStep
	gold, replay state
	pred         []uint8
	updatedAt    int // the step of the last update
}

// sentence trains on the sentence prepared in t.p whose gold sequence is
// seq. It returns whether the beam's best parse was the gold one and
// whether the weights were updated.
func (t *beamTrainer) sentence(seq []uint8) (correct, updated bool) {
	m, p, tr := t.m, t.p, t.tr
	t.tr.Tick()
	t.nodes = append(t.nodes[:0], historyNode{parent: -1, c: -1})
	t.steps = t.steps[:0]
	cur := hyps(&t.bm.cur, 1)
	cur[0] = hyp{s: cur[0].s, gold: true}
	cur[0].s.copyFrom(&p.s)
	t.gold.copyFrom(&p.s)
	goldScore, gi := 0.0, 0
	goldOut := false
	for {
		exps := t.bm.exps[:0]
		done := true
		for i := range cur {
			h := &cur[i]
			switch {
			case h.s.terminal():
				exps = push(exps, expansion{parent: i, c: -1, fsc: h.fsc}, t.width)
				continue
			case h.s.forced():
				exps = push(exps, expansion{parent: i, c: shift, fsc: h.fsc}, t.width)
				done = false
				continue
			}
			done = false
			p.feats = features(p.feats[:0], &h.s, &p.a, m.labelAtom)
			clear(p.scores)
			tr.Score(p.feats, p.scores)
			cands := m.candidates(p, &h.s)
			if h.gold && !slices.Contains(cands, seq[gi]) {
				cands = append(cands, seq[gi])
				p.cands = cands
			}
			for _, c := range cands {
				if h.s.valid(int(c), m.rootLabel) {
					exps = push(exps, expansion{parent: i, c: int(c), fsc: h.fsc + float64(p.scores[c])}, t.width)
				}
			}
		}
		t.bm.exps = exps
		if done && gi == len(seq) {
			break
		}
		goldC := -1
		if gi < len(seq) {
			goldC = int(seq[gi])
			if !t.gold.forced() {
				p.feats = features(p.feats[:0], &t.gold, &p.a, m.labelAtom)
				clear(p.scores)
				tr.Score(p.feats, p.scores)
				goldScore += float64(p.scores[goldC])
			}
			t.gold.apply(goldC)
			gi++
		}
		next := hyps(&t.bm.next, len(exps))
		inBeam := false
		for i, e := range exps {
			par := &cur[e.parent]
			next[i].s.copyFrom(&par.s)
			if e.c >= 0 {
				next[i].s.apply(e.c)
			}
			next[i].fsc = e.fsc
			next[i].gold = par.gold && (e.c < 0 || e.c == goldC)
			inBeam = inBeam || next[i].gold
			next[i].node = int32(len(t.nodes))
			t.nodes = append(t.nodes, historyNode{parent: par.node, c: int16(e.c)})
		}
		t.steps = append(t.steps, beamStep{best: next[0].node, bestIsGold: next[0].gold, score: next[0].fsc, goldScore: goldScore, goldLen: gi})
		t.bm.cur, t.bm.next = t.bm.next, t.bm.cur
		cur = next
		if !inBeam && !goldOut {
			goldOut = true
			if !t.maxViolation {
				t.update(seq, len(t.steps)-1)
				return false, true
			}
		}
	}
	if cur[0].gold {
		return true, false
	}
	at := len(t.steps) - 1
	if t.maxViolation {
		// The first step of the largest violation among those whose best
		// is not the gold prefix (the last step is one).
		at = -1
		most := 0.0
		for i, st := range t.steps {
			if v := st.score - st.goldScore; !st.bestIsGold && (at < 0 || v > most) {
				at, most = i, v
			}
		}
	}
	t.update(seq, at)
	return false, true
}

// update moves the weights towards the gold prefix and away from the
// beam's best hypothesis at the given step: only the transitions after
// the two first part, whose features differ.
func (t *beamTrainer) update(seq []uint8, at int) {
	t.updatedAt = at
	st := t.steps[at]
	t.pred = t.pred[:0]
	for n := st.best; n > 0; n = t.nodes[n].parent {
		if c := t.nodes[n].c; c >= 0 {
			t.pred = append(t.pred, uint8(c))
		}
	}
	slices.Reverse(t.pred)
	gold := seq[:st.goldLen]
	k := 0
	for k < len(gold) && k < len(t.pred) && gold[k] == t.pred[k] {
		k++
	}
	p := t.p
	p.s.reset(len(p.a.w) - 3)
	for _, c := range gold[:k] {
		p.s.apply(int(c))
	}
	t.replay.copyFrom(&p.s)
	t.follow(&p.s, gold[k:], 1)
	t.follow(&t.replay, t.pred[k:], -1)
}

// follow takes transitions cs from s, moving the weights of each
// (scored) transition's features by delta.
func (t *beamTrainer) follow(s *state, cs []uint8, delta float32) {
	for _, c := range cs {
		if !s.forced() {
			t.p.feats = features(t.p.feats[:0], s, &t.p.a, t.m.labelAtom)
			t.tr.Update(t.p.feats, int(c), delta)
		}
		s.apply(int(c))
	}
}

// trainBeam is Train's loop for a beam wider than one.
func (m *Model) trainBeam(ctx context.Context, tr *perceptron.Trainer, exs []example, rng *rand.Rand, cfg TrainConfig, log *slog.Logger) error {
	classes := tr.Classes()
	t := &beamTrainer{m: m, tr: tr, width: cfg.Beam, maxViolation: cfg.BeamUpdate == MaxViolation,
		p: &parser{scores: make([]float32, classes)}}
	cost := make([]int, classes)
	seqs := make([][]uint8, len(exs))
	for i, e := range exs {
		seqs[i] = m.goldSequence(&t.p.s, e.heads, e.rels, cost)
	}
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	for epoch := 0; epoch < cfg.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, updates := 0, 0
		for _, ei := range order {
			e := exs[ei]
			m.prepareTrain(t.p, e.forms, e.tags, classes)
			ok, up := t.sentence(seqs[ei])
			if ok {
				right++
			}
			if up {
				updates++
			}
		}
		log.Info("parse epoch", "epoch", epoch+1, "beam", cfg.Beam, "update", cfg.BeamUpdate,
			"gold_best", fmt.Sprintf("%.2f", 100*float64(right)/float64(len(exs))), "updates", updates)
	}
	return nil
}
