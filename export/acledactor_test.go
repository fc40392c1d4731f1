package export_test

import (
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/export"
	"github.com/sitrep/sitrep/ontology"
)

func TestACLEDActors(t *testing.T) {
	named := func(id, name, kind, country string) *sitrep.ActorRef {
		return &sitrep.ActorRef{ID: id, Name: name, Kind: kind, Country: country}
	}
	text := func(name string) *sitrep.ActorRef { return &sitrep.ActorRef{Name: name} }
	in := func(iso3 string) *sitrep.Location { return &sitrep.Location{Name: "somewhere", Country: iso3} }
	tests := []struct {
		name           string
		ev             sitrep.Event
		a1, as1, a2, b string // actor1, assoc_actor_1, actor2, assoc_actor_2
	}{
		{"students who protest are protesters of the event's country",
			sitrep.Event{ACLEDEventType: ontology.Protests, Actor1: text("students"), Inter1: 6, Location: in("ZMB")},
			"Protesters (Zambia)", "", "", ""},
		{"a party whose supporters riot is the rioters' associate",
			sitrep.Event{ACLEDEventType: ontology.Riots, Actor1: named("ZMB-UPND", "United Party for National Development", "party", "ZMB"), Inter1: 5, Location: in("ZMB")},
			"Rioters (Zambia)", "United Party for National Development", "", ""},
		{"the victims of violence against civilians, unnamed",
			sitrep.Event{ACLEDEventType: ontology.ViolenceCivilians, Actor1: text("gunmen"), Inter2: 7, Location: in("NGA")},
			"Unidentified Armed Group (Nigeria)", "", "Civilians (Nigeria)", ""},
		{"no perpetrator at all: an unidentified armed group",
			sitrep.Event{ACLEDEventType: ontology.ExplosionsRemote, Actor2: text("soldiers"), Inter2: 1, Location: in("EGY")},
			"Unidentified Armed Group (Egypt)", "", "Military Forces of Egypt", ""},
		{"soldiers the text does not place serve where the event is",
			sitrep.Event{ACLEDEventType: ontology.Battles, Actor1: text("troops"), Inter1: 1, Actor2: text("militants"), Inter2: 2, Location: in("NGA")},
			"Military Forces of Nigeria", "", "militants", ""},
		{"a country's forces abroad are that country's",
			sitrep.Event{ACLEDEventType: ontology.Battles, Actor1: named("KEN.MIL", "Kenyan military", "military", "KEN"), Inter1: 1, Location: in("SOM")},
			"Military Forces of Kenya", "", "", ""},
		{"police by the dictionary's kind and by the text's word",
			sitrep.Event{ACLEDEventType: ontology.StrategicDevelopments, Actor1: text("policemen"), Inter1: 1, Actor2: named("UGA.COP", "Ugandan police", "police", "UGA"), Inter2: 1, Location: in("UGA")},
			"Police Forces of Uganda", "", "Police Forces of Uganda", ""},
		{"a force with a name of its own keeps it",
			sitrep.Event{ACLEDEventType: ontology.Battles, Actor1: named("LBY-LNA", "Libyan National Army", "military", "LBY"), Inter1: 1, Location: in("LBY")},
			"Libyan National Army", "", "", ""},
		{"a government keeps its name",
			sitrep.Event{ACLEDEventType: ontology.StrategicDevelopments, Actor1: named("LBY-GNA", "Government of National Accord", "government", "LBY"), Inter1: 1, Location: in("LBY")},
			"Government of National Accord", "", "", ""},
		{"a state that bombs is its military",
			sitrep.Event{ACLEDEventType: ontology.ExplosionsRemote, Actor1: named("TUN", "Tunisia", "state", "TUN"), Inter1: 1, Location: in("TUN")},
			"Military Forces of Tunisia", "", "", ""},
		{"a state that decrees is itself",
			sitrep.Event{ACLEDEventType: ontology.StrategicDevelopments, Actor1: named("TUN", "Tunisia", "state", "TUN"), Inter1: 1, Location: in("TUN")},
			"Tunisia", "", "", ""},
		{"a group named in the text but unknown to the dictionary keeps its name",
			sitrep.Event{ACLEDEventType: ontology.ViolenceCivilians, Actor1: text("Dahalo"), Location: in("MDG")},
			"Dahalo", "", "", ""},
		{"an armed group in capitals keeps its name",
			sitrep.Event{ACLEDEventType: ontology.Battles, Actor1: text("RENAMO"), Location: in("MOZ")},
			"RENAMO", "", "", ""},
		{"unknown assailants at the start of a sentence",
			sitrep.Event{ACLEDEventType: ontology.ViolenceCivilians, Actor1: text("Unknown assailants"), Location: in("MLI")},
			"Unidentified Armed Group (Mali)", "", "", ""},
		{"no country known: the generic name alone",
			sitrep.Event{ACLEDEventType: ontology.Protests, Actor1: text("workers"), Inter1: 6},
			"Protesters", "", "", ""},
		{"an event ACLED would not record keeps its actors' names",
			sitrep.Event{Actor1: text("students"), Inter1: 6, Location: in("ZMB")},
			"students", "", "", ""},
		{"the event's associated actors follow actor1's",
			sitrep.Event{ACLEDEventType: ontology.Riots, Actor1: named("ZMB-UPND", "UPND", "party", "ZMB"), Inter1: 5, Location: in("ZMB"),
				Associated: []sitrep.ActorRef{{Name: "PF"}}},
			"Rioters (Zambia)", "UPND; PF", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a1, as1, a2, as2 := export.ACLEDActors(&tt.ev)
			if a1 != tt.a1 || as1 != tt.as1 || a2 != tt.a2 || as2 != tt.b {
				t.Errorf("ACLEDActors = %q, %q, %q, %q; want %q, %q, %q, %q", a1, as1, a2, as2, tt.a1, tt.as1, tt.a2, tt.b)
			}
		})
	}
}

func TestACLEDCountryNames(t *testing.T) {
	tests := []struct{ iso3, want string }{
		{"COD", "Protesters (Democratic Republic of Congo)"},
		{"COG", "Protesters (Republic of Congo)"},
		{"LBY", "Protesters (Libya)"},
		{"XXX", "Protesters"},
	}
	for _, tt := range tests {
		ev := sitrep.Event{ACLEDEventType: ontology.Protests, Inter1: 6, Location: &sitrep.Location{Country: tt.iso3}}
		if got, _, _, _ := export.ACLEDActors(&ev); got != tt.want {
			t.Errorf("%s: actor1 %q, want %q", tt.iso3, got, tt.want)
		}
	}
}
