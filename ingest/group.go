package ingest

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/sitrep/sitrep"
)

// Group writes articles that many goroutines hand it in shared
// transactions, as Run's writer does for one process's sources: a queue
// worker codes each message's article on its own goroutine and calls Put,
// which returns once the group holding the article has committed (or
// failed). A message acknowledged after Put returns without error is
// therefore stored, and a worker killed mid-group leaves the group's
// messages unacknowledged for the broker to hand out again; the store,
// idempotent, stores each once.
//
// A group is committed when it holds Batch articles or Wait after its
// first came, whichever is first. A store that is not a Batcher gets a
// Put per article.
type Group struct {
	store   sitrep.Store
	batcher Batcher
	batch   int
	wait    time.Duration

	in   chan groupReq
	done chan struct{}
	once sync.Once
}

type groupReq struct {
	ctx   context.Context
	c     sitrep.Coded
	reply chan groupRes
}

type groupRes struct {
	res sitrep.PutResult
	err error
}

// NewGroup starts a group writer on store; batch 0 means DefaultBatch and
// wait 0 DefaultBatchWait. Close stops it.
func NewGroup(store sitrep.Store, batch int, wait time.Duration) *Group {
	g := &Group{store: store, in: make(chan groupReq), done: make(chan struct{})}
	g.batcher, g.batch, g.wait = grouping(store, batch, wait)
	go g.run()
	return g
}

// Put stores one coded article with the others of its group and returns
// what the store did with it. An error coded EINVALID or ETOOLARGE is the
// article's own bad input; any other means it was not stored (its group
// failed, or an article before it in the group failed and the rest were
// not attempted) and may be tried again.
func (g *Group) Put(ctx context.Context, c sitrep.Coded) (sitrep.PutResult, error) {
	r := groupReq{ctx: ctx, c: c, reply: make(chan groupRes, 1)}
	select {
	case g.in <- r:
	case <-g.done:
		return sitrep.PutResult{}, fmt.Errorf("store article %s: the group writer is closed", c.Doc.Article.ID)
	case <-ctx.Done():
		return sitrep.PutResult{}, ctx.Err()
	}
	// Once taken, the article is written or failed whatever ctx does, so
	// the answer always comes.
	out := <-r.reply
	return out.res, out.err
}

// Close stops the writer after the group in hand is written. Puts after
// Close fail.
func (g *Group) Close() {
	g.once.Do(func() { close(g.done) })
}

func (g *Group) run() {
	var group []groupReq
	timer := time.NewTimer(g.wait)
	timer.Stop()
	var due <-chan time.Time
	for {
		select {
		case r := <-g.in:
			group = append(group, r)
			if len(group) == 1 && g.batch > 1 {
				timer.Reset(g.wait)
				due = timer.C
			}
			if len(group) < g.batch {
				continue
			}
			timer.Stop()
		case <-due:
		case <-g.done:
			timer.Stop()
			g.flush(group)
			return
		}
		due = nil
		g.flush(group)
		group = group[:0]
	}
}

// flush writes a group in one transaction and answers each article.
func (g *Group) flush(group []groupReq) {
	if len(group) == 0 {
		return
	}
	// The group outlives any one caller: it is written unless every
	// caller has given up.
	ctx := context.WithoutCancel(group[0].ctx)
	if g.batcher == nil {
		for _, r := range group {
			res, err := g.store.Put(ctx, r.c)
			r.reply <- groupRes{res, err}
		}
		return
	}
	cs := make([]sitrep.Coded, len(group))
	for i, r := range group {
		cs[i] = r.c
	}
	res, errs, err := g.batcher.PutBatch(ctx, cs)
	for i, r := range group {
		switch {
		case err != nil:
			r.reply <- groupRes{err: fmt.Errorf("store %d articles in one transaction: %w", len(group), err)}
		case i < len(res):
			r.reply <- groupRes{res[i], errs[i]}
		default:
			r.reply <- groupRes{err: fmt.Errorf("store article %s: not attempted, an article before it in its group failed: %w",
				r.c.Doc.Article.ID, errs[len(errs)-1])}
		}
	}
}

// Code fingerprints an article and, unless the store already has it,
// runs the pipeline on it, for Group.Put (or Store.Put). A pipeline or
// input failure comes back with its code (EINVALID for bad input). cfg
// must have passed Validate, once, before the first article.
func Code(ctx context.Context, cfg *Config, origin string, a sitrep.Article) (sitrep.Coded, error) {
	r := code(ctx, cfg, job{origin: origin, a: a})
	return r.c, r.err
}
