// Package feed reads articles from RSS, Atom and JSON feeds (parsed with
// github.com/mmcdole/gofeed): each item's linked page is fetched and its
// article extracted (package html), falling back to the item's own content
// when the page cannot be had.
//
// Feeds are fetched with conditional GET: the ETag and Last-Modified of
// each feed are kept in a State (FileState keeps them in a JSON file
// between runs), so polling an unchanged feed costs one 304 response.
// Config.Skip lets the caller skip items it already holds before their
// pages are fetched.
package feed

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/source/html"
	"github.com/sitrep/sitrep/source/text"
)

// Config holds the reader's settings.
type Config struct {
	// Client fetches feeds and pages; http.DefaultClient with Timeout
	// when nil.
	Client *http.Client
	// Timeout bounds each request.
	Timeout time.Duration
	// UserAgent is sent with every request.
	UserAgent string
	// MaxBytes bounds a feed document.
	MaxBytes int64
	// FetchLinks fetches each item's page for the full article.
	FetchLinks bool
	// HTML configures article extraction from pages and item content.
	HTML html.Config
	// State keeps conditional-GET validators; in memory when nil.
	State State
	// Skip, when set, is asked before an item's page is fetched; true
	// skips the item (it is already stored).
	Skip func(ctx context.Context, url string) bool
}

// DefaultConfig returns a 30-second timeout, 16 MiB feeds, linked pages
// fetched.
func DefaultConfig() Config {
	return Config{Timeout: 30 * time.Second, UserAgent: "sitrep (+https://github.com/sitrep/sitrep)", MaxBytes: 16 << 20,
		FetchLinks: true, HTML: html.DefaultConfig()}
}

// Validate checks the settings.
func (c Config) Validate() error {
	if c.MaxBytes <= 0 {
		return sitrep.Errorf(sitrep.EINVALID, "feed MaxBytes %d: must be positive", c.MaxBytes)
	}
	if c.Timeout < 0 {
		return sitrep.Errorf(sitrep.EINVALID, "feed Timeout %v: must not be negative", c.Timeout)
	}
	return c.HTML.Validate()
}

// Validators are what a server said about a feed for conditional GET.
type Validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// State keeps validators between fetches.
type State interface {
	Get(feedURL string) Validators
	Put(feedURL string, v Validators) error
}

// memState is the default in-memory State.
type memState struct {
	mu sync.Mutex
	m  map[string]Validators
}

func (s *memState) Get(u string) Validators {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[u]
}

func (s *memState) Put(u string, v Validators) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string]Validators{}
	}
	s.m[u] = v
	return nil
}

// NewMemState returns a State in memory.
func NewMemState() State { return &memState{} }

// FileState is a State kept in a JSON file, rewritten atomically on each
// change.
type FileState struct {
	path string
	mem  memState
}

// OpenFileState reads (or starts) the state file at path.
func OpenFileState(path string) (*FileState, error) {
	s := &FileState{path: path}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read feed state %s: %w", path, err)
	}
	if err := json.Unmarshal(b, &s.mem.m); err != nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, "feed state %s is not valid JSON (%v); delete it to start afresh", path, err)
	}
	return s, nil
}

// Path returns the file the state is kept in.
func (s *FileState) Path() string { return s.path }

// Get returns the validators of a feed.
func (s *FileState) Get(u string) Validators { return s.mem.Get(u) }

// Put records the validators of a feed and saves the file.
func (s *FileState) Put(u string, v Validators) error {
	if err := s.mem.Put(u, v); err != nil {
		return err
	}
	s.mem.mu.Lock()
	b, err := json.MarshalIndent(s.mem.m, "", "  ")
	s.mem.mu.Unlock()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return fmt.Errorf("save feed state: %w", err)
	}
	tmp := s.path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("save feed state: %w", err)
	}
	return os.Rename(tmp, s.path)
}

// Source yields the articles of one feed, by URL or file.
type Source struct {
	loc    string // URL or path
	remote bool
	cfg    Config
	items  []*gofeed.Item
	title  string
	i      int
	loaded bool
	err    error
}

var _ sitrep.Source = (*Source)(nil)

// Open returns a source for the feed at a URL. Nothing is fetched until
// Next.
func Open(feedURL string, cfg Config) *Source {
	return &Source{loc: feedURL, remote: true, cfg: withDefaults(cfg)}
}

// OpenFile returns a source for a feed document on disk.
func OpenFile(path string, cfg Config) *Source {
	return &Source{loc: path, cfg: withDefaults(cfg)}
}

func withDefaults(cfg Config) Config {
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: cfg.Timeout}
	}
	if cfg.State == nil {
		cfg.State = NewMemState()
	}
	return cfg
}

