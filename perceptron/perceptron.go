// Package perceptron is a multiclass averaged perceptron over hashed integer
// features, the learner behind sitrep's tagger, parser and entity recogniser.
//
// Features are uint64 hashes built with Hash and Mix from small integers and
// pre-hashed strings, so scoring allocates nothing. A Trainer learns sparse
// weights (only the classes a feature was ever updated for are stored) and
// averages them (Collins 2002, with lazy averaging); Trainer.Model freezes
// the averaged weights into a Model, with full-precision weights and the
// operations training needs (pruning, folding domain features). Model.Table
// turns a Model into what the stages score with: a Table, 16-bit weights in
// cache-line buckets, whose deterministic binary form is used in place
// without decoding (table.go).
package perceptron

import (
	"math"
	"math/bits"
	"sort"
)

// Hash returns the 64-bit FNV-1a hash of s, for use as an atom of a
// feature (Mix combines atoms into features). It is deterministic across
// runs and machines.
func Hash(s string) uint64 { return fnvOn(fnvOffset, s) }

// The 64-bit FNV-1a offset basis and prime.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fnvOn continues the FNV-1a hash h with the bytes of s.
func fnvOn(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// Mix combines a feature hash with one more atom. Features are built as
// Mix(Mix(Template(id), a), b).
func Mix(h, a uint64) uint64 {
	h ^= a + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	h *= 0xbf58476d1ce4e5b9
	return h ^ (h >> 31)
}

// Template returns the seed hash of feature template id.
func Template(id int) uint64 {
	return Mix(0x243f6a8885a308d3, uint64(id)+1)
}

// Model scores hashed features against a fixed set of classes. The zero
// Model scores nothing; build one with Trainer.Model or Decode. A Model is
// safe for concurrent use.
type Model struct {
	classes int
	mask    uint64
	slots   []slot
	pairs   []pair
}

type slot struct {
	key uint64
	off uint32 // pairs[off : off+n]
	n   uint32
}

type pair struct {
	class uint32
	w     float32
}

// Classes returns the number of classes the model scores.
func (m *Model) Classes() int { return m.classes }

// Features returns the number of features with at least one weight.
func (m *Model) Features() int {
	n := 0
	for _, s := range m.slots {
		if s.n > 0 {
			n++
		}
	}
	return n
}

// Weights returns the number of stored (feature, class) weights.
func (m *Model) Weights() int { return len(m.pairs) }

// Score adds the weights of features to scores, which must have one entry
// per class. Unknown features add nothing.
//
// Look-ups run in two phases, first every feature's slot, then the
// weights, so that the processor can wait on many cache misses at once
// instead of one after another.
func (m *Model) Score(features []uint64, scores []float32) {
	if len(m.slots) == 0 {
		return
	}
	scores = scores[:m.classes]
	var buf [128]*slot
	for len(features) > 0 {
		n := min(len(features), len(buf))
		found := buf[:0]
		for _, f := range features[:n] {
			if s := m.find(f); s != nil {
				found = append(found, s)
			}
		}
		for _, s := range found {
			for _, p := range m.pairs[s.off : s.off+s.n] {
				if p.class < uint32(len(scores)) {
					scores[p.class] += p.w
				}
			}
		}
		features = features[n:]
	}
}

// Predict returns the best class for features, or -1 for a model without
// classes. Ties go to the lowest class. scratch, if it has room for every
// class, is used to hold the scores.
func (m *Model) Predict(features []uint64, scratch []float32) int {
	if m.classes == 0 {
		return -1
	}
	if cap(scratch) < m.classes {
		scratch = make([]float32, m.classes)
	}
	scratch = scratch[:m.classes]
	clear(scratch)
	m.Score(features, scratch)
	return Argmax(scratch)
}

// Argmax returns the index of the largest score, the lowest index on ties,
// or -1 for none.
func Argmax[E int32 | float32](scores []E) int {
	best := -1
	var bs E
	for i, s := range scores {
		if best < 0 || s > bs {
			best, bs = i, s
		}
	}
	return best
}

func (m *Model) find(key uint64) *slot {
	key = nonzero(key)
	i := spread(key) & m.mask
	for {
		s := &m.slots[i]
		if s.key == key {
			return s
		}
		if s.key == 0 {
			return nil
		}
		i = (i + 1) & m.mask
	}
}

// nonzero maps the empty-slot marker 0 to another key.
func nonzero(k uint64) uint64 {
	if k == 0 {
		return 0x9e3779b97f4a7c15
	}
	return k
}

func spread(k uint64) uint64 { return (k ^ k>>29) * 0x94d049bb133111eb >> 17 }

// build lays out entries (sorted by key, each with its pairs) as a table.
func build(classes int, keys []uint64, counts []uint32, pairs []pair) *Model {
	size := uint64(1) << bits.Len(uint(len(keys)*2+1))
	m := &Model{classes: classes, mask: size - 1, slots: make([]slot, size), pairs: pairs}
	off := uint32(0)
	for i, k := range keys {
		k = nonzero(k)
		j := spread(k) & m.mask
		for m.slots[j].key != 0 {
			j = (j + 1) & m.mask
		}
		m.slots[j] = slot{key: k, off: off, n: counts[i]}
		off += counts[i]
	}
	return m
}

// Trainer learns an averaged perceptron. It is not safe for concurrent use.
type Trainer struct {
	classes int
	index   map[uint64]int32
	feats   [][]entry
	// step counts the examples seen, the clock of lazy averaging.
	step int64
}

type entry struct {
	class int32
	w     float32
	ts    int64   // step at which total was last brought up to date
	total float64 // sum over steps of w
}

// NewTrainer returns a trainer for the given number of classes.
func NewTrainer(classes int) *Trainer {
	return &Trainer{classes: classes, index: make(map[uint64]int32)}
}

// Classes returns the number of classes.
func (t *Trainer) Classes() int { return t.classes }

// Score adds the current (not averaged) weights of features to scores.
func (t *Trainer) Score(features []uint64, scores []float32) {
	for _, f := range features {
		if i, ok := t.index[nonzero(f)]; ok {
			for _, e := range t.feats[i] {
				scores[e.class] += e.w
			}
		}
	}
}

// Predict returns the best class under the current weights.
func (t *Trainer) Predict(features []uint64, scratch []float32) int {
	if cap(scratch) < t.classes {
		scratch = make([]float32, t.classes)
	}
	scratch = scratch[:t.classes]
	clear(scratch)
	t.Score(features, scratch)
	return Argmax(scratch)
}

// Tick advances the averaging clock by one example. Call it once per
// training example, whether or not it was updated.
func (t *Trainer) Tick() { t.step++ }

// Update moves the weights of features by delta for class: +1 towards the
// gold class, -1 away from a wrong prediction.
func (t *Trainer) Update(features []uint64, class int, delta float32) {
	for _, f := range features {
		f = nonzero(f)
		i, ok := t.index[f]
		if !ok {
			i = int32(len(t.feats))
			t.index[f] = i
			t.feats = append(t.feats, nil)
		}
		es := t.feats[i]
		k := -1
		for j := range es {
			if es[j].class == int32(class) {
				k = j
				break
			}
		}
		if k < 0 {
			es = append(es, entry{class: int32(class), ts: t.step})
			k = len(es) - 1
		}
		e := &es[k]
		e.total += float64(t.step-e.ts) * float64(e.w)
		e.ts = t.step
		e.w += delta
		t.feats[i] = es
	}
}

// Model returns the averaged weights as a read-only model. The trainer may
// go on learning afterwards; the model does not change.
func (t *Trainer) Model() *Model {
	keys := make([]uint64, 0, len(t.index))
	for k := range t.index {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	counts := make([]uint32, 0, len(keys))
	var pairs []pair
	kept := keys[:0]
	steps := float64(max(t.step, 1))
	for _, k := range keys {
		n := 0
		es := append([]entry(nil), t.feats[t.index[k]]...)
		sort.Slice(es, func(i, j int) bool { return es[i].class < es[j].class })
		for _, e := range es {
			avg := (e.total + float64(t.step-e.ts)*float64(e.w)) / steps
			if avg == 0 {
				continue
			}
			pairs = append(pairs, pair{class: uint32(e.class), w: float32(avg)})
			n++
		}
		if n > 0 {
			kept = append(kept, k)
			counts = append(counts, uint32(n))
		}
	}
	return build(t.classes, kept, counts, pairs)
}

// MaxWeight returns the largest weight magnitude in the model.
func (m *Model) MaxWeight() float32 {
	var mx float32
	for _, p := range m.pairs {
		mx = max(mx, float32(math.Abs(float64(p.w))))
	}
	return mx
}

// Prune returns a copy of the model without the weights whose magnitude is
// below threshold, and without features left with no weight. Small weights
// rarely change a decision; dropping them shrinks the model and speeds up
// scoring.
func (m *Model) Prune(threshold float32) *Model {
	var keys []uint64
	var counts []uint32
	var pairs []pair
	type feat struct {
		key uint64
		ps  []pair
	}
	fs := make([]feat, 0, len(m.slots)/2)
	for _, s := range m.slots {
		if s.n > 0 {
			fs = append(fs, feat{s.key, m.pairs[s.off : s.off+s.n]})
		}
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].key < fs[j].key })
	for _, f := range fs {
		n := 0
		for _, p := range f.ps {
			if float32(math.Abs(float64(p.w))) >= threshold {
				pairs = append(pairs, p)
				n++
			}
		}
		if n > 0 {
			keys = append(keys, f.key)
			counts = append(counts, uint32(n))
		}
	}
	return build(m.classes, keys, counts, pairs)
}

