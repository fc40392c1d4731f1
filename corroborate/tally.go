package corroborate

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
)

// Tally is what Merge needs to know of an event's reports, kept with the
// event so that a store can add one report without reading the others
// again: for every field the values the reports give and which reports
// give them, the first mention of every actor, outlet and source, the
// best candidate for the main report of each type, the report times, the
// sums behind the confidence. Adding a report costs what the report
// holds plus the lists of the values it votes for; nothing else is read.
//
// Rule.Add folds a report in, Rule.Apply writes the corroborated event;
// for any set of reports added in any order, Apply gives what Merge
// gives for the same reports (TestTallyEqualsMerge). Stores persist the
// fields as they are: each is plain data.
type Tally struct {
	Reports int
	// ScoreSum and CoderSum are the sums of the reports' link scores and
	// coder confidences, in billionths, so that they are exact whatever
	// the order of addition (Merge sums the same way).
	ScoreSum, CoderSum int64
	// Coded counts the reports with a coder confidence; HappenedReports
	// those whose modality says it happened.
	Coded, HappenedReports       int
	FirstReported, LastReported  time.Time
	Articles                     []string // sorted, distinct
	Sources, Outlets, Modalities []FirstSeen
	Main                         []MainCandidate
	Actor1, Actor2, Actors       []ActorSeen
	Locations                    []LocationVote
	Dates                        []DateVote
	Fatalities, Injuries         *int
	Votes                        []FieldVotes
}

// Key orders reports as Merge does: by publication time, then by id.
type Key struct {
	Published time.Time
	ID        string
}

// Compare orders keys.
func (k Key) Compare(o Key) int {
	if c := k.Published.Compare(o.Published); c != 0 {
		return c
	}
	return cmp.Compare(k.ID, o.ID)
}

// FirstSeen is a value and where it first appears: the earliest report
// giving it and its position in that report's list.
type FirstSeen struct {
	Value string
	First Key
	Pos   int
}

// MainCandidate is, for one event type, the report Merge would take as
// the main one if that type were the consensus: the most direct
// modality, the earliest report among those. Event is that report's
// coding without its mentions and without the fields the consensus
// replaces (actors, place, date).
type MainCandidate struct {
	Rank  int
	First Key
	Event sitrep.Event
}

// ActorSeen is an actor key and its reference as first given (span and
// text cleared): in Actor1 and Actor2 by the earliest report naming it
// in that role, in Actors by its first mention in any role (Pos: 0
// actor1, 1 actor2, 2+i the i-th associated actor).
type ActorSeen struct {
	Key   string
	First Key
	Pos   int
	Ref   sitrep.ActorRef
}

// LocationVote counts the reports giving one location at one (clamped)
// precision; Location is the earliest one's, text cleared.
type LocationVote struct {
	Key       string
	Precision int
	Count     int
	First     Key
	Location  sitrep.Location
}

// DateVote counts the reports giving one date range at one precision;
// Date is the earliest one's, text cleared.
type DateVote struct {
	Key       string
	Precision int
	Count     int
	First     Key
	Date      sitrep.DateRange
}

// FieldVotes holds, for one field of Conflict (type, actor1, ...,
// quantity:UNIT), every value reports give and the reports giving it.
type FieldVotes struct {
	Field  string
	Values []Vote
}

// Vote is one value of a field and the keys of the reports giving it,
// in report order.
type Vote struct {
	Value   string
	Reports []Key
}

// billionths turns a score or confidence into the fixed-point unit the
// sums are kept in.
func billionths(x float64) int64 { return int64(x*1e9 + 0.5) }

// conflictFields are the fixed fields of Conflict in the order Merge
// lists them; quantity units follow, sorted.
var conflictFields = []string{"type", "actor1", "actor2", "location", "date", "modality", "fatalities", "injuries"}

