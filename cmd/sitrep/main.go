// Command sitrep reads news reports about armed conflict and politics and
// turns them into a traceable event database. This package only wires the
// subcommands to the packages that do the work.
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/alecthomas/kong"

	"github.com/sitrep/sitrep"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// cli is the command line: global flags and one field per subcommand.
type cli struct {
	LogLevel slog.Level       `help:"Log level: debug, info, warn, error." default:"info" env:"SITREP_LOG_LEVEL"`
	Version  kong.VersionFlag `help:"Print the version and exit."`

	Extract   extractCmd   `cmd:"" help:"Code one report (or a JSON-lines batch) and print the annotated document."`
	Actors    actorsCmd    `cmd:"" help:"List, show and check actor dictionaries."`
	Eval      evalCmd      `cmd:"" help:"Score sitrep against gold data kept outside the repository."`
	Gazetteer gazetteerCmd `cmd:"" help:"Look places up in the gazetteer, and add places from GeoNames dumps."`
	Train     trainCmd     `cmd:"" help:"Train a language model (tagger, parser, entity recogniser) from corpora."`
	Ingest    ingestCmd    `cmd:"" help:"Read reports (files, directories, JSONL, HTML, feeds, WARC), code them and store them with their corroborated events."`
	Export    exportCmd    `cmd:"" help:"Write the stored events as ACLED-style CSV, PLOVER JSON lines, GeoJSON or CSV, streaming."`
	Worker    workerCmd    `cmd:"" help:"Take articles from a NATS JetStream queue (filled by ingest --queue), code them and store them; run many on many machines."`
	Serve     serveCmd     `cmd:"" help:"Serve the HTTP API and the web UI (map, timeline, evidence) over a store."`
	Demo      demoCmd      `cmd:"" help:"Code the sample reports the repository ships into a local store and serve the web UI on it."`
}

func main() {
	var c cli
	kctx := kong.Parse(&c,
		kong.Name("sitrep"),
		kong.Description("sitrep turns news reports about conflict into a traceable event database."),
		kong.Vars{"version": version},
		kong.UsageOnError(),
	)
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: c.LogLevel}))
	slog.SetDefault(logger)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	kctx.BindTo(ctx, (*context.Context)(nil))
	if err := kctx.Run(logger); err != nil {
		fmt.Fprintf(os.Stderr, "sitrep %s: %v\n", kctx.Command(), err)
		os.Exit(exitCode(err))
	}
}

// exitCode maps error codes to exit statuses: 2 for bad input, 1 otherwise.
func exitCode(err error) int {
	switch sitrep.ErrorCode(err) {
	case sitrep.EINVALID, sitrep.ETOOLARGE, sitrep.ENOTFOUND:
		return 2
	}
	return 1
}
