package pos

import (
	"sort"
	"strings"

	"github.com/sitrep/sitrep/conllu"
)

// FromPTB turns sentences that carry only Penn Treebank tags (CoNLL-2000's
// WSJ, CoNLL-2003's Reuters, both tagged by a tagger rather than by hand)
// into training sentences for the tagger: brackets and quotes get the
// treebank's tags and forms, and UPOS comes from the treebank — the UPOS
// the word most often has with that Penn tag there, else the UPOS the Penn
// tag most often maps to. Sentences with tags the treebank never uses are
// dropped. Lemmas are left empty, so these sentences teach tags only.
func FromPTB(words, tags [][]string, treebank []conllu.Sentence) []conllu.Sentence {
	byWord := map[string]map[string]int{}
	byTag := map[string]map[string]int{}
	inc := func(m map[string]map[string]int, k, v string) {
		if m[k] == nil {
			m[k] = map[string]int{}
		}
		m[k][v]++
	}
	for _, s := range treebank {
		for _, w := range s.Words {
			inc(byWord, strings.ToLower(w.Form)+"\t"+w.XPOS, w.UPOS)
			inc(byTag, w.XPOS, w.UPOS)
		}
	}
	best := func(c map[string]int) string {
		keys := make([]string, 0, len(c))
		for k := range c {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b, n := "", 0
		for _, k := range keys {
			if c[k] > n {
				b, n = k, c[k]
			}
		}
		return b
	}
	var out []conllu.Sentence
sentences:
	for i, ws := range words {
		s := conllu.Sentence{Words: make([]conllu.Word, len(ws))}
		open := true
		for j, f := range ws {
			x := tags[i][j]
			switch {
			case x == "(":
				x = "-LRB-"
			case x == ")":
				x = "-RRB-"
			case f == "``" || f == "''" || x == `"`:
				f = `"`
				if open {
					x = "``"
				} else {
					x = "''"
				}
				open = !open
			}
			if byTag[x] == nil {
				continue sentences
			}
			u := ""
			if c := byWord[strings.ToLower(f)+"\t"+x]; c != nil {
				u = best(c)
			} else {
				u = best(byTag[x])
			}
			s.Words[j] = conllu.Word{Form: f, XPOS: x, UPOS: u}
		}
		out = append(out, s)
	}
	return out
}
