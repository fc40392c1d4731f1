// Package storetest is the conformance suite every sitrep.Store passes:
// the same documents, the same expectations, run against SQLite and
// PostgreSQL alike (as litestream runs one suite against every replica
// client). A store package calls Run from its tests with a function that
// opens an empty store.
package storetest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/clean"
	"github.com/sitrep/sitrep/corroborate"
	"github.com/sitrep/sitrep/dedup"
	"github.com/sitrep/sitrep/segment"
	"github.com/sitrep/sitrep/tokenize"
)

// Opener opens an empty store; the suite closes it.
type Opener func(t *testing.T, cfg Config) sitrep.Store

// Config is what the suite asks a store to be opened with.
type Config struct {
	Dedup        dedup.Config
	Corroborator sitrep.Corroborator
}

// DefaultConfig returns sitrep's dedup and corroboration settings.
func DefaultConfig(t testing.TB) Config {
	r, err := corroborate.New(corroborate.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return Config{Dedup: dedup.DefaultConfig(), Corroborator: r}
}

// Run runs the whole suite.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, sitrep.Store)
	}{
		{"PutAndRead", testPutAndRead},
		{"Idempotent", testIdempotent},
		{"SyndicatedCopies", testSyndicatedCopies},
		{"SameIDOtherText", testSameIDOtherText},
		{"Corroboration", testCorroboration},
		{"Reindex", testReindex},
		{"IncrementalMerge", testIncrementalMerge},
		{"Filters", testFilters},
		{"Pagination", testPagination},
		{"Counts", testCounts},
		{"Actors", testActors},
		{"Articles", testArticles},
		{"Errors", testErrors},
		{"TextSearch", testTextSearch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t, DefaultConfig(t))
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("close: %v", err)
				}
			})
			tt.fn(t, s)
		})
	}
}

// Places and actors of the fixtures.
var (
	Tripoli = &sitrep.Location{Name: "Tripoli", GeonamesID: 2210247, Lat: 32.8872, Lon: 13.1913, Country: "LBY", Admin1: "Tripoli", Precision: sitrep.PrecisionTown}
	Airport = &sitrep.Location{Name: "Tripoli International Airport", Lat: 32.70, Lon: 13.159, Country: "LBY", Admin1: "Tripoli", Precision: sitrep.PrecisionTown}
	Sirte   = &sitrep.Location{Name: "Sirte", GeonamesID: 2210554, Lat: 31.2089, Lon: 16.5887, Country: "LBY", Admin1: "Surt", Precision: sitrep.PrecisionTown}
	Kharkiv = &sitrep.Location{Name: "Kharkiv", GeonamesID: 706483, Lat: 49.9808, Lon: 36.2527, Country: "UKR", Admin1: "Kharkiv", Precision: sitrep.PrecisionTown}
	LNA     = &sitrep.ActorRef{ID: "LBY-LNA", Name: "Libyan National Army", Country: "LBY", Kind: "rebel"}
	GNA     = &sitrep.ActorRef{ID: "LBY-GNA", Name: "Government of National Accord", Country: "LBY", Kind: "government"}
	Wagner  = &sitrep.ActorRef{ID: "RUS-WAGNER", Name: "Wagner Group", Country: "RUS", Kind: "mercenary"}
	RUS     = &sitrep.ActorRef{ID: "RUS", Name: "Russia", Country: "RUS", Kind: "state"}
)

// Doc is a fixture document: a report run through the text layer, with
// events whose evidence is the sentence holding Evidence.
type Doc struct {
	ID, Outlet, URL, Title, Published, Text string
	Events                                  []Ev
	Relations                               []sitrep.Relation
}

// Ev is a fixture event.
type Ev struct {
	Type     sitrep.EventType
	Modality sitrep.Modality
	Actor1   *sitrep.ActorRef
	Actor2   *sitrep.ActorRef
	Location *sitrep.Location
	Date     string
	// DateEnd makes the date a range (month precision) from Date.
	DateEnd    string
	Fatalities *int
	// Evidence is a phrase of the text; the event's evidence is the
	// sentence holding it.
	Evidence string
	// CitedOutlet, when set, puts a cited outlet in the attribution.
	CitedOutlet string
	// ACLED types, as the coder sets them.
	ACLEDType, ACLEDSubType string
}

