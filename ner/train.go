package ner

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"slices"
	"sort"

	"github.com/sitrep/sitrep/conll"
	"github.com/sitrep/sitrep/internal/modelio"
	"github.com/sitrep/sitrep/perceptron"
)

// TrainConfig holds the settings of Train.
type TrainConfig struct {
	// Epochs is the number of passes over the training documents.
	Epochs int
	// Seed fixes the order documents are visited in.
	Seed uint64
	// Chunk is the number of sentences treated as one document when the
	// corpus has no -DOCSTART- lines.
	Chunk int
	// Gazetteer gives the name-list features; nil trains without them.
	Gazetteer *Gazetteer
	// Caps optionally is the capitalisation table (CaseStats) of unlabelled
	// text; nil builds it from the training sentences alone.
	Caps map[string]int32
	// Folds, when at least 2, trains a second stage that sees the first
	// stage's labels of the whole document, jackknifed over this many
	// folds of documents.
	Folds int
	// Mix, when at least 2, trains this many models on differently
	// shuffled document orders (seeds Seed, Seed+1, ...) and ships the
	// mean of their averaged weights (parameter mixing).
	Mix int
	// Log receives progress; nil is silent.
	Log *slog.Logger
}

// DefaultTrainConfig returns the settings the embedded model was trained
// with (plus the gazetteer, which `sitrep train ner` builds).
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{Epochs: 20, Seed: 1, Chunk: 30}
}

// Validate names the first bad setting.
func (c TrainConfig) Validate() error {
	if c.Epochs < 1 {
		return fmt.Errorf("ner train config: Epochs must be at least 1, got %d", c.Epochs)
	}
	if c.Chunk < 1 {
		return fmt.Errorf("ner train config: Chunk must be at least 1, got %d", c.Chunk)
	}
	return nil
}

// Train learns a recogniser from CoNLL sentences (IOB1 or IOB2 tags), in
// corpus order so that document history works as at run time.
func Train(ctx context.Context, sents []conll.Sentence, cfg TrainConfig) (*Model, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("ner train: no training sentences")
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	typeSet := map[string]bool{}
	var docs []doc
	var cur doc
	for _, s := range sents {
		if (s.DocStart || len(cur) >= cfg.Chunk) && len(cur) > 0 {
			docs = append(docs, cur)
			cur = nil
		}
		gold := make([]string, len(s.Words))
		for i := range gold {
			gold[i] = "O"
		}
		for _, sp := range conll.Spans(s.Tags) {
			typeSet[sp.Type] = true
			if sp.End-sp.Start == 1 {
				gold[sp.Start] = "U-" + sp.Type
				continue
			}
			gold[sp.Start] = "B-" + sp.Type
			for k := sp.Start + 1; k < sp.End-1; k++ {
				gold[k] = "I-" + sp.Type
			}
			gold[sp.End-1] = "L-" + sp.Type
		}
		cur = append(cur, example{forms: s.Words, gold: gold})
	}
	if len(cur) > 0 {
		docs = append(docs, cur)
	}
	types := make([]string, 0, len(typeSet))
	for t := range typeSet {
		types = append(types, t)
	}
	sort.Strings(types)
	m := newModel(types)
	m.gaz = cfg.Gazetteer
	if m.gaz == nil {
		m.gaz = NewGazetteer()
	}
	caps := cfg.Caps
	if caps == nil {
		text := make([][]string, len(sents))
		for i, s := range sents {
			text[i] = s.Words
		}
		caps = CaseStats(text)
	}
	m.caps = dict(caps)
	labelID := map[string]int{}
	for i, l := range m.labels {
		labelID[l] = i
	}
	var err error
	if m.w, err = m.trainStage(ctx, docs, nil, labelID, cfg, log, "stage 1"); err != nil {
		return nil, err
	}
	if cfg.Folds >= 2 {
		// Stage 2 learns from stage-1 labels of documents that stage 1 did
		// not train on (jackknifing), so it trusts them only as far as
		// they deserve.
		first := make([]*firstPass, len(docs))
		for k := 0; k < cfg.Folds; k++ {
			var in []doc
			for i, d := range docs {
				if i%cfg.Folds != k {
					in = append(in, d)
				}
			}
			fm := *m
			if fm.w, err = m.trainStage(ctx, in, nil, labelID, cfg, log, fmt.Sprintf("fold %d/%d", k+1, cfg.Folds)); err != nil {
				return nil, err
			}
			for i, d := range docs {
				if i%cfg.Folds == k {
					first[i] = fm.firstPassDoc(d.forms())
				}
			}
		}
		if m.w2, err = m.trainStage(ctx, docs, first, labelID, cfg, log, "stage 2"); err != nil {
			return nil, err
		}
	}
	log.Info("ner trained", "documents", len(docs), "types", types)
	return m, nil
}

