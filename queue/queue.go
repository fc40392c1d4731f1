// Package queue spreads the coding of articles over many worker processes
// through a NATS JetStream work queue, so that sitrep scales out on an
// existing message broker rather than a home-made one.
//
// A producer (sitrep ingest --queue) publishes each article it reads as a
// JSON line (the source/jsonl format) on one subject of a stream with
// work-queue retention; the article's id is the message id, so a producer
// that is restarted and publishes the same files again adds nothing
// within the stream's duplicate window. Workers (sitrep worker) share one
// durable pull consumer: each message goes to one worker, which codes the
// article, stores it, and only then acknowledges it. A worker killed in
// the middle leaves its messages unacknowledged, and the broker hands them
// to another worker after the ack wait; since the store is idempotent
// (articles are fingerprinted), a message coded twice is stored once.
// Bad input is terminated at once (it would fail again); other failures
// are retried with a delay, up to MaxDeliver times.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/source/jsonl"
)

// Config names the stream and sets its limits.
type Config struct {
	// URL of the NATS server(s), comma-separated: "nats://127.0.0.1:4222".
	URL string
	// Stream and Subject hold the articles; Consumer is the durable name
	// the workers share.
	Stream, Subject, Consumer string
	// AckWait is how long a worker may take over one article before the
	// broker gives it to another.
	AckWait time.Duration
	// MaxDeliver bounds the attempts at one article.
	MaxDeliver int
	// RetryDelay is the wait before a failed article is tried again.
	RetryDelay time.Duration
	// Duplicates is the window in which an article published again (same
	// id) is dropped by the broker.
	Duplicates time.Duration
	// MaxBytes is the largest message (article) the stream accepts; the
	// server's max_payload must allow it (NATS defaults to 1 MiB).
	MaxBytes int32
	// Name identifies this connection in the server's monitoring.
	Name string
}

// DefaultConfig returns the stream sitrep uses on a local server.
func DefaultConfig() Config {
	return Config{URL: nats.DefaultURL, Stream: "SITREP_ARTICLES", Subject: "sitrep.articles", Consumer: "sitrep-workers",
		AckWait: 5 * time.Minute, MaxDeliver: 5, RetryDelay: 10 * time.Second, Duplicates: 24 * time.Hour, MaxBytes: 1 << 20,
		Name: "sitrep"}
}

// Validate checks the config.
func (c Config) Validate() error {
	var errs []error
	if c.URL == "" {
		errs = append(errs, errors.New("no server URL"))
	}
	for _, n := range []struct{ what, v string }{{"stream", c.Stream}, {"consumer", c.Consumer}} {
		if n.v == "" || strings.ContainsAny(n.v, " .*>/\\\t") {
			errs = append(errs, fmt.Errorf("%s name %q must be non-empty, without spaces, dots, wildcards or slashes", n.what, n.v))
		}
	}
	if c.Subject == "" || strings.ContainsAny(c.Subject, " *>") {
		errs = append(errs, fmt.Errorf("subject %q must be a literal subject", c.Subject))
	}
	if c.AckWait < time.Second {
		errs = append(errs, fmt.Errorf("ack wait %v is under a second", c.AckWait))
	}
	if c.MaxDeliver < 1 {
		errs = append(errs, fmt.Errorf("max deliver %d: want at least 1", c.MaxDeliver))
	}
	if c.RetryDelay < 0 || c.Duplicates < 0 || c.MaxBytes < 1024 {
		errs = append(errs, fmt.Errorf("retry delay %v, duplicate window %v, max bytes %d: want non-negative durations and at least 1 KiB",
			c.RetryDelay, c.Duplicates, c.MaxBytes))
	}
	if err := errors.Join(errs...); err != nil {
		return sitrep.Errorf(sitrep.EINVALID, "queue config: %v", err)
	}
	return nil
}

// Queue is a connection to the article stream.
type Queue struct {
	cfg    Config
	nc     *nats.Conn
	js     jetstream.JetStream
	stream jetstream.Stream
}

