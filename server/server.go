// Package server serves sitrep's HTTP API under /api/v1/ and its web UI
// from one handler: filtered, cursor-paginated event lists as JSON and
// GeoJSON, event detail with every report, mention, evidence span and
// attribution chain, articles with their annotated text, actors with their
// relations, aggregates, exports, and, when a token is configured, writes
// that ingest an article or a feed. docs/serve.md describes every endpoint
// and openapi.yaml (served at /api/v1/openapi.json) is its machine-readable
// contract, checked against real responses by the tests.
//
// The server reads the store through small interfaces it defines itself
// (Reader, Ingester), so tests and other stores plug in without the rest
// of sitrep. Every request is bounded: the query string and body by size,
// a page by MaxPage events, a query by QueryTimeout (an export by
// ExportTimeout), and a failure is a JSON body {"code", "message"} with the
// status of one table (error.go).
//
// Settings: Addr (default 127.0.0.1:8080, loopback), QueryTimeout,
// ExportTimeout, IngestTimeout, MaxBodyBytes, MaxPage, MaxQueryText,
// Token (writes are off without it), AllowedHosts, Demo, Version.
package server

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/gzip"

	"github.com/sitrep/sitrep"
)

// EventReader is what the event endpoints need of a store.
type EventReader interface {
	Events(ctx context.Context, f sitrep.EventFilter) (sitrep.EventPage, error)
	EachEvent(ctx context.Context, f sitrep.EventFilter, fn func(*sitrep.EventRecord) error) error
	Event(ctx context.Context, id string) (*sitrep.EventRecord, error)
	Counts(ctx context.Context, f sitrep.EventFilter, by sitrep.CountBy) ([]sitrep.Count, error)
}

// ArticleReader is what the article endpoints need.
type ArticleReader interface {
	Article(ctx context.Context, id string) (*sitrep.ArticleRecord, error)
	Articles(ctx context.Context, f sitrep.ArticleFilter) (sitrep.ArticlePage, error)
}

// ActorReader is what the actor endpoints need.
type ActorReader interface {
	Actor(ctx context.Context, id string) (*sitrep.ActorRecord, error)
	Actors(ctx context.Context, f sitrep.ActorFilter) (sitrep.ActorPage, error)
}

// StatsReader is what /api/v1/stats needs.
type StatsReader interface {
	Stats(ctx context.Context) (sitrep.Stats, error)
}

// Reader is the read side of a store; every sitrep.Store is one.
type Reader interface {
	EventReader
	ArticleReader
	ActorReader
	StatsReader
}

// Ingester codes and stores what the write endpoints receive. The command
// wires it to the pipeline and the store; the server only calls it.
type Ingester interface {
	// IngestArticle codes one article and stores it (or recognises it as
	// a copy or a duplicate of a stored one).
	IngestArticle(ctx context.Context, a sitrep.Article) (sitrep.PutResult, error)
	// IngestFeed reads a feed URL, codes its new items and stores them.
	IngestFeed(ctx context.Context, url string) (FeedResult, error)
}

// FeedResult counts what ingesting a feed did.
type FeedResult struct {
	Read       int64 `json:"read"`
	New        int64 `json:"new"`
	Copies     int64 `json:"copies"`
	Duplicates int64 `json:"duplicates"`
	Bad        int64 `json:"bad"`
	Events     int64 `json:"events"`
	NewEvents  int64 `json:"new_events"`
}

