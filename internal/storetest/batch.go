package storetest

import (
	"context"
	"database/sql"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/dedup"
)

// Batcher is a store that writes several articles in one transaction,
// each in its own savepoint (sqlstore.Store.PutBatch), and shows its
// database.
type Batcher interface {
	sitrep.Store
	PutBatch(ctx context.Context, cs []sitrep.Coded) ([]sitrep.PutResult, []error, error)
	DB() *sql.DB
}

// PoisonID is the article id whose reports the poison trigger of
// RunBatch refuses.
const PoisonID = "poison"

// RunBatch checks group commits: articles written in one transaction
// corroborate with each other as if written one by one; a bad input in
// the group is reported and the rest stored; an article that fails
// midway (after its article row, index entries, actors and first event
// are written) is rolled back alone to its savepoint, the articles
// before it commit, and the batch stops there. poison is the SQL, in
// the store's dialect, of a trigger that fails inserting any report of
// the article PoisonID.
func RunBatch(t *testing.T, open func(t *testing.T, cfg Config) Batcher, poison string) {
	ctx := context.Background()
	coded := func(d Doc) sitrep.Coded {
		doc := Build(t, d)
		return sitrep.Coded{Doc: doc, Fingerprint: dedup.DefaultConfig().Of(&doc.Article), Origin: d.ID + ".txt"}
	}
	t.Run("Corroboration", func(t *testing.T) {
		s := open(t, DefaultConfig(t))
		defer s.Close()
		var cs []sitrep.Coded
		for i, d := range corroborationDocs() {
			if i == 2 {
				// Bad input inside the group: reported, the rest stored.
				cs = append(cs, sitrep.Coded{Doc: sitrep.NewDocument(sitrep.Article{ID: "bad", Text: "x"})})
			}
			cs = append(cs, coded(d))
		}
		res, errs, err := s.PutBatch(ctx, cs)
		if err != nil {
			t.Fatal(err)
		}
		if len(res) != len(cs) || len(errs) != len(cs) {
			t.Fatalf("%d results and %d errors for %d articles", len(res), len(errs), len(cs))
		}
		for i, c := range cs {
			if c.Doc.Article.ID == "bad" {
				if sitrep.ErrorCode(errs[i]) != sitrep.EINVALID {
					t.Errorf("article without fingerprint: %v, want invalid", errs[i])
				}
			} else if errs[i] != nil || res[i].Status != sitrep.PutNew {
				t.Errorf("article %s: %+v, %v", c.Doc.Article.ID, res[i], errs[i])
			}
		}
		checkCorroboration(t, s, res[0].Events[0])
	})
	t.Run("RollbackOne", func(t *testing.T) {
		s := open(t, DefaultConfig(t))
		defer s.Close()
		if _, err := s.DB().ExecContext(ctx, poison); err != nil {
			t.Fatalf("create the poison trigger: %v", err)
		}
		docs := corroborationDocs()
		bad := docs[1]
		bad.ID = PoisonID
		cs := []sitrep.Coded{coded(docs[0]), coded(bad), coded(docs[2])}
		res, errs, err := s.PutBatch(ctx, cs)
		if err != nil {
			t.Fatal(err)
		}
		if len(res) != 2 || errs[0] != nil || errs[1] == nil || sitrep.IsBadInput(errs[1]) {
			t.Fatalf("want the first stored and the poisoned failing as a store error, the batch stopping there; got %+v %v", res, errs)
		}
		if _, err := s.Article(ctx, PoisonID); sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
			t.Errorf("the failed article was kept: %v", err)
		}
		if _, err := s.Article(ctx, docs[2].ID); sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
			t.Errorf("the article after the failure was written: %v", err)
		}
		if _, err := s.Article(ctx, docs[0].ID); err != nil {
			t.Errorf("the article before the failure was not committed: %v", err)
		}
		// Nothing of the failed article survives: no copy, no index
		// entry, no event without a report.
		var copies, orphans int
		if err := s.DB().QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM copies),
			(SELECT COUNT(*) FROM events WHERE seq NOT IN (SELECT event_seq FROM reports))`).Scan(&copies, &orphans); err != nil {
			t.Fatal(err)
		}
		if copies != 1 || orphans != 0 {
			t.Errorf("%d copies (want 1) and %d events without reports (want 0) after the rollback", copies, orphans)
		}
		if page, err := s.Articles(ctx, sitrep.ArticleFilter{Text: "bombarded"}); err != nil || len(page.Articles) != 0 {
			t.Errorf("text search finds the rolled-back article: %d, %v", len(page.Articles), err)
		}
		// The rest goes in again; the store is whole.
		res, errs, err = s.PutBatch(ctx, []sitrep.Coded{coded(docs[2])})
		if err != nil || errs[0] != nil || res[0].Status != sitrep.PutNew {
			t.Fatalf("rewrite after the failure: %+v %v %v", res, errs, err)
		}
		e, err := s.Event(ctx, res[0].Events[0])
		if err != nil {
			t.Fatal(err)
		}
		if e.ReportCount != 2 {
			t.Errorf("the event has %d reports, want r1's and r3's", e.ReportCount)
		}
	})
}
