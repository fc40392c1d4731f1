package gazetteer

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// Ref locates an entry in a Set: the layer (in a default set 0 the
// embedded gazetteer, 1 the team's tables over it, then added files in
// order) and the entry's index in it.
type Ref struct {
	Layer, Index int
}

// Match is an entry found for a name.
type Match struct {
	Ref
	Entry
	// Primary is true when the name is the entry's own name (or its ASCII
	// form), not one of its alternate names.
	Primary bool
	// Edits is the number of edits between the looked-up key and the
	// entry's key: 0 for an index hit, 1 or 2 for a fuzzy match.
	Edits int
}

// Set looks names up in several gazetteers at once: the default one and
// files added by users. An entry with the same GeoNames id in a later layer
// replaces the earlier one, so an import can add names to a known place.
// A Set is safe for concurrent use.
type Set struct {
	layers []*Gazetteer

	countries map[string]countryRef
	iso3      map[string]string

	iso2Once sync.Once
	iso2     map[string]string

	adminOnce sync.Once
	admins    map[string]Ref

	fuzzyOnce sync.Once
	fuzzy     map[uint16][]fuzzyKey
	// fuzzyMasks[b][i] is fuzzy[b][i].mask, apart so that the scan for
	// candidates reads four bytes a key rather than a whole fuzzyKey.
	fuzzyMasks map[uint16][]uint32

	looseOnce sync.Once
	loose     []looseKey

	idOnce sync.Once
	ids    map[int64]Ref
}

type countryRef struct {
	Country
	layer int
}

// NewSet returns a set of the given gazetteers, the first being the base.
func NewSet(layers ...*Gazetteer) *Set {
	s := &Set{layers: layers, countries: map[string]countryRef{}, iso3: map[string]string{}}
	for li, g := range layers {
		for _, c := range g.Countries() {
			if _, ok := s.countries[c.ISO2]; ok {
				continue
			}
			s.countries[c.ISO2] = countryRef{Country: c, layer: li}
			s.iso3[c.ISO2] = c.ISO3
		}
	}
	return s
}

var (
	defaultSetOnce sync.Once
	defaultSet     *Set
)

// DefaultLayers returns the embedded gazetteer and the layer of the
// team's small tables over it (see Supplement).
func DefaultLayers() ([]*Gazetteer, error) {
	base, err := Default()
	if err != nil {
		return nil, err
	}
	sup, err := Supplement()
	if err != nil {
		return nil, err
	}
	return []*Gazetteer{base, sup}, nil
}

// OpenSet opens the default layers (DefaultLayers) and the files at
// paths, in order. Without paths it returns one shared set, so that its
// lazily built indexes are built once per process.
func OpenSet(paths ...string) (*Set, error) {
	base, err := DefaultLayers()
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		defaultSetOnce.Do(func() { defaultSet = NewSet(base...) })
		return defaultSet, nil
	}
	layers := base
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("open gazetteer %s: %w", p, err)
		}
		g, err := Open(p, string(b))
		if err != nil {
			return nil, err
		}
		layers = append(layers, g)
	}
	return NewSet(layers...), nil
}

// Layers returns the gazetteers of the set, base first.
func (s *Set) Layers() []*Gazetteer { return s.layers }

// Entry returns the entry at r.
func (s *Set) Entry(r Ref) Entry { return s.layers[r.Layer].Entry(r.Index) }

// Lookup appends the entries whose index key is key (see Key) to dst, one
// per GeoNames id, the latest layer winning.
func (s *Set) Lookup(dst []Match, key string) []Match {
	start := len(dst)
	var buf [16]Posting
	for li, g := range s.layers {
		ps := g.Postings(buf[:0], key)
		for _, p := range ps {
			dst = s.addMatch(dst, start, Match{Ref: Ref{li, p.Entry}, Entry: g.Entry(p.Entry), Primary: p.Primary})
		}
	}
	return dst
}

// addMatch appends m unless an entry with the same GeoNames id is already
// among dst[start:], which m then replaces when it comes from a later layer.
func (s *Set) addMatch(dst []Match, start int, m Match) []Match {
	if m.ID != 0 {
		for i := start; i < len(dst); i++ {
			if dst[i].ID == m.ID {
				if m.Layer > dst[i].Layer {
					m.Primary = m.Primary || dst[i].Primary
					dst[i] = m
				} else {
					dst[i].Primary = dst[i].Primary || m.Primary
				}
				return dst
			}
		}
	}
	return append(dst, m)
}

// HasPrefix reports whether any layer has a key starting with prefix.
func (s *Set) HasPrefix(prefix string) bool {
	for _, g := range s.layers {
		if g.HasPrefix(prefix) {
			return true
		}
	}
	return false
}

