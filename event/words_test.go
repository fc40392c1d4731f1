package event

import "testing"

// TestPastForm: "to death" follows a verb's past form, not any word that
// ends like one ("men", "children").
func TestPastForm(t *testing.T) {
	for w, want := range map[string]bool{
		"beaten": true, "stabbed": true, "shot": true, "burnt": true, "bitten": true,
		"men": false, "children": false, "women": false, "citizen": false, "garden": false,
	} {
		if got := pastForm(w); got != want {
			t.Errorf("pastForm(%q) = %v, want %v", w, got, want)
		}
	}
}
