package pos

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/internal/modelio"
	"github.com/sitrep/sitrep/internal/wordform"
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
	// TagDictMinCount is how often a word must be seen in training for the
	// tagger to choose only among the tags it was seen with; rarer and
	// unseen words choose among the tags rare words were seen with. 0
	// leaves every tag open for every word.
	TagDictMinCount int
	// Paradigms closes each dictionary word's set of tags under English
	// verb inflection, where one form serves two tags: a word seen as a
	// verb's base form (VB) may also be its present tense (VBP) and the
	// other way round; an -s word seen as a plural noun may also be a
	// third-person verb (VBZ) when its stem was seen as a verb, and the
	// other way round. Without it a word the training text happened to
	// show only as a noun or an infinitive ("fire", "bombs") cannot be
	// tagged a finite verb ("Rebels fire/VBP rockets", "The air force
	// bombs/VBZ positions"). It changes only the tag dictionary, not the
	// weights. Off in the shipped model.
	Paradigms bool
	// ClauseFeatures adds second-pass features that tell whether there is
	// a finite verb elsewhere in the sentence, with the word's ambiguity
	// class and its first-pass tag (see clause). Off in the shipped model.
	ClauseFeatures bool
	// Prune is the share (0 to 1) of each pass's trained weights dropped,
	// smallest first, before the model is frozen; most are too small to
	// matter (docs/evaluation.md has the cost of each share).
	Prune float64
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
	return TrainConfig{Epochs: 10, Seed: 1, AmbMinCount: 3, Folds: 4, TagDictMinCount: 10}
}

// Validate names the first bad setting.
func (c TrainConfig) Validate() error {
	if c.Epochs < 1 {
		return fmt.Errorf("pos train config: Epochs must be at least 1, got %d", c.Epochs)
	}
	if c.AmbMinCount < 1 {
		return fmt.Errorf("pos train config: AmbMinCount must be at least 1, got %d", c.AmbMinCount)
	}
	if c.Prune < 0 || c.Prune >= 1 {
		return fmt.Errorf("pos train config: Prune must be in [0, 1), got %g", c.Prune)
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
	domains := len(cfg.News) > 0
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
		if domains {
			e.domain = treebank.atom()
			if k >= len(sents) {
				e.domain = news.atom()
			}
		}
		exs = append(exs, e)
	}
	w1, err := m.trainPass(ctx, exs, nil, cfg, log, "pass 1")
	if err != nil {
		return nil, err
	}
	if cfg.Folds < 2 {
		if m.w, err = freeze(w1, domains, cfg); err != nil {
			return nil, err
		}
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
		fw, err := m.trainPass(ctx, in, nil, cfg, log, fmt.Sprintf("fold %d/%d", k+1, cfg.Folds))
		if err != nil {
			return nil, err
		}
		t := &tagger{scores: make([]float32, len(m.tags))}
		for i, e := range exs {
			if i%cfg.Folds == k {
				t.domain = e.domain
				first[i] = append([]int(nil), m.tagClasses(t, e.forms, func(_ int, f []uint64, s []float32) int { return fw.Predict(f, s) })...)
			}
		}
	}
	w2, err := m.trainPass(ctx, exs, first, cfg, log, "pass 2")
	if err != nil {
		return nil, err
	}
	if m.w, err = freeze(w1, domains, cfg); err != nil {
		return nil, err
	}
	if m.w2, err = freeze(w2, domains, cfg); err != nil {
		return nil, err
	}
	return m, nil
}

