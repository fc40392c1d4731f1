package server_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/storetest"
	"github.com/sitrep/sitrep/schema"
	"github.com/sitrep/sitrep/server"
	"github.com/sitrep/sitrep/sqlite"
)

func ptr[T any](v T) *T { return &v }

// Places and actors of the fixtures, written by the team.
var (
	elObeid = &sitrep.Location{Name: "El Obeid", GeonamesID: 379252, Lat: 13.1843, Lon: 30.2167, Country: "SDN", Admin1: "North Kordofan", Precision: sitrep.PrecisionTown}
	goma    = &sitrep.Location{Name: "Goma", GeonamesID: 216281, Lat: -1.6792, Lon: 29.2228, Country: "COD", Admin1: "North Kivu", Precision: sitrep.PrecisionTown}
	rsf     = &sitrep.ActorRef{ID: "SDN-RSF", Name: "Rapid Support Forces", Country: "SDN", Kind: "rebel"}
	saf     = &sitrep.ActorRef{ID: "SDN-SAF", Name: "Sudanese Armed Forces", Country: "SDN", Kind: "military"}
	m23     = &sitrep.ActorRef{ID: "COD-M23", Name: "M23", Country: "COD", Kind: "rebel"}
	rwa     = &sitrep.ActorRef{ID: "RWA", Name: "Rwanda", Country: "RWA", Kind: "state"}
)

// xssText is an article whose text and title try to run script in a page
// that shows them.
const xssTitle = `Shelling reported <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">`
const xssText = `Shelling hit Goma on Tuesday <img src=x onerror="window.__pwned=3">, residents said. <script>window.__pwned=4</script> M23 fighters attacked the airport road.`

func fixtures() []storetest.Doc {
	return []storetest.Doc{
		{ID: "a1", Outlet: "Nile Desk", Title: "RSF shells El Obeid market", Published: "2024-03-12T15:00:00Z",
			Text: "RSF shells El Obeid market\n\nArtillery fire by the Rapid Support Forces struck the market of El Obeid on Tuesday, killing 14 civilians, doctors said.",
			Events: []storetest.Ev{{Type: sitrep.Assault, Actor1: rsf, Location: elObeid, Date: "2024-03-12", Fatalities: ptr(14), Evidence: "Artillery fire",
				ACLEDType: "Explosions/Remote violence", ACLEDSubType: "Shelling/artillery/missile attack"}}},
		{ID: "a2", Outlet: "Kordofan Post", Title: "Death toll in El Obeid rises", Published: "2024-03-13T09:00:00Z",
			Text: "Death toll in El Obeid rises\n\nShells fired by the RSF on the El Obeid market on Tuesday killed 17 people, according to Reuters.",
			Events: []storetest.Ev{{Type: sitrep.Assault, Actor1: rsf, Location: elObeid, Date: "2024-03-12", Fatalities: ptr(17), Evidence: "Shells fired", CitedOutlet: "Reuters",
				ACLEDType: "Explosions/Remote violence", ACLEDSubType: "Shelling/artillery/missile attack"}}},
		{ID: "a3", Outlet: "Nile Desk", Title: "Army vows to retake the city", Published: "2024-03-14T08:00:00Z",
			Text:   "Army vows to retake the city\n\nThe army said it would launch an offensive against the RSF next week.",
			Events: []storetest.Ev{{Type: sitrep.Assault, Modality: sitrep.Planned, Actor1: saf, Actor2: rsf, Evidence: "would launch"}},
			Relations: []sitrep.Relation{{Type: sitrep.Opposes, From: *saf, To: *rsf, Modality: sitrep.Asserted,
				Evidence: sitrep.Evidence{Text: "The army said it would launch an offensive against the RSF next week."}}}},
		{ID: "x1", Outlet: "Lakes <b>Wire</b>", Title: xssTitle, Published: "2025-01-20T10:00:00Z", Text: xssText,
			Events: []storetest.Ev{{Type: sitrep.Assault, Actor1: m23, Location: goma, Date: "2025-01-20", Evidence: "M23 fighters attacked"}},
			Relations: []sitrep.Relation{{Type: sitrep.Supports, From: *rwa, To: *m23, Modality: sitrep.Alleged,
				Evidence: sitrep.Evidence{Text: "Rwanda backs M23."}}}},
	}
}

