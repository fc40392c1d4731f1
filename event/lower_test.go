package event

import (
	"hash/maphash"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

// TestLowerWords checks the sentence's lower-casing against
// strings.ToLower token by token: ASCII with and without capitals,
// non-ASCII, invalid UTF-8 and empty texts.
func TestLowerWords(t *testing.T) {
	for _, texts := range [][]string{
		{"The", "GNA", "forces", "re-captured", "al-Watiya", "."},
		{"İstanbul", "ÉTAT", "Ödeme", "x", "", "MiXeD", "\xffAB", "Kabul"},
		{"all", "lower", "case"},
		{},
	} {
		toks := make([]sitrep.Token, len(texts))
		for i, x := range texts {
			toks[i].Text = x
		}
		got := lowerWords(toks)
		for i, x := range texts {
			if want := strings.ToLower(x); got[i] != want {
				t.Errorf("lowerWords(%q)[%d] = %q, want %q", texts, i, got[i], want)
			}
		}
	}
}

// TestCategoryBits checks the one-pass word lists of Category against
// reading each list on its own, as Category did.
func TestCategoryBits(t *testing.T) {
	lists := []struct {
		words map[string]bool
		bit   uint16
	}{
		{protestWords, catProtest}, {rioterWords, catRioter}, {identityWords, catIdentity},
		{militiaWords, catMilitia}, {rebelWords, catRebel}, {set("government", "army", "police", "security"), catStateBody},
		{externalWords, catExternal}, {stateWords, catState}, {victims, catVictim},
	}
	for _, s := range []string{"Pro-Government MILITIA (fighters),", "the Army.", "  protesters  and  rioters ", "Élite Forces", "", "Taliban insurgents"} {
		got := categoryBits(s)
		var want uint16
		for _, l := range lists {
			for _, w := range strings.Fields(strings.ToLower(s)) {
				if l.words[strings.Trim(w, ",.()")] {
					want |= l.bit
				}
			}
		}
		if got != want {
			t.Errorf("categoryBits(%q) = %b, want %b", s, got, want)
		}
	}
}

// TestPatternSets checks the numbered pattern words pattern reads against
// the forms they stand for: a word matches pattern word k exactly when
// forms[k] holds it.
func TestPatternSets(t *testing.T) {
	lx := loadLexicon()
	probes := []string{"the", "forces", "troops", "attack", "with", "to", "talks", "aid", "zzz", "militants"}
	n := 0
	for _, ps := range lx.patterns {
		for _, p := range ps {
			if len(p.sets) != len(p.words) {
				t.Fatalf("pattern %v has %d sets", p.words, len(p.sets))
			}
			for k := range p.words {
				matches := func(w string) bool {
					id, ok := lx.formWords[w]
					return ok && slices.Contains(lx.wordSets[id], p.sets[k])
				}
				for w := range p.forms[k] {
					n++
					if !matches(w) {
						t.Fatalf("pattern %v word %d: %q is in its forms but not its set", p.words, k, w)
					}
				}
				for _, w := range probes {
					if matches(w) != p.forms[k][w] {
						t.Fatalf("pattern %v word %d: %q matches %v, forms say %v", p.words, k, w, matches(w), p.forms[k][w])
					}
				}
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d pattern forms checked", n)
	}
}

// TestNumberWord checks the shape filter of numberWord against the map.
func TestNumberWord(t *testing.T) {
	probes := []string{"", "a", "an", "the", "one", "ones", "twenty", "tw", "dozens", "dozen", "12", "several", "hundreds", "x"}
	for w := range numberWords {
		probes = append(probes, w, w+"s", strings.ToUpper(w))
	}
	for _, w := range probes {
		v, ok := numberWord(w)
		wv, wok := numberWords[w]
		if v != wv || ok != wok {
			t.Errorf("numberWord(%q) = %d, %v; the map gives %d, %v", w, v, ok, wv, wok)
		}
	}
}

// TestFirstFilter checks the hash bits of lexicon.first against the map:
// every key is found with its entries, and other words get the map's nil.
func TestFirstFilter(t *testing.T) {
	lx := loadLexicon()
	for w, es := range lx.byFirst {
		if got := lx.first(w); len(got) != len(es) || len(got) > 0 && got[0] != es[0] {
			t.Fatalf("first(%q) = %d entries, byFirst has %d", w, len(got), len(es))
		}
	}
	skipped := 0
	for _, w := range strings.Fields("the of and in a to was were said on at by with from that which government forces rebels city village yesterday Tripoli zzz") {
		if got, want := lx.first(w), lx.byFirst[w]; len(got) != len(want) {
			t.Errorf("first(%q) = %d entries, byFirst has %d", w, len(got), len(want))
		}
		if h := maphash.String(firstSeed, w); lx.firstBits[h>>6%uint64(len(lx.firstBits))]&(1<<(h&63)) == 0 {
			skipped++
		}
	}
	if skipped == 0 {
		t.Error("the hash bits skip the map for none of the common words")
	}
}
