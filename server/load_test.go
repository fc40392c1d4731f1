package server_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/storetest"
	"github.com/sitrep/sitrep/server"
	"github.com/sitrep/sitrep/sqlite"
)

// loadQueries are the filtered event lists of the load benchmark, the
// shapes the UI and API clients ask for, over the synthetic events of
// storetest.SeedEvents.
var loadQueries = []struct{ name, query string }{
	{"latest", ""},
	{"type", "type=PROTEST"},
	{"country-since", "country=SDN&since=2024-01-01"},
	{"month", "since=2023-03-01&until=2023-03-31"},
	{"bbox", "bbox=30,13,34,17"},
	{"actor", "actor=UKR-A03"},
	{"min-sources", "min_sources=5"},
	{"text", "q=drone+convoy"},
	{"combined", "country=LBY&type=ASSAULT&happened=true&min_sources=2&since=2023-01-01"},
}

// BenchmarkLoad is the API's load test: a loopback HTTP server over a
// SQLite store of $SITREP_BENCH_EVENTS synthetic events (default 100,000;
// the figure is taken at 1,000,000), and a closed-loop Go load
// generator of $SITREP_BENCH_CLIENTS concurrent keep-alive clients
// (default 8) asking for GET /api/v1/events pages of 100 with the filters
// of loadQueries, each sub-benchmark one filter and "mix" all of them in
// turn. It reports requests per second and the median and 99th-percentile
// latency seen by the clients, which share the machine's cores with the
// server. SITREP_BENCH_GZIP=1 makes the clients ask for gzip, as browsers
// do.
//
// Seeding a million events takes minutes; set SITREP_BENCH_DB=FILE to
// keep the seeded store and reuse it on the next run:
//
//	SITREP_BENCH_EVENTS=1000000 SITREP_BENCH_DB=/tmp/load.db \
//	  go test ./server/ -run '^$' -bench Load -benchtime 4000x
func BenchmarkLoad(b *testing.B) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("SITREP_BENCH_EVENTS")); err == nil && v > 0 {
		n = v
	}
	clients := 8
	if v, err := strconv.Atoi(os.Getenv("SITREP_BENCH_CLIENTS")); err == nil && v > 0 {
		clients = v
	}
	base := loadServer(b, n)
	// Like wrk, the clients do not ask for gzip unless told to: then the
	// server compresses every page and the clients decompress it, on the
	// same two cores.
	gz := os.Getenv("SITREP_BENCH_GZIP") != ""
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients, DisableCompression: !gz}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}

	run := func(b *testing.B, queries []string) {
		var next atomic.Int64
		var mu sync.Mutex
		var lat []time.Duration
		var wg sync.WaitGroup
		var failed atomic.Value
		b.ResetTimer()
		start := time.Now()
		for range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var mine []time.Duration
				buf := new(bytes.Buffer)
				for {
					i := next.Add(1) - 1
					if i >= int64(b.N) {
						break
					}
					u := base + "/api/v1/events?" + queries[int(i)%len(queries)]
					t := time.Now()
					resp, err := client.Get(u)
					if err != nil {
						failed.Store(err.Error())
						return
					}
					buf.Reset()
					_, err = io.Copy(buf, resp.Body)
					resp.Body.Close()
					d := time.Since(t)
					if err != nil || resp.StatusCode != http.StatusOK || !bytes.HasPrefix(buf.Bytes(), []byte(`{"events":[{`)) {
						failed.Store(fmt.Sprintf("GET %s: %d %.200s (%v)", u, resp.StatusCode, buf.String(), err))
						return
					}
					mine = append(mine, d)
				}
				mu.Lock()
				lat = append(lat, mine...)
				mu.Unlock()
			}()
		}
		wg.Wait()
		elapsed := time.Since(start)
		b.StopTimer()
		if f := failed.Load(); f != nil {
			b.Fatal(f)
		}
		slices.Sort(lat)
		pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))]) / 1e6 }
		b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "req/s")
		b.ReportMetric(pct(0.5), "p50-ms")
		b.ReportMetric(pct(0.99), "p99-ms")
		b.ReportMetric(0, "ns/op")
	}
	var mix []string
	for _, q := range loadQueries {
		v, err := url.ParseQuery(q.query)
		if err != nil {
			b.Fatal(err)
		}
		v.Set("limit", "100")
		mix = append(mix, v.Encode())
		b.Run(q.name, func(b *testing.B) { run(b, []string{v.Encode()}) })
	}
	b.Run("mix", func(b *testing.B) { run(b, mix) })
}

// loadServer serves a SQLite store of n synthetic events on loopback and
// returns its base URL; the store is seeded once, or reused from
// $SITREP_BENCH_DB when that file already holds n events.
func loadServer(b *testing.B, n int) string {
	b.Helper()
	path := os.Getenv("SITREP_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "load.db")
	}
	cfg := storetest.DefaultConfig(b)
	store, err := sqlite.Open(context.Background(), path, sqlite.Config{Dedup: cfg.Dedup, Corroborator: cfg.Corroborator})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	var have int
	if err := store.DB().QueryRow(`SELECT COUNT(*) FROM events`).Scan(&have); err != nil {
		b.Fatal(err)
	}
	switch {
	case have == n:
		b.Logf("reusing %d events in %s", n, path)
	case have == 0:
		start := time.Now()
		storetest.SeedEvents(b, store.DB(), true, n)
		b.Logf("seeded %d events into %s in %v", n, path, time.Since(start).Round(time.Millisecond))
	default:
		b.Fatalf("%s holds %d events, not %d: remove it or set SITREP_BENCH_EVENTS=%d", path, have, n, have)
	}
	scfg := server.DefaultConfig()
	scfg.Store = store
	return start(b, scfg)
}
