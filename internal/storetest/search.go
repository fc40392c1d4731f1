package storetest

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

// SearchDocs are reports of three happenings whose words are spread over
// several reports: the shelling of Tripoli told four times in different
// words, an attack near its airport, and shelling in Kharkiv. Event
// search must find an event by words from any of its reports together,
// by its place and actors' names, and each event once.
func SearchDocs() []Doc {
	c := corroborationDocs() // the Tripoli shelling's first three reports and the airport attack
	return []Doc{c[0], c[1], c[2],
		{ID: "s4", Outlet: "Outlet C", Published: "2020-05-20T07:00:00Z", Text: "Seven people died when LNA forces shelled Tripoli on Monday.", Events: []Ev{shelling(7, "Seven people died")}},
		c[3],
		{ID: "s6", Outlet: "Kyiv Desk", Published: "2022-05-02T09:00:00Z", Text: "Russian artillery shelled residential districts of Kharkiv overnight.",
			Events: []Ev{{Type: sitrep.Assault, Actor1: RUS, Location: Kharkiv, Date: "2022-05-01", Evidence: "shelled"}}},
	}
}

// SearchCase is a text query and the places of the events it must find.
type SearchCase struct {
	Query  string
	Places []string // sorted
}

// SearchCases are what SearchDocs' events answer to.
var SearchCases = []SearchCase{
	{"bombarded", []string{"Tripoli"}},      // one report's word
	{"bombarded toll", []string{"Tripoli"}}, // words of two reports
	{"bombard", []string{"Tripoli"}},        // stemmed
	{"death toll", []string{"Tripoli"}},
	{"Seven Haftar's killing", []string{"Tripoli"}},                   // three reports
	{"Libyan National Army", []string{"Tripoli"}},                     // an actor's name
	{"Tripoli", []string{"Tripoli", "Tripoli International Airport"}}, // place names
	{"Wagner", []string{"Tripoli International Airport"}},
	{"shelled", []string{"Kharkiv", "Tripoli"}},
	{"shelled overnight", []string{"Kharkiv"}},
	{"Russia Kharkiv", []string{"Kharkiv"}},
	{"Wagner bombarded", nil}, // words of two events
	{"toll overnight", nil},
	{"nowhere", nil},
}

// PutSearchDocs stores SearchDocs one by one.
func PutSearchDocs(t testing.TB, s sitrep.Store) {
	t.Helper()
	for _, d := range SearchDocs() {
		Put(t, s, d)
	}
}

// CheckSearch runs SearchCases against a store holding SearchDocs, each
// as one page and as pages of one event, which must give the same
// events, each once.
func CheckSearch(t *testing.T, s sitrep.Store) {
	t.Helper()
	ctx := context.Background()
	for _, c := range SearchCases {
		page, err := s.Events(ctx, sitrep.EventFilter{Text: c.Query})
		if err != nil {
			t.Fatalf("search %q: %v", c.Query, err)
		}
		var got []string
		for _, e := range page.Events {
			got = append(got, e.Event.Location.Name)
		}
		slices.Sort(got)
		if !slices.Equal(got, c.Places) {
			t.Errorf("search %q: events at %q, want %q", c.Query, got, c.Places)
		}
		var paged []string
		f := sitrep.EventFilter{Text: c.Query, Limit: 1}
		for range 10 {
			p, err := s.Events(ctx, f)
			if err != nil {
				t.Fatalf("search %q, cursor %q: %v", c.Query, f.Cursor, err)
			}
			for _, e := range p.Events {
				paged = append(paged, e.Event.Location.Name)
			}
			if p.Next == "" {
				break
			}
			f.Cursor = p.Next
		}
		slices.Sort(paged)
		if !slices.Equal(paged, c.Places) {
			t.Errorf("search %q in pages of one: events at %q, want %q", c.Query, paged, c.Places)
		}
		// The same filter as a condition beside another (the unordered
		// form of the text filter).
		n, err := s.Counts(ctx, sitrep.EventFilter{Text: c.Query, Types: []sitrep.EventType{sitrep.Assault}}, "place")
		if err != nil {
			t.Fatalf("count %q: %v", c.Query, err)
		}
		var counted []string
		for _, b := range n {
			counted = append(counted, b.Label)
		}
		slices.Sort(counted)
		if strings.Join(counted, "|") != strings.Join(c.Places, "|") {
			t.Errorf("count %q by place: %q, want %q", c.Query, counted, c.Places)
		}
	}
}

func testTextSearch(t *testing.T, s sitrep.Store) {
	PutSearchDocs(t, s)
	page, err := s.Events(context.Background(), sitrep.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Events) != 3 {
		t.Fatalf("the search fixture gave %d events, want 3", len(page.Events))
	}
	CheckSearch(t, s)
}
