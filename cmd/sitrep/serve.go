package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/dedup"
	"github.com/sitrep/sitrep/ingest"
	"github.com/sitrep/sitrep/server"
	"github.com/sitrep/sitrep/source"
	"github.com/sitrep/sitrep/web"
)

type serveCmd struct {
	storeFlags
	pipelineFlags
	Addr         string        `help:"Address to listen on; loopback by default, so nothing is exposed unless asked." default:"127.0.0.1:8080" env:"SITREP_ADDR"`
	Token        string        `help:"Turn on the write endpoints (POST /api/v1/articles, /api/v1/feeds), guarded by this bearer token (16+ characters). Off when empty." env:"SITREP_TOKEN"`
	AllowHost    []string      `name:"allow-host" help:"Host names accepted besides localhost while listening on loopback (e.g. behind a reverse proxy)."`
	QueryTimeout time.Duration `help:"Longest time one query may take." default:"10s"`
	MaxPage      int           `help:"Most events, articles or actors in one page." default:"1000"`
}

func (c *serveCmd) Run(ctx context.Context, log *slog.Logger) error {
	store, dd, err := c.open(ctx, log, false)
	if err != nil {
		return err
	}
	defer store.Close()
	cfg := server.DefaultConfig()
	cfg.Addr, cfg.Token, cfg.AllowedHosts, cfg.QueryTimeout, cfg.MaxPage = c.Addr, c.Token, c.AllowHost, c.QueryTimeout, c.MaxPage
	if c.Token != "" {
		p, err := c.pipeline()
		if err != nil {
			return err
		}
		scfg, err := (&ingestCmd{storeFlags: c.storeFlags, MaxBytes: cfg.MaxBodyBytes}).sourceConfig(store)
		if err != nil {
			return err
		}
		cfg.Ingester = &storeIngester{store: store, pipeline: p, dedup: dd, sources: scfg, log: log}
	}
	return serve(ctx, log, cfg, store, false)
}

// serve runs the server on cfg.Addr with the embedded UI until ctx ends.
func serve(ctx context.Context, log *slog.Logger, cfg server.Config, store sitrep.Store, demo bool) error {
	cfg.Store, cfg.Assets, cfg.Demo, cfg.Version, cfg.Logger = store, web.Assets(), demo, version, log
	s, err := server.New(cfg)
	if err != nil {
		return err
	}
	return s.ListenAndServe(ctx, func(addr string) {
		writes := "off"
		if s.Writes() {
			writes = "on (token required)"
		}
		log.Info("serving", "url", "http://"+addr+"/", "writes", writes)
		fmt.Fprintf(os.Stderr, "sitrep: serving http://%s/ (API under /api/v1/, writes %s); Ctrl-C stops\n", addr, writes)
	})
}

// storeIngester codes what the write endpoints receive with the pipeline
// and stores it, as sitrep ingest does.
type storeIngester struct {
	store    sitrep.Store
	pipeline *sitrep.Pipeline
	dedup    dedup.Config
	sources  source.Config
	log      *slog.Logger
}

var _ server.Ingester = (*storeIngester)(nil)

func (in *storeIngester) IngestArticle(ctx context.Context, a sitrep.Article) (sitrep.PutResult, error) {
	if a.ID == "" {
		a.ID = sitrep.ContentID(a.Text)
	}
	fp := in.dedup.Of(&a)
	doc := sitrep.NewDocument(a)
	// An article already stored is not coded again; Put still records a
	// copy from another outlet, which needs no annotations.
	if _, seen, err := in.store.Seen(ctx, fp); err != nil || !seen {
		if err := in.pipeline.Run(ctx, doc); err != nil {
			return sitrep.PutResult{}, err
		}
	}
	return in.store.Put(ctx, sitrep.Coded{Doc: doc, Fingerprint: fp, Origin: "http"})
}

func (in *storeIngester) IngestFeed(ctx context.Context, url string) (server.FeedResult, error) {
	src, err := source.Open(url, in.sources)
	if err != nil {
		return server.FeedResult{}, err
	}
	st, err := ingest.Run(ctx, ingest.Config{Store: in.store, Pipeline: in.pipeline, Dedup: in.dedup, Logger: in.log},
		[]ingest.Named{{Name: url, Source: src}})
	return server.FeedResult{Read: st.Read, New: st.New, Copies: st.Copies, Duplicates: st.Duplicates, Bad: st.Bad,
		Events: st.Events, NewEvents: st.NewEvents}, err
}
