package corroborate_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/corroborate"
)

func rule(t testing.TB) *corroborate.Rule {
	t.Helper()
	r, err := corroborate.New(corroborate.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func ptr[T any](v T) *T { return &v }

func day(s string) *sitrep.DateRange {
	return &sitrep.DateRange{Start: s, End: s, Precision: sitrep.DateDay}
}

// Places near Tripoli for the tests; distances from Tripoli centre.
var (
	tripoli  = &sitrep.Location{Name: "Tripoli", GeonamesID: 2210247, Lat: 32.8872, Lon: 13.1913, Country: "LBY", Precision: sitrep.PrecisionTown}
	airport  = &sitrep.Location{Name: "Tripoli International Airport", Lat: 32.70, Lon: 13.159, Country: "LBY", Precision: sitrep.PrecisionTown}  // ~21 km
	tarhuna  = &sitrep.Location{Name: "Tarhuna", GeonamesID: 2210221, Lat: 32.435, Lon: 13.6332, Country: "LBY", Precision: sitrep.PrecisionTown} // ~65 km
	tunis    = &sitrep.Location{Name: "Tunis", Lat: 36.8, Lon: 10.18, Country: "TUN", Precision: sitrep.PrecisionTown}
	libya    = &sitrep.Location{Name: "Libya", Lat: 26.3, Lon: 17.2, Country: "LBY", Precision: sitrep.PrecisionCountry}
	lna      = &sitrep.ActorRef{ID: "LBY-LNA", Name: "Libyan National Army"}
	gna      = &sitrep.ActorRef{ID: "LBY-GNA", Name: "Government of National Accord"}
	wagner   = &sitrep.ActorRef{ID: "RUS-WAGNER", Name: "Wagner Group"}
	unknownA = &sitrep.ActorRef{Name: "gunmen"}
)

func report(id, outlet, published string, ev sitrep.Event) sitrep.Report {
	p, _ := time.Parse(time.DateOnly, published)
	if ev.Modality == "" {
		ev.Modality = sitrep.Asserted
	}
	return sitrep.Report{ID: id + "/e1", ArticleID: id, Outlets: []string{outlet}, Source: outlet, Published: p, Event: ev, Score: 1}
}

func event(t testing.TB, r sitrep.Report) *sitrep.EventRecord {
	e := &sitrep.EventRecord{ID: "ev-" + r.ArticleID, Reports: []sitrep.Report{r}}
	rule(t).Merge(e)
	return e
}

func TestScore(t *testing.T) {
	base := report("a", "Outlet A", "2020-05-19", sitrep.Event{Type: sitrep.Assault, Actor1: lna, Actor2: gna, Location: tripoli, Date: day("2020-05-18")})
	tests := []struct {
		name  string
		ev    sitrep.Event
		match bool
	}{
		{"same event, same words", base.Event, true},
		{"same place a day apart", sitrep.Event{Type: sitrep.Assault, Actor1: lna, Location: tripoli, Date: day("2020-05-19")}, true},
		{"compatible type (COERCE)", sitrep.Event{Type: sitrep.Coerce, Actor1: lna, Location: tripoli, Date: day("2020-05-18")}, true},
		{"denied by the accused", sitrep.Event{Type: sitrep.Assault, Actor1: lna, Location: tripoli, Date: day("2020-05-18"), Modality: sitrep.Denied}, true},
		{"no actors, same place and day", sitrep.Event{Type: sitrep.Assault, Location: tripoli, Date: day("2020-05-18")}, true},
		{"unknown actor by name, same place", sitrep.Event{Type: sitrep.Assault, Actor1: unknownA, Location: airport, Date: day("2020-05-18")}, true},
		{"country-level place, shared actor", sitrep.Event{Type: sitrep.Assault, Actor1: lna, Location: libya, Date: day("2020-05-18")}, true},
		{"other type", sitrep.Event{Type: sitrep.Protest, Actor1: lna, Location: tripoli, Date: day("2020-05-18")}, false},
		{"three days apart", sitrep.Event{Type: sitrep.Assault, Actor1: lna, Location: tripoli, Date: day("2020-05-21")}, false},
		{"65 km away", sitrep.Event{Type: sitrep.Assault, Actor1: lna, Location: tarhuna, Date: day("2020-05-18")}, false},
		{"another country", sitrep.Event{Type: sitrep.Assault, Actor1: lna, Location: tunis, Date: day("2020-05-18")}, false},
		{"other attacker, no shared actor", sitrep.Event{Type: sitrep.Assault, Actor1: wagner, Location: tripoli, Date: day("2020-05-18")}, false},
		{"the target strikes back", sitrep.Event{Type: sitrep.Assault, Actor1: gna, Actor2: lna, Location: tripoli, Date: day("2020-05-18")}, false},
		{"an ally named as attacker", sitrep.Event{Type: sitrep.Assault, Actor1: wagner, Associated: []sitrep.ActorRef{*lna}, Location: tripoli, Date: day("2020-05-18")}, true},
		{"headline naming the town as actor", sitrep.Event{Type: sitrep.Assault, Actor1: &sitrep.ActorRef{Name: "Tripoli"}, Actor2: gna, Location: tripoli, Date: day("2020-05-18")}, true},
		{"canonical actors without a place", sitrep.Event{Type: sitrep.Assault, Actor1: lna, Actor2: gna, Date: day("2020-05-18")}, true},
		{"planned, not done", sitrep.Event{Type: sitrep.Assault, Actor1: lna, Location: tripoli, Date: day("2020-05-18"), Modality: sitrep.Planned}, false},
		{"type and date only", sitrep.Event{Type: sitrep.Assault, Date: day("2020-05-18")}, false},
		{"country-level place only", sitrep.Event{Type: sitrep.Assault, Location: libya, Date: day("2020-05-18")}, false},
	}
	r := rule(t)
	e := event(t, base)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := report("b", "Outlet B", "2020-05-19", tt.ev)
			s := r.Score(&rep, e)
			if got := s >= corroborate.DefaultConfig().MinScore; got != tt.match {
				t.Errorf("score %.3f: match = %v, want %v", s, got, tt.match)
			}
		})
	}
}

