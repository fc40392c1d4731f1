package perceptron_test

import (
	"bytes"
	"errors"
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

func TestEncodeRoundTrip(t *testing.T) {
	m := train(t)
	b := m.Encode(nil, 0)
	if !bytes.Equal(b, m.Encode(nil, 0)) {
		t.Fatal("encoding is not deterministic")
	}
	d, rest, err := perceptron.Decode(append(b, 7))
	if err != nil {
		t.Fatal(err)
	}
	if len(rest) != 1 || rest[0] != 7 {
		t.Errorf("rest = %v, want [7]", rest)
	}
	for a := 0; a < 2; a++ {
		for b := 0; b < 2; b++ {
			s1, s2 := make([]float32, 2), make([]float32, 2)
			m.Score(feats(a, b), s1)
			d.Score(feats(a, b), s2)
			for c := range s1 {
				if diff := s1[c] - s2[c]; diff > 1e-3*max(1, s1[c]) || diff < -1e-3*max(1, s1[c]) {
					t.Errorf("score (%d,%d) class %d: %g before encoding, %g after", a, b, c, s1[c], s2[c])
				}
			}
		}
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

func TestDecodeRejectsGarbage(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("SRPM"), []byte("SRPM1\x02\x00\x05"), []byte("xxxxxxxx")} {
		if _, _, err := perceptron.Decode(b); !errors.Is(err, perceptron.ErrFormat) {
			t.Errorf("Decode(%q) error = %v, want ErrFormat", b, err)
		}
	}
}

func FuzzDecode(f *testing.F) {
	tr := perceptron.NewTrainer(3)
	tr.Tick()
	tr.Update([]uint64{1, 2, 3}, 2, 1)
	f.Add(tr.Model().Encode(nil, 0))
	f.Add([]byte("SRPM1"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 1<<16 {
			return
		}
		m, _, err := perceptron.Decode(b)
		if err != nil {
			return
		}
		s := make([]float32, m.Classes())
		m.Score([]uint64{1, 2, 3, 4}, s)
	})
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
