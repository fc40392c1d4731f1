package jsonl

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/sitrep/sitrep"
)

// Source yields one article per non-blank line of a JSON-lines stream. A
// bad line (not JSON, no "text", invalid UTF-8, over MaxLine) is an item
// with its error, named FILE:LINE, and reading goes on with the next line.
type Source struct {
	name    string
	r       io.Reader
	c       io.Closer
	br      *bufio.Reader
	maxLine int
	lineNo  int
	err     error
	done    bool
}

var _ sitrep.Source = (*Source)(nil)

// DefaultMaxLine is the longest line read by default, 64 MiB.
const DefaultMaxLine = 64 << 20

// Open returns a source reading the file at path.
func Open(path string, maxLine int) (*Source, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, "open %s: %v", path, err)
	}
	s := NewSource(path, f, maxLine)
	s.c = f
	return s, nil
}

// NewSource returns a source reading r, naming its items NAME:LINE.
func NewSource(name string, r io.Reader, maxLine int) *Source {
	if maxLine <= 0 {
		maxLine = DefaultMaxLine
	}
	return &Source{name: name, r: r, br: bufio.NewReaderSize(r, 64<<10), maxLine: maxLine}
}

// Next returns the next line's article.
func (s *Source) Next(ctx context.Context) (sitrep.Item, bool) {
	for !s.done && ctx.Err() == nil {
		line, tooLong, err := s.readLine()
		if len(line) > 0 || tooLong || err == nil {
			s.lineNo++
		}
		if err != nil {
			s.done = true
			if err != io.EOF {
				s.err = fmt.Errorf("%s: read line %d: %w", s.name, s.lineNo+1, err)
			}
		}
		origin := s.name + ":" + strconv.Itoa(s.lineNo)
		if tooLong {
			return sitrep.Item{Origin: origin, Err: sitrep.Errorf(sitrep.ETOOLARGE, "line is longer than %d bytes", s.maxLine)}, true
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		id, a, derr := Decode(line)
		if id != "" {
			origin += " (id " + id + ")"
		}
		return sitrep.Item{Origin: origin, Article: a, Err: derr}, true
	}
	return sitrep.Item{}, false
}

// readLine reads one line without its end-of-line bytes; a line over the
// limit is consumed to its end and reported as tooLong.
func (s *Source) readLine() (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := s.br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > s.maxLine+2 {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		buf = bytes.TrimRight(buf, "\r\n")
		if tooLong || len(buf) > s.maxLine {
			return nil, true, err
		}
		return buf, false, err
	}
}

// Err returns the read error that ended the stream early, if any.
func (s *Source) Err() error { return s.err }

// Close closes the file opened by Open.
func (s *Source) Close() error {
	if s.c == nil {
		return nil
	}
	c := s.c
	s.c = nil
	return c.Close()
}
