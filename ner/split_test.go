package ner

import (
	"slices"
	"strings"
	"testing"
)

var splitSents = []string{
	"Omar Tantoush , Zintan 's mayor , told Reuters that Chadian and Sudanese gunmen had withdrawn .",
	"Nearly 700 Chadian and Sudanese hired gunmen withdrew from Sirte , Al Arabiya reported .",
	"THE UNITED NATIONS SAID ON MONDAY THAT FIGHTING NEAR TRIPOLI HAD ENDED .",
	"Alaywan said the Libya Observer and Bloomberg had the figures wrong .",
	"Reuters",
	"Tripoli .",
}

// TestSplitFeatures checks that a token's intrinsic features, its
// neighbours' features in their roles and its contextual features are
// exactly its features, for every token of sentences with
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
				fs := contextual(intrinsic(nil, r.ws[i]), r.ts, i, pa, p2)
				for ro, k := range [nRoles]int{i - 1, i - 2, i + 1, i + 2} {
					w := &padWord
					if k >= 0 && k < len(forms) {
						w = r.ws[k]
					}
					fs = neighbourFeatures(fs, ro, w)
				}
				if got := slices.Sorted(slices.Values(fs)); !slices.Equal(got, want) {
					t.Errorf("%q, token %d: intrinsic, neighbour and contextual features differ from features", s, i)
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
