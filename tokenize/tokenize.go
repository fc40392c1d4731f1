// Package tokenize splits sentences into tokens with byte offsets.
//
// Tokens follow Penn Treebank habits where news text needs them: punctuation
// and quotes stand alone; clitics split off ("Tripoli’s" → "Tripoli" "’s",
// "didn't" → "did" "n't"); abbreviations and initials keep their full stop
// ("U.N.", "Gen.", "F."); numbers keep their commas and decimal points
// ("1,000", "3.5"); URLs and e-mail addresses stay whole. A hyphenated unit
// ("al-Watiya", "U.N.-backed", "Turkish-backed") is one token; its
// Token.Parts locate its pieces, so matchers can see it both whole and in
// parts. En and em dashes separate words rather than join them.
//
// Token.Text holds the folded form (see package fold); the span always
// slices the raw input.
package tokenize

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/abbrev"
	"github.com/sitrep/sitrep/fold"
)

// Tokenizer is the tokenizing stage. It has no settings.
type Tokenizer struct{}

var _ sitrep.Stage = Tokenizer{}

// Name implements sitrep.Namer.
func (Tokenizer) Name() string { return "tokenize" }

// Annotate fills doc.Tokens from doc.Sentences and records each sentence's
// token range. A document without sentences gets no tokens.
func (Tokenizer) Annotate(_ context.Context, doc *sitrep.Document) error {
	text := doc.Article.Text
	doc.Tokens = doc.Tokens[:0]
	if n := len(doc.Sentences); n > 0 && cap(doc.Tokens) == 0 {
		doc.Tokens = make([]sitrep.Token, 0, (doc.Sentences[n-1].End-doc.Sentences[0].Start)/4+8)
	}
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		s.First = len(doc.Tokens)
		doc.Tokens = Append(doc.Tokens, text, s.Span)
		s.Last = len(doc.Tokens)
	}
	return nil
}

// Append tokenizes text[span.Start:span.End] and appends the tokens to dst.
func Append(dst []sitrep.Token, text string, span sitrep.Span) []sitrep.Token {
	t := tokenizer{text: text, out: dst}
	i, end := span.Start, span.End
	for i < end {
		if w := spaceAt(text, i, end); w > 0 {
			i += w
			continue
		}
		// Scan the chunk, noting whether it is plain letters and digits.
		j, plain := i, true
		for j < end {
			c := text[j]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				plain = plain && asciiAlnum[c]
				j++
				continue
			}
			if spaceAt(text, j, end) > 0 {
				break
			}
			_, w := utf8.DecodeRuneInString(text[j:end])
			plain = false
			j += w
		}
		if plain {
			t.out = append(t.out, sitrep.Token{Span: sitrep.Span{Start: i, End: j}, Text: text[i:j], Head: -1})
		} else {
			t.chunk(i, j)
		}
		i = j
	}
	return t.out
}

