package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/ingest"
	"github.com/sitrep/sitrep/queue"
	"github.com/sitrep/sitrep/source"
)

// queueFlags name the NATS JetStream queue that spreads coding over
// worker processes.
type queueFlags struct {
	Queue       string `name:"queue" help:"NATS server with JetStream (nats://host:4222): ingest publishes articles there for sitrep worker processes instead of coding them itself." env:"SITREP_QUEUE"`
	Stream      string `name:"queue-stream" help:"JetStream stream of the articles." default:"SITREP_ARTICLES"`
	MaxMsgBytes int32  `name:"queue-max-bytes" help:"Largest article message, in bytes (the server's max_payload must allow it)." default:"1048576"`
}

func (f queueFlags) openQueue(ctx context.Context) (*queue.Queue, error) {
	cfg := queue.DefaultConfig()
	cfg.URL, cfg.Stream, cfg.MaxBytes = f.Queue, f.Stream, f.MaxMsgBytes
	cfg.Subject = "sitrep.articles." + strings.ToLower(f.Stream)
	return queue.Open(ctx, cfg)
}

// enqueue reads the sources and publishes their articles to the queue.
func (c *ingestCmd) enqueue(ctx context.Context, log *slog.Logger) error {
	q, err := c.openQueue(ctx)
	if err != nil {
		return err
	}
	defer q.Close()
	scfg, err := c.sourceConfig(nil)
	if err != nil {
		return err
	}
	feeds, err := c.feedURLs()
	if err != nil {
		return err
	}
	start := time.Now()
	var published, dups, bad int64
	// publish sends one source's articles; it returns only the queue's
	// failures, and reports bad inputs.
	publish := func(arg string, src sitrep.Source) error {
		defer src.Close()
		for {
			it, ok := src.Next(ctx)
			if !ok {
				if err := src.Err(); err != nil && ctx.Err() == nil {
					skipped(log, arg, err)
					bad++
				}
				return nil
			}
			if it.Err != nil {
				skipped(log, it.Origin, it.Err)
				bad++
				continue
			}
			dup, err := q.Publish(ctx, it.Origin, it.Article)
			switch {
			case sitrep.IsBadInput(err):
				skipped(log, it.Origin, err)
				bad++
			case err != nil:
				return err
			case dup:
				dups++
			default:
				published++
			}
		}
	}
	publishAll := func(args []string) error {
		for _, arg := range args {
			src, err := source.Open(arg, scfg)
			if err != nil {
				skipped(log, arg, err)
				bad++
				continue
			}
			if err := publish(arg, src); err != nil {
				return err
			}
		}
		return ctx.Err()
	}
	err = publishAll(c.Sources)
	for c.Follow && err == nil && wait(ctx, c.Interval) {
		err = publishAll(feeds)
	}
	pending, perr := q.Pending(context.WithoutCancel(ctx))
	if perr != nil {
		log.Warn("could not read the queue's length", "err", perr)
	}
	fmt.Fprintf(os.Stderr, "sitrep ingest: published %d articles to %s (%d already queued, %d bad inputs) in %s; %d waiting for workers\n",
		published, c.Queue, dups, bad, time.Since(start).Round(time.Millisecond), pending)
	if err != nil {
		return err
	}
	if bad > 0 && published+dups == 0 {
		return sitrep.Errorf(sitrep.EINVALID, "no input could be read (%d bad); see the warnings above", bad)
	}
	return nil
}

// workerCmd takes articles from the queue, codes them and stores them.
type workerCmd struct {
	storeFlags
	queueFlags
	pipelineFlags
	Workers   int           `help:"Articles coded at once in this process (default: one per CPU)."`
	Batch     int           `help:"Most articles written in one transaction, each all-or-nothing; messages are acknowledged after their group commits, and a killed worker's unacknowledged ones go to another. 1: a transaction per article." default:"64"`
	BatchWait time.Duration `name:"batch-wait" help:"Longest a coded article waits for its group to fill before it is committed." default:"250ms"`
	Drain     bool          `help:"Exit when the queue is empty instead of waiting for more articles."`
}

func (c *workerCmd) Run(ctx context.Context, log *slog.Logger) error {
	if c.Queue == "" {
		return sitrep.Errorf(sitrep.EINVALID, "worker needs --queue nats://host:4222 (or SITREP_QUEUE): the server ingest publishes to")
	}
	if c.Batch < 1 {
		return sitrep.Errorf(sitrep.EINVALID, "--batch %d: write at least one article per transaction", c.Batch)
	}
	if c.BatchWait <= 0 {
		return sitrep.Errorf(sitrep.EINVALID, "--batch-wait %v must be positive", c.BatchWait)
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
	q, err := c.openQueue(ctx)
	if err != nil {
		return err
	}
	defer q.Close()
	workers := c.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	icfg := ingest.Config{Store: store, Pipeline: p, Dedup: dd, Logger: log}
	if err := icfg.Validate(); err != nil {
		return err
	}
	var stored, copies, already, events atomic.Int64
	start := time.Now()
	log.Info("worker started", "queue", c.Queue, "stream", c.Stream, "workers", workers, "batch", c.Batch, "drain", c.Drain)
	// Messages are taken on enough goroutines to fill a group while
	// workers of them code at once; each waits for its group's commit
	// before its message is acknowledged.
	group := ingest.NewGroup(store, c.Batch, c.BatchWait)
	defer group.Close()
	coding := make(chan struct{}, workers)
	st, err := q.Work(ctx, max(workers, c.Batch), c.Drain, log, func(ctx context.Context, j queue.Job) error {
		select {
		case coding <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		coded, err := ingest.Code(ctx, &icfg, j.Origin, j.Article)
		<-coding
		if err != nil {
			return err
		}
		res, err := group.Put(ctx, coded)
		if err != nil {
			return err
		}
		switch res.Status {
		case sitrep.PutNew:
			stored.Add(1)
			events.Add(int64(len(res.Events)))
		case sitrep.PutCopy:
			copies.Add(1)
		case sitrep.PutDuplicate:
			already.Add(1)
		}
		log.Debug("stored", "origin", j.Origin, "article", res.ArticleID, "status", res.Status, "events", len(res.Events), "attempt", j.Attempt)
		return nil
	})
	fmt.Fprintf(os.Stderr, "sitrep worker: %d new articles, %d copies, %d already stored, %d bad inputs, %d given up; %d events in %s\n",
		stored.Load(), copies.Load(), already.Load(), st.Bad, st.GaveUp, events.Load(), time.Since(start).Round(time.Millisecond))
	return err
}
