package gazetteer

import (
	"strings"
	"testing"
)

// searchPrefix is HasPrefix by binary search alone, the reference for the
// word-prefix table.
func (g *Gazetteer) searchPrefix(prefix string) bool {
	i := g.lowerBound(prefix)
	return i < g.nKeys && strings.HasPrefix(g.key(i), prefix)
}

// TestWordPrefixTable checks the hash table of word prefixes against the
// binary search on the embedded gazetteer: every word prefix of every
// tenth key, and the same with a letter changed or a word added, which
// mostly name no key.
func TestWordPrefixTable(t *testing.T) {
	layers, err := DefaultLayers()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range layers {
		checked := 0
		check := func(q string) {
			checked++
			if got, want := g.HasPrefix(q), g.searchPrefix(q); got != want {
				t.Errorf("%s: HasPrefix(%q) = %v, binary search %v", g.Name(), q, got, want)
			}
		}
		for i := 0; i < g.nKeys; i += 10 {
			k := g.key(i)
			for p := strings.IndexByte(k, ' '); p >= 0; {
				pre := k[:p+1]
				check(pre)
				check(pre[:p] + "z ")
				check(pre + "al ")
				q := strings.IndexByte(k[p+1:], ' ')
				if q < 0 {
					break
				}
				p += q + 1
			}
			check(k + " ")
		}
		for _, q := range []string{" ", "  ", "a ", "new ", "al ", "zzzz ", "saint "} {
			check(q)
		}
		if checked < 10 {
			t.Errorf("%s: only %d prefixes checked", g.Name(), checked)
		}
	}
}