// Add folds one report into the tally. The report's Score, Source,
// Outlets and Published must be set as they are stored.
func (r *Rule) Add(t *Tally, rep *sitrep.Report) {
	k := Key{rep.Published, rep.ID}
	ev := &rep.Event
	t.Reports++
	t.ScoreSum += billionths(rep.Score)
	if c := ev.Confidence; c > 0 {
		t.CoderSum += billionths(c)
		t.Coded++
	}
	if ev.Modality.Happened() {
		t.HappenedReports++
	}
	if p := rep.Published; !p.IsZero() {
		if t.FirstReported.IsZero() || p.Before(t.FirstReported) {
			t.FirstReported = p
		}
		if p.After(t.LastReported) {
			t.LastReported = p
		}
	}
	if i, found := slices.BinarySearch(t.Articles, rep.ArticleID); !found {
		t.Articles = slices.Insert(t.Articles, i, rep.ArticleID)
	}
	if rep.Source != "" {
		t.Sources = seen(t.Sources, rep.Source, k, 0)
	}
	for i, o := range rep.Outlets {
		if o != "" {
			t.Outlets = seen(t.Outlets, o, k, i)
		}
	}
	t.Modalities = seen(t.Modalities, string(ev.Modality), k, 0)

	// The main report candidate of this type.
	rank := modalityRank[ev.Modality]
	j := slices.IndexFunc(t.Main, func(m MainCandidate) bool { return m.Event.Type == ev.Type })
	if j < 0 || rank < t.Main[j].Rank || rank == t.Main[j].Rank && k.Compare(t.Main[j].First) < 0 {
		c := MainCandidate{Rank: rank, First: k, Event: *ev}
		c.Event.Mentions, c.Event.Actor1, c.Event.Actor2, c.Event.Associated = nil, nil, nil, nil
		c.Event.Location, c.Event.Date = nil, nil
		if j < 0 {
			t.Main = append(t.Main, c)
		} else {
			t.Main[j] = c
		}
	}

	// Actors: by role for the consensus, and every first mention.
	t.Actor1 = actorSeen(t.Actor1, ev.Actor1, k, 0)
	t.Actor2 = actorSeen(t.Actor2, ev.Actor2, k, 1)
	t.Actors = actorSeen(t.Actors, ev.Actor1, k, 0)
	t.Actors = actorSeen(t.Actors, ev.Actor2, k, 1)
	for i := range ev.Associated {
		t.Actors = actorSeen(t.Actors, &ev.Associated[i], k, 2+i)
	}

	if l := ev.Location; l != nil {
		key, p := locationKey(l), clampPrecision(l.Precision)
		i := slices.IndexFunc(t.Locations, func(v LocationVote) bool { return v.Key == key && v.Precision == p })
		if i < 0 {
			t.Locations = append(t.Locations, LocationVote{Key: key, Precision: p, First: k})
			i = len(t.Locations) - 1
		}
		v := &t.Locations[i]
		v.Count++
		if v.Count == 1 || k.Compare(v.First) <= 0 {
			v.First, v.Location = k, *l
			v.Location.Text = ""
		}
	}
	if d := ev.Date; d != nil {
		key := d.Start + "/" + d.End
		i := slices.IndexFunc(t.Dates, func(v DateVote) bool { return v.Key == key && v.Precision == d.Precision })
		if i < 0 {
			t.Dates = append(t.Dates, DateVote{Key: key, Precision: d.Precision, First: k})
			i = len(t.Dates) - 1
		}
		v := &t.Dates[i]
		v.Count++
		if v.Count == 1 || k.Compare(v.First) <= 0 {
			v.First, v.Date = k, *d
			v.Date.Text = ""
		}
	}
	t.Fatalities = lower(t.Fatalities, ev.Fatalities)
	t.Injuries = lower(t.Injuries, ev.Injuries)

	for _, f := range conflictFields {
		if v, ok := fieldValue(f, rep); ok {
			t.vote(f, v, k)
		}
	}
	var units []string
	for _, q := range ev.Quantities {
		if !slices.Contains(units, q.Unit) {
			units = append(units, q.Unit)
			t.vote("quantity:"+q.Unit, quantityString(q), k)
		}
	}
}

// fieldValue is the value a report gives for a conflict field.
func fieldValue(field string, r *sitrep.Report) (string, bool) {
	ev := &r.Event
	switch field {
	case "type":
		return string(ev.Type), true
	case "actor1":
		k := sitrep.ActorKey(ev.Actor1)
		return k, k != ""
	case "actor2":
		k := sitrep.ActorKey(ev.Actor2)
		return k, k != ""
	case "location":
		if l := ev.Location; l != nil {
			return locationKey(l), true
		}
	case "date":
		if d := ev.Date; d != nil {
			if d.Start == d.End {
				return d.Start, true
			}
			return d.Start + "/" + d.End, true
		}
	case "modality":
		return string(ev.Modality), ev.Modality != ""
	case "fatalities":
		return intVal(ev.Fatalities)
	case "injuries":
		return intVal(ev.Injuries)
	}
	return "", false
}

