// Package gazetteer holds sitrep's place data: a compact binary gazetteer of
// GeoNames places, administrative units, countries, continents, seas,
// rivers, regions and border areas, with a name index whose keys survive
// the spelling variants of transliterated names (see Key), and a bounded
// fuzzy match for the rest.
//
// The default gazetteer is built by the generator in gazetteer/gen from
// GeoNames data (CC BY 4.0) and Natural Earth shapes (public domain), and
// is embedded in the binary: Default opens it without copying. Users add
// places from the full GeoNames dumps with Import (sitrep gazetteer import),
// which writes a file in the same format; a Set looks names up in the
// default gazetteer and every added file together.
//
// A gazetteer file is read-only and safe for concurrent use. Open checks
// its structure and checksum once, so later lookups cannot fail or read out
// of bounds even on a damaged or hostile file.
package gazetteer

import "math"

// Entry is one place of a gazetteer.
type Entry struct {
	// ID is the GeoNames id; 0 for places GeoNames does not number (admin2
	// units of the default build, border areas, team-written regions).
	ID   int64
	Name string
	// Lat and Lon are in degrees, to five decimals.
	Lat, Lon float64
	// Class is the GeoNames feature class: A country, state, region; P city,
	// village; H stream, lake, sea; L park, area, region; S spot, building,
	// base; T mountain, island; U undersea; V forest.
	Class byte
	// Code is the GeoNames feature code (PPLC, PPL, ADM1, PCLI, SEA, ...).
	// The generator adds CONT for continents and BDR for border areas.
	Code string
	// Country is the ISO 3166 alpha-2 code; empty for places in no country.
	Country string
	// Admin is the GeoNames admin path of the place, "CC.A1" or "CC.A1.A2"
	// ("LY.64", "US.FL.011"): for an administrative unit its own code, for
	// other places the deepest unit they are known to lie in.
	Admin      string
	Population int64
	// Derived is true when the coordinates are not GeoNames' own but a
	// centroid the generator computed (of an admin unit's member places, of
	// a country's shape, of a shared border).
	Derived bool
}

// Precision codes, as sitrep.Precision*: 1 the place itself, 2 near a
// place or part of a region, 3 a region or province, 4 a country or larger.
const (
	precisionTown    = 1
	precisionNear    = 2
	precisionRegion  = 3
	precisionCountry = 4
)

// Precision returns the ACLED-style precision of the entry's coordinates:
// 1 for populated places and sites, 2 for border areas and features whose
// point only approximates them (rivers, mountain ranges), 3 for admin units
// and regions, 4 for countries, continents, oceans and seas.
func (e Entry) Precision() int {
	switch e.Class {
	case 'P', 'S':
		return precisionTown
	case 'T':
		switch e.Code {
		case "MTS", "HLLS", "PLAT", "DSRT":
			return precisionRegion
		case "ISL", "ISLS", "PEN":
			// an island's point stands for all of it
			return precisionRegion
		}
		return precisionTown
	case 'H':
		switch e.Code {
		case "OCN", "SEA", "GULF", "BAY", "STRT", "CHN":
			return precisionCountry
		case "STM", "WAD":
			return precisionNear
		}
		return precisionRegion
	case 'L':
		if e.Code == "BDR" {
			return precisionNear
		}
		if e.Code == "CONT" {
			return precisionCountry
		}
		return precisionRegion
	case 'A':
		if IsCountryCode(e.Code) {
			return precisionCountry
		}
		return precisionRegion
	}
	return precisionRegion
}

// IsCountryCode reports whether a feature code names a country or
// dependency (PCLI, PCLD, PCLF, ...).
func IsCountryCode(code string) bool {
	return len(code) >= 3 && code[:3] == "PCL" || code == "TERR"
}

// IsAdminCode reports whether a feature code is a first- to fifth-order
// administrative division (ADM1 ... ADM5, and their historical forms).
func IsAdminCode(code string) bool {
	return len(code) >= 4 && code[:3] == "ADM" && code[3] >= '1' && code[3] <= '5'
}

// AdminLevel returns 1 for ADM1, 2 for ADM2 and so on, 0 for other codes.
func AdminLevel(code string) int {
	if IsAdminCode(code) {
		return int(code[3] - '0')
	}
	return 0
}

// earthRadiusKM is the mean radius of the Earth.
const earthRadiusKM = 6371.0088

// DistanceKM returns the great-circle distance between two points, in
// kilometres (haversine formula).
func DistanceKM(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) +
		math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * earthRadiusKM * math.Asin(math.Min(1, math.Sqrt(a)))
}

// Destination returns the point reached from (lat, lon) by travelling
// distKM along the great circle with initial bearing bearingDeg (0 north,
// 90 east).
func Destination(lat, lon, bearingDeg, distKM float64) (float64, float64) {
	const rad = math.Pi / 180
	φ1, λ1, θ := lat*rad, lon*rad, bearingDeg*rad
	δ := distKM / earthRadiusKM
	φ2 := math.Asin(math.Sin(φ1)*math.Cos(δ) + math.Cos(φ1)*math.Sin(δ)*math.Cos(θ))
	λ2 := λ1 + math.Atan2(math.Sin(θ)*math.Sin(δ)*math.Cos(φ1), math.Cos(δ)-math.Sin(φ1)*math.Sin(φ2))
	lon2 := math.Mod(λ2/rad+540, 360) - 180
	return φ2 / rad, lon2
}

// Bearing returns the initial great-circle bearing from the first point to
// the second, in degrees clockwise from north, in [0, 360).
func Bearing(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	φ1, φ2 := lat1*rad, lat2*rad
	Δλ := (lon2 - lon1) * rad
	y := math.Sin(Δλ) * math.Cos(φ2)
	x := math.Cos(φ1)*math.Sin(φ2) - math.Sin(φ1)*math.Cos(φ2)*math.Cos(Δλ)
	return math.Mod(math.Atan2(y, x)/rad+360, 360)
}