// freeze turns a pass's trained weights into the table the tagger scores
// with. With domains, it keeps only the treebank's: the tagger tags with
// treebank conventions, so the domain copies of features are folded into
// the features themselves, halving the look-ups. Then the smallest
// cfg.Prune share of the weights is dropped.
func freeze(w *perceptron.Model, domains bool, cfg TrainConfig) (*perceptron.Table, error) {
	if domains {
		w = w.Fold(treebank.atom(), news.atom())
	}
	if cfg.Prune > 0 {
		w = w.Prune(w.Quantile(cfg.Prune))
	}
	return w.Table()
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
			k := wordform.Normalize(w.Form)
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
	m := &Model{tags: tags, clause: cfg.ClauseFeatures}
	amb, unamb := map[string]uint32{}, map[string]uint32{}
	tagIndex := map[string]uint32{}
	for i, t := range tags {
		tagIndex[t] = uint32(i)
	}
	classID := map[string]uint32{}
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
				unamb[w] = tagIndex[t]
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
			id = uint32(len(classID))
			classID[key] = id
		}
		amb[w] = id
	}
	m.amb, m.unamb = modelio.NewDict(amb), modelio.NewDict(unamb)
	if cfg.TagDictMinCount > 0 {
		m.tagdict, m.sets, m.open = newTagDict(wordTags, tagIndex, cfg.TagDictMinCount, cfg.Paradigms)
	}
	m.lem = learnLemmas(forms, xposs, lemmas)
	m.init()
	return m
}

// rareCount is how often a word may be seen in training and still count
// as rare: the tags of rare words are those an unknown word may take.
const rareCount = 2

// newTagDict builds the tag dictionary: words seen at least minCount
// times may take only the classes they were seen with; other words, the
// classes seen with rare words.
func newTagDict(wordTags map[string]map[string]int, tagIndex map[string]uint32, minCount int, paradigms bool) (*modelio.Dict, [][]uint8, uint32) {
	setID := map[string]uint32{}
	var sets [][]uint8
	id := func(tags map[string]bool) uint32 {
		cs := make([]uint8, 0, len(tags))
		for t := range tags {
			cs = append(cs, uint8(tagIndex[t]))
		}
		slices.Sort(cs)
		k := string(cs)
		i, ok := setID[k]
		if !ok {
			i = uint32(len(sets))
			setID[k] = i
			sets = append(sets, cs)
		}
		return i
	}
	words := make([]string, 0, len(wordTags))
	for w := range wordTags {
		words = append(words, w)
	}
	sort.Strings(words)
	known := map[string]uint32{}
	rare := map[string]bool{}
	for _, w := range words {
		total := 0
		tags := map[string]bool{}
		for t, c := range wordTags[w] {
			total += c
			tags[t] = true
		}
		if total <= rareCount {
			for t := range tags {
				rare[t] = true
			}
		}
		if total >= minCount {
			if paradigms {
				inflect(w, tags, wordTags, tagIndex)
			}
			known[w] = id(tags)
		}
	}
	if len(rare) == 0 {
		for t := range tagIndex {
			rare[t] = true
		}
	}
	open := id(rare)
	return modelio.NewDict(known), sets, open
}

// The verb and noun classes inflect adds.
const (
	classVB  = "VERB VB"
	classVBP = "VERB VBP"
	classVBZ = "VERB VBZ"
	classNN  = "NOUN NN"
	classNNS = "NOUN NNS"
)

// inflect adds to tags, the classes word w was seen with, the classes its
// form also serves in English inflection (see TrainConfig.Paradigms):
// VB and VBP, and for an -s form VBZ when its stem was seen as a verb and
// NNS when its stem was seen as a noun. Classes the tag set lacks are not
// added.
func inflect(w string, tags map[string]bool, wordTags map[string]map[string]int, tagIndex map[string]uint32) {
	add := func(c string) {
		if _, ok := tagIndex[c]; ok {
			tags[c] = true
		}
	}
	if tags[classVB] || tags[classVBP] {
		add(classVB)
		add(classVBP)
	}
	if !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || len(w) < 4 {
		return
	}
	stems := []string{w[:len(w)-1]}
	if strings.HasSuffix(w, "es") {
		stems = append(stems, w[:len(w)-2])
	}
	for _, st := range stems {
		ts := wordTags[st]
		if tags[classNNS] && (ts[classVB] > 0 || ts[classVBP] > 0) {
			add(classVBZ)
		}
		if tags[classVBZ] && ts[classNN] > 0 {
			add(classNNS)
		}
	}
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
