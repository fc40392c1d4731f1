package event_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/benchutil"
	"github.com/sitrep/sitrep/pipeline"
)

// report600 reads the benchmark's report: about 600 words that stop 13 cut
// from the fixture reports (testdata/reports, the first files in name
// order, up to the paragraph break nearest 600 words) and froze into a file
// of its own, so that adding a fixture report no longer changes what the
// benchmark measures and figures stay comparable from one stop to the next.
func report600(tb testing.TB) string {
	tb.Helper()
	text, err := os.ReadFile("testdata/extract-600.txt")
	if err != nil {
		tb.Fatalf("reading the benchmark report: %v", err)
	}
	if n := len(strings.Fields(string(text))); n < 550 {
		tb.Fatalf("testdata/extract-600.txt holds %d words; the benchmark wants about 600", n)
	}
	return string(text)
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
