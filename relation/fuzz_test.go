package relation_test

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// FuzzActorLayer runs the text layer and actor → coref → relation on
// arbitrary text and checks what the contract promises: no panic, every
// span inside the text, every antecedent an earlier entity of the list,
// every entity and relation actor an actor of the document.
func FuzzActorLayer(f *testing.F) {
	for _, s := range []string{
		"About 400 Chadian and Sudanese mercenary fighters withdrew. The mercenaries left; their commander, Col. X Y, said it.",
		"Qatar-backed Sudanese gunmen, an al-Qaeda affiliate, (KLF) the foreign ministers of Egypt and Qatar",
		"U.N.-backed GNA, supported by Turkey's army. LNA spokesman Ahmed Mismari denied. He said they would.",
		"the capital, the two diplomats, his, their, ,,, -- — 's ' (( ))",
	} {
		f.Add(s)
	}
	p := who(f)
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 || !utf8.ValidString(text) {
			return
		}
		doc := sitrep.NewDocument(sitrep.Article{Text: text})
		if err := p.Run(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for _, a := range doc.Actors {
			ids[a.ID] = true
		}
		for i, e := range doc.Entities {
			if e.Start < 0 || e.End > len(text) || e.Start > e.End || doc.Slice(e.Span) != e.Text {
				t.Fatalf("entity %d %+v does not slice the text", i, e)
			}
			if e.Antecedent != nil && (*e.Antecedent < 0 || *e.Antecedent >= len(doc.Entities) || *e.Antecedent == i) {
				t.Fatalf("entity %d: bad antecedent %d", i, *e.Antecedent)
			}
			if e.ActorID != "" && !ids[e.ActorID] {
				t.Fatalf("entity %d: actor %s is not in doc.Actors", i, e.ActorID)
			}
		}
		for _, r := range doc.Relations {
			for _, ref := range []sitrep.ActorRef{r.From, r.To} {
				if ref.Name == "" || ref.Span == nil || ref.Span.End > len(text) {
					t.Fatalf("relation %+v: bad actor reference", r)
				}
			}
		}
	})
}