var asciiSpace, asciiAlnum = func() (sp, an [utf8.RuneSelf]bool) {
	for _, c := range " \t\n\r\v\f" {
		sp[c] = true
	}
	for c := 0; c < utf8.RuneSelf; c++ {
		an[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return
}()

// spaceAt returns the byte width of the white space at text[i], or 0.
func spaceAt(text string, i, end int) int {
	c := text[i]
	if c < utf8.RuneSelf {
		if asciiSpace[c] {
			return 1
		}
		return 0
	}
	r, w := utf8.DecodeRuneInString(text[i:end])
	if fold.IsSpace(r) {
		return w
	}
	return 0
}

type tokenizer struct {
	text string
	out  []sitrep.Token
}

func (t *tokenizer) emit(start, end int) {
	if start >= end {
		return
	}
	t.out = append(t.out, sitrep.Token{Span: sitrep.Span{Start: start, End: end}, Text: fold.String(t.text[start:end]), Head: -1})
}

// chunk tokenizes one white-space delimited chunk text[a:b].
func (t *tokenizer) chunk(a, b int) {
	s := t.text
	// Opening punctuation.
	for a < b {
		r, w := utf8.DecodeRuneInString(s[a:b])
		r = fold.Win1252(r)
		if isOpener(r) && !(r == '\'' && a+w < b && isDigit(s[a+w])) {
			t.emit(a, a+w)
			a += w
			continue
		}
		if fold.IsDash(r) && a+w < b {
			// A leading dash: "-Fierce", "—and"; a run of dashes is one token.
			e := a + w
			for e < b {
				r2, w2 := utf8.DecodeRuneInString(s[e:b])
				if !fold.IsDash(r2) {
					break
				}
				e += w2
			}
			if e < b {
				t.emit(a, e)
				a = e
				continue
			}
		}
		break
	}
	if a >= b {
		return
	}
	if isURL(s[a:b]) {
		e := b
		for e > a {
			r, w := utf8.DecodeLastRuneInString(s[a:e])
			if !strings.ContainsRune(`.,;:!?)]}"'”’»`, fold.Win1252(r)) {
				break
			}
			e -= w
		}
		t.emit(a, e)
		t.trailing(e, b)
		return
	}
	// Closing punctuation, peeled from the end.
	e := b
peel:
	for e > a {
		r, w := utf8.DecodeLastRuneInString(s[a:e])
		r = fold.Win1252(r)
		switch {
		case r == '.':
			if e-w > a && s[e-w-1] == '.' { // "..." — an ellipsis, peel it whole
				f := e - w
				for f > a && s[f-1] == '.' {
					f--
				}
				e = f
				continue
			}
			core := s[a : e-w]
			if abbrev.Classify(core) != abbrev.None {
				break peel
			}
			e -= w
			continue
		case r == ',' || r == ';' || r == ':' || r == '!' || r == '?' || r == '…' || r == ')' || r == ']' || r == '}' || r == '»' || r == '"' || r == '”' || r == '“':
			e -= w
			continue
		case r == '\'' || r == '’':
			// A trailing apostrophe after s is a plural possessive
			// ("mercenaries’"); the core keeps it to split it as a clitic.
			if e-w > a && (s[e-w-1] == 's' || s[e-w-1] == 'S') && e-w-a > 1 {
				break peel
			}
			e -= w
			continue
		}
		break
	}
	t.core(a, e)
	t.trailing(e, b)
}

// trailing emits the punctuation peeled off the end of a chunk, grouping
// runs of full stops into one ellipsis token.
func (t *tokenizer) trailing(e, b int) {
	s := t.text
	for e < b {
		r, w := utf8.DecodeRuneInString(s[e:b])
		if r == '.' {
			f := e + 1
			for f < b && s[f] == '.' {
				f++
			}
			t.emit(e, f)
			e = f
			continue
		}
		if r == '?' || r == '!' {
			f := e + w
			for f < b && (s[f] == '?' || s[f] == '!') {
				f++
			}
			t.emit(e, f)
			e = f
			continue
		}
		t.emit(e, e+w)
		e += w
	}
}

// core tokenizes a chunk without its outer punctuation: clitics, dashes
// between words, and hyphenated units.
func (t *tokenizer) core(a, b int) {
	if a >= b {
		return
	}
	s := t.text
	// Split at dashes that separate (en/em dashes, double hyphens) and at
	// commas or slashes that do not sit between digits.
	for i := a; i < b; {
		r, w := utf8.DecodeRuneInString(s[i:b])
		r = fold.Win1252(r)
		sep := 0
		switch {
		case r == '\u2013' || r == '\u2014' || r == '\u2015':
			sep = w
			for i+sep < b {
				r2, w2 := utf8.DecodeRuneInString(s[i+sep : b])
				if !fold.IsDash(r2) {
					break
				}
				sep += w2
			}
		case r == '-' && i+1 < b && s[i+1] == '-':
			sep = 2
			for i+sep < b && s[i+sep] == '-' {
				sep++
			}
		case r == ',' && !(i > a && isDigit(s[i-1]) && i+1 < b && isDigit(s[i+1])):
			sep = 1
		case r == '(' || r == ')' || r == '[' || r == ']' || r == '"' || r == '“' || r == '”':
			sep = w
		}
		if sep > 0 && i > a {
			t.word(a, i)
			t.emit(i, i+sep)
			t.core(i+sep, b)
			return
		}
		if sep > 0 { // a separator at the very start
			t.emit(i, i+sep)
			a = i + sep
			i = a
			continue
		}
		i += w
	}
	t.word(a, b)
}

// clitic is a suffix split off a word, in its straight and curly spellings
// and with the curly apostrophe as Windows-1252 read as Latin-1 leaves it
// (U+0092; see fold.Win1252).
type clitic struct {
	straight, curly, c1 string
}

// clitics split off the end of a word, longest first.
var clitics = func() []clitic {
	var out []clitic
	for _, c := range []string{"n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "'"} {
		out = append(out, clitic{c, strings.Replace(c, "'", "’", 1), strings.Replace(c, "'", "\u0092", 1)})
	}
	return out
}()

// word emits one word, splitting a clitic off its end and recording the
// parts of a hyphenated unit.
func (t *tokenizer) word(a, b int) {
	if a >= b {
		return
	}
	if c := cliticLen(t.text[a:b]); c > 0 && c < b-a {
		t.word(a, b-c)
		t.emit(b-c, b)
		return
	}
	t.emit(a, b)
}

// cliticLen returns the byte length of a clitic ending w, or 0.
func cliticLen(w string) int {
	// Every clitic has an apostrophe within its last four bytes (five for
	// the curly one).
	tail := w[max(0, len(w)-6):]
	if strings.IndexByte(tail, '\'') < 0 && !strings.Contains(tail, "’") && !strings.Contains(tail, "\u0092") {
		return 0
	}
	for _, c := range clitics {
		for _, form := range [3]string{c.straight, c.curly, c.c1} {
			if len(w) <= len(form) || !hasSuffixFold(w, form) {
				continue
			}
			stem := w[:len(w)-len(form)]
			switch c.straight {
			case "n't":
				if !isLetter(stem) {
					continue
				}
			case "'":
				if !strings.HasSuffix(stem, "s") && !strings.HasSuffix(stem, "S") {
					continue
				}
			default:
				if !isLetter(stem) && !isDigits(stem) {
					continue
				}
			}
			return len(form)
		}
	}
	return 0
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// isOpener reports whether r opens a chunk as punctuation of its own; the
// caller has read a C1 control as its Windows-1252 character.
func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '"', '\'', '“', '‘', '«', '‹', '¿', '¡', '„', '‚', '*', '#':
		return true
	}
	return false
}

func isURL(w string) bool {
	if hasPrefixFold(w, "http://") || hasPrefixFold(w, "https://") || hasPrefixFold(w, "www.") {
		return true
	}
	at := strings.IndexByte(w, '@')
	return at > 0 && strings.IndexByte(w[at:], '.') > 1
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func isLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
