package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/dedup"
	"github.com/sitrep/sitrep/ingest"
	"github.com/sitrep/sitrep/source"
	"github.com/sitrep/sitrep/source/feed"
)

type ingestCmd struct {
	storeFlags
	Workers   int           `help:"Articles coded at once (default: one per CPU)."`
	Batch     int           `help:"Most articles written in one transaction, each all-or-nothing; a killed run loses at most one uncommitted group, which the next run writes again. 1: a transaction per article." default:"64"`
	BatchWait time.Duration `name:"batch-wait" help:"Longest a coded article waits for its group to fill before it is committed." default:"250ms"`
	MaxBytes  int64         `help:"Largest file, page or JSON line accepted, in bytes." default:"33554432"`
	Follow    bool          `help:"Keep polling the feed URLs among the sources (conditional GET) until interrupted."`
	Interval  time.Duration `help:"With --follow: time between polls." default:"5m"`
	NoLinks   bool          `name:"no-links" help:"Feeds: use the items' own text instead of fetching their pages."`
	Progress  string        `help:"Progress display: auto (bars on a terminal), always, never." enum:"auto,always,never" default:"auto"`
	queueFlags
	pipelineFlags

	Sources []string `arg:"" name:"source" help:"Files (text, Markdown, HTML, JSONL, RSS/Atom, WARC), directories (read recursively), feed URLs, or - for JSON lines on standard input."`
}

func (c *ingestCmd) Run(ctx context.Context, log *slog.Logger) error {
	if c.Follow && c.Interval < time.Second {
		return sitrep.Errorf(sitrep.EINVALID, "--interval %v is too short; poll at most once a second", c.Interval)
	}
	if c.Batch < 1 {
		return sitrep.Errorf(sitrep.EINVALID, "--batch %d: write at least one article per transaction", c.Batch)
	}
	if c.BatchWait <= 0 {
		return sitrep.Errorf(sitrep.EINVALID, "--batch-wait %v must be positive", c.BatchWait)
	}
	if c.Queue != "" {
		return c.enqueue(ctx, log)
	}
	store, dd, err := c.open(ctx, log, true)
	if err != nil {
		return err
	}
	defer store.Close()
	p, err := c.pipeline()
	if err != nil {
		return err
	}
	scfg, err := c.sourceConfig(store)
	if err != nil {
		return err
	}

	feeds, err := c.feedURLs()
	if err != nil {
		return err
	}
	total, err := c.run(ctx, log, store, p, dd, scfg, c.Sources)
	for c.Follow && err == nil {
		log.Info("waiting for the next poll", "interval", c.Interval, "feeds", len(feeds))
		if !wait(ctx, c.Interval) {
			return nil
		}
		var st ingest.Stats
		st, err = c.run(ctx, log, store, p, dd, scfg, feeds)
		total.New += st.New
	}
	if err != nil {
		return err
	}
	if total.Bad > 0 && total.New+total.Copies+total.Duplicates == 0 {
		return sitrep.Errorf(sitrep.EINVALID, "no input could be read (%d bad); see the warnings above", total.Bad)
	}
	return nil
}

// feedURLs returns the sources that are feed URLs, the ones --follow
// polls again.
func (c *ingestCmd) feedURLs() ([]string, error) {
	var feeds []string
	for _, s := range c.Sources {
		if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
			feeds = append(feeds, s)
		}
	}
	if c.Follow && len(feeds) == 0 {
		return nil, sitrep.Errorf(sitrep.EINVALID, "--follow polls feed URLs, and no source is a URL")
	}
	return feeds, nil
}

// wait waits for d, and reports false when ctx ends first.
func wait(ctx context.Context, d time.Duration) bool {
	select {
	case <-ctx.Done():
		return false
	case <-time.After(d):
		return true
	}
}

// skipped logs an input that could not be read, and why.
func skipped(log *slog.Logger, origin string, err error) {
	log.Warn("skipped input", "origin", origin, "code", sitrep.ErrorCode(err), "reason", err.Error())
}