// Open connects to the server and creates the stream, or brings an
// existing one to this config.
func Open(ctx context.Context, cfg Config) (*Queue, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	nc, err := nats.Connect(cfg.URL, nats.Name(cfg.Name), nats.MaxReconnects(-1))
	if err != nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, "queue: cannot reach NATS at %s: %v; start a server with JetStream enabled (nats-server -js)", cfg.URL, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue: JetStream on %s: %w", cfg.URL, err)
	}
	st, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name: cfg.Stream, Subjects: []string{cfg.Subject}, Retention: jetstream.WorkQueuePolicy,
		Storage: jetstream.FileStorage, Duplicates: cfg.Duplicates, MaxMsgSize: cfg.MaxBytes,
		Description: "articles for sitrep workers to code and store",
	})
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue: create stream %s on %s (is JetStream enabled on the server?): %w", cfg.Stream, cfg.URL, err)
	}
	return &Queue{cfg: cfg, nc: nc, js: js, stream: st}, nil
}

// Close drains and closes the connection.
func (q *Queue) Close() error {
	if err := q.nc.Drain(); err != nil && !errors.Is(err, nats.ErrConnectionClosed) {
		return fmt.Errorf("queue: drain: %w", err)
	}
	return nil
}

// originHeader carries where the article was read, for workers' logs and
// the store's record of origins.
const originHeader = "Sitrep-Origin"

// Publish puts an article on the queue. dup reports that the broker had
// it already (same id within the duplicate window). An article too large
// for the stream is an ETOOLARGE error; the caller goes on with the rest.
func (q *Queue) Publish(ctx context.Context, origin string, a sitrep.Article) (dup bool, err error) {
	if a.ID == "" {
		a.ID = sitrep.ContentID(a.Text)
	}
	line := jsonl.Line{ID: a.ID, Text: a.Text, Title: a.Title, URL: a.URL, Outlet: a.Outlet, Language: a.Language}
	if !a.Published.IsZero() {
		line.Published = a.Published.Format(time.RFC3339)
	}
	data, err := json.Marshal(line)
	if err != nil {
		return false, fmt.Errorf("queue: encode article %s from %s: %w", a.ID, origin, err)
	}
	if len(data) > int(q.cfg.MaxBytes) {
		return false, sitrep.Errorf(sitrep.ETOOLARGE, "article %s from %s is %d bytes encoded, over the queue's %d; raise --max-msg-bytes and the server's max_payload",
			a.ID, origin, len(data), q.cfg.MaxBytes)
	}
	msg := nats.NewMsg(q.cfg.Subject)
	msg.Data = data
	msg.Header.Set(originHeader, origin)
	ack, err := q.js.PublishMsg(ctx, msg, jetstream.WithMsgID(a.ID), jetstream.WithExpectStream(q.cfg.Stream))
	if err != nil {
		return false, fmt.Errorf("queue: publish article %s from %s: %w", a.ID, origin, err)
	}
	return ack.Duplicate, nil
}

// Pending returns the number of articles waiting in the stream (with
// work-queue retention, acknowledged ones are removed).
func (q *Queue) Pending(ctx context.Context) (uint64, error) {
	info, err := q.stream.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("queue: stream info: %w", err)
	}
	return info.State.Msgs, nil
}

// Job is one article taken from the queue.
type Job struct {
	Origin  string
	Article sitrep.Article
	// Attempt counts deliveries of this message, from 1.
	Attempt uint64
}

// Handler codes and stores one article. An error coded EINVALID or
// ETOOLARGE (sitrep.ErrorCode) marks bad input: the message is dropped.
// Any other error is retried later.
type Handler func(ctx context.Context, j Job) error

// Stats counts what Work did.
type Stats struct {
	Done, Bad, Retried, GaveUp int64
}

