package event_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenEvent is the part of an event the golden files pin down.
type goldenEvent struct {
	Type     string   `json:"type"`
	Mode     string   `json:"mode,omitempty"`
	ACLED    string   `json:"acled,omitempty"`
	Actor1   string   `json:"actor1,omitempty"`
	Actor2   string   `json:"actor2,omitempty"`
	Assoc    []string `json:"associated,omitempty"`
	Modality string   `json:"modality"`
	Date     string   `json:"date,omitempty"`
	Place    string   `json:"place,omitempty"`
	Fatal    *int     `json:"fatalities,omitempty"`
	Sources  []string `json:"sources,omitempty"`
	Mentions int      `json:"mentions"`
	Evidence string   `json:"evidence"`
}

// expectation is a hand reading of a fixture report: events that must be
// coded, and readings that must not be.
type expectation struct {
	Events []struct {
		Type       string `json:"type"`
		Actor1     string `json:"actor1"`
		Actor2     string `json:"actor2"`
		Associated string `json:"associated"`
		Modality   string `json:"modality"`
		Date       string `json:"date"`
		// Place is a word of the location's name or text; NoPlace says
		// the event must have no location (the text gives none).
		Place   string `json:"place"`
		NoPlace bool   `json:"no_place"`
		Fatal   *int   `json:"fatalities"`
		Source  string `json:"source"`
		// ACLED, when set, is "event type / sub-event type" or its start.
		ACLED string `json:"acled"`
	} `json:"events"`
	MustNot []struct {
		Type     string `json:"type"` // "any" matches every type
		Actor1   string `json:"actor1"`
		Evidence string `json:"evidence"`
		// Place, when set, is a word no happened event's location may
		// hold ("kyiv" of a dateline).
		Place string `json:"place"`
		Why   string `json:"why"`
	} `json:"must_not"`
}

func readMeta(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(strings.TrimSuffix(path, ".txt") + ".meta.json")
	if err != nil {
		t.Fatal(err)
	}
	var m struct{ Published string }
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m.Published[:10]
}

// TestReports codes every fixture report in ../testdata/reports, checks it
// against the hand reading in testdata/<name>.expect.json, and compares
// the full coding with testdata/<name>.golden.json (-update rewrites it).
func TestReports(t *testing.T) {
	paths, err := filepath.Glob("../testdata/reports/*.txt")
	if err != nil || len(paths) < 5 {
		t.Fatalf("want fixture reports of at least five conflicts in ../testdata/reports, found %d (%v)", len(paths), err)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc := code(t, string(text), readMeta(t, path))
			checkExpect(t, doc, filepath.Join("testdata", name+".expect.json"))
			var got []goldenEvent
			for _, e := range doc.Events {
				g := goldenEvent{Type: string(e.Type), Mode: e.Mode, Modality: string(e.Modality), Fatal: e.Fatalities,
					Mentions: len(e.Mentions), Evidence: e.Evidence.Text}
				if e.ACLEDEventType != "" {
					g.ACLED = e.ACLEDEventType + " / " + e.ACLEDSubEventType
				}
				if e.Actor1 != nil {
					g.Actor1 = e.Actor1.Name
				}
				if e.Actor2 != nil {
					g.Actor2 = e.Actor2.Name
				}
				if e.Date != nil {
					g.Date = e.Date.Start + ".." + e.Date.End
				}
				for _, a := range e.Associated {
					g.Assoc = append(g.Assoc, a.Name)
				}
				if l := e.Location; l != nil {
					g.Place = fmt.Sprintf("%s (%s, precision %d)", l.Name, l.Country, l.Precision)
				}
				for _, s := range e.Sources {
					g.Sources = append(g.Sources, string(s.Role)+":"+s.Name)
				}
				if len(g.Evidence) > 80 {
					g.Evidence = g.Evidence[:80]
				}
				got = append(got, g)
			}
			b, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./event -update)", err)
			}
			if !bytes.Equal(bytes.TrimSpace(want), bytes.TrimSpace(b)) {
				t.Errorf("coding of %s differs from %s; review and run go test ./event -update\ngot:\n%s", name, golden, b)
			}
		})
	}
}

func checkExpect(t *testing.T, doc *sitrep.Document, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("every fixture report needs a hand reading: %v", err)
	}
	var exp expectation
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for _, w := range exp.Events {
		var best []string
		found := false
		for _, e := range doc.Events {
			if string(e.Type) != w.Type || !strings.Contains(names(e.Actor1), strings.ToLower(w.Actor1)) {
				continue
			}
			var miss []string
			if w.Actor2 != "" && !strings.Contains(names(e.Actor2), strings.ToLower(w.Actor2)) {
				miss = append(miss, "actor2 "+names(e.Actor2))
			}
			if w.Modality != "" && string(e.Modality) != w.Modality {
				miss = append(miss, "modality "+string(e.Modality))
			}
			if w.Date != "" && (e.Date == nil || w.Date < e.Date.Start || w.Date > e.Date.End) {
				miss = append(miss, "date")
			}
			if w.Associated != "" {
				ok := false
				for i := range e.Associated {
					ok = ok || strings.Contains(names(&e.Associated[i]), strings.ToLower(w.Associated))
				}
				if !ok {
					miss = append(miss, "associated")
				}
			}
			if w.Place != "" && (e.Location == nil || !strings.Contains(strings.ToLower(e.Location.Name+" | "+e.Location.Text), strings.ToLower(w.Place))) {
				got := "none"
				if e.Location != nil {
					got = e.Location.Name
				}
				miss = append(miss, "place "+got)
			}
			if w.NoPlace && e.Location != nil {
				miss = append(miss, "place "+e.Location.Name+" (want none)")
			}
			if got := e.ACLEDEventType + " / " + e.ACLEDSubEventType; w.ACLED != "" && !strings.HasPrefix(got, w.ACLED) {
				miss = append(miss, "ACLED "+got)
			}
			if w.Fatal != nil && (e.Fatalities == nil || *e.Fatalities != *w.Fatal) {
				miss = append(miss, "fatalities")
			}
			if w.Source != "" {
				ok := false
				for _, s := range e.Sources {
					ok = ok || strings.Contains(strings.ToLower(s.Name), strings.ToLower(w.Source))
				}
				if !ok {
					miss = append(miss, "source")
				}
			}
			if !found || len(miss) < len(best) {
				best = miss
			}
			found = true
			if len(miss) == 0 {
				break
			}
		}
		switch {
		case !found:
			t.Errorf("missing %s by %q", w.Type, w.Actor1)
		case len(best) > 0:
			t.Errorf("%s by %q: wrong %s", w.Type, w.Actor1, strings.Join(best, ", "))
		}
	}
	for _, m := range exp.MustNot {
		for _, e := range doc.Events {
			if m.Type != "any" && string(e.Type) != m.Type || !strings.Contains(e.Evidence.Text, m.Evidence) {
				continue
			}
			if m.Place != "" {
				if e.Location != nil && strings.Contains(strings.ToLower(e.Location.Name+" | "+e.Location.Text), strings.ToLower(m.Place)) {
					t.Errorf("%s located at %s: %s", e.Type, e.Location.Name, m.Why)
				}
				continue
			}
			if strings.Contains(names(e.Actor1), strings.ToLower(m.Actor1)) && (e.Modality.Happened() || m.Type == "any") {
				t.Errorf("%s coded as %s with actor1 %q: %s", e.Type, e.Modality, names(e.Actor1), m.Why)
			}
		}
	}
}
