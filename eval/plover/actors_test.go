package plover_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/actor"
	"github.com/sitrep/sitrep/eval/plover"
	"github.com/sitrep/sitrep/pipeline"
)

// actorRecords are written for this test in the gold file's shape.
const actorRecords = `[
 {"id": "DOC", "event": "DOCUMENT", "eventText": "documentation"},
 {"id": "T-1", "event": "CONSULT", "date": "2000-01-01", "text": "Egyptian officials met a Libyan delegation in Cairo on Monday.",
  "source": [{"actorText": "Egyptian officials", "code": "EGY", "sector": "GOV"}],
  "target": [{"actorText": "Libyan delegation", "code": "LBY", "sector": "GOV"}]},
 {"id": "T-2", "event": "AGREE", "date": "2000-01-01", "text": "The United Nations agreed to send food to Japan.",
  "source": [{"actorText": "United Nations", "code": "IGO"}], "target": [{"actorText": "Japan", "code": "JAP"}]},
 {"id": "T-3", "event": "REJECT", "date": "2000-01-01", "text": "The minister rejected the plan.", "source": [{"actorText": "minister", "code": "CHL"}], "target": "diplomatic"}
]`

func isState(t *testing.T) func(string) bool {
	d, err := actor.Default()
	if err != nil {
		t.Fatal(err)
	}
	return func(c string) bool { e, ok := d.Lookup(c); return ok && e.Kind == sitrep.ActorState }
}

func TestScoreActors(t *testing.T) {
	recs, err := plover.Read(strings.NewReader(actorRecords))
	if err != nil {
		t.Fatal(err)
	}
	codes, err := plover.ReadCodes(strings.NewReader(actorRecords))
	if err != nil {
		t.Fatal(err)
	}
	if c := codes["T-3"]; len(c.Source) != 1 || c.Target != nil {
		t.Fatalf("codes of T-3: %+v (a free-text target is no actor)", c)
	}
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	res, err := plover.ScoreActors(context.Background(), p, recs, codes, isState(t))
	if err != nil {
		t.Fatal(err)
	}
	// sources with a country: T-1 (EGY, found) and T-3 (CHL, not in the
	// text); targets: T-1 (LBY) and T-2 (JAP = JPN), both found
	if res.Source.Records != 2 || res.Source.Matched != 1 || res.Target.Records != 2 || res.Target.Matched != 2 {
		t.Errorf("source %+v target %+v", res.Source, res.Target)
	}
	if len(res.Misses) != 1 || !strings.Contains(res.Misses[0], "T-3 source [CHL]") {
		t.Errorf("misses %q", res.Misses)
	}
	var b strings.Builder
	if err := res.Report(&b); err != nil || !strings.Contains(b.String(), "source: 1/2 records matched") {
		t.Errorf("report: %v\n%s", err, b.String())
	}
}

func TestCountry(t *testing.T) {
	st := isState(t)
	for code, want := range map[string]string{"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "IGO": "", "NGO": "", "IMG": "", "LBY": "LBY", "XYZ": ""} {
		if got := plover.Country(code, st); got != want {
			t.Errorf("Country(%s) = %q, want %q", code, got, want)
		}
	}
}

// TestActorsOnGoldSet holds actor recognition on the shared gold file to
// the bar, 85% of records with a gold country per role; it skips
// when ../shared is absent.
func TestActorsOnGoldSet(t *testing.T) {
	const path = "../../../shared/eval/eventcoding/PLOVER_GSR_CAMEO.json"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skip("shared evaluation data not present")
	}
	if testing.Short() {
		t.Skip("short mode")
	}
	recs, err := plover.Read(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	codes, err := plover.ReadCodes(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	res, err := plover.ScoreActors(context.Background(), p, recs, codes, isState(t))
	if err != nil {
		t.Fatal(err)
	}
	if res.Source.Rate < 0.85 || res.Target.Rate < 0.85 {
		t.Errorf("source %.3f, target %.3f of records matched; want at least 0.85 each", res.Source.Rate, res.Target.Rate)
	}
}
