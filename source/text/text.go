// Package text reads reports from plain-text and Markdown files: one file,
// one article. Metadata comes from a sidecar NAME.meta.json beside the
// file ({"id", "title", "published", "url", "outlet", "language"}), as
// sitrep extract reads it; Markdown loses its markup (headings, emphasis,
// link targets, images) so the pipeline sees the words, and its first
// heading becomes the title when the sidecar gives none.
//
// A file that is not text — invalid UTF-8, NUL bytes, mostly control
// characters — or larger than Config.MaxBytes is reported as a bad item
// with the reason, never read as an article.
package text

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// Config holds the reader's settings.
type Config struct {
	// MaxBytes is the largest file read; larger files are reported and
	// skipped without being read.
	MaxBytes int64
	// Language is the language of articles whose metadata names none.
	Language string
}

// DefaultConfig returns a 32 MiB limit and English.
func DefaultConfig() Config { return Config{MaxBytes: 32 << 20, Language: "en"} }

// Validate checks the settings.
func (c Config) Validate() error {
	if c.MaxBytes <= 0 {
		return sitrep.Errorf(sitrep.EINVALID, "text MaxBytes %d: must be positive", c.MaxBytes)
	}
	return nil
}

// Source yields the one article of a file.
type Source struct {
	path string
	cfg  Config
	done bool
}

var _ sitrep.Source = (*Source)(nil)

// Open returns a source for the file at path. Nothing is read until Next.
func Open(path string, cfg Config) *Source { return &Source{path: path, cfg: cfg} }

// Next reads the file.
func (s *Source) Next(ctx context.Context) (sitrep.Item, bool) {
	if s.done || ctx.Err() != nil {
		return sitrep.Item{}, false
	}
	s.done = true
	a, err := ReadFile(s.path, s.cfg)
	return sitrep.Item{Origin: s.path, Article: a, Err: err}, true
}

// Err is always nil: a single file's trouble is its item's error.
func (s *Source) Err() error { return nil }

// Close does nothing; the file is closed after reading.
func (s *Source) Close() error { return nil }

// ReadFile reads one report file and its sidecar metadata.
func ReadFile(path string, cfg Config) (sitrep.Article, error) {
	var a sitrep.Article
	b, err := ReadLimited(path, cfg.MaxBytes)
	if err != nil {
		return a, err
	}
	if err := CheckText(b); err != nil {
		return a, err
	}
	a.Text = string(b)
	md := IsMarkdown(path)
	if md {
		a.Text = Markdown(a.Text)
	}
	m, err := ReadMeta(Sidecar(path))
	if err != nil {
		return a, err
	}
	if err := m.Apply(&a); err != nil {
		return a, fmt.Errorf("%s: %w", Sidecar(path), err)
	}
	if a.Title == "" && md {
		a.Title = markdownTitle(string(b))
	}
	if a.Language == "" {
		a.Language = cfg.Language
	}
	if strings.TrimSpace(a.Text) == "" {
		return a, sitrep.Errorf(sitrep.EINVALID, "the file is empty")
	}
	if a.ID == "" {
		a.ID = sitrep.ContentID(a.Text)
	}
	return a, nil
}

// ReadLimited reads a whole file, refusing one larger than max bytes
// before reading it.
func ReadLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, "open: %v", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > max {
		return nil, sitrep.Errorf(sitrep.ETOOLARGE, "the file has %d bytes, more than the limit of %d; raise --max-bytes or split it", st.Size(), max)
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(b)) > max {
		return nil, sitrep.Errorf(sitrep.ETOOLARGE, "more than the limit of %d bytes; raise --max-bytes or split it", max)
	}
	return b, nil
}

