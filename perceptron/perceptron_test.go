package perceptron_test

import (
	"testing"

	"github.com/sitrep/sitrep/perceptron"
)

// xorish is a small problem a linear model can only solve with conjunction
// features: class = a XOR b.
func feats(a, b int) []uint64 {
	t := perceptron.Template(1)
	return []uint64{
		perceptron.Template(0),
		perceptron.Mix(t, uint64(a)),
		perceptron.Mix(perceptron.Template(2), uint64(b)),
		perceptron.Mix(perceptron.Mix(perceptron.Template(3), uint64(a)), uint64(b)),
	}
}

func train(t *testing.T) *perceptron.Model {
	t.Helper()
	tr := perceptron.NewTrainer(2)
	for epoch := 0; epoch < 10; epoch++ {
		for a := 0; a < 2; a++ {
			for b := 0; b < 2; b++ {
				f := feats(a, b)
				gold := a ^ b
				tr.Tick()
				if p := tr.Predict(f, nil); p != gold {
					tr.Update(f, gold, 1)
					tr.Update(f, p, -1)
				}
			}
		}
	}
	return tr.Model()
}

func TestLearnsConjunctions(t *testing.T) {
	m := train(t)
	for a := 0; a < 2; a++ {
		for b := 0; b < 2; b++ {
			if got := m.Predict(feats(a, b), nil); got != a^b {
				t.Errorf("Predict(%d, %d) = %d, want %d", a, b, got, a^b)
			}
		}
	}
	if m.Classes() != 2 || m.Features() == 0 || m.Weights() < m.Features() {
		t.Errorf("classes %d features %d weights %d", m.Classes(), m.Features(), m.Weights())
	}
}

func TestPrune(t *testing.T) {
	m := train(t)
	if p := m.Prune(0); p.Weights() != m.Weights() {
		t.Errorf("Prune(0) kept %d of %d weights", p.Weights(), m.Weights())
	}
	if p := m.Prune(m.MaxWeight() * 2); p.Weights() != 0 || p.Predict(feats(0, 1), nil) != 0 {
		t.Errorf("pruning everything left %d weights", p.Weights())
	}
}

func BenchmarkScore(b *testing.B) {
	tr := perceptron.NewTrainer(50)
	var fs []uint64
	for i := 0; i < 200000; i++ {
		f := perceptron.Mix(perceptron.Template(i%40), uint64(i))
		tr.Tick()
		tr.Update([]uint64{f}, i%50, 1)
		if i%5000 == 0 {
			fs = append(fs, f)
		}
	}
	m := tr.Model()
	s := make([]float32, 50)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		clear(s)
		m.Score(fs, s)
	}
}

func TestHashJoint(t *testing.T) {
	for _, c := range [][2]string{{"NOUN", "NN"}, {"", ""}, {"PROPN", ""}, {"", "NNP"}, {"VERB", "VBD"}, {"X", "ADD"}} {
		if got, want := perceptron.HashJoint(c[0], c[1]), perceptron.Hash(c[0]+" "+c[1]); got != want {
			t.Errorf("HashJoint(%q, %q) = %x, Hash of the joined string %x", c[0], c[1], got, want)
		}
	}
}
