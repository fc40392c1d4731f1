package export_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/export"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func ptr[T any](v T) *T { return &v }

// events are two corroborated events: a located shelling with an ACLED
// type and conflicting death tolls, and an unlocated planned offensive.
func events() []sitrep.EventRecord {
	first := time.Date(2020, 5, 18, 10, 0, 0, 0, time.UTC)
	return []sitrep.EventRecord{
		{ID: "ev-1", Happened: true, Sources: []string{"Outlet A", "Outlet B", "Reuters"}, Outlets: []string{"Outlet A", "Outlet B"},
			ReportCount: 4, ArticleCount: 4, FirstReported: first, LastReported: first.Add(45 * time.Hour),
			Conflicts: []sitrep.Conflict{{Field: "fatalities", Values: []sitrep.ConflictValue{{Value: "5", Reports: []string{"a/e1"}}, {Value: "7", Reports: []string{"b/e1"}}}}},
			Event: sitrep.Event{ID: "ev-1", Type: sitrep.Assault, Mode: "artillery", ACLEDEventType: "Explosions/Remote violence",
				ACLEDSubEventType: "Shelling/artillery/missile attack", Interaction: 12, Inter1: 2, Inter2: 1,
				Actor1:     &sitrep.ActorRef{ID: "LBY-LNA", Name: "Libyan National Army", Country: "LBY", Sector: "REB"},
				Actor2:     &sitrep.ActorRef{ID: "LBY-GNA", Name: "Government of National Accord", Country: "LBY", Sector: "GOV"},
				Associated: []sitrep.ActorRef{{ID: "RUS-WAGNER", Name: "Wagner Group"}},
				Location:   &sitrep.Location{Name: "Tripoli", GeonamesID: 2210247, Lat: 32.8872, Lon: 13.1913, Country: "LBY", Admin1: "Tripoli", Precision: 1},
				Date:       &sitrep.DateRange{Start: "2020-05-18", End: "2020-05-18", Precision: 1},
				Fatalities: ptr(5), Modality: sitrep.Asserted, Confidence: 0.81,
				Evidence: sitrep.Evidence{Text: `LNA forces shelled the Mitiga area of Tripoli, killing "five" people.`}}},
		{ID: "ev-2", Happened: false, Sources: []string{"Sirte News"}, Outlets: []string{"Sirte News"}, ReportCount: 1, ArticleCount: 1,
			FirstReported: first, LastReported: first,
			Event: sitrep.Event{ID: "ev-2", Type: sitrep.Assault, Actor1: &sitrep.ActorRef{ID: "LBY-LNA", Name: "Libyan National Army"},
				Date: &sitrep.DateRange{Start: "2020-06-10", End: "2020-06-10", Precision: 1}, Modality: sitrep.Planned, Confidence: 0.4,
				Evidence: sitrep.Evidence{Text: "The LNA is preparing an offensive on Sirte."}}},
	}
}

func TestFormats(t *testing.T) {
	for _, f := range export.Formats {
		t.Run(string(f), func(t *testing.T) {
			var b bytes.Buffer
			w, err := export.New(f, &b)
			if err != nil {
				t.Fatal(err)
			}
			written := 0
			for _, e := range events() {
				ok, err := w.Write(&e)
				if err != nil {
					t.Fatal(err)
				}
				if ok {
					written++
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			want := map[export.Format]int{export.ACLEDCSV: 1, export.GeoJSON: 1, export.CSV: 2, export.PLOVERJSONL: 2}[f]
			if written != want {
				t.Errorf("wrote %d events, want %d", written, want)
			}
			if f == export.GeoJSON {
				var fc map[string]any
				if err := json.Unmarshal(b.Bytes(), &fc); err != nil {
					t.Errorf("not JSON: %v", err)
				}
			}
			golden := filepath.Join("testdata", string(f)+".golden")
			if *update {
				os.MkdirAll("testdata", 0o755)
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want2, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./export -update)", err)
			}
			if !bytes.Equal(b.Bytes(), want2) {
				t.Errorf("output differs from %s (run go test ./export -update and check the diff):\n%s", golden, b.String())
			}
		})
	}
}

func TestEmpty(t *testing.T) {
	for _, tt := range []struct {
		f    export.Format
		want string
	}{
		{export.GeoJSON, "{\"type\":\"FeatureCollection\",\"features\":[\n]}\n"},
		{export.PLOVERJSONL, ""},
	} {
		var b bytes.Buffer
		w, _ := export.New(tt.f, &b)
		if err := w.Close(); err != nil || b.String() != tt.want {
			t.Errorf("%s of nothing: %q, %v", tt.f, b.String(), err)
		}
	}
	if _, err := export.New("xml", &bytes.Buffer{}); sitrep.ErrorCode(err) != sitrep.EINVALID {
		t.Errorf("unknown format: %v", err)
	}
}

func BenchmarkWriters(b *testing.B) {
	evs := events()
	for _, f := range export.Formats {
		b.Run(string(f), func(b *testing.B) {
			w, _ := export.New(f, discard{})
			n := 0
			for b.Loop() {
				e := &evs[n%2]
				n++
				if _, err := w.Write(e); err != nil {
					b.Fatal(err)
				}
			}
			w.Close()
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// TestACLEDNotesClaim checks that the ACLED notes column says, as ACLED's
// coders do, which claimed toll the fatalities leave out.
func TestACLEDNotesClaim(t *testing.T) {
	e := sitrep.EventRecord{ID: "ev-3", Happened: true, Sources: []string{"Outlet A"},
		Event: sitrep.Event{ID: "ev-3", Type: sitrep.Assault, ACLEDEventType: "Battles", ACLEDSubEventType: "Armed clash",
			Date:       &sitrep.DateRange{Start: "2020-03-19", End: "2020-03-19", Precision: 1},
			Fatalities: ptr(0), Modality: sitrep.Asserted,
			Quantities: []sitrep.Quantity{{Value: 2, Min: 2, Max: 2, Unit: "claimed fatalities", Text: "Voice of Jihad reported 2 fatalities."}},
			Evidence:   sitrep.Evidence{Text: "Two soldiers were killed in an ambush."}}}
	var b bytes.Buffer
	w, err := export.New(export.ACLEDCSV, &b)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(&e); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	want := "Two soldiers were killed in an ambush. Fatalities coded as 0 (claimed: Voice of Jihad reported 2 fatalities)."
	if !strings.Contains(b.String(), want) {
		t.Errorf("notes lack %q:\n%s", want, b.String())
	}
}
