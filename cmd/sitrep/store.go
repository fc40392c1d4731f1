package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/corroborate"
	"github.com/sitrep/sitrep/dedup"
	"github.com/sitrep/sitrep/postgres"
	"github.com/sitrep/sitrep/sqlite"
)

// dataDir returns the directory sitrep keeps its default store in:
// $SITREP_DATA, else $XDG_DATA_HOME/sitrep, else the platform's user data
// directory.
func dataDir() (string, error) {
	if d := os.Getenv("SITREP_DATA"); d != "" {
		return d, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "sitrep"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find the data directory: %w; pass --db", err)
	}
	switch runtime.GOOS {
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "sitrep"), nil
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "sitrep"), nil
		}
	}
	return filepath.Join(home, ".local", "share", "sitrep"), nil
}

// storeFlags are the flags every store command takes.
type storeFlags struct {
	DB string `name:"db" help:"Store: a SQLite file, or a postgres:// URL. Default: sitrep.db in the user's data directory." env:"SITREP_DB"`
}

// isPostgres reports whether a --db value names a PostgreSQL database.
func isPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// open opens the store named by --db, creating the default SQLite file on
// first use and saying where it is.
func (f storeFlags) open(ctx context.Context, log *slog.Logger, create bool) (sitrep.Store, dedup.Config, error) {
	dd := dedup.DefaultConfig()
	rule, err := corroborate.New(corroborate.DefaultConfig())
	if err != nil {
		return nil, dd, err
	}
	if isPostgres(f.DB) {
		s, err := postgres.Open(ctx, f.DB, postgres.Config{Dedup: dd, Corroborator: rule})
		return s, dd, err
	}
	path := f.DB
	if path == "" {
		dir, err := dataDir()
		if err != nil {
			return nil, dd, err
		}
		path = filepath.Join(dir, "sitrep.db")
	}
	_, statErr := os.Stat(path)
	fresh := errors.Is(statErr, fs.ErrNotExist)
	if fresh && !create {
		return nil, dd, sitrep.Errorf(sitrep.ENOTFOUND, "no store at %s: ingest something first (sitrep ingest --db %s FILE...)", path, path)
	}
	s, err := sqlite.Open(ctx, path, sqlite.Config{Dedup: dd, Corroborator: rule})
	if err != nil {
		return nil, dd, err
	}
	if fresh {
		fmt.Fprintf(os.Stderr, "sitrep: created the store %s\n", path)
		log.Info("created store", "path", path)
	}
	return s, dd, nil
}
