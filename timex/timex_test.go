package timex_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/clean"
	"github.com/sitrep/sitrep/segment"
	"github.com/sitrep/sitrep/timex"
	"github.com/sitrep/sitrep/tokenize"
)

// ref is a Monday, like the seed report's publication date.
var ref = time.Date(2020, 5, 25, 0, 0, 0, 0, time.UTC)

func words(s string) []string {
	toks := tokenize.Append(nil, s, sitrep.Span{Start: 0, End: len(s)})
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestFindAndResolve(t *testing.T) {
	tests := []struct {
		sentence   string
		expr       string // the words matched, space-joined
		start, end string
		precision  int
		kind       sitrep.TimexKind
		future     bool
	}{
		{"They retreated on Sunday.", "Sunday", "2020-05-24", "2020-05-24", 1, sitrep.TimePoint, false},
		{"It happened on Monday.", "Monday", "2020-05-25", "2020-05-25", 1, sitrep.TimePoint, false},
		{"released last Thursday", "last Thursday", "2020-05-21", "2020-05-21", 1, sitrep.TimePoint, false},
		{"last Monday", "last Monday", "2020-05-18", "2020-05-18", 1, sitrep.TimePoint, false},
		{"three camps on Saturday:", "Saturday", "2020-05-23", "2020-05-23", 1, sitrep.TimePoint, false},
		{"Last week, the GNA captured it.", "Last week", "2020-05-18", "2020-05-24", 2, sitrep.TimePoint, false},
		{"retreat over the weekend was", "over the weekend", "2020-05-23", "2020-05-24", 2, sitrep.TimePoint, false},
		{"in recent weeks, according", "recent weeks", "2020-04-27", "2020-05-25", 3, sitrep.TimePoint, false},
		{"to help the rebels last summer.", "last summer", "2019-06-01", "2019-08-31", 3, sitrep.TimePoint, false},
		{"vie for control since 2014.", "since 2014", "2014-01-01", "2020-05-25", 3, sitrep.TimeDuration, false},
		{"which for over a year has", "for over a year", "2019-05-25", "2020-05-25", 3, sitrep.TimeDuration, false},
		{"For nearly a decade, Libya", "For nearly a decade", "2010-05-25", "2020-05-25", 3, sitrep.TimeDuration, false},
		{"Tripoli on April 29, 2019.", "April 29 , 2019", "2019-04-29", "2019-04-29", 1, sitrep.TimePoint, false},
		{"On 21 March 2020, nine rebels", "21 March 2020", "2020-03-21", "2020-03-21", 1, sitrep.TimePoint, false},
		{"on Jan. 14, 2024.", "Jan. 14 , 2024", "2024-01-14", "2024-01-14", 1, sitrep.TimePoint, false},
		{"since Dec. 2.", "since Dec. 2", "2019-12-02", "2020-05-25", 3, sitrep.TimeDuration, false},
		{"attacks in March killed", "March", "2020-03-01", "2020-03-31", 3, sitrep.TimePoint, false},
		{"attacks in June killed", "June", "2019-06-01", "2019-06-30", 3, sitrep.TimePoint, false},
		{"fighting in April 2019 left", "April 2019", "2019-04-01", "2019-04-30", 3, sitrep.TimePoint, false},
		{"elections in 2018 were", "2018", "2018-01-01", "2018-12-31", 3, sitrep.TimePoint, false},
		{"on 2019-04-29 there", "2019-04-29", "2019-04-29", "2019-04-29", 1, sitrep.TimePoint, false},
		{"Yesterday the army", "Yesterday", "2020-05-24", "2020-05-24", 1, sitrep.TimePoint, false},
		{"clashes overnight killed", "overnight", "2020-05-24", "2020-05-25", 2, sitrep.TimePoint, false},
		{"shelling last night", "last night", "2020-05-24", "2020-05-25", 2, sitrep.TimePoint, false},
		{"two days ago", "two days ago", "2020-05-23", "2020-05-23", 1, sitrep.TimePoint, false},
		{"three weeks ago", "three weeks ago", "2020-05-04", "2020-05-10", 2, sitrep.TimePoint, false},
		{"over the past 24 hours", "the past 24 hours", "2020-05-24", "2020-05-25", 2, sitrep.TimePoint, false},
		{"in the past week", "the past week", "2020-05-18", "2020-05-25", 3, sitrep.TimePoint, false},
		{"earlier this month", "earlier this month", "2020-05-01", "2020-05-25", 3, sitrep.TimePoint, false},
		{"last month", "last month", "2020-04-01", "2020-04-30", 3, sitrep.TimePoint, false},
		{"last year", "last year", "2019-01-01", "2019-12-31", 3, sitrep.TimePoint, false},
		{"talks next week", "next week", "2020-06-01", "2020-06-07", 2, sitrep.TimePoint, true},
		{"meet next Friday", "next Friday", "2020-05-29", "2020-05-29", 1, sitrep.TimePoint, true},
		{"offensive in the coming weeks", "the coming weeks", "2020-05-26", "2020-06-22", 3, sitrep.TimePoint, true},
		{"strike tomorrow", "tomorrow", "2020-05-26", "2020-05-26", 1, sitrep.TimePoint, true},
		{"in the summer of 2019", "the summer of 2019", "2019-06-01", "2019-08-31", 3, sitrep.TimePoint, false},
		{"since Sunday", "since Sunday", "2020-05-24", "2020-05-25", 2, sitrep.TimeDuration, false},
		{"early on Wednesday", "early on Wednesday", "2020-05-20", "2020-05-20", 1, sitrep.TimePoint, false},
		{"on Tuesday night", "Tuesday night", "2020-05-19", "2020-05-19", 1, sitrep.TimePoint, false},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			w := words(tt.sentence)
			ms := timex.Find(w)
			if len(ms) != 1 {
				t.Fatalf("found %d expressions in %q, want 1", len(ms), tt.sentence)
			}
			m := ms[0]
			if got := strings.Join(w[m.First:m.Last], " "); got != tt.expr {
				t.Errorf("matched %q, want %q", got, tt.expr)
			}
			r, ok := m.Resolve(ref)
			if !ok {
				t.Fatal("not resolved")
			}
			got := [2]string{r.Start.Format(time.DateOnly), r.End.Format(time.DateOnly)}
			if got != [2]string{tt.start, tt.end} || r.Precision() != tt.precision || r.Kind != tt.kind || r.Future != tt.future {
				t.Errorf("resolved to %v precision %d kind %s future %v; want [%s %s] precision %d kind %s future %v",
					got, r.Precision(), r.Kind, r.Future, tt.start, tt.end, tt.precision, tt.kind, tt.future)
			}
		})
	}
}

