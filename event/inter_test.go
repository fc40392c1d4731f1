package event_test

import "testing"

// TestUnidentifiedArmedGroup checks that attackers no one names, or named
// only by what they are, take ACLED's category of an unidentified armed
// group (a political militia, 3), that a group named in the text does
// not, and that a state that fights is state forces.
func TestUnidentifiedArmedGroup(t *testing.T) {
	tests := []struct {
		text                string
		inter1, interaction int
	}{
		{"Gunmen killed three traders on the road to Bunia on Sunday.", 3, 37},
		{"Unknown assailants shot dead a village chief in Menaka on Sunday.", 3, 37},
		{"A roadside bomb killed two soldiers near Gao on Sunday.", 3, 13},
		{"Soldiers clashed with armed men near Gao on Sunday.", 1, 13},
		{"RENAMO killed four herders in Gorongosa on Sunday.", 0, 70},
		{"Russia shelled the town of Kupiansk on Sunday, killing two civilians.", 1, 17},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2022-03-08")
		var got *int
		for i := range doc.Events {
			e := &doc.Events[i]
			if e.ACLEDEventType != "" {
				got = &e.Interaction
				if e.Inter1 != tt.inter1 || e.Interaction != tt.interaction {
					t.Errorf("%q: inter1 %d, interaction %d; want %d, %d", tt.text, e.Inter1, e.Interaction, tt.inter1, tt.interaction)
				}
				break
			}
		}
		if got == nil {
			t.Errorf("%q: no event with an ACLED type", tt.text)
		}
	}
}
