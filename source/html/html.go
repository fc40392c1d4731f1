// Package html reads news articles from HTML pages: the article body,
// title, publication date, site name and canonical URL, extracted with
// go-trafilatura (a Go port of trafilatura: boilerplate removal by tree
// heuristics, readability and DOM-distiller fallbacks; metadata from
// <meta>, OpenGraph and JSON-LD).
//
// The article text is the title line and the body's paragraphs separated
// by blank lines, the shape package clean expects. A page with no article
// text (a login wall, an index page, garbage) is an error item, never an
// empty article. Pages over Config.MaxBytes are refused before parsing.
package html

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	xhtml "golang.org/x/net/html"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/source/text"
)

// Config holds the extractor's settings.
type Config struct {
	// MaxBytes is the largest page parsed.
	MaxBytes int64
	// MinTextBytes is the least body text a page must yield to count as an
	// article.
	MinTextBytes int
	// Language is the language of articles whose page names none.
	Language string
	// Fallback lets trafilatura try its readability and DOM-distiller
	// fallbacks when its own extraction finds little; slower, more recall.
	Fallback bool
}

// DefaultConfig returns a 32 MiB page limit, 100 bytes of text at least,
// English, with fallbacks.
func DefaultConfig() Config {
	return Config{MaxBytes: 32 << 20, MinTextBytes: 100, Language: "en", Fallback: true}
}

// Validate checks the settings.
func (c Config) Validate() error {
	if c.MaxBytes <= 0 {
		return sitrep.Errorf(sitrep.EINVALID, "html MaxBytes %d: must be positive", c.MaxBytes)
	}
	if c.MinTextBytes < 0 {
		return sitrep.Errorf(sitrep.EINVALID, "html MinTextBytes %d: must not be negative", c.MinTextBytes)
	}
	return nil
}