// Quantile returns the weight magnitude below which the given share
// (0 to 1) of the model's weights lie, for pruning to a size.
func (m *Model) Quantile(q float64) float32 {
	if len(m.pairs) == 0 {
		return 0
	}
	ws := make([]float32, len(m.pairs))
	for i, p := range m.pairs {
		ws[i] = float32(math.Abs(float64(p.w)))
	}
	sort.Slice(ws, func(i, j int) bool { return ws[i] < ws[j] })
	k := int(q * float64(len(ws)))
	k = min(max(k, 0), len(ws)-1)
	return ws[k]
}

// Fold returns a model for one domain of a model trained with Daumé's
// feature augmentation, where every feature f came with a copy
// Mix(f, domain) per domain: each feature's weights gain those of its copy
// for keep, and the copies for keep and for every domain in drop are
// removed. Scoring the folded model with plain features equals scoring the
// original with augmented ones, at half the look-ups.
func (m *Model) Fold(keep uint64, drop ...uint64) *Model {
	copies := map[uint64]bool{}
	type feat struct {
		key uint64
		ps  []pair
	}
	var fs []feat
	for _, s := range m.slots {
		if s.n == 0 {
			continue
		}
		fs = append(fs, feat{s.key, m.pairs[s.off : s.off+s.n]})
	}
	sort.Slice(fs, func(i, j int) bool { return fs[i].key < fs[j].key })
	for _, f := range fs {
		if c := m.find(Mix(f.key, keep)); c != nil {
			copies[c.key] = true
		}
		for _, d := range drop {
			if c := m.find(Mix(f.key, d)); c != nil {
				copies[c.key] = true
			}
		}
	}
	var keys []uint64
	var counts []uint32
	var pairs []pair
	w := make([]float32, m.classes)
	for _, f := range fs {
		if copies[f.key] {
			continue
		}
		clear(w)
		for _, p := range f.ps {
			w[p.class] += p.w
		}
		if c := m.find(Mix(f.key, keep)); c != nil {
			for _, p := range m.pairs[c.off : c.off+c.n] {
				w[p.class] += p.w
			}
		}
		n := 0
		for c, v := range w {
			if v != 0 {
				pairs = append(pairs, pair{class: uint32(c), w: v})
				n++
			}
		}
		if n > 0 {
			keys = append(keys, f.key)
			counts = append(counts, uint32(n))
		}
	}
	return build(m.classes, keys, counts, pairs)
}

// HashJoint returns Hash(a + " " + b) without building the string.
func HashJoint(a, b string) uint64 {
	return fnvOn((fnvOn(fnvOffset, a)^' ')*fnvPrime, b)
}
