package corroborate_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/corroborate"
)

// randomReport draws a report from small pools of values, so that
// reports agree and disagree on every field Merge looks at: types,
// modalities (the empty one too), actors by id and by name in every
// role, locations at several precisions, dates at several precisions,
// figures, quantities, attribution chains, outlets, publication times
// that tie (the id orders them then), several reports per article.
func randomReport(rng *rand.Rand, i int) sitrep.Report {
	pick := func(n int) int { return rng.IntN(n) }
	actors := []*sitrep.ActorRef{nil, lna, gna, wagner, unknownA, {Name: "Gunmen "}, {ID: "LBY-LNA", Name: "LNA forces", Country: "LBY"}}
	locs := []*sitrep.Location{nil, tripoli, airport, libya, {Name: "Tripoli", GeonamesID: 2210247, Lat: 32.8872, Lon: 13.1913, Country: "LBY", Precision: sitrep.PrecisionRegion, Text: "near Tripoli"}, {Name: "Somewhere", Lat: 32.8, Lon: 13.2, Precision: 9}}
	dates := []*sitrep.DateRange{nil, day("2020-05-18"), day("2020-05-19"), {Start: "2020-05-18", End: "2020-05-20", Precision: 2, Text: "last week"}, {Start: "2020-05-01", End: "2020-05-31", Precision: 3}, {Start: "2020-05-18", End: "2020-05-18", Precision: 0}}
	mods := []sitrep.Modality{sitrep.Asserted, sitrep.Reported, sitrep.Claimed, sitrep.Alleged, sitrep.Denied, sitrep.Negated, sitrep.Planned, sitrep.Hypothetical, ""}
	types := []sitrep.EventType{sitrep.Assault, sitrep.Coerce, sitrep.Protest}
	num := func() *int {
		if pick(3) == 0 {
			return nil
		}
		return ptr(pick(4) * 5)
	}
	ev := sitrep.Event{
		ID: fmt.Sprint("e", pick(3)), Type: types[pick(len(types))], Mode: fmt.Sprint("mode", pick(3)),
		ACLEDEventType: fmt.Sprint("acled", pick(2)), Interaction: pick(30),
		Actor1: actors[pick(len(actors))], Actor2: actors[pick(len(actors))],
		Location: locs[pick(len(locs))], Date: dates[pick(len(dates))],
		Fatalities: num(), Injuries: num(), Modality: mods[pick(len(mods))],
		Evidence: sitrep.Evidence{Text: fmt.Sprint("sentence ", i), Span: sitrep.Span{Start: i, End: i + 10}},
		Mentions: []sitrep.Evidence{{Text: "mention"}},
	}
	if pick(2) == 0 {
		ev.Confidence = float64(pick(1000)) / 997
	}
	for range pick(3) {
		ev.Associated = append(ev.Associated, *actors[1+pick(len(actors)-1)])
	}
	for range pick(3) {
		units := []string{"fighters", "vehicles", "rockets"}
		q := sitrep.Quantity{Value: int64(pick(5) * 100), Unit: units[pick(3)]}
		if pick(3) == 0 {
			q.Min, q.Max = q.Value, q.Value+50
		}
		ev.Quantities = append(ev.Quantities, q)
	}
	if pick(3) == 0 {
		ev.Sources = []sitrep.Attribution{{Name: fmt.Sprint("Agency ", pick(2)), Role: sitrep.RoleCitedOutlet}}
	}
	if pick(4) == 0 {
		ev.OtherPlaces = []sitrep.Location{*tarhuna}
	}
	outlets := []string{"Outlet A", "Outlet B", "Outlet C", ""}
	art := fmt.Sprint("a", pick(6))
	rep := sitrep.Report{
		ID: fmt.Sprintf("%s/r%02d", art, i), ArticleID: art, Outlets: []string{outlets[pick(4)]},
		Published: time.Date(2020, 5, 18+pick(3), pick(2), 0, 0, 0, time.UTC), Source: outlets[pick(4)],
		Score: float64(550+pick(451)) / 1000, Event: ev,
	}
	if pick(3) == 0 {
		rep.Outlets = append(rep.Outlets, outlets[pick(4)])
	}
	if pick(10) == 0 {
		rep.Published = time.Time{}
	}
	return rep
}

