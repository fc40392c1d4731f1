package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/fold"
)

// Matching works on words: a token, or each piece of a hyphenated token
// ("Turkey-backed" gives "turkey" and "backed"), keyed by a normal form
// that ignores case, diacritics, full stops of abbreviations ("U.N." is
// "un") and apostrophes inside words ("Jama'at" is "jamaat"). Dictionary
// names are split the same way, so "al-Qaeda", "al Qaeda" and "Al-Qaeda"
// are one pattern.

// Capitalisation requirements of a pattern word.
const (
	capFree  = 0 // any case ("mercenaries")
	capUpper = 1 // starts with a capital ("Turkey", not "turkey")
	capAll   = 2 // all capitals, an acronym ("UN", "U.N.", not "un")
)

// word is a matching unit of a document.
type word struct {
	key  string
	span sitrep.Span
	tok  int  // index into doc.Tokens
	cap  byte // capUpper if it starts with a capital, capAll if all capitals
	// piece is set for a piece of a hyphenated token: 1 first, 2 middle, 3 last.
	piece byte
}

// normKey returns the matching key of one word (no spaces, no hyphens).
func normKey(s string) string {
	plain, upper := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == '.' || c == '\'' || c == '`' {
			plain = false
			break
		}
		upper = upper || c >= 'A' && c <= 'Z'
	}
	if plain {
		if !upper {
			return s
		}
		b := make([]byte, len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		return string(b)
	}
	k := fold.Key(s)
	if !strings.ContainsAny(k, ".'") {
		return k
	}
	hasLetter := false
	for _, r := range k {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			hasLetter = true
			break
		}
	}
	if !hasLetter {
		return k
	}
	var b strings.Builder
	b.Grow(len(k))
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c == '.':
			continue
		case c == '\'' && i > 0 && i+1 < len(k) && isWordByte(k[i-1]) && isWordByte(k[i+1]):
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf
}

// capOf classifies the capitalisation of a raw word.
func capOf(s string) byte {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		// ASCII fast path
		letters, upper, ascii := 0, 0, true
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if c >= 'A' && c <= 'Z' {
				letters++
				upper++
			} else if c >= 'a' && c <= 'z' {
				letters++
			}
		}
		if ascii {
			first := s[0] >= 'A' && s[0] <= 'Z'
			switch {
			case letters >= 2 && upper == letters:
				return capAll
			case first && letters == 1 && s[len(s)-1] == '.':
				return capAll
			case first:
				return capUpper
			}
			if s[0] >= 'a' && s[0] <= 'z' || letters == 0 {
				return capFree
			}
		}
	}
	letters, upper := 0, 0
	first := true
	var firstUpper bool
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		if first {
			firstUpper = unicode.IsUpper(r)
			first = false
		}
		letters++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	switch {
	case letters >= 2 && upper == letters:
		return capAll
	case firstUpper && letters == 1 && strings.HasSuffix(s, "."):
		return capAll // an initial or a dotted abbreviation piece
	case firstUpper:
		return capUpper
	}
	return capFree
}

// aliasWord is a word of a dictionary name with its case requirement.
type aliasWord struct {
	key string
	cap byte
}

// splitAlias splits a dictionary name into words: on white space, on
// hyphens, and around punctuation other than full stops and apostrophes.
func splitAlias(s string) []aliasWord {
	s = fold.String(s)
	var out []aliasWord
	add := func(w string) {
		if w == "" {
			return
		}
		// "Russia's" is two words, as the tokenizer splits it
		if base, ok := strings.CutSuffix(w, "'s"); ok && base != "" {
			k := normKey(base)
			c := capOf(base)
			if c == capAll && letterCount(base) < 2 {
				c = capUpper
			}
			out = append(out, aliasWord{key: k, cap: c}, aliasWord{key: "'s"})
			return
		}
		k := normKey(w)
		if k == "" {
			return
		}
		c := capOf(w)
		if c == capAll && letterCount(w) < 2 {
			c = capUpper
		}
		out = append(out, aliasWord{key: k, cap: c})
	}
	start := -1
	for i, r := range s {
		sep := unicode.IsSpace(r) || r == '-'
		punct := !sep && !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '\'' && r != '&'
		if sep || punct {
			if start >= 0 {
				add(s[start:i])
				start = -1
			}
			if punct {
				add(string(r))
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		add(s[start:])
	}
	return out
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// aliasWords returns only the keys of a name's words.
func aliasWords(s string) []string {
	ws := splitAlias(s)
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.key
	}
	return out
}

// docWords appends the words of tokens[first:last] to dst and their
// vocabulary ids to ids. Keys of words in the vocabulary are the
// vocabulary's own strings, so capitalised words cost no allocation.
func docWords(dst []word, ids []int32, m *matcher, doc *sitrep.Document, first, last int) ([]word, []int32) {
	text := doc.Article.Text
	for i := first; i < last; i++ {
		t := &doc.Tokens[i]
		if len(t.Text) > 2 && strings.IndexByte(t.Text, '-') > 0 {
			if parts := t.Parts(text); len(parts) > 1 {
				for j, p := range parts {
					raw := text[p.Start:p.End]
					pc := byte(2)
					switch j {
					case 0:
						pc = 1
					case len(parts) - 1:
						pc = 3
					}
					k := normKey(fold.String(raw))
					dst = append(dst, word{key: k, span: p, tok: i, cap: capOf(raw), piece: pc})
					ids = append(ids, m.id(k))
				}
				continue
			}
		}
		k, id := m.key(t.Text)
		dst = append(dst, word{key: k, span: t.Span, tok: i, cap: capOf(t.Text)})
		ids = append(ids, id)
	}
	return dst, ids
}

// key returns the matching key of a token's text and its vocabulary id
// (-1 outside the vocabulary). ASCII words with capitals are lower-cased
// on the stack and, when the vocabulary knows them, get its string.
func (m *matcher) key(s string) (string, int32) {
	if len(s) <= 64 {
		var buf [64]byte
		ascii := true
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c >= utf8.RuneSelf || c == '.' || c == '\'' || c == '`' {
				ascii = false
				break
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		if ascii {
			if id, ok := m.vocab[string(buf[:len(s)])]; ok {
				return m.words[id], id
			}
			if string(buf[:len(s)]) == s {
				return s, -1
			}
			return string(buf[:len(s)]), -1
		}
	}
	k := normKey(s)
	return k, m.id(k)
}
