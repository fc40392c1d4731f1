package country

import "testing"

func TestLookup(t *testing.T) {
	tests := []struct {
		code    string
		ok      bool
		iso3    string
		numeric int
		name    string
	}{
		{"LBY", true, "LBY", 434, "Libya"},
		{"LY", true, "LBY", 434, "Libya"},
		{"AFG", true, "AFG", 4, "Afghanistan"},
		{"SDN", true, "SDN", 729, "Sudan"},
		{"UKR", true, "UKR", 804, "Ukraine"},
		{"ZWE", true, "ZWE", 716, "Zimbabwe"},
		{"ABW", true, "ABW", 533, "Aruba"},
		{"lby", false, "", 0, ""},
		{"XXX", false, "", 0, ""},
		{"", false, "", 0, ""},
		{"LIBYA", false, "", 0, ""},
	}
	for _, tt := range tests {
		c, ok := Lookup(tt.code)
		if ok != tt.ok || c.ISO3 != tt.iso3 || c.Numeric != tt.numeric || c.Name != tt.name {
			t.Errorf("Lookup(%q) = %+v, %v; want %s %d %q, %v", tt.code, c, ok, tt.iso3, tt.numeric, tt.name, tt.ok)
		}
	}
}

// TestTable checks the invariants Lookup relies on: alpha-3 codes sorted
// and unique, alpha-2 codes unique.
func TestTable(t *testing.T) {
	if len(table) < 240 {
		t.Fatalf("%d countries; the generated table is incomplete", len(table))
	}
	seen := map[string]bool{}
	for i, c := range table {
		if i > 0 && table[i-1].ISO3 >= c.ISO3 {
			t.Errorf("table not sorted at %s after %s", c.ISO3, table[i-1].ISO3)
		}
		if seen[c.ISO2] {
			t.Errorf("alpha-2 %s twice", c.ISO2)
		}
		seen[c.ISO2] = true
		if c.Name == "" || len(c.ISO2) != 2 {
			t.Errorf("incomplete row %+v", c)
		}
	}
	if n := len(All()); n != len(table) {
		t.Errorf("All() = %d countries, want %d", n, len(table))
	}
}

func BenchmarkLookup(b *testing.B) {
	for b.Loop() {
		Lookup("LBY")
		Lookup("SD")
	}
}