// Config holds the server's settings and what it serves.
type Config struct {
	// Addr is the address ListenAndServe listens on; a loopback address
	// by default, so nothing is exposed unless asked.
	Addr string
	// QueryTimeout bounds one query (lists, details, aggregates).
	QueryTimeout time.Duration
	// ExportTimeout bounds one export, which streams every matching event.
	ExportTimeout time.Duration
	// IngestTimeout bounds one write (coding an article, reading a feed).
	IngestTimeout time.Duration
	// MaxBodyBytes is the largest request body accepted (a POSTed article).
	MaxBodyBytes int64
	// MaxPage is the most events, articles or actors one page may hold.
	MaxPage int
	// MaxQueryText is the longest text query or actor name, in bytes.
	MaxQueryText int
	// Token, when set with an Ingester, turns the write endpoints on;
	// they then require "Authorization: Bearer TOKEN".
	Token string
	// AllowedHosts are the Host header values accepted besides loopback
	// names when the server listens on loopback (a guard against DNS
	// rebinding: a web page cannot make a browser read a local server
	// under its own host name). Ignored when listening elsewhere.
	AllowedHosts []string
	// Demo tells the UI that the store holds the team's demonstration
	// reports, which it then says on every page.
	Demo    bool
	Version string
	Logger  *slog.Logger

	// Store is read by every endpoint; required.
	Store Reader
	// Ingester serves the write endpoints; nil leaves them off.
	Ingester Ingester
	// Assets is the web UI (package web); nil serves the API alone.
	Assets fs.FS
}

// DefaultConfig returns the settings sitrep serve uses.
func DefaultConfig() Config {
	return Config{
		Addr:          "127.0.0.1:8080",
		QueryTimeout:  10 * time.Second,
		ExportTimeout: 10 * time.Minute,
		IngestTimeout: 2 * time.Minute,
		MaxBodyBytes:  8 << 20,
		MaxPage:       sitrep.MaxLimit,
		MaxQueryText:  500,
		Version:       "dev",
	}
}

// Validate checks the settings and names the one that is wrong.
func (c *Config) Validate() error {
	switch {
	case c.Store == nil:
		return sitrep.Errorf(sitrep.EINVALID, "server: Store is required")
	case c.QueryTimeout <= 0:
		return sitrep.Errorf(sitrep.EINVALID, "server: QueryTimeout %v must be positive", c.QueryTimeout)
	case c.ExportTimeout <= 0:
		return sitrep.Errorf(sitrep.EINVALID, "server: ExportTimeout %v must be positive", c.ExportTimeout)
	case c.IngestTimeout <= 0:
		return sitrep.Errorf(sitrep.EINVALID, "server: IngestTimeout %v must be positive", c.IngestTimeout)
	case c.MaxBodyBytes < 1<<10:
		return sitrep.Errorf(sitrep.EINVALID, "server: MaxBodyBytes %d is under 1 KiB", c.MaxBodyBytes)
	case c.MaxPage < 1 || c.MaxPage > sitrep.MaxLimit:
		return sitrep.Errorf(sitrep.EINVALID, "server: MaxPage %d must be 1..%d (the store's largest page)", c.MaxPage, sitrep.MaxLimit)
	case c.MaxQueryText < 1:
		return sitrep.Errorf(sitrep.EINVALID, "server: MaxQueryText %d must be positive", c.MaxQueryText)
	case c.Token != "" && len(c.Token) < 16:
		return sitrep.Errorf(sitrep.EINVALID, "server: Token is %d characters; use at least 16 (openssl rand -hex 16)", len(c.Token))
	case c.Token != "" && c.Ingester == nil:
		return sitrep.Errorf(sitrep.EINVALID, "server: Token is set but there is no Ingester to write with")
	}
	return nil
}

// Server is sitrep's HTTP server.
type Server struct {
	cfg     Config
	log     *slog.Logger
	handler http.Handler
	routes  []route
	openapi []byte // the OpenAPI document as JSON

	mu   sync.Mutex
	addr net.Addr // where Serve listens, once it does
}

// route is one API path and the handler of each of its methods.
type route struct {
	pattern string
	methods map[string]http.HandlerFunc
}

// New returns a server for the config.
func New(cfg Config) (*Server, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	spec, err := openAPIJSON()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, log: log, openapi: spec}
	s.handler = s.buildHandler()
	return s, nil
}

// Handler returns the server's handler: the API, /healthz and the UI.
func (s *Server) Handler() http.Handler { return s.handler }

// Writes reports whether the write endpoints are on.
func (s *Server) Writes() bool { return s.cfg.Token != "" && s.cfg.Ingester != nil }