// Work takes articles from the queue on n goroutines and hands each to h
// until ctx is cancelled or, when drain is set, the queue is empty. It
// returns when every article it took has been settled (acknowledged,
// dropped or handed back).
func (q *Queue) Work(ctx context.Context, n int, drain bool, log *slog.Logger, h Handler) (Stats, error) {
	var st Stats
	if n < 1 {
		return st, sitrep.Errorf(sitrep.EINVALID, "queue: %d workers; want at least one", n)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	cons, err := q.stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable: q.cfg.Consumer, AckPolicy: jetstream.AckExplicitPolicy, AckWait: q.cfg.AckWait,
		MaxDeliver: q.cfg.MaxDeliver, MaxAckPending: max(1000, 4*n), FilterSubject: q.cfg.Subject,
		Description: "sitrep workers",
	})
	if err != nil {
		return st, fmt.Errorf("queue: consumer %s on stream %s: %w", q.cfg.Consumer, q.cfg.Stream, err)
	}
	var mu sync.Mutex
	count := func(p *int64) {
		mu.Lock()
		*p++
		mu.Unlock()
	}
	settle := func(m jetstream.Msg) {
		meta, err := m.Metadata()
		attempt := uint64(1)
		if err == nil {
			attempt = meta.NumDelivered
		}
		origin := m.Headers().Get(originHeader)
		if ctx.Err() != nil {
			// Shutting down: what was fetched but not begun goes back.
			_ = m.Nak()
			return
		}
		_, a, err := jsonl.Decode(m.Data())
		if err == nil {
			err = h(ctx, Job{Origin: origin, Article: a, Attempt: attempt})
		}
		switch {
		case err == nil:
			// The article is stored: acknowledge it even when shutting
			// down, or it would be coded again.
			actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			aerr := m.DoubleAck(actx)
			cancel()
			if aerr != nil {
				log.Warn("acknowledge failed; the article may be coded again (and stored once)", "origin", origin, "err", aerr)
			}
			count(&st.Done)
		case ctx.Err() != nil:
			// Shutting down: hand it back at once.
			_ = m.Nak()
		case sitrep.IsBadInput(err):
			log.Warn("skipped input", "origin", origin, "code", sitrep.ErrorCode(err), "reason", err.Error())
			_ = m.TermWithReason(err.Error())
			count(&st.Bad)
		case attempt >= uint64(q.cfg.MaxDeliver):
			log.Error("gave up on an article", "origin", origin, "attempts", attempt, "err", err)
			_ = m.TermWithReason(err.Error())
			count(&st.GaveUp)
		default:
			log.Warn("article failed; will retry", "origin", origin, "attempt", attempt, "retry_in", q.cfg.RetryDelay, "err", err)
			_ = m.NakWithDelay(q.cfg.RetryDelay)
			count(&st.Retried)
		}
	}

	jobs := make(chan jetstream.Msg)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for m := range jobs {
				settle(m)
			}
		}()
	}
	err = q.feed(ctx, cons, n, drain, jobs, log)
	close(jobs)
	wg.Wait()
	return st, err
}

// feed fetches messages for the workers until ctx is cancelled or, when
// drain is set, nothing is left to settle.
func (q *Queue) feed(ctx context.Context, cons jetstream.Consumer, n int, drain bool, jobs chan<- jetstream.Msg, log *slog.Logger) error {
	for ctx.Err() == nil {
		if drain {
			// Fetch what is there now; stop when a fetch finds nothing
			// and nothing is out with a worker or waiting for a retry.
			batch, err := cons.FetchNoWait(n)
			if err != nil {
				return fmt.Errorf("queue: fetch: %w", err)
			}
			got := 0
			for m := range batch.Messages() {
				got++
				jobs <- m
			}
			if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) {
				return fmt.Errorf("queue: fetch: %w", err)
			}
			if got == 0 {
				left, err := q.inFlight(ctx, cons)
				if err != nil {
					return err
				}
				if left == 0 {
					return nil
				}
				select {
				case <-ctx.Done():
				case <-time.After(200 * time.Millisecond):
				}
			}
			continue
		}
		batch, err := cons.Fetch(n, jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			return fmt.Errorf("queue: fetch: %w", err)
		}
		for m := range batch.Messages() {
			jobs <- m
		}
		if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && ctx.Err() == nil {
			log.Warn("fetch ended early", "err", err)
		}
	}
	return nil
}

// inFlight returns the messages still to be settled: waiting in the
// stream (delivered or not).
func (q *Queue) inFlight(ctx context.Context, cons jetstream.Consumer) (uint64, error) {
	info, err := cons.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("queue: consumer info: %w", err)
	}
	return info.NumPending + uint64(info.NumAckPending), nil
}
