package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"syscall"

	"github.com/sitrep/sitrep/corroborate"
	"github.com/sitrep/sitrep/dedup"
	"github.com/sitrep/sitrep/samples"
	"github.com/sitrep/sitrep/server"
	"github.com/sitrep/sitrep/sqlite"
)

type demoCmd struct {
	DB   string `name:"db" help:"SQLite file to keep the demo store in (reused if it exists). Default: a new file in a temporary directory, removed on exit."`
	Addr string `help:"Address to listen on. If the default port is taken, a free one is chosen." default:"127.0.0.1:8080"`
}

const demoDefaultAddr = "127.0.0.1:8080"

// Run codes the sample reports the repository ships into a local SQLite
// store and serves the web UI on it.
func (c *demoCmd) Run(ctx context.Context, log *slog.Logger) error {
	path := c.DB
	if path == "" {
		dir, err := os.MkdirTemp("", "sitrep-demo-")
		if err != nil {
			return fmt.Errorf("demo: make a directory for the store: %w (pass --db FILE)", err)
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "demo.db")
	}
	dd := dedup.DefaultConfig()
	rule, err := corroborate.New(corroborate.DefaultConfig())
	if err != nil {
		return err
	}
	store, err := sqlite.Open(ctx, path, sqlite.Config{Dedup: dd, Corroborator: rule})
	if err != nil {
		return err
	}
	defer store.Close()
	fmt.Fprintf(os.Stderr, "sitrep demo: coding %d sample reports (samples/reports, written for the demo) into %s\n", len(samples.Reports()), path)
	st, err := samples.Ingest(ctx, store, dd, log)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "sitrep demo: %d new articles, %d already stored, %d events coded, %d distinct after corroboration, in %s\n",
		st.New, st.Duplicates, st.Events, st.NewEvents, st.Elapsed.Round(1e6))

	cfg := server.DefaultConfig()
	cfg.Addr = c.Addr
	if c.Addr == demoDefaultAddr && !free(c.Addr) {
		fmt.Fprintf(os.Stderr, "sitrep demo: %s is taken; choosing a free port\n", c.Addr)
		cfg.Addr = "127.0.0.1:0"
	}
	return serve(ctx, log, cfg, store, true)
}

// free reports whether addr can be listened on.
func free(addr string) bool {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return !errors.Is(err, syscall.EADDRINUSE)
	}
	ln.Close()
	return true
}