func TestNotDates(t *testing.T) {
	for _, s := range []string{
		"Over 1,000 fighters retreated.",
		"The army may withdraw.",
		"the spring offensive began",
		"a village lying 40 miles north",
		"for the first time",
		"the last straw",
		"in three military planes",
		"the weekly market",
	} {
		if ms := timex.Find(words(s)); len(ms) != 0 {
			w := words(s)
			t.Errorf("%q: found %q, want nothing", s, strings.Join(w[ms[0].First:ms[0].Last], " "))
		}
	}
}

func TestMayIsAMonthOnlyWhenCapitalised(t *testing.T) {
	if ms := timex.Find(words("on May 5 the army")); len(ms) != 1 {
		t.Errorf("May 5 not found")
	}
	if ms := timex.Find(words("they may 5 times")); len(ms) != 0 {
		t.Errorf("modal may taken as a month")
	}
}

func TestForwardReading(t *testing.T) {
	w := words("talks will resume on Friday")
	ms := timex.Find(w)
	if len(ms) != 1 {
		t.Fatal("Friday not found")
	}
	back, _ := ms[0].Resolve(ref)
	fwd, _ := ms[0].ResolveNext(ref)
	if back.Start.Format(time.DateOnly) != "2020-05-22" || fwd.Start.Format(time.DateOnly) != "2020-05-29" || !fwd.Future {
		t.Errorf("backward %v, forward %v", back.Start, fwd.Start)
	}
}

func TestNoReferenceDate(t *testing.T) {
	ms := timex.Find(words("on Sunday, April 29, 2019"))
	if len(ms) != 2 {
		t.Fatalf("found %d", len(ms))
	}
	if _, ok := ms[0].Resolve(time.Time{}); ok {
		t.Error("Sunday resolved without a reference date")
	}
	if r, ok := ms[1].Resolve(time.Time{}); !ok || r.Start.Format(time.DateOnly) != "2019-04-29" {
		t.Error("an absolute date needs no reference")
	}
}

// TestCaptionDateIsTheReference runs the stage on a report whose caption
// carries its own date: relative dates inside the caption resolve against
// it, those in the body against the publication date.
func TestCaptionDateIsTheReference(t *testing.T) {
	text := "Rebels Retreat\n\nFighters rest in Gao on Monday, March 4, 2024. - Clashes …\n\nThe rebels withdrew on Sunday."
	doc := sitrep.NewDocument(sitrep.Article{Text: text, Published: time.Date(2024, 3, 20, 10, 0, 0, 0, time.UTC)})
	c, _ := clean.New(clean.DefaultConfig())
	s, _ := segment.New(segment.DefaultConfig())
	p := &sitrep.Pipeline{Stages: []sitrep.Stage{c, s, tokenize.Tokenizer{}, timex.Tagger{}}}
	if err := p.Run(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tx := range doc.Times {
		got = append(got, tx.Text+"="+tx.Date.Start+"@"+tx.Reference)
	}
	want := []string{"Monday=2024-03-04@2024-03-04", "March 4, 2024=2024-03-04@2024-03-04", "Sunday=2024-03-17@2024-03-20"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if doc.Times[2].Next == nil || doc.Times[2].Next.Start != "2024-03-24" {
		t.Errorf("no forward reading for Sunday: %+v", doc.Times[2].Next)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"last Thursday", "since April 29, 2019", "for over a year", "31 February 2020", "the past 24 hours", "May 2019"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			return
		}
		w := words(s)
		prev := 0
		for _, m := range timex.Find(w) {
			if m.First < prev || m.Last > len(w) || m.First >= m.Last {
				t.Fatalf("bad match %d-%d in %q", m.First, m.Last, s)
			}
			prev = m.Last
			for _, r := range []time.Time{ref, {}} {
				if rg, ok := m.Resolve(r); ok && rg.End.Before(rg.Start) {
					t.Fatalf("range ends before it starts for %q", s)
				}
				if rg, ok := m.ResolveNext(r); ok && rg.End.Before(rg.Start) {
					t.Fatalf("forward range ends before it starts for %q", s)
				}
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	s := "Earlier this week, rebels overran the army's Kamina airbase, and on Saturday two depots fell; the soldiers withdrew over the weekend, " +
		"Reuters said on Sunday, after Chad sent some 900 troops last summer, a ministry statement issued last Thursday said."
	w := words(s)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		for _, m := range timex.Find(w) {
			m.Resolve(ref)
		}
	}
}
