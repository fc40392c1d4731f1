package perceptron_test

import (
	"testing"

	"github.com/sitrep/sitrep/perceptron"
)

// TestFoldShares trains on features augmented with two domains' copies
// (Daumé 2007) and checks that folding scores plain features as the
// augmented model scores augmented ones: with the kept domain's copies
// only (Fold, FoldShares with shares 1, 0) and with a share of the
// other's.
func TestFoldShares(t *testing.T) {
	const a, b = 0x1111, 0x2222
	aug := func(f []uint64, d uint64) []uint64 {
		out := append([]uint64(nil), f...)
		for _, x := range f {
			out = append(out, perceptron.Mix(x, d))
		}
		return out
	}
	tr := perceptron.NewTrainer(2)
	for epoch := 0; epoch < 10; epoch++ {
		for x := 0; x < 2; x++ {
			for y := 0; y < 2; y++ {
				for _, d := range []uint64{a, b} {
					gold := x ^ y
					if d == b {
						gold = x // the second domain labels by x alone
					}
					f := aug(feats(x, y), d)
					tr.Tick()
					if p := tr.Predict(f, nil); p != gold {
						tr.Update(f, gold, 1)
						tr.Update(f, p, -1)
					}
				}
			}
		}
	}
	m := tr.Model()
	fold, shares := m.Fold(a, b), m.FoldShares([]uint64{a, b}, []float32{1, 0})
	half := m.FoldShares([]uint64{a, b}, []float32{1, 0.5})
	if fold.Weights() != shares.Weights() {
		t.Errorf("Fold kept %d weights, FoldShares with 1, 0 kept %d", fold.Weights(), shares.Weights())
	}
	for x := 0; x < 2; x++ {
		for y := 0; y < 2; y++ {
			f := feats(x, y)
			want := make([]float32, 2)
			m.Score(aug(f, a), want)
			got1, got2 := make([]float32, 2), make([]float32, 2)
			fold.Score(f, got1)
			shares.Score(f, got2)
			if got1[0] != got2[0] || got1[1] != got2[1] {
				t.Errorf("(%d, %d): Fold scores %v, FoldShares with 1, 0 %v", x, y, got1, got2)
			}
			for k := range got1 {
				if d := got1[k] - want[k]; d > 1e-4 || d < -1e-4 {
					t.Errorf("Fold(%d, %d) scores %v, augmented model %v", x, y, got1, want)
				}
			}
			// half: the plain and a-copy weights plus half the b-copy's.
			plain, bOnly, got := make([]float32, 2), make([]float32, 2), make([]float32, 2)
			m.Score(aug(f, a), plain)
			withB := make([]float32, 2)
			m.Score(append(aug(f, a), aug(f, b)[len(f):]...), withB)
			for k := range bOnly {
				bOnly[k] = withB[k] - plain[k]
			}
			half.Score(f, got)
			for k := range got {
				if d := got[k] - (plain[k] + bOnly[k]/2); d > 1e-4 || d < -1e-4 {
					t.Errorf("FoldShares 1, 0.5 (%d, %d) class %d: %g, want %g", x, y, k, got[k], plain[k]+bOnly[k]/2)
				}
			}
		}
	}
}
