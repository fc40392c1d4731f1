// Package source opens what a user names on the command line as a
// sitrep.Source: a file of any supported kind, a directory (walked
// recursively, in name order), a feed URL, or "-" for JSON lines on
// standard input. It only dispatches; each kind is read by its own
// package: text (plain text and Markdown), html, jsonl, feed (RSS, Atom,
// JSON feeds) and warc.
//
// Kinds are told by extension — .txt .text .md .markdown; .html .htm
// .xhtml; .jsonl .ndjson; .rss .atom .xml .feed; .warc .warc.gz — and, for
// a file named explicitly without a known extension, by sniffing its
// first bytes.
package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/source/feed"
	"github.com/sitrep/sitrep/source/html"
	"github.com/sitrep/sitrep/source/jsonl"
	"github.com/sitrep/sitrep/source/text"
	"github.com/sitrep/sitrep/source/warc"
)

// Config holds the settings of every kind of source.
type Config struct {
	Text text.Config
	HTML html.Config
	Feed feed.Config
	// MaxLine bounds one JSON line.
	MaxLine int
	// Stdin is read for "-"; os.Stdin when nil.
	Stdin io.Reader
}

// DefaultConfig returns each kind's defaults.
func DefaultConfig() Config {
	return Config{Text: text.DefaultConfig(), HTML: html.DefaultConfig(), Feed: feed.DefaultConfig(), MaxLine: jsonl.DefaultMaxLine}
}

// Validate checks every kind's settings.
func (c Config) Validate() error {
	return errors.Join(c.Text.Validate(), c.HTML.Validate(), c.Feed.Validate())
}

// Kind is a kind of input.
type Kind string

// Kinds of input.
const (
	KindText  Kind = "text"
	KindHTML  Kind = "html"
	KindJSONL Kind = "jsonl"
	KindFeed  Kind = "feed"
	KindWARC  Kind = "warc"
)

// KindOf returns the kind a file name's extension says, or "".
func KindOf(name string) Kind {
	n := strings.ToLower(name)
	switch {
	case strings.HasSuffix(n, ".meta.json"):
		return ""
	case strings.HasSuffix(n, ".warc.gz"), strings.HasSuffix(n, ".warc"):
		return KindWARC
	}
	switch filepath.Ext(n) {
	case ".txt", ".text", ".md", ".markdown", ".mdown", ".mkd":
		return KindText
	case ".html", ".htm", ".xhtml":
		return KindHTML
	case ".jsonl", ".ndjson":
		return KindJSONL
	case ".rss", ".atom", ".xml", ".feed":
		return KindFeed
	}
	return ""
}

// sniff guesses the kind of a file from its first bytes.
func sniff(path string) Kind {
	f, err := os.Open(path)
	if err != nil {
		return KindText // the text reader reports the error
	}
	defer f.Close()
	buf := make([]byte, 512)
	n, _ := io.ReadFull(f, buf)
	head := strings.TrimSpace(strings.ToLower(string(buf[:n])))
	switch {
	case strings.HasPrefix(head, "warc/"), n >= 2 && buf[0] == 0x1f && buf[1] == 0x8b:
		return KindWARC
	case strings.HasPrefix(head, "{"):
		return KindJSONL
	case strings.Contains(head, "<rss"), strings.Contains(head, "<feed"), strings.Contains(head, "<rdf:rdf"):
		return KindFeed
	case strings.HasPrefix(head, "<"):
		return KindHTML
	}
	return KindText
}

// Open returns the source for one command-line argument.
func Open(arg string, cfg Config) (sitrep.Source, error) {
	if arg == "-" {
		r := cfg.Stdin
		if r == nil {
			r = os.Stdin
		}
		return jsonl.NewSource("stdin", r, cfg.MaxLine), nil
	}
	if strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://") {
		return feed.Open(arg, cfg.Feed), nil
	}
	st, err := os.Stat(arg)
	if err != nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, "%s: %v", arg, err)
	}
	if st.IsDir() {
		return &dir{root: arg, cfg: cfg}, nil
	}
	k := KindOf(arg)
	if k == "" {
		k = sniff(arg)
	}
	return openKind(arg, k, cfg)
}

func openKind(path string, k Kind, cfg Config) (sitrep.Source, error) {
	switch k {
	case KindHTML:
		return html.Open(path, cfg.HTML), nil
	case KindJSONL:
		return jsonl.Open(path, cfg.MaxLine)
	case KindFeed:
		return feed.OpenFile(path, cfg.Feed), nil
	case KindWARC:
		return warc.Open(path, cfg.HTML)
	}
	return text.Open(path, cfg.Text), nil
}

// dir walks a directory tree in name order and reads every file of a
// known kind; other files (and hidden ones, and sidecar metadata) are
// passed over.
type dir struct {
	root  string
	cfg   Config
	files []string
	i     int
	cur   sitrep.Source
	cname string
	err   error
	init  bool
	errs  []error
}

func (d *dir) Next(ctx context.Context) (sitrep.Item, bool) {
	if !d.init {
		d.init = true
		d.err = filepath.WalkDir(d.root, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				d.errs = append(d.errs, fmt.Errorf("walk %s: %w", p, err))
				return nil
			}
			if strings.HasPrefix(e.Name(), ".") && p != d.root {
				if e.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !e.IsDir() && KindOf(p) != "" {
				d.files = append(d.files, p)
			}
			return nil
		})
		slices.Sort(d.files)
	}
	for ctx.Err() == nil {
		if d.cur == nil {
			if d.i >= len(d.files) {
				return sitrep.Item{}, false
			}
			p := d.files[d.i]
			d.i++
			src, err := openKind(p, KindOf(p), d.cfg)
			if err != nil {
				return sitrep.Item{Origin: p, Err: err}, true
			}
			d.cur, d.cname = src, p
		}
		if it, ok := d.cur.Next(ctx); ok {
			return it, true
		}
		// The file is done: its early end is an item of its own, so
		// that the walk goes on.
		err := d.cur.Err()
		if cerr := d.cur.Close(); cerr != nil && err == nil {
			err = cerr
		}
		d.cur = nil
		if err != nil {
			return sitrep.Item{Origin: d.cname, Err: err}, true
		}
	}
	return sitrep.Item{}, false
}

func (d *dir) Err() error { return errors.Join(append([]error{d.err}, d.errs...)...) }

func (d *dir) Close() error {
	if d.cur != nil {
		err := d.cur.Close()
		d.cur = nil
		return err
	}
	return nil
}