func (s *Server) buildHandler() http.Handler {
	s.routes = []route{
		{"/api/v1/events", map[string]http.HandlerFunc{"GET": s.query(s.events)}},
		{"/api/v1/events.geojson", map[string]http.HandlerFunc{"GET": s.query(s.eventsGeoJSON)}},
		{"/api/v1/events/{id}", map[string]http.HandlerFunc{"GET": s.query(s.event)}},
		{"/api/v1/counts", map[string]http.HandlerFunc{"GET": s.query(s.counts)}},
		{"/api/v1/export", map[string]http.HandlerFunc{"GET": s.export}},
		{"/api/v1/articles", map[string]http.HandlerFunc{"GET": s.query(s.articles), "POST": s.write(s.postArticle)}},
		{"/api/v1/articles/{id}", map[string]http.HandlerFunc{"GET": s.query(s.article)}},
		{"/api/v1/feeds", map[string]http.HandlerFunc{"POST": s.write(s.postFeed)}},
		{"/api/v1/actors", map[string]http.HandlerFunc{"GET": s.query(s.actors)}},
		{"/api/v1/actors/{id}", map[string]http.HandlerFunc{"GET": s.query(s.actor)}},
		{"/api/v1/stats", map[string]http.HandlerFunc{"GET": s.query(s.stats)}},
		{"/api/v1/info", map[string]http.HandlerFunc{"GET": s.info}},
		{"/api/v1/openapi.json", map[string]http.HandlerFunc{"GET": s.openAPI}},
		{"/healthz", map[string]http.HandlerFunc{"GET": s.healthz}},
	}
	mux := http.NewServeMux()
	for _, rt := range s.routes {
		mux.HandleFunc(rt.pattern, s.dispatch(rt))
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, sitrep.Errorf(sitrep.ENOTFOUND, "no API endpoint %s; see /api/v1/openapi.json for the list", r.URL.Path))
	})
	if s.cfg.Assets != nil {
		mux.Handle("/", s.ui())
	} else {
		mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			s.writeError(w, r, sitrep.Errorf(sitrep.ENOTFOUND, "this server has no web UI; the API is under /api/v1/"))
		})
	}
	return s.recoverer(s.logRequests(s.guardHost(secure(mux))))
}

// dispatch sends a request to its method's handler, or answers 405 with
// the methods the path has.
func (s *Server) dispatch(rt route) http.HandlerFunc {
	var allow []string
	for m := range rt.methods {
		allow = append(allow, m)
	}
	if _, ok := rt.methods["GET"]; ok {
		allow = append(allow, "HEAD")
	}
	slices.Sort(allow)
	return func(w http.ResponseWriter, r *http.Request) {
		m := r.Method
		if m == http.MethodHead {
			m = http.MethodGet
		}
		h, ok := rt.methods[m]
		if !ok {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			s.writeError(w, r, apiError(eMethod, "%s %s: this path takes %s", r.Method, r.URL.Path, strings.Join(allow, ", ")))
			return
		}
		h(w, r)
	}
}

// query bounds a read by QueryTimeout.
func (s *Server) query(h func(w http.ResponseWriter, r *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
		defer cancel()
		r = r.WithContext(ctx)
		w.Header().Set("Cache-Control", "no-cache")
		if err := h(w, r); err != nil {
			s.writeError(w, r, err)
		}
	}
}

// write guards a write endpoint: on only when configured, with the token,
// a bounded body and IngestTimeout.
func (s *Server) write(h func(w http.ResponseWriter, r *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.Writes() {
			s.writeError(w, r, apiError(eDisabled, "writes are off on this server; start it with a token (sitrep serve --token, or SITREP_TOKEN) to ingest over HTTP"))
			return
		}
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.cfg.Token)) != 1 {
			s.writeError(w, r, apiError(eUnauthorized, "this endpoint needs the server's token as \"Authorization: Bearer TOKEN\""))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.IngestTimeout)
		defer cancel()
		if err := h(w, r.WithContext(ctx)); err != nil {
			var mb *http.MaxBytesError
			if errors.As(err, &mb) {
				err = sitrep.Errorf(sitrep.ETOOLARGE, "the body is over %d bytes, the server's limit", mb.Limit)
			}
			s.writeError(w, r, err)
		}
	}
}

// secure sets the headers that keep a page of untrusted article text from
// running anything: a content security policy that allows only the
// server's own scripts and styles, no framing, no sniffing, no referrer.
func secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
			"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		h.ServeHTTP(w, r)
	})
}

