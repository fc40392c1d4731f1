// Package sqlstore is the sitrep.Store both SQL databases share: one
// implementation of deduplication, corroboration, writes and queries over
// database/sql, parameterised by a Dialect for the few things SQLite and
// PostgreSQL spell differently (placeholders, full-text search, spatial
// indexes, week arithmetic). Packages sqlite and postgres supply the
// dialects, drivers and migrations; internal/storetest checks that both
// behave alike.
//
// The logic lives here once so that the two stores cannot drift: the same
// article deduplicates the same way and the same reports corroborate into
// the same events whichever database holds them.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/dedup"
)

// Dialect is what differs between SQL databases.
type Dialect interface {
	// Name names the database in errors ("sqlite", "postgres").
	Name() string
	// Rebind turns ? placeholders into the database's own.
	Rebind(query string) string
	// Migrations holds NNNN_name.sql files applied in order.
	Migrations() fs.FS
	// IndexArticle makes a new article findable by text search.
	IndexArticle(ctx context.Context, tx Execer, seq int64, title, text string) error
	// IndexEventText (re)indexes an event's search text, filed under its
	// date; fresh says the event has no entry yet (it was created in the
	// batch). A batch writes each event's text once, at its end
	// (PutBatch).
	IndexEventText(ctx context.Context, tx Execer, seq int64, date, body string, fresh bool) error
	// IndexEventPoint (re)indexes an event's point; lat and lon are nil
	// for an event without a place. Corroboration's windows read it, so
	// it is written at once.
	IndexEventPoint(ctx context.Context, tx Execer, seq int64, lat, lon *float64) error
	// IndexPlace indexes a new place's point.
	IndexPlace(ctx context.Context, tx Execer, seq int64, lat, lon float64) error
	// ArticleText returns a condition on articles a matching a full-text
	// query.
	ArticleText(query string) (string, []any)
	// EventText and EventBBox return a query selecting the seq of the
	// events matching a full-text query, or located inside a box.
	EventText(query string) (string, []any)
	EventBBox(b sitrep.BBox) (string, []any)
	// Week returns an expression for the Monday (YYYY-MM-DD) of a date
	// column.
	Week(col string) string
	// ProbeMembership says whether filters of the form "e.seq IN
	// (subquery)" need a cardinality probe: SQLite's planner drives the
	// query from such a subquery whatever its size, and sorting thousands
	// of matches by date is slow; with the probe, a large match set is
	// checked against the date-ordered scan instead (e.seq written +e.seq
	// so that no index on it is used). PostgreSQL's planner weighs this
	// itself.
	ProbeMembership() bool
	// TextOrdered returns, when the database can stream a full-text
	// query's matches in list order (latest event date first), the join
	// that does it and its condition, the ORDER BY, and the cursor
	// condition for a position; ok is false when it cannot.
	TextOrdered(query string) (t TextScan, ok bool)
	// LockWrites serialises writing transactions across processes that
	// share the database (workers of a queue): dedup and corroboration
	// read what earlier articles wrote, so two articles of one happening
	// written at once must not both start an event. It runs first in each
	// writing transaction and holds until it ends. SQLite needs nothing
	// (its transactions begin IMMEDIATE, one writer at a time).
	LockWrites(ctx context.Context, tx Execer) error
}

// TextScan is a full-text query driving an event list (Dialect.TextOrdered).
type TextScan struct {
	From   string // replaces "FROM events e"
	Cond   string
	Args   []any
	Order  string
	Cursor func(date string, seq int64) (string, []any)
}

// Execer runs statements; *sql.Tx and *sql.DB are both.
type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Config holds the store's rules.
type Config struct {
	Dedup        dedup.Config
	Corroborator sitrep.Corroborator
	// Now returns the ingest time; time.Now when nil.
	Now func() time.Time
}