// doc is a training document.
type doc []example

type example struct {
	forms []string
	gold  []string // BILOU
}

func (d doc) forms() [][]string {
	out := make([][]string, len(d))
	for i, e := range d {
		out[i] = e.forms
	}
	return out
}

// dict freezes a word → id map.
func dict(m map[string]int32) *modelio.Dict {
	d := make(map[string]uint32, len(m))
	for k, v := range m {
		d[k] = uint32(v)
	}
	return modelio.NewDict(d)
}

// trainStage trains stage 1 (first == nil) or stage 2 on the given
// stage-1 passes, and freezes its weights: of one model, or the mean of
// cfg.Mix models trained on different document orders.
func (m *Model) trainStage(ctx context.Context, docs []doc, first []*firstPass, labelID map[string]int, cfg TrainConfig, log *slog.Logger, name string) (*perceptron.Table, error) {
	if cfg.Mix < 2 {
		pm, err := m.trainOne(ctx, docs, first, labelID, cfg, log, name, nil)
		if err != nil {
			return nil, err
		}
		return pm.Table()
	}
	seen := map[uint64]struct{}{}
	models := make([]*perceptron.Model, cfg.Mix)
	for k := range models {
		c := cfg
		c.Seed = cfg.Seed + uint64(k)
		var err error
		if models[k], err = m.trainOne(ctx, docs, first, labelID, c, log, fmt.Sprintf("%s, model %d/%d", name, k+1, cfg.Mix), seen); err != nil {
			return nil, err
		}
	}
	return mix(models, seen, len(m.labels)).Table()
}

// mix returns the model whose weights are the means of the models'
// weights, over every feature any of them was updated on. It goes through
// a trainer: one update per feature with the mean weights, then one tick,
// makes the trainer's average equal to them.
func mix(models []*perceptron.Model, feats map[uint64]struct{}, classes int) *perceptron.Model {
	keys := make([]uint64, 0, len(feats))
	for f := range feats {
		keys = append(keys, f)
	}
	slices.Sort(keys)
	tr := perceptron.NewTrainer(classes)
	sum := make([]float32, classes)
	one := make([]uint64, 1)
	for _, f := range keys {
		one[0] = f
		clear(sum)
		for _, pm := range models {
			pm.Score(one, sum)
		}
		for c, w := range sum {
			if w != 0 {
				tr.Update(one, c, w/float32(len(models)))
			}
		}
	}
	tr.Tick()
	return tr.Model()
}

// trainOne trains one averaged perceptron; seen, when not nil, gathers
// the features it updated.
func (m *Model) trainOne(ctx context.Context, docs []doc, first []*firstPass, labelID map[string]int, cfg TrainConfig, log *slog.Logger, name string, seen map[uint64]struct{}) (*perceptron.Model, error) {
	tr := perceptron.NewTrainer(len(m.labels))
	rng := rand.New(rand.NewPCG(cfg.Seed, 0xbeef))
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	r := &recognizer{}
	for epoch := 0; epoch < cfg.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, di := range order {
			h := newHistory()
			for si, e := range docs[di] {
				m.prepare(r, e.forms, h)
				var extra func(int, []uint64) []uint64
				if first != nil {
					extra = m.stage2Features(r, first[di], si)
				}
				labels := decode(m, r, len(e.forms), r.scores, func(f []uint64, _ []uint8, s []float32) { tr.Score(f, s) }, extra, func(i int, feats []uint64, pred int) int {
					g := labelID[e.gold[i]]
					tr.Tick()
					total++
					if pred == g {
						right++
						return pred
					}
					if seen != nil {
						for _, f := range feats {
							seen[f] = struct{}{}
						}
					}
					tr.Update(feats, g, 1)
					if pred >= 0 {
						tr.Update(feats, pred, -1)
					}
					return g
				})
				m.remember(h, r, labels)
			}
		}
		log.Debug("ner epoch", "stage", name, "epoch", epoch+1, "train_acc", fmt.Sprintf("%.2f", 100*float64(right)/float64(total)))
	}
	log.Info("ner stage trained", "stage", name, "documents", len(docs))
	return tr.Model(), nil
}
