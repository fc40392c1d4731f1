package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/sitrep/sitrep/corroborate"
	"github.com/sitrep/sitrep/dedup"
	"github.com/sitrep/sitrep/ingest"
	"github.com/sitrep/sitrep/internal/benchutil"
	"github.com/sitrep/sitrep/internal/fixture"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/source/jsonl"
	"github.com/sitrep/sitrep/sqlite"
)

// BenchmarkIngestJSONL measures ingest end to end: JSON lines read,
// fingerprinted, coded by the full default pipeline, deduplicated and
// stored in a fresh SQLite file, one transaction per article. Articles
// are distinct synthetic reports of about 1.5 KB, published over a year,
// as a feed's are. Run with -cpu 1 for the per-core figure.
func BenchmarkIngestJSONL(b *testing.B) { benchIngest(b, 366) }

// BenchmarkIngestOneDay is the same stream published on one day: the
// synthetic reports' ten villages and seven weekdays then make few
// events of many reports each, the worst case of
// corroboration, whose cost grows with the reports an event already has.
func BenchmarkIngestOneDay(b *testing.B) { benchIngest(b, 1) }

func benchIngest(b *testing.B, days int) {
	const n = 1000
	var in bytes.Buffer
	size := 0
	for i := range n {
		text := fixture.Synthetic(i, 12)
		size += len(text)
		published := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%days).Format("2006-01-02")
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprint("b", i), "outlet": fmt.Sprint("Outlet ", i%7),
			"published": published, "url": fmt.Sprintf("https://news.test/%d", i), "text": text})
		in.Write(line)
		in.WriteByte('\n')
	}
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	rule, _ := corroborate.New(corroborate.DefaultConfig())
	var total, cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		store, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), sqlite.Config{Dedup: dedup.DefaultConfig(), Corroborator: rule})
		if err != nil {
			b.Fatal(err)
		}
		src := jsonl.NewSource("bench.jsonl", bytes.NewReader(in.Bytes()), 0)
		b.StartTimer()
		start, cpu0 := time.Now(), benchutil.CPU()
		st, err := ingest.Run(context.Background(), ingest.Config{Store: store, Pipeline: p, Dedup: dedup.DefaultConfig()},
			[]ingest.Named{{Name: "bench.jsonl", Source: src}})
		total += time.Since(start)
		cpu += benchutil.CPU() - cpu0
		b.StopTimer()
		if err != nil || st.New != n {
			b.Fatalf("%+v %v", st, err)
		}
		store.Close()
		b.StartTimer()
	}
	rate := float64(n*b.N) / total.Seconds()
	b.ReportMetric(rate, "articles/s")
	b.ReportMetric(rate/float64(runtime.GOMAXPROCS(0)), "articles/s/core")
	b.ReportMetric(float64(n*b.N)/cpu.Seconds(), "articles/cpu-s")
	b.ReportMetric(float64(size)/float64(n), "bytes/article")
}
