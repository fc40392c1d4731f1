package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/storetest"
	"github.com/sitrep/sitrep/postgres"
)

// The tests run against the server named by SITREP_TEST_POSTGRES (a
// postgres:// DSN; .ci/postgres.sh starts one and prints it). Without it,
// or when the server cannot be reached, they skip — unless
// SITREP_REQUIRE_POSTGRES=1, as in CI, where they fail instead.
func dsn(tb testing.TB) string {
	tb.Helper()
	d := os.Getenv("SITREP_TEST_POSTGRES")
	required := os.Getenv("SITREP_REQUIRE_POSTGRES") == "1"
	fail := tb.Skipf
	if required {
		fail = tb.Fatalf
	}
	if d == "" {
		fail("SITREP_TEST_POSTGRES is not set: start a server with `bash .ci/postgres.sh` and export the DSN it prints to run the PostgreSQL store tests")
		return ""
	}
	db, err := sql.Open("pgx", d)
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = db.PingContext(ctx)
		cancel()
		db.Close()
	}
	if err != nil {
		fail("PostgreSQL at SITREP_TEST_POSTGRES is not reachable (%v): start it with `bash .ci/postgres.sh`", err)
	}
	return d
}

var schemas atomic.Int64

// MustOpen opens a store in a fresh schema of the test database, dropped
// when the test ends.
func MustOpen(tb testing.TB, cfg storetest.Config) *postgres.Store {
	tb.Helper()
	return openSchema(tb, cfg, freshSchema(tb))
}

// freshSchema creates a schema in the test database, dropped when the test
// ends, and returns a DSN that uses it.
func freshSchema(tb testing.TB) string {
	tb.Helper()
	base := dsn(tb)
	schema := fmt.Sprintf("t%d_%d", os.Getpid(), schemas.Add(1))
	admin, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if _, err := admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
		}
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func openSchema(tb testing.TB, cfg storetest.Config, dsn string) *postgres.Store {
	tb.Helper()
	s, err := postgres.Open(context.Background(), dsn, postgres.Config{Dedup: cfg.Dedup, Corroborator: cfg.Corroborator})
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// TestSharedDatabase runs two stores on one database at once, as worker
// processes of a queue do.
func TestSharedDatabase(t *testing.T) {
	storetest.RunShared(t, func(t *testing.T, cfg storetest.Config) (sitrep.Store, sitrep.Store) {
		dsn := freshSchema(t)
		a := openSchema(t, cfg, dsn)
		return a, openSchema(t, cfg, dsn)
	})
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T, cfg storetest.Config) sitrep.Store { return MustOpen(t, cfg) })
}

func TestPutBatch(t *testing.T) {
	storetest.RunBatch(t, func(t *testing.T, cfg storetest.Config) storetest.Batcher { return MustOpen(t, cfg) },
		`CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF (SELECT id FROM articles WHERE seq = NEW.article_seq) = '`+storetest.PoisonID+`' THEN
				RAISE EXCEPTION 'poisoned report';
			END IF;
			RETURN NEW;
		END $$;
		CREATE TRIGGER poison BEFORE INSERT ON reports FOR EACH ROW EXECUTE FUNCTION poison();`)
}

func TestUnreachableServer(t *testing.T) {
	cfg := storetest.DefaultConfig(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := postgres.Open(ctx, "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2", postgres.Config{Dedup: cfg.Dedup, Corroborator: cfg.Corroborator})
	if err == nil || !strings.Contains(err.Error(), "cannot reach") {
		t.Errorf("open of an unreachable server: %v", err)
	}
}

func TestSeededFilters(t *testing.T) {
	s := MustOpen(t, storetest.DefaultConfig(t))
	defer s.Close()
	storetest.SeedEvents(t, s.DB(), false, 6000)
	storetest.CheckSeededFilters(t, s)
}