func TestWindows(t *testing.T) {
	r := rule(t)
	rep := report("a", "A", "2020-05-19", sitrep.Event{Type: sitrep.Assault, Actor1: lna, Actor2: gna, Location: tripoli, Date: day("2020-05-18")})
	fs := r.Windows(&rep)
	if len(fs) != 3 {
		t.Fatalf("%d windows, want place, LNA, GNA: %+v", len(fs), fs)
	}
	for _, f := range fs {
		if f.Since != "2020-05-17" || f.Until != "2020-05-19" || len(f.Types) != 2 || f.Types[1] != sitrep.Coerce {
			t.Errorf("window %+v: want 2020-05-17..2020-05-19, ASSAULT and COERCE", f)
		}
	}
	if b := fs[0].BBox; b == nil || !b.Contains(tripoli.Lat, tripoli.Lon) || !b.Contains(airport.Lat, airport.Lon) || b.Contains(tunis.Lat, tunis.Lon) {
		t.Errorf("place window %+v", fs[0].BBox)
	}
	if fs[1].Actor != "LBY-LNA" || fs[2].Actor != "LBY-GNA" {
		t.Errorf("actor windows %q %q", fs[1].Actor, fs[2].Actor)
	}
	// Every candidate that can score a link lies in some window.
	for _, ev := range []sitrep.Event{
		{Type: sitrep.Assault, Location: airport, Date: day("2020-05-18")},
		{Type: sitrep.Coerce, Actor1: lna, Date: day("2020-05-18")},
	} {
		e := event(t, report("x", "X", "2020-05-19", ev))
		if s := r.Score(&rep, e); s < corroborate.DefaultConfig().MinScore {
			t.Fatalf("candidate %+v scores %.3f", ev, s)
		}
	}
	country := report("c", "C", "2020-05-19", sitrep.Event{Type: sitrep.Protest, Location: libya})
	if fs := r.Windows(&country); len(fs) != 1 || fs[0].Country != "LBY" || fs[0].Since != "2020-05-11" {
		t.Errorf("country-level, undated report: %+v", fs)
	}
	nothing := report("n", "N", "2020-05-19", sitrep.Event{Type: sitrep.Assault, Actor1: &sitrep.ActorRef{Name: "gunmen"}, Date: day("2020-05-18")})
	if fs := r.Windows(&nothing); len(fs) != 0 {
		t.Errorf("a report with no place and no canonical actor got windows %+v", fs)
	}
}

