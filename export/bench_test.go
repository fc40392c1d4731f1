package export_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/export"
	"github.com/sitrep/sitrep/internal/benchutil"
	"github.com/sitrep/sitrep/internal/storetest"
	"github.com/sitrep/sitrep/sqlite"
)

var (
	seedOnce sync.Once
	seeded   *sqlite.Store
	seedN    int
)

func store(b *testing.B) (*sqlite.Store, int) {
	seedOnce.Do(func() {
		seedN = 100_000
		if n, err := strconv.Atoi(os.Getenv("SITREP_BENCH_EVENTS")); err == nil && n > 0 {
			seedN = n
		}
		dir, err := os.MkdirTemp("", "sitrep-export-bench")
		if err != nil {
			b.Fatal(err)
		}
		cfg := storetest.DefaultConfig(b)
		s, err := sqlite.Open(context.Background(), filepath.Join(dir, "bench.db"), sqlite.Config{Dedup: cfg.Dedup, Corroborator: cfg.Corroborator})
		if err != nil {
			b.Fatal(err)
		}
		storetest.SeedEvents(b, s.DB(), true, seedN)
		seeded = s
	})
	return seeded, seedN
}

// BenchmarkExport measures a whole export end to end: every event streamed
// from a SQLite store ($SITREP_BENCH_EVENTS events, default 100,000),
// decoded and written in the format (to a discarding writer).
func BenchmarkExport(b *testing.B) {
	s, n := store(b)
	for _, f := range export.Formats {
		b.Run(string(f), func(b *testing.B) {
			cpu0 := benchutil.CPU()
			for b.Loop() {
				w, err := export.New(f, discard{})
				if err != nil {
					b.Fatal(err)
				}
				count := 0
				if err := s.EachEvent(context.Background(), sitrep.EventFilter{}, func(e *sitrep.EventRecord) error {
					count++
					_, err := w.Write(e)
					return err
				}); err != nil {
					b.Fatal(err)
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
				if count != n {
					b.Fatalf("exported %d of %d", count, n)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "events/s")
			b.ReportMetric(float64(n*b.N)/(benchutil.CPU()-cpu0).Seconds(), "events/cpu-s")
		})
	}
}
