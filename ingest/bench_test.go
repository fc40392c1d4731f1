package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
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
// stored in a fresh SQLite file, ingest.DefaultBatch articles per
// transaction (SITREP_BENCH_BATCH=1: one each). Articles are distinct
// synthetic reports of about 1.5 KB, published over a year, as a feed's
// are. Run with -cpu 1 for the per-core figure.
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
	batch := benchBatch(b)
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
		st, err := ingest.Run(context.Background(), ingest.Config{Store: store, Pipeline: p, Dedup: dedup.DefaultConfig(), Batch: batch},
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
	b.ReportMetric(float64(batch), "articles/tx")
}

// BenchmarkStore measures the store's part of ingest alone: the same
// 1,000 synthetic reports, published over a year, coded by the full
// default pipeline once outside the timer, then fingerprinted and put
// into a fresh SQLite file in groups of ingest.DefaultBatch articles per
// transaction, as ingest writes them (SITREP_BENCH_BATCH=1 for one
// transaction per article). The pipeline's share is BenchmarkIngestJSONL's
// time less this one.
func BenchmarkStore(b *testing.B) { benchStore(b, 366) }

// BenchmarkStoreOneDay is BenchmarkStore with every report published on
// one day: few events of many reports each, corroboration's worst case.
func BenchmarkStoreOneDay(b *testing.B) { benchStore(b, 1) }

// codedDocs holds the coded synthetic reports per publication spread, so
// that the store benchmarks code them once per process.
var codedDocs = map[int][]sitrep.Coded{}

func coded(b *testing.B, days int) []sitrep.Coded {
	if c, ok := codedDocs[days]; ok {
		return c
	}
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	dd := dedup.DefaultConfig()
	var out []sitrep.Coded
	for i := range 1000 {
		a := sitrep.Article{ID: fmt.Sprint("b", i), Outlet: fmt.Sprint("Outlet ", i%7), URL: fmt.Sprintf("https://news.test/%d", i),
			Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%days), Text: fixture.Synthetic(i, 12)}
		doc := sitrep.NewDocument(a)
		if err := p.Run(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
		out = append(out, sitrep.Coded{Doc: doc, Fingerprint: dd.Of(&a), Origin: "bench.jsonl"})
	}
	codedDocs[days] = out
	return out
}

// benchBatch is the articles per transaction the benchmarks write:
// SITREP_BENCH_BATCH, or ingest.DefaultBatch.
func benchBatch(b *testing.B) int {
	v := os.Getenv("SITREP_BENCH_BATCH")
	if v == "" {
		return ingest.DefaultBatch
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		b.Fatalf("SITREP_BENCH_BATCH=%q: want a positive number of articles per transaction", v)
	}
	return n
}

func benchStore(b *testing.B, days int) {
	docs := coded(b, days)
	batch := benchBatch(b)
	rule, _ := corroborate.New(corroborate.DefaultConfig())
	var total, cpu time.Duration
	events := 0
	for b.Loop() {
		b.StopTimer()
		store, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), sqlite.Config{Dedup: dedup.DefaultConfig(), Corroborator: rule})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start, cpu0 := time.Now(), benchutil.CPU()
		for i := 0; i < len(docs); i += batch {
			group := docs[i:min(i+batch, len(docs))]
			res, errs, err := store.PutBatch(context.Background(), group)
			if err != nil {
				b.Fatal(err)
			}
			for j, c := range group {
				if errs[j] != nil || res[j].Status != sitrep.PutNew {
					b.Fatalf("put %s: %+v %v", c.Doc.Article.ID, res[j], errs[j])
				}
			}
		}
		total += time.Since(start)
		cpu += benchutil.CPU() - cpu0
		b.StopTimer()
		st, err := store.Stats(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		events = st.Events
		store.Close()
		b.StartTimer()
	}
	n := len(docs)
	b.ReportMetric(float64(n*b.N)/total.Seconds(), "articles/s")
	b.ReportMetric(float64(n*b.N)/cpu.Seconds(), "articles/cpu-s")
	b.ReportMetric(float64(events), "events")
	b.ReportMetric(float64(batch), "articles/tx")
}