// Country returns a country by ISO alpha-2 code.
func (s *Set) Country(iso2 string) (Country, bool) {
	c, ok := s.countries[iso2]
	return c.Country, ok
}

// CountryEntry returns the entry of a country by ISO alpha-2 code.
func (s *Set) CountryEntry(iso2 string) (Entry, Ref, bool) {
	c, ok := s.countries[iso2]
	if !ok || c.Entry < 0 {
		return Entry{}, Ref{}, false
	}
	r := Ref{c.layer, c.Entry}
	return s.Entry(r), r, true
}

// Capital returns the entry of a country's capital.
func (s *Set) Capital(iso2 string) (Entry, Ref, bool) {
	c, ok := s.countries[iso2]
	if !ok || c.Capital < 0 {
		return Entry{}, Ref{}, false
	}
	r := Ref{c.layer, c.Capital}
	return s.Entry(r), r, true
}

// ISO3 returns the alpha-3 code of a country given its alpha-2 code, or "".
func (s *Set) ISO3(iso2 string) string { return s.iso3[iso2] }

// ISO2 returns the alpha-2 code of a country given its alpha-3 code, or "".
func (s *Set) ISO2(iso3 string) string {
	s.iso2Once.Do(func() {
		s.iso2 = make(map[string]string, len(s.iso3))
		for k, v := range s.iso3 {
			s.iso2[v] = k
		}
	})
	return s.iso2[iso3]
}

// Admin returns the administrative unit with the GeoNames admin path code
// ("LY.64", "US.FL.011").
func (s *Set) Admin(code string) (Entry, bool) {
	s.adminOnce.Do(s.indexAdmins)
	r, ok := s.admins[code]
	if !ok {
		return Entry{}, false
	}
	return s.Entry(r), true
}

// Admin1 returns the first-order administrative unit a place lies in (the
// place itself when it is one).
func (s *Set) Admin1(e Entry) (Entry, bool) {
	code := e.Admin
	if code == "" {
		return Entry{}, false
	}
	// "CC.A1" or "CC.A1.A2": keep up to the second dot.
	dots := 0
	for i := 0; i < len(code); i++ {
		if code[i] == '.' {
			dots++
			if dots == 2 {
				code = code[:i]
				break
			}
		}
	}
	if dots == 0 {
		return Entry{}, false
	}
	return s.Admin(code)
}

func (s *Set) indexAdmins() {
	s.admins = map[string]Ref{}
	for li, g := range s.layers {
		for i := range g.Len() {
			e := g.Entry(i)
			if (e.Code == "ADM1" || e.Code == "ADM2") && e.Admin != "" {
				s.admins[e.Admin] = Ref{li, i}
			}
		}
	}
}

// BorderKey returns the name under which the border area of two countries
// (ISO alpha-2 codes, in either order) is indexed.
func BorderKey(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return "border " + a + " " + b
}

// Border returns the border area between two countries, when the
// gazetteer has one (the countries share a boundary).
func (s *Set) Border(a, b string) (Entry, bool) {
	var buf [4]Match
	for _, m := range s.Lookup(buf[:0], Key(BorderKey(a, b))) {
		if m.Code == "BDR" {
			return m.Entry, true
		}
	}
	return Entry{}, false
}

// ByID returns the entry with a GeoNames id, the latest layer winning.
func (s *Set) ByID(id int64) (Entry, Ref, bool) {
	s.idOnce.Do(func() {
		s.ids = map[int64]Ref{}
		for li, g := range s.layers {
			for i := range g.Len() {
				e := g.Entry(i)
				if e.ID != 0 && e.Code != "DEM" {
					s.ids[e.ID] = Ref{li, i}
				}
			}
		}
	})
	r, ok := s.ids[id]
	if !ok {
		return Entry{}, Ref{}, false
	}
	return s.Entry(r), r, true
}

// UserDir returns the directory whose *.gaz files the geoparser adds to the
// default gazetteer: $SITREP_GAZETTEER_DIR, or sitrep/gazetteer under the
// user's configuration directory.
func UserDir() (string, error) {
	if d := os.Getenv("SITREP_GAZETTEER_DIR"); d != "" {
		return d, nil
	}
	d, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("gazetteer user directory: %w (set SITREP_GAZETTEER_DIR)", err)
	}
	return filepath.Join(d, "sitrep", "gazetteer"), nil
}

// UserFiles lists the *.gaz files of UserDir, sorted; none when the
// directory does not exist.
func UserFiles() []string {
	d, err := UserDir()
	if err != nil {
		return nil
	}
	files, _ := filepath.Glob(filepath.Join(d, "*.gaz"))
	sort.Strings(files)
	return files
}
