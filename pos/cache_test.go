package pos

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestSplitFeatures checks that a word's intrinsic features, its verb
// features, its neighbours' features in their roles and the rest (near,
// near2) are exactly its features, in both passes, for every position of
// a sentence (the first and last two with padding for neighbours) and any
// tags to its left and right.
func TestSplitFeatures(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	forms := strings.Fields("About 400 Chadian and Sudanese mercenary fighters , U.N.-backed , withdrew on Thursday .")
	ws := make([]word, len(forms)+4)
	ws[0], ws[1], ws[len(forms)+2], ws[len(forms)+3] = boundary, boundary, boundEnd, boundEnd
	for i, f := range forms {
		m.atoms(&ws[i+2], f, i == 0)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range forms {
		tag := func() uint64 { return m.tagHash[r.IntN(len(m.tagHash))] }
		prev, prev2, next, next2, vl, vr := tag(), tag(), tag(), tag(), uint64(r.IntN(2)), uint64(r.IntN(2))
		split := func(rest []uint64) []uint64 {
			fs := verbFeatures(intrinsic(rest, &ws[i+2]), &ws[i+2], vl)
			for r, k := range [nRoles]int{i + 1, i, i + 3, i + 4} {
				fs = neighbourFeatures(fs, r, &ws[k])
			}
			return slices.Sorted(slices.Values(fs))
		}
		want := slices.Sorted(slices.Values(features(nil, ws, i, prev, prev2, vl)))
		if got := split(near(nil, ws, i, prev, prev2)); !slices.Equal(got, want) {
			t.Errorf("word %d %q: intrinsic, verb, neighbour and near features differ from features", i, forms[i])
		}
		want = slices.Sorted(slices.Values(features2(nil, ws, i, prev, prev2, next, next2, vl, vr)))
		if got := split(verbFeatures2(near2(nil, ws, i, prev, prev2, next, next2), &ws[i+2], vl, vr)); !slices.Equal(got, want) {
			t.Errorf("word %d %q: intrinsic, verb, neighbour and near2 features differ from features2", i, forms[i])
		}
	}
}

// TestCachedTagging tags sentences with the cache of word forms, several
// times over (so that later rounds find every word cached), and checks the
// classes and lemmas against tagging with every feature looked up afresh.
func TestCachedTagging(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sents := []string{
		"About 400 Chadian and Sudanese mercenary fighters withdrew from the hills above Gharyan .",
		"Mohammed Salem , the mayor of Zintan , said the gunmen were driven out on Friday .",
		"Fighters said that they had retreated , the mayor told Reuters .",
		"The U.N.-backed government said three civilians were killed when shells hit a house in Ain Zara .",
		"Retreated fighters left behind mines , according to the Libya Observer .",
		"Reuters .",
		"Fighters",
	}
	fresh := &tagger{}
	cached := &tagger{}
	for round := range 3 {
		for _, s := range sents {
			forms := strings.Fields(s)
			want := slices.Clone(m.unsplit(fresh, forms))
			got := m.run(cached, forms)
			if !slices.Equal(got, want) {
				t.Errorf("round %d, %q: cached %v, afresh %v", round, s, got, want)
			}
			for i, c := range got {
				if l, want := m.lemmaAt(cached, i, forms[i], c), m.lemma(forms[i], m.upos[c], m.xpos[c]); l != want {
					t.Errorf("round %d, %q: cached lemma %q, afresh %q", round, forms[i], l, want)
				}
			}
		}
	}
	if len(cached.forms[0])+len(cached.forms[1]) == 0 {
		t.Error("the tagger cached no word forms")
	}
}

// unsplit is run with every feature looked up for every word.
func (m *Model) unsplit(t *tagger, forms []string) []int {
	if cap(t.iscores) < len(m.tags) {
		t.iscores = make([]int32, len(m.tags))
	}
	t.split = false
	cls := m.tagClasses(t, forms, func(i int, f []uint64, _ []float32) int { return predict(m.w, f, t.cands[i], t.iscores) })
	t.first = append(t.first[:0], cls...)
	return m.secondPass(t, forms, t.first, func(i int, f []uint64, _ []float32) int { return predict(m.w2, f, t.cands[i], t.iscores) })
}