// guardHost refuses Host headers other than loopback names and
// AllowedHosts while the server listens on loopback.
func (s *Server) guardHost(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.listensOnLoopback() && !s.hostAllowed(r.Host) {
			s.writeError(w, r, sitrep.Errorf(sitrep.EINVALID, "host %q is not served here: this server listens on loopback and answers only to localhost, 127.0.0.1 and [::1] (add names with --allow-host)", r.Host))
			return
		}
		h.ServeHTTP(w, r)
	})
}

func (s *Server) listensOnLoopback() bool {
	s.mu.Lock()
	a := s.addr
	s.mu.Unlock()
	if a == nil {
		return false
	}
	ta, ok := a.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}

func (s *Server) hostAllowed(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(strings.ToLower(host), "[]")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return true
	}
	for _, a := range s.cfg.AllowedHosts {
		if strings.EqualFold(a, host) {
			return true
		}
	}
	return false
}

// statusWriter records the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests logs each request at debug level, and server errors and slow
// requests as warnings.
func (s *Server) logRequests(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		d := time.Since(start)
		level := slog.LevelDebug
		if sw.status >= 500 || d > s.cfg.QueryTimeout/2 {
			level = slog.LevelWarn
		}
		if s.log.Enabled(r.Context(), level) {
			s.log.Log(r.Context(), level, "request", append(logAttrs(r, sw.status), "query", r.URL.RawQuery,
				"bytes", sw.bytes, "elapsed", d.Round(time.Microsecond))...)
		}
	})
}

// recoverer turns a panic in a handler into a logged 500 instead of a
// dropped connection.
func (s *Server) recoverer(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				s.writeJSON(w, r, http.StatusInternalServerError, errorBody{Code: sitrep.EINTERNAL, Message: "internal error"})
			}
		}()
		h.ServeHTTP(w, r)
	})
}

// bufPool holds the buffers JSON answers are encoded into.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

var gzipPool = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return w
}}

// minGzip is the smallest answer worth compressing.
const minGzip = 1400

// writeJSON encodes v and writes it with its length, gzip-compressed when
// the client accepts it and the answer is large enough to gain.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= 4<<20 {
			bufPool.Put(buf)
		}
	}()
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		s.log.Error("encode response", "path", r.URL.Path, "err", err)
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"code":"internal","message":"internal error"}` + "\n")
	}
	s.writeBody(w, r, status, "application/json", buf.Bytes())
}

// writeBody writes a complete body, compressed when that pays.
func (s *Server) writeBody(w http.ResponseWriter, r *http.Request, status int, contentType string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Add("Vary", "Accept-Encoding")
	if len(body) >= minGzip && acceptsGzip(r) {
		zbuf := bufPool.Get().(*bytes.Buffer)
		zbuf.Reset()
		defer bufPool.Put(zbuf)
		zw := gzipPool.Get().(*gzip.Writer)
		zw.Reset(zbuf)
		_, err := zw.Write(body)
		if err == nil {
			err = zw.Close()
		}
		gzipPool.Put(zw)
		if err == nil {
			h.Set("Content-Encoding", "gzip")
			body = zbuf.Bytes()
		}
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// ListenAndServe listens on Addr and serves until ctx is done, then shuts
// down gracefully. ready, when not nil, is called with the address once
// the server listens (useful with port 0).
func (s *Server) ListenAndServe(ctx context.Context, ready func(addr string)) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (is another server there? choose another --addr)", s.cfg.Addr, err)
	}
	return s.Serve(ctx, ln, ready)
}

// Serve serves on ln until ctx is done, then shuts down gracefully, giving
// requests in flight a few seconds to finish.
func (s *Server) Serve(ctx context.Context, ln net.Listener, ready func(addr string)) error {
	s.mu.Lock()
	s.addr = ln.Addr()
	s.mu.Unlock()
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.cfg.IngestTimeout,
		WriteTimeout:      max(s.cfg.ExportTimeout, s.cfg.IngestTimeout, s.cfg.QueryTimeout) + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	if ready != nil {
		ready(ln.Addr().String())
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}
