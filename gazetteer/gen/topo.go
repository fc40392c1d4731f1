package main

import (
	"fmt"
	"math"
	"sort"

	"github.com/sitrep/sitrep/gazetteer"
)

// atlas is the Natural Earth country layer of the world-atlas package, a
// TopoJSON topology: shared arcs, and each country a list of polygons of
// arc references.
type atlas struct {
	arcs      [][][2]float64 // decoded arcs: lon, lat points
	countries map[string][][][]int
}

type topology struct {
	Arcs      [][][2]float64 `json:"arcs"`
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects struct {
		Countries struct {
			Geometries []struct {
				Type string `json:"type"`
				ID   string `json:"id"`
				Arcs any    `json:"arcs"`
			} `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
}

func readAtlas(path string) (*atlas, error) {
	var t topology
	if err := readJSON(path, &t); err != nil {
		return nil, fmt.Errorf("read world-atlas: %w", err)
	}
	a := &atlas{countries: map[string][][][]int{}}
	for _, arc := range t.Arcs {
		var x, y float64
		pts := make([][2]float64, len(arc))
		for i, d := range arc {
			x += d[0]
			y += d[1]
			pts[i] = [2]float64{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
		}
		a.arcs = append(a.arcs, pts)
	}
	for _, g := range t.Objects.Countries.Geometries {
		if g.ID == "" {
			continue
		}
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			polys = append(polys, rings(g.Arcs))
		case "MultiPolygon":
			for _, p := range g.Arcs.([]any) {
				polys = append(polys, rings(p))
			}
		default:
			continue
		}
		a.countries[g.ID] = append(a.countries[g.ID], polys...)
	}
	return a, nil
}

func rings(v any) [][]int {
	var out [][]int
	for _, r := range v.([]any) {
		var ring []int
		for _, x := range r.([]any) {
			ring = append(ring, int(x.(float64)))
		}
		out = append(out, ring)
	}
	return out
}

// ring returns the points of a ring of arc references (a negative
// reference ~i is arc i reversed).
func (a *atlas) ring(refs []int) [][2]float64 {
	var pts [][2]float64
	for _, r := range refs {
		arc := a.arcs[max(r, ^r)]
		if r < 0 {
			for i := len(arc) - 1; i >= 0; i-- {
				pts = append(pts, arc[i])
			}
		} else {
			pts = append(pts, arc...)
		}
	}
	return pts
}

// centroid returns the centre of a country's shape: the area-weighted
// centroid of its polygons, leaving out those more than 3,000 km from its
// largest one (overseas territories, far islands, Alaska and Hawaii).
func (a *atlas) centroid(numeric string) (float64, float64, bool) {
	polys := a.countries[numeric]
	if len(polys) == 0 {
		return 0, 0, false
	}
	type part struct{ lat, lon, area float64 }
	var parts []part
	for _, p := range polys {
		lat, lon, area := polygonCentroid(a.ring(p[0]))
		if area > 0 {
			parts = append(parts, part{lat, lon, area})
		}
	}
	if len(parts) == 0 {
		return 0, 0, false
	}
	sort.Slice(parts, func(i, j int) bool { return parts[i].area > parts[j].area })
	big := parts[0]
	var sl, so, sw float64
	for _, p := range parts {
		if gazetteer.DistanceKM(big.lat, big.lon, p.lat, p.lon) > 3000 {
			continue
		}
		lon := p.lon
		for lon-big.lon > 180 {
			lon -= 360
		}
		for big.lon-lon > 180 {
			lon += 360
		}
		sl += p.lat * p.area
		so += lon * p.area
		sw += p.area
	}
	lon := math.Mod(so/sw+540, 360) - 180
	return math.Round(sl/sw*1e5) / 1e5, math.Round(lon*1e5) / 1e5, true
}

// polygonCentroid returns the centroid and area of a ring on a local
// equirectangular projection (longitudes scaled by the cosine of the
// ring's mean latitude), area in square degrees of latitude.
func polygonCentroid(pts [][2]float64) (lat, lon, area float64) {
	if len(pts) < 3 {
		return 0, 0, 0
	}
	lo, hi := pts[0][0], pts[0][0]
	for _, p := range pts {
		lo, hi = min(lo, p[0]), max(hi, p[0])
	}
	if hi-lo > 180 { // crosses the antimeridian: work in 0..360
		shifted := make([][2]float64, len(pts))
		for i, p := range pts {
			shifted[i] = p
			if p[0] < 0 {
				shifted[i][0] += 360
			}
		}
		pts = shifted
	}
	var mlat float64
	for _, p := range pts {
		mlat += p[1]
	}
	mlat /= float64(len(pts))
	k := math.Cos(mlat * math.Pi / 180)
	var a, cx, cy float64
	for i := range pts {
		j := (i + 1) % len(pts)
		x0, y0 := pts[i][0]*k, pts[i][1]
		x1, y1 := pts[j][0]*k, pts[j][1]
		c := x0*y1 - x1*y0
		a += c
		cx += (x0 + x1) * c
		cy += (y0 + y1) * c
	}
	if a == 0 {
		return 0, 0, 0
	}
	a /= 2
	return cy / (6 * a), cx / (6 * a) / k, math.Abs(a)
}

// border is the boundary two countries share.
type border struct {
	a, b     string // ISO numeric codes
	lat, lon float64
}

// borders returns, for every pair of countries that share arcs, the point
// of their shared boundary nearest to the boundary's mean point.
func (a *atlas) borders() []border {
	users := map[int][]string{}
	ids := make([]string, 0, len(a.countries))
	for id := range a.countries {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		seen := map[int]bool{}
		for _, p := range a.countries[id] {
			for _, r := range p {
				for _, ref := range r {
					i := max(ref, ^ref)
					if !seen[i] {
						seen[i] = true
						users[i] = append(users[i], id)
					}
				}
			}
		}
	}
	shared := map[[2]string][][2]float64{}
	for i := range a.arcs {
		u := users[i]
		if len(u) != 2 {
			continue
		}
		k := [2]string{u[0], u[1]}
		if k[0] > k[1] {
			k[0], k[1] = k[1], k[0]
		}
		shared[k] = append(shared[k], a.arcs[i]...)
	}
	keys := make([][2]string, 0, len(shared))
	for k := range shared {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
	})
	var out []border
	for _, k := range keys {
		pts := shared[k]
		var mlat, mlon float64
		for _, p := range pts {
			mlat += p[1]
			mlon += p[0]
		}
		mlat /= float64(len(pts))
		mlon /= float64(len(pts))
		best, bd := pts[0], math.Inf(1)
		for _, p := range pts {
			if d := gazetteer.DistanceKM(mlat, mlon, p[1], p[0]); d < bd {
				best, bd = p, d
			}
		}
		out = append(out, border{a: k[0], b: k[1], lat: math.Round(best[1]*1e5) / 1e5, lon: math.Round(best[0]*1e5) / 1e5})
	}
	return out
}
