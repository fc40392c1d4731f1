package main

import (
	"math"
	"slices"
	"testing"
)

func TestCentre(t *testing.T) {
	// Eleven towns on a line: the middle of their extent, not of their
	// people.
	var m []member
	for i := 0; i <= 10; i++ {
		m = append(m, member{lat: float64(i), lon: 10, pop: int64(1000 * (11 - i))})
	}
	if lat, lon := centre(m); lat != 5 || lon != 10 {
		t.Errorf("centre = %v,%v, want 5,10", lat, lon)
	}
	// Across the antimeridian.
	m = []member{{0, 179, 1}, {0, -179, 1}, {0, 179.5, 1}}
	if _, lon := centre(m); math.Abs(math.Abs(lon)-180) > 1 {
		t.Errorf("centre across the antimeridian at lon %v", lon)
	}
}

func TestPolygonCentroid(t *testing.T) {
	square := [][2]float64{{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}}
	lat, lon, area := polygonCentroid(square)
	if math.Abs(lat-1) > 1e-9 || math.Abs(lon-1) > 1e-9 || area <= 0 {
		t.Errorf("square centroid %v,%v area %v", lat, lon, area)
	}
	wrap := [][2]float64{{179, 0}, {-179, 0}, {-179, 2}, {179, 2}, {179, 0}}
	if _, lon, _ := polygonCentroid(wrap); math.Abs(math.Abs(lon)-180) > 0.01 && math.Abs(lon-180) > 0.01 {
		t.Errorf("antimeridian square centroid lon %v", lon)
	}
}

func TestUnitNames(t *testing.T) {
	got := unitNames("Maidan Wardak Province", "")
	if !slices.Contains(got, "Maidan Wardak") {
		t.Errorf("unitNames = %q", got)
	}
	if got := unitNames("National Capital District", ""); len(got) != 0 {
		t.Errorf("a vague name kept: %q", got)
	}
}

func TestAltNames(t *testing.T) {
	got := altNames("Tripoli", []string{"Tarabulus", "TIP", "I", "sheng hu", "al-Jufrah", "Τρίπολη", "Tripoli", "Tripoli 2"})
	want := []string{"Tarabulus", "al-Jufrah"}
	if !slices.Equal(got, want) {
		t.Errorf("altNames = %q, want %q", got, want)
	}
}

func TestCentreIgnoresStrays(t *testing.T) {
	// Twenty towns around 38N 115E and two coded into the same unit by
	// mistake 2,000 km away: the centre stays with the twenty.
	var m []member
	for i := range 20 {
		m = append(m, member{lat: 37 + float64(i%5)*0.5, lon: 114 + float64(i/5)*0.5, pop: 1000})
	}
	m = append(m, member{31, 94, 1000}, member{31.2, 94.3, 1000})
	lat, lon := centre(m)
	if math.Abs(lat-38) > 0.5 || math.Abs(lon-114.75) > 0.5 {
		t.Errorf("centre = %v,%v, want near 38,114.75", lat, lon)
	}
}

func TestEnglishUnitNames(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"Nord Kivu", "North Kivu"},
		{"Sud-Ubangi", "South Ubangi"},
		{"Haut-Katanga", "Upper Katanga"},
		{"Kivu", ""},
		{"Nord", ""},
	} {
		if got := englishName(c.name); got != c.want {
			t.Errorf("englishName(%q) = %q, want %q", c.name, got, c.want)
		}
	}
	if got := unitNames("Nord Kivu", "Nord Kivu"); !slices.Contains(got, "North Kivu") {
		t.Errorf("unitNames(Nord Kivu) = %q", got)
	}
	if got := unitNames("Masisi Territory", ""); !slices.Contains(got, "Masisi") {
		t.Errorf("unitNames(Masisi Territory) = %q", got)
	}
}

func TestAirportNames(t *testing.T) {
	cases := []struct {
		a         airport
		want, not []string
	}{
		{airport{Type: "large_airport", Name: "London Heathrow Airport", Municipality: "London", Keywords: "LON, Londres"},
			[]string{"Heathrow Airport", "Heathrow"}, []string{"London", "Londres", "LON"}},
		{airport{Type: "large_airport", Name: "Mitiga International Airport", Municipality: "Tripoli",
			Keywords: "Mellaha Army Airfield, Okba Ben Nafi Air Base, Wheelus Air Force Base"},
			[]string{"Mitiga", "Mitiga Airport", "Wheelus Air Force Base", "Mellaha Army Airfield"}, []string{"Tripoli"}},
		{airport{Type: "medium_airport", Name: "Benina International Airport", Municipality: "Benina", Keywords: "Benghazi, Soluch Airfield"},
			[]string{"Soluch Airfield"}, []string{"Benina", "Benghazi"}},
		{airport{Type: "large_airport", Name: "Lester B. Pearson International Airport", Municipality: "Toronto"},
			[]string{"Pearson International Airport", "Pearson Airport"}, []string{"Pearson", "Lester B. Pearson"}},
		{airport{Type: "large_airport", Name: "Montreal / Pierre Elliott Trudeau International Airport", Municipality: "Montréal"},
			[]string{"Pierre Elliott Trudeau International Airport", "Montreal Pierre Elliott Trudeau International Airport", "Trudeau Airport"},
			[]string{"Montreal", "Trudeau"}},
	}
	for _, c := range cases {
		got := airportNames(c.a)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: no %q in %q", c.a.Name, w, got)
			}
		}
		for _, n := range c.not {
			if slices.Contains(got, n) {
				t.Errorf("%s: %q must not be a name of the airport (%q)", c.a.Name, n, got)
			}
		}
	}
}