// fakeIngester records what the write endpoints pass on.
type fakeIngester struct {
	mu       sync.Mutex
	articles []sitrep.Article
	feeds    []string
}

func (f *fakeIngester) IngestArticle(_ context.Context, a sitrep.Article) (sitrep.PutResult, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.articles = append(f.articles, a)
	return sitrep.PutResult{Status: sitrep.PutNew, ArticleID: a.ID, Events: []string{"ev-1"}, NewEvents: 1}, nil
}

func (f *fakeIngester) IngestFeed(_ context.Context, u string) (server.FeedResult, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.feeds = append(f.feeds, u)
	return server.FeedResult{Read: 2, New: 2, Events: 3, NewEvents: 3}, nil
}

const testToken = "0123456789abcdef-test"

// openStore returns a SQLite store holding the fixtures.
func openStore(t testing.TB) *sqlite.Store {
	t.Helper()
	cfg := storetest.DefaultConfig(t)
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "sitrep.db"), sqlite.Config{Dedup: cfg.Dedup, Corroborator: cfg.Corroborator})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, d := range fixtures() {
		storetest.Put(t, s, d)
	}
	return s
}

// start serves cfg on a loopback port until the test ends and returns the
// base URL.
func start(t testing.TB, cfg server.Config) string {
	t.Helper()
	srv, err := server.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln, nil) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

func testConfig(t testing.TB, store server.Reader) server.Config {
	cfg := server.DefaultConfig()
	cfg.Store = store
	cfg.Ingester = &fakeIngester{}
	cfg.Token = testToken
	cfg.Version = "test"
	cfg.Assets = fstest.MapFS{
		"index.html":      {Data: []byte("<!doctype html><title>sitrep</title><script src=\"/assets/app-1.js\"></script>")},
		"assets/app-1.js": {Data: []byte(strings.Repeat("console.log('sitrep');\n", 100))},
	}
	return cfg
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func do(t testing.TB, method, u string, body string, header ...string) response {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, u, rd)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			req.Host = header[i+1]
			continue
		}
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{res.StatusCode, res.Header, b}
}

// spec is the OpenAPI document, compiled for checking answers.
type spec struct {
	doc      map[string]any
	compiler *jsonschema.Compiler
}

func loadSpec(t testing.TB) *spec {
	t.Helper()
	b, err := server.OpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("openapi.json", doc); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return &spec{doc: m, compiler: c}
}

func pointerEscape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// check validates an answer against the schema the spec gives for the
// path, method and status, and fails when the spec has none.
func (sp *spec) check(t testing.TB, method, path string, r response) {
	t.Helper()
	ptr := "/paths/" + pointerEscape(path) + "/" + strings.ToLower(method) + "/responses/" + fmt.Sprint(r.status)
	node, ok := sp.at(ptr)
	if !ok {
		t.Fatalf("%s %s: the spec has no response %d (%s)", method, path, r.status, ptr)
	}
	if ref, ok := node.(map[string]any)["$ref"].(string); ok {
		ptr = strings.TrimPrefix(ref, "#")
		node, _ = sp.at(ptr)
	}
	ct, _, _ := strings.Cut(r.header.Get("Content-Type"), ";")
	content, ok := node.(map[string]any)["content"].(map[string]any)
	if !ok || content[ct] == nil {
		t.Fatalf("%s %s: the spec's %d response has no content %q", method, path, r.status, ct)
	}
	if ct != "application/json" {
		return
	}
	loc := "openapi.json#" + (&url.URL{Fragment: ptr + "/content/" + pointerEscape(ct) + "/schema"}).EscapedFragment()
	sch, err := sp.compiler.Compile(loc)
	if err != nil {
		t.Fatalf("compile %s: %v", loc, err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(r.body))
	if err != nil {
		t.Fatalf("%s %s: answer is not JSON: %v\n%s", method, path, err, r.body)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("%s %s (%d): answer breaks the spec: %v\n%s", method, path, r.status, err, r.body)
	}
}

func (sp *spec) at(ptr string) (any, bool) {
	var node any = sp.doc
	for _, part := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		m, ok := node.(map[string]any)
		if !ok {
			return nil, false
		}
		if node, ok = m[part]; !ok {
			return nil, false
		}
	}
	return node, true
}

