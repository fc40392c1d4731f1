// Package fold normalises text for matching without touching the text that
// offsets point into: callers fold a copy (a token, a phrase) and keep the
// raw bytes and their offsets.
//
// Folding applies Unicode NFC, maps typographic quotes to ASCII quotes, dash
// variants to ASCII hyphens, the ellipsis character to three dots and
// non-breaking and other exotic spaces to a plain space, drops soft hyphens
// and zero-width characters, and replaces invalid UTF-8 with U+FFFD.
//
// C1 control characters (U+0080–U+009F) stand for the Windows-1252
// characters of the same byte: text saved as Windows-1252 and decoded as
// Latin-1 carries its curly quotes and dashes as C1 controls ("Benghazi\u0092s"),
// and nothing else puts them in news text. Folding and the predicates below
// read them as those characters (see Win1252); U+0085 stays a line break.
// Case is kept; use Key for a case-folded matching key.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// String returns s folded. ASCII text without folding work is returned as is,
// without allocating.
func String(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		if r == utf8.RuneError && w == 1 {
			b.WriteRune(utf8.RuneError)
			continue
		}
		if rep, ok := Replacement(r); ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(Win1252(r))
	}
	out := b.String()
	if !isASCII(out) {
		out = norm.NFC.String(out)
	}
	return out
}

// Key returns the folded, lower-cased form of s with letters stripped of
// diacritics ("Hūn" → "hun", "Tripoli’s" → "tripoli's"), for dictionary and
// gazetteer keys.
func Key(s string) string {
	s = String(s)
	if isASCII(s) {
		return strings.ToLower(s)
	}
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if rep, ok := letterFold[r]; ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// letterFold spells letters that have no decomposition in plain Latin.
var letterFold = map[rune]string{
	'ß': "ss", 'ø': "o", 'Ø': "o", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
	'ʿ': "", 'ʾ': "", 'ʻ': "", 'ʼ': "'",
}

// Replacement returns the ASCII spelling of a rune that folding changes
// ("’" → "'", "—" → "--", U+00A0 → " ", U+00AD → ""), and false for a rune
// folding keeps (before NFC).
func Replacement(r rune) (string, bool) {
	r = Win1252(r)
	switch r {
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u0060', '\u00B4':
		return "'", true
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB':
		return `"`, true
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\uFE63', '\uFF0D':
		return "-", true
	case '\u2014', '\u2015':
		return "--", true
	case '\u2026':
		return "...", true
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return "", true
	}
	if IsSpace(r) && r != ' ' {
		return " ", true
	}
	return "", false
}

// IsSpace reports whether r separates words: Unicode white space plus the
// zero-width space and byte-order mark that scrapes leave between words.
func IsSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', '\u0085', '\u00A0', '\u200B', '\u2060', '\uFEFF':
		return true
	}
	return r > 0x7f && unicode.IsSpace(r)
}

// Win1252 returns the Windows-1252 character a C1 control character stands
// for (U+0092 → ’, U+0096 → –, U+0080 → €), and any other rune, U+0085
// among them, as it is.
func Win1252(r rune) rune {
	if r < 0x80 || r > 0x9f || r == 0x85 {
		return r
	}
	if w := win1252[r-0x80]; w != 0 {
		return w
	}
	return r
}

// win1252 spells bytes 0x80–0x9F of Windows-1252; zero marks the five
// bytes it leaves undefined.
var win1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// IsQuote reports whether r is a quotation mark of any style.
func IsQuote(r rune) bool {
	r = Win1252(r)
	switch r {
	case '"', '\'', '`', '\u2018', '\u2019', '\u201A', '\u201B', '\u201C', '\u201D',
		'\u201E', '\u201F', '\u00AB', '\u00BB', '\u2039', '\u203A':
		return true
	}
	return false
}

// IsOpenQuote reports whether r can only open a quotation.
func IsOpenQuote(r rune) bool {
	switch Win1252(r) {
	case '\u2018', '\u201C', '\u201A', '\u201E', '\u00AB', '\u2039':
		return true
	}
	return false
}

// IsDash reports whether r is a hyphen or dash of any style.
func IsDash(r rune) bool {
	switch Win1252(r) {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE63', '\uFF0D':
		return true
	}
	return false
}

// IsHyphen reports whether r joins the parts of a word ("al-Watiya").
// En and em dashes separate rather than join and are not hyphens.
func IsHyphen(r rune) bool {
	return r == '-' || r == '\u2010' || r == '\u2011'
}

// IsIgnorable reports whether r is invisible inside a word (soft hyphen,
// zero-width joiners).
func IsIgnorable(r rune) bool {
	return r == '\u00AD' || r == '\u200C' || r == '\u200D'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isPlain reports whether s is ASCII with no character that folding changes.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == '`' || c < ' ' {
			return false
		}
	}
	return true
}