func TestMergeKeepsConflictsVisible(t *testing.T) {
	reps := []sitrep.Report{
		report("a", "Outlet A", "2020-05-19", sitrep.Event{Type: sitrep.Assault, Actor1: lna, Actor2: gna, Location: tripoli, Date: day("2020-05-18"),
			Fatalities: ptr(12), Quantities: []sitrep.Quantity{{Value: 1000, Min: 1000, Unit: "fighters"}}, Evidence: sitrep.Evidence{Text: "A says."}}),
		report("b", "Outlet B", "2020-05-20", sitrep.Event{Type: sitrep.Assault, Actor1: lna, Location: tripoli, Date: day("2020-05-18"),
			Fatalities: ptr(15), Quantities: []sitrep.Quantity{{Value: 1400, Min: 1400, Unit: "fighters"}}, Modality: sitrep.Reported}),
		report("c", "Outlet C", "2020-05-19", sitrep.Event{Type: sitrep.Assault, Actor1: lna, Actor2: wagner, Location: airport, Date: day("2020-05-18"),
			Modality: sitrep.Denied}),
	}
	reps[2].Outlets = append(reps[2].Outlets, "Syndicator")
	e := &sitrep.EventRecord{ID: "ev-1", Reports: reps}
	rule(t).Merge(e)

	if e.ReportCount != 3 || e.ArticleCount != 3 {
		t.Errorf("reports %d, articles %d; want 3, 3", e.ReportCount, e.ArticleCount)
	}
	if fmt.Sprint(e.Sources) != "[Outlet A Outlet C Outlet B]" {
		t.Errorf("sources %v, want in order of first report", e.Sources)
	}
	if len(e.Outlets) != 4 {
		t.Errorf("outlets %v, want 4 with the syndicator", e.Outlets)
	}
	if got := e.FirstReported.Format(time.DateOnly) + ".." + e.LastReported.Format(time.DateOnly); got != "2020-05-19..2020-05-20" {
		t.Errorf("reported %s", got)
	}
	if e.Event.Fatalities == nil || *e.Event.Fatalities != 12 {
		t.Errorf("fatalities %v, want the lowest, 12", e.Event.Fatalities)
	}
	if e.Event.Modality != sitrep.Asserted || !e.Happened {
		t.Errorf("modality %s happened %v, want asserted, true", e.Event.Modality, e.Happened)
	}
	if e.Event.Actor1 == nil || e.Event.Actor1.ID != "LBY-LNA" {
		t.Errorf("actor1 %+v", e.Event.Actor1)
	}
	if len(e.Event.Associated) != 0 && e.Event.Associated[0].ID != "RUS-WAGNER" {
		t.Errorf("associated %+v, want Wagner", e.Event.Associated)
	}
	if e.Event.Evidence.Text != "A says." {
		t.Errorf("evidence %q, want the asserted report's", e.Event.Evidence.Text)
	}
	fields := map[string]sitrep.Conflict{}
	for _, c := range e.Conflicts {
		fields[c.Field] = c
	}
	for _, f := range []string{"fatalities", "quantity:fighters", "modality", "location", "actor2"} {
		if _, ok := fields[f]; !ok {
			t.Errorf("no conflict on %s; conflicts: %+v", f, e.Conflicts)
		}
	}
	if _, ok := fields["type"]; ok {
		t.Error("conflict on type, though all agree")
	}
	if c := fields["fatalities"]; len(c.Values) != 2 || c.Values[0].Value != "12" || c.Values[0].Reports[0] != "a/e1" {
		t.Errorf("fatalities conflict %+v", c)
	}
	if e.Event.Confidence <= 0 || e.Event.Confidence >= 1 {
		t.Errorf("confidence %g out of (0,1)", e.Event.Confidence)
	}
}

func TestConfidenceGrowsWithSources(t *testing.T) {
	r := rule(t)
	ev := sitrep.Event{Type: sitrep.Assault, Actor1: lna, Location: tripoli, Date: day("2020-05-18")}
	prev := 0.0
	for n := 1; n <= 4; n++ {
		var reps []sitrep.Report
		for i := range n {
			reps = append(reps, report(fmt.Sprint("a", i), fmt.Sprint("Outlet ", i), "2020-05-19", ev))
		}
		e := &sitrep.EventRecord{ID: "x", Reports: reps}
		r.Merge(e)
		if e.Event.Confidence <= prev {
			t.Errorf("%d sources: confidence %g not above %g", n, e.Event.Confidence, prev)
		}
		prev = e.Event.Confidence
	}
	// The same outlet five times is one source.
	var reps []sitrep.Report
	for i := range 5 {
		reps = append(reps, report(fmt.Sprint("s", i), "Same Outlet", "2020-05-19", ev))
	}
	e := &sitrep.EventRecord{ID: "y", Reports: reps}
	r.Merge(e)
	if len(e.Sources) != 1 || e.Event.Confidence != 0.5 {
		t.Errorf("one outlet five times: sources %v confidence %g; want 1 and 0.5", e.Sources, e.Event.Confidence)
	}
}

// link runs the rule the way a store does: each report joins the best
// candidate or starts an event.
func link(r *corroborate.Rule, reps []sitrep.Report) []*sitrep.EventRecord {
	var events []*sitrep.EventRecord
	for _, rep := range reps {
		var best *sitrep.EventRecord
		bestScore := 0.0
		for _, e := range events {
			if s := r.Score(&rep, e); s >= corroborate.DefaultConfig().MinScore && s > bestScore {
				best, bestScore = e, s
			}
		}
		if best == nil {
			rep.Score = 1
			best = &sitrep.EventRecord{ID: fmt.Sprint("ev", len(events))}
			events = append(events, best)
		} else {
			rep.Score = bestScore
		}
		best.Reports = append(best.Reports, rep)
		r.Merge(best)
	}
	return events
}

