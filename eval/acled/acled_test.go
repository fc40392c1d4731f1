package acled_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval/acled"
	"github.com/sitrep/sitrep/pipeline"
)

func read(t *testing.T, path string) []acled.Row {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := acled.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestScore(t *testing.T) {
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	rows := read(t, "testdata/rows.csv")
	if len(rows) != 3 || rows[0].Date != "2023-05-04" || rows[0].Fatalities != 4 {
		t.Fatalf("rows = %+v", rows)
	}
	res, err := acled.Score(context.Background(), p, rows, true)
	if err != nil {
		t.Fatal(err)
	}
	if res.Legacy || res.Rows != 3 {
		t.Fatalf("legacy %v rows %d", res.Legacy, res.Rows)
	}
	if res.EventType != 1 || res.Date != 1 || res.Fatalities != 1 {
		t.Errorf("type %.2f date %.2f fatalities %.2f, want 1 each; predictions %+v", res.EventType, res.Date, res.Fatalities, res.Predictions)
	}
	// the default pipeline geoparses before the event coder: each row's
	// town is its event's location
	if res.Location25km != 1 || res.Located != 3 {
		t.Errorf("location within 25 km %.2f, located %d, want 1 and 3: %+v", res.Location25km, res.Located, res.Predictions)
	}
}

func TestLegacy(t *testing.T) {
	p, _ := pipeline.New(pipeline.DefaultConfig())
	rows := read(t, "testdata/legacy.csv")
	res, err := acled.Score(context.Background(), p, rows, true)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Legacy {
		t.Fatal("a file without sub_event_type is legacy")
	}
	if res.EventType != 1 {
		t.Errorf("legacy type accuracy %.2f, want 1: %+v", res.EventType, res.Predictions)
	}
}

func TestReadErrors(t *testing.T) {
	tests := map[string]string{
		"no notes column": "event_date,event_type,fatalities\n2020-01-01,Battles,0\n",
		"bad date":        "event_date,event_type,fatalities,notes\nsometime,Battles,0,text\n",
		"bad fatalities":  "event_date,event_type,fatalities,notes\n2020-01-01,Battles,many,text\n",
	}
	for name, in := range tests {
		if _, err := acled.Read(strings.NewReader(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestHaversine(t *testing.T) {
	if d := acled.Haversine(0, 0, 0, 1); d < 111 || d > 112 {
		t.Errorf("one degree at the equator = %.1f km", d)
	}
}

// bomb is a stage with a bug that a row's text reaches.
type bomb struct{}

func (bomb) Annotate(_ context.Context, doc *sitrep.Document) error {
	if strings.Contains(doc.Article.Text, "boom") {
		panic("a word the stage did not expect")
	}
	return nil
}

// TestScoreGoesOnAfterAPanic checks that a row a stage panics on counts
// as uncoded and is listed, and that the rows after it are still coded.
func TestScoreGoesOnAfterAPanic(t *testing.T) {
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	p.Stages = append([]sitrep.Stage{bomb{}}, p.Stages...)
	rows := read(t, "testdata/rows.csv")
	rows[0].Notes = "boom " + rows[0].Notes
	res, err := acled.Score(context.Background(), p, rows, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 3 || res.Coded != 2 || len(res.Failed) != 1 || !strings.Contains(res.Failed[0], rows[0].ID) ||
		!strings.Contains(res.Failed[0], "a word the stage did not expect") || strings.Contains(res.Failed[0], "\n") {
		t.Errorf("rows %d coded %d failed %q; want 3, 2 and the first row's panic on one line", res.Rows, res.Coded, res.Failed)
	}
}
