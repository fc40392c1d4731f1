package gazetteer_test

import (
	"testing"

	"github.com/sitrep/sitrep/gazetteer"
)

func defaultSet(tb testing.TB) *gazetteer.Set {
	tb.Helper()
	s, err := gazetteer.OpenSet()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// TestDefaultCoverage checks that the embedded gazetteer holds what the
// geoparser relies on: towns under their spelling variants, admin units,
// countries with ISO codes and capitals, demonyms, the team's regions and
// border areas.
func TestDefaultCoverage(t *testing.T) {
	s := defaultSet(t)
	has := func(name string, id int64, code string) {
		t.Helper()
		for _, m := range s.Lookup(nil, gazetteer.Key(name)) {
			if (id == 0 || m.ID == id) && (code == "" || m.Code == code) {
				return
			}
		}
		t.Errorf("%s: no entry with id %d and code %q", name, id, code)
	}
	has("Tripoli", 2210247, "PPLC")
	has("Bani Walid", 2218840, "PPL")
	has("Tarhouna", 2210221, "")
	has("Tarhunah", 2210221, "")
	has("Jufra", 2219944, "ADM1")
	has("Misrata", 2214846, "")
	has("Libya", 2215636, "PCLI")
	has("Libyan", 0, "DEM")
	has("U.S.", 6252001, "PCLI")
	has("Africa", 6255146, "CONT")
	has("Mediterranean", 0, "SEA")
	has("Sahel", 0, "RGN")
	has("Broward County", 0, "ADM2")
	if b, ok := s.Border("TN", "LY"); !ok || b.Precision() != 2 || b.Lat < 30 || b.Lat > 33.5 || b.Lon < 9 || b.Lon > 12 {
		t.Errorf("Libya–Tunisia border: %+v %v", b, ok)
	}
	if c, _, ok := s.Capital("LY"); !ok || c.ID != 2210247 {
		t.Errorf("capital of Libya: %+v", c)
	}
	if s.ISO3("LY") != "LBY" {
		t.Error("ISO3(LY)")
	}
	if ms := s.Fuzzy(nil, gazetteer.Key("Misurrata")); !containsID(ms, 2214846) {
		t.Errorf("fuzzy Misurrata: %+v", ms)
	}
	if ms := s.Fuzzy(nil, gazetteer.Key("Haftar")); containsClass(ms, 'P', 15000) {
		t.Logf("fuzzy Haftar reaches towns (the geoparser must ask for support): %d", len(ms))
	}
}

func containsID(ms []gazetteer.Match, id int64) bool {
	for _, m := range ms {
		if m.ID == id {
			return true
		}
	}
	return false
}

func containsClass(ms []gazetteer.Match, class byte, pop int64) bool {
	for _, m := range ms {
		if m.Class == class && m.Population >= pop {
			return true
		}
	}
	return false
}

func TestEditDistanceBound(t *testing.T) {
	s := defaultSet(t)
	for _, m := range s.Fuzzy(nil, gazetteer.Key("Benghazzi")) {
		if m.Edits < 1 || m.Edits > 2 {
			t.Errorf("fuzzy match %s with %d edits", m.Name, m.Edits)
		}
	}
	if ms := s.Fuzzy(nil, "abcd"); len(ms) != 0 {
		t.Errorf("short keys must not be fuzzy-matched: %+v", ms)
	}
	if ms := s.Fuzzy(nil, gazetteer.Key("Bani Walidd")); len(ms) != 0 {
		t.Errorf("multi-word keys must not be fuzzy-matched: %+v", ms)
	}
}

func BenchmarkOpenDefault(b *testing.B) {
	data := gazetteer.DefaultData()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := gazetteer.Open("bench", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	s := defaultSet(b)
	keys := []string{"tripoli", "bani walid", "tarhuna", "jufra", "libian", "united states", "nowhere at all"}
	var buf []gazetteer.Match
	for b.Loop() {
		for _, k := range keys {
			buf = s.Lookup(buf[:0], k)
		}
	}
}

func BenchmarkFuzzy(b *testing.B) {
	s := defaultSet(b)
	s.Fuzzy(nil, "warmup")
	var buf []gazetteer.Match
	for b.Loop() {
		buf = s.Fuzzy(buf[:0], "misurrata")
	}
}
