package plover_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval/plover"
	"github.com/sitrep/sitrep/pipeline"
)

func TestReadAndScore(t *testing.T) {
	f, err := os.Open("testdata/gold.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := plover.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records, want 3 (DOCUMENT skipped)", len(recs))
	}
	if recs[0].Type != sitrep.Assault || recs[1].Type != sitrep.Request || len(recs[1].Target) != 1 {
		t.Fatalf("old labels not mapped or string target not read: %+v", recs)
	}
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	res, err := plover.Score(context.Background(), p, recs, true)
	if err != nil {
		t.Fatal(err)
	}
	if res.Accuracy != 1 || res.MacroF1 != 1 {
		t.Errorf("accuracy %.2f macro-F1 %.2f, want 1: %+v", res.Accuracy, res.MacroF1, res.Predictions)
	}
	if res.ActorMatch != 1 {
		t.Errorf("actor match %.2f, want 1: %+v", res.ActorMatch, res.Predictions)
	}
}

func TestMainIntent(t *testing.T) {
	tests := []struct {
		typ  sitrep.EventType
		mod  sitrep.Modality
		text string
		want sitrep.EventType
	}{
		{sitrep.Aid, sitrep.Planned, "X will provide aid.", sitrep.Agree},
		{sitrep.Assault, sitrep.Planned, "X plans to attack.", sitrep.Threaten},
		{sitrep.Retreat, sitrep.Planned, "X will withdraw unless Y pays.", sitrep.Threaten},
		{sitrep.Agree, sitrep.Negated, "X failed to reach agreement.", sitrep.Reject},
		{sitrep.Assault, sitrep.Asserted, "X attacked.", sitrep.Assault},
	}
	for _, tt := range tests {
		e, ok := plover.Main([]sitrep.Event{{Type: tt.typ, Modality: tt.mod, Evidence: sitrep.Evidence{Text: tt.text}}})
		if !ok || e.Type != tt.want {
			t.Errorf("Main(%s %s %q) = %s, want %s", tt.typ, tt.mod, tt.text, e.Type, tt.want)
		}
	}
	if _, ok := plover.Main(nil); ok {
		t.Error("Main(nil) found an event")
	}
}

// bomb is a stage with a bug that a sentence reaches.
type bomb struct{}

func (bomb) Annotate(_ context.Context, doc *sitrep.Document) error {
	if strings.HasPrefix(doc.Article.Text, "boom") {
		panic("a word the stage did not expect")
	}
	return nil
}

// TestScoreGoesOnAfterAPanic checks that a sentence a stage panics on
// counts as uncoded and is listed, and that the others are still coded.
func TestScoreGoesOnAfterAPanic(t *testing.T) {
	recs := []plover.Record{
		{ID: "s1", Text: "boom Rebels attacked an army base near Kidal.", Type: sitrep.Assault},
		{ID: "s2", Text: "Rebels attacked an army base near Kidal.", Type: sitrep.Assault},
	}
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	p.Stages = append([]sitrep.Stage{bomb{}}, p.Stages...)
	res, err := plover.Score(context.Background(), p, recs, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Sentences != 2 || res.Coded != 1 || len(res.Failed) != 1 || !strings.Contains(res.Failed[0], "s1") {
		t.Errorf("sentences %d coded %d failed %q; want 2, 1 and s1's panic", res.Sentences, res.Coded, res.Failed)
	}
}
