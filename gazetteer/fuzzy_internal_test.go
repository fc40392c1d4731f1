package gazetteer

import (
	"reflect"
	"testing"
)

// TestFuzzyFilters checks that the letter-set bounds of scanBucket drop
// no key within the edit bound: Fuzzy matches what an edit-distance test
// of every key of the same buckets finds, in the same order.
func TestFuzzyFilters(t *testing.T) {
	layers, err := DefaultLayers()
	if err != nil {
		t.Fatal(err)
	}
	s := NewSet(layers...)
	total := 0
	for _, key := range []string{"misurrata", "benghazzi", "telegram", "brigade", "shagra", "curdination", "siniehubov", "tripolli", "kandahr", "mogadisu", "khartum", "aleppoo"} {
		got := s.Fuzzy(nil, key)
		maxEdits := 1
		if len(key) >= FuzzyTwoEditLen {
			maxEdits = 2
		}
		var want []Match
		var buf []Posting
		for n := len(key) - maxEdits; n <= len(key)+maxEdits; n++ {
			for _, fk := range s.fuzzy[fuzzyBucket(key[0], n)] {
				d := editDistance(key, fk.key, maxEdits)
				if fk.key == key || d > maxEdits {
					continue
				}
				g := s.layers[fk.layer]
				buf = g.postingsAt(buf[:0], fk.index)
				for _, p := range buf {
					if e := g.Entry(p.Entry); notable(e) {
						want = s.addMatch(want, 0, Match{Ref: Ref{fk.layer, p.Entry}, Entry: e, Primary: p.Primary, Edits: d})
					}
				}
			}
		}
		total += len(want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Fuzzy(%q) = %d matches, every key of its buckets gives %d", key, len(got), len(want))
		}
	}
	if total < 5 {
		t.Errorf("only %d fuzzy matches for all the misspellings: the test checks nothing", total)
	}
}
