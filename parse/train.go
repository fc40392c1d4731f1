package parse

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
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
	// Clusters optionally maps normalised words to cluster ids.
	Clusters map[string]int32
	// Log receives progress; nil is silent.
	Log *slog.Logger
}

// DefaultTrainConfig returns the settings the embedded model was trained
// with.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{Epochs: 15, Seed: 1, ExploreAfter: 1, Explore: 0.9}
}

// Validate names the first bad setting.
func (c TrainConfig) Validate() error {
	if c.Epochs < 1 {
		return fmt.Errorf("parse train config: Epochs must be at least 1, got %d", c.Epochs)
	}
	if c.Explore < 0 || c.Explore > 1 {
		return fmt.Errorf("parse train config: Explore must be in [0, 1], got %g", c.Explore)
	}
	return nil
}

func sortStrings(s []string) { sort.Strings(s) }

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
	m := &Model{labels: labels, clusters: cfg.Clusters}
	if m.clusters == nil {
		m.clusters = map[string]int32{}
	}
	if err := m.init(); err != nil {
		return nil, err
	}
	classes := 2 + 2*len(labels)
	tr := perceptron.NewTrainer(classes)
	m.w = &perceptron.Model{} // placeholder for prepare's class count
	type example struct {
		forms, tags []string
		heads, rels []int // 1-based positions: index 0 unused
	}
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
				pred := m.best(&p.s, p.scores)
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
	m.w = tr.Model()
	return m, nil
}

// prepareTrain is prepare for a model whose weights are still training.
func (m *Model) prepareTrain(p *parser, forms, tags []string, classes int) {
	saved := m.w
	m.w = nil
	defer func() { m.w = saved }()
	m.prepareAtoms(p, forms, tags)
	if cap(p.scores) < classes {
		p.scores = make([]float32, classes)
	}
	p.scores = p.scores[:classes]
}
