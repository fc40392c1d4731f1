// Package country holds the ISO 3166 codes and English names of the world's
// countries and territories, as GeoNames lists them: what exports need to
// write ACLED's numeric iso and country columns from the alpha-3 codes the
// rest of sitrep carries. The table is generated (see gen/).
package country

import "sort"

//go:generate go run ./gen -shared ../../shared -out table.go

// Country is one country or territory.
type Country struct {
	ISO2    string // ISO 3166-1 alpha-2, "LY"
	ISO3    string // ISO 3166-1 alpha-3, "LBY"
	Numeric int    // ISO 3166-1 numeric, 434
	Name    string // English short name, "Libya"
}

var byISO2 = func() map[string]int {
	m := make(map[string]int, len(table))
	for i, c := range table {
		m[c.ISO2] = i
	}
	return m
}()

// Lookup returns the country of an alpha-3 or alpha-2 code (upper case).
func Lookup(code string) (Country, bool) {
	switch len(code) {
	case 3:
		i := sort.Search(len(table), func(i int) bool { return table[i].ISO3 >= code })
		if i < len(table) && table[i].ISO3 == code {
			return table[i], true
		}
	case 2:
		if i, ok := byISO2[code]; ok {
			return table[i], true
		}
	}
	return Country{}, false
}

// All returns every country, ordered by alpha-3 code.
func All() []Country { return append([]Country(nil), table[:]...) }
