package event_test

import (
	"context"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/pipeline"
)

// FuzzAnnotate codes arbitrary text: the coder must not panic, and every
// span it reports must lie inside the text.
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"Rebels attacked the town on Monday, killing 3 soldiers, the army said.",
		"The militia seemed ready to launch a counter-offensive, its commander said.",
		"“They were driven in four lorries to Sebha,” he said.",
		"X (Y) denied that Z's forces had not withdrawn from ( the ) town of , .",
		"2 soldiers, a , were killed. Fatalities (VoJ reported 1-3 fatalities (3)) ( Amaq reported",
		"A Taliban-planted IED killed 4 policemen when ( their ) truck was hit. Voice of Jihad also reported 4.",
		"Residents of X defected to the rebels unless , 2 of its fighters were killed to death",
		"",
	} {
		f.Add(s)
	}
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 || !utf8.ValidString(text) {
			t.Skip()
		}
		doc := sitrep.NewDocument(sitrep.Article{Text: text, Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err := p.Run(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		in := func(s sitrep.Span) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= len(text) }
		for _, e := range doc.Events {
			if !in(e.Evidence.Span) {
				t.Fatalf("evidence span %v outside text of %d bytes", e.Evidence.Span, len(text))
			}
			for _, a := range []*sitrep.ActorRef{e.Actor1, e.Actor2} {
				if a != nil && a.Span != nil && !in(*a.Span) {
					t.Fatalf("actor span %v outside text", *a.Span)
				}
			}
			if e.Type == "" || e.Modality == "" {
				t.Fatalf("event without type or modality: %+v", e)
			}
		}
	})
}