// sourceConfig sets the sources' limits, and lets feeds skip pages the
// store already holds (when there is a store here) and keep their
// conditional-GET state between runs.
func (c *ingestCmd) sourceConfig(store sitrep.Store) (source.Config, error) {
	cfg := source.DefaultConfig()
	cfg.Text.MaxBytes, cfg.HTML.MaxBytes, cfg.MaxLine = c.MaxBytes, c.MaxBytes, int(c.MaxBytes)
	cfg.Feed.HTML = cfg.HTML
	cfg.Feed.FetchLinks = !c.NoLinks
	if store != nil {
		cfg.Feed.Skip = func(ctx context.Context, u string) bool {
			cu := dedup.CanonicalURL(u)
			if cu == "" {
				return false
			}
			_, ok, err := store.Seen(ctx, sitrep.Fingerprint{CanonicalURL: cu})
			return err == nil && ok
		}
	}
	dir := ""
	if c.DB != "" && !isPostgres(c.DB) {
		dir = filepath.Dir(c.DB)
	} else if d, err := dataDir(); err == nil {
		dir = d
	}
	if dir != "" {
		st, err := feed.OpenFileState(filepath.Join(dir, "feeds.json"))
		if err != nil {
			return cfg, err
		}
		cfg.Feed.State = st
	}
	return cfg, cfg.Validate()
}

func (c *ingestCmd) run(ctx context.Context, log *slog.Logger, store sitrep.Store, p *sitrep.Pipeline, dd dedup.Config, scfg source.Config, args []string) (ingest.Stats, error) {
	var named []ingest.Named
	var openBad int64
	for _, a := range args {
		src, err := source.Open(a, scfg)
		if err != nil {
			skipped(log, a, err)
			openBad++
			continue
		}
		named = append(named, ingest.Named{Name: a, Source: src})
	}
	var latest atomic.Pointer[ingest.Stats]
	latest.Store(&ingest.Stats{})
	cfg := ingest.Config{Store: store, Pipeline: p, Dedup: dd, Workers: c.Workers, Logger: log,
		Batch: c.Batch, BatchWait: c.BatchWait,
		Progress: func(s ingest.Stats) { latest.Store(&s) }}

	var bars *mpb.Progress
	var bar *mpb.Bar
	if c.showProgress() {
		bars = mpb.NewWithContext(ctx, mpb.WithOutput(os.Stderr), mpb.WithWidth(12), mpb.WithRefreshRate(200*time.Millisecond))
		bar = bars.New(0, mpb.SpinnerStyle(),
			mpb.PrependDecorators(decor.Name("ingest "), decor.Elapsed(decor.ET_STYLE_MMSS)),
			mpb.AppendDecorators(decor.Any(func(decor.Statistics) string {
				s := latest.Load()
				rate := 0.0
				if s.Elapsed > 0 {
					rate = float64(s.New+s.Copies+s.Duplicates) / s.Elapsed.Seconds()
				}
				return fmt.Sprintf(" read %d · new %d · copies %d · already stored %d · bad %d · events %d · %.0f/s",
					s.Read, s.New, s.Copies, s.Duplicates, s.Bad+openBad, s.Events, rate)
			})))
	}
	st, err := ingest.Run(ctx, cfg, named)
	st.Bad += openBad
	if bar != nil {
		latest.Store(&st)
		bar.SetTotal(-1, true)
		bars.Wait()
	}
	log.Info("ingest done", "read", st.Read, "new", st.New, "copies", st.Copies, "already_stored", st.Duplicates,
		"bad", st.Bad, "events", st.Events, "new_events", st.NewEvents, "elapsed", st.Elapsed.Round(time.Millisecond))
	fmt.Fprintf(os.Stderr, "sitrep ingest: %d new articles, %d copies, %d already stored, %d bad inputs; %d events (%d new) in %s\n",
		st.New, st.Copies, st.Duplicates, st.Bad, st.Events, st.NewEvents, st.Elapsed.Round(time.Millisecond))
	return st, err
}

// showProgress reports whether to draw progress bars: on a terminal, or
// when asked.
func (c *ingestCmd) showProgress() bool {
	switch c.Progress {
	case "always":
		return true
	case "never":
		return false
	}
	fi, err := os.Stderr.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0 && os.Getenv("CI") == ""
}