func decode[T any](t testing.TB, r response) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(r.body, &v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
	return v
}

type eventList struct {
	Events []sitrep.EventRecord
	Next   string
}

// TestAPI runs every endpoint on the fixtures, checks each answer against
// the OpenAPI document and what it must hold.
func TestAPI(t *testing.T) {
	store := openStore(t)
	base := start(t, testConfig(t, store))
	sp := loadSpec(t)

	all := decode[eventList](t, do(t, "GET", base+"/api/v1/events", ""))
	if len(all.Events) != 3 {
		t.Fatalf("want 3 corroborated events (two reports of one shelling, a plan, the Goma attack), got %d", len(all.Events))
	}
	var shelling, plan sitrep.EventRecord
	for _, e := range all.Events {
		switch {
		case e.ReportCount == 2:
			shelling = e
		case e.Event.Modality == sitrep.Planned:
			plan = e
		}
	}
	if shelling.ID == "" || plan.ID == "" {
		t.Fatalf("fixtures not corroborated as expected: %+v", all.Events)
	}

	tests := []struct {
		name, method, path, url string
		body                    string
		header                  []string
		status                  int
		// want checks the answer beyond the spec.
		want func(t *testing.T, r response)
	}{
		{name: "events", path: "/api/v1/events", url: "/api/v1/events?limit=2", status: 200, want: func(t *testing.T, r response) {
			l := decode[eventList](t, r)
			if len(l.Events) != 2 || l.Next == "" {
				t.Errorf("want a page of 2 with a next cursor, got %d, %q", len(l.Events), l.Next)
			}
		}},
		{name: "events filtered", path: "/api/v1/events", url: "/api/v1/events?country=sdn&type=ASSAULT&happened=true&min_sources=2&since=2024-03-01&until=2024-03-31&bbox=29,12,31,14", status: 200,
			want: func(t *testing.T, r response) {
				l := decode[eventList](t, r)
				if len(l.Events) != 1 || l.Events[0].ID != shelling.ID || l.Next != "" {
					t.Errorf("want only the corroborated shelling, got %+v", l)
				}
			}},
		{name: "events by actor and modality", path: "/api/v1/events", url: "/api/v1/events?actor=SDN-SAF&modality=planned,denied", status: 200,
			want: func(t *testing.T, r response) {
				if l := decode[eventList](t, r); len(l.Events) != 1 || l.Events[0].ID != plan.ID || l.Events[0].Happened {
					t.Errorf("want the planned offensive, not happened: %+v", l)
				}
			}},
		{name: "events text", path: "/api/v1/events", url: "/api/v1/events?q=airport+road", status: 200, want: func(t *testing.T, r response) {
			if l := decode[eventList](t, r); len(l.Events) != 1 || l.Events[0].Event.Location.Name != "Goma" {
				t.Errorf("want the Goma attack: %+v", l)
			}
		}},
		{name: "geojson", path: "/api/v1/events.geojson", url: "/api/v1/events.geojson", status: 200, want: func(t *testing.T, r response) {
			fc := decode[struct {
				Features []struct {
					ID       string
					Geometry *struct{ Coordinates [2]float64 }
				}
			}](t, r)
			located := 0
			for _, f := range fc.Features {
				if f.Geometry != nil {
					located++
				}
				if f.ID == plan.ID && f.Geometry != nil {
					t.Errorf("the plan has no location yet got a geometry")
				}
			}
			if len(fc.Features) != 3 || located != 2 {
				t.Errorf("want 3 features, 2 located: %s", r.body)
			}
		}},
		{name: "event", path: "/api/v1/events/{id}", url: "/api/v1/events/" + shelling.ID, status: 200, want: func(t *testing.T, r response) {
			e := decode[sitrep.EventRecord](t, r)
			if len(e.Reports) != 2 || len(e.Conflicts) == 0 || !slices.Contains(e.Sources, "Reuters") {
				t.Errorf("want two reports, a fatality conflict and Reuters among the sources: %+v", e)
			}
			for _, rp := range e.Reports {
				if rp.Event.Evidence.Text == "" || len(rp.Event.Sources) == 0 || rp.ArticleID == "" {
					t.Errorf("report without evidence, attribution or article: %+v", rp)
				}
			}
		}},
		{name: "event missing", path: "/api/v1/events/{id}", url: "/api/v1/events/ev-nope", status: 404},
		{name: "counts by day", path: "/api/v1/counts", url: "/api/v1/counts?by=day&happened=true", status: 200, want: func(t *testing.T, r response) {
			c := decode[struct{ Counts []sitrep.Count }](t, r)
			if len(c.Counts) != 2 || c.Counts[0].Key != "2024-03-12" {
				t.Errorf("want two days, the shelling's first: %s", r.body)
			}
		}},
		{name: "counts by place", path: "/api/v1/counts", url: "/api/v1/counts?by=place", status: 200, want: func(t *testing.T, r response) {
			c := decode[struct{ Counts []sitrep.Count }](t, r)
			if len(c.Counts) != 2 || c.Counts[0].Lat == nil {
				t.Errorf("want two places with coordinates: %s", r.body)
			}
		}},
		{name: "counts bad by", path: "/api/v1/counts", url: "/api/v1/counts?by=year", status: 400},
		{name: "export acled", path: "/api/v1/export", url: "/api/v1/export?format=acled-csv", status: 200, want: func(t *testing.T, r response) {
			if !strings.Contains(r.header.Get("Content-Disposition"), "attachment") || !bytes.HasPrefix(r.body, []byte("event_id_cnty,")) {
				t.Errorf("want an ACLED CSV attachment: %v %.200s", r.header, r.body)
			}
			if n := bytes.Count(r.body, []byte("\n")); n != 2 {
				t.Errorf("want a header and the shelling, the one event that happened with an ACLED type; got %d lines", n)
			}
		}},
		{name: "export geojson", path: "/api/v1/export", url: "/api/v1/export?format=geojson&country=COD", status: 200},
		{name: "export bad format", path: "/api/v1/export", url: "/api/v1/export?format=xlsx", status: 400},
		{name: "articles", path: "/api/v1/articles", url: "/api/v1/articles?limit=10", status: 200, want: func(t *testing.T, r response) {
			if l := decode[struct{ Articles []sitrep.ArticleSummary }](t, r); len(l.Articles) != 4 {
				t.Errorf("want 4 articles: %s", r.body)
			}
		}},
		{name: "article", path: "/api/v1/articles/{id}", url: "/api/v1/articles/a2", status: 200, want: func(t *testing.T, r response) {
			v := decode[struct {
				Document json.RawMessage
				Text     string
				Reports  []struct {
					EventID  string `json:"event_id"`
					Evidence sitrep.Span
				}
			}](t, r)
			if err := schema.Validate(v.Document); err != nil {
				t.Errorf("document breaks the contract: %v", err)
			}
			if len(v.Reports) != 1 || v.Reports[0].EventID != shelling.ID {
				t.Fatalf("want the report linked to the shelling: %+v", v.Reports)
			}
			if ev := v.Reports[0].Evidence; !strings.HasPrefix(v.Text[ev.Start:ev.End], "Shells fired") {
				t.Errorf("evidence span %v is not the sentence in the text: %q", ev, v.Text[ev.Start:ev.End])
			}
		}},
		{name: "article missing", path: "/api/v1/articles/{id}", url: "/api/v1/articles/zz", status: 404},
		{name: "actors", path: "/api/v1/actors", url: "/api/v1/actors?q=sdn", status: 200, want: func(t *testing.T, r response) {
			if l := decode[struct{ Actors []sitrep.ActorRecord }](t, r); len(l.Actors) != 2 {
				t.Errorf("want RSF and SAF: %s", r.body)
			}
		}},
		{name: "actor", path: "/api/v1/actors/{id}", url: "/api/v1/actors/SDN-RSF", status: 200, want: func(t *testing.T, r response) {
			if a := decode[sitrep.ActorRecord](t, r); a.Events != 2 || len(a.Relations) != 1 {
				t.Errorf("want 2 events and the army's opposition: %s", r.body)
			}
		}},
		{name: "actor missing", path: "/api/v1/actors/{id}", url: "/api/v1/actors/XXX-NONE", status: 404},
		{name: "stats", path: "/api/v1/stats", url: "/api/v1/stats", status: 200, want: func(t *testing.T, r response) {
			if st := decode[sitrep.Stats](t, r); st.Articles != 4 || st.Events != 3 {
				t.Errorf("stats: %s", r.body)
			}
		}},
		{name: "info", path: "/api/v1/info", url: "/api/v1/info", status: 200},
		{name: "openapi", path: "/api/v1/openapi.json", url: "/api/v1/openapi.json", status: 200},
		{name: "healthz", path: "/healthz", url: "/healthz", status: 200},

		// Bad requests say what is wrong.
		{name: "unknown parameter", path: "/api/v1/events", url: "/api/v1/events?sinse=2024-01-01", status: 400, want: wantMessage("sinse")},
		{name: "bad date", path: "/api/v1/events", url: "/api/v1/events?since=12/03/2024", status: 400, want: wantMessage("YYYY-MM-DD")},
		{name: "dates reversed", path: "/api/v1/events", url: "/api/v1/events?since=2024-05-01&until=2024-01-01", status: 400},
		{name: "page too large", path: "/api/v1/events", url: "/api/v1/events?limit=5000", status: 400, want: wantMessage("1000")},
		{name: "bad bbox", path: "/api/v1/events", url: "/api/v1/events?bbox=1,2,3", status: 400, want: wantMessage("minlon")},
		{name: "bad type", path: "/api/v1/events", url: "/api/v1/events?type=BOMBING", status: 400, want: wantMessage("PLOVER")},
		{name: "bad country", path: "/api/v1/events", url: "/api/v1/events?country=Sudan", status: 400, want: wantMessage("alpha-3")},
		{name: "bad cursor", path: "/api/v1/events", url: "/api/v1/events?cursor=garbage", status: 400},
		{name: "long text", path: "/api/v1/events", url: "/api/v1/events?q=" + strings.Repeat("a", 600), status: 400},
		{name: "no such endpoint", path: "", url: "/api/v1/nothing", status: 404},
		{name: "wrong method", path: "", method: "DELETE", url: "/api/v1/events", status: 405, want: func(t *testing.T, r response) {
			if r.header.Get("Allow") != "GET, HEAD" {
				t.Errorf("Allow: %q", r.header.Get("Allow"))
			}
		}},

		// Writes.
		{name: "post article", method: "POST", path: "/api/v1/articles", url: "/api/v1/articles",
			body:   `{"text":"Rebels seized the town on Monday.","title":"Town seized","published":"2024-02-03","outlet":"Desk"}`,
			header: []string{"Authorization", "Bearer " + testToken, "Content-Type", "application/json"}, status: 201},
		{name: "post article without token", method: "POST", path: "/api/v1/articles", url: "/api/v1/articles",
			body: `{"text":"x"}`, status: 401},
		{name: "post article wrong token", method: "POST", path: "/api/v1/articles", url: "/api/v1/articles",
			body: `{"text":"x"}`, header: []string{"Authorization", "Bearer not-the-token-at-all"}, status: 401},
		{name: "post article no text", method: "POST", path: "/api/v1/articles", url: "/api/v1/articles",
			body: `{"title":"x"}`, header: []string{"Authorization", "Bearer " + testToken}, status: 400, want: wantMessage("text")},
		{name: "post article unknown field", method: "POST", path: "/api/v1/articles", url: "/api/v1/articles",
			body: `{"text":"x","body":"y"}`, header: []string{"Authorization", "Bearer " + testToken}, status: 400},
		{name: "post article bad date", method: "POST", path: "/api/v1/articles", url: "/api/v1/articles",
			body: `{"text":"x","published":"last week"}`, header: []string{"Authorization", "Bearer " + testToken}, status: 400},
		{name: "post article too large", method: "POST", path: "/api/v1/articles", url: "/api/v1/articles",
			body: `{"text":"` + strings.Repeat("a", 9<<20) + `"}`, header: []string{"Authorization", "Bearer " + testToken}, status: 413},
		{name: "post feed", method: "POST", path: "/api/v1/feeds", url: "/api/v1/feeds",
			body: `{"url":"https://news.example/feed.xml"}`, header: []string{"Authorization", "Bearer " + testToken}, status: 200},
		{name: "post feed not a URL", method: "POST", path: "/api/v1/feeds", url: "/api/v1/feeds",
			body: `{"url":"file:///etc/passwd"}`, header: []string{"Authorization", "Bearer " + testToken}, status: 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = "GET"
			}
			r := do(t, method, base+tt.url, tt.body, tt.header...)
			if r.status != tt.status {
				t.Fatalf("%s %s: status %d, want %d: %.300s", method, tt.url, r.status, tt.status, r.body)
			}
			if r.status >= 400 {
				e := decode[struct{ Code, Message string }](t, r)
				if e.Code == "" || e.Message == "" {
					t.Errorf("error without code or message: %s", r.body)
				}
			}
			if tt.path != "" {
				sp.check(t, method, tt.path, r)
			}
			if tt.want != nil {
				tt.want(t, r)
			}
		})
	}
}

