package ner

import (
	"slices"
	"strings"
	"testing"
)

var splitSents = []string{
	"Salem Alaywan , Bani Walid 's mayor , told Reuters that Russian and Syrian fighters had retreated .",
	"Over 1,000 Russian and Syrian mercenary fighters retreated from Tripoli , Al Jazeera reported .",
	"THE UNITED NATIONS SAID ON MONDAY THAT FIGHTING NEAR TRIPOLI HAD ENDED .",
	"Alaywan said the Libya Observer and Bloomberg had the figures wrong .",
}

// TestSplitFeatures checks that a token's intrinsic and contextual
// features are exactly its features, for every token of sentences with
// gazetteer names, a history and an all-capitals sentence.
func TestSplitFeatures(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := &recognizer{}
	h := newHistory()
	for _, s := range splitSents {
		forms := strings.Fields(s)
		m.prepare(r, forms, h)
		for i := range forms {
			for _, prev := range []int{0, 1, len(m.labels) - 1} {
				pa, p2 := m.labelAtom[prev], m.labelAtom[0]^7
				want := slices.Sorted(slices.Values(features(nil, r.ts, i, pa, p2)))
				got := slices.Sorted(slices.Values(contextual(intrinsic(nil, r.ws[i]), r.ts, i, pa, p2)))
				if !slices.Equal(got, want) {
					t.Errorf("%q, token %d: intrinsic + contextual features differ from features", s, i)
				}
			}
		}
		m.remember(h, r, decode(m, r, len(forms), r.iscores, m.w.ScoreClasses, nil, nil))
	}
}

// TestDecodeSplit checks decodeSplit's labels against decode's, with the
// words cached (later rounds) and not.
func TestDecodeSplit(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := &recognizer{}
	found := 0
	for round := range 3 {
		h := newHistory()
		for _, s := range splitSents {
			forms := strings.Fields(s)
			m.prepare(r, forms, h)
			want := slices.Clone(decode(m, r, len(forms), r.iscores, m.w.ScoreClasses, nil, nil))
			got := m.decodeSplit(r, len(forms))
			if !slices.Equal(got, want) {
				t.Errorf("round %d, %q: split %v, decode %v", round, s, got, want)
			}
			for _, c := range got {
				if c != 0 {
					found++
				}
			}
			m.remember(h, r, got)
		}
	}
	if found == 0 {
		t.Error("no names labelled; the test needs sentences with names")
	}
}
