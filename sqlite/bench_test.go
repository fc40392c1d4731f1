package sqlite_test

import (
	"context"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/storetest"
	"github.com/sitrep/sitrep/sqlite"
)

var (
	benchOnce  sync.Once
	benchStore *sqlite.Store
)

// benchEvents is the number of events the query benchmarks run against:
// $SITREP_BENCH_EVENTS, default 100,000 (the figure is taken at
// 1,000,000; seeding that many takes about a minute).
func benchEvents() int {
	if n, err := strconv.Atoi(os.Getenv("SITREP_BENCH_EVENTS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

func seeded(b *testing.B) *sqlite.Store {
	benchOnce.Do(func() {
		benchStore = MustOpen(b, storetest.DefaultConfig(b))
		start := time.Now()
		storetest.SeedEvents(b, benchStore.DB(), true, benchEvents())
		b.Logf("seeded %d events in %v", benchEvents(), time.Since(start).Round(time.Millisecond))
	})
	return benchStore
}

// BenchmarkEventsQuery measures the filtered, paginated event list the API
// serves (GET /api/v1/events), in parallel, with latency percentiles.
func BenchmarkEventsQuery(b *testing.B) {
	s := seeded(b)
	ctx := context.Background()
	first, err := s.Events(ctx, sitrep.EventFilter{Limit: 100})
	if err != nil {
		b.Fatal(err)
	}
	queries := []struct {
		name string
		f    sitrep.EventFilter
	}{
		{"latest", sitrep.EventFilter{Limit: 100}},
		{"next-page", sitrep.EventFilter{Limit: 100, Cursor: first.Next}},
		{"type", sitrep.EventFilter{Limit: 100, Types: []sitrep.EventType{sitrep.Protest}}},
		{"country-since", sitrep.EventFilter{Limit: 100, Country: "SDN", Since: "2024-01-01"}},
		{"month", sitrep.EventFilter{Limit: 100, Since: "2023-03-01", Until: "2023-03-31"}},
		{"bbox", sitrep.EventFilter{Limit: 100, BBox: &sitrep.BBox{MinLon: 30, MinLat: 13, MaxLon: 34, MaxLat: 17}}},
		{"actor", sitrep.EventFilter{Limit: 100, Actor: "UKR-A03"}},
		{"min-sources", sitrep.EventFilter{Limit: 100, MinSources: 5}},
		{"text", sitrep.EventFilter{Limit: 100, Text: "drone convoy"}},
		{"text-rare", sitrep.EventFilter{Limit: 100, Text: "village5"}},
		{"combined", sitrep.EventFilter{Limit: 100, Country: "LBY", Types: []sitrep.EventType{sitrep.Assault}, HappenedOnly: true, MinSources: 2, Since: "2023-01-01"}},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			var mu sync.Mutex
			var lat []time.Duration
			b.RunParallel(func(pb *testing.PB) {
				var mine []time.Duration
				for pb.Next() {
					t := time.Now()
					page, err := s.Events(ctx, q.f)
					if err != nil {
						b.Error(err)
						return
					}
					if len(page.Events) == 0 {
						b.Error("no events")
						return
					}
					mine = append(mine, time.Since(t))
				}
				mu.Lock()
				lat = append(lat, mine...)
				mu.Unlock()
			})
			report(b, lat)
		})
	}
}

func report(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))]) / 1e6 }
	b.ReportMetric(pct(0.5), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(len(lat))/b.Elapsed().Seconds(), "req/s")
}

// BenchmarkCounts measures the aggregates behind a timeline and a map.
func BenchmarkCounts(b *testing.B) {
	s := seeded(b)
	ctx := context.Background()
	for _, by := range []sitrep.CountBy{sitrep.ByDay, sitrep.ByType, sitrep.ByCountry} {
		b.Run(string(by), func(b *testing.B) {
			f := sitrep.EventFilter{Country: "UKR", Since: "2023-01-01", Until: "2023-12-31"}
			for b.Loop() {
				if _, err := s.Counts(ctx, f, by); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCountsAll counts over the whole store, as the UI's first view
// and /api/v1/stats do.
func BenchmarkCountsAll(b *testing.B) {
	s := seeded(b)
	ctx := context.Background()
	for _, by := range []sitrep.CountBy{sitrep.ByDay, sitrep.ByType, sitrep.ByCountry, sitrep.ByModality} {
		b.Run(string(by), func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Counts(ctx, sitrep.EventFilter{}, by); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEvent measures the event detail read.
func BenchmarkEvent(b *testing.B) {
	s := seeded(b)
	for b.Loop() {
		if _, err := s.Event(context.Background(), "ev-00012345"); err != nil && sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
			b.Fatal(err)
		}
	}
}