// Next returns the next item's article.
func (s *Source) Next(ctx context.Context) (sitrep.Item, bool) {
	if !s.loaded {
		s.loaded = true
		s.err = s.load(ctx)
	}
	for s.i < len(s.items) && ctx.Err() == nil {
		it := s.items[s.i]
		s.i++
		link := strings.TrimSpace(it.Link)
		origin := s.loc + "#" + itemKey(it, s.i)
		if link != "" {
			origin = link
		}
		if link != "" && s.cfg.Skip != nil && s.cfg.Skip(ctx, link) {
			continue
		}
		a, err := s.article(ctx, it, link)
		return sitrep.Item{Origin: origin, Article: a, Err: err}, true
	}
	return sitrep.Item{}, false
}

func itemKey(it *gofeed.Item, i int) string {
	if it.GUID != "" {
		return it.GUID
	}
	return fmt.Sprint("item", i)
}

// Err returns what stopped the feed from being read.
func (s *Source) Err() error { return s.err }

// Close does nothing: responses are closed as they are read.
func (s *Source) Close() error { return nil }

// load fetches (conditionally) or reads the feed and parses it.
func (s *Source) load(ctx context.Context) error {
	var body []byte
	if s.remote {
		b, notModified, err := s.fetchFeed(ctx)
		if err != nil {
			return err
		}
		if notModified {
			return nil
		}
		body = b
	} else {
		b, err := text.ReadLimited(s.loc, s.cfg.MaxBytes)
		if err != nil {
			return fmt.Errorf("feed %s: %w", s.loc, err)
		}
		body = b
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return sitrep.Errorf(sitrep.EINVALID, "feed %s is not an RSS, Atom or JSON feed: %v", s.loc, err)
	}
	s.items, s.title = f.Items, strings.TrimSpace(f.Title)
	return nil
}

func (s *Source) get(ctx context.Context, u string, v Validators) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, "bad URL %q: %v", u, err)
	}
	req.Header.Set("User-Agent", s.cfg.UserAgent)
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	return s.cfg.Client.Do(req)
}

func (s *Source) fetchFeed(ctx context.Context) ([]byte, bool, error) {
	resp, err := s.get(ctx, s.loc, s.cfg.State.Get(s.loc))
	if err != nil {
		return nil, false, fmt.Errorf("fetch feed %s: %w", s.loc, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return nil, true, nil
	}
	if resp.StatusCode != http.StatusOK {
		return nil, false, fmt.Errorf("fetch feed %s: %s", s.loc, resp.Status)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, s.cfg.MaxBytes+1))
	if err != nil {
		return nil, false, fmt.Errorf("fetch feed %s: %w", s.loc, err)
	}
	if int64(len(b)) > s.cfg.MaxBytes {
		return nil, false, sitrep.Errorf(sitrep.ETOOLARGE, "feed %s is larger than %d bytes", s.loc, s.cfg.MaxBytes)
	}
	v := Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	if v != (Validators{}) {
		if err := s.cfg.State.Put(s.loc, v); err != nil {
			return nil, false, err
		}
	}
	return b, false, nil
}

// article builds an item's article: the linked page's when it can be
// fetched and read, else the item's own content.
func (s *Source) article(ctx context.Context, it *gofeed.Item, link string) (sitrep.Article, error) {
	var a sitrep.Article
	var pageErr error
	if link != "" && s.cfg.FetchLinks && strings.HasPrefix(link, "http") {
		a, pageErr = s.page(ctx, link)
	}
	if link == "" || !s.cfg.FetchLinks || pageErr != nil {
		content := it.Content
		if len(content) < len(it.Description) {
			content = it.Description
		}
		body := html.Text(content)
		if len(body) < s.cfg.HTML.MinTextBytes {
			if pageErr != nil {
				return a, fmt.Errorf("page: %w; and the item's own text is too short to use (%d bytes)", pageErr, len(body))
			}
			return a, sitrep.Errorf(sitrep.EINVALID, "the item has %d bytes of text, want at least %d", len(body), s.cfg.HTML.MinTextBytes)
		}
		a = sitrep.Article{Text: body, URL: link, Language: s.cfg.HTML.Language}
		if t := strings.TrimSpace(it.Title); t != "" && !strings.HasPrefix(body, t) {
			a.Text = t + "\n\n" + body
		}
		a.ID = sitrep.ContentID(a.Text)
	}
	if t := strings.TrimSpace(it.Title); t != "" {
		a.Title = t
	}
	if a.URL == "" {
		a.URL = link
	}
	if s.title != "" {
		a.Outlet = s.title
	}
	switch {
	case it.PublishedParsed != nil:
		a.Published = it.PublishedParsed.UTC()
	case it.UpdatedParsed != nil && a.Published.IsZero():
		a.Published = it.UpdatedParsed.UTC()
	}
	return a, nil
}

func (s *Source) page(ctx context.Context, link string) (sitrep.Article, error) {
	resp, err := s.get(ctx, link, Validators{})
	if err != nil {
		return sitrep.Article{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return sitrep.Article{}, fmt.Errorf("fetch %s: %s", link, resp.Status)
	}
	b, err := html.ReadAll(resp.Body, s.cfg.HTML.MaxBytes)
	if err != nil {
		return sitrep.Article{}, err
	}
	return html.Extract(b, link, s.cfg.HTML)
}
