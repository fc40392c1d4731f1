package pos

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/perceptron"
)

// TrainConfig holds the settings of Train.
type TrainConfig struct {
	// Epochs is the number of passes over the training sentences.
	Epochs int
	// Seed fixes the order sentences are visited in, so training is
	// deterministic.
	Seed uint64
	// AmbMinCount is how often a word must occur in training to get an
	// ambiguity class; rarer words are left to their affixes, as unseen
	// words at run time are.
	AmbMinCount int
	// Folds, when at least 2, trains a second pass that sees the first
	// pass's tags to the right; the first pass's tags on the training data
	// come from jackknifing over this many folds, so the second pass learns
	// from tags as wrong as they will be at run time. 0 or 1 trains one pass.
	Folds int
	// Clusters optionally maps normalised words to cluster ids.
	Clusters map[string]int32
	// News holds extra news sentences (see FromPTB). When there are any,
	// the model learns with domain features (Daumé 2007): every feature
	// also has a copy for the sentence's source, treebank or news, so the
	// news teaches how narrative news is written ("rebels attacked") while
	// the treebank's conventions, which the parser expects, stay its own.
	// The trained model keeps the treebank's side (fold).
	News []conllu.Sentence
	// Log receives progress; nil is silent.
	Log *slog.Logger
}

// DefaultTrainConfig returns the settings the embedded model was trained
// with.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{Epochs: 10, Seed: 1, AmbMinCount: 3, Folds: 4}
}

// Validate names the first bad setting.
func (c TrainConfig) Validate() error {
	if c.Epochs < 1 {
		return fmt.Errorf("pos train config: Epochs must be at least 1, got %d", c.Epochs)
	}
	if c.AmbMinCount < 1 {
		return fmt.Errorf("pos train config: AmbMinCount must be at least 1, got %d", c.AmbMinCount)
	}
	if c.Folds < 0 {
		return fmt.Errorf("pos train config: Folds must not be negative, got %d", c.Folds)
	}
	return nil
}

// example is a training sentence as forms and gold classes.
type example struct {
	forms  []string
	gold   []int
	domain uint64
}

// Train learns a tagger and lemmatizer from treebank sentences.
func Train(ctx context.Context, sents []conllu.Sentence, cfg TrainConfig) (*Model, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("pos train: no training sentences")
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	m := newModel(append(sents[:len(sents):len(sents)], cfg.News...), cfg)
	m.domains = len(cfg.News) > 0
	tagID := map[string]int{}
	for i, t := range m.tags {
		tagID[t] = i
	}
	exs := make([]example, 0, len(sents)+len(cfg.News))
	for k, s := range append(sents[:len(sents):len(sents)], cfg.News...) {
		e := example{forms: make([]string, len(s.Words)), gold: make([]int, len(s.Words))}
		for j, w := range s.Words {
			e.forms[j] = w.Form
			e.gold[j] = tagID[w.UPOS+" "+w.XPOS]
		}
		if m.domains {
			e.domain = treebank.atom()
			if k >= len(sents) {
				e.domain = news.atom()
			}
		}
		exs = append(exs, e)
	}
	var err error
	if m.w, err = m.trainPass(ctx, exs, nil, cfg, log, "pass 1"); err != nil {
		return nil, err
	}
	if cfg.Folds < 2 {
		m.fold()
		return m, nil
	}
	// Jackknife: first-pass tags for each fold from a model that did not
	// see it.
	first := make([][]int, len(exs))
	for k := 0; k < cfg.Folds; k++ {
		var in []example
		for i, e := range exs {
			if i%cfg.Folds != k {
				in = append(in, e)
			}
		}
		fm := *m
		if fm.w, err = m.trainPass(ctx, in, nil, cfg, log, fmt.Sprintf("fold %d/%d", k+1, cfg.Folds)); err != nil {
			return nil, err
		}
		t := &tagger{}
		for i, e := range exs {
			if i%cfg.Folds == k {
				t.domain = e.domain
				first[i] = append([]int(nil), fm.tagClasses(t, e.forms, func(_ int, f []uint64, s []float32) int { return fm.w.Predict(f, s) })...)
			}
		}
	}
	if m.w2, err = m.trainPass(ctx, exs, first, cfg, log, "pass 2"); err != nil {
		return nil, err
	}
	m.fold()
	return m, nil
}

