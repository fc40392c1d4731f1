package ner

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/conll"
)

// TestWordCacheFollowsTheModel prepares one sentence with two models that
// share a recogniser, in turns: the atoms must be those a fresh recogniser
// computes, so that no model reads words cached for the other (their
// capitalisation tables differ).
func TestWordCacheFollowsTheModel(t *testing.T) {
	sents, err := conll.Read(strings.NewReader("The O\nmayor O\nof O\nTripoli I-LOC\nspoke O\n. O\n\nThe O\nmayor O\nleft O\n. O\n"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultTrainConfig()
	cfg.Epochs = 2
	small, err := Train(context.Background(), sents, cfg)
	if err != nil {
		t.Fatal(err)
	}
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	forms := strings.Fields("The mayor of Tripoli told Reuters that the Government had left .")
	fresh := func(m *Model) []tok {
		r := &recognizer{}
		m.prepare(r, forms, newHistory())
		return slices.Clone(r.ts)
	}
	want := map[*Model][]tok{small: fresh(small), def: fresh(def)}
	if slices.Equal(want[small], want[def]) {
		t.Fatal("the two models prepare the same atoms; the test needs models whose atoms differ")
	}
	shared := &recognizer{}
	for i := 0; i < 3; i++ {
		for _, m := range []*Model{small, def} {
			m.prepare(shared, forms, newHistory())
			if !slices.Equal(shared.ts, want[m]) {
				t.Fatalf("round %d: a shared recogniser prepared other atoms than a fresh one", i)
			}
		}
	}
}
