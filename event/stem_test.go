package event

import "testing"

// TestStemIs checks the allocation-free comparison against the stem it
// stands for, on ASCII and non-ASCII words, plurals and odd lengths.
func TestStemIs(t *testing.T) {
	words := []string{"", "s", "S", "ies", "IES", "y", "militias", "Militia", "MILITIAS", "militia", "militiamen",
		"mercenaries", "Mercenary", "mercenary", "fighters", "Fighter", "fighter", "Forces", "forces", "force",
		"Kurdes", "Émigrés", "émigré", "Ülkücüs", "ülkücü", "Jieš", "bus", "bu", "Bus", "ss", "s", "CITIES", "city"}
	for _, w := range words {
		for _, h := range words {
			hs := headStem(h)
			if got, want := stemIs(w, hs), headStem(w) == hs; got != want {
				t.Errorf("stemIs(%q, %q) = %v, want %v", w, hs, got, want)
			}
		}
	}
}
