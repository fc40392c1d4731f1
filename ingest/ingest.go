// Package ingest moves articles from sources into a store: it reads each
// source in order, fingerprints every article, codes the ones the store
// has not seen with the pipeline on several workers, and writes them
// through a single writer, several articles per transaction (a group of
// up to Config.Batch articles, committed at the latest Config.BatchWait
// after its first was coded) when the store can (Batcher), each article
// in its own savepoint. A run killed at any moment leaves every article
// stored whole or not at all and loses at most the uncommitted group,
// which a rerun writes again while skipping what is already there.
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
	// Batch is the most articles written in one transaction (when the
	// store is a Batcher); 0 means DefaultBatch, 1 a transaction each.
	Batch int
	// BatchWait is the longest a coded article waits for its group to
	// fill before the group is committed anyway; 0 means
	// DefaultBatchWait. It bounds how stale the store is behind a slow
	// source such as a followed feed.
	BatchWait time.Duration
	// Progress, when set, is told of every item as it is settled. It is
	// called from several goroutines and must be quick and safe for
	// concurrent use.
	Progress func(Stats)
}

// Group commit defaults: a commit rewrites the pages the transaction
// touched, so fewer, larger transactions write far less; 64 articles of
// about 1.5 KB is a few hundred kilobytes of log per commit, and a
// quarter of a second keeps a followed feed's articles prompt.
const (
	DefaultBatch     = 64
	DefaultBatchWait = 250 * time.Millisecond
)

// Batcher is a store that writes several articles in one transaction,
// each all-or-nothing in its own savepoint (sqlstore.Store.PutBatch):
// res and errs are parallel to cs up to the first article that failed
// other than as bad input (the rest are not attempted), and err means
// nothing of the batch was stored.
type Batcher interface {
	PutBatch(ctx context.Context, cs []sitrep.Coded) (res []sitrep.PutResult, errs []error, err error)
}

// grouping returns how a writer on store groups articles: the store as a
// Batcher (nil when it is not one), the most articles in a group (batch,
// DefaultBatch when 0 or less; 1 without a Batcher) and the longest a
// group waits to fill (wait, DefaultBatchWait when 0 or less).
func grouping(store sitrep.Store, batch int, wait time.Duration) (Batcher, int, time.Duration) {
	if batch <= 0 {
		batch = DefaultBatch
	}
	if wait <= 0 {
		wait = DefaultBatchWait
	}
	batcher, _ := store.(Batcher)
	if batcher == nil {
		batch = 1
	}
	return batcher, batch, wait
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
	if c.Batch < 0 {
		return sitrep.Errorf(sitrep.EINVALID, "ingest: Batch %d is negative; use 1 for a transaction per article", c.Batch)
	}
	if c.BatchWait < 0 {
		return sitrep.Errorf(sitrep.EINVALID, "ingest: BatchWait %v is negative", c.BatchWait)
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

	// Writer: groups of articles, each group one transaction, in the
	// order coded.
	batcher, batch, wait := grouping(cfg.Store, cfg.Batch, cfg.BatchWait)
	var storeErr error
	// settle counts what the store did with one article; false stops the
	// run.
	settle := func(r coded, res sitrep.PutResult, err error) bool {
		if err != nil {
			if sitrep.IsBadInput(err) {
				bad(r.origin, err)
				return true
			}
			storeErr = fmt.Errorf("store article %s from %s: %w", r.c.Doc.Article.ID, r.origin, err)
			cancel(storeErr)
			return false
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
		return true
	}
	group := make([]coded, 0, batch)
	cs := make([]sitrep.Coded, 0, batch)
	flush := func() {
		defer func() { group, cs = group[:0], cs[:0] }()
		if len(group) == 0 || storeErr != nil || ctx.Err() != nil {
			return // a cancelled run's group is redone by the next run
		}
		if batcher == nil {
			res, err := cfg.Store.Put(ctx, group[0].c)
			settle(group[0], res, err)
			return
		}
		for _, r := range group {
			cs = append(cs, r.c)
		}
		res, errs, err := batcher.PutBatch(ctx, cs)
		if err != nil {
			storeErr = fmt.Errorf("store %d articles from %s on: %w", len(group), group[0].origin, err)
			cancel(storeErr)
			return
		}
		for i := range res {
			if !settle(group[i], res[i], errs[i]) {
				return
			}
		}
	}
	timer := time.NewTimer(wait)
	timer.Stop()
	var due <-chan time.Time // set while a group waits
	for results != nil {
		select {
		case r, ok := <-results:
			if !ok {
				results = nil
				break
			}
			if storeErr != nil {
				continue // drain
			}
			if r.err != nil {
				bad(r.origin, r.err)
				continue
			}
			group = append(group, r)
			if len(group) == 1 && batch > 1 {
				timer.Reset(wait)
				due = timer.C
			}
			if len(group) >= batch {
				timer.Stop()
				due = nil
				flush()
			}
		case <-due:
			due = nil
			flush()
		}
	}
	timer.Stop()
	flush()
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
