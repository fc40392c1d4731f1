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
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

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

// ftsKey is an event's key in event_texts: its date (days since the
// epoch, offset to stay positive) above its seq, so that the text index
// yields matches latest first (TextOrdered). A row's rowid is the key
// above the row's chunk (chunkBits).
func ftsKey(date string, seq int64) int64 {
	days := int64(0)
	if t, err := time.Parse(time.DateOnly, date); err == nil {
		days = t.Unix()/86400 + 100_000
	}
	return days<<32 | seq&0xffffffff
}

// chunkBits is the width of the chunk number in an event_texts rowid.
const chunkBits = 12

const chunkMask = 1<<chunkBits - 1

var _ = [1]int{}[sqlstore.MaxTextChunk-chunkMask] // the chunks fit

// IndexEventText writes the event's header row and its new or changed
// text rows. When the event's date moved, its key does, and every row
// is written again under the new one.
func (dialect) IndexEventText(ctx context.Context, tx sqlstore.Execer, seq int64, t *sqlstore.EventText) error {
	var old int64
	var had int
	if err := tx.QueryRowContext(ctx, `SELECT fts_key, fts_chunks FROM events WHERE seq = ?`, seq).Scan(&old, &had); err != nil {
		return err
	}
	key := ftsKey(t.Date, seq)
	chunks := t.Chunks
	if old != 0 {
		// The header is rewritten, and the last chunk when it grew.
		if _, err := tx.ExecContext(ctx, `DELETE FROM event_texts WHERE rowid = ?`, old<<chunkBits); err != nil {
			return err
		}
		if old != key {
			for c := 1; c <= had; c++ {
				if _, err := tx.ExecContext(ctx, `DELETE FROM event_texts WHERE rowid = ?`, old<<chunkBits|int64(c)); err != nil {
					return err
				}
			}
			had = 0
			if t.Total > len(chunks) {
				var err error
				if chunks, err = t.All(ctx); err != nil {
					return fmt.Errorf("read texts of event %d: %w", seq, err)
				}
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO event_texts (rowid, body) VALUES (?, ?)`, key<<chunkBits, t.Header); err != nil {
		return err
	}
	for _, c := range slices.Sorted(maps.Keys(chunks)) {
		body := chunks[c]
		if c <= had {
			if _, err := tx.ExecContext(ctx, `DELETE FROM event_texts WHERE rowid = ?`, key<<chunkBits|int64(c)); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO event_texts (rowid, body) VALUES (?, ?)`, key<<chunkBits|int64(c), body); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `UPDATE events SET fts_key = ?, fts_chunks = ? WHERE seq = ?`, key, t.Total, seq)
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

// ftsTerms turns free text into FTS5 queries of one quoted term each,
// so that user input can never be FTS5 syntax. A word without a letter
// or digit, which the tokenizer makes nothing of, is left out.
func ftsTerms(s string) []string {
	var terms []string
	for _, f := range strings.Fields(s) {
		if !strings.ContainsFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		terms = append(terms, `"`+strings.ReplaceAll(f, `"`, `""`)+`"`)
	}
	return terms
}

// ftsQuery is the text query of articles: every term required.
func ftsQuery(s string) string { return strings.Join(ftsTerms(s), " ") }

func (dialect) ProbeMembership() bool { return true }

func (dialect) ArticleText(s string) (string, []any) {
	return `a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`, []any{ftsQuery(s)}
}

// EventText selects the events that have each term in one of their
// rows: the intersection of each term's events.
func (dialect) EventText(s string) (string, []any) {
	terms := ftsTerms(s)
	if len(terms) == 0 {
		return `SELECT 0 WHERE 0`, nil
	}
	parts := make([]string, len(terms))
	args := make([]any, len(terms))
	for i, t := range terms {
		parts[i] = `SELECT (rowid >> ` + strconv.Itoa(chunkBits) + `) & 4294967295 FROM event_texts WHERE event_texts MATCH ?`
		args[i] = t
	}
	return strings.Join(parts, " INTERSECT "), args
}

// TextOrdered streams the first term's rows from FTS5 in descending
// rowid order, which ftsKey makes the list order, taking each event at
// its first such row (the event's rows are adjacent) and only when each
// other term is in one of its rows.
func (dialect) TextOrdered(s string) (sqlstore.TextScan, bool) {
	terms := ftsTerms(s)
	if len(terms) == 0 {
		return sqlstore.TextScan{}, false
	}
	mask := strconv.Itoa(chunkMask)
	cond := `t.event_texts MATCH ? AND NOT EXISTS (SELECT 1 FROM event_texts d WHERE d.event_texts MATCH ? AND d.rowid > t.rowid AND d.rowid <= (t.rowid | ` + mask + `))`
	args := []any{terms[0], terms[0]}
	for _, term := range terms[1:] {
		cond += ` AND EXISTS (SELECT 1 FROM event_texts o WHERE o.event_texts MATCH ? AND o.rowid >= (t.rowid & ~` + mask + `) AND o.rowid <= (t.rowid | ` + mask + `))`
		args = append(args, term)
	}
	return sqlstore.TextScan{
		From:  "FROM event_texts t JOIN events e ON e.seq = ((t.rowid >> " + strconv.Itoa(chunkBits) + ") & 4294967295)",
		Cond:  cond,
		Args:  args,
		Order: "t.rowid DESC",
		Cursor: func(date string, seq int64) (string, []any) {
			return "t.rowid < ?", []any{ftsKey(date, seq) << chunkBits}
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
