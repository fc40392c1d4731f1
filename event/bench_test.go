package event_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/benchutil"
	"github.com/sitrep/sitrep/pipeline"
)

// report600 builds a report of about 600 words from the fixture reports.
func report600(tb testing.TB) string {
	tb.Helper()
	paths, _ := filepath.Glob("../testdata/reports/*.txt")
	var b strings.Builder
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		b.Write(text)
		b.WriteString("\n\n")
		if len(strings.Fields(b.String())) >= 600 {
			break
		}
	}
	words := strings.Fields(b.String())
	if len(words) < 600 {
		tb.Fatalf("fixtures give only %d words", len(words))
	}
	// cut at the paragraph break nearest 600 words
	text := b.String()
	n, cut := 0, len(text)
	for i := 0; i < len(text); i++ {
		if text[i] == ' ' || text[i] == '\n' {
			n++
		}
		if n >= 600 && i+1 < len(text) && text[i] == '\n' && text[i+1] == '\n' {
			cut = i
			break
		}
	}
	return text[:cut]
}

// BenchmarkExtract runs the whole default pipeline (every stage that has
// landed) on a 600-word report; articles/s per core is 1e9/ns_per_op.
func BenchmarkExtract(b *testing.B) {
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	text := report600(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	doc := sitrep.NewDocument(sitrep.Article{})
	pub := time.Date(2024, 2, 21, 0, 0, 0, 0, time.UTC)
	cpu0 := benchutil.CPU()
	for b.Loop() {
		doc.Reset(sitrep.Article{ID: "bench", Text: text, Published: pub})
		if err := p.Run(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	// Throughput per CPU second, which a busy machine distorts less.
	if cpu := benchutil.CPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "articles/cpu-s")
	}
}

// BenchmarkEventStage times the event coder alone on the same report.
func BenchmarkEventStage(b *testing.B) {
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	coder := p.Stages[len(p.Stages)-1]
	text := report600(b)
	doc := sitrep.NewDocument(sitrep.Article{ID: "bench", Text: text, Published: time.Date(2024, 2, 21, 0, 0, 0, 0, time.UTC)})
	if err := (&sitrep.Pipeline{Stages: p.Stages[:len(p.Stages)-1]}).Run(context.Background(), doc); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu0 := benchutil.CPU()
	for b.Loop() {
		doc.Events = doc.Events[:0]
		if err := coder.Annotate(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := benchutil.CPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "articles/cpu-s")
	}
}
