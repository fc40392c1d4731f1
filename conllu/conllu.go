// Package conllu reads treebanks in the CoNLL-U format of Universal
// Dependencies (https://universaldependencies.org/format.html): one word per
// line with ten tab-separated fields, sentences separated by blank lines,
// comments starting with '#'.
//
// Only syntactic words are returned: multiword-token range lines ("3-4") and
// empty nodes ("5.1") are skipped, since tagging and parsing are evaluated on
// words. Bad input gives an error naming the line; nothing is guessed.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word is one syntactic word of a sentence.
type Word struct {
	Form, Lemma, UPOS, XPOS, Feats string
	// Head is the 1-based index of the head word in the sentence, 0 for the
	// root.
	Head int
	// Rel is the dependency relation to the head, with any subtype
	// ("nmod:poss").
	Rel  string
	Misc string
}

// Sentence is a sentence of words with its comment metadata.
type Sentence struct {
	ID    string // from "# sent_id = ..."
	Text  string // from "# text = ..."
	Words []Word
}

// MaxLine is the longest line Read accepts, in bytes.
const MaxLine = 1 << 20

// Read reads every sentence of a CoNLL-U stream.
func Read(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	err := Scan(r, func(s Sentence) error {
		out = append(out, s)
		return nil
	})
	return out, err
}

// Scan calls fn for each sentence in order, stopping at the first error.
func Scan(r io.Reader, fn func(Sentence) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), MaxLine)
	var cur Sentence
	line := 0
	flush := func() error {
		if len(cur.Words) == 0 {
			cur = Sentence{}
			return nil
		}
		for i, w := range cur.Words {
			if w.Head < 0 || w.Head > len(cur.Words) {
				return fmt.Errorf("conllu: sentence ending at line %d: word %d has head %d outside the sentence", line, i+1, w.Head)
			}
		}
		err := fn(cur)
		cur = Sentence{}
		return err
	}
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		if text[0] == '#' {
			if k, v, ok := strings.Cut(text[1:], "="); ok {
				switch strings.TrimSpace(k) {
				case "sent_id":
					cur.ID = strings.TrimSpace(v)
				case "text":
					cur.Text = strings.TrimSpace(v)
				}
			}
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 10 {
			return fmt.Errorf("conllu: line %d: %d tab-separated fields, want 10", line, len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			continue // multiword token range or empty node
		}
		id, err := strconv.Atoi(f[0])
		if err != nil || id != len(cur.Words)+1 {
			return fmt.Errorf("conllu: line %d: word id %q, want %d", line, f[0], len(cur.Words)+1)
		}
		head := 0
		if f[6] != "_" {
			if head, err = strconv.Atoi(f[6]); err != nil || head < 0 {
				return fmt.Errorf("conllu: line %d: head %q is not a word index", line, f[6])
			}
		}
		cur.Words = append(cur.Words, Word{
			Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5],
			Head: head, Rel: f[7], Misc: f[9],
		})
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("conllu: after line %d: %w", line, err)
	}
	line++
	return flush()
}

// Write writes sentences in CoNLL-U. Fields that are empty are written as
// "_"; DEPS is always "_".
func Write(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	u := func(s string) string {
		if s == "" {
			return "_"
		}
		return s
	}
	for _, s := range sents {
		if s.ID != "" {
			fmt.Fprintf(bw, "# sent_id = %s\n", s.ID)
		}
		if s.Text != "" {
			fmt.Fprintf(bw, "# text = %s\n", s.Text)
		}
		for i, x := range s.Words {
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t_\t%s\n", i+1, u(x.Form), u(x.Lemma), u(x.UPOS), u(x.XPOS), u(x.Feats), x.Head, u(x.Rel), u(x.Misc))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// Projective reports whether the sentence's tree has no crossing arcs.
func (s Sentence) Projective() bool {
	heads := make([]int, len(s.Words))
	for i, w := range s.Words {
		heads[i] = w.Head
	}
	return Projective(heads)
}

// Projective reports whether a tree given by 1-based heads (0 = root) has
// no crossing arcs.
func Projective(heads []int) bool {
	for d, h := range heads {
		d1 := d + 1
		lo, hi := min(d1, h), max(d1, h)
		for d2, h2 := range heads {
			x := d2 + 1
			if x > lo && x < hi && (h2 < lo || h2 > hi) {
				return false
			}
		}
	}
	return true
}
