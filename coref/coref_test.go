package coref_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/actor"
	"github.com/sitrep/sitrep/coref"
	"github.com/sitrep/sitrep/segment"
	"github.com/sitrep/sitrep/tokenize"
)

// resolve runs segment → tokenize → actor → coref on one paragraph.
func resolve(t *testing.T, text string) *sitrep.Document {
	t.Helper()
	doc := sitrep.NewDocument(sitrep.Article{Text: text})
	doc.Regions = []sitrep.Region{{Kind: sitrep.Paragraph, Span: sitrep.Span{End: len(text)}}}
	s, err := segment.New(segment.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	a, err := actor.New(actor.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	p := &sitrep.Pipeline{Stages: []sitrep.Stage{s, tokenize.Tokenizer{}, a, coref.Resolver{}}}
	if err := p.Run(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// links lists "mention -> antecedent = actor" for every resolved entity.
func links(doc *sitrep.Document) []string {
	var out []string
	for _, e := range doc.Entities {
		if e.Antecedent != nil {
			out = append(out, fmt.Sprintf("%s -> %s = %s", e.Text, doc.Entities[*e.Antecedent].Text, e.ActorID))
		}
	}
	return out
}

func TestResolve(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"split antecedent", "About 400 Chadian and Sudanese mercenary fighters withdrew. The mercenaries drove to Sebha.",
			[]string{"mercenaries -> Chadian and Sudanese mercenary fighters = TCD.MERC", "mercenaries -> Chadian and Sudanese mercenary fighters = SDN.MERC"}},
		{"possessive pronoun", "Warlord Khalifa Haftar and his foreign backers advanced.",
			[]string{"his -> Khalifa Haftar = PER-KHALIFA-HAFTAR"}},
		{"armed description", "LNA spokesman Khalid al-Mahjoub said the renegade force would hold Sirte.",
			[]string{"renegade force -> LNA = LBY-LNA"}},
		{"capital", "Fighting near the Libyan capital Tripoli went on. The mercenaries left the capital.",
			[]string{"the capital -> Tripoli = "}},
		{"two diplomats", "The foreign ministers of Egypt and Qatar met. The two diplomats discussed a ceasefire.",
			[]string{"diplomats -> foreign ministers of Egypt and Qatar = EGY.FM", "diplomats -> foreign ministers of Egypt and Qatar = QAT.FM"}},
		{"state military", "Myanmar's military shelled the town. Rebels said the military had lost a base.",
			[]string{"military -> Myanmar's military = MMR.MIL"}},
		{"a state's army is no rebel group", "Sudanese army aircraft bombed positions of the Rapid Support Forces near the town. The army said it had killed dozens of fighters.",
			[]string{"army -> Sudanese army aircraft = SDN-SAF.MIL", "it -> army = SDN-SAF.MIL"}},
		{"the body a spokesman speaks for", "Hamas official Osama Hamdan said the group would not accept the offer.",
			[]string{"group -> Hamas official = PSE-HAMAS"}},
		{"plural organisation phrase", "Students besieged the embassies of Western countries on Friday, accusing them of ignoring the famine.",
			[]string{"them -> embassies of Western countries = WST.EMBASSY"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := links(resolve(t, c.text))
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q in %q", w, got)
				}
			}
		})
	}
}

func TestNoEntitiesNoOp(t *testing.T) {
	doc := sitrep.NewDocument(sitrep.Article{Text: "He said so."})
	if err := (coref.Resolver{}).Annotate(context.Background(), doc); err != nil || len(doc.Entities) != 0 {
		t.Fatalf("got %v %v", err, doc.Entities)
	}
}

// TestAntecedentsPointBackwards checks that every antecedent index is an
// earlier entity and the list stays sorted.
func TestAntecedentsPointBackwards(t *testing.T) {
	doc := resolve(t, "The Arakan Army said its fighters took a base. The group said they held it. Myanmar's military denied it.")
	for i, e := range doc.Entities {
		if i > 0 && e.Start < doc.Entities[i-1].Start {
			t.Fatalf("entities not sorted at %d", i)
		}
		if e.Antecedent != nil && (*e.Antecedent < 0 || *e.Antecedent >= len(doc.Entities) || doc.Entities[*e.Antecedent].Start > e.Start) {
			t.Errorf("entity %d %q: antecedent %d does not point back", i, e.Text, *e.Antecedent)
		}
	}
}

// TestThingSubject checks that "it" after a sentence-opening thing ("The
// convoy ... when it was hit") is left alone rather than given to an
// armed group named before.
func TestThingSubject(t *testing.T) {
	doc := resolve(t, "Al-Shabaab attacked the base on Monday. The convoy was carrying food when it was hit by a roadside bomb.")
	for _, l := range links(doc) {
		if strings.HasPrefix(l, "it ->") {
			t.Errorf("resolved %q", l)
		}
	}
}
