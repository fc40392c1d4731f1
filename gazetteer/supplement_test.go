package gazetteer_test

import (
	"math"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/gazetteer"
)

// TestSupplement checks that the default set finds the bases of the team's
// table under their common spellings, and that every row is a base in a
// country the gazetteer knows, inside that country's rough extent.
func TestSupplement(t *testing.T) {
	s := defaultSet(t)
	for _, c := range []struct {
		name, country string
		lat, lon      float64
	}{
		{"al-Watiya", "LY", 32.47, 11.90},
		{"Al Watiyah", "LY", 32.47, 11.90},
		{"Hmeimim", "SY", 35.40, 35.95},
		{"Ain al-Asad", "IQ", 33.79, 42.44},
		{"Jufra airbase", "LY", 29.20, 16.00},
	} {
		found := false
		for _, m := range s.Lookup(nil, gazetteer.Key(c.name)) {
			if gazetteer.IsMilitaryCode(m.Code) && m.Country == c.country &&
				gazetteer.DistanceKM(m.Lat, m.Lon, c.lat, c.lon) < 5 {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no base in %s near %.2f, %.2f", c.name, c.country, c.lat, c.lon)
		}
	}
	sup, err := gazetteer.Supplement()
	if err != nil {
		t.Fatal(err)
	}
	if sup.Len() < 40 {
		t.Errorf("supplement holds %d bases, want the whole table", sup.Len())
	}
	for i := range sup.Len() {
		e := sup.Entry(i)
		cc, ok := s.Country(e.Country)
		if !ok {
			t.Errorf("%s: unknown country %q", e.Name, e.Country)
			continue
		}
		if e.Precision() != 1 {
			t.Errorf("%s: precision %d, want 1 (a site)", e.Name, e.Precision())
		}
		// a base lies within its country's size of its country's point:
		// catches a swapped latitude and longitude or a wrong sign
		ce, _, ok := s.CountryEntry(e.Country)
		if ok && gazetteer.DistanceKM(e.Lat, e.Lon, ce.Lat, ce.Lon) > 500+math.Sqrt(float64(cc.AreaKM2)) {
			t.Errorf("%s: %.3f, %.3f is %.0f km from %s", e.Name, e.Lat, e.Lon,
				gazetteer.DistanceKM(e.Lat, e.Lon, ce.Lat, ce.Lon), ce.Name)
		}
	}
}

func TestParseBasesErrors(t *testing.T) {
	for _, c := range []struct{ name, line, want string }{
		{"fields", "AIRB\tX Air Base\t1\t2", "4 fields"},
		{"code", "PPL\tX\t1\t2\tLY", "not AIRB or MILB"},
		{"name", "AIRB\t|\t1\t2\tLY", "no name"},
		{"latitude", "AIRB\tX Air Base\t91\t2\tLY", "out of range"},
		{"number", "AIRB\tX Air Base\tnorth\t2\tLY", "out of range"},
		{"country", "AIRB\tX Air Base\t1\t2\tLBY", "ISO alpha-2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := gazetteer.ParseBases("t.tsv", "# comment\n\n"+c.line+"\n")
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "t.tsv:3") {
				t.Errorf("error %v, want one naming t.tsv:3 and %q", err, c.want)
			}
		})
	}
	g, err := gazetteer.ParseBases("t.tsv", "MILB\tCamp X|X camp\t1.5\t-2.25\tLY\r\n")
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 1 || g.Entry(0).Code != "MILB" || g.Entry(0).Lon != -2.25 {
		t.Errorf("parsed %d entries, first %+v", g.Len(), g.Entry(0))
	}
}

func TestLoose(t *testing.T) {
	s := defaultSet(t)
	has := func(ms []gazetteer.Match, id int64) bool {
		for _, m := range ms {
			if m.ID == id && m.Edits == 1 {
				return true
			}
		}
		return false
	}
	if ms := s.Loose(nil, gazetteer.Key("Lashkargah"), "AF"); !has(ms, 1134720) {
		t.Errorf("Loose(Lashkargah, AF) = %v, want Lashkar Gah 1134720", ms)
	}
	if ms := s.Loose(nil, gazetteer.Key("Wardak"), "AF"); !has(ms, 1121863) {
		t.Errorf("Loose(Wardak, AF) = %v, want Vardak 1121863", ms)
	}
	if ms := s.Loose(nil, gazetteer.Key("Lashkargah"), "IN"); len(ms) != 0 {
		t.Errorf("Loose(Lashkargah, IN) = %v, want nothing outside the country asked", ms)
	}
	if ms := s.Loose(nil, gazetteer.Key("Kabul"), "AF"); len(ms) != 0 {
		t.Errorf("Loose(Kabul, AF) = %v, want nothing: a skeleton of three letters is too loose for one word", ms)
	}
}

func BenchmarkLoose(b *testing.B) {
	s := defaultSet(b)
	s.Loose(nil, gazetteer.Key("Lashkargah"), "AF") // build the index
	key := gazetteer.Key("Nahri Saraj")
	b.ResetTimer()
	for range b.N {
		s.Loose(nil, key, "AF")
	}
}

// BenchmarkLooseIndex measures building the skeleton index, which the
// first Loose call of a process pays.
func BenchmarkLooseIndex(b *testing.B) {
	layers, err := gazetteer.DefaultLayers()
	if err != nil {
		b.Fatal(err)
	}
	key := gazetteer.Key("Lashkargah")
	for range b.N {
		gazetteer.NewSet(layers...).Loose(nil, key, "AF")
	}
}

// FuzzParseBases checks that no table text makes ParseBases panic, and
// that what it accepts opens as a gazetteer whose entries are bases.
func FuzzParseBases(f *testing.F) {
	f.Add("AIRB\tAl-Watiya Air Base|Watiya\t32.475\t11.898\tLY\n")
	f.Add("# comment\nMILB\tCamp X\t-1\t2\tDJ\r\n")
	f.Add("AIRB\t|\tx\t\t\n")
	f.Fuzz(func(t *testing.T, text string) {
		g, err := gazetteer.ParseBases("fuzz.tsv", text)
		if err != nil {
			return
		}
		for i := range g.Len() {
			if e := g.Entry(i); !gazetteer.IsMilitaryCode(e.Code) || e.Lat < -90 || e.Lat > 90 {
				t.Errorf("entry %d: %+v", i, e)
			}
		}
	})
}