func (t *Tally) vote(field, value string, k Key) {
	i := slices.IndexFunc(t.Votes, func(f FieldVotes) bool { return f.Field == field })
	if i < 0 {
		t.Votes = append(t.Votes, FieldVotes{Field: field})
		i = len(t.Votes) - 1
	}
	f := &t.Votes[i]
	j := slices.IndexFunc(f.Values, func(v Vote) bool { return v.Value == value })
	if j < 0 {
		f.Values = append(f.Values, Vote{Value: value})
		j = len(f.Values) - 1
	}
	v := &f.Values[j]
	at, _ := slices.BinarySearchFunc(v.Reports, k, Key.Compare)
	v.Reports = slices.Insert(v.Reports, at, k)
}

func (t *Tally) votes(field string) []Vote {
	for _, f := range t.Votes {
		if f.Field == field {
			return f.Values
		}
	}
	return nil
}

// winner returns the value most reports give, the one first reported
// breaking ties; "" when none gives one.
func winner(vs []Vote) string {
	best := -1
	for i := range vs {
		if best < 0 || len(vs[i].Reports) > len(vs[best].Reports) ||
			len(vs[i].Reports) == len(vs[best].Reports) && vs[i].Reports[0].Compare(vs[best].Reports[0]) < 0 {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return vs[best].Value
}

func seen(list []FirstSeen, v string, k Key, pos int) []FirstSeen {
	for i := range list {
		if list[i].Value == v {
			if c := k.Compare(list[i].First); c < 0 || c == 0 && pos < list[i].Pos {
				list[i].First, list[i].Pos = k, pos
			}
			return list
		}
	}
	return append(list, FirstSeen{Value: v, First: k, Pos: pos})
}

func actorSeen(list []ActorSeen, a *sitrep.ActorRef, k Key, pos int) []ActorSeen {
	key := sitrep.ActorKey(a)
	if key == "" {
		return list
	}
	ref := *a
	ref.Span, ref.Text = nil, ""
	for i := range list {
		if list[i].Key == key {
			if c := k.Compare(list[i].First); c < 0 || c == 0 && pos < list[i].Pos {
				list[i].First, list[i].Pos, list[i].Ref = k, pos, ref
			}
			return list
		}
	}
	return append(list, ActorSeen{Key: key, First: k, Pos: pos, Ref: ref})
}

func lower(cur, v *int) *int {
	if v != nil && (cur == nil || *v < *cur) {
		x := *v
		return &x
	}
	return cur
}

func byFirst(a, b FirstSeen) int {
	if c := a.First.Compare(b.First); c != 0 {
		return c
	}
	return cmp.Compare(a.Pos, b.Pos)
}

// Apply sets e's consensus coding, sources, outlets, counts, report
// times, conflicts and confidence from the tally, as Merge does from the
// reports; e.ID and e.Reports are left as they are.
func (r *Rule) Apply(t *Tally, e *sitrep.EventRecord) {
	if t.Reports == 0 {
		return
	}
	typ := winner(t.votes("type"))
	var ev sitrep.Event
	for _, m := range t.Main {
		if string(m.Event.Type) == typ {
			ev = m.Event
		}
	}
	ev.ID = e.ID
	ev.Type = sitrep.EventType(typ)
	ev.Mentions = nil
	// Slices of the tally are not shared with the record.
	ev.OtherPlaces = slices.Clone(ev.OtherPlaces)
	ev.Quantities = slices.Clone(ev.Quantities)
	ev.Sources = slices.Clone(ev.Sources)

	ev.Actor1 = pickActor(t.Actor1, winner(t.votes("actor1")))
	ev.Actor2 = pickActor(t.Actor2, winner(t.votes("actor2")))
	skip := map[string]bool{sitrep.ActorKey(ev.Actor1): true, sitrep.ActorKey(ev.Actor2): true, "": true}
	actors := slices.Clone(t.Actors)
	slices.SortFunc(actors, func(a, b ActorSeen) int {
		if c := a.First.Compare(b.First); c != 0 {
			return c
		}
		return cmp.Compare(a.Pos, b.Pos)
	})
	ev.Associated = nil
	for _, a := range actors {
		if !skip[a.Key] {
			ev.Associated = append(ev.Associated, a.Ref)
		}
	}

	ev.Location = nil
	best := 5
	for _, v := range t.Locations {
		best = min(best, v.Precision)
	}
	var lv *LocationVote
	for i := range t.Locations {
		v := &t.Locations[i]
		if v.Precision == best && (lv == nil || v.Count > lv.Count || v.Count == lv.Count && v.First.Compare(lv.First) < 0) {
			lv = v
		}
	}
	if lv != nil {
		l := lv.Location
		ev.Location = &l
	}
	ev.Date = nil
	best = 4
	for _, v := range t.Dates {
		if v.Precision > 0 {
			best = min(best, v.Precision)
		}
	}
	var dv *DateVote
	for i := range t.Dates {
		v := &t.Dates[i]
		if v.Precision == best && (dv == nil || v.Count > dv.Count || v.Count == dv.Count && v.First.Compare(dv.First) < 0) {
			dv = v
		}
	}
	if dv != nil {
		d := dv.Date
		ev.Date = &d
	}

	// The most direct modality: the main report's, else the earliest of
	// the most direct ones.
	minRank := modalityRank[ev.Modality]
	for _, m := range t.Modalities {
		minRank = min(minRank, modalityRank[sitrep.Modality(m.Value)])
	}
	if modalityRank[ev.Modality] > minRank {
		var first *FirstSeen
		for i := range t.Modalities {
			m := &t.Modalities[i]
			if modalityRank[sitrep.Modality(m.Value)] == minRank && (first == nil || m.First.Compare(first.First) < 0) {
				first = m
			}
		}
		ev.Modality = sitrep.Modality(first.Value)
	}
	happened := t.HappenedReports > 0
	ev.Fatalities = copyInt(t.Fatalities)
	ev.Injuries = copyInt(t.Injuries)

	var conflicts []sitrep.Conflict
	conflict := func(field string) {
		vs := slices.Clone(t.votes(field))
		if len(vs) < 2 {
			return
		}
		slices.SortFunc(vs, func(a, b Vote) int { return a.Reports[0].Compare(b.Reports[0]) })
		c := sitrep.Conflict{Field: field, Values: make([]sitrep.ConflictValue, len(vs))}
		for i, v := range vs {
			ids := make([]string, len(v.Reports))
			for j, k := range v.Reports {
				ids[j] = k.ID
			}
			c.Values[i] = sitrep.ConflictValue{Value: v.Value, Reports: ids}
		}
		conflicts = append(conflicts, c)
	}
	for _, f := range conflictFields {
		conflict(f)
	}
	var units []string
	for _, f := range t.Votes {
		if u, ok := strings.CutPrefix(f.Field, "quantity:"); ok {
			units = append(units, u)
		}
	}
	slices.Sort(units)
	for _, u := range units {
		conflict("quantity:" + u)
	}

	e.Sources = firstValues(t.Sources)
	e.Outlets = firstValues(t.Outlets)
	e.ReportCount = t.Reports
	e.ArticleCount = len(t.Articles)
	e.FirstReported, e.LastReported = t.FirstReported, t.LastReported
	e.Happened = happened
	e.Conflicts = conflicts
	dissent := 0
	if happened {
		dissent = t.Reports - t.HappenedReports
	}
	ev.Confidence = confidence(len(e.Sources), t.Reports, t.ScoreSum, t.CoderSum, t.Coded, dissent)
	e.Event = ev
}

func pickActor(list []ActorSeen, key string) *sitrep.ActorRef {
	if key == "" {
		return nil
	}
	for _, a := range list {
		if a.Key == key {
			c := a.Ref
			return &c
		}
	}
	return nil
}

func firstValues(list []FirstSeen) []string {
	if len(list) == 0 {
		return nil
	}
	s := slices.Clone(list)
	slices.SortFunc(s, byFirst)
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = v.Value
	}
	return out
}

func copyInt(p *int) *int {
	if p == nil {
		return nil
	}
	x := *p
	return &x
}

// confidence is (1 − 0.5^sources) × mean link score × mean coder
// confidence (when coded) × (1 − ½ × share of dissenting reports),
// rounded to thousandths; the sums are in billionths.
func confidence(sources, reports int, scoreSum, coderSum int64, coded, dissent int) float64 {
	n := max(sources, 1)
	conf := (1 - math.Pow(0.5, float64(n))) * (float64(scoreSum) / 1e9 / float64(reports))
	if coded > 0 {
		conf *= float64(coderSum) / 1e9 / float64(coded)
	}
	conf *= 1 - 0.5*float64(dissent)/float64(reports)
	return math.Round(conf*1000) / 1000
}
