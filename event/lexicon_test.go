package event

import (
	"testing"

	"github.com/sitrep/sitrep"
)

func TestLexicon(t *testing.T) {
	lx := loadLexicon()
	if len(lx.byFirst) < 1000 || len(lx.patterns) < 100 {
		t.Fatalf("lexicon has %d first words and %d pattern blocks; is cameo.tsv generated?", len(lx.byFirst), len(lx.patterns))
	}
	tests := []struct {
		words []string
		typ   sitrep.EventType
	}{
		{[]string{"retreated"}, sitrep.Retreat}, // CAMEO's yield, coded here as PLOVER RETREAT
		{[]string{"shelled"}, sitrep.Assault},
		{[]string{"air", "strikes"}, sitrep.Assault},
		{[]string{"denied"}, sitrep.Reject},
		{[]string{"expelled"}, sitrep.Sanction},
		{[]string{"on", "strike"}, sitrep.Protest},
	}
	for _, tt := range tests {
		e, n := lx.match(tt.words, 0)
		if e == nil || n != len(tt.words) || e.typ != tt.typ {
			t.Errorf("match(%v) = %+v, %d; want %s", tt.words, e, n, tt.typ)
		}
	}
	// a seeded verb codes only with an object its CAMEO patterns name
	e, _ := lx.match([]string{"rushed"}, 0)
	if e == nil || e.curated || e.flags&fNeedObj == 0 {
		t.Fatalf("rushed: %+v, want a seeded verb that needs an object", e)
	}
	if p, ok := lx.pattern(e.block, []string{"relief", "supplies"}); !ok || p.typ != sitrep.Aid {
		t.Errorf("rushed relief: %+v %v, want AID", p, ok)
	}
	if _, ok := lx.pattern(e.block, []string{"home"}); ok {
		t.Error("rushed home matched a pattern")
	}
}
