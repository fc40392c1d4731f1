package gazetteer_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/sitrep/sitrep/gazetteer"
)

// smallFile builds a gazetteer of a few places.
func smallFile(tb testing.TB) []byte {
	tb.Helper()
	var b gazetteer.Builder
	ly := b.Add(gazetteer.Entry{ID: 2215636, Name: "Libya", Lat: 28, Lon: 17, Code: "PCLI", Country: "LY", Admin: "LY", Population: 6678567}, "State of Libya")
	adm := b.Add(gazetteer.Entry{ID: 2219944, Name: "Al Jufrah", Lat: 29.14, Lon: 16.04, Code: "ADM1", Country: "LY", Admin: "LY.64", Derived: true})
	tri := b.Add(gazetteer.Entry{ID: 2210247, Name: "Tripoli", Lat: 32.88743, Lon: 13.18733, Code: "PPLC", Country: "LY", Admin: "LY.77", Population: 1150989}, "Tarabulus", "Ṭarābulus")
	b.Add(gazetteer.Entry{ID: 266826, Name: "Tripoli", Lat: 34.43352, Lon: 35.84415, Code: "PPLA", Country: "LB", Admin: "LB.09", Population: 229398})
	b.Add(gazetteer.Entry{ID: 2210221, Name: "Tarhuna", Lat: 32.43501, Lon: 13.6332, Code: "PPL", Country: "LY", Admin: "LY.82", Population: 210697}, "Tarhounah")
	b.AddCountry(gazetteer.Country{ISO2: "LY", ISO3: "LBY", Continent: "AF", Entry: ly, Capital: tri, Neighbours: []string{"TN", "DZ"}})
	_ = adm
	var buf bytes.Buffer
	if _, err := b.WriteTo(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	g, err := gazetteer.Open("small", string(smallFile(t)))
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 5 {
		t.Fatalf("Len = %d, want 5", g.Len())
	}
	s := gazetteer.NewSet(g)
	ms := s.Lookup(nil, gazetteer.Key("Tarhouna"))
	if len(ms) != 1 || ms[0].ID != 2210221 || !ms[0].Primary {
		t.Fatalf("Tarhouna: %+v, want Tarhuna by its own name's key", ms)
	}
	ms = s.Lookup(nil, gazetteer.Key("Tarabulus"))
	if len(ms) != 1 || ms[0].ID != 2210247 || ms[0].Primary {
		t.Fatalf("Tarabulus: %+v, want Tripoli by an alternate name", ms)
	}
	ms = s.Lookup(nil, gazetteer.Key("Tripoli"))
	if len(ms) != 2 {
		t.Fatalf("Tripoli: %d entries, want 2", len(ms))
	}
	e := ms[0].Entry
	if e.Lat != 32.88743 || e.Lon != 13.18733 || e.Code != "PPLC" || e.Class != 'P' || e.Country != "LY" || e.Population != 1150989 {
		t.Errorf("Tripoli read back as %+v", e)
	}
	if a, ok := s.Admin1(gazetteer.Entry{Admin: "LY.64.123"}); !ok || a.Name != "Al Jufrah" || !a.Derived {
		t.Errorf("Admin1(LY.64.123) = %+v, %v", a, ok)
	}
	c, ok := s.Country("LY")
	if !ok || c.ISO3 != "LBY" || len(c.Neighbours) != 2 {
		t.Errorf("Country(LY) = %+v", c)
	}
	if cap, _, ok := s.Capital("LY"); !ok || cap.ID != 2210247 {
		t.Errorf("Capital(LY) = %+v", cap)
	}
	if s.ISO3("LY") != "LBY" || s.ISO3("XX") != "" {
		t.Error("ISO3")
	}
	if !s.HasPrefix("tri") || s.HasPrefix("zzz") {
		t.Error("HasPrefix")
	}
}

func TestLayersReplaceByID(t *testing.T) {
	base, err := gazetteer.Open("base", string(smallFile(t)))
	if err != nil {
		t.Fatal(err)
	}
	var b gazetteer.Builder
	b.Add(gazetteer.Entry{ID: 2210221, Name: "Tarhuna", Lat: 32.4, Lon: 13.6, Code: "PPL", Country: "LY", Admin: "LY.82", Population: 210697}, "Tarhouna", "Tarhuna Town")
	var buf bytes.Buffer
	if _, err := b.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	over, err := gazetteer.Open("over", buf.String())
	if err != nil {
		t.Fatal(err)
	}
	s := gazetteer.NewSet(base, over)
	ms := s.Lookup(nil, gazetteer.Key("Tarhouna"))
	if len(ms) != 1 || ms[0].Layer != 1 {
		t.Fatalf("Tarhouna over two layers: %+v, want one entry from layer 1", ms)
	}
	if ms := s.Lookup(nil, gazetteer.Key("Tarhuna Town")); len(ms) != 1 {
		t.Errorf("name added by the overlay not found: %+v", ms)
	}
}

func TestOpenRejectsDamage(t *testing.T) {
	good := smallFile(t)
	cases := map[string][]byte{
		"empty":      nil,
		"not ours":   []byte("PK\x03\x04 this is a zip file, not a gazetteer............................................"),
		"truncated":  good[:len(good)/2],
		"flipped":    flip(good, len(good)/2),
		"bad footer": flip(good, len(good)-1),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := gazetteer.Open(name, string(data)); !errors.Is(err, gazetteer.ErrFormat) {
				t.Errorf("Open = %v, want ErrFormat", err)
			}
		})
	}
}

func flip(b []byte, i int) []byte {
	c := append([]byte(nil), b...)
	c[i] ^= 0x55
	return c
}

func TestBuilderRejectsBadEntries(t *testing.T) {
	for name, e := range map[string]gazetteer.Entry{
		"latitude":  {Name: "x", Lat: 91},
		"longitude": {Name: "x", Lon: -181},
		"country":   {Name: "x", Country: "LBY"},
		"id":        {Name: "x", ID: -1},
	} {
		var b gazetteer.Builder
		b.Add(e)
		if _, err := b.WriteTo(&bytes.Buffer{}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// FuzzOpen feeds damaged files to Open: it must return an error or a
// gazetteer whose every entry and key can be read without panicking.
func FuzzOpen(f *testing.F) {
	f.Add(smallFile(f))
	f.Add([]byte("SRGZ"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		g, err := gazetteer.Open("fuzz", string(data))
		if err != nil {
			return
		}
		for i := range g.Len() {
			_ = g.Entry(i).Precision()
		}
		s := gazetteer.NewSet(g)
		g.EachKey(func(i int, k string) { s.Lookup(nil, k) })
		s.Fuzzy(nil, "tripoly")
		s.Admin("LY.64")
	})
}
