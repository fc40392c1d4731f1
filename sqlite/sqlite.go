// Package sqlite is sitrep's default store: one embedded SQLite file
// (modernc.org/sqlite, pure Go, no cgo), created on first use, with FTS5
// full-text indexes on articles and events and R*Tree indexes on event and
// place coordinates. The logic is shared with package postgres through
// internal/sqlstore; this package holds the driver, the dialect and the
// migrations (migrations/NNNN_name.sql, applied in order and recorded in
// schema_migrations).
//
// The file runs in write-ahead-log mode: readers never block the writer,
// a killed process loses at most the transaction in flight, and the next
// open recovers.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Config holds the store's settings.
type Config = sqlstore.Config

// Store is a sitrep.Store in a SQLite file.
type Store struct {
	*sqlstore.Store
}

var _ sitrep.Store = (*Store)(nil)

// Open opens (creating when missing) the SQLite store at path and brings
// its schema up to date. The directory must exist or be creatable.
func Open(ctx context.Context, path string, cfg Config) (*Store, error) {
	if path == "" {
		return nil, sitrep.Errorf(sitrep.EINVALID, "sqlite: empty database path")
	}
	if path != ":memory:" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("sqlite: create directory for %s: %w", path, err)
		}
	}
	q := url.Values{}
	// temp_store(MEMORY) keeps the sub-journal of each article's savepoint
	// (PutBatch) in memory: on disk, its page writes were a twelfth of the
	// store's time. Temporary sort trees of queries stay in memory too.
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(1)", "cache_size(-32000)", "temp_store(MEMORY)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	// Switching a new file to WAL, and migrating it, can meet another
	// process doing the same; SQLite then answers "busy" without waiting,
	// so opening retries for a while.
	var lastErr error
	for try := 0; try < 100; try++ {
		if try > 0 {
			select {
			case <-ctx.Done():
				return nil, ctx.Err()
			case <-time.After(time.Duration(20+try*5) * time.Millisecond):
			}
		}
		s, err := open(ctx, path, q.Encode(), cfg)
		if err == nil {
			return s, nil
		}
		lastErr = err
		if !strings.Contains(err.Error(), "SQLITE_BUSY") && !strings.Contains(err.Error(), "database is locked") {
			break
		}
	}
	return nil, lastErr
}

func open(ctx context.Context, path, query string, cfg Config) (*Store, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?"+query)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)*2))
	db.SetMaxIdleConns(max(4, runtime.GOMAXPROCS(0)*2))
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s, err := sqlstore.New(ctx, db, dialect{}, cfg)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	return &Store{s}, nil
}

type dialect struct{}

func (dialect) Name() string { return "sqlite" }

// LockWrites needs no statement: transactions begin IMMEDIATE (_txlock),
// which takes SQLite's one write lock.
func (dialect) LockWrites(context.Context, sqlstore.Execer) error { return nil }

func (dialect) Rebind(q string) string { return q }

func (dialect) Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded directory exists at build time
	}
	return sub
}

func (dialect) IndexArticle(ctx context.Context, tx sqlstore.Execer, seq int64, title, text string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`, seq, title, text)
	return err
}

// ftsKey is an event's rowid in events_fts: its date (days since the
// epoch, offset to stay positive) above its seq, so that the text index
// yields matches latest first (TextOrdered).
func ftsKey(date string, seq int64) int64 {
	days := int64(0)
	if t, err := time.Parse(time.DateOnly, date); err == nil {
		days = t.Unix()/86400 + 100_000
	}
	return days<<32 | seq&0xffffffff
}

func (dialect) IndexEventText(ctx context.Context, tx sqlstore.Execer, seq int64, date, body string, fresh bool) error {
	var old int64
	if !fresh {
		if err := tx.QueryRowContext(ctx, `SELECT fts_key FROM events WHERE seq = ?`, seq).Scan(&old); err != nil {
			return err
		}
	}
	if old != 0 {
		if _, err := tx.ExecContext(ctx, `DELETE FROM events_fts WHERE rowid = ?`, old); err != nil {
			return err
		}
	}
	key := ftsKey(date, seq)
	if _, err := tx.ExecContext(ctx, `INSERT INTO events_fts (rowid, body) VALUES (?, ?)`, key, body); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE events SET fts_key = ? WHERE seq = ?`, key, seq)
	return err
}

func (dialect) IndexEventPoint(ctx context.Context, tx sqlstore.Execer, seq int64, lat, lon *float64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM events_rtree WHERE id = ?`, seq); err != nil {
		return err
	}
	if lat == nil || lon == nil {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO events_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)`, seq, *lon, *lon, *lat, *lat)
	return err
}

func (dialect) IndexPlace(ctx context.Context, tx sqlstore.Execer, seq int64, lat, lon float64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO places_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)`, seq, lon, lon, lat, lat)
	return err
}

// ftsQuery turns free text into an FTS5 query of quoted terms, all
// required, so that user input can never be FTS5 syntax.
func ftsQuery(s string) string {
	var terms []string
	for _, f := range strings.Fields(s) {
		f = strings.ReplaceAll(f, `"`, `""`)
		terms = append(terms, `"`+f+`"`)
	}
	return strings.Join(terms, " ")
}

func (dialect) ProbeMembership() bool { return true }

func (dialect) ArticleText(s string) (string, []any) {
	return `a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`, []any{ftsQuery(s)}
}

func (dialect) EventText(s string) (string, []any) {
	return `SELECT rowid & 4294967295 FROM events_fts WHERE events_fts MATCH ?`, []any{ftsQuery(s)}
}

// TextOrdered streams matches from FTS5 in descending rowid order, which
// ftsKey makes the list order.
func (dialect) TextOrdered(s string) (sqlstore.TextScan, bool) {
	return sqlstore.TextScan{
		From:  "FROM events_fts JOIN events e ON e.seq = (events_fts.rowid & 4294967295)",
		Cond:  "events_fts MATCH ?",
		Args:  []any{ftsQuery(s)},
		Order: "events_fts.rowid DESC",
		Cursor: func(date string, seq int64) (string, []any) {
			return "events_fts.rowid < ?", []any{ftsKey(date, seq)}
		},
	}, true
}

func (dialect) EventBBox(b sitrep.BBox) (string, []any) {
	return `SELECT id FROM events_rtree WHERE min_lon >= ? AND max_lon <= ? AND min_lat >= ? AND max_lat <= ?`,
		[]any{b.MinLon, b.MaxLon, b.MinLat, b.MaxLat}
}

func (dialect) Week(col string) string {
	return `date(` + col + `, '-6 days', 'weekday 1')`
}
