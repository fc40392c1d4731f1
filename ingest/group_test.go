package ingest_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/ingest"
	"github.com/sitrep/sitrep/internal/storetest"
	"github.com/sitrep/sitrep/sqlite"
)

// countingStore counts the transactions a Group asks of its store.
type countingStore struct {
	*sqlite.Store
	mu     sync.Mutex
	groups []int
}

func (s *countingStore) PutBatch(ctx context.Context, cs []sitrep.Coded) ([]sitrep.PutResult, []error, error) {
	s.mu.Lock()
	s.groups = append(s.groups, len(cs))
	s.mu.Unlock()
	return s.Store.PutBatch(ctx, cs)
}

// TestGroup: articles Put from many goroutines at once are written in a
// few shared transactions, each caller told its own article's outcome
// (a bad one fails alone), and nothing is lost or doubled.
func TestGroup(t *testing.T) {
	cfg := storetest.DefaultConfig(t)
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "g.db"), sqlite.Config{Dedup: cfg.Dedup, Corroborator: cfg.Corroborator})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	store := &countingStore{Store: st}
	g := ingest.NewGroup(store, 16, time.Minute) // groups fill before the wait
	const n = 47                                 // and one bad: three full groups
	results := make([]sitrep.PutResult, n+1)
	errs := make([]error, n+1)
	var wg sync.WaitGroup
	for i := range n + 1 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := storetest.Doc{ID: fmt.Sprint("g", i), Outlet: "Outlet", Text: fmt.Sprintf("Report number %d of the day: the town council met.", i)}
			c := sitrep.Coded{Doc: storetest.Build(t, d), Origin: d.ID}
			if i < n {
				c.Fingerprint = cfg.Dedup.Of(&c.Doc.Article)
			} // the last has no fingerprint: bad input
			results[i], errs[i] = g.Put(context.Background(), c)
		}()
	}
	wg.Wait()
	g.Close()
	for i := range n {
		if errs[i] != nil || results[i].Status != sitrep.PutNew {
			t.Errorf("article %d: %+v, %v", i, results[i], errs[i])
		}
	}
	if !sitrep.IsBadInput(errs[n]) {
		t.Errorf("the article without a fingerprint: %v, want bad input", errs[n])
	}
	total := 0
	for _, k := range store.groups {
		total += k
	}
	if total != n+1 || len(store.groups) != 3 {
		t.Errorf("transactions of %v articles, want 3 of 16", store.groups)
	}
	stats, err := st.Stats(context.Background())
	if err != nil || stats.Articles != n {
		t.Errorf("%d articles stored (%v), want %d", stats.Articles, err, n)
	}
	if _, err := g.Put(context.Background(), sitrep.Coded{Doc: storetest.Build(t, storetest.Doc{ID: "late", Text: "Late."})}); err == nil {
		t.Error("Put after Close succeeded")
	}
}

// TestGroupWait: a group that does not fill is written after the wait.
func TestGroupWait(t *testing.T) {
	cfg := storetest.DefaultConfig(t)
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "g.db"), sqlite.Config{Dedup: cfg.Dedup, Corroborator: cfg.Corroborator})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	g := ingest.NewGroup(st, 64, 20*time.Millisecond)
	defer g.Close()
	d := storetest.Doc{ID: "w1", Outlet: "Outlet", Text: "A lone report of a quiet day."}
	c := sitrep.Coded{Doc: storetest.Build(t, d), Origin: d.ID}
	c.Fingerprint = cfg.Dedup.Of(&c.Doc.Article)
	done := make(chan error, 1)
	go func() {
		_, err := g.Put(context.Background(), c)
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a lone article was not written within 5 s with a 20 ms wait")
	}
}
