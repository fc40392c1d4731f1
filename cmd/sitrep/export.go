package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/export"
)

type exportCmd struct {
	storeFlags
	Format     string   `help:"Output format: acled-csv, plover-jsonl, geojson or csv." enum:"acled-csv,plover-jsonl,geojson,csv" default:"csv"`
	Since      string   `help:"Events on or after this date (YYYY-MM-DD)."`
	Until      string   `help:"Events on or before this date (YYYY-MM-DD)."`
	BBox       string   `name:"bbox" help:"Events inside minlon,minlat,maxlon,maxlat."`
	Actor      string   `help:"Events with this actor (canonical id or name)."`
	Type       []string `help:"PLOVER event types (repeat or comma-separate)." sep:","`
	Country    string   `help:"Events located in this country (ISO 3166 alpha-3)."`
	Modality   []string `help:"Modalities (repeat or comma-separate)." sep:","`
	Happened   bool     `help:"Only events some report says happened."`
	MinSources int      `help:"Only events with at least this many independent sources."`
	Text       string   `help:"Full-text query over the events' evidence."`
	Limit      int      `help:"Write at most this many events (0: all)."`
	Out        string   `short:"o" help:"Write to this file instead of standard output."`
}

func (c *exportCmd) filter() (sitrep.EventFilter, error) {
	f := sitrep.EventFilter{Since: c.Since, Until: c.Until, Actor: c.Actor, Country: c.Country, HappenedOnly: c.Happened,
		MinSources: c.MinSources, Text: c.Text, Limit: c.Limit}
	for _, t := range c.Type {
		f.Types = append(f.Types, sitrep.EventType(strings.ToUpper(strings.TrimSpace(t))))
	}
	for _, m := range c.Modality {
		f.Modalities = append(f.Modalities, sitrep.Modality(strings.ToLower(strings.TrimSpace(m))))
	}
	if c.BBox != "" {
		b, err := sitrep.ParseBBox(c.BBox)
		if err != nil {
			return f, err
		}
		f.BBox = &b
	}
	if c.Limit < 0 {
		return f, sitrep.Errorf(sitrep.EINVALID, "--limit %d is negative", c.Limit)
	}
	return f, f.Validate()
}

func (c *exportCmd) Run(ctx context.Context, log *slog.Logger) (err error) {
	f, err := c.filter()
	if err != nil {
		return err
	}
	store, _, err := c.open(ctx, log, false)
	if err != nil {
		return err
	}
	defer store.Close()
	var out io.Writer = os.Stdout
	if c.Out != "" {
		file, err := os.Create(c.Out)
		if err != nil {
			return fmt.Errorf("create %s: %w", c.Out, err)
		}
		defer func() {
			if cerr := file.Close(); cerr != nil && err == nil {
				err = fmt.Errorf("write %s: %w", c.Out, cerr)
			}
		}()
		out = file
	}
	w, err := export.New(export.Format(c.Format), out)
	if err != nil {
		return err
	}
	start := time.Now()
	var written, skipped int
	err = store.EachEvent(ctx, f, func(e *sitrep.EventRecord) error {
		ok, err := w.Write(e)
		if ok {
			written++
		} else {
			skipped++
		}
		return err
	})
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	log.Info("export done", "format", c.Format, "events", written, "skipped", skipped, "elapsed", time.Since(start).Round(time.Millisecond))
	if skipped > 0 {
		why := "without a location"
		if c.Format == string(export.ACLEDCSV) {
			why = "that did not happen or have no ACLED type"
		}
		log.Info(fmt.Sprintf("%d events %s were left out of %s", skipped, why, c.Format))
	}
	return nil
}
