package sitrep_test

import (
	"testing"

	"github.com/sitrep/sitrep"
)

func TestActorRefUnnamed(t *testing.T) {
	tests := []struct {
		a    *sitrep.ActorRef
		want bool
	}{
		{&sitrep.ActorRef{Name: "gunmen"}, true},
		{&sitrep.ActorRef{Name: "armed men"}, true},
		{&sitrep.ActorRef{Name: "Unknown assailants"}, true},
		{&sitrep.ActorRef{Name: "Gunmen"}, true},
		{&sitrep.ActorRef{Name: "RENAMO"}, false},
		{&sitrep.ActorRef{Name: "Dahalo"}, false},
		{&sitrep.ActorRef{Name: "Mayi Mayi"}, false},
		{&sitrep.ActorRef{Name: "fighters of Ansar Dine"}, false},
		{&sitrep.ActorRef{Name: "Émigré fighters"}, false},
		{&sitrep.ActorRef{ID: "NGA.MIL", Name: "soldiers"}, false},
		{&sitrep.ActorRef{}, false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := tt.a.Unnamed(); got != tt.want {
			t.Errorf("%+v.Unnamed() = %v, want %v", tt.a, got, tt.want)
		}
	}
}