func wantMessage(part string) func(t *testing.T, r response) {
	return func(t *testing.T, r response) {
		if e := decode[struct{ Message string }](t, r); !strings.Contains(e.Message, part) {
			t.Errorf("message %q does not mention %q", e.Message, part)
		}
	}
}

// TestPagination walks the list one event a page and finds every event
// once, in list order.
func TestPagination(t *testing.T) {
	base := start(t, testConfig(t, openStore(t)))
	want := decode[eventList](t, do(t, "GET", base+"/api/v1/events", ""))
	var got []string
	cursor := ""
	for range 10 {
		l := decode[eventList](t, do(t, "GET", base+"/api/v1/events?limit=1&cursor="+url.QueryEscape(cursor), ""))
		for _, e := range l.Events {
			got = append(got, e.ID)
		}
		if cursor = l.Next; cursor == "" {
			break
		}
	}
	var ids []string
	for _, e := range want.Events {
		ids = append(ids, e.ID)
	}
	if !slices.Equal(got, ids) {
		t.Errorf("pages gave %v, the list is %v", got, ids)
	}
}

// TestSpecCoversRoutes checks that the OpenAPI document and the server
// describe the same paths and methods.
func TestSpecCoversRoutes(t *testing.T) {
	sp := loadSpec(t)
	base := start(t, testConfig(t, openStore(t)))
	paths := sp.doc["paths"].(map[string]any)
	for p, ops := range paths {
		for m := range ops.(map[string]any) {
			u := strings.NewReplacer("{id}", "x").Replace(p)
			r := do(t, strings.ToUpper(m), base+u, "{}")
			if r.status == http.StatusMethodNotAllowed || (r.status == http.StatusNotFound && strings.Contains(string(r.body), "no API endpoint")) {
				t.Errorf("the spec has %s %s; the server does not serve it (%d)", strings.ToUpper(m), p, r.status)
			}
		}
	}
	// Every method the server answers on a spec path is in the spec.
	for p, ops := range paths {
		u := strings.NewReplacer("{id}", "x").Replace(p)
		for _, m := range []string{"GET", "POST", "PUT", "DELETE", "PATCH"} {
			r := do(t, m, base+u, "{}")
			_, inSpec := ops.(map[string]any)[strings.ToLower(m)]
			if r.status != http.StatusMethodNotAllowed && !inSpec {
				t.Errorf("the server answers %s %s (%d) but the spec does not list it", m, p, r.status)
			}
		}
	}
}

