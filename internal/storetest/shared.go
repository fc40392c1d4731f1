package storetest

import (
	"context"
	"sync"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/dedup"
)

// SharedOpener opens two stores on one empty database, as two worker
// processes of a queue would; the suite closes them.
type SharedOpener func(t *testing.T, cfg Config) (sitrep.Store, sitrep.Store)

// RunShared checks that stores sharing a database write as one: reports
// of one happening and syndicated copies of one article, written at the
// same moment through both stores, still give one event and one article.
func RunShared(t *testing.T, open SharedOpener) {
	a, b := open(t, DefaultConfig(t))
	t.Cleanup(func() {
		for _, s := range []sitrep.Store{a, b} {
			if err := s.Close(); err != nil {
				t.Errorf("close: %v", err)
			}
		}
	})
	docs := []Doc{
		{ID: "r1", Outlet: "Outlet A", Published: "2020-05-18T10:00:00Z", Text: "LNA forces shelled Tripoli on Monday, killing five people.", Events: []Ev{shelling(5, "shelled")}},
		{ID: "r2", Outlet: "Outlet B", Published: "2020-05-18T12:00:00Z", Text: "Haftar's army bombarded districts of the capital, leaving six dead.", Events: []Ev{shelling(6, "bombarded")}},
		{ID: "r3", Outlet: "Outlet A", Published: "2020-05-19T08:00:00Z", Text: "The death toll from Monday's shelling of Tripoli rose to six.", Events: []Ev{shelling(6, "death toll")}},
		{ID: "r5", Outlet: "Outlet B", Published: "2020-05-20T07:00:00Z", Text: "Seven people died when LNA forces shelled Tripoli on Monday.", Events: []Ev{shelling(7, "Seven people died")}},
		{ID: "n1", Outlet: "Outlet C", Published: "2020-05-18T16:00:00Z", Text: "Wagner fighters attacked positions near the airport on Monday.",
			Events: []Ev{{Type: sitrep.Assault, Actor1: Wagner, Location: Airport, Date: "2020-05-18", Evidence: "attacked"}}},
	}
	// One long report, and its syndicated copies from other outlets.
	wire := libyaDoc()
	for i, outlet := range []string{"Tripoli Wire", "Outlet D", "Outlet E", "Outlet F"} {
		d := wire
		d.ID, d.Outlet, d.URL = wire.ID+string(rune('a'+i)), outlet, ""
		docs = append(docs, d)
	}
	coded := make([]sitrep.Coded, len(docs))
	for i, d := range docs {
		doc := Build(t, d)
		coded[i] = sitrep.Coded{Doc: doc, Fingerprint: dedup.DefaultConfig().Of(&doc.Article), Origin: d.ID + ".txt"}
	}
	var wg sync.WaitGroup
	errs := make([]error, len(coded))
	start := make(chan struct{})
	for i := range coded {
		s := a
		if i%2 == 1 {
			s = b
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, errs[i] = s.Put(context.Background(), coded[i])
		}()
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("put %s: %v", docs[i].ID, err)
		}
	}
	page, err := a.Events(context.Background(), sitrep.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var reports []int
	for _, e := range page.Events {
		reports = append(reports, e.ReportCount)
	}
	// The shelling (four reports, plus the wire story's event, which is
	// the same shelling), and the attack near the airport.
	if len(page.Events) != 2 {
		t.Fatalf("%d events with %v reports, want 2: writers raced past each other", len(page.Events), reports)
	}
	arts, err := b.Articles(context.Background(), sitrep.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(arts.Articles); n != 6 {
		t.Errorf("%d articles, want 6 (the wire story once, with its copies)", n)
	}
}