func TestFiveReportsThreeOutletsAndANeighbour(t *testing.T) {
	r := rule(t)
	shelling := func(a1 *sitrep.ActorRef, loc *sitrep.Location, fat int) sitrep.Event {
		return sitrep.Event{Type: sitrep.Assault, Actor1: a1, Actor2: gna, Location: loc, Date: day("2020-05-18"), Fatalities: ptr(fat)}
	}
	reps := []sitrep.Report{
		report("a1", "Outlet A", "2020-05-18", shelling(lna, tripoli, 5)),
		report("b1", "Outlet B", "2020-05-18", shelling(lna, tripoli, 6)),
		report("a2", "Outlet A", "2020-05-19", shelling(lna, tripoli, 6)),
		// The neighbour: Wagner fighters attack the airport the same day.
		report("c0", "Outlet C", "2020-05-18", sitrep.Event{Type: sitrep.Assault, Actor1: wagner, Location: airport, Date: day("2020-05-18")}),
		report("c1", "Outlet C", "2020-05-19", shelling(nil, tripoli, 6)),
		report("b2", "Outlet B", "2020-05-20", shelling(lna, tripoli, 7)),
	}
	events := link(r, reps)
	if len(events) != 2 {
		for _, e := range events {
			t.Logf("%s: %d reports %v", e.ID, e.ReportCount, e.Sources)
		}
		t.Fatalf("%d events, want 2", len(events))
	}
	if e := events[0]; e.ReportCount != 5 || len(e.Sources) != 3 {
		t.Errorf("first event: %d reports from %v; want 5 from 3 outlets", e.ReportCount, e.Sources)
	}
	if e := events[1]; e.ReportCount != 1 || e.Event.Actor1.ID != "RUS-WAGNER" {
		t.Errorf("second event: %d reports, actor1 %+v", e.ReportCount, e.Event.Actor1)
	}
}

func TestValidate(t *testing.T) {
	bad := []func(*corroborate.Config){
		func(c *corroborate.Config) { c.RadiusKM[2] = 0 },
		func(c *corroborate.Config) { c.DaySlack = -1 },
		func(c *corroborate.Config) { c.UndatedDays = 1000 },
		func(c *corroborate.Config) { c.MinScore = 0.4 },
	}
	for i, f := range bad {
		c := corroborate.DefaultConfig()
		f(&c)
		if _, err := corroborate.New(c); err == nil {
			t.Errorf("case %d: New accepted %+v", i, c)
		}
	}
}

func TestDistanceKM(t *testing.T) {
	if d := corroborate.DistanceKM(tripoli.Lat, tripoli.Lon, tarhuna.Lat, tarhuna.Lon); d < 60 || d > 70 {
		t.Errorf("Tripoli–Tarhuna %0.1f km, want about 65", d)
	}
	if d := corroborate.DistanceKM(0, 179.9, 0, -179.9); d > 30 {
		t.Errorf("across the antimeridian %0.1f km", d)
	}
}

func BenchmarkScore(b *testing.B) {
	r := rule(b)
	e := event(b, report("a", "A", "2020-05-19", sitrep.Event{Type: sitrep.Assault, Actor1: lna, Actor2: gna, Location: tripoli, Date: day("2020-05-18")}))
	rep := report("b", "B", "2020-05-19", sitrep.Event{Type: sitrep.Assault, Actor1: lna, Location: airport, Date: day("2020-05-18")})
	for b.Loop() {
		r.Score(&rep, e)
	}
}

func TestNamesAloneNeedAPlace(t *testing.T) {
	r := rule(t)
	gunmen := &sitrep.ActorRef{Name: "gunmen"}
	e := event(t, report("a", "A", "2020-05-19", sitrep.Event{Type: sitrep.Assault, Actor1: gunmen, Date: day("2020-05-18")}))
	other := report("b", "B", "2020-05-19", sitrep.Event{Type: sitrep.Assault, Actor1: gunmen, Date: day("2020-05-18")})
	if s := r.Score(&other, e); s >= corroborate.DefaultConfig().MinScore {
		t.Errorf("\"gunmen\" twice the same day, no place: score %.3f links", s)
	}
	placed := event(t, report("c", "C", "2020-05-19", sitrep.Event{Type: sitrep.Assault, Actor1: gunmen, Location: tripoli, Date: day("2020-05-18")}))
	again := report("d", "D", "2020-05-19", sitrep.Event{Type: sitrep.Assault, Actor1: gunmen, Location: tripoli, Date: day("2020-05-18")})
	if s := r.Score(&again, placed); s < corroborate.DefaultConfig().MinScore {
		t.Errorf("\"gunmen\" in Tripoli twice the same day: score %.3f does not link", s)
	}
}
