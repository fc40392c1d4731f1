package geoparse

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/gazetteer"
)

// TestFastFold checks fastFold against gazetteer.Fold, with the lower-case
// forms of many words sharing one builder: each must stay what it was when
// later ones grow the builder.
func TestFastFold(t *testing.T) {
	words := []string{"Tripoli", "GNA", "al-Watiya", "misrata", "Ṭarābulus", "ISIS", "B52", "", "Sirte,", "Kharkiv"}
	for i := range 200 {
		words = append(words, strings.Repeat("Ab", i%40+1))
	}
	var folds strings.Builder
	got := make([]string, len(words))
	for i, w := range words {
		got[i] = fastFold(w, &folds)
	}
	for i, w := range words {
		if want := gazetteer.Fold(w); got[i] != want {
			t.Errorf("fastFold(%q) = %q, gazetteer.Fold gives %q", w, got[i], want)
		}
	}
}
