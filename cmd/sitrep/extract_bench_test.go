package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/benchutil"
)

// reportLines returns the team's reports (testdata/reports and
// samples/reports) as the JSON lines `sitrep extract --jsonl` reads, each
// with its sidecar's metadata.
func reportLines(tb testing.TB) [][]byte {
	tb.Helper()
	var lines [][]byte
	for _, dir := range []string{"../../testdata/reports", "../../samples/reports"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range files {
			text, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			m, err := readMeta(strings.TrimSuffix(f, ".txt") + ".meta.json")
			if err != nil {
				tb.Fatal(err)
			}
			line, err := json.Marshal(map[string]string{
				"id": filepath.Base(f), "text": string(text), "title": m.Title,
				"published": m.Published, "url": m.URL, "outlet": m.Outlet, "language": m.Language,
			})
			if err != nil {
				tb.Fatal(err)
			}
			lines = append(lines, line)
		}
	}
	if len(lines) < 10 {
		tb.Fatalf("found %d reports in testdata/reports and samples/reports; expected the team's fixtures", len(lines))
	}
	return lines
}

// BenchmarkExtractBatch codes the team's reports one JSON line at a time as
// `sitrep extract --jsonl` does (decode, every stage, render), one report per
// iteration, on the reports' own lengths (about 160 words). Its CPU profile is
// the one the profile-guided build was measured with (docs/performance.md,
// "Profile-guided optimisation").
func BenchmarkExtractBatch(b *testing.B) {
	var c extractCmd
	p, err := c.pipeline()
	if err != nil {
		b.Fatal(err)
	}
	lines := reportLines(b)
	ctx := context.Background()
	b.ReportAllocs()
	cpu0 := benchutil.CPU()
	i := 0
	for b.Loop() {
		if _, id, err := c.codeLine(ctx, p, lines[i%len(lines)], nil); err != nil {
			b.Fatalf("%s: %v", id, err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	if cpu := benchutil.CPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "articles/cpu-s")
	}
}
