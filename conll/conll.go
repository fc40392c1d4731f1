// Package conll reads named-entity corpora in the CoNLL-2003 column format:
// one token per line, the token first and its entity tag last (columns
// separated by spaces or tabs), sentences separated by blank lines, and
// "-DOCSTART-" lines between documents. Both IOB1 (CoNLL-2003 as released,
// WikiGold) and IOB2 (B- on every entity start) tags are understood; Spans
// turns either into entity spans.
package conll

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one sentence: its tokens and their tags, parallel slices.
type Sentence struct {
	Words []string
	Tags  []string
	// POS holds the second column (a Penn Treebank tag in CoNLL-2000 and
	// CoNLL-2003) when lines have at least three columns; nil otherwise.
	POS []string
	// DocStart is true for the first sentence after a -DOCSTART- line.
	DocStart bool
}

// MaxLine is the longest line Read accepts, in bytes.
const MaxLine = 1 << 20

// Read reads every sentence of a CoNLL stream.
func Read(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), MaxLine)
	var out []Sentence
	var cur Sentence
	doc := false
	flush := func() {
		if len(cur.Words) > 0 {
			cur.DocStart = doc
			doc = false
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			flush()
			continue
		}
		if f[0] == "-DOCSTART-" {
			flush()
			doc = true
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("conll: line %d: want a token and a tag, got %q", line, sc.Text())
		}
		tag := f[len(f)-1]
		if tag != "O" && (len(tag) < 3 || tag[1] != '-' || !strings.ContainsRune("BIES", rune(tag[0]))) {
			return nil, fmt.Errorf("conll: line %d: tag %q is not O, B-X, I-X, E-X or S-X", line, tag)
		}
		if len(cur.Words) > 0 && (len(f) >= 3) != (cur.POS != nil) {
			return nil, fmt.Errorf("conll: line %d: %d columns, unlike the lines before it in the sentence", line, len(f))
		}
		cur.Words = append(cur.Words, f[0])
		cur.Tags = append(cur.Tags, tag)
		if len(f) >= 3 {
			cur.POS = append(cur.POS, f[1])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conll: after line %d: %w", line, err)
	}
	flush()
	return out, nil
}

// Span is an entity: tokens [Start, End) of a sentence and its type.
type Span struct {
	Start, End int
	Type       string
}

// Spans returns the entities of a tag sequence in IOB1, IOB2 or IOBES: an
// entity starts at B-, S-, or an I-/E- that does not continue an entity of
// the same type, and ends before O, B-, S-, or a tag of another type.
func Spans(tags []string) []Span {
	var out []Span
	open := -1
	typ := ""
	closeAt := func(i int) {
		if open >= 0 {
			out = append(out, Span{Start: open, End: i, Type: typ})
		}
		open, typ = -1, ""
	}
	for i, t := range tags {
		if t == "O" || len(t) < 3 {
			closeAt(i)
			continue
		}
		p, ty := t[0], t[2:]
		switch {
		case p == 'B' || p == 'S' || ty != typ || open < 0:
			closeAt(i)
			open, typ = i, ty
		}
		if p == 'S' || p == 'E' {
			closeAt(i + 1)
		}
	}
	closeAt(len(tags))
	return out
}
