package batch_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/batch"
)

func upper(_ context.Context, lineNo int, line []byte, err error) []byte {
	if err != nil {
		return []byte(fmt.Sprintf("error %d: %v", lineNo, err))
	}
	// Later lines finish first, to prove the output is reordered.
	time.Sleep(time.Duration(len(line)%3) * time.Millisecond)
	return bytes.ToUpper(line)
}

func TestRunKeepsOrderAndSkipsBlankLines(t *testing.T) {
	var in strings.Builder
	var want strings.Builder
	for i := range 200 {
		fmt.Fprintf(&in, "line %d %s\n", i, strings.Repeat("x", i%7))
		if i%50 == 0 {
			in.WriteString("\n   \n")
		}
		fmt.Fprintf(&want, "LINE %d %s\n", i, strings.Repeat("X", i%7))
	}
	var out bytes.Buffer
	st, err := batch.Run(context.Background(), strings.NewReader(in.String()), &out, batch.Config{Workers: 4}, upper)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != want.String() {
		t.Errorf("output out of order or wrong:\n%s", out.String()[:200])
	}
	if st.Lines != 200 {
		t.Errorf("Lines = %d, want 200", st.Lines)
	}
}

func TestRunReportsTooLongLinesAndGoesOn(t *testing.T) {
	in := "short\n" + strings.Repeat("y", 100) + "\nlast line without newline"
	var out bytes.Buffer
	_, err := batch.Run(context.Background(), strings.NewReader(in), &out, batch.Config{Workers: 2, MaxLine: 50}, upper)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 || lines[0] != "SHORT" || !strings.HasPrefix(lines[1], "error 2:") || lines[2] != "LAST LINE WITHOUT NEWLINE" {
		t.Errorf("got %q", lines)
	}
}

func TestRunCRLF(t *testing.T) {
	var out bytes.Buffer
	if _, err := batch.Run(context.Background(), strings.NewReader("a\r\nb\r\n"), &out, batch.Config{Workers: 1}, upper); err != nil {
		t.Fatal(err)
	}
	if out.String() != "A\nB\n" {
		t.Errorf("got %q", out.String())
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	w.n++
	return 0, errors.New("disk full")
}

func TestRunStopsOnWriteError(t *testing.T) {
	in := strings.Repeat(strings.Repeat("z", 1000)+"\n", 2000)
	_, err := batch.Run(context.Background(), strings.NewReader(in), &failWriter{}, batch.Config{Workers: 2}, upper)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("err = %v, want the write error", err)
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out bytes.Buffer
	_, err := batch.Run(ctx, strings.NewReader("a\nb\n"), &out, batch.Config{Workers: 1}, upper)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func BenchmarkRun(b *testing.B) {
	in := strings.Repeat(`{"id":"x","text":"some report text here"}`+"\n", 10000)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := batch.Run(context.Background(), strings.NewReader(in), &bytes.Buffer{}, batch.Config{},
			func(_ context.Context, _ int, line []byte, _ error) []byte { return line }); err != nil {
			b.Fatal(err)
		}
	}
}
