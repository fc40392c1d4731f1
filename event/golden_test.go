package event_test

import (
	"bytes"
	"encoding/json"
	"flag"
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
	Modality string   `json:"modality"`
	Date     string   `json:"date,omitempty"`
	Fatal    *int     `json:"fatalities,omitempty"`
	Sources  []string `json:"sources,omitempty"`
	Mentions int      `json:"mentions"`
	Evidence string   `json:"evidence"`
}

// expectation is a hand reading of a fixture report: events that must be
// coded, and readings that must not be.
type expectation struct {
	Events []struct {
		Type     string `json:"type"`
		Actor1   string `json:"actor1"`
		Actor2   string `json:"actor2"`
		Modality string `json:"modality"`
		Date     string `json:"date"`
		Fatal    *int   `json:"fatalities"`
		Source   string `json:"source"`
	} `json:"events"`
	MustNot []struct {
		Type     string `json:"type"`
		Actor1   string `json:"actor1"`
		Evidence string `json:"evidence"`
		Why      string `json:"why"`
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
		t.Fatalf("want at least five fixture reports, found %d (%v)", len(paths), err)
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
			if string(e.Type) == m.Type && e.Modality.Happened() && strings.Contains(names(e.Actor1), strings.ToLower(m.Actor1)) && strings.Contains(e.Evidence.Text, m.Evidence) {
				t.Errorf("%s coded as %s: %s", e.Type, e.Modality, m.Why)
			}
		}
	}
}
