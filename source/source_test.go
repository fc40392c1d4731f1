package source_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/fixture"
	"github.com/sitrep/sitrep/internal/warctest"
	"github.com/sitrep/sitrep/source"
)

func TestKindOf(t *testing.T) {
	for name, want := range map[string]source.Kind{
		"a.txt": source.KindText, "b.MD": source.KindText, "c.html": source.KindHTML, "d.jsonl": source.KindJSONL,
		"e.rss": source.KindFeed, "f.atom": source.KindFeed, "crawl.warc.gz": source.KindWARC, "x.warc": source.KindWARC,
		"a.meta.json": "", "photo.jpg": "", "README": "",
	} {
		if got := source.KindOf(name); got != want {
			t.Errorf("KindOf(%q) = %q, want %q", name, got, want)
		}
	}
}

func write(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDirectory(t *testing.T) {
	dir := t.TempDir()
	r := fixture.Reports
	write(t, filepath.Join(dir, "a-goma.txt"), r[0].Text())
	write(t, filepath.Join(dir, "a-goma.meta.json"), r[0].Meta("https://greatlakes.test/goma"))
	write(t, filepath.Join(dir, "b-bad.txt"), "caf\xe9 \xff\xfe")
	write(t, filepath.Join(dir, "c", "kherson.html"), r[1].HTML("https://dnipro.test/kherson"))
	write(t, filepath.Join(dir, "c", "d", "batch.jsonl"), r[2].JSONL("j1", "")+"\nnot json\n")
	write(t, filepath.Join(dir, "c", "notes.pdf"), "%PDF-1.4")
	write(t, filepath.Join(dir, ".hidden", "secret.txt"), r[3].Text())
	var w bytes.Buffer
	warctest.Write(&w, []warctest.Record{warctest.Response("https://sahel.test/niamey", 200, "text/html", r[3].HTML("https://sahel.test/niamey"))})
	full := w.Bytes()
	write(t, filepath.Join(dir, "e", "crawl.warc.gz"), string(full))
	write(t, filepath.Join(dir, "e", "cut.warc.gz"), string(full[:len(full)/2]))

	src, err := source.Open(dir, source.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var got []string
	for {
		it, ok := src.Next(context.Background())
		if !ok {
			break
		}
		rel := strings.TrimPrefix(it.Origin, dir+string(filepath.Separator))
		rel = strings.Fields(rel)[0]
		if it.Err != nil {
			rel = "ERR " + rel
		}
		got = append(got, rel)
	}
	if err := src.Err(); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"a-goma.txt",
		"ERR b-bad.txt",
		"c/d/batch.jsonl:1",
		"ERR c/d/batch.jsonl:2",
		"c/kherson.html",
		"e/crawl.warc.gz#1",
		"ERR e/cut.warc.gz",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	noext := filepath.Join(dir, "REPORT")
	write(t, noext, "<html><body><article><h1>T</h1><p>"+strings.Repeat("Troops shelled the town. ", 10)+"</p></article></body></html>")
	cfg := source.DefaultConfig()
	src, err := source.Open(noext, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if it, ok := src.Next(context.Background()); !ok || it.Err != nil || strings.Contains(it.Article.Text, "<p>") {
		t.Errorf("sniffed HTML: %+v", it)
	}
	cfg.Stdin = strings.NewReader(`{"id":"s","text":"From standard input."}`)
	src, err = source.Open("-", cfg)
	if err != nil {
		t.Fatal(err)
	}
	if it, ok := src.Next(context.Background()); !ok || it.Article.ID != "s" || it.Origin != "stdin:1 (id s)" {
		t.Errorf("stdin: %+v", it)
	}
	if _, err := source.Open(filepath.Join(dir, "missing.txt"), cfg); sitrep.ErrorCode(err) != sitrep.EINVALID {
		t.Errorf("missing: %v", err)
	}
}
