package ingest_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/corroborate"
	"github.com/sitrep/sitrep/dedup"
	"github.com/sitrep/sitrep/ingest"
	"github.com/sitrep/sitrep/internal/fixture"
	"github.com/sitrep/sitrep/internal/warctest"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/source"
	"github.com/sitrep/sitrep/sqlite"
)

func report(slug string) fixture.Report {
	for _, r := range fixture.Reports {
		if r.Slug == slug {
			return r
		}
	}
	panic("no fixture " + slug)
}

func write(t *testing.T, path string, body []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, body, 0o644); err != nil {
		t.Fatal(err)
	}
}

// inputs writes the fixture tree: text, Markdown and HTML reports, bad
// files, a JSON-lines batch and two WARC files (one truncated), and starts
// a server with an RSS and an Atom feed. It returns the sources to ingest.
func inputs(t *testing.T) []string {
	dir := t.TempDir()
	goma := report("goma-shelling")
	write(t, filepath.Join(dir, "reports", "goma.txt"), []byte(goma.Text()))
	write(t, filepath.Join(dir, "reports", "goma.meta.json"), []byte(goma.Meta("https://greatlakes.test/goma")))
	kherson := report("kherson-drone")
	write(t, filepath.Join(dir, "reports", "kherson.md"), []byte("# "+kherson.Title+"\n\n"+strings.Join(kherson.Paragraphs, "\n\n")+"\n"))
	write(t, filepath.Join(dir, "reports", "pages", "omdurman.html"), []byte(report("khartoum-clashes").HTML("https://nile.test/omdurman")))
	syndicated := goma
	syndicated.Outlet = "Coastal Daily"
	write(t, filepath.Join(dir, "reports", "pages", "goma-copy.html"), []byte(syndicated.HTML("https://coastal.test/world/goma")))
	write(t, filepath.Join(dir, "reports", "bad-utf8.txt"), []byte("Shelling in the capit\xe1l \xff\xfe killed five."))
	write(t, filepath.Join(dir, "reports", "login.html"), []byte("<html><body><form>Please log in</form></body></html>"))
	huge := filepath.Join(dir, "reports", "huge.txt")
	write(t, huge, nil)
	if err := os.Truncate(huge, 600<<20); err != nil { // sparse: no disk used
		t.Fatal(err)
	}

	niamey := report("sahel-protest")
	write(t, filepath.Join(dir, "batch.jsonl"), []byte(strings.Join([]string{
		niamey.JSONL("niamey-1", "https://sahelwire.test/niamey"),
		goma.JSONL("goma-again", "https://greatlakes.test/goma?utm_source=newsletter"),
		`{"id": "broken", "text": `,
	}, "\n")+"\n"))

	var crawl bytes.Buffer
	warctest.Write(&crawl, []warctest.Record{
		warctest.Info(),
		warctest.Response("https://sahelwire.test/mopti", 200, "text/html", report("mopti-ambush").HTML("https://sahelwire.test/mopti")),
		warctest.Response("https://sahelwire.test/login", 200, "text/html", "<html><body><p>Members only.</p></body></html>"),
	})
	write(t, filepath.Join(dir, "crawl.warc.gz"), crawl.Bytes())
	var cut bytes.Buffer
	warctest.Write(&cut, []warctest.Record{
		warctest.Response("https://reddispatch.test/hodeidah", 200, "text/html", report("hodeidah-strike").HTML("https://reddispatch.test/hodeidah")),
		warctest.Response("https://reddispatch.test/more", 200, "text/html", report("hodeidah-strike").HTML("https://reddispatch.test/more")),
	})
	write(t, filepath.Join(dir, "cut.warc.gz"), cut.Bytes()[:cut.Len()-300])

	srv := feedServer(t)
	return []string{filepath.Join(dir, "reports"), filepath.Join(dir, "batch.jsonl"), filepath.Join(dir, "crawl.warc.gz"),
		filepath.Join(dir, "cut.warc.gz"), srv.URL + "/rss.xml", srv.URL + "/atom.xml"}
}

