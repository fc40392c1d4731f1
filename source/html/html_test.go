package html_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/fixture"
	"github.com/sitrep/sitrep/source/html"
)

func TestExtract(t *testing.T) {
	r := fixture.Reports[0]
	page := r.HTML("https://greatlakes.test/2024/02/goma")
	a, err := html.Extract([]byte(page), "https://greatlakes.test/2024/02/goma?utm_source=x", html.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != r.Title || a.Outlet != r.Outlet || a.URL != "https://greatlakes.test/2024/02/goma" {
		t.Errorf("metadata: title %q outlet %q url %q", a.Title, a.Outlet, a.URL)
	}
	if a.Published.Format("2006-01-02") != r.Published {
		t.Errorf("published %v, want %s", a.Published, r.Published)
	}
	if !strings.HasPrefix(a.Text, r.Title+"\n\n") {
		t.Errorf("text does not start with the title line: %q", a.Text[:min(80, len(a.Text))])
	}
	for _, p := range r.Paragraphs {
		if !strings.Contains(a.Text, p) {
			t.Errorf("paragraph lost: %q", p[:40])
		}
	}
	for _, junk := range []string{"Subscribe", "Most read", "All rights reserved", "Football"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("boilerplate %q kept in %q", junk, a.Text)
		}
	}
	if a.ID != sitrep.ContentID(a.Text) {
		t.Error("id is not the content id")
	}
}

func TestExtractBadPages(t *testing.T) {
	tests := []struct {
		name, page string
		code       string
	}{
		{"no article", `<html><body><nav><a href="/">Home</a></nav><p>Log in to continue.</p></body></html>`, sitrep.EINVALID},
		{"garbage", "\x00\x01\x02 PK\x03\x04 not html at all", sitrep.EINVALID},
		{"invalid utf-8 without charset", "<html><body><p>" + strings.Repeat("Caf\xe9 ", 40) + "</p></body></html>", sitrep.EINVALID},
		{"too large", "<html>" + strings.Repeat("<p>words words words</p>", 200) + "</html>", sitrep.ETOOLARGE},
	}
	cfg := html.DefaultConfig()
	cfg.MaxBytes = 4000
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := html.Extract([]byte(tt.page), "", cfg)
			if sitrep.ErrorCode(err) != tt.code {
				t.Errorf("error %v, want code %s", err, tt.code)
			}
		})
	}
}

func TestBrokenHTMLStillReads(t *testing.T) {
	r := fixture.Reports[1]
	page := r.HTML("https://dnipro.test/kherson")
	broken := strings.NewReplacer("</p>", "", "</article>", "", "</main>", "", "</body></html>", "<div><span>").Replace(page)
	a, err := html.Extract([]byte(broken), "", html.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "bus stop in Kherson on Monday morning") {
		t.Errorf("text %q", a.Text)
	}
}

func TestReadFileSidecarWins(t *testing.T) {
	dir := t.TempDir()
	r := fixture.Reports[2]
	p := filepath.Join(dir, "omdurman.html")
	os.WriteFile(p, []byte(r.HTML("https://nile.test/omdurman")), 0o644)
	os.WriteFile(filepath.Join(dir, "omdurman.meta.json"), []byte(`{"outlet":"Nile Observer Weekly","published":"2024-01-23"}`), 0o644)
	a, err := html.ReadFile(p, html.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if a.Outlet != "Nile Observer Weekly" || a.Published.Format("2006-01-02") != "2024-01-23" || a.Title != r.Title {
		t.Errorf("%+v", a)
	}
}

func FuzzExtract(f *testing.F) {
	f.Add([]byte(fixture.Reports[3].HTML("https://sahel.test/niamey")))
	f.Add([]byte("<p>unclosed <b>tags <i>everywhere"))
	f.Add([]byte("<html><head><meta charset=latin1></head><body>\xe9</body></html>"))
	cfg := html.DefaultConfig()
	cfg.MaxBytes = 64 << 10
	f.Fuzz(func(t *testing.T, page []byte) {
		a, err := html.Extract(page, "", cfg)
		if err == nil && len(a.Text) < cfg.MinTextBytes {
			t.Errorf("accepted a page with %d bytes of text", len(a.Text))
		}
	})
}

func TestText(t *testing.T) {
	got := html.Text(`<div><p>First <b>bold</b> para.</p><script>var x = "<p>no</p>";</script><p>Second<br>line</p><ul><li>item</li></ul></div>`)
	want := "First bold para.\n\nSecond\n\nline\n\nitem"
	if got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

func FuzzText(f *testing.F) {
	f.Add(`<p>a<script>b</p>`)
	f.Add(`<style><p>x</style>y`)
	f.Fuzz(func(t *testing.T, s string) {
		out := html.Text(s)
		if strings.Contains(out, "\n\n\n") {
			t.Errorf("empty paragraphs in %q", out)
		}
	})
}
