package export

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
)

// stdPlover is what encoding/json writes for p, the reference the fast
// writer must match byte for byte.
func stdPlover(t testing.TB, p *Plover) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

func fastPlover(p *Plover) ([]byte, error) {
	var j jsonBuf
	j.plover(p)
	return j.b, j.err
}

func ip(n int) *int { return &n }

func TestPloverMatchesEncodingJSON(t *testing.T) {
	when := time.Date(2024, 2, 29, 23, 59, 0, 0, time.UTC)
	awkward := "quote \" backslash \\ tab\t nl\n cr\r bell\x07 bs\b ff\f nul\x00 <b>&amp;</b> é 你好 \u2028\u2029 bad\xff\xfe end"
	tests := []struct {
		name string
		rec  sitrep.EventRecord
	}{
		{"empty", sitrep.EventRecord{}},
		{"minimal", sitrep.EventRecord{ID: "e1", Event: sitrep.Event{Type: sitrep.Protest, Modality: sitrep.Reported}}},
		{"full", sitrep.EventRecord{ID: "ev-9", Happened: true, Sources: []string{"Reuters", awkward}, Outlets: []string{"A"},
			ReportCount: 3, FirstReported: when, LastReported: when.Add(time.Hour),
			Conflicts: []sitrep.Conflict{{Field: "fatalities", Values: []sitrep.ConflictValue{{Value: "5", Reports: []string{"r1"}}, {Value: "7"}}}, {Field: "type"}},
			Event: sitrep.Event{Type: sitrep.Assault, Mode: "airstrike", ACLEDEventType: "Explosions/Remote violence", ACLEDSubEventType: "Air/drone strike",
				Actor1:     &sitrep.ActorRef{ID: "X", Name: awkward, Sector: "MIL", Country: "RUS"},
				Actor2:     &sitrep.ActorRef{Name: "civilians"},
				Associated: []sitrep.ActorRef{{Name: "a"}, {Name: "b\"c"}},
				Location: &sitrep.Location{Name: "Kharkiv", GeonamesID: 706483, Lat: 49.98081, Lon: 36.25272, Country: "UKR", Admin1: "Kharkiv", Precision: 2,
					Text: "near Kharkiv", FeatureCode: "PPLA", Anchor: &sitrep.Anchor{Name: "Kharkiv", Lat: 1e-7, Lon: -2.5e21, BearingDeg: 315, DistanceKM: 12.5}},
				Date:       &sitrep.DateRange{Start: "2024-02-28", End: "2024-02-29", Precision: 2},
				Fatalities: ip(0), Injuries: ip(12),
				Quantities: []sitrep.Quantity{{Value: 1000, Min: 1000, Unit: "fighters", Text: "over 1,000"}, {Value: 3, Min: 2, Max: 4, Unit: "drones"}},
				Modality:   sitrep.Claimed, Confidence: 0.123456789, Evidence: sitrep.Evidence{Text: awkward}}}},
		{"tiny and huge floats", sitrep.EventRecord{ID: "f", Event: sitrep.Event{Confidence: 1e-9,
			Location: &sitrep.Location{Lat: -0.000001, Lon: 1e20, Precision: 1}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := PloverOf(&tt.rec)
			got, err := fastPlover(&p)
			if err != nil {
				t.Fatal(err)
			}
			if want := stdPlover(t, &p); !bytes.Equal(got, want) {
				t.Errorf("fast writer differs from encoding/json:\n got %s\nwant %s", got, want)
			}
		})
	}
}

func TestPloverRejectsNaN(t *testing.T) {
	p := PloverOf(&sitrep.EventRecord{ID: "n", Event: sitrep.Event{Confidence: math.NaN()}})
	if _, err := fastPlover(&p); err == nil || !strings.Contains(err.Error(), "confidence") {
		t.Fatalf("err = %v, want an unsupported-value error naming confidence", err)
	}
}

// FuzzPloverJSON holds the fast writer to encoding/json's bytes for any
// text in the string fields and any number in the float ones.
func FuzzPloverJSON(f *testing.F) {
	f.Add("Tripoli", "LNA \"forces\"\n", "a\xffb\u2028", 32.9, 0.5)
	f.Add("", "", "", 0.0, 1e-7)
	f.Fuzz(func(t *testing.T, place, actor, evidence string, lat, conf float64) {
		if math.IsNaN(lat) || math.IsInf(lat, 0) || math.IsNaN(conf) || math.IsInf(conf, 0) {
			return
		}
		rec := sitrep.EventRecord{ID: actor, Sources: []string{evidence, place}, Event: sitrep.Event{Type: sitrep.EventType(place),
			Actor1: &sitrep.ActorRef{Name: actor}, Location: &sitrep.Location{Name: place, Lat: lat, Lon: -lat},
			Confidence: conf, Evidence: sitrep.Evidence{Text: evidence}, Quantities: []sitrep.Quantity{{Unit: evidence}}}}
		p := PloverOf(&rec)
		got, err := fastPlover(&p)
		if err != nil {
			t.Fatal(err)
		}
		if want := stdPlover(t, &p); !bytes.Equal(got, want) {
			t.Errorf("fast writer differs from encoding/json:\n got %q\nwant %q", got, want)
		}
	})
}

func BenchmarkPloverEncode(b *testing.B) {
	rec := sitrep.EventRecord{ID: "ev-1", Happened: true, Sources: []string{"Reuters", "AFP"}, Outlets: []string{"Reuters"}, ReportCount: 2,
		Event: sitrep.Event{Type: sitrep.Assault, Mode: "artillery", Actor1: &sitrep.ActorRef{ID: "LBY-LNA", Name: "Libyan National Army", Country: "LBY"},
			Location: &sitrep.Location{Name: "Tripoli", GeonamesID: 2210247, Lat: 32.8872, Lon: 13.1913, Country: "LBY", Precision: 1},
			Date:     &sitrep.DateRange{Start: "2020-05-18", End: "2020-05-18", Precision: 1}, Modality: sitrep.Asserted, Confidence: 0.81,
			Evidence: sitrep.Evidence{Text: "LNA forces shelled the Mitiga area of Tripoli, killing five people."}}}
	b.Run("fast", func(b *testing.B) {
		var j jsonBuf
		for b.Loop() {
			p := PloverOf(&rec)
			j.b = j.b[:0]
			j.plover(&p)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		for b.Loop() {
			buf.Reset()
			p := PloverOf(&rec)
			if err := enc.Encode(&p); err != nil {
				b.Fatal(err)
			}
		}
	})
}
