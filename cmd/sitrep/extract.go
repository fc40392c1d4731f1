package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/batch"
	"github.com/sitrep/sitrep/render"
	"github.com/sitrep/sitrep/source/jsonl"
)

type extractCmd struct {
	pipelineFlags
	Published string `help:"Publication date (YYYY-MM-DD or RFC 3339); relative dates in the text are resolved against it."`
	URL       string `name:"url" help:"The article's URL."`
	Outlet    string `help:"The outlet that published the article."`
	Title     string `help:"The article's title."`
	Language  string `help:"The article's language (ISO 639-1)." default:"en"`
	Format    string `help:"Output format: json (the contract of docs/schema.md) or text (a summary for people)." enum:"json,text" default:"json"`
	Tokens    bool   `help:"Include every sentence's tokens with part of speech, lemma, head and relation."`
	Indent    bool   `help:"Pretty-print JSON."`
	JSONL     bool   `name:"jsonl" help:"Batch mode: read JSON lines {id, text, title, published, url, outlet} and write one document per line, in input order."`
	Workers   int    `help:"Batch mode: documents processed at once (default: one per CPU)."`
	MaxBytes  int    `help:"Largest report accepted, in bytes." default:"67108864"`

	File string `arg:"" optional:"" default:"-" help:"Report file, or - for standard input. Metadata may come from a sidecar FILE.meta.json; flags win over it."`
}

// meta is the sidecar FILE.meta.json.
type meta struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Language  string `json:"language"`
}

func (c *extractCmd) Run(ctx context.Context, log *slog.Logger) error {
	p, err := c.pipeline()
	if err != nil {
		return err
	}
	if c.JSONL {
		return c.runBatch(ctx, p, log)
	}
	a, err := c.article()
	if err != nil {
		return err
	}
	doc := sitrep.NewDocument(a)
	if !utf8.ValidString(a.Text) {
		doc.Warn("extract", "input is not valid UTF-8; invalid bytes read as U+FFFD", sitrep.Span{})
	}
	if err := p.Run(ctx, doc); err != nil {
		return err
	}
	if c.Format == "text" {
		return render.Text(os.Stdout, doc)
	}
	return render.JSON(os.Stdout, doc, render.Options{Tokens: c.Tokens, Indent: c.Indent})
}

// article reads the input file, its sidecar metadata and the flags.
func (c *extractCmd) article() (sitrep.Article, error) {
	var a sitrep.Article
	text, err := readLimited(c.File, c.MaxBytes)
	if err != nil {
		return a, err
	}
	a.Text = text
	if c.File != "-" {
		m, err := readMeta(sidecar(c.File))
		if err != nil {
			return a, err
		}
		a.ID, a.Title, a.URL, a.Outlet, a.Language = m.ID, m.Title, m.URL, m.Outlet, m.Language
		if m.Published != "" {
			if a.Published, err = sitrep.ParsePublished(m.Published); err != nil {
				return a, fmt.Errorf("%s: %w", sidecar(c.File), err)
			}
		}
	}
	for _, f := range []struct {
		dst *string
		v   string
	}{{&a.Title, c.Title}, {&a.URL, c.URL}, {&a.Outlet, c.Outlet}} {
		if f.v != "" {
			*f.dst = f.v
		}
	}
	if a.Language == "" || c.Language != "en" {
		a.Language = c.Language
	}
	if c.Published != "" {
		if a.Published, err = sitrep.ParsePublished(c.Published); err != nil {
			return a, fmt.Errorf("--published: %w", err)
		}
	}
	if a.ID == "" {
		a.ID = sitrep.ContentID(a.Text)
	}
	return a, nil
}

// readLimited reads a whole file (or standard input for "-"), refusing more
// than max bytes.
func readLimited(name string, max int) (string, error) {
	var r io.Reader = os.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", sitrep.Errorf(sitrep.EINVALID, "open report: %v", err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return "", fmt.Errorf("read %s: %w", name, err)
	}
	if len(b) > max {
		return "", sitrep.Errorf(sitrep.ETOOLARGE, "%s is larger than %d bytes; raise --max-bytes or split it", name, max)
	}
	return string(b), nil
}

// sidecar returns the metadata file of a report: FILE.meta.json, or
// NAME.meta.json beside NAME.txt, whichever exists (the first if neither).
func sidecar(file string) string {
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

// readMeta reads a sidecar metadata file; a missing one is no error.
func readMeta(name string) (meta, error) {
	var m meta
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

// errorLine is the output line for an input line that could not be coded.
type errorLine struct {
	ID    string `json:"id,omitempty"`
	Line  int    `json:"line"`
	Error string `json:"error"`
	Code  string `json:"code"`
}

func (c *extractCmd) runBatch(ctx context.Context, p *sitrep.Pipeline, log *slog.Logger) error {
	in := io.Reader(os.Stdin)
	if c.File != "-" {
		f, err := os.Open(c.File)
		if err != nil {
			return sitrep.Errorf(sitrep.EINVALID, "open batch input: %v", err)
		}
		defer f.Close()
		in = f
	}
	cfg := batch.DefaultConfig()
	cfg.Workers = c.Workers
	cfg.MaxLine = c.MaxBytes
	st, err := batch.Run(ctx, in, os.Stdout, cfg, func(ctx context.Context, lineNo int, line []byte, readErr error) []byte {
		out, id, err := c.codeLine(ctx, p, line, readErr)
		if err == nil {
			return out
		}
		log.Warn("skipped input line", "line", lineNo, "id", id, "err", err)
		b, _ := json.Marshal(errorLine{ID: id, Line: lineNo, Error: err.Error(), Code: sitrep.ErrorCode(err)})
		return b
	})
	log.Debug("batch done", "lines", st.Lines)
	return err
}

// codeLine codes one JSON line and returns its output line and input id.
func (c *extractCmd) codeLine(ctx context.Context, p *sitrep.Pipeline, line []byte, readErr error) ([]byte, string, error) {
	if readErr != nil {
		return nil, "", readErr
	}
	id, a, err := jsonl.Decode(line)
	if err != nil {
		return nil, id, err
	}
	doc := sitrep.NewDocument(a)
	if err := p.Run(ctx, doc); err != nil {
		return nil, id, err
	}
	var buf bytes.Buffer
	if err := render.JSON(&buf, doc, render.Options{Tokens: c.Tokens, ID: id}); err != nil {
		return nil, id, fmt.Errorf("encode document: %w", err)
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), id, nil
}
