// Package warc reads articles from WARC archives such as news crawls
// (github.com/internetarchive/gowarc: plain or gzip-member files). Only
// response records of http(s) pages served as HTML are read; request,
// metadata, resource, revisit and warcinfo records are passed over. Each
// page's article is extracted by package html, with the record's target
// URI as its URL and its WARC-Date as the publication time when the page
// gives none.
//
// A record whose page is not an article is an error item named
// FILE#N (the record's position) with its URL; a damaged archive (a
// truncated gzip member, a broken header) ends the source with Err naming
// the last good record, after every record before it was read.
package warc

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	gowarc "github.com/internetarchive/gowarc"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/source/html"
)

// Source yields the articles of one WARC file.
type Source struct {
	path string
	cfg  html.Config
	f    *os.File
	r    *gowarc.Reader
	n    int // records read
	err  error
	done bool
}

var _ sitrep.Source = (*Source)(nil)

// Open opens a WARC file (.warc or .warc.gz).
func Open(path string, cfg html.Config) (*Source, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, "open %s: %v", path, err)
	}
	// Only gzip-member and uncompressed archives are read: the other
	// compressions gowarc detects (bzip2, xz, zstd) are not used by news
	// crawls, and a crafted zstd header can ask for gigabytes of window.
	var magic [5]byte
	n, _ := io.ReadFull(f, magic[:])
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, fmt.Errorf("read WARC %s: %w", path, err)
	}
	if n > 0 && !(n >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) && string(magic[:n]) != "WARC/"[:n] {
		f.Close()
		return nil, sitrep.Errorf(sitrep.EINVALID, "%s is not a WARC file: it starts with %q, not \"WARC/\" or a gzip member", path, magic[:n])
	}
	r, err := gowarc.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("read WARC %s: %w", path, err)
	}
	return &Source{path: path, cfg: cfg, f: f, r: r}, nil
}

// Next returns the article of the next HTML response record.
func (s *Source) Next(ctx context.Context) (sitrep.Item, bool) {
	for !s.done && ctx.Err() == nil {
		rec, err := s.r.ReadRecord()
		if err == io.EOF {
			s.done = true
			break
		}
		if err != nil {
			s.done = true
			if s.n == 0 {
				s.err = sitrep.Errorf(sitrep.EINVALID, "%s is not a readable WARC file: %v", s.path, err)
			} else {
				s.err = sitrep.Errorf(sitrep.EINVALID, "%s is damaged after record %d: %v; the records before it were read", s.path, s.n, err)
			}
			break
		}
		s.n++
		item, ok := s.item(rec)
		rec.Content.Close()
		if ok {
			return item, true
		}
	}
	return sitrep.Item{}, false
}

// item reads an HTML response record; ok is false for records that are
// not pages.
func (s *Source) item(rec *gowarc.Record) (sitrep.Item, bool) {
	if !strings.EqualFold(rec.Header.Get("WARC-Type"), "response") {
		return sitrep.Item{}, false
	}
	target := rec.Header.Get("WARC-Target-URI")
	target = strings.Trim(target, "<>")
	if !strings.HasPrefix(target, "http://") && !strings.HasPrefix(target, "https://") {
		return sitrep.Item{}, false
	}
	item := sitrep.Item{Origin: s.path + "#" + strconv.Itoa(s.n) + " " + target}
	if _, err := rec.Content.Seek(0, io.SeekStart); err != nil {
		item.Err = fmt.Errorf("read record: %w", err)
		return item, true
	}
	resp, err := http.ReadResponse(bufio.NewReader(rec.Content), nil)
	if err != nil {
		item.Err = sitrep.Errorf(sitrep.EINVALID, "the record holds no HTTP response: %v", err)
		return item, true
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return sitrep.Item{}, false // redirects and errors are not articles
	}
	if mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); mt != "" && mt != "text/html" && mt != "application/xhtml+xml" {
		return sitrep.Item{}, false
	}
	body, err := html.ReadAll(resp.Body, s.cfg.MaxBytes)
	if err != nil {
		item.Err = err
		return item, true
	}
	a, err := html.Extract(body, target, s.cfg)
	if err != nil {
		item.Err = err
		return item, true
	}
	if a.Published.IsZero() {
		if t, err := time.Parse(time.RFC3339, rec.Header.Get("WARC-Date")); err == nil {
			a.Published = t.UTC()
		}
	}
	item.Article = a
	return item, true
}

// Err returns what ended the archive early.
func (s *Source) Err() error { return s.err }

// Close closes the file.
func (s *Source) Close() error {
	if s.f == nil {
		return nil
	}
	f := s.f
	s.f = nil
	return f.Close()
}