// TestTallyEqualsMerge: folding reports into a tally one at a time, in
// any order, gives the corroborated event Merge computes from all of
// them at once.
func TestTallyEqualsMerge(t *testing.T) {
	r := rule(t)
	for seed := range 500 {
		rng := rand.New(rand.NewPCG(uint64(seed), 7))
		n := 1 + rng.IntN(25)
		reps := make([]sitrep.Report, n)
		for i := range reps {
			reps[i] = randomReport(rng, i)
		}
		want := sitrep.EventRecord{ID: "ev", Reports: append([]sitrep.Report(nil), reps...)}
		r.Merge(&want)
		want.Reports = nil
		for order := range 3 {
			shuffled := append([]sitrep.Report(nil), reps...)
			rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			var tl corroborate.Tally
			got := sitrep.EventRecord{ID: "ev"}
			for i := range shuffled {
				r.Add(&tl, &shuffled[i])
				// Every prefix is a valid event too.
				r.Apply(&tl, &got)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("seed %d order %d, %d reports:\nincremental %+v\nmerge       %+v", seed, order, n, got, want)
			}
		}
	}
}

// TestTallyCases pins the cases where incremental merging could go
// wrong, each checked against Merge.
func TestTallyCases(t *testing.T) {
	r := rule(t)
	base := func(id, published string, ev sitrep.Event) sitrep.Report {
		return report(id, "Outlet "+id, published, ev)
	}
	tests := []struct {
		name string
		reps []sitrep.Report
		want func(t *testing.T, e *sitrep.EventRecord)
	}{
		{"a late report published earlier breaks the type tie", []sitrep.Report{
			base("b", "2020-05-19", sitrep.Event{Type: sitrep.Coerce}),
			base("c", "2020-05-20", sitrep.Event{Type: sitrep.Assault}),
			base("a", "2020-05-18", sitrep.Event{Type: sitrep.Assault}),
		}, func(t *testing.T, e *sitrep.EventRecord) {
			if e.Event.Type != sitrep.Assault {
				t.Errorf("type %s, want ASSAULT (two reports)", e.Event.Type)
			}
		}},
		{"a tie goes to the earliest report", []sitrep.Report{
			base("b", "2020-05-19", sitrep.Event{Type: sitrep.Coerce}),
			base("a", "2020-05-18", sitrep.Event{Type: sitrep.Assault}),
		}, func(t *testing.T, e *sitrep.EventRecord) {
			if e.Event.Type != sitrep.Assault {
				t.Errorf("type %s, want ASSAULT (earliest report)", e.Event.Type)
			}
		}},
		{"a more direct modality arriving later replaces the main report", []sitrep.Report{
			base("a", "2020-05-18", sitrep.Event{Type: sitrep.Assault, Modality: sitrep.Claimed, Evidence: sitrep.Evidence{Text: "claimed"}}),
			base("b", "2020-05-19", sitrep.Event{Type: sitrep.Assault, Modality: sitrep.Asserted, Evidence: sitrep.Evidence{Text: "asserted"}}),
		}, func(t *testing.T, e *sitrep.EventRecord) {
			if e.Event.Evidence.Text != "asserted" || e.Event.Modality != sitrep.Asserted {
				t.Errorf("main report %q %s, want the asserted one", e.Event.Evidence.Text, e.Event.Modality)
			}
		}},
		{"a denial lowers confidence and conflicts on modality", []sitrep.Report{
			base("a", "2020-05-18", sitrep.Event{Type: sitrep.Assault, Fatalities: ptr(14)}),
			base("b", "2020-05-18", sitrep.Event{Type: sitrep.Assault, Modality: sitrep.Denied, Fatalities: ptr(12)}),
		}, func(t *testing.T, e *sitrep.EventRecord) {
			if len(e.Conflicts) != 2 || *e.Event.Fatalities != 12 || !e.Happened {
				t.Errorf("conflicts %+v fatalities %d happened %v", e.Conflicts, *e.Event.Fatalities, e.Happened)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := sitrep.EventRecord{ID: "ev", Reports: append([]sitrep.Report(nil), tt.reps...)}
			r.Merge(&want)
			want.Reports = nil
			var tl corroborate.Tally
			got := sitrep.EventRecord{ID: "ev"}
			for i := range tt.reps {
				r.Add(&tl, &tt.reps[i])
			}
			r.Apply(&tl, &got)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("incremental %+v\nmerge       %+v", got, want)
			}
			tt.want(t, &got)
		})
	}
}

// BenchmarkAdd measures adding one report to an event that has many:
// the cost must not grow with the reports already there beyond the
// lists of the values the report votes for.
func BenchmarkAdd(b *testing.B) {
	r := rule(b)
	rng := rand.New(rand.NewPCG(1, 2))
	var tl corroborate.Tally
	for i := range 1000 {
		rep := randomReport(rng, i)
		r.Add(&tl, &rep)
	}
	rep := randomReport(rng, 1000)
	var e sitrep.EventRecord
	for b.Loop() {
		t2 := tl
		r.Add(&t2, &rep)
		r.Apply(&t2, &e)
	}
}
