package geoparse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
)

// word is a token, or a piece of a hyphenated token, as the geoparser sees
// it.
type word struct {
	sitrep.Span
	raw    string // the text as written
	fold   string // gazetteer.Fold of it
	sent   int    // index of the sentence
	cap    bool   // starts with an upper-case letter
	upper  bool   // every letter upper-case, at least two letters
	alpha  bool   // has a letter
	punct  bool   // no letter or digit
	joined bool   // hyphen-joined to the previous word: pieces of one token
	first  bool   // the first word of its sentence (after opening punctuation)
	title  bool   // its sentence is in title case (a headline)
}

// words turns the document's tokens into words, splitting hyphenated
// tokens into their pieces. Without tokens (the tokenizer did not run) it
// splits sentences, or else the whole text, at spaces and punctuation.
func (p *parse) words() {
	doc := p.doc
	text := doc.Article.Text
	if n := len(doc.Tokens) + len(doc.Tokens)/8 + 16; cap(p.ws) < n {
		p.ws = make([]word, 0, n)
	}
	p.ws = p.ws[:0]
	// the lower-case forms of the report's capitalised words, one string
	// for them all rather than one each
	var folds strings.Builder
	add := func(sp sitrep.Span, sent int, joined bool) {
		raw := text[sp.Start:sp.End]
		w := word{Span: sp, raw: raw, sent: sent, joined: joined}
		w.fold = fastFold(raw, &folds)
		r, _ := utf8.DecodeRuneInString(raw)
		w.cap = unicode.IsUpper(r)
		letters, uppers := 0, 0
		digits := false
		for i := 0; i < len(raw); i++ {
			// ASCII without the Unicode tables: most words are
			if c := raw[i]; c < utf8.RuneSelf {
				switch {
				case 'a' <= c && c <= 'z':
					letters++
				case 'A' <= c && c <= 'Z':
					letters++
					uppers++
				case '0' <= c && c <= '9':
					digits = true
				}
				continue
			}
			r, size := utf8.DecodeRuneInString(raw[i:])
			i += size - 1
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					uppers++
				}
			} else if unicode.IsDigit(r) {
				digits = true
			}
		}
		w.alpha = letters > 0
		w.punct = letters == 0 && !digits
		w.upper = letters >= 2 && uppers == letters
		p.ws = append(p.ws, w)
	}
	sentOf := func(i int) int { return i }
	if len(doc.Tokens) > 0 && len(doc.Sentences) > 0 {
		for si, s := range doc.Sentences {
			if s.First < 0 || s.Last > len(doc.Tokens) || s.First > s.Last {
				continue
			}
			if r := regionOf(doc, s); r != nil && !r.Kind.Analysed() {
				continue
			}
			for ti := s.First; ti < s.Last; ti++ {
				t := &doc.Tokens[ti] // in place: a token is too big to copy
				if t.Start < 0 || t.End > len(text) || t.Start >= t.End {
					continue
				}
				parts := t.Parts(text)
				if parts == nil {
					add(t.Span, si, false)
					continue
				}
				for k, ps := range parts {
					add(ps, si, k > 0)
				}
			}
		}
	} else {
		spans := []sitrep.Span{{Start: 0, End: len(text)}}
		if len(doc.Sentences) > 0 {
			spans = spans[:0]
			for _, s := range doc.Sentences {
				spans = append(spans, s.Span)
			}
		} else {
			sentOf = func(int) int { return 0 }
		}
		for si, sp := range spans {
			scan(text, sp, func(a, b int, joined bool) { add(sitrep.Span{Start: a, End: b}, sentOf(si), joined) })
		}
	}
	p.markSentences()
}

func regionOf(doc *sitrep.Document, s sitrep.Sentence) *sitrep.Region {
	if s.Region >= 0 && s.Region < len(doc.Regions) {
		return &doc.Regions[s.Region]
	}
	return nil
}

// markSentences sets first and title on the words.
func (p *parse) markSentences() {
	ws := p.ws
	for i := 0; i < len(ws); {
		j := i
		for j < len(ws) && ws[j].sent == ws[i].sent {
			j++
		}
		// first word: skip opening punctuation and quotes
		for k := i; k < j; k++ {
			if ws[k].alpha || !ws[k].punct {
				ws[k].first = true
				break
			}
		}
		// title case: most longer words capitalised
		long, caps := 0, 0
		for k := i; k < j; k++ {
			if ws[k].alpha && len(ws[k].raw) > 3 {
				long++
				if ws[k].cap {
					caps++
				}
			}
		}
		if long >= 3 && caps*10 >= long*7 {
			for k := i; k < j; k++ {
				ws[k].title = true
			}
		}
		i = j
	}
}

// scan splits text[sp] into words at spaces and punctuation, calling emit
// for each word and each punctuation mark; hyphens inside a word join its
// pieces, and a final "'s" is split off.
func scan(text string, sp sitrep.Span, emit func(a, b int, joined bool)) {
	i := sp.Start
	for i < sp.End {
		r, w := utf8.DecodeRuneInString(text[i:sp.End])
		switch {
		case unicode.IsSpace(r):
			i += w
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			joined := false
			for j < sp.End {
				r2, w2 := utf8.DecodeRuneInString(text[j:sp.End])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || (r2 == '.' && j+w2 < sp.End && isAbbrevDot(text, i, j)) {
					j += w2
					continue
				}
				if (r2 == '\'' || r2 == '’') && j+w2 < sp.End {
					if r3, _ := utf8.DecodeRuneInString(text[j+w2 : sp.End]); unicode.IsLetter(r3) && !(r3 == 's' || r3 == 'S') {
						j += w2
						continue
					}
				}
				if r2 == '-' && j+1 < sp.End {
					if r3, _ := utf8.DecodeRuneInString(text[j+1 : sp.End]); unicode.IsLetter(r3) || unicode.IsDigit(r3) {
						emit(i, j, joined)
						joined = true
						j++
						i = j
						continue
					}
				}
				break
			}
			emit(i, j, joined)
			i = j
		default:
			emit(i, i+w, false)
			i += w
		}
	}
}

// isAbbrevDot reports whether a full stop at j continues an abbreviation
// of single letters ("U.S.", "U.N.").
func isAbbrevDot(text string, start, j int) bool {
	return j-start == 1 || (j >= 2 && text[j-2] == '.')
}

// fastFold is gazetteer.Fold with a fast path for plain ASCII words: a
// capitalised one is lower-cased onto folds, which keeps what it wrote
// (a Builder only appends), and read back from it.
func fastFold(s string, folds *strings.Builder) string {
	plain, lower := true, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			lower = false
		} else if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			plain = false
			break
		}
	}
	if plain {
		if lower {
			return s
		}
		if folds.Cap()-folds.Len() < len(s) {
			folds.Grow(max(len(s), 512))
		}
		start := folds.Len()
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			folds.WriteByte(c)
		}
		return folds.String()[start:]
	}
	return gazetteer.Fold(s)
}
