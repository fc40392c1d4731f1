// Package batch runs a function over the lines of a stream on several
// workers and writes the results in input order, in constant memory: at most
// Window lines are read ahead of the last line written.
package batch

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/sitrep/sitrep"
)

// Config holds the settings of a run.
type Config struct {
	// Workers is the number of lines processed at once; 0 means one per
	// CPU.
	Workers int
	// MaxLine is the longest line accepted, in bytes. A longer line is
	// skipped and reported to the function as an error.
	MaxLine int
	// Window bounds the lines in flight; 0 means four per worker.
	Window int
}

// DefaultConfig returns one worker per CPU and a 64 MiB line limit.
func DefaultConfig() Config {
	return Config{MaxLine: 64 << 20}
}

// Func turns one input line into one output line (without its newline).
// lineNo counts from 1 and includes blank lines. readErr is set, and line is
// nil, when the line could not be read whole (it was over the limit); the
// function should then return an error record.
type Func func(ctx context.Context, lineNo int, line []byte, readErr error) []byte

// Stats counts what a run did.
type Stats struct {
	Lines int // non-blank lines processed
}

type job struct {
	seq    int // position among non-blank lines, for ordering
	lineNo int
	line   []byte
	err    error
}

type result struct {
	seq int
	out []byte
}

// Run reads lines from r, calls fn on each non-blank one using cfg.Workers
// goroutines, and writes each result followed by a newline to w in input
// order. It stops early when ctx is cancelled or w fails.
func Run(ctx context.Context, r io.Reader, w io.Writer, cfg Config, fn Func) (Stats, error) {
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	window := cfg.Window
	if window <= 0 {
		window = 4 * workers
	}
	maxLine := cfg.MaxLine
	if maxLine <= 0 {
		maxLine = DefaultConfig().MaxLine
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	slots := make(chan struct{}, window)
	jobs := make(chan job, workers)
	results := make(chan result, window)
	var readErr error

	go func() {
		defer close(jobs)
		readErr = readLines(ctx, r, maxLine, slots, jobs)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				out := fn(ctx, j.lineNo, j.line, j.err)
				select {
				case results <- result{j.seq, out}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	var st Stats
	bw := bufio.NewWriterSize(w, 256<<10)
	pending := make(map[int][]byte, window)
	next := 0
	var werr error
	for res := range results {
		pending[res.seq] = res.out
		for {
			out, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			st.Lines++
			if werr == nil {
				if _, err := bw.Write(out); err != nil {
					werr = err
				} else if err := bw.WriteByte('\n'); err != nil {
					werr = err
				}
				if werr != nil {
					cancel()
				}
			}
			<-slots
		}
	}
	if err := bw.Flush(); err != nil && werr == nil {
		werr = err
	}
	if werr != nil {
		return st, fmt.Errorf("write results: %w", werr)
	}
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return st, fmt.Errorf("read input: %w", readErr)
	}
	return st, ctx.Err()
}

// readLines sends each non-blank line as a job, taking a slot first so that
// no more than the window is ever in flight.
func readLines(ctx context.Context, r io.Reader, maxLine int, slots chan struct{}, jobs chan<- job) error {
	br := bufio.NewReaderSize(r, 64<<10)
	seq, lineNo := 0, 0
	for {
		line, tooLong, err := readLine(br, maxLine)
		if len(line) > 0 || tooLong || err == nil {
			lineNo++
		}
		if tooLong || len(bytes.TrimSpace(line)) > 0 {
			j := job{seq: seq, lineNo: lineNo, line: line}
			if tooLong {
				j.line = nil
				j.err = sitrep.Errorf(sitrep.ETOOLARGE, "line %d is longer than %d bytes", lineNo, maxLine)
			}
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			seq++
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// readLine reads one line without its end-of-line bytes. A line longer
// than maxLine is consumed up to its newline and reported as tooLong.
func readLine(br *bufio.Reader, maxLine int) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > maxLine+2 {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		buf = bytes.TrimRight(buf, "\r\n")
		if tooLong {
			return nil, true, err
		}
		if len(buf) > maxLine {
			return nil, true, err
		}
		return buf, false, err
	}
}
