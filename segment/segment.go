// Package segment splits the analysed regions of a document (headline,
// captions, paragraphs) into sentences.
//
// A sentence ends at a full stop, question or exclamation mark or ellipsis,
// together with any closing quotes and brackets after it, when white space
// and a word that can open a sentence follow. It does not end inside a
// number ("3.5", "1,000"), a hyphenated word ("U.N.-backed"), after a title
// ("Gen.", "Lt. Col.", "Mr."), an initial ("John F. Kennedy"), an abbreviated
// month before a day ("Jan. 5"), or after "U.S." and "Inc." unless a common
// sentence opener follows. Sentences never cross region boundaries, so a
// headline without a full stop is a sentence of its own, and boilerplate is
// never segmented.
//
// Settings: Config.MaxSentenceBytes breaks run-on text (tables, garbage)
// into pieces at white space so that later stages stay linear.
package segment

import (
	"context"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/abbrev"
	"github.com/sitrep/sitrep/fold"
)

// Config holds the segmenter's settings.
type Config struct {
	// MaxSentenceBytes is the longest sentence; longer stretches are cut at
	// the last white space before the limit and a warning is recorded.
	MaxSentenceBytes int
}

// DefaultConfig returns the settings used by sitrep extract.
func DefaultConfig() Config { return Config{MaxSentenceBytes: 3000} }

// Validate reports the first setting that cannot work.
func (c Config) Validate() error {
	if c.MaxSentenceBytes < 64 {
		return sitrep.Errorf(sitrep.EINVALID, "segment: MaxSentenceBytes must be at least 64, got %d", c.MaxSentenceBytes)
	}
	return nil
}

// Segmenter is the sentence-splitting stage.
type Segmenter struct {
	cfg Config
}

var _ sitrep.Stage = (*Segmenter)(nil)

// New returns a segmenter with the given settings.
func New(cfg Config) (*Segmenter, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Segmenter{cfg: cfg}, nil
}

// Name implements sitrep.Namer.
func (*Segmenter) Name() string { return "segment" }

// Annotate fills doc.Sentences from the analysed regions in doc.Regions. A
// document without regions gets no sentences.
func (s *Segmenter) Annotate(_ context.Context, doc *sitrep.Document) error {
	doc.Sentences = doc.Sentences[:0]
	text := doc.Article.Text
	for ri, r := range doc.Regions {
		if !r.Kind.Analysed() {
			continue
		}
		Split(text, r.Span, func(sp sitrep.Span) {
			for sp.Len() > s.cfg.MaxSentenceBytes {
				cut := cutAt(text, sp.Start, sp.Start+s.cfg.MaxSentenceBytes)
				doc.Warn("segment", "sentence longer than the limit was cut at white space", sitrep.Span{Start: sp.Start, End: cut})
				doc.Sentences = append(doc.Sentences, sitrep.Sentence{Span: trim(text, sitrep.Span{Start: sp.Start, End: cut}), Region: ri})
				sp.Start = skipSpace(text, cut, sp.End)
			}
			if sp.Len() > 0 {
				doc.Sentences = append(doc.Sentences, sitrep.Sentence{Span: sp, Region: ri})
			}
		})
	}
	return nil
}

// cutAt returns where to cut text[start:limit]: after its last white space,
// or at limit (backed up to a rune boundary) when it has none.
func cutAt(text string, start, limit int) int {
	for i := limit; i > start+1; {
		r, w := utf8.DecodeLastRuneInString(text[start:i])
		if fold.IsSpace(r) {
			return i - w
		}
		i -= w
	}
	for limit > start+1 && !utf8.RuneStart(text[limit]) {
		limit--
	}
	return limit
}

// Split calls emit with each sentence of text[span.Start:span.End], in
// order, each trimmed of surrounding white space.
func Split(text string, span sitrep.Span, emit func(sitrep.Span)) {
	end := span.End
	start := skipSpace(text, span.Start, end)
	i := start
	for i < end {
		if c := text[i]; c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:end])
		if !isTerminal(r) {
			i += w
			continue
		}
		termStart := i
		j := i + w
		for j < end {
			r2, w2 := utf8.DecodeRuneInString(text[j:end])
			if !isTerminal(r2) {
				break
			}
			j += w2
		}
		k := j
		for k < end {
			r2, w2 := utf8.DecodeRuneInString(text[k:end])
			if !isCloser(r2) {
				break
			}
			k += w2
		}
		if k >= end {
			break
		}
		if r2, _ := utf8.DecodeRuneInString(text[k:end]); !fold.IsSpace(r2) {
			i = j
			continue
		}
		m := skipSpace(text, k, end)
		if m >= end {
			break
		}
		if boundary(text, start, termStart, j, m, end) {
			emit(sitrep.Span{Start: start, End: k})
			start, i = m, m
			continue
		}
		i = j
	}
	if sp := trim(text, sitrep.Span{Start: start, End: end}); sp.Len() > 0 {
		emit(sp)
	}
}

// boundary decides whether the terminator text[term:termEnd] ends the
// sentence that began at start, given that the next word begins at next.
func boundary(text string, start, term, termEnd, next, end int) bool {
	nextWord := word(text, next, end)
	first, _ := utf8.DecodeRuneInString(nextWord)
	if unicode.IsLower(first) {
		return false
	}
	run := text[term:termEnd]
	if run != "." {
		// "?", "!", "?!", an ellipsis: a capitalised word after it starts a
		// new sentence.
		return true
	}
	prev := wordBefore(text, start, term)
	switch abbrev.Classify(prev) {
	case abbrev.Title:
		return false
	case abbrev.Month:
		if unicode.IsDigit(first) {
			return false
		}
		return abbrev.Opener(nextWord)
	case abbrev.Initial, abbrev.Endable:
		return abbrev.Opener(nextWord)
	}
	return true
}

// word returns the word starting at i, without opening quotes or brackets.
func word(text string, i, end int) string {
	for i < end {
		r, w := utf8.DecodeRuneInString(text[i:end])
		if !fold.IsQuote(r) && r != '(' && r != '[' {
			break
		}
		i += w
	}
	j := i
	for j < end {
		r, w := utf8.DecodeRuneInString(text[j:end])
		if fold.IsSpace(r) || r == ',' || r == ';' || r == ':' || r == '.' {
			break
		}
		j += w
	}
	return text[i:j]
}

// wordBefore returns the word that ends at i (exclusive), not reaching back
// past start, without opening quotes or brackets.
func wordBefore(text string, start, i int) string {
	j := i
	for j > start {
		r, w := utf8.DecodeLastRuneInString(text[start:j])
		if fold.IsSpace(r) || fold.IsQuote(r) || r == '(' || r == '[' {
			break
		}
		j -= w
	}
	return text[j:i]
}

func isTerminal(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…' || r == '‼' || r == '⁇'
}

func isCloser(r rune) bool {
	return r == ')' || r == ']' || r == '}' || (fold.IsQuote(r) && !fold.IsOpenQuote(r))
}

func skipSpace(text string, i, end int) int {
	for i < end {
		r, w := utf8.DecodeRuneInString(text[i:end])
		if !fold.IsSpace(r) {
			break
		}
		i += w
	}
	return i
}

func trim(text string, sp sitrep.Span) sitrep.Span {
	sp.Start = skipSpace(text, sp.Start, sp.End)
	for sp.End > sp.Start {
		r, w := utf8.DecodeLastRuneInString(text[sp.Start:sp.End])
		if !fold.IsSpace(r) {
			break
		}
		sp.End -= w
	}
	return sp
}