func TestWritesOffWithoutToken(t *testing.T) {
	cfg := testConfig(t, openStore(t))
	cfg.Token = ""
	base := start(t, cfg)
	r := do(t, "POST", base+"/api/v1/articles", `{"text":"x"}`, "Authorization", "Bearer "+testToken)
	if r.status != http.StatusForbidden || !strings.Contains(string(r.body), "--token") {
		t.Errorf("want 403 saying how to turn writes on, got %d %s", r.status, r.body)
	}
	if info := decode[struct{ Writes bool }](t, do(t, "GET", base+"/api/v1/info", "")); info.Writes {
		t.Error("info says writes are on")
	}
}

func TestHostGuard(t *testing.T) {
	base := start(t, testConfig(t, openStore(t)))
	for _, tt := range []struct {
		host string
		ok   bool
	}{
		{"", true}, {"localhost:8080", true}, {"127.0.0.1", true}, {"[::1]:80", true}, {"app.localhost", true},
		{"evil.example", false}, {"evil.example:8080", false}, {"10.0.0.1", false},
	} {
		var h []string
		if tt.host != "" {
			h = []string{"Host", tt.host}
		}
		r := do(t, "GET", base+"/api/v1/stats", "", h...)
		if (r.status == http.StatusOK) != tt.ok {
			t.Errorf("Host %q: status %d, want allowed=%v", tt.host, r.status, tt.ok)
		}
	}
}

