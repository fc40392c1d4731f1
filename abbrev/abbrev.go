// Package abbrev knows English abbreviations that end in a full stop, so
// that the segmenter does not end a sentence at "Gen." and the tokenizer
// keeps "U.N." whole. It holds data, not a stage.
package abbrev

import "strings"

// Kind says how an abbreviation behaves before a capitalised word.
type Kind int

// Kinds of abbreviation.
const (
	// None: not an abbreviation; a full stop after it ends a sentence.
	None Kind = iota
	// Title: a title or label that always precedes something ("Gen.",
	// "Mr.", "No."); it never ends a sentence.
	Title
	// Endable: an abbreviation that may also end a sentence ("Inc.",
	// "etc.", "U.S.", "a.m."); it ends one only before a sentence opener.
	Endable
	// Month: an abbreviated month; never a sentence end before a number.
	Month
	// Initial: a single capital letter ("John F. Kennedy").
	Initial
)

var titles = set(
	"mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "rev", "hon", "sr", "jr",
	"gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "pfc", "adm", "brig", "cmdr", "cdr",
	"gov", "sen", "rep", "reps", "pres", "amb", "atty", "supt", "insp", "det", "fr", "st", "ste", "mt",
	"ft", "no", "nos", "vol", "art", "fig", "op", "pp", "para", "vs", "v", "approx", "est", "dept",
	"univ", "assn", "ave", "blvd", "rd", "hwy",
)

var endables = set(
	"etc", "inc", "ltd", "co", "corp", "llc", "plc", "bros", "al", "cf", "ibid", "ca",
	"e.g", "i.e", "a.m", "p.m", "u.s", "u.n", "u.k", "e.u", "u.s.a", "u.a.e", "d.c", "n.y",
)

var monthNames = set("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Classify returns the kind of word, written without its final full stop
// ("Gen", "U.S", "F").
func Classify(word string) Kind {
	if word == "" {
		return None
	}
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' {
		return Initial
	}
	if len(word) > 12 {
		return None
	}
	var buf [12]byte
	lw, ok := lowerASCII(buf[:0], word)
	if !ok {
		return None
	}
	switch {
	case titles[string(lw)]:
		return Title
	case monthNames[string(lw)]:
		return Month
	case endables[string(lw)]:
		return Endable
	case isDotted(word):
		return Endable
	}
	return None
}

// lowerASCII appends s lower-cased to dst; ok is false if s is not ASCII.
func lowerASCII(dst []byte, s string) (out []byte, ok bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return dst, false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// isDotted reports whether w is letters separated by single full stops, as
// in "U.S" or "a.m" (the final stop already removed).
func isDotted(w string) bool {
	if len(w) < 3 || strings.Count(w, ".") == 0 {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		if len(part) == 0 || len(part) > 2 {
			return false
		}
		for j := 0; j < len(part); j++ {
			c := part[j]
			if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
				return false
			}
		}
	}
	return true
}

// openers are words that commonly start a sentence and rarely follow an
// abbreviation inside one; after "U.S." or "Inc." they signal a new
// sentence.
var openers = set(
	"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "in", "on", "at", "but", "and", "or",
	"so", "this", "that", "these", "those", "there", "their", "his", "her", "its", "our", "my", "however",
	"meanwhile", "earlier", "later", "last", "now", "then", "after", "before", "when", "while", "if", "as",
	"some", "many", "most", "according", "officials", "since", "during", "although", "though", "yet",
	"both", "no", "not", "what", "who", "why", "how", "where", "also", "still", "on", "for", "with",
)

// Opener reports whether word (as written) is a common sentence opener.
func Opener(word string) bool {
	if word == "" {
		return false
	}
	c := word[0]
	if c < 'A' || c > 'Z' || len(word) > 12 {
		return false
	}
	var buf [12]byte
	lw, _ := lowerASCII(buf[:0], word)
	return openers[string(lw)]
}
