package text_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/source/text"
)

func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "report.meta.json", `{"id":"r1","title":"Rebels take Kidal","published":"2023-11-14","outlet":"Sahel Wire","url":"https://sahel.test/kidal"}`)
	tests := []struct {
		name, file, body string
		code             string
		check            func(*testing.T, sitrep.Article)
	}{
		{name: "text with sidecar", file: "report.txt", body: "Rebels take Kidal\n\nThe army entered the town on Tuesday.\n",
			check: func(t *testing.T, a sitrep.Article) {
				if a.ID != "r1" || a.Outlet != "Sahel Wire" || a.Published.Format("2006-01-02") != "2023-11-14" || a.Language != "en" {
					t.Errorf("%+v", a)
				}
			}},
		{name: "markdown", file: "note.md", body: "# Strike on *Odesa* port\n\nA [missile](https://x.test/m) hit the **grain terminal** on Monday.\n\n![photo](p.jpg)\n\n> Officials said two workers died.\n",
			check: func(t *testing.T, a sitrep.Article) {
				want := "Strike on Odesa port\n\nA missile hit the grain terminal on Monday.\n\n\n\nOfficials said two workers died.\n"
				if a.Text != want || a.Title != "Strike on Odesa port" {
					t.Errorf("text %q title %q", a.Text, a.Title)
				}
				if a.ID != sitrep.ContentID(a.Text) {
					t.Errorf("id %q is not the content id", a.ID)
				}
			}},
		{name: "invalid utf-8", file: "latin1.txt", body: "Caf\xe9 bombing in the capital", code: sitrep.EINVALID},
		{name: "binary", file: "image.txt", body: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", code: sitrep.EINVALID},
		{name: "control characters", file: "ctl.txt", body: strings.Repeat("\x01\x02abc", 50), code: sitrep.EINVALID},
		{name: "empty", file: "empty.txt", body: "\n \n", code: sitrep.EINVALID},
		{name: "too large", file: "huge.txt", body: strings.Repeat("word ", 300), code: sitrep.ETOOLARGE},
	}
	cfg := text.DefaultConfig()
	cfg.MaxBytes = 1000
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, dir, tt.file, tt.body)
			src := text.Open(p, cfg)
			it, ok := src.Next(context.Background())
			if !ok || it.Origin != p {
				t.Fatalf("item %+v, %v", it, ok)
			}
			if code := sitrep.ErrorCode(it.Err); code != tt.code {
				t.Fatalf("error %v, want code %q", it.Err, tt.code)
			}
			if tt.check != nil {
				tt.check(t, it.Article)
			}
			if _, ok := src.Next(context.Background()); ok {
				t.Error("a second item from one file")
			}
		})
	}
	if _, err := text.ReadFile(filepath.Join(dir, "missing.txt"), cfg); sitrep.ErrorCode(err) != sitrep.EINVALID {
		t.Errorf("missing file: %v", err)
	}
	write(t, dir, "badmeta.meta.json", `{"published": 12`)
	p := write(t, dir, "badmeta.txt", "Some report text here.")
	if _, err := text.ReadFile(p, cfg); err == nil || !strings.Contains(err.Error(), "badmeta.meta.json") {
		t.Errorf("bad sidecar: %v", err)
	}
}

func FuzzMarkdown(f *testing.F) {
	f.Add("# T\n\n**a** [b](c) ![d](e) `f` > g\n\n```\ncode\n```")
	f.Add("*_~~nested~~_*")
	f.Fuzz(func(t *testing.T, s string) {
		out := text.Markdown(s)
		if len(out) > len(s) {
			t.Errorf("markdown removal grew the text: %d > %d", len(out), len(s))
		}
		_ = text.CheckText([]byte(s))
	})
}
