package event_test

import (
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/ontology"
)

// TestAircraftDowned checks that an aircraft fired at is what was hit, not
// the weapon: shooting down a helicopter is a clash, not an air strike;
// helicopters that strike are still the air strike.
func TestAircraftDowned(t *testing.T) {
	tests := []struct{ text, sub string }{
		{"Rebels shot down an army helicopter near Kidal on Sunday.", ontology.ArmedClash},
		{"A military helicopter crashed after being hit by rebel fire near Kidal on Sunday.", ontology.ArmedClash},
		{"Gunmen opened fire on a military helicopter near Kidal on Sunday.", ontology.ArmedClash},
		// guards: the aircraft strike
		{"Army helicopters struck rebel positions near Kidal on Sunday.", ontology.AirDroneStrike},
		{"A drone hit a rebel convoy near Kidal on Sunday.", ontology.AirDroneStrike},
	}
	for _, tt := range tests {
		doc := code(t, tt.text, "2022-03-08")
		e := find(doc, sitrep.Assault, "")
		if e == nil || e.ACLEDSubEventType != tt.sub {
			t.Errorf("%q: want an assault coded %s: %s", tt.text, tt.sub, summary(doc))
		}
	}
}