func TestHeadersAndCompression(t *testing.T) {
	base := start(t, testConfig(t, openStore(t)))
	// The default client asks for gzip and unpacks it itself; ask by hand
	// to see the encoding.
	r := do(t, "GET", base+"/api/v1/openapi.json", "", "Accept-Encoding", "gzip")
	if r.header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("want a gzip answer, got %v", r.header)
	}
	zr, err := gzip.NewReader(bytes.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	if b, err := io.ReadAll(zr); err != nil || !json.Valid(b) {
		t.Errorf("gzip body is not JSON: %v", err)
	}
	for _, u := range []string{"/api/v1/stats", "/", "/assets/app-1.js"} {
		r := do(t, "GET", base+u, "")
		if csp := r.header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("%s: CSP %q", u, csp)
		}
		if r.header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", u)
		}
	}
	if r := do(t, "GET", base+"/assets/app-1.js", ""); !strings.Contains(r.header.Get("Cache-Control"), "immutable") || r.status != 200 {
		t.Errorf("hashed asset: %d %v", r.status, r.header)
	}
	idx := do(t, "GET", base+"/", "")
	if idx.status != 200 || idx.header.Get("Cache-Control") != "no-cache" || !strings.HasPrefix(idx.header.Get("Content-Type"), "text/html") {
		t.Errorf("index: %d %v", idx.status, idx.header)
	}
	if r := do(t, "GET", base+"/", "", "If-None-Match", idx.header.Get("ETag")); r.status != http.StatusNotModified {
		t.Errorf("revalidation: %d", r.status)
	}
	if r := do(t, "GET", base+"/nothing.js", ""); r.status != 404 {
		t.Errorf("missing asset: %d", r.status)
	}
}

