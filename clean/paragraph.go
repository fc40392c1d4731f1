package clean

import (
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/fold"
)

// line is one line of text without its line break and surrounding space.
type line struct {
	sitrep.Span
	blank bool
}

// lines splits text at \n, \r\n, \r and U+2028/U+2029, trimming white space
// from each line's span.
func lines(text string) []line {
	var out []line
	start := 0
	for i := 0; i <= len(text); {
		if i == len(text) {
			out = append(out, trimLine(text, start, i))
			break
		}
		c := text[i]
		switch {
		case c == '\n':
			out = append(out, trimLine(text, start, i))
			i++
			start = i
		case c == '\r':
			out = append(out, trimLine(text, start, i))
			i++
			if i < len(text) && text[i] == '\n' {
				i++
			}
			start = i
		case c == 0xe2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xa8 || text[i+2] == 0xa9):
			out = append(out, trimLine(text, start, i))
			i += 3
			start = i
		default:
			i++
		}
	}
	return out
}

func trimLine(text string, start, end int) line {
	for start < end {
		r, w := utf8.DecodeRuneInString(text[start:end])
		if !fold.IsSpace(r) {
			break
		}
		start += w
	}
	for end > start {
		r, w := utf8.DecodeLastRuneInString(text[start:end])
		if !fold.IsSpace(r) {
			break
		}
		end -= w
	}
	return line{Span: sitrep.Span{Start: start, End: end}, blank: start == end}
}

// paragraphs groups lines into paragraphs. A blank line always ends a
// paragraph. A single line break ends one too when the line before it closes
// a sentence or is short and unpunctuated (a heading, a list item); otherwise
// the text is hard-wrapped and the lines belong together.
func paragraphs(text string) []sitrep.Span {
	var out []sitrep.Span
	cur := sitrep.Span{Start: -1}
	var prev line
	for _, l := range lines(text) {
		if l.blank {
			if cur.Start >= 0 {
				out = append(out, cur)
				cur.Start = -1
			}
			continue
		}
		if cur.Start >= 0 && breaksAfter(text[prev.Start:prev.End], text[l.Start:l.End]) {
			out = append(out, cur)
			cur.Start = -1
		}
		if cur.Start < 0 {
			cur = l.Span
		} else {
			cur.End = l.End
		}
		prev = l
	}
	if cur.Start >= 0 {
		out = append(out, cur)
	}
	return out
}

// wrapWidth is the shortest line length at which an unpunctuated line is
// taken as hard-wrapped rather than a heading.
const wrapWidth = 50

func breaksAfter(prev, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	switch {
	case last == '.' || last == '!' || last == '?' || last == '…' || last == ':':
		return true
	case fold.IsQuote(last) || last == ')':
		// A quotation or parenthesis closing a sentence: look at what it closes.
		trimmed := prev[:len(prev)-utf8.RuneLen(last)]
		if l, _ := utf8.DecodeLastRuneInString(trimmed); l == '.' || l == '!' || l == '?' || l == ',' {
			return l != ','
		}
	}
	first, _ := utf8.DecodeRuneInString(next)
	if unicode.IsLower(first) {
		return false
	}
	return len(prev) < wrapWidth
}
