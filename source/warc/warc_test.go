package warc_test

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
	"github.com/sitrep/sitrep/source/html"
	"github.com/sitrep/sitrep/source/warc"
)

// crawl is a small news crawl: info, request/response pairs, a redirect,
// an image, a page with no article, and two articles.
func crawl() []warctest.Record {
	goma, kherson := fixture.Reports[0], fixture.Reports[1]
	return []warctest.Record{
		warctest.Info(),
		warctest.Request("https://greatlakes.test/goma"),
		warctest.Response("https://greatlakes.test/goma", 200, "text/html; charset=utf-8", goma.HTML("https://greatlakes.test/goma")),
		warctest.Response("https://greatlakes.test/old", 301, "text/html", ""),
		warctest.Response("https://greatlakes.test/logo.png", 200, "image/png", "\x89PNG\r\n"),
		warctest.Response("https://greatlakes.test/login", 200, "text/html", "<html><body><form>Log in</form></body></html>"),
		warctest.Response("https://dnipro.test/kherson", 200, "text/html", kherson.HTML("https://dnipro.test/kherson")),
	}
}

func writeWARC(t testing.TB, recs []warctest.Record) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := warctest.Write(&b, recs); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func read(t *testing.T, data []byte) ([]sitrep.Item, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "crawl.warc.gz")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := warc.Open(p, html.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var items []sitrep.Item
	for {
		it, ok := src.Next(context.Background())
		if !ok {
			break
		}
		items = append(items, it)
	}
	return items, src.Err()
}

func TestCrawl(t *testing.T) {
	items, err := read(t, writeWARC(t, crawl()))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 {
		t.Fatalf("%d items: %+v", len(items), items)
	}
	if it := items[0]; it.Err != nil || it.Article.URL != "https://greatlakes.test/goma" || !strings.Contains(it.Article.Text, "Goma") ||
		!strings.HasSuffix(it.Origin, "#3 https://greatlakes.test/goma") {
		t.Errorf("goma: %q %v %+v", it.Origin, it.Err, it.Article.URL)
	}
	if it := items[1]; it.Err == nil || !strings.Contains(it.Origin, "/login") {
		t.Errorf("login page: %q %v", it.Origin, it.Err)
	}
	if it := items[2]; it.Err != nil || it.Article.Published.Format("2006-01-02") != "2024-03-04" {
		t.Errorf("kherson: %v %v", it.Err, it.Article.Published)
	}
}

func TestTruncated(t *testing.T) {
	data := writeWARC(t, crawl())
	items, err := read(t, data[:len(data)-200])
	if err == nil || !strings.Contains(err.Error(), "damaged after record 6") {
		t.Errorf("truncated archive: %v", err)
	}
	if len(items) != 2 || items[0].Err != nil {
		t.Errorf("records before the damage: %d items", len(items))
	}
}

func TestUncompressedAndGarbage(t *testing.T) {
	recs := crawl()
	for i := range recs {
		recs[i].NoGzip = true
	}
	var b bytes.Buffer
	if err := warctest.Write(&b, recs); err != nil {
		t.Fatal(err)
	}
	items, err := read(t, b.Bytes())
	if err != nil || len(items) != 3 {
		t.Errorf("plain WARC: %d items, %v", len(items), err)
	}
	for _, garbage := range []string{"this is not a WARC file at all\r\n\r\n", "WARC/1.1\r\nbroken", "\x28\xb5\x2f\xfd zstd"} {
		p := filepath.Join(t.TempDir(), "bad.warc")
		os.WriteFile(p, []byte(garbage), 0o644)
		src, err := warc.Open(p, html.DefaultConfig())
		if err == nil {
			for {
				if _, ok := src.Next(context.Background()); !ok {
					break
				}
			}
			err = src.Err()
			src.Close()
		}
		if sitrep.ErrorCode(err) != sitrep.EINVALID {
			t.Errorf("garbage %q: %v", garbage, err)
		}
	}
}

func FuzzWARC(f *testing.F) {
	recs := crawl()
	var plain bytes.Buffer
	for i := range recs {
		recs[i].NoGzip = true
	}
	warctest.Write(&plain, recs[:3])
	f.Add(plain.Bytes())
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "f.warc")
		os.WriteFile(p, data, 0o644)
		src, err := warc.Open(p, html.DefaultConfig())
		if err != nil {
			return
		}
		defer src.Close()
		for n := 0; n < 100; n++ {
			if _, ok := src.Next(context.Background()); !ok {
				break
			}
		}
	})
}
