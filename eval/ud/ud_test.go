package ud_test

import (
	"math"
	"os"
	"testing"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/eval/ud"
)

func TestScore(t *testing.T) {
	f, err := os.Open("testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := conllu.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	pred := make([]conllu.Sentence, len(gold))
	for i, s := range gold {
		pred[i] = conllu.Sentence{Words: append([]conllu.Word(nil), s.Words...)}
	}
	// One wrong tag, one wrong head, one relation wrong only in its subtype.
	pred[0].Words[1].UPOS = "NOUN"
	pred[0].Words[0].Head = 4
	pred[1].Words[6].Rel = "obl"
	sc, err := ud.Score(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	if sc.Words != 13 || !near(sc.UPOS, 100*12.0/13) || !near(sc.UAS, 100*12.0/13) || !near(sc.LAS, 100*12.0/13) || !near(sc.LASFull, 100*11.0/13) || !near(sc.Exact, 0) {
		t.Errorf("scores = %+v", sc)
	}
	if _, err := ud.Score(gold, pred[:1]); err == nil {
		t.Error("mismatched sentence counts scored without error")
	}
}