// fold keeps only the treebank domain: the tagger tags with treebank
// conventions, so the domain copies of features are folded into the
// features themselves, halving the look-ups.
func (m *Model) fold() {
	if !m.domains {
		return
	}
	m.w = m.w.Fold(treebank.atom(), news.atom())
	if m.w2 != nil {
		m.w2 = m.w2.Fold(treebank.atom(), news.atom())
	}
	m.domains = false
}

// newModel builds the tag set, ambiguity classes and lemma rules.
func newModel(sents []conllu.Sentence, cfg TrainConfig) *Model {
	tagSet := map[string]bool{}
	wordTags := map[string]map[string]int{}
	var forms, xposs, lemmas []string
	for _, s := range sents {
		for _, w := range s.Words {
			t := w.UPOS + " " + w.XPOS
			tagSet[t] = true
			forms = append(forms, w.Form)
			xposs = append(xposs, w.XPOS)
			lemmas = append(lemmas, w.Lemma)
			k := normalize(w.Form)
			if wordTags[k] == nil {
				wordTags[k] = map[string]int{}
			}
			wordTags[k][t]++
		}
	}
	tags := make([]string, 0, len(tagSet))
	for t := range tagSet {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	m := &Model{tags: tags, amb: map[string]int32{}, unamb: map[string]int32{}, clusters: cfg.Clusters}
	tagIndex := map[string]int32{}
	for i, t := range tags {
		tagIndex[t] = int32(i)
	}
	if m.clusters == nil {
		m.clusters = map[string]int32{}
	}
	classID := map[string]int32{}
	words := make([]string, 0, len(wordTags))
	for w := range wordTags {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		counts := wordTags[w]
		total := 0
		for _, c := range counts {
			total += c
		}
		if total < cfg.AmbMinCount {
			continue
		}
		for t, c := range counts {
			if total >= unambMinCount && c*1000 >= total*995 {
				m.unamb[w] = tagIndex[t]
			}
		}
		var set []string
		for t, c := range counts {
			if c*20 >= total { // tags that make up at least 5%
				set = append(set, t)
			}
		}
		sort.Strings(set)
		key := strings.Join(set, "|")
		id, ok := classID[key]
		if !ok {
			id = int32(len(classID))
			classID[key] = id
		}
		m.amb[w] = id
	}
	m.lem = learnLemmas(forms, xposs, lemmas)
	m.init()
	return m
}

// unambMinCount is how often a word must be seen, with one tag at least
// 99.5% of the time, to be tagged from the dictionary without scoring.
const unambMinCount = 20

// trainPass trains the first pass (first == nil) or the second pass on
// the given first-pass tags.
func (m *Model) trainPass(ctx context.Context, exs []example, first [][]int, cfg TrainConfig, log *slog.Logger, name string) (*perceptron.Model, error) {
	tr := perceptron.NewTrainer(len(m.tags))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x5eed))
	t := &tagger{scores: make([]float32, len(m.tags))}
	for epoch := 0; epoch < cfg.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			e := exs[si]
			t.domain = e.domain
			learn := func(k int, feats []uint64, scores []float32) int {
				p := tr.Predict(feats, scores)
				g := e.gold[k]
				tr.Tick()
				if p != g {
					tr.Update(feats, g, 1)
					tr.Update(feats, p, -1)
				} else {
					correct++
				}
				total++
				return p
			}
			if first == nil {
				m.tagClasses(t, e.forms, learn)
			} else {
				m.tagClasses(t, e.forms, func(int, []uint64, []float32) int { return 0 })
				m.secondPass(t, e.forms, first[si], learn)
			}
		}
		log.Debug("pos epoch", "pass", name, "epoch", epoch+1, "train_acc", fmt.Sprintf("%.2f", 100*float64(correct)/float64(total)))
	}
	log.Info("pos pass trained", "pass", name, "sentences", len(exs))
	return tr.Model(), nil
}
