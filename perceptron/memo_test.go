package perceptron_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/sitrep/sitrep/perceptron"
)

// TestScoreClassesMemo scores batches of features, known and unknown,
// repeated and new, longer than a batch of look-ups and more than a memo
// holds, through one memo used with two tables in turns: the scores must
// be those of ScoreClasses.
func TestScoreClassesMemo(t *testing.T) {
	tabs := make([]*perceptron.Table, 2)
	for i, classes := range []int{60, 13} {
		tab, err := wide(t, classes).Table()
		if err != nil {
			t.Fatal(err)
		}
		tabs[i] = tab
	}
	r := rand.New(rand.NewPCG(3, 4))
	feature := func() uint64 {
		switch r.IntN(5) {
		case 0:
			return r.Uint64() // unknown
		case 1:
			return 0
		}
		return perceptron.Mix(perceptron.Template(r.IntN(9)), uint64(r.IntN(600)))
	}
	var memo perceptron.Memo
	var prev []uint64
	for round := range 400 {
		tab := tabs[round/50%2]
		n := 1 + r.IntN(250)
		fs := make([]uint64, 0, n)
		for range n {
			if len(prev) > 0 && r.IntN(2) == 0 {
				fs = append(fs, prev[r.IntN(len(prev))])
			} else {
				fs = append(fs, feature())
			}
		}
		prev = fs
		var classes []uint8
		for c := range tab.Classes() {
			if r.IntN(3) == 0 {
				classes = append(classes, uint8(c))
			}
		}
		want := make([]int32, tab.Classes())
		got := make([]int32, tab.Classes())
		tab.ScoreClasses(fs, classes, want)
		tab.ScoreClassesMemo(fs, classes, got, &memo)
		for _, c := range classes {
			if got[c] != want[c] {
				t.Fatalf("round %d, class %d: memo %d, without %d", round, c, got[c], want[c])
			}
		}
		if round == 0 && slices.Equal(want, make([]int32, tab.Classes())) {
			t.Fatal("the features score nothing; the test needs features the table knows")
		}
	}
}

// TestScoreAllocs checks that scoring allocates nothing, with a memo (its
// scratch space lives in the memo) and without (on the stack), for one
// batch of features and for more than one.
func TestScoreAllocs(t *testing.T) {
	tab, err := wide(t, 40).Table()
	if err != nil {
		t.Fatal(err)
	}
	var memo perceptron.Memo
	classes := []uint8{0, 3, 7, 39}
	scores := make([]int32, tab.Classes())
	for _, n := range []int{1, 62, 161, 400} {
		fs := make([]uint64, n)
		for i := range fs {
			fs[i] = perceptron.Mix(perceptron.Template(i%7), uint64(i))
		}
		for name, score := range map[string]func(){
			"memo":    func() { tab.ScoreClassesMemo(fs, classes, scores, &memo) },
			"no memo": func() { tab.ScoreClasses(fs, classes, scores) },
			"all":     func() { tab.Score(fs, scores) },
		} {
			if a := testing.AllocsPerRun(20, score); a != 0 {
				t.Errorf("%d features, %s: %.1f allocations a call, want 0", n, name, a)
			}
		}
	}
}
