package event

import (
	"testing"

	"github.com/sitrep/sitrep"
)

func TestDistinctActors(t *testing.T) {
	ref := func(id string) *sitrep.ActorRef { return &sitrep.ActorRef{ID: id, Name: id} }
	tests := []struct {
		name           string
		ev             sitrep.Event
		wantA2         string
		wantAssociated int
	}{
		{"associated is actor1", sitrep.Event{Actor1: ref("IGO-UN-MINUSMA"), Associated: []sitrep.ActorRef{*ref("IGO-UN-MINUSMA")}}, "", 0},
		{"actor2 is actor1", sitrep.Event{Actor1: ref("IGO-UN-MINUSMA"), Actor2: ref("IGO-UN-MINUSMA")}, "", 0},
		{"generic kinds on both sides stay", sitrep.Event{Actor1: ref(".CVL"), Actor2: ref(".CVL")}, ".CVL", 0},
		{"a real ally stays", sitrep.Event{Actor1: ref("MLI.MIL"), Associated: []sitrep.ActorRef{*ref("RUS-WAGNER")}}, "", 1},
	}
	for _, tt := range tests {
		ev := tt.ev
		distinctActors(&ev)
		a2 := ""
		if ev.Actor2 != nil {
			a2 = ev.Actor2.ID
		}
		if a2 != tt.wantA2 || len(ev.Associated) != tt.wantAssociated {
			t.Errorf("%s: actor2 %q, associated %v; want %q and %d", tt.name, a2, ev.Associated, tt.wantA2, tt.wantAssociated)
		}
	}
}
