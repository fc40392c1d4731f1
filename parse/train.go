package parse

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"slices"
	"sort"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/perceptron"
)

// TrainConfig holds the settings of Train.
type TrainConfig struct {
	// Epochs is the number of passes over the training sentences.
	Epochs int
	// Seed fixes the order of sentences and the exploration choices.
	Seed uint64
	// ExploreAfter is the number of epochs that follow the oracle before
	// the parser starts following its own predictions (with probability
	// Explore), so that it learns to act well after its own mistakes.
	ExploreAfter int
	Explore      float64
	// Prune is the share (0 to 1) of the trained weights dropped, smallest
	// first, before the model is frozen; most are too small to matter.
	Prune float64
	// Beam is the width of the beam the weights are trained for: 1 (or 0)
	// trains the greedy parser as above; wider trains a global perceptron
	// for beam search (see beamtrain.go), with a static gold sequence
	// and without exploration (ExploreAfter and Explore are not used).
	// Parse with the same width (Config.Beam, ParseBeam).
	Beam int
	// BeamUpdate is how a beam wider than one is updated: EarlyUpdate or
	// MaxViolation.
	BeamUpdate string
	// Log receives progress; nil is silent.
	Log *slog.Logger
}

// DefaultTrainConfig returns the settings the embedded model was trained
// with.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{Epochs: 15, Seed: 1, ExploreAfter: 1, Explore: 0.9, Beam: 1, BeamUpdate: MaxViolation}
}

// Validate names the first bad setting.
func (c TrainConfig) Validate() error {
	if c.Epochs < 1 {
		return fmt.Errorf("parse train config: Epochs must be at least 1, got %d", c.Epochs)
	}
	if c.Prune < 0 || c.Prune >= 1 {
		return fmt.Errorf("parse train config: Prune must be in [0, 1), got %g", c.Prune)
	}
	if c.Explore < 0 || c.Explore > 1 {
		return fmt.Errorf("parse train config: Explore must be in [0, 1], got %g", c.Explore)
	}
	if c.Beam < 0 || c.Beam > MaxBeam {
		return fmt.Errorf("parse train config: Beam must be in [0, %d], got %d", MaxBeam, c.Beam)
	}
	if c.Beam > 1 && c.BeamUpdate != EarlyUpdate && c.BeamUpdate != MaxViolation {
		return fmt.Errorf("parse train config: BeamUpdate must be %q or %q, got %q", EarlyUpdate, MaxViolation, c.BeamUpdate)
	}
	return nil
}

// example is a training sentence.
type example struct {
	forms, tags []string
	heads, rels []int // 1-based positions: index 0 unused
}

