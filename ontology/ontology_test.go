package ontology_test

import (
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/ontology"
)

func TestACLEDSubTypesCount(t *testing.T) {
	n := 0
	for _, typ := range ontology.ACLEDTypes {
		n += len(ontology.ACLEDSubTypes[typ])
	}
	if n != 25 || len(ontology.ACLEDTypes) != 6 {
		t.Fatalf("ACLED has 6 types and 25 sub-types; have %d types and %d sub-types", len(ontology.ACLEDTypes), n)
	}
	if got := ontology.ACLEDTypeOf(ontology.AirDroneStrike); got != ontology.ExplosionsRemote {
		t.Errorf("ACLEDTypeOf(Air/drone strike) = %q", got)
	}
}

func TestInteraction(t *testing.T) {
	tests := []struct {
		a, b ontology.ActorCategory
		want int
	}{
		{ontology.StateForces, ontology.RebelGroup, 12},
		{ontology.RebelGroup, ontology.StateForces, 12},
		{ontology.RebelGroup, ontology.Civilians, 27},
		{ontology.Protesters, ontology.NoActor, 60},
		{ontology.NoActor, ontology.Civilians, 70},
		{ontology.StateForces, ontology.StateForces, 11},
		{ontology.NoActor, ontology.NoActor, 0},
	}
	for _, tt := range tests {
		if got := ontology.Interaction(tt.a, tt.b); got != tt.want {
			t.Errorf("Interaction(%d, %d) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestGSRType(t *testing.T) {
	tests := map[string]sitrep.EventType{
		"FIGHT": sitrep.Assault, "DEMAND": sitrep.Request, "DISAPPROVE": sitrep.Accuse,
		"INVESTIGATE": sitrep.Accuse, "AGREE": sitrep.Agree, "RETREAT": sitrep.Retreat,
	}
	for in, want := range tests {
		if got, ok := ontology.GSRType(in); !ok || got != want {
			t.Errorf("GSRType(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := ontology.GSRType("DOCUMENT"); ok {
		t.Error("DOCUMENT is not an event type")
	}
}

func TestLegacyACLED(t *testing.T) {
	tests := []struct {
		typ, sub string
		inter2   ontology.ActorCategory
		old      string
	}{
		{ontology.Battles, ontology.ArmedClash, 0, "Battle-No change of territory"},
		{ontology.Battles, ontology.GovernmentRegains, 0, "Battle-Government regains territory"},
		{ontology.ExplosionsRemote, ontology.RemoteExplosive, 0, "Remote violence"},
		{ontology.Riots, ontology.MobViolence, 0, "Riots/Protests"},
		{ontology.Riots, ontology.MobViolence, ontology.Civilians, "Violence against civilians"},
		{ontology.Protests, ontology.ExcessiveForce, ontology.Protesters, "Violence against civilians"},
		{ontology.Protests, ontology.ProtestIntervention, ontology.Protesters, "Riots/Protests"},
		{ontology.StrategicDevelopments, ontology.NonViolentTransfer, 0, "Non-violent transfer of territory"},
		{ontology.StrategicDevelopments, ontology.Arrests, 0, "Strategic development"},
	}
	for _, tt := range tests {
		if got := ontology.LegacyACLEDType(tt.typ, tt.sub, tt.inter2); got != tt.old {
			t.Errorf("LegacyACLEDType(%q, %q, %d) = %q, want %q", tt.typ, tt.sub, tt.inter2, got, tt.old)
		}
		if tt.old == ontology.LegacyViolenceCivilians {
			continue // moved to riots and protests in 2019: no way back
		}
		if got := ontology.ModernACLEDType(tt.old); got != tt.typ && !(tt.typ == ontology.Riots && got == ontology.Protests) {
			t.Errorf("ModernACLEDType(%q) = %q, want %q", tt.old, got, tt.typ)
		}
	}
}

func TestVagueDeaths(t *testing.T) {
	for w, want := range map[string]int{"several": 10, "Dozens": 12, "hundreds": 100, "a": 1} {
		if got, ok := ontology.VagueDeaths(w); !ok || got != want {
			t.Errorf("VagueDeaths(%q) = %d, %v; want %d", w, got, ok, want)
		}
	}
	if _, ok := ontology.VagueDeaths("fighters"); ok {
		t.Error("fighters is no quantity")
	}
	if got := ontology.Lowest(15, 10, 12); got != 10 {
		t.Errorf("Lowest = %d", got)
	}
}

func TestPoliticalViolence(t *testing.T) {
	tests := []struct {
		typ  string
		want bool
	}{
		{"Battles", true},
		{"Explosions/Remote violence", true},
		{"Violence against civilians", true},
		{"Protests", false},
		{"Riots", false},
		{"Strategic developments", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := ontology.PoliticalViolence(tt.typ); got != tt.want {
			t.Errorf("PoliticalViolence(%q) = %v, want %v", tt.typ, got, tt.want)
		}
	}
}