// slowStore answers nothing until its context ends.
type slowStore struct{ server.Reader }

func (slowStore) Events(ctx context.Context, _ sitrep.EventFilter) (sitrep.EventPage, error) {
	<-ctx.Done()
	return sitrep.EventPage{}, fmt.Errorf("events: %w", ctx.Err())
}

func TestQueryTimeout(t *testing.T) {
	cfg := testConfig(t, slowStore{openStore(t)})
	cfg.QueryTimeout = 50 * time.Millisecond
	base := start(t, cfg)
	r := do(t, "GET", base+"/api/v1/events", "")
	if r.status != http.StatusServiceUnavailable || !strings.Contains(string(r.body), "narrow") {
		t.Errorf("want 503 asking to narrow the query, got %d %s", r.status, r.body)
	}
	if r := do(t, "GET", base+"/healthz", ""); r.status != http.StatusServiceUnavailable {
		t.Errorf("healthz on a store that does not answer: %d", r.status)
	}
}

// failingStore fails every event query with an internal error.
type failingStore struct{ server.Reader }

func (failingStore) Events(context.Context, sitrep.EventFilter) (sitrep.EventPage, error) {
	return sitrep.EventPage{}, errors.New("disk on fire at /var/lib/secret")
}

func TestInternalErrorsDoNotLeak(t *testing.T) {
	base := start(t, testConfig(t, failingStore{openStore(t)}))
	r := do(t, "GET", base+"/api/v1/events", "")
	if r.status != 500 || strings.Contains(string(r.body), "secret") {
		t.Errorf("want a 500 that hides the cause, got %d %s", r.status, r.body)
	}
}