// Store is a sitrep.Store on a SQL database.
type Store struct {
	db    *sql.DB
	d     Dialect
	cfg   Config
	name  string
	stmts *stmtCache
	// maxSpan caches meta.max_span_days as this process last wrote it,
	// so that most writes skip the update.
	maxSpan atomic.Int64
	// writeMu serialises writes within the process; pendingSpan is the span
	// the article in flight wrote (PutBatch keeps the batch's).
	writeMu     sync.Mutex
	pendingSpan int64
	// states holds, during a batch, the merge states of the events its
	// articles joined, as last written: an event several articles of the
	// batch join is decoded once. Each article changes them in place and
	// writes them at its end; one rolled back empties the cache, which
	// then holds nothing its savepoint undid.
	states map[int64]*mergeState
	// pendingText is the full-text entries the article in flight wrote;
	// PutBatch gathers the batch's and writes them at its end.
	pendingText textIndex
}

// textIndex is full-text index entries waiting for the end of a batch:
// FTS5 flushes its pending terms to a new segment at every savepoint, so
// writing them inside each article's savepoint made a segment per
// article (and re-tokenized an event each article of the batch joined).
type textIndex struct {
	articles []articleText
	events   map[int64]eventText
}

type articleText struct {
	seq         int64
	title, text string
}

type eventText struct {
	date, body string
	fresh      bool // created in the batch: no entry to replace
}

func (t *textIndex) reset() {
	t.articles = t.articles[:0]
	clear(t.events)
}

// merge takes in what o holds; o's entries are newer.
func (t *textIndex) merge(o *textIndex) {
	t.articles = append(t.articles, o.articles...)
	if t.events == nil {
		t.events = map[int64]eventText{}
	}
	for seq, e := range o.events {
		e.fresh = e.fresh || t.events[seq].fresh
		t.events[seq] = e
	}
}

var _ sitrep.Store = (*Store)(nil)

// New migrates db to the current schema and returns the store on it. The
// store owns db and closes it.
func New(ctx context.Context, db *sql.DB, d Dialect, cfg Config) (*Store, error) {
	if cfg.Corroborator == nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, "store config: Corroborator is nil; pass corroborate.New(corroborate.DefaultConfig())")
	}
	if err := cfg.Dedup.Validate(); err != nil {
		return nil, err
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Store{db: db, d: d, cfg: cfg, name: d.Name(), stmts: &stmtCache{db: db}}
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// DB returns the underlying database, for tests and tools.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return errors.Join(s.stmts.close(), s.db.Close()) }

// migrate applies the dialect's migrations not yet applied, each in its
// own transaction, recording them in schema_migrations.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("%s: create schema_migrations: %w", s.name, err)
	}
	applied := map[int]bool{}
	latest := 0
	rows, err := s.db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return fmt.Errorf("%s: read schema_migrations: %w", s.name, err)
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return fmt.Errorf("%s: read schema_migrations: %w", s.name, err)
		}
		applied[v] = true
		latest = max(latest, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: read schema_migrations: %w", s.name, err)
	}
	files, err := fs.Glob(s.d.Migrations(), "*.sql")
	if err != nil {
		return err
	}
	slices.Sort(files)
	known := 0
	for _, f := range files {
		v, err := strconv.Atoi(strings.SplitN(path.Base(f), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("%s: migration %s: name must start with a number", s.name, f)
		}
		known = max(known, v)
		if applied[v] {
			continue
		}
		body, err := fs.ReadFile(s.d.Migrations(), f)
		if err != nil {
			return err
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("%s: migration %s: %w", s.name, f, err)
		}
		// Another process may have applied it since we looked: check
		// again inside the (write-locking) transaction.
		var done int
		if err := tx.QueryRowContext(ctx, s.d.Rebind(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`), v).Scan(&done); err != nil {
			return errors.Join(fmt.Errorf("%s: migration %s: %w", s.name, f, err), tx.Rollback())
		}
		if done > 0 {
			if err := tx.Rollback(); err != nil {
				return err
			}
			continue
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			return errors.Join(fmt.Errorf("%s: migration %s: %w", s.name, f, err), tx.Rollback())
		}
		if _, err := tx.ExecContext(ctx, s.d.Rebind(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`),
			v, f, time.Now().UTC().Format(time.RFC3339)); err != nil {
			return errors.Join(fmt.Errorf("%s: record migration %s: %w", s.name, f, err), tx.Rollback())
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("%s: migration %s: %w", s.name, f, err)
		}
	}
	if latest > known {
		return sitrep.Errorf(sitrep.EINVALID, "%s: the database has schema version %d but this sitrep knows only %d; upgrade sitrep", s.name, latest, known)
	}
	return nil
}