func feedServer(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	pages := map[string]fixture.Report{"kherson": report("kherson-drone"), "mogadishu": report("mogadishu-blast")}
	mux.HandleFunc("/articles/", func(w http.ResponseWriter, r *http.Request) {
		rep, ok := pages[strings.TrimPrefix(r.URL.Path, "/articles/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, rep.HTML(srv.URL+r.URL.Path))
	})
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Regional Desk</title>
<item><title>Kherson</title><link>%[1]s/articles/kherson</link><pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate></item>
<item><title>Mogadishu</title><link>%[1]s/articles/mogadishu</link><pubDate>Tue, 20 Feb 2024 19:00:00 GMT</pubDate></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/atom.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Border Notes</title><id>urn:b</id><updated>2024-03-01T00:00:00Z</updated>
<entry><title>Crossing closed</title><id>urn:1</id><link href="%[1]s/articles/gone"/><updated>2024-03-01T00:00:00Z</updated>
<content type="html">&lt;p&gt;Border guards closed the main crossing between the two countries on Friday after a shooting at the customs post left one officer dead, officials on both sides said.&lt;/p&gt;&lt;p&gt;Hundreds of lorries were stranded.&lt;/p&gt;</content></entry>
<entry><title>Brief</title><id>urn:2</id><link href="%[1]s/articles/gone-too"/><updated>2024-03-02T00:00:00Z</updated><summary>Too short.</summary></entry>
</feed>`, srv.URL)
	})
	return srv
}

type skipped struct{ Origin, Reason string }

func run(t *testing.T, store sitrep.Store, args []string) (ingest.Stats, []skipped) {
	t.Helper()
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var named []ingest.Named
	for _, a := range args {
		src, err := source.Open(a, source.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		named = append(named, ingest.Named{Name: a, Source: src})
	}
	var progress atomic.Int64
	st, err := ingest.Run(context.Background(), ingest.Config{Store: store, Pipeline: p, Dedup: dedup.DefaultConfig(), Workers: 2,
		Logger: log, Progress: func(ingest.Stats) { progress.Add(1) }}, named)
	if err != nil {
		t.Fatal(err)
	}
	if progress.Load() == 0 {
		t.Error("progress never reported")
	}
	var bad []skipped
	sc := bufio.NewScanner(&logs)
	for sc.Scan() {
		var l struct{ Msg, Origin, Reason string }
		json.Unmarshal(sc.Bytes(), &l)
		if l.Msg == "skipped input" {
			bad = append(bad, skipped{filepath.Base(strings.Fields(l.Origin)[0]), l.Reason})
		}
	}
	sort.Slice(bad, func(i, j int) bool { return bad[i].Origin < bad[j].Origin })
	return st, bad
}

func openStore(t *testing.T) *sqlite.Store {
	rule, err := corroborate.New(corroborate.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "sitrep.db"), sqlite.Config{Dedup: dedup.DefaultConfig(), Corroborator: rule})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestIngestEverySourceKind(t *testing.T) {
	store := openStore(t)
	args := inputs(t)
	st, bad := run(t, store, args)
	if st.New != 8 || st.Copies != 2 || st.Duplicates != 1 || st.Bad != 7 || st.Sources != int64(len(args)) {
		t.Errorf("first run: %+v", st)
	}
	wantBad := []struct{ origin, reason string }{
		{"bad-utf8.txt", "not valid UTF-8"},
		{"batch.jsonl:3", "not a JSON object"},
		{"crawl.warc.gz#3", "no article text"},
		{"cut.warc.gz", "damaged after record 1"},
		{"gone-too", "too short"},
		{"huge.txt", "more than the limit"},
		{"login.html", "no article"},
	}
	if len(bad) != len(wantBad) {
		t.Fatalf("bad inputs reported: %+v", bad)
	}
	for i, w := range wantBad {
		if !strings.HasPrefix(bad[i].Origin, w.origin) && !strings.HasSuffix(bad[i].Origin, w.origin) || !strings.Contains(bad[i].Reason, w.reason) {
			t.Errorf("bad input %d: %+v, want %s: ...%s...", i, bad[i], w.origin, w.reason)
		}
	}

	ctx := context.Background()
	stats, err := store.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != 8 || stats.Copies != 10 {
		t.Errorf("store: %+v", stats)
	}
	// The syndicated Goma copy is one article with two outlets.
	page, err := store.Articles(ctx, sitrep.ArticleFilter{Text: "Rutshuru"})
	if err != nil || len(page.Articles) != 1 {
		t.Fatalf("goma articles: %+v %v", page.Articles, err)
	}
	outlets := page.Articles[0].Outlets
	sort.Strings(outlets)
	if strings.Join(outlets, ",") != "Coastal Daily,Great Lakes Monitor" {
		t.Errorf("goma outlets %v", outlets)
	}
	// Every article was coded by the pipeline: sentences are stored.
	a, err := store.Article(ctx, page.Articles[0].ID)
	if err != nil || len(a.Document.Sentences) < 3 || a.Document.Regions[0].Kind != sitrep.Headline {
		t.Errorf("stored annotations: %v", err)
	}

	// A second run adds nothing: every good input is found already
	// stored.
	st2, _ := run(t, store, args)
	if st2.New != 0 || st2.Copies != 0 || st2.Duplicates != 11 || st2.Bad != 7 {
		t.Errorf("second run: %+v", st2)
	}
	after, _ := store.Stats(ctx)
	after.LastIngest = stats.LastIngest
	if after != stats {
		t.Errorf("second run changed the store: %+v → %+v", stats, after)
	}
}