func TestConfigValidate(t *testing.T) {
	store := openStore(t)
	for _, tt := range []struct {
		name  string
		edit  func(*server.Config)
		field string
	}{
		{"no store", func(c *server.Config) { c.Store = nil }, "Store"},
		{"short token", func(c *server.Config) { c.Token = "abc" }, "Token"},
		{"token without ingester", func(c *server.Config) { c.Ingester = nil }, "Ingester"},
		{"page", func(c *server.Config) { c.MaxPage = 5000 }, "MaxPage"},
		{"timeout", func(c *server.Config) { c.QueryTimeout = 0 }, "QueryTimeout"},
		{"body", func(c *server.Config) { c.MaxBodyBytes = 10 }, "MaxBodyBytes"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig(t, store)
			tt.edit(&cfg)
			if _, err := server.New(cfg); err == nil || !strings.Contains(err.Error(), tt.field) {
				t.Errorf("want an error naming %s, got %v", tt.field, err)
			}
		})
	}
}

// FuzzEventQuery throws arbitrary query strings at the event list: every
// answer is 200 or a JSON 400, never a panic or a 500.
func FuzzEventQuery(f *testing.F) {
	for _, s := range []string{"", "limit=2", "since=2024-01-01&until=2024-12-31", "bbox=1,2,3,4", "type=ASSAULT,PROTEST&modality=planned",
		"q=%22drone%22+AND+OR", "country=sdn&min_sources=2&happened=yes", "cursor=%00%ff", "q=*", "actor=name:x", "q=NEAR(a+b)"} {
		f.Add(s)
	}
	store := openStore(f)
	srv, err := server.New(testConfig(f, store))
	if err != nil {
		f.Fatal(err)
	}
	h := srv.Handler()
	f.Fuzz(func(t *testing.T, q string) {
		if len(q) > 4096 {
			return
		}
		for _, path := range []string{"/api/v1/events", "/api/v1/events.geojson", "/api/v1/counts"} {
			req, err := http.NewRequest("GET", "http://127.0.0.1"+path, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.URL.RawQuery = q
			if path == "/api/v1/counts" {
				req.URL.RawQuery = "by=type&" + q
			}
			w := &recorder{header: http.Header{}}
			h.ServeHTTP(w, req)
			if w.status != 200 && w.status != 400 {
				t.Fatalf("%s?%s: status %d: %s", path, req.URL.RawQuery, w.status, w.body.Bytes())
			}
			if !json.Valid(w.body.Bytes()) {
				t.Fatalf("%s?%s: answer is not JSON: %s", path, q, w.body.Bytes())
			}
		}
	})
}

// recorder is a minimal ResponseWriter (httptest.ResponseRecorder would
// do; this keeps the fuzz loop free of its bookkeeping).
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) WriteHeader(s int) {
	if r.status == 0 {
		r.status = s
	}
}
func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = 200
	}
	return r.body.Write(b)
}
