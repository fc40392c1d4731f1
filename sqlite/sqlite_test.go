package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/storetest"
	"github.com/sitrep/sitrep/sqlite"
)

// MustOpen opens a store in a fresh temporary file.
func MustOpen(tb testing.TB, cfg storetest.Config) *sqlite.Store {
	tb.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "sitrep.db"),
		sqlite.Config{Dedup: cfg.Dedup, Corroborator: cfg.Corroborator})
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T, cfg storetest.Config) sitrep.Store { return MustOpen(t, cfg) })
}

func TestPutBatch(t *testing.T) {
	storetest.RunBatch(t, func(t *testing.T, cfg storetest.Config) storetest.Batcher { return MustOpen(t, cfg) },
		`CREATE TRIGGER poison BEFORE INSERT ON reports
		WHEN (SELECT id FROM articles WHERE seq = NEW.article_seq) = '`+storetest.PoisonID+`'
		BEGIN SELECT RAISE(ABORT, 'poisoned report'); END`)
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nested", "dir", "sitrep.db")
	cfg := storetest.DefaultConfig(t)
	s, err := sqlite.Open(ctx, path, sqlite.Config{Dedup: cfg.Dedup, Corroborator: cfg.Corroborator})
	if err != nil {
		t.Fatal(err)
	}
	storetest.Put(t, s, storetest.Doc{ID: "x1", Outlet: "O", Text: "Rebels seized the town of Kidal on Monday."})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = sqlite.Open(ctx, path, sqlite.Config{Dedup: cfg.Dedup, Corroborator: cfg.Corroborator})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Article(ctx, "x1"); err != nil {
		t.Errorf("article lost on reopen: %v", err)
	}
	files, _ := filepath.Glob("migrations/*.sql")
	var n int
	if err := s.DB().QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil || n != len(files) || n == 0 {
		t.Errorf("schema_migrations: %d rows, %v; want one per migration file (%d), each applied once", n, err, len(files))
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sitrep.db")
	cfg := storetest.DefaultConfig(t)
	s, err := sqlite.Open(ctx, path, sqlite.Config{Dedup: cfg.Dedup, Corroborator: cfg.Corroborator})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`INSERT INTO schema_migrations VALUES (999, '0999_future.sql', '')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := sqlite.Open(ctx, path, sqlite.Config{Dedup: cfg.Dedup, Corroborator: cfg.Corroborator}); err == nil {
		t.Error("opened a database with a newer schema")
	}
}

func TestSeededFilters(t *testing.T) {
	s := MustOpen(t, storetest.DefaultConfig(t))
	defer s.Close()
	storetest.SeedEvents(t, s.DB(), true, 6000)
	storetest.CheckSeededFilters(t, s)
}

func TestConcurrentFirstOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "race.db")
	cfg := storetest.DefaultConfig(t)
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			s, err := sqlite.Open(context.Background(), path, sqlite.Config{Dedup: cfg.Dedup, Corroborator: cfg.Corroborator})
			if err == nil {
				err = s.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestSharedFile runs two stores on one file at once, as two processes of
// a queue's workers do.
func TestSharedFile(t *testing.T) {
	storetest.RunShared(t, func(t *testing.T, cfg storetest.Config) (sitrep.Store, sitrep.Store) {
		path := filepath.Join(t.TempDir(), "shared.db")
		open := func() sitrep.Store {
			s, err := sqlite.Open(context.Background(), path, sqlite.Config{Dedup: cfg.Dedup, Corroborator: cfg.Corroborator})
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		a := open()
		return a, open()
	})
}
