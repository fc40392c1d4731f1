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