// Train learns a parser from treebank sentences. The words' UPOS and XPOS
// fields are the tags the parser sees: for a parser that is good on
// predicted tags, pass sentences whose tags were predicted by a tagger that
// did not train on them (jackknifing).
func Train(ctx context.Context, sents []conllu.Sentence, cfg TrainConfig) (*Model, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("parse train: no training sentences")
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	labelSet := map[string]bool{"root": true, "dep": true}
	for _, s := range sents {
		for _, w := range s.Words {
			labelSet[w.Rel] = true
		}
	}
	labels := make([]string, 0, len(labelSet))
	for l := range labelSet {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	if len(labels) > 64 {
		return nil, fmt.Errorf("parse train: %d relations, at most 64 supported", len(labels))
	}
	labelID := map[string]int{}
	for i, l := range labels {
		labelID[l] = i
	}
	upos, arcLabels := arcLabelSets(sents, labelID)
	m := &Model{labels: labels, upos: upos, arcLabels: arcLabels}
	if err := m.init(); err != nil {
		return nil, err
	}
	classes := 2 + 2*len(labels)
	tr := perceptron.NewTrainer(classes)
	exs := make([]example, 0, len(sents))
	for _, s := range sents {
		e := example{heads: make([]int, len(s.Words)+1), rels: make([]int, len(s.Words)+1)}
		e.heads[0], e.rels[0] = -1, -1
		for i, w := range s.Words {
			e.forms = append(e.forms, w.Form)
			e.tags = append(e.tags, w.UPOS+" "+w.XPOS)
			e.heads[i+1] = w.Head
			e.rels[i+1] = labelID[w.Rel]
		}
		exs = append(exs, e)
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0xface))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	if cfg.Beam > 1 {
		if err := m.trainBeam(ctx, tr, exs, rng, cfg, log); err != nil {
			return nil, err
		}
		return m.freeze(tr, cfg)
	}
	p := &parser{scores: make([]float32, classes)}
	cost := make([]int, classes)
	for epoch := 0; epoch < cfg.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, ei := range order {
			e := exs[ei]
			m.prepareTrain(p, e.forms, e.tags, classes)
			for !p.s.terminal() {
				p.feats = features(p.feats[:0], &p.s, &p.a, m.labelAtom)
				clear(p.scores)
				tr.Score(p.feats, p.scores)
				pred := best(m, &p.s, p.scores)
				p.s.costs(e.heads, e.rels, len(labels), m.rootLabel, cost)
				minCost := -1
				for _, c := range cost {
					if c >= 0 && (minCost < 0 || c < minCost) {
						minCost = c
					}
				}
				gold := -1
				var gs float32
				for c, sc := range p.scores {
					if cost[c] == minCost && (gold < 0 || sc > gs) {
						gold, gs = c, sc
					}
				}
				tr.Tick()
				total++
				next := gold
				if cost[pred] == minCost {
					right++
					next = pred
				} else {
					tr.Update(p.feats, gold, 1)
					tr.Update(p.feats, pred, -1)
					if epoch >= cfg.ExploreAfter && rng.Float64() < cfg.Explore {
						next = pred
					}
				}
				p.s.apply(next)
			}
		}
		log.Info("parse epoch", "epoch", epoch+1, "oracle_agreement", fmt.Sprintf("%.2f", 100*float64(right)/float64(total)))
	}
	return m.freeze(tr, cfg)
}

// freeze sets m's weights to tr's averaged weights, pruned as cfg says.
func (m *Model) freeze(tr *perceptron.Trainer, cfg TrainConfig) (*Model, error) {
	w := tr.Model()
	if cfg.Prune > 0 {
		w = w.Prune(w.Quantile(cfg.Prune))
	}
	var err error
	if m.w, err = w.Table(); err != nil {
		return nil, err
	}
	return m, nil
}

// arcLabelSets lists the universal tags of the training words and, for
// every head tag, dependent tag and direction, the labels of such arcs
// (see Model.arcLabels).
func arcLabelSets(sents []conllu.Sentence, labelID map[string]int) ([]string, [][]uint8) {
	set := map[string]bool{}
	for _, s := range sents {
		for _, w := range s.Words {
			set[w.UPOS] = true
		}
	}
	upos := make([]string, 0, len(set))
	for u := range set {
		upos = append(upos, u)
	}
	sort.Strings(upos)
	if len(upos) > 250 {
		upos = upos[:250]
	}
	id := map[string]int{}
	for i, u := range upos {
		id[u] = i
	}
	n := len(upos) + 1
	seen := make([]map[uint8]bool, n*n*2)
	for _, s := range sents {
		for i, w := range s.Words {
			if w.Head <= 0 {
				continue
			}
			h := s.Words[w.Head-1]
			dir := 0
			if i+1 > w.Head {
				dir = 1
			}
			k := (id[h.UPOS]*n+id[w.UPOS])*2 + dir
			if seen[k] == nil {
				seen[k] = map[uint8]bool{}
			}
			seen[k][uint8(labelID[w.Rel])] = true
		}
	}
	sets := make([][]uint8, n*n*2)
	for k, ls := range seen {
		for l := range ls {
			sets[k] = append(sets[k], l)
		}
		slices.Sort(sets[k])
	}
	return upos, sets
}

// prepareTrain is prepare for a model whose weights are still training.
func (m *Model) prepareTrain(p *parser, forms, tags []string, classes int) {
	m.prepareAtoms(p, forms, tags)
	if cap(p.scores) < classes {
		p.scores = make([]float32, classes)
	}
	p.scores = p.scores[:classes]
}