// q wraps an Execer so that queries are written once with ? placeholders.
// In a write transaction (stmts set) statements are prepared once per
// connection and reused: the ingest writer runs the same few dozen
// statements for every article, and preparing them was a seventh of its
// time.
type q struct {
	x     Execer
	d     Dialect
	stmts *stmtCache
	// bound holds the statements bound to the transaction x, by query
	// text, when the caller keeps them for its transaction (PutBatch):
	// binding a prepared statement to a transaction for each call was a
	// twentieth of the writer's time.
	bound map[string]*sql.Stmt
	// plainBox makes a box filter plain coordinate bounds, checked on
	// the rows the other filters select (corroboration's windows, whose
	// dates are always a few days: see candidates).
	plainBox bool
}

// onDB returns a q on the database itself, outside any transaction,
// whose statements are not prepared: the reads' (and Seen's).
func (s *Store) onDB() q { return q{x: s.db, d: s.d} }

// stmtCache holds statements prepared on the database, by query text.
type stmtCache struct {
	db *sql.DB
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// maxStmts bounds the cache; queries built from filters beyond it run
// unprepared.
const maxStmts = 256

func (c *stmtCache) get(ctx context.Context, query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.m[query]; ok {
		return st
	}
	if len(c.m) >= maxStmts {
		return nil
	}
	st, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil // the plain call reports the error
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[query] = st
	return st
}

func (c *stmtCache) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for _, st := range c.m {
		errs = append(errs, st.Close())
	}
	c.m = nil
	return errors.Join(errs...)
}

// stmt returns the cached statement for a query inside the transaction,
// or nil.
func (q q) stmt(ctx context.Context, query string) *sql.Stmt {
	tx, ok := q.x.(*sql.Tx)
	if !ok || q.stmts == nil {
		return nil
	}
	if st, ok := q.bound[query]; ok {
		return st
	}
	if st := q.stmts.get(ctx, query); st != nil {
		st = tx.StmtContext(ctx, st)
		if q.bound != nil {
			q.bound[query] = st
		}
		return st
	}
	return nil
}

// ExecContext, QueryContext and QueryRowContext make q an Execer for the
// dialect's own statements, with their placeholders as written.
func (q q) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := q.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return q.x.ExecContext(ctx, query, args...)
}

func (q q) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := q.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return q.x.QueryContext(ctx, query, args...)
}

func (q q) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := q.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return q.x.QueryRowContext(ctx, query, args...)
}

func (q q) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	query = q.d.Rebind(query)
	if st := q.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return q.x.ExecContext(ctx, query, args...)
}

func (q q) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	query = q.d.Rebind(query)
	if st := q.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return q.x.QueryContext(ctx, query, args...)
}

func (q q) row(ctx context.Context, query string, args ...any) *sql.Row {
	query = q.d.Rebind(query)
	if st := q.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return q.x.QueryRowContext(ctx, query, args...)
}

// placeholders returns "?, ?, ?" for n values.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// notFound is the error for a missing row.
func notFound(what, id string) error {
	return sitrep.Errorf(sitrep.ENOTFOUND, "no %s with id %q", what, id)
}
