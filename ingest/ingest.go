// Package ingest moves articles from sources into a store: it reads each
// source in order, fingerprints every article, codes the ones the store
// has not seen with the pipeline on several workers, and writes them one
// transaction per article through a single writer, so that a run killed
// at any moment leaves every article stored whole or not at all, and a
// rerun skips what is already there.
//
// Bad inputs never stop a run: an unreadable file, a bad JSON line, a page
// with no article, a damaged archive are logged with their origin and
// reason, counted, and the run goes on. Only the store failing stops it.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/dedup"
)

// Config holds what a run needs.
type Config struct {
	Store    sitrep.Store
	Pipeline *sitrep.Pipeline
	Dedup    dedup.Config
	// Workers code articles in parallel; 0 means one per CPU.
	Workers int
	Logger  *slog.Logger
	// Progress, when set, is told of every item as it is settled. It is
	// called from several goroutines and must be quick and safe for
	// concurrent use.
	Progress func(Stats)
}

// Validate checks the config.
func (c *Config) Validate() error {
	if c.Store == nil {
		return sitrep.Errorf(sitrep.EINVALID, "ingest: no store")
	}
	if c.Pipeline == nil {
		return sitrep.Errorf(sitrep.EINVALID, "ingest: no pipeline")
	}
	if c.Workers < 0 {
		return sitrep.Errorf(sitrep.EINVALID, "ingest: Workers %d is negative", c.Workers)
	}
	return c.Dedup.Validate()
}

// Stats counts what a run did.
type Stats struct {
	Read       int64 // items read from sources, good and bad
	Bad        int64 // items that could not be read or coded
	New        int64 // new articles stored
	Copies     int64 // syndicated copies added to stored articles
	Duplicates int64 // articles already stored
	Events     int64 // events coded from new articles
	NewEvents  int64 // corroborated events started
	Sources    int64 // sources finished
	Elapsed    time.Duration
}

// Named is a source with the name it is reported under.
type Named struct {
	Name   string
	Source sitrep.Source
}

type job struct {
	origin string
	a      sitrep.Article
}

type coded struct {
	origin string
	c      sitrep.Coded
	err    error
}

// Run ingests every source in order and returns what it did. It returns
// an error only when the store fails or ctx is cancelled; bad inputs are
// logged and counted in Stats.Bad.
func Run(ctx context.Context, cfg Config, sources []Named) (Stats, error) {
	var st Stats
	if err := cfg.Validate(); err != nil {
		return st, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	workers := cfg.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	start := time.Now()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	var counters struct {
		read, bad, new, copies, dups, events, newEvents, sources atomic.Int64
	}
	snapshot := func() Stats {
		return Stats{Read: counters.read.Load(), Bad: counters.bad.Load(), New: counters.new.Load(), Copies: counters.copies.Load(),
			Duplicates: counters.dups.Load(), Events: counters.events.Load(), NewEvents: counters.newEvents.Load(),
			Sources: counters.sources.Load(), Elapsed: time.Since(start)}
	}
	report := func() {
		if cfg.Progress != nil {
			cfg.Progress(snapshot())
		}
	}
	bad := func(origin string, err error) {
		counters.bad.Add(1)
		log.Warn("skipped input", "origin", origin, "code", sitrep.ErrorCode(err), "reason", err.Error())
		report()
	}

	jobs := make(chan job, workers*2)
	results := make(chan coded, workers*2)

	// Reader: sources in order.
	go func() {
		defer close(jobs)
		for _, ns := range sources {
			for {
				it, ok := ns.Source.Next(ctx)
				if !ok {
					break
				}
				counters.read.Add(1)
				if it.Err != nil {
					bad(it.Origin, it.Err)
					continue
				}
				select {
				case jobs <- job{origin: it.Origin, a: it.Article}:
				case <-ctx.Done():
					return
				}
			}
			if err := ns.Source.Err(); err != nil && ctx.Err() == nil {
				bad(ns.Name, err)
			}
			if err := ns.Source.Close(); err != nil {
				log.Warn("close source", "source", ns.Name, "err", err)
			}
			counters.sources.Add(1)
			if ctx.Err() != nil {
				return
			}
		}
	}()

	// Workers: fingerprint, skip the seen, code the rest.
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				res := code(ctx, &cfg, j)
				select {
				case results <- res:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// Writer: one transaction per article, in the order coded.
	var storeErr error
	for r := range results {
		if storeErr != nil {
			continue // drain
		}
		if r.err != nil {
			bad(r.origin, r.err)
			continue
		}
		res, err := cfg.Store.Put(ctx, r.c)
		if err != nil {
			if sitrep.IsBadInput(err) {
				bad(r.origin, err)
				continue
			}
			storeErr = fmt.Errorf("store article %s from %s: %w", r.c.Doc.Article.ID, r.origin, err)
			cancel(storeErr)
			continue
		}
		switch res.Status {
		case sitrep.PutNew:
			counters.new.Add(1)
			counters.events.Add(int64(len(res.Events)))
			counters.newEvents.Add(int64(res.NewEvents))
		case sitrep.PutCopy:
			counters.copies.Add(1)
		case sitrep.PutDuplicate:
			counters.dups.Add(1)
		}
		log.Debug("stored", "origin", r.origin, "article", res.ArticleID, "status", res.Status, "events", len(res.Events))
		report()
	}
	st = snapshot()
	if storeErr != nil {
		return st, storeErr
	}
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return st, err
	}
	return st, ctx.Err()
}

// code fingerprints an article and, unless the store already has it, runs
// the pipeline on it.
func code(ctx context.Context, cfg *Config, j job) coded {
	fp := cfg.Dedup.Of(&j.a)
	doc := sitrep.NewDocument(j.a)
	out := coded{origin: j.origin, c: sitrep.Coded{Doc: doc, Fingerprint: fp, Origin: j.origin}}
	// A failed look-up only costs the coding: Put decides again.
	if _, seen, err := cfg.Store.Seen(ctx, fp); err == nil && seen {
		// Put still records a copy from another outlet; it needs no
		// annotations for that.
		return out
	}
	if err := cfg.Pipeline.Run(ctx, doc); err != nil {
		out.err = err
	}
	return out
}

// Article codes one article and stores it, as a queue worker does with
// each message it takes: fingerprint, skip the coding when the store has
// the article already, run the pipeline, write in one transaction. A
// pipeline or input failure comes back with its code (EINVALID for bad
// input); a store failure as it is. cfg must have passed Validate, once,
// before the first article.
func Article(ctx context.Context, cfg *Config, origin string, a sitrep.Article) (sitrep.PutResult, error) {
	r := code(ctx, cfg, job{origin: origin, a: a})
	if r.err != nil {
		return sitrep.PutResult{}, r.err
	}
	return cfg.Store.Put(ctx, r.c)
}
