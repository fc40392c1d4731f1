// Package postgres is sitrep's store at scale: the same schema and the same
// behaviour as package sqlite, on PostgreSQL through
// github.com/jackc/pgx/v5. Full-text search uses generated tsvector columns
// with GIN indexes; coordinates use GiST point indexes. The logic is shared
// with package sqlite through internal/sqlstore; this package holds the
// driver, the dialect and the migrations (migrations/NNNN_name.sql, applied
// in order and recorded in schema_migrations).
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/stdlib"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Config holds the store's settings.
type Config = sqlstore.Config

// Store is a sitrep.Store in a PostgreSQL database.
type Store struct {
	*sqlstore.Store
}

var _ sitrep.Store = (*Store)(nil)

// Open connects to the database named by dsn (postgres://user:pass@host/db
// or a key=value string) and brings its schema up to date.
func Open(ctx context.Context, dsn string, cfg Config) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	db.SetMaxOpenConns(16)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, sitrep.Errorf(sitrep.EINVALID, "postgres: cannot reach the server: %v; check the DSN and that the server runs", err)
	}
	// Serialise migrations of concurrent first opens. The session lock
	// lives on one connection, held until the migrations are done.
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(7310420)`); err != nil {
		conn.Close()
		db.Close()
		return nil, fmt.Errorf("postgres: lock for migrations: %w", err)
	}
	s, err := sqlstore.New(ctx, db, dialect{}, cfg)
	_, uerr := conn.ExecContext(ctx, `SELECT pg_advisory_unlock(7310420)`)
	conn.Close()
	if err == nil && uerr != nil {
		err = fmt.Errorf("unlock after migrations: %w", uerr)
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return &Store{s}, nil
}

var _ = stdlib.GetDefaultDriver // the import registers the "pgx" driver

type dialect struct{}

func (dialect) Name() string { return "postgres" }

// writeLock is the key of the transaction-level advisory lock every
// writing transaction takes (7310420 guards migrations).
const writeLock = 7310421

func (dialect) LockWrites(ctx context.Context, tx sqlstore.Execer) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, writeLock)
	return err
}

// Rebind numbers ? placeholders as $1, $2, ... Queries here never hold a
// literal question mark.
func (dialect) Rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

func (dialect) Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded directory exists at build time
	}
	return sub
}

// IndexArticle does nothing: the search column is generated.
func (dialect) IndexArticle(context.Context, sqlstore.Execer, int64, string, string) error {
	return nil
}

func (dialect) IndexEventText(ctx context.Context, tx sqlstore.Execer, seq int64, _, body string, _ bool) error {
	_, err := tx.ExecContext(ctx, `UPDATE events SET body = $1 WHERE seq = $2`, body, seq)
	return err
}

// IndexEventPoint does nothing: the point index is on the table's columns.
func (dialect) IndexEventPoint(context.Context, sqlstore.Execer, int64, *float64, *float64) error {
	return nil
}

// IndexPlace does nothing: the point index is on the table's columns.
func (dialect) IndexPlace(context.Context, sqlstore.Execer, int64, float64, float64) error {
	return nil
}

func (dialect) ArticleText(s string) (string, []any) {
	return `a.search @@ plainto_tsquery('english', ?)`, []any{s}
}

func (dialect) ProbeMembership() bool { return false }

// TextOrdered is not offered: a GIN index yields matches unordered, and
// the planner weighs it against the date index itself.
func (dialect) TextOrdered(string) (sqlstore.TextScan, bool) { return sqlstore.TextScan{}, false }

func (dialect) EventText(s string) (string, []any) {
	return `SELECT seq FROM events WHERE search @@ plainto_tsquery('english', ?)`, []any{s}
}

func (dialect) EventBBox(b sitrep.BBox) (string, []any) {
	return `SELECT seq FROM events WHERE point(lon, lat) <@ box(point(?, ?), point(?, ?))`, []any{b.MinLon, b.MinLat, b.MaxLon, b.MaxLat}
}

func (dialect) Week(col string) string {
	return `to_char(date_trunc('week', NULLIF(` + col + `, '')::date), 'YYYY-MM-DD')`
}
