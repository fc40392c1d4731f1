package ner

import (
	"strings"
	"unicode"
)

// CaseStats builds the capitalisation table from unlabelled sentences: for
// every word seen at least twice away from the start of a sentence, a
// bucket of the share of those times it was capitalised (0: never, 1:
// under a fifth, 2: under half, 3: under four fifths, 4: nearly always,
// 5: always). Names are capitalised wherever they stand; "The" is not.
func CaseStats(sents [][]string) map[string]int32 {
	type count struct{ caps, all int }
	counts := map[string]*count{}
	for _, s := range sents {
		upper := 0
		for _, w := range s {
			if strings.ToUpper(w) == w {
				upper++
			}
		}
		if upper*2 > len(s) { // headlines in capitals say nothing
			continue
		}
		for i, w := range s {
			if i == 0 || w == "" || !unicode.IsLetter([]rune(w)[0]) {
				continue
			}
			if prev := s[i-1]; prev == "." || prev == "\"" || prev == ":" || prev == "``" {
				continue
			}
			k := strings.ToLower(w)
			c := counts[k]
			if c == nil {
				c = &count{}
				counts[k] = c
			}
			c.all++
			if unicode.IsUpper([]rune(w)[0]) {
				c.caps++
			}
		}
	}
	out := map[string]int32{}
	for k, c := range counts {
		if c.all < 2 {
			continue
		}
		var b int32
		switch r := float64(c.caps) / float64(c.all); {
		case c.caps == 0:
			b = 0
		case r < 0.2:
			b = 1
		case r < 0.5:
			b = 2
		case r < 0.8:
			b = 3
		case c.caps < c.all:
			b = 4
		default:
			b = 5
		}
		out[k] = b
	}
	return out
}