// Extract reads an article from an HTML page. pageURL, when known, is the
// address the page was fetched from; the page's canonical URL wins over
// it.
func Extract(page []byte, pageURL string, cfg Config) (sitrep.Article, error) {
	var a sitrep.Article
	if int64(len(page)) > cfg.MaxBytes {
		return a, sitrep.Errorf(sitrep.ETOOLARGE, "the page has %d bytes, more than the limit of %d", len(page), cfg.MaxBytes)
	}
	if i := bytes.IndexByte(page, 0); i >= 0 {
		return a, sitrep.Errorf(sitrep.EINVALID, "binary data, not an HTML page (NUL byte at offset %d)", i)
	}
	if !utf8.Valid(page) && !declaresCharset(page) {
		return a, sitrep.Errorf(sitrep.EINVALID, "not valid UTF-8 and no charset declared; convert the page to UTF-8")
	}
	opts := trafilatura.Options{
		EnableFallback:  cfg.Fallback,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
		Deduplicate:     true,
	}
	if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	res, err := trafilatura.Extract(bytes.NewReader(page), opts)
	if err != nil {
		return a, sitrep.Errorf(sitrep.EINVALID, "no article found in the page: %v", err)
	}
	var rendered strings.Builder
	if res.ContentNode != nil {
		if err := xhtml.Render(&rendered, res.ContentNode); err != nil {
			return a, fmt.Errorf("render extracted article: %w", err)
		}
	}
	body := Text(rendered.String())
	if len(body) < cfg.MinTextBytes {
		return a, sitrep.Errorf(sitrep.EINVALID, "no article text found in the page (%d bytes of text, want at least %d)", len(body), cfg.MinTextBytes)
	}
	m := res.Metadata
	a.Title = strings.TrimSpace(m.Title)
	a.Text = body
	if a.Title != "" && !strings.HasPrefix(body, a.Title) {
		a.Text = a.Title + "\n\n" + body
	}
	a.URL = pageURL
	if m.URL != "" && strings.HasPrefix(m.URL, "http") {
		a.URL = m.URL
	}
	a.Outlet = strings.TrimSpace(m.Sitename)
	if a.Outlet == "" {
		if u, err := url.Parse(a.URL); err == nil && u.Hostname() != "" {
			a.Outlet = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
	}
	if !m.Date.IsZero() {
		a.Published = m.Date.UTC()
		if a.Published.Hour() == 0 && a.Published.Minute() == 0 && a.Published.Second() == 0 {
			a.Published = time.Date(a.Published.Year(), a.Published.Month(), a.Published.Day(), 0, 0, 0, 0, time.UTC)
		}
	}
	a.Language = cfg.Language
	if l := strings.ToLower(strings.TrimSpace(m.Language)); len(l) >= 2 {
		a.Language = l[:2]
	}
	a.ID = sitrep.ContentID(a.Text)
	return a, nil
}

// declaresCharset reports whether a page names its own character set in a
// meta tag, which the HTML parser then honours.
func declaresCharset(page []byte) bool {
	head := bytes.ToLower(page[:min(len(page), 2048)])
	return bytes.Contains(head, []byte("charset="))
}

// ReadFile reads an article from an HTML file, with sidecar metadata
// (NAME.meta.json) overriding what the page says.
func ReadFile(path string, cfg Config) (sitrep.Article, error) {
	b, err := text.ReadLimited(path, cfg.MaxBytes)
	if err != nil {
		return sitrep.Article{}, err
	}
	a, err := Extract(b, "", cfg)
	if err != nil {
		return a, err
	}
	m, err := text.ReadMeta(text.Sidecar(path))
	if err != nil {
		return a, err
	}
	for _, f := range []struct {
		dst *string
		v   string
	}{{&a.ID, m.ID}, {&a.Title, m.Title}, {&a.URL, m.URL}, {&a.Outlet, m.Outlet}, {&a.Language, m.Language}} {
		if f.v != "" {
			*f.dst = f.v
		}
	}
	if m.Published != "" {
		if a.Published, err = sitrep.ParsePublished(m.Published); err != nil {
			return a, fmt.Errorf("%s: %w", text.Sidecar(path), err)
		}
	}
	return a, nil
}

// Source yields the one article of an HTML file.
type Source struct {
	path string
	cfg  Config
	done bool
}

var _ sitrep.Source = (*Source)(nil)

// Open returns a source for the HTML file at path.
func Open(path string, cfg Config) *Source { return &Source{path: path, cfg: cfg} }

// Next reads and extracts the page.
func (s *Source) Next(ctx context.Context) (sitrep.Item, bool) {
	if s.done || ctx.Err() != nil {
		return sitrep.Item{}, false
	}
	s.done = true
	a, err := ReadFile(s.path, s.cfg)
	return sitrep.Item{Origin: s.path, Article: a, Err: err}, true
}

// Err is always nil: the file's trouble is its item's error.
func (s *Source) Err() error { return nil }

// Close does nothing.
func (s *Source) Close() error { return nil }

// ReadAll reads a whole reader up to max bytes, for callers holding a
// stream (a WARC record, an HTTP body).
func ReadAll(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("read page: %w", err)
	}
	if int64(len(b)) > max {
		return nil, sitrep.Errorf(sitrep.ETOOLARGE, "the page is larger than the limit of %d bytes", max)
	}
	return b, nil
}

// Text returns the text of an HTML fragment, one paragraph per block
// element, paragraphs separated by blank lines; scripts and styles are
// left out.
func Text(fragment string) string {
	z := xhtml.NewTokenizer(strings.NewReader(fragment))
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	skip := 0
	for {
		switch tt := z.Next(); tt {
		case xhtml.ErrorToken:
			flush()
			return strings.Join(paras, "\n\n")
		case xhtml.TextToken:
			if skip == 0 {
				cur.Write(z.Text())
			}
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				if tt == xhtml.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			case "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article":
				flush()
			default:
				cur.WriteByte(' ')
			}
		}
	}
}