// Build runs the text layer (clean, segment, tokenize) on the fixture and
// attaches its events.
func Build(t testing.TB, d Doc) *sitrep.Document {
	t.Helper()
	a := sitrep.Article{ID: d.ID, Outlet: d.Outlet, URL: d.URL, Title: d.Title, Text: d.Text, Language: "en"}
	if d.Published != "" {
		p, err := sitrep.ParsePublished(d.Published)
		if err != nil {
			t.Fatal(err)
		}
		a.Published = p
	}
	doc := sitrep.NewDocument(a)
	// The text layer only: the suite tests stores, so the events, actors
	// and places are the fixture's, never a model's.
	c, err := clean.New(clean.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	sg, err := segment.New(segment.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	p := &sitrep.Pipeline{Stages: []sitrep.Stage{c, sg, tokenize.Tokenizer{}}}
	if err := p.Run(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for i, e := range d.Events {
		ev := sitrep.Event{ID: fmt.Sprintf("e%d", i+1), Type: e.Type, Modality: e.Modality, Actor1: e.Actor1, Actor2: e.Actor2,
			Location: e.Location, Fatalities: e.Fatalities, Confidence: 0.9, ACLEDEventType: e.ACLEDType, ACLEDSubEventType: e.ACLEDSubType}
		if ev.Modality == "" {
			ev.Modality = sitrep.Asserted
		}
		if e.Date != "" {
			ev.Date = &sitrep.DateRange{Start: e.Date, End: e.Date, Precision: sitrep.DateDay}
			if e.DateEnd != "" {
				ev.Date.End, ev.Date.Precision = e.DateEnd, sitrep.DateMonth
			}
		}
		off := strings.Index(d.Text, e.Evidence)
		if off < 0 || e.Evidence == "" {
			t.Fatalf("fixture %s: evidence %q not in the text", d.ID, e.Evidence)
		}
		if si := doc.SentenceAt(off); si >= 0 {
			sp := doc.Sentences[si].Span
			ev.Evidence = sitrep.Evidence{Text: doc.Slice(sp), Span: sp}
		} else {
			ev.Evidence = sitrep.Evidence{Text: e.Evidence, Span: sitrep.Span{Start: off, End: off + len(e.Evidence)}}
		}
		ev.Mentions = []sitrep.Evidence{ev.Evidence}
		ev.Sources = []sitrep.Attribution{{Name: d.Outlet, Role: sitrep.RoleOutlet}}
		if e.CitedOutlet != "" {
			ev.Sources = append(ev.Sources, sitrep.Attribution{Name: e.CitedOutlet, Role: sitrep.RoleCitedOutlet})
		}
		doc.Events = append(doc.Events, ev)
	}
	doc.Relations = d.Relations
	return doc
}

// Put fingerprints and stores a fixture.
func Put(t testing.TB, s sitrep.Store, d Doc) sitrep.PutResult {
	t.Helper()
	doc := Build(t, d)
	res, err := s.Put(context.Background(), sitrep.Coded{Doc: doc, Fingerprint: dedup.DefaultConfig().Of(&doc.Article), Origin: d.ID + ".txt"})
	if err != nil {
		t.Fatalf("put %s: %v", d.ID, err)
	}
	return res
}

func ptr[T any](v T) *T { return &v }

// shelling is the fixtures' LNA shelling of Tripoli on 18 May 2020 as one
// report codes it: its toll and its evidence.
func shelling(fatalities int, evidence string) Ev {
	return Ev{Type: sitrep.Assault, Actor1: LNA, Actor2: GNA, Location: Tripoli, Date: "2020-05-18", Fatalities: ptr(fatalities), Evidence: evidence}
}

// airportReport is a report long enough for near-duplicate detection.
const airportReport = `Forces of the Libyan National Army shelled the Mitiga area of Tripoli on Monday, killing five civilians, ` +
	`officials of the Government of National Accord said. The shells fell on houses near the coastal road in the early ` +
	`morning and set several cars on fire, according to residents who spoke by telephone. Ambulances took the wounded to ` +
	`the central hospital, where doctors said at least eleven people were being treated for shrapnel wounds. The unity ` +
	`government accused the eastern forces of targeting residential districts and called on the United Nations mission ` +
	`to record the attack. A spokesman for the eastern forces said they had struck only military positions.`

func libyaDoc() Doc {
	return Doc{
		ID: "a1", Outlet: "Tripoli Wire", URL: "https://tripoliwire.example/2020/05/18/shelling?utm_source=feed",
		Title: "Shelling kills five in Tripoli", Published: "2020-05-18T14:00:00Z", Text: airportReport,
		Events: []Ev{{Type: sitrep.Assault, Actor1: LNA, Actor2: GNA, Location: Tripoli, Date: "2020-05-18", Fatalities: ptr(5),
			Evidence: "shelled the Mitiga area"}},
		Relations: []sitrep.Relation{{Type: sitrep.Supports, From: *RUS, To: *LNA, Modality: sitrep.Alleged,
			Evidence: sitrep.Evidence{Text: "Russia backs the LNA."}}},
	}
}

func testPutAndRead(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	res := Put(t, s, libyaDoc())
	if res.Status != sitrep.PutNew || res.ArticleID != "a1" || len(res.Events) != 1 || res.NewEvents != 1 {
		t.Fatalf("put: %+v", res)
	}
	a, err := s.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	d := a.Document
	if d.Article.Text != airportReport || d.Article.Outlet != "Tripoli Wire" || d.Article.Published.Format(time.RFC3339) != "2020-05-18T14:00:00Z" {
		t.Errorf("article read back wrong: %+v", d.Article)
	}
	if len(d.Sentences) == 0 || len(d.Regions) == 0 || len(d.Events) != 1 || len(d.Relations) != 1 {
		t.Errorf("annotations lost: %d sentences, %d regions, %d events, %d relations", len(d.Sentences), len(d.Regions), len(d.Events), len(d.Relations))
	}
	if len(d.Tokens) != 0 {
		t.Errorf("tokens stored: %d", len(d.Tokens))
	}
	if got := d.Slice(d.Events[0].Evidence.Span); !strings.Contains(got, "shelled the Mitiga area") {
		t.Errorf("evidence span points at %q", got)
	}
	if len(a.Copies) != 1 || a.Copies[0].Match != "original" || a.Copies[0].Origin != "a1.txt" {
		t.Errorf("copies %+v", a.Copies)
	}
	if a.Fingerprint.CanonicalURL != "https://tripoliwire.example/2020/05/18/shelling" {
		t.Errorf("canonical url %q", a.Fingerprint.CanonicalURL)
	}
	if len(a.Reports) != 1 || a.Reports[0].EventID != res.Events[0] {
		t.Fatalf("article reports %+v", a.Reports)
	}

	e, err := s.Event(ctx, res.Events[0])
	if err != nil {
		t.Fatal(err)
	}
	if e.Event.Type != sitrep.Assault || e.Event.Actor1.ID != "LBY-LNA" || e.Event.Location.Name != "Tripoli" || *e.Event.Fatalities != 5 {
		t.Errorf("event coding: %+v", e.Event)
	}
	if !e.Happened || e.ReportCount != 1 || e.ArticleCount != 1 || !slices.Equal(e.Sources, []string{"Tripoli Wire"}) {
		t.Errorf("event: happened %v reports %d articles %d sources %v", e.Happened, e.ReportCount, e.ArticleCount, e.Sources)
	}
	if e.FirstReported.IsZero() || !e.FirstReported.Equal(e.LastReported) {
		t.Errorf("report times %v %v", e.FirstReported, e.LastReported)
	}
	if len(e.Reports) != 1 {
		t.Fatalf("event reports: %d", len(e.Reports))
	}
	r := e.Reports[0]
	if r.ID != "a1/e1" || r.ArticleID != "a1" || r.Title != "Shelling kills five in Tripoli" || !slices.Equal(r.Outlets, []string{"Tripoli Wire"}) ||
		r.Source != "Tripoli Wire" || r.Score != 1 || len(r.Event.Sources) != 1 || r.Event.Evidence.Text == "" {
		t.Errorf("report %+v", r)
	}
	if e.Event.Confidence <= 0 {
		t.Errorf("confidence %g", e.Event.Confidence)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := sitrep.Stats{Articles: 1, Copies: 1, Reports: 1, Events: 1, Actors: 3, Places: 1, Relations: 1}
	st.LastIngest = time.Time{}
	if st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
}

func testIdempotent(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	Put(t, s, libyaDoc())
	before, _ := s.Stats(ctx)
	for _, d := range []Doc{
		libyaDoc(), // the same input again
		func() Doc {
			d := libyaDoc()
			d.URL = "http://www.tripoliwire.example/2020/05/18/shelling/#top"
			d.Text += " Updated."
			return d
		}(), // same page
		func() Doc { d := libyaDoc(); d.ID = "other-id"; d.URL = ""; return d }(), // same text, same outlet, no URL
	} {
		res := Put(t, s, d)
		if res.Status != sitrep.PutDuplicate || res.ArticleID != "a1" {
			t.Errorf("re-put %s: %+v, want duplicate of a1", d.ID, res)
		}
	}
	after, _ := s.Stats(ctx)
	if before != after {
		t.Errorf("stats changed: %+v → %+v", before, after)
	}
	if id, ok, err := s.Seen(ctx, dedup.DefaultConfig().Of(&sitrep.Article{Text: airportReport})); err != nil || !ok || id != "a1" {
		t.Errorf("Seen = %q, %v, %v; want a1", id, ok, err)
	}
	if _, ok, err := s.Seen(ctx, dedup.DefaultConfig().Of(&sitrep.Article{Text: "Something else entirely."})); err != nil || ok {
		t.Errorf("Seen of a new text = %v, %v", ok, err)
	}
}

func testSyndicatedCopies(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	res := Put(t, s, libyaDoc())
	exact := libyaDoc()
	exact.ID, exact.Outlet, exact.URL = "b1", "Coastal Daily", "https://coastal.example/world/libya-shelling"
	near := libyaDoc()
	near.ID, near.Outlet, near.URL = "c1", "Desert Times", "https://deserttimes.example/a/123"
	near.Text = "TRIPOLI (Agency) - " + airportReport + " Reporting by our correspondent; editing by the desk."
	for _, d := range []Doc{exact, near} {
		got := Put(t, s, d)
		if got.Status != sitrep.PutCopy || got.ArticleID != "a1" {
			t.Fatalf("put %s: %+v, want a copy of a1", d.ID, got)
		}
	}
	a, err := s.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	var outlets, matches []string
	for _, c := range a.Copies {
		outlets, matches = append(outlets, c.Outlet), append(matches, c.Match)
	}
	if !slices.Equal(outlets, []string{"Tripoli Wire", "Coastal Daily", "Desert Times"}) || !slices.Equal(matches, []string{"original", "copy", "near"}) {
		t.Errorf("copies: outlets %v matches %v", outlets, matches)
	}
	if a.Copies[2].Similarity >= 1 || a.Copies[2].Similarity < 0.8 {
		t.Errorf("near copy similarity %g", a.Copies[2].Similarity)
	}
	e, err := s.Event(ctx, res.Events[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Outlets) != 3 || len(e.Sources) != 1 || e.ArticleCount != 1 {
		t.Errorf("event after syndication: outlets %v sources %v articles %d; want 3 outlets, 1 independent source, 1 article", e.Outlets, e.Sources, e.ArticleCount)
	}
	st, _ := s.Stats(ctx)
	if st.Articles != 1 || st.Copies != 3 || st.Events != 1 {
		t.Errorf("stats %+v", st)
	}
}

func testSameIDOtherText(t *testing.T, s sitrep.Store) {
	Put(t, s, libyaDoc())
	d := Doc{ID: "a1", Outlet: "Kyiv Post Test", Published: "2022-05-01", Text: "Shelling hit Kharkiv overnight. Two people were wounded."}
	res := Put(t, s, d)
	if res.Status != sitrep.PutNew || res.ArticleID == "a1" || !strings.HasPrefix(res.ArticleID, "a1-") {
		t.Errorf("put of another text under a taken id: %+v", res)
	}
}

// Corroboration fixtures: five reports of one shelling from three
// outlets, and a different attack nearby the same day.
func corroborationDocs() []Doc {
	return []Doc{
		{ID: "r1", Outlet: "Outlet A", Published: "2020-05-18T10:00:00Z", Text: "LNA forces shelled Tripoli on Monday, killing five people.", Events: []Ev{shelling(5, "shelled")}},
		{ID: "r2", Outlet: "Outlet B", Published: "2020-05-18T12:00:00Z", Text: "Haftar's army bombarded districts of the capital, leaving six dead.", Events: []Ev{shelling(6, "bombarded")}},
		{ID: "r3", Outlet: "Outlet A", Published: "2020-05-19T08:00:00Z", Text: "The death toll from Monday's shelling of Tripoli rose to six.", Events: []Ev{shelling(6, "death toll")}},
		{ID: "n1", Outlet: "Outlet C", Published: "2020-05-18T16:00:00Z", Text: "Wagner fighters attacked positions near the airport on Monday.",
			Events: []Ev{{Type: sitrep.Assault, Actor1: Wagner, Location: Airport, Date: "2020-05-18", Evidence: "attacked"}}},
		{ID: "r4", Outlet: "Outlet C", Published: "2020-05-19T09:00:00Z", Text: "Rockets struck homes in Tripoli on Monday, the unity government said.",
			Events: []Ev{{Type: sitrep.Assault, Actor2: GNA, Location: Tripoli, Date: "2020-05-18", Evidence: "Rockets struck"}}},
		{ID: "r5", Outlet: "Outlet B", Published: "2020-05-20T07:00:00Z", Text: "Seven people died in Monday's bombardment of Tripoli, according to Reuters.",
			Events: []Ev{{Type: sitrep.Assault, Actor1: LNA, Location: Tripoli, Date: "2020-05-18", Fatalities: ptr(7), Evidence: "Seven people died", CitedOutlet: "Reuters"}}},
	}
}

func testCorroboration(t *testing.T, s sitrep.Store) {
	var first string
	for _, d := range corroborationDocs() {
		res := Put(t, s, d)
		if d.ID == "r1" {
			first = res.Events[0]
		}
	}
	checkCorroboration(t, s, first)
}

// checkCorroboration checks the events corroborationDocs make; first is
// the event r1's report linked to.
func checkCorroboration(t *testing.T, s sitrep.Store, first string) {
	t.Helper()
	ctx := context.Background()
	page, err := s.Events(ctx, sitrep.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Events) != 2 {
		t.Fatalf("%d events, want 2", len(page.Events))
	}
	e, err := s.Event(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	if e.ReportCount != 5 || e.ArticleCount != 5 {
		t.Errorf("first event: %d reports from %d articles, want 5 and 5", e.ReportCount, e.ArticleCount)
	}
	if !slices.Equal(e.Outlets, []string{"Outlet A", "Outlet B", "Outlet C"}) {
		t.Errorf("outlets %v, want A, B, C", e.Outlets)
	}
	if !slices.Equal(e.Sources, []string{"Outlet A", "Outlet B", "Outlet C", "Reuters"}) {
		t.Errorf("independent sources %v, want A, B, C and the cited Reuters", e.Sources)
	}
	if *e.Event.Fatalities != 5 {
		t.Errorf("fatalities %d, want the lowest, 5", *e.Event.Fatalities)
	}
	var fat *sitrep.Conflict
	for i := range e.Conflicts {
		if e.Conflicts[i].Field == "fatalities" {
			fat = &e.Conflicts[i]
		}
	}
	if fat == nil || len(fat.Values) != 3 {
		t.Errorf("fatalities conflict %+v, want 5, 6 and 7 with their reports", fat)
	}
	if e.FirstReported.Format(time.RFC3339) != "2020-05-18T10:00:00Z" || e.LastReported.Format(time.RFC3339) != "2020-05-20T07:00:00Z" {
		t.Errorf("reported %v .. %v", e.FirstReported, e.LastReported)
	}
	for _, r := range e.Reports[1:] {
		if r.Score <= 0 || r.Score > 1 {
			t.Errorf("report %s linked with score %g", r.ID, r.Score)
		}
	}
	other := page.Events[0]
	if other.ID == first {
		other = page.Events[1]
	}
	if other.ReportCount != 1 || other.Event.Actor1.ID != "RUS-WAGNER" {
		t.Errorf("neighbour event %+v", other)
	}
	// Text search finds the event by any report's words, once, however
	// often it was re-indexed as reports arrived.
	for _, word := range []string{"bombarded", "toll", "Rockets"} {
		found, err := s.Events(ctx, sitrep.EventFilter{Text: word})
		if err != nil || len(found.Events) != 1 || found.Events[0].ID != first {
			t.Errorf("text %q: %d events, %v", word, len(found.Events), err)
		}
	}
	if e.Event.Confidence <= other.Event.Confidence {
		t.Errorf("confidence of the corroborated event %g not above the single report's %g", e.Event.Confidence, other.Event.Confidence)
	}
}

// testReindex links a dated report to an undated event: the event moves
// to the report's date, and every index follows it.
func testReindex(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	Put(t, s, Doc{ID: "u1", Outlet: "A", Published: "2020-05-20", Text: "Gunmen attacked the Tripoli market, residents said.",
		Events: []Ev{{Type: sitrep.Assault, Location: Tripoli, Evidence: "attacked"}}})
	res := Put(t, s, Doc{ID: "u2", Outlet: "B", Published: "2020-05-20", Text: "The raid on the market in Tripoli happened on Sunday.",
		Events: []Ev{{Type: sitrep.Assault, Location: Tripoli, Date: "2020-05-17", Evidence: "raid"}}})
	if res.NewEvents != 0 {
		t.Fatalf("dated report did not join the undated event: %+v", res)
	}
	for _, f := range []sitrep.EventFilter{
		{Text: "gunmen"}, {Text: "raid"}, {Since: "2020-05-17", Until: "2020-05-17"}, {Text: "market", Until: "2020-05-18"},
		{BBox: &sitrep.BBox{MinLon: 13, MinLat: 32, MaxLon: 14, MaxLat: 33}},
	} {
		page, err := s.Events(ctx, f)
		if err != nil || len(page.Events) != 1 || page.Events[0].Event.Date == nil || page.Events[0].Event.Date.Start != "2020-05-17" {
			t.Errorf("filter %+v: %d events, %v", f, len(page.Events), err)
		}
	}
	if page, _ := s.Events(ctx, sitrep.EventFilter{Since: "2020-05-20"}); len(page.Events) != 0 {
		t.Errorf("event still filed under its first report's day")
	}
	// A month-long event overlaps a later start date.
	Put(t, s, Doc{ID: "m1", Outlet: "C", Published: "2020-03-02", Text: "The siege of Kharkiv lasted through February.",
		Events: []Ev{{Type: sitrep.Coerce, Location: Kharkiv, Date: "2020-02-01", DateEnd: "2020-02-29", Evidence: "siege"}}})
	for _, f := range []sitrep.EventFilter{{Since: "2020-02-20", Until: "2020-02-21"}, {Since: "2020-02-28", Country: "UKR"}} {
		if page, err := s.Events(ctx, f); err != nil || len(page.Events) != 1 || page.Events[0].Event.Type != sitrep.Coerce {
			t.Errorf("month-long event, filter %+v: %d events, %v", f, len(page.Events), err)
		}
	}
}

// mixedDocs are events across places, types and time for the filters.
func mixedDocs() []Doc {
	return []Doc{
		libyaDoc(),
		{ID: "k1", Outlet: "Kharkiv Today", Published: "2022-05-02", Text: "Russian forces shelled Kharkiv overnight. Two people were wounded.",
			Events: []Ev{{Type: sitrep.Assault, Actor1: RUS, Location: Kharkiv, Date: "2022-05-01", Evidence: "shelled Kharkiv"}}},
		{ID: "k2", Outlet: "Kharkiv Today", Published: "2022-05-03", Text: "Residents of Kharkiv protested against the bombardment of the market.",
			Events: []Ev{{Type: sitrep.Protest, Location: Kharkiv, Date: "2022-05-03", Evidence: "protested"}}},
		{ID: "s1", Outlet: "Sirte News", Published: "2020-06-06", Text: "The LNA withdrew from positions west of Sirte on Saturday.",
			Events: []Ev{{Type: sitrep.Retreat, Actor1: LNA, Location: Sirte, Date: "2020-06-06", Evidence: "withdrew"}}},
		{ID: "s2", Outlet: "Sirte News", Published: "2020-06-07", Text: "The LNA is preparing an offensive on the coastal road, officers said.",
			Events: []Ev{{Type: sitrep.Assault, Modality: sitrep.Planned, Actor1: LNA, Location: Sirte, Date: "2020-06-10", Evidence: "preparing an offensive"}}},
	}
}

func eventsOf(t *testing.T, s sitrep.Store, f sitrep.EventFilter) []string {
	t.Helper()
	page, err := s.Events(context.Background(), f)
	if err != nil {
		t.Fatalf("events %+v: %v", f, err)
	}
	var out []string
	for _, e := range page.Events {
		out = append(out, e.Event.Evidence.Text)
	}
	return out
}

func testFilters(t *testing.T, s sitrep.Store) {
	ids := map[string]string{}
	for _, d := range mixedDocs() {
		res := Put(t, s, d)
		ids[d.ID] = res.Events[0]
	}
	// Corroborate the Kharkiv shelling from a second outlet.
	Put(t, s, Doc{ID: "k3", Outlet: "Eastern Herald", Published: "2022-05-02", Text: "Kharkiv came under Russian artillery fire during the night.",
		Events: []Ev{{Type: sitrep.Assault, Actor1: RUS, Location: Kharkiv, Date: "2022-05-01", Evidence: "artillery fire"}}})

	tests := []struct {
		name string
		f    sitrep.EventFilter
		want int
	}{
		{"all", sitrep.EventFilter{}, 5},
		{"since", sitrep.EventFilter{Since: "2022-01-01"}, 2},
		{"until", sitrep.EventFilter{Until: "2020-06-06"}, 2},
		{"range", sitrep.EventFilter{Since: "2020-06-01", Until: "2020-06-30"}, 2},
		{"bbox Libya", sitrep.EventFilter{BBox: &sitrep.BBox{MinLon: 9, MinLat: 19, MaxLon: 26, MaxLat: 34}}, 3},
		{"bbox empty sea", sitrep.EventFilter{BBox: &sitrep.BBox{MinLon: -40, MinLat: 0, MaxLon: -30, MaxLat: 10}}, 0},
		{"actor id", sitrep.EventFilter{Actor: "LBY-LNA"}, 3},
		{"actor name", sitrep.EventFilter{Actor: "russia"}, 0},
		{"actor id RUS", sitrep.EventFilter{Actor: "RUS"}, 1},
		{"country", sitrep.EventFilter{Country: "ukr"}, 2},
		{"type", sitrep.EventFilter{Types: []sitrep.EventType{sitrep.Assault}}, 3},
		{"types", sitrep.EventFilter{Types: []sitrep.EventType{sitrep.Protest, sitrep.Retreat}}, 2},
		{"modality", sitrep.EventFilter{Modalities: []sitrep.Modality{sitrep.Planned}}, 1},
		{"happened", sitrep.EventFilter{HappenedOnly: true}, 4},
		{"min sources", sitrep.EventFilter{MinSources: 2}, 1},
		{"text", sitrep.EventFilter{Text: "withdrew"}, 1},
		{"text stemmed", sitrep.EventFilter{Text: "protests"}, 1},
		{"text with syntax", sitrep.EventFilter{Text: `"NEAR(" OR *`}, 0},
		{"article", sitrep.EventFilter{ArticleID: "k3"}, 1},
		{"combined", sitrep.EventFilter{Country: "LBY", Types: []sitrep.EventType{sitrep.Assault}, HappenedOnly: true, Since: "2020-01-01"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := eventsOf(t, s, tt.f)
			if len(got) != tt.want {
				t.Errorf("%d events %q, want %d", len(got), got, tt.want)
			}
		})
	}
	// Latest event date first.
	all := eventsOf(t, s, sitrep.EventFilter{})
	if !strings.Contains(all[0], "protested") || !strings.Contains(all[len(all)-1], "shelled the Mitiga") {
		t.Errorf("order: %q", all)
	}
	var n int
	if err := s.EachEvent(context.Background(), sitrep.EventFilter{Country: "LBY"}, func(*sitrep.EventRecord) error { n++; return nil }); err != nil || n != 3 {
		t.Errorf("EachEvent: %d events, %v; want 3", n, err)
	}
	stop := errors.New("stop")
	if err := s.EachEvent(context.Background(), sitrep.EventFilter{}, func(*sitrep.EventRecord) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("EachEvent did not return fn's error: %v", err)
	}
}

func testPagination(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	// 23 separate events: one a day, each in its own article.
	for i := range 23 {
		day := time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/2).Format(time.DateOnly)
		Put(t, s, Doc{ID: fmt.Sprintf("p%02d", i), Outlet: "Daily", Published: day,
			Text:   fmt.Sprintf("Clashes number %d broke out in village %d.", i, i),
			Events: []Ev{{Type: sitrep.Assault, Location: &sitrep.Location{Name: fmt.Sprint("Village ", i), Lat: float64(i), Lon: float64(i), Precision: 1}, Date: day, Evidence: "Clashes"}}})
	}
	seen := map[string]bool{}
	f := sitrep.EventFilter{Limit: 5}
	pages := 0
	prev := "9999"
	for {
		page, err := s.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, e := range page.Events {
			if seen[e.ID] {
				t.Errorf("event %s on two pages", e.ID)
			}
			seen[e.ID] = true
			if e.Event.Date.Start > prev {
				t.Errorf("page order broken: %s after %s", e.Event.Date.Start, prev)
			}
			prev = e.Event.Date.Start
		}
		if page.Next == "" {
			break
		}
		f.Cursor = page.Next
	}
	if len(seen) != 23 || pages != 5 {
		t.Errorf("%d events over %d pages, want 23 over 5", len(seen), pages)
	}
	if _, err := s.Events(ctx, sitrep.EventFilter{Cursor: "garbage!"}); sitrep.ErrorCode(err) != sitrep.EINVALID {
		t.Errorf("bad cursor: %v", err)
	}
}

func testCounts(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	for _, d := range mixedDocs() {
		Put(t, s, d)
	}
	get := func(by sitrep.CountBy, f sitrep.EventFilter) map[string]int {
		cs, err := s.Counts(ctx, f, by)
		if err != nil {
			t.Fatalf("counts by %s: %v", by, err)
		}
		m := map[string]int{}
		for _, c := range cs {
			m[c.Key] = c.Events
		}
		return m
	}
	check := func(by sitrep.CountBy, f sitrep.EventFilter, want map[string]int) {
		t.Helper()
		if got := get(by, f); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("by %s: %v, want %v", by, got, want)
		}
	}
	check(sitrep.ByType, sitrep.EventFilter{}, map[string]int{"ASSAULT": 3, "PROTEST": 1, "RETREAT": 1})
	check(sitrep.ByCountry, sitrep.EventFilter{}, map[string]int{"LBY": 3, "UKR": 2})
	check(sitrep.ByDay, sitrep.EventFilter{Country: "UKR"}, map[string]int{"2022-05-01": 1, "2022-05-03": 1})
	check(sitrep.ByWeek, sitrep.EventFilter{Country: "UKR"}, map[string]int{"2022-04-25": 1, "2022-05-02": 1})
	check(sitrep.ByMonth, sitrep.EventFilter{}, map[string]int{"2020-05": 1, "2020-06": 2, "2022-05": 2})
	check(sitrep.ByModality, sitrep.EventFilter{}, map[string]int{"asserted": 4, "planned": 1})
	check(sitrep.ByActor, sitrep.EventFilter{}, map[string]int{"LBY-LNA": 3, "LBY-GNA": 1, "RUS": 1})
	check(sitrep.ByAdmin1, sitrep.EventFilter{Country: "LBY"}, map[string]int{"Surt": 2, "Tripoli": 1})
	places, err := s.Counts(ctx, sitrep.EventFilter{}, sitrep.ByPlace)
	if err != nil {
		t.Fatal(err)
	}
	if len(places) != 3 || places[0].Events != 2 || places[0].Lat == nil || places[0].Label == "" {
		t.Errorf("by place: %+v", places)
	}
	cs, _ := s.Counts(ctx, sitrep.EventFilter{}, sitrep.ByActor)
	for _, c := range cs {
		if c.Key == "LBY-LNA" && (c.Label != "Libyan National Army" || c.Fatalities != 5) {
			t.Errorf("actor count %+v", c)
		}
	}
	if _, err := s.Counts(ctx, sitrep.EventFilter{}, "colour"); sitrep.ErrorCode(err) != sitrep.EINVALID {
		t.Errorf("bad count by: %v", err)
	}
}

func testActors(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	for _, d := range mixedDocs() {
		Put(t, s, d)
	}
	a, err := s.Actor(ctx, "LBY-LNA")
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != "Libyan National Army" || a.Events != 3 || a.Articles != 3 || a.FirstSeen != "2020-05-18" || a.LastSeen != "2020-06-10" {
		t.Errorf("actor %+v", a)
	}
	if len(a.Relations) != 1 || a.Relations[0].Type != sitrep.Supports || a.Relations[0].From.ID != "RUS" || a.Relations[0].ArticleID != "a1" {
		t.Errorf("relations %+v", a.Relations)
	}
	page, err := s.Actors(ctx, sitrep.ActorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Actors) != 3 || page.Actors[0].ID != "LBY-LNA" {
		t.Errorf("actors %+v", page.Actors)
	}
	page, err = s.Actors(ctx, sitrep.ActorFilter{Query: "gov"})
	if err != nil || len(page.Actors) != 1 || page.Actors[0].ID != "LBY-GNA" {
		t.Errorf("actors by name prefix: %+v %v", page.Actors, err)
	}
	var all []string
	f := sitrep.ActorFilter{Limit: 1}
	for {
		page, err := s.Actors(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range page.Actors {
			all = append(all, a.ID)
		}
		if page.Next == "" {
			break
		}
		f.Cursor = page.Next
	}
	if len(all) != 3 {
		t.Errorf("paged actors %v", all)
	}
}

func testArticles(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	for _, d := range mixedDocs() {
		Put(t, s, d)
	}
	page, err := s.Articles(ctx, sitrep.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Articles) != 5 || page.Articles[0].ID != "k2" || page.Articles[0].Events != 1 || !slices.Equal(page.Articles[0].Outlets, []string{"Kharkiv Today"}) {
		t.Errorf("articles %+v", page.Articles)
	}
	for _, tt := range []struct {
		f    sitrep.ArticleFilter
		want int
	}{
		{sitrep.ArticleFilter{Outlet: "Sirte News"}, 2},
		{sitrep.ArticleFilter{Since: "2022-01-01"}, 2},
		{sitrep.ArticleFilter{Text: "mitiga"}, 1},
		{sitrep.ArticleFilter{Limit: 2}, 2},
	} {
		page, err := s.Articles(ctx, tt.f)
		if err != nil || len(page.Articles) != tt.want {
			t.Errorf("articles %+v: %d, %v; want %d", tt.f, len(page.Articles), err, tt.want)
		}
	}
	page, _ = s.Articles(ctx, sitrep.ArticleFilter{Limit: 3})
	rest, err := s.Articles(ctx, sitrep.ArticleFilter{Limit: 3, Cursor: page.Next})
	if err != nil || len(rest.Articles) != 2 || rest.Next != "" {
		t.Errorf("second page: %d, next %q, %v", len(rest.Articles), rest.Next, err)
	}
}

func testErrors(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	if _, err := s.Event(ctx, "nope"); sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
		t.Errorf("missing event: %v", err)
	}
	if _, err := s.Article(ctx, "nope"); sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
		t.Errorf("missing article: %v", err)
	}
	if _, err := s.Actor(ctx, "nope"); sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
		t.Errorf("missing actor: %v", err)
	}
	for _, f := range []sitrep.EventFilter{
		{Since: "yesterday"}, {Since: "2020-02-01", Until: "2020-01-01"}, {Types: []sitrep.EventType{"BOMB"}},
		{BBox: &sitrep.BBox{MinLon: 10, MaxLon: 5}}, {MinSources: -1},
	} {
		if _, err := s.Events(ctx, f); sitrep.ErrorCode(err) != sitrep.EINVALID {
			t.Errorf("filter %+v: %v, want invalid", f, err)
		}
	}
	if _, err := s.Put(ctx, sitrep.Coded{Doc: sitrep.NewDocument(sitrep.Article{Text: "x"})}); sitrep.ErrorCode(err) != sitrep.EINVALID {
		t.Errorf("put without fingerprint: %v", err)
	}
}

// testIncrementalMerge puts reports out of publication order, with
// disagreeing figures, places and actors, and a syndicated copy, and
// checks that every stored event is what Merge makes of all its stored
// reports at once: linking folds each report into the event's tally
// instead of re-merging. Then it drops the tallies, as a store written
// before they were kept has none, links more reports, and checks again.
func testIncrementalMerge(t *testing.T, s sitrep.Store) {
	docs := corroborationDocs()
	// The latest first: each report arrives before ones published earlier.
	slices.Reverse(docs)
	for _, d := range docs {
		Put(t, s, d)
	}
	for _, d := range mixedDocs() {
		Put(t, s, d)
	}
	// A wire copy from another outlet adds an outlet to its events.
	cp := libyaDoc()
	cp.Outlet, cp.URL = "Copy Outlet", "https://copy.example/a1"
	Put(t, s, cp)
	checkMerged(t, s)

	db, ok := s.(interface{ DB() *sql.DB })
	if !ok {
		return
	}
	if _, err := db.DB().Exec(`UPDATE events SET tally = NULL`); err != nil {
		t.Fatal(err)
	}
	Put(t, s, Doc{ID: "late1", Outlet: "Outlet D", Published: "2020-05-18T09:00:00Z", Text: "Eight people were killed when LNA shells hit Tripoli on Monday.",
		Events: []Ev{{Type: sitrep.Assault, Actor1: LNA, Location: Tripoli, Date: "2020-05-18", Fatalities: ptr(8), Evidence: "Eight people"}}})
	Put(t, s, Doc{ID: "late2", Outlet: "Outlet E", Published: "2020-05-21T09:00:00Z", Text: "The army denied shelling Tripoli on Monday.",
		Events: []Ev{{Type: sitrep.Coerce, Modality: sitrep.Denied, Actor1: LNA, Location: Tripoli, Date: "2020-05-18", Evidence: "denied"}}})
	// An undated event that a dated report moves, and whose actor2 the
	// later reports outvote: the actor rows follow.
	Put(t, s, Doc{ID: "sirte1", Outlet: "Outlet A", Published: "2020-06-10", Text: "Wagner fighters attacked Sirte, residents said.",
		Events: []Ev{{Type: sitrep.Assault, Actor1: Wagner, Actor2: GNA, Location: Sirte, Evidence: "attacked"}}})
	for i, o := range []string{"Outlet B", "Outlet C"} {
		res := Put(t, s, Doc{ID: fmt.Sprint("sirte", i+2), Outlet: o, Published: "2020-06-11", Text: fmt.Sprintf("Report %d: Wagner and the LNA attacked Sirte on Sunday.", i),
			Events: []Ev{{Type: sitrep.Assault, Actor1: Wagner, Actor2: LNA, Location: Sirte, Date: "2020-06-07", Evidence: "attacked"}}})
		e, err := s.Event(context.Background(), res.Events[0])
		if err != nil || e.ReportCount != i+2 || e.Event.Date == nil {
			t.Fatalf("Sirte report %d did not join the undated event: %+v %v", i+2, e, err)
		}
	}
	checkMerged(t, s)
}

// checkMerged compares every stored event with Merge over its reports.
func checkMerged(t *testing.T, s sitrep.Store) {
	t.Helper()
	ctx := context.Background()
	rule := DefaultConfig(t).Corroborator
	n, linked := 0, 0
	err := s.EachEvent(ctx, sitrep.EventFilter{}, func(listed *sitrep.EventRecord) error {
		got, err := s.Event(ctx, listed.ID)
		if err != nil {
			return err
		}
		n++
		if got.ReportCount > 1 {
			linked++
		}
		want := *got
		want.Reports = slices.Clone(got.Reports)
		rule.Merge(&want)
		got.Reports, want.Reports = nil, nil
		if !reflect.DeepEqual(got, &want) {
			t.Errorf("event %s as stored differs from Merge of its %d reports:\nstored %+v\nmerged %+v", got.ID, got.ReportCount, got, &want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if linked == 0 {
		t.Fatalf("%d events, none with more than one report: the test links nothing", n)
	}
	db, ok := s.(interface{ DB() *sql.DB })
	if !ok {
		return
	}
	// The actor index and counts, kept incrementally, agree with a
	// recount.
	for _, check := range []struct{ what, query string }{
		{"actor event counts", `SELECT a.key, a.n_events, (SELECT COUNT(*) FROM event_actors ea WHERE ea.actor_key = a.key)
			FROM actors a WHERE a.n_events <> (SELECT COUNT(*) FROM event_actors ea WHERE ea.actor_key = a.key)`},
		{"actor rows' dates", `SELECT ea.actor_key, ea.date_start, e.date_start FROM event_actors ea JOIN events e ON e.seq = ea.event_seq
			WHERE ea.date_start <> e.date_start`},
		{"actor rows", `SELECT e.id, e.actor1, '' FROM events e WHERE e.actor1 <> '' AND NOT EXISTS (
			SELECT 1 FROM event_actors ea WHERE ea.event_seq = e.seq AND ea.actor_key = e.actor1 AND ea.role = 'actor1')`},
		{"actor rows' roles", `SELECT ea.actor_key, ea.role, e.id FROM event_actors ea JOIN events e ON e.seq = ea.event_seq
			WHERE ea.role = 'actor1' AND ea.actor_key <> e.actor1 OR ea.role = 'actor2' AND ea.actor_key <> e.actor2`},
	} {
		rows, err := db.DB().Query(check.query)
		if err != nil {
			t.Fatalf("%s: %v", check.what, err)
		}
		for rows.Next() {
			var a, b, c string
			if err := rows.Scan(&a, &b, &c); err != nil {
				t.Fatal(err)
			}
			t.Errorf("%s: %s has %s, want %s", check.what, a, b, c)
		}
		rows.Close()
	}
}