// CheckText reports why bytes are not a text report: invalid UTF-8, NUL
// bytes, or more than 1% control characters (binary data).
func CheckText(b []byte) error {
	if !utf8.Valid(b) {
		off := 0
		for off < len(b) {
			r, n := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return sitrep.Errorf(sitrep.EINVALID, "not valid UTF-8 (first bad byte at offset %d); convert it to UTF-8", off)
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return sitrep.Errorf(sitrep.EINVALID, "binary data, not text (NUL byte at offset %d)", i)
	}
	ctl := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	if ctl > len(b)/100+1 {
		return sitrep.Errorf(sitrep.EINVALID, "binary data, not text (%d control characters)", ctl)
	}
	return nil
}

// Meta is the sidecar metadata of a report.
type Meta struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Language  string `json:"language"`
}

// Apply copies the metadata into an article.
func (m Meta) Apply(a *sitrep.Article) error {
	a.ID, a.Title, a.URL, a.Outlet, a.Language = m.ID, m.Title, m.URL, m.Outlet, m.Language
	if m.Published != "" {
		t, err := sitrep.ParsePublished(m.Published)
		if err != nil {
			return err
		}
		a.Published = t
	}
	return nil
}

// Sidecar returns the metadata file of a report: FILE.meta.json, or
// NAME.meta.json beside NAME.txt, whichever exists (the first if neither).
func Sidecar(file string) string {
	full := file + ".meta.json"
	if _, err := os.Stat(full); err == nil {
		return full
	}
	if ext := filepath.Ext(file); ext != "" {
		short := strings.TrimSuffix(file, ext) + ".meta.json"
		if _, err := os.Stat(short); err == nil {
			return short
		}
	}
	return full
}

// ReadMeta reads a sidecar metadata file; a missing one is no error.
func ReadMeta(name string) (Meta, error) {
	var m Meta
	b, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return m, fmt.Errorf("read %s: %w", name, err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, sitrep.Errorf(sitrep.EINVALID, "%s is not valid JSON metadata: %v", name, err)
	}
	return m, nil
}

// IsMarkdown reports whether a file name has a Markdown extension.
func IsMarkdown(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return true
	}
	return false
}

var (
	mdImage    = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdRefLink  = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	mdRefDef   = regexp.MustCompile(`(?m)^[ \t]{0,3}\[[^\]]+\]:[ \t]+\S+.*$`)
	mdHeading  = regexp.MustCompile(`(?m)^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$`)
	mdEmphasis = regexp.MustCompile(`(\*\*|__|\*|_|~~)([^\s*_~](?:[^*_~]*[^\s*_~])?)(\*\*|__|\*|_|~~)`)
	mdCode     = regexp.MustCompile("`([^`]+)`")
	mdQuote    = regexp.MustCompile(`(?m)^[ \t]{0,3}>[ \t]?`)
	mdRule     = regexp.MustCompile(`(?m)^[ \t]{0,3}([-*_])([ \t]*([-*_])){2,}[ \t]*$`)
	mdFence    = regexp.MustCompile("(?m)^[ \\t]{0,3}(```|~~~).*$")
	mdHTML     = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
)

// Markdown returns the words of a Markdown text without its markup:
// headings keep their text, links their label, emphasis its words; images,
// reference definitions, rules, fences and inline HTML tags go.
func Markdown(s string) string {
	s = mdFence.ReplaceAllString(s, "")
	s = mdRefDef.ReplaceAllString(s, "")
	s = mdRule.ReplaceAllString(s, "")
	s = mdImage.ReplaceAllString(s, "")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdRefLink.ReplaceAllString(s, "$1")
	s = mdHeading.ReplaceAllString(s, "$1")
	s = mdQuote.ReplaceAllString(s, "")
	s = mdCode.ReplaceAllString(s, "$1")
	for range 2 { // nested emphasis
		s = mdEmphasis.ReplaceAllString(s, "$2")
	}
	s = mdHTML.ReplaceAllString(s, "")
	return s
}

func markdownTitle(s string) string {
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "# ") {
			return Markdown(strings.TrimSpace(t[2:]))
		}
		if t != "" && !strings.HasPrefix(t, "#") {
			break
		}
	}
	return ""
}
