package gazetteer_test

import (
	"math"
	"testing"

	"github.com/sitrep/sitrep/gazetteer"
)

func TestDistance(t *testing.T) {
	// Tripoli to Benghazi is about 645 km on the sphere.
	if d := gazetteer.DistanceKM(32.88743, 13.18733, 32.11486, 20.06859); math.Abs(d-648) > 10 {
		t.Errorf("Tripoli–Benghazi = %.0f km, want about 648", d)
	}
	if d := gazetteer.DistanceKM(10, 20, 10, 20); d != 0 {
		t.Errorf("distance to itself = %v", d)
	}
}

func TestDestinationBearing(t *testing.T) {
	for _, c := range []struct{ lat, lon, bearing, km float64 }{
		{32.887, 13.187, 180, 40},
		{32.887, 13.187, 135, 150},
		{0, 179.9, 90, 100},
		{-33, 151, 315, 2000},
	} {
		lat, lon := gazetteer.Destination(c.lat, c.lon, c.bearing, c.km)
		if d := gazetteer.DistanceKM(c.lat, c.lon, lat, lon); math.Abs(d-c.km) > 0.01*c.km {
			t.Errorf("%v: destination %v,%v is %.1f km away", c, lat, lon, d)
		}
		if b := gazetteer.Bearing(c.lat, c.lon, lat, lon); math.Abs(math.Mod(b-c.bearing+540, 360)-180) > 0.5 {
			t.Errorf("%v: bearing back %.1f", c, b)
		}
		if lon < -180 || lon > 180 {
			t.Errorf("%v: longitude %v out of range", c, lon)
		}
	}
}

func TestPrecision(t *testing.T) {
	for _, c := range []struct {
		e    gazetteer.Entry
		want int
	}{
		{gazetteer.Entry{Class: 'P', Code: "PPLC"}, 1},
		{gazetteer.Entry{Class: 'A', Code: "ADM1"}, 3},
		{gazetteer.Entry{Class: 'A', Code: "ADM2"}, 3},
		{gazetteer.Entry{Class: 'A', Code: "PCLI"}, 4},
		{gazetteer.Entry{Class: 'L', Code: "BDR"}, 2},
		{gazetteer.Entry{Class: 'L', Code: "CONT"}, 4},
		{gazetteer.Entry{Class: 'H', Code: "SEA"}, 4},
		{gazetteer.Entry{Class: 'H', Code: "STM"}, 2},
		{gazetteer.Entry{Class: 'S', Code: "AIRF"}, 1},
	} {
		if got := c.e.Precision(); got != c.want {
			t.Errorf("%s precision %d, want %d", c.e.Code, got, c.want)
		}
	}
}
