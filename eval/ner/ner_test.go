package ner_test

import (
	"math"
	"testing"

	"github.com/sitrep/sitrep/conll"
	"github.com/sitrep/sitrep/eval/ner"
)

func TestScore(t *testing.T) {
	gold := [][]conll.Span{{{Start: 0, End: 2, Type: "PER"}, {Start: 3, End: 4, Type: "ORG"}}, {{Start: 2, End: 3, Type: "LOC"}}}
	pred := [][]conll.Span{{{Start: 0, End: 1, Type: "PER"}, {Start: 3, End: 4, Type: "ORG"}}, {{Start: 2, End: 3, Type: "LOC"}, {Start: 0, End: 1, Type: "MISC"}}}
	sc, err := ner.Score(gold, pred, []int{7, 4})
	if err != nil {
		t.Fatal(err)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	// 2 right of 4 predicted and of 3 gold.
	if !near(sc.Precision, 50) || !near(sc.Recall, 100*2.0/3) || !near(sc.F1, 2*50*(200.0/3)/(50+200.0/3)) || sc.Tokens != 11 {
		t.Errorf("micro = %+v", sc)
	}
	if r := sc.Types["PER"]; r.Correct != 0 || r.Gold != 1 || r.Predicted != 1 || r.F1 != 0 {
		t.Errorf("PER = %+v", r)
	}
	if r := sc.Types["MISC"]; r.Gold != 0 || r.Predicted != 1 || r.Precision != 0 {
		t.Errorf("MISC = %+v", r)
	}
}
