package ingest_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/dedup"
	"github.com/sitrep/sitrep/ingest"
	"github.com/sitrep/sitrep/internal/fixture"
	"github.com/sitrep/sitrep/pipeline"
)

// listSource yields its items in order; before the item at index gate
// (when gate > 0) it calls wait, as a followed feed pauses between polls.
type listSource struct {
	items []sitrep.Item
	i     int
	gate  int
	wait  func()
}

func (s *listSource) Next(context.Context) (sitrep.Item, bool) {
	if s.i == s.gate && s.wait != nil {
		s.wait()
		s.wait = nil
	}
	if s.i >= len(s.items) {
		return sitrep.Item{}, false
	}
	s.i++
	return s.items[s.i-1], true
}
func (s *listSource) Err() error   { return nil }
func (s *listSource) Close() error { return nil }

// batchItems are the fixture reports, a syndicated copy of the first
// (same text, another outlet) and the first again under its own URL,
// the copies right after their original so that they fall in its group.
func batchItems() []sitrep.Item {
	var items []sitrep.Item
	for i, r := range fixture.Reports[:5] {
		published, _ := sitrep.ParsePublished(r.Published)
		a := sitrep.Article{ID: r.Slug, Title: r.Title, Outlet: r.Outlet, Published: published,
			URL: fmt.Sprintf("https://news.test/%d", i), Text: r.Text()}
		items = append(items, sitrep.Item{Origin: r.Slug, Article: a})
		if i == 0 {
			cp := a
			cp.ID, cp.Outlet, cp.URL = r.Slug+"-copy", "Coastal Daily", "https://coastal.test/0"
			items = append(items, sitrep.Item{Origin: "copy", Article: cp}, sitrep.Item{Origin: "again", Article: a})
		}
	}
	return items
}

// TestBatchSizes ingests the same items one article per transaction and
// in groups: the same articles, copies, duplicates and events, also when
// a copy and a duplicate share their original's uncommitted group.
func TestBatchSizes(t *testing.T) {
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var want *ingest.Stats
	for _, batch := range []int{1, 2, 64} {
		t.Run(fmt.Sprint("batch ", batch), func(t *testing.T) {
			store := openStore(t)
			st, err := ingest.Run(context.Background(), ingest.Config{Store: store, Pipeline: p, Dedup: dedup.DefaultConfig(), Workers: 1, Batch: batch},
				[]ingest.Named{{Name: "list", Source: &listSource{items: batchItems()}}})
			if err != nil {
				t.Fatal(err)
			}
			if st.New != 5 || st.Copies != 1 || st.Duplicates != 1 || st.Bad != 0 {
				t.Errorf("%+v; want 5 new, 1 copy, 1 duplicate", st)
			}
			stored, err := store.Stats(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if stored.Articles != 5 {
				t.Errorf("%d articles stored, want 5", stored.Articles)
			}
			st.Elapsed = 0
			if want == nil {
				want = &st
			} else if st != *want {
				t.Errorf("batch %d: %+v; one per transaction: %+v", batch, st, *want)
			}
		})
	}
}

// TestBatchWaitCommits holds the source back after three articles, as a
// followed feed waits for its next poll, and checks that the three are
// committed within BatchWait although their group is not full.
func TestBatchWaitCommits(t *testing.T) {
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	store := openStore(t)
	committed := false
	src := &listSource{items: batchItems()[:5], gate: 3, wait: func() {
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			if s, err := store.Stats(context.Background()); err == nil && s.Articles == 1 { // the first, its copy and itself again
				committed = true
				return
			}
		}
	}}
	st, err := ingest.Run(context.Background(), ingest.Config{Store: store, Pipeline: p, Dedup: dedup.DefaultConfig(), Workers: 1,
		Batch: 64, BatchWait: 20 * time.Millisecond}, []ingest.Named{{Name: "list", Source: src}})
	if err != nil {
		t.Fatal(err)
	}
	if !committed {
		t.Error("the articles read before the source paused were not committed while it waited")
	}
	if st.New != 3 || st.Copies != 1 || st.Duplicates != 1 {
		t.Errorf("%+v; want 3 new, 1 copy, 1 duplicate", st)
	}
}

func TestBatchConfig(t *testing.T) {
	for _, cfg := range []ingest.Config{{Batch: -1}, {BatchWait: -time.Second}} {
		cfg.Store, cfg.Pipeline = openStore(t), &sitrep.Pipeline{}
		if err := cfg.Validate(); sitrep.ErrorCode(err) != sitrep.EINVALID {
			t.Errorf("%+v: %v, want invalid", cfg, err)
		}
	}
}
