package feed_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/fixture"
	"github.com/sitrep/sitrep/source/feed"
)

// Server serves an RSS feed (ETag), an Atom feed (Last-Modified) and the
// pages they link to. The counters say what was fetched.
type server struct {
	*httptest.Server
	feeds, pages atomic.Int64
}

func newServer(t *testing.T) *server {
	s := &server{}
	mux := http.NewServeMux()
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	base := s.URL
	rss := fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Regional Desk</title><link>%[1]s</link><description>Conflict news</description>
<item><title>%[2]s</title><link>%[1]s/articles/goma</link><guid>goma</guid><pubDate>Wed, 07 Feb 2024 10:00:00 GMT</pubDate><description>Shells hit a camp.</description></item>
<item><title>%[3]s</title><link>%[1]s/articles/kherson?utm_source=rss</link><guid>kherson</guid><pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate></item>
</channel></rss>`, base, fixture.Reports[0].Title, fixture.Reports[1].Title)
	atom := fmt.Sprintf(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Nile Observer</title><id>urn:nile</id><updated>2024-01-22T12:00:00Z</updated>
<entry><title>%[2]s</title><id>urn:omdurman</id><link href="%[1]s/articles/omdurman"/><published>2024-01-22T11:00:00Z</published><updated>2024-01-22T11:00:00Z</updated><summary>Fighting in Omdurman.</summary></entry>
<entry><title>Niamey march</title><id>urn:niamey</id><link href="%[1]s/articles/gone"/><updated>2024-03-16T18:00:00Z</updated>
<content type="html">&lt;p&gt;%[3]s&lt;/p&gt;&lt;p&gt;%[4]s&lt;/p&gt;</content></entry>
<entry><title>Short</title><id>urn:short</id><link href="%[1]s/articles/gone-too"/><updated>2024-03-17T18:00:00Z</updated><summary>Too short.</summary></entry>
</feed>`, base, fixture.Reports[2].Title, fixture.Reports[3].Paragraphs[0], fixture.Reports[3].Paragraphs[1])
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		s.feeds.Add(1)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss)
	})
	mux.HandleFunc("/atom.xml", func(w http.ResponseWriter, r *http.Request) {
		s.feeds.Add(1)
		const lm = "Mon, 22 Jan 2024 12:00:00 GMT"
		if r.Header.Get("If-Modified-Since") == lm {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", lm)
		fmt.Fprint(w, atom)
	})
	pages := map[string]fixture.Report{"goma": fixture.Reports[0], "kherson": fixture.Reports[1], "omdurman": fixture.Reports[2]}
	mux.HandleFunc("/articles/", func(w http.ResponseWriter, r *http.Request) {
		s.pages.Add(1)
		rep, ok := pages[strings.TrimPrefix(r.URL.Path, "/articles/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, rep.HTML(base+r.URL.Path))
	})
	return s
}

func drain(t *testing.T, src sitrep.Source) []sitrep.Item {
	t.Helper()
	var out []sitrep.Item
	for {
		it, ok := src.Next(context.Background())
		if !ok {
			break
		}
		out = append(out, it)
	}
	if err := src.Err(); err != nil {
		t.Fatalf("source error: %v", err)
	}
	return out
}

func TestRSSWithConditionalGet(t *testing.T) {
	srv := newServer(t)
	state, err := feed.OpenFileState(filepath.Join(t.TempDir(), "feeds.json"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := feed.DefaultConfig()
	cfg.State = state
	items := drain(t, feed.Open(srv.URL+"/rss.xml", cfg))
	if len(items) != 2 {
		t.Fatalf("%d items", len(items))
	}
	a := items[0].Article
	if items[0].Err != nil || a.Outlet != "Regional Desk" || a.Title != fixture.Reports[0].Title ||
		a.Published.Format("2006-01-02") != "2024-02-07" || !strings.Contains(a.Text, "displacement camp on the western edge of Goma") {
		t.Errorf("item 0: %v %+v", items[0].Err, a)
	}
	if items[0].Origin != srv.URL+"/articles/goma" {
		t.Errorf("origin %q", items[0].Origin)
	}
	// The second poll is a 304: no items, no pages fetched. The state
	// came from the file, as it would in the next run.
	state2, err := feed.OpenFileState(filepath.Join(filepath.Dir(statePath(t, state)), "feeds.json"))
	if err != nil {
		t.Fatal(err)
	}
	cfg.State = state2
	pages := srv.pages.Load()
	if items := drain(t, feed.Open(srv.URL+"/rss.xml", cfg)); len(items) != 0 {
		t.Errorf("unchanged feed gave %d items", len(items))
	}
	if srv.pages.Load() != pages || srv.feeds.Load() != 2 {
		t.Errorf("second poll fetched %d pages, %d feeds", srv.pages.Load()-pages, srv.feeds.Load())
	}
}

func statePath(t *testing.T, s *feed.FileState) string {
	t.Helper()
	return s.Path()
}

func TestAtomFallbacksAndSkip(t *testing.T) {
	srv := newServer(t)
	cfg := feed.DefaultConfig()
	var asked []string
	cfg.Skip = func(_ context.Context, u string) bool {
		asked = append(asked, u)
		return strings.HasSuffix(u, "/omdurman")
	}
	items := drain(t, feed.Open(srv.URL+"/atom.xml", cfg))
	if len(asked) != 3 {
		t.Errorf("skip asked about %v", asked)
	}
	if len(items) != 2 {
		t.Fatalf("%d items", len(items))
	}
	if it := items[0]; it.Err != nil || !strings.Contains(it.Article.Text, "Niamey") || it.Article.Outlet != "Nile Observer" ||
		it.Article.Published.Format("2006-01-02") != "2024-03-16" {
		t.Errorf("fallback to content: %v %+v", it.Err, it.Article)
	}
	if it := items[1]; it.Err == nil || !strings.Contains(it.Err.Error(), "404") {
		t.Errorf("short item with a dead link: %v", it.Err)
	}
	// Without a State each Open starts afresh and reads the whole feed.
	if items := drain(t, feed.Open(srv.URL+"/atom.xml", cfg)); len(items) != 2 {
		t.Errorf("without state the feed is read again: %d items", len(items))
	}
}

func TestFeedErrors(t *testing.T) {
	srv := newServer(t)
	src := feed.Open(srv.URL+"/articles/goma", feed.DefaultConfig()) // an HTML page, not a feed
	if _, ok := src.Next(context.Background()); ok || sitrep.ErrorCode(src.Err()) != sitrep.EINVALID {
		t.Errorf("page as feed: %v", src.Err())
	}
	src = feed.Open(srv.URL+"/nope.xml", feed.DefaultConfig())
	if _, ok := src.Next(context.Background()); ok || src.Err() == nil || !strings.Contains(src.Err().Error(), "404") {
		t.Errorf("missing feed: %v", src.Err())
	}
}

func TestJSONFeedFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "feed.json")
	r := fixture.Reports[4]
	body := fmt.Sprintf(`{"version": "https://jsonfeed.org/version/1.1", "title": "Horn Report", "items": [
		{"id": "1", "url": "https://horn.test/blast", "title": %q, "date_published": "2024-02-20T19:00:00Z",
		 "content_html": %q}]}`, r.Title, "<p>"+strings.Join(r.Paragraphs, "</p><p>")+"</p>")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := feed.DefaultConfig()
	cfg.FetchLinks = false
	items := drain(t, feed.OpenFile(p, cfg))
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items %+v", items)
	}
	a := items[0].Article
	if a.Outlet != "Horn Report" || a.URL != "https://horn.test/blast" || !strings.HasPrefix(a.Text, r.Title+"\n\n"+r.Paragraphs[0]+"\n\n") ||
		a.Published.Format("2006-01-02") != "2024-02-20" {
		t.Errorf("%+v", a)
	}
}
