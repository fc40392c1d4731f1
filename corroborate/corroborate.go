// Package corroborate decides when events coded from different articles
// are one happening, and builds the corroborated event from all its
// reports: the consensus coding, every source, the number of independent
// sources, the first and last report times, the points on which the
// reports disagree, and a confidence score.
//
// The rule (docs/corroboration.md has the reasoning):
//
//   - Types must be compatible: equal, or both in one Config.Compatible
//     group (ASSAULT and COERCE by default: shelling reported as "attacked"
//     by one outlet and "bombarded" by another).
//   - Modalities must be on the same side of time: a planned or
//     hypothetical event links only to planned or hypothetical ones; an
//     asserted, reported, claimed, alleged, denied or negated one links to
//     any of those (a denial of an attack is a report of that attack).
//   - Date ranges, widened by Config.DaySlack days, must overlap. An event
//     without a date is taken to have happened in the Config.UndatedDays
//     days up to its publication.
//   - Places, when both have one, must be in the same country and within
//     Config.RadiusKM of each other for the coarser of the two precisions
//     (town 25 km, near 50 km, region 150 km; country: same country only).
//   - Actors must not contradict: when both name a canonical actor1 and
//     those differ, one must stand on the other's side (its actor1 or an
//     associated actor); the attacker of one being the other's target
//     does not count.
//
// A compatible pair is scored: 0.4 for type and date; 0.05 more when both
// are dated to the same day; for the place 0.1 + 0.25 × (1 − d/2r) when
// both are located at town, near or region precision (d the distance, r
// the radius), 0.05 when the coarser is the country, nothing when either
// has none; and 0.2 × the Jaccard similarity of the actor sets (canonical
// actors only, when both sides name some; actors known only by name count
// only when the places agree); 0.1 more for another event of the same
// article. The report
// joins the best candidate scoring at least Config.MinScore (0.55): type
// and date alone never link, a place or actors must agree too.
package corroborate

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
)

// Config holds the thresholds of the rule.
type Config struct {
	// RadiusKM is the greatest distance between two events' places, by
	// the coarser ACLED geo precision: index 1 town, 2 near a town or part
	// of a region, 3 region. Precision 4 (country) compares countries
	// only.
	RadiusKM [4]float64
	// DaySlack widens each date range by this many days on both sides:
	// reports of one night's fighting are dated a day apart.
	DaySlack int
	// UndatedDays is the span before publication an undated event is
	// taken to lie in.
	UndatedDays int
	// MinScore is the least score at which a report joins an event.
	MinScore float64
	// Compatible lists groups of event types that may describe one
	// happening besides equal types.
	Compatible [][]sitrep.EventType
}

// DefaultConfig returns sitrep's thresholds.
func DefaultConfig() Config {
	return Config{
		RadiusKM:    [4]float64{0, 25, 50, 150},
		DaySlack:    1,
		UndatedDays: 7,
		MinScore:    0.55,
		Compatible:  [][]sitrep.EventType{{sitrep.Assault, sitrep.Coerce}},
	}
}

// Validate checks the thresholds and names the bad one.
func (c Config) Validate() error {
	for i := 1; i < 4; i++ {
		if c.RadiusKM[i] <= 0 {
			return sitrep.Errorf(sitrep.EINVALID, "corroborate RadiusKM[%d] is %g: want a positive distance", i, c.RadiusKM[i])
		}
	}
	if c.DaySlack < 0 || c.DaySlack > 30 {
		return sitrep.Errorf(sitrep.EINVALID, "corroborate DaySlack %d: want 0..30 days", c.DaySlack)
	}
	if c.UndatedDays < 0 || c.UndatedDays > 366 {
		return sitrep.Errorf(sitrep.EINVALID, "corroborate UndatedDays %d: want 0..366 days", c.UndatedDays)
	}
	if c.MinScore <= 0.4 || c.MinScore > 1 {
		return sitrep.Errorf(sitrep.EINVALID, "corroborate MinScore %g: want (0.4, 1]; at 0.4 or less type and date alone would link", c.MinScore)
	}
	return nil
}

// Rule is sitrep's corroboration rule, a sitrep.Corroborator.
type Rule struct {
	cfg Config
}

var _ sitrep.Corroborator = (*Rule)(nil)

// New returns the rule with the thresholds of cfg.
func New(cfg Config) (*Rule, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Rule{cfg: cfg}, nil
}

// span is a date range in days since the epoch, inclusive.
type span struct{ lo, hi int }

func day(s string) (int, bool) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, false
	}
	return int(t.Unix() / 86400), true
}

func dayString(d int) string { return time.Unix(int64(d)*86400, 0).UTC().Format(time.DateOnly) }

// dates returns an event's date range, or the undated window before its
// publication; ok is false when neither is known.
func (r *Rule) dates(ev *sitrep.Event, published time.Time) (span, bool) {
	if ev.Date != nil {
		lo, ok1 := day(ev.Date.Start)
		hi, ok2 := day(ev.Date.End)
		if ok1 && !ok2 {
			hi, ok2 = lo, true
		}
		if ok1 && ok2 && lo <= hi {
			return span{lo, hi}, true
		}
	}
	if published.IsZero() {
		return span{}, false
	}
	p := int(published.UTC().Unix() / 86400)
	return span{p - r.cfg.UndatedDays, p}, true
}

// Windows selects candidates by date (widened by the slack) and
// compatible type, and within those by what can make a link: the events
// around the report's place (within the largest radius, or in its
// country), and the events of each canonical actor it names. A report
// with neither a place nor a canonical actor can reach at most 0.45 and
// gets no window at all.
func (r *Rule) Windows(rep *sitrep.Report) []sitrep.EventFilter {
	base := sitrep.EventFilter{Types: r.compatible(rep.Event.Type), Limit: sitrep.MaxLimit}
	s, ok := r.dates(&rep.Event, rep.Published)
	if !ok {
		return nil
	}
	base.Since = dayString(s.lo - r.cfg.DaySlack)
	base.Until = dayString(s.hi + r.cfg.DaySlack)
	var out []sitrep.EventFilter
	if l := rep.Event.Location; l != nil {
		f := base
		if clampPrecision(l.Precision) == sitrep.PrecisionCountry {
			if l.Country != "" {
				f.Country = l.Country
				out = append(out, f)
			}
		} else {
			b := aroundKM(l.Lat, l.Lon, r.cfg.RadiusKM[sitrep.PrecisionRegion])
			f.BBox = &b
			out = append(out, f)
		}
	}
	seen := map[string]bool{}
	ev := &rep.Event
	for _, a := range append([]*sitrep.ActorRef{ev.Actor1, ev.Actor2}, refs(ev.Associated)...) {
		if a == nil || a.ID == "" || seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		f := base
		f.Actor = a.ID
		out = append(out, f)
	}
	return out
}

func refs(as []sitrep.ActorRef) []*sitrep.ActorRef {
	out := make([]*sitrep.ActorRef, len(as))
	for i := range as {
		out[i] = &as[i]
	}
	return out
}

// aroundKM returns the box within km of a point, clamped to the globe
// (a box reaching the poles or across the antimeridian spans all
// longitudes).
func aroundKM(lat, lon, km float64) sitrep.BBox {
	dlat := km / 111.0
	b := sitrep.BBox{MinLat: max(-90, lat-dlat), MaxLat: min(90, lat+dlat), MinLon: -180, MaxLon: 180}
	if c := math.Cos(math.Max(math.Abs(b.MinLat), math.Abs(b.MaxLat)) * math.Pi / 180); c > 0.01 {
		dlon := km / (111.0 * c)
		if lon-dlon >= -180 && lon+dlon <= 180 {
			b.MinLon, b.MaxLon = lon-dlon, lon+dlon
		}
	}
	return b
}

func (r *Rule) compatible(t sitrep.EventType) []sitrep.EventType {
	out := []sitrep.EventType{t}
	for _, g := range r.cfg.Compatible {
		if slices.Contains(g, t) {
			for _, u := range g {
				if u != t {
					out = append(out, u)
				}
			}
		}
	}
	return out
}

func future(m sitrep.Modality) bool { return m == sitrep.Planned || m == sitrep.Hypothetical }

// Score rates how likely it is that the report and the event describe one
// happening; 0 when the rule says they do not.
func (r *Rule) Score(rep *sitrep.Report, e *sitrep.EventRecord) float64 {
	a, b := &rep.Event, &e.Event
	if !slices.Contains(r.compatible(a.Type), b.Type) {
		return 0
	}
	if future(a.Modality) != future(b.Modality) {
		return 0
	}
	sa, okA := r.dates(a, rep.Published)
	sb, okB := r.dates(b, e.FirstReported)
	if !okA || !okB {
		return 0
	}
	k := r.cfg.DaySlack
	if sa.lo-k > sb.hi+k || sb.lo-k > sa.hi+k {
		return 0
	}
	score := 0.4
	if a.Date != nil && b.Date != nil && a.Date.Precision == sitrep.DateDay && b.Date.Precision == sitrep.DateDay && sa == sb {
		score += 0.05
	}

	placed := false // both located, close enough
	switch la, lb := a.Location, b.Location; {
	case la == nil || lb == nil:
	case la.Country != "" && lb.Country != "" && la.Country != lb.Country:
		return 0
	default:
		p := max(clampPrecision(la.Precision), clampPrecision(lb.Precision))
		if p == sitrep.PrecisionCountry {
			score += 0.05
			break
		}
		radius := r.cfg.RadiusKM[p]
		d := DistanceKM(la.Lat, la.Lon, lb.Lat, lb.Lon)
		if d > radius {
			return 0
		}
		score += 0.1 + 0.25*(1-d/(2*radius))
		placed = true
	}

	ka, kb := actorKeys(a), actorKeys(b)
	if contradicts(a, b) {
		return 0
	}
	// Another event of the same article (the store passes those with their
	// reports): a headline and the body restate one happening in other
	// words, so the article's own names count and agreement is likelier.
	same := false
	for i := range e.Reports {
		same = same || e.Reports[i].ArticleID == rep.ArticleID
	}
	if same {
		score += 0.1
	}
	// Compare canonical actors when both sides name some. Actors known
	// only by their words ("gunmen", "civilians", a town read as an
	// actor) say little: they count only where the places agree too.
	if ca, cb := canonical(ka), canonical(kb); len(ca) > 0 && len(cb) > 0 {
		ka, kb = ca, cb
	} else if !placed && !same {
		ka, kb = nil, nil
	}
	if len(ka) > 0 && len(kb) > 0 {
		shared := 0
		for k := range ka {
			if kb[k] {
				shared++
			}
		}
		score += 0.2 * float64(shared) / float64(len(ka)+len(kb)-shared)
	}
	return math.Round(score*1000) / 1000
}

func clampPrecision(p int) int {
	if p < sitrep.PrecisionTown || p > sitrep.PrecisionCountry {
		return sitrep.PrecisionCountry
	}
	return p
}

// contradicts reports whether two events' first actors rule each other
// out: both are canonical, they differ, and neither stands on the other's
// side (as its actor1 or an associated actor). The attacker of one being
// the target of the other does not count: that is another happening.
func contradicts(a, b *sitrep.Event) bool {
	if a.Actor1 == nil || b.Actor1 == nil || a.Actor1.ID == "" || b.Actor1.ID == "" || a.Actor1.ID == b.Actor1.ID {
		return false
	}
	return !onSide(b, a.Actor1.ID) && !onSide(a, b.Actor1.ID)
}

func onSide(ev *sitrep.Event, id string) bool {
	if ev.Actor1 != nil && ev.Actor1.ID == id {
		return true
	}
	for _, x := range ev.Associated {
		if x.ID == id {
			return true
		}
	}
	return false
}

func canonical(keys map[string]bool) map[string]bool {
	out := map[string]bool{}
	for k := range keys {
		if !strings.HasPrefix(k, "name:") {
			out[k] = true
		}
	}
	return out
}

// actorKeys returns the set of actor keys of an event: actor1, actor2 and
// the associated actors (which Merge fills with every other actor any
// report names).
func actorKeys(ev *sitrep.Event) map[string]bool {
	m := map[string]bool{}
	add := func(a *sitrep.ActorRef) {
		if k := sitrep.ActorKey(a); k != "" {
			m[k] = true
		}
	}
	add(ev.Actor1)
	add(ev.Actor2)
	for i := range ev.Associated {
		add(&ev.Associated[i])
	}
	return m
}

// DistanceKM is the great-circle distance between two points, in km.
func DistanceKM(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0088
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// modalityRank orders modalities for the consensus: the most direct
// account of a happening first.
var modalityRank = map[sitrep.Modality]int{
	sitrep.Asserted: 0, sitrep.Reported: 1, sitrep.Claimed: 2, sitrep.Alleged: 3,
	sitrep.Denied: 4, sitrep.Negated: 5, sitrep.Planned: 6, sitrep.Hypothetical: 7,
}

// Merge recomputes the corroborated event from its reports:
//
//   - reports in order of publication;
//   - type, actor1, actor2: the value most reports give (the earliest
//     report breaks ties); every other actor any report names becomes an
//     associated actor;
//   - location: the most precise one, the most common among those;
//   - date: the most precise range, the most common among those;
//   - modality: the most direct any report gives (asserted over reported
//     over claimed ...); Happened when any report says it happened;
//   - fatalities and injuries: the lowest figure reported, as ACLED does;
//   - evidence, mode, ACLED types, quantities: from the report giving the
//     consensus type with the most direct modality;
//   - sources: the independent sources in order of first report; outlets:
//     every outlet that carried a report;
//   - conflicts: every field on which reports disagree, with who says
//     what;
//   - confidence: (1 − 0.5^sources) × mean link score × mean coder
//     confidence (when coded) × (1 − ½ × share of reports dissenting from
//     the consensus modality's side).
func (r *Rule) Merge(e *sitrep.EventRecord) {
	reps := e.Reports
	if len(reps) == 0 {
		return
	}
	slices.SortStableFunc(reps, func(a, b sitrep.Report) int {
		if c := a.Published.Compare(b.Published); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	var conflicts []sitrep.Conflict
	conflict := func(field string, value func(*sitrep.Report) (string, bool)) {
		var vals []sitrep.ConflictValue
		for i := range reps {
			v, ok := value(&reps[i])
			if !ok {
				continue
			}
			j := slices.IndexFunc(vals, func(c sitrep.ConflictValue) bool { return c.Value == v })
			if j < 0 {
				vals = append(vals, sitrep.ConflictValue{Value: v})
				j = len(vals) - 1
			}
			vals[j].Reports = append(vals[j].Reports, reps[i].ID)
		}
		if len(vals) > 1 {
			conflicts = append(conflicts, sitrep.Conflict{Field: field, Values: vals})
		}
	}

	typ := mostCommon(reps, func(r *sitrep.Report) (string, bool) { return string(r.Event.Type), true })
	conflict("type", func(r *sitrep.Report) (string, bool) { return string(r.Event.Type), true })

	// The main report: consensus type, most direct modality, earliest.
	main := 0
	for i := range reps {
		if string(reps[i].Event.Type) != typ {
			continue
		}
		if string(reps[main].Event.Type) != typ || modalityRank[reps[i].Event.Modality] < modalityRank[reps[main].Event.Modality] {
			main = i
		}
	}
	ev := reps[main].Event
	ev.ID = e.ID
	ev.Type = sitrep.EventType(typ)
	ev.Mentions = nil

	actorVal := func(pick func(*sitrep.Event) *sitrep.ActorRef) func(*sitrep.Report) (string, bool) {
		return func(r *sitrep.Report) (string, bool) {
			k := sitrep.ActorKey(pick(&r.Event))
			return k, k != ""
		}
	}
	a1 := func(ev *sitrep.Event) *sitrep.ActorRef { return ev.Actor1 }
	a2 := func(ev *sitrep.Event) *sitrep.ActorRef { return ev.Actor2 }
	ev.Actor1 = actorRef(reps, mostCommon(reps, actorVal(a1)), a1)
	ev.Actor2 = actorRef(reps, mostCommon(reps, actorVal(a2)), a2)
	conflict("actor1", actorVal(a1))
	conflict("actor2", actorVal(a2))
	ev.Associated = associated(reps, ev.Actor1, ev.Actor2)

	ev.Location = bestLocation(reps)
	conflict("location", func(r *sitrep.Report) (string, bool) {
		if l := r.Event.Location; l != nil {
			return locationKey(l), true
		}
		return "", false
	})
	ev.Date = bestDate(reps)
	conflict("date", func(r *sitrep.Report) (string, bool) {
		if d := r.Event.Date; d != nil {
			if d.Start == d.End {
				return d.Start, true
			}
			return d.Start + "/" + d.End, true
		}
		return "", false
	})

	happened := false
	for i := range reps {
		m := reps[i].Event.Modality
		happened = happened || m.Happened()
		if modalityRank[m] < modalityRank[ev.Modality] {
			ev.Modality = m
		}
	}
	conflict("modality", func(r *sitrep.Report) (string, bool) { return string(r.Event.Modality), r.Event.Modality != "" })

	ev.Fatalities = lowest(reps, func(ev *sitrep.Event) *int { return ev.Fatalities })
	ev.Injuries = lowest(reps, func(ev *sitrep.Event) *int { return ev.Injuries })
	conflict("fatalities", func(r *sitrep.Report) (string, bool) { return intVal(r.Event.Fatalities) })
	conflict("injuries", func(r *sitrep.Report) (string, bool) { return intVal(r.Event.Injuries) })
	units := map[string]bool{}
	for i := range reps {
		for _, q := range reps[i].Event.Quantities {
			units[q.Unit] = true
		}
	}
	for _, u := range sortedKeys(units) {
		conflict("quantity:"+u, func(r *sitrep.Report) (string, bool) {
			for _, q := range r.Event.Quantities {
				if q.Unit == u {
					return quantityString(q), true
				}
			}
			return "", false
		})
	}

	// Sources, outlets, articles, times.
	e.Sources, e.Outlets = nil, nil
	articles := map[string]bool{}
	e.FirstReported, e.LastReported = time.Time{}, time.Time{}
	var scoreSum, coderSum int64
	coded, dissent := 0, 0
	for i := range reps {
		rep := &reps[i]
		if rep.Source != "" && !slices.Contains(e.Sources, rep.Source) {
			e.Sources = append(e.Sources, rep.Source)
		}
		for _, o := range rep.Outlets {
			if o != "" && !slices.Contains(e.Outlets, o) {
				e.Outlets = append(e.Outlets, o)
			}
		}
		articles[rep.ArticleID] = true
		if p := rep.Published; !p.IsZero() {
			if e.FirstReported.IsZero() || p.Before(e.FirstReported) {
				e.FirstReported = p
			}
			if p.After(e.LastReported) {
				e.LastReported = p
			}
		}
		scoreSum += billionths(rep.Score)
		if c := rep.Event.Confidence; c > 0 {
			coderSum += billionths(c)
			coded++
		}
		if rep.Event.Modality.Happened() != happened {
			dissent++
		}
	}
	e.ReportCount = len(reps)
	e.ArticleCount = len(articles)
	e.Happened = happened
	e.Conflicts = conflicts

	ev.Confidence = confidence(len(e.Sources), len(reps), scoreSum, coderSum, coded, dissent)
	e.Event = ev
}

// mostCommon returns the value most reports give, the value of the
// earliest report breaking ties; "" when none gives one.
func mostCommon(reps []sitrep.Report, value func(*sitrep.Report) (string, bool)) string {
	counts := map[string]int{}
	var order []string // in order of first report
	for i := range reps {
		v, ok := value(&reps[i])
		if !ok {
			continue
		}
		if counts[v] == 0 {
			order = append(order, v)
		}
		counts[v]++
	}
	best, bestN := "", 0
	for _, v := range order {
		if counts[v] > bestN {
			best, bestN = v, counts[v]
		}
	}
	return best
}

func actorRef(reps []sitrep.Report, key string, pick func(*sitrep.Event) *sitrep.ActorRef) *sitrep.ActorRef {
	if key == "" {
		return nil
	}
	for i := range reps {
		if a := pick(&reps[i].Event); sitrep.ActorKey(a) == key {
			c := *a
			c.Span, c.Text = nil, ""
			return &c
		}
	}
	return nil
}

// associated returns every actor the reports name other than actor1 and
// actor2, once each, in order of first mention.
func associated(reps []sitrep.Report, a1, a2 *sitrep.ActorRef) []sitrep.ActorRef {
	seen := map[string]bool{sitrep.ActorKey(a1): true, sitrep.ActorKey(a2): true, "": true}
	var out []sitrep.ActorRef
	add := func(a *sitrep.ActorRef) {
		k := sitrep.ActorKey(a)
		if seen[k] {
			return
		}
		seen[k] = true
		c := *a
		c.Span, c.Text = nil, ""
		out = append(out, c)
	}
	for i := range reps {
		ev := &reps[i].Event
		if ev.Actor1 != nil {
			add(ev.Actor1)
		}
		if ev.Actor2 != nil {
			add(ev.Actor2)
		}
		for j := range ev.Associated {
			add(&ev.Associated[j])
		}
	}
	return out
}

func locationKey(l *sitrep.Location) string {
	if l.GeonamesID != 0 {
		return l.Name + " (" + strconv.FormatInt(l.GeonamesID, 10) + ")"
	}
	return fmt.Sprintf("%s (%.3f,%.3f)", l.Name, l.Lat, l.Lon)
}

func bestLocation(reps []sitrep.Report) *sitrep.Location {
	best := 5
	for i := range reps {
		if l := reps[i].Event.Location; l != nil {
			best = min(best, clampPrecision(l.Precision))
		}
	}
	key := mostCommon(reps, func(r *sitrep.Report) (string, bool) {
		l := r.Event.Location
		if l == nil || clampPrecision(l.Precision) != best {
			return "", false
		}
		return locationKey(l), true
	})
	for i := range reps {
		if l := reps[i].Event.Location; l != nil && clampPrecision(l.Precision) == best && locationKey(l) == key {
			c := *l
			c.Text = ""
			return &c
		}
	}
	return nil
}

func bestDate(reps []sitrep.Report) *sitrep.DateRange {
	best := 4
	for i := range reps {
		if d := reps[i].Event.Date; d != nil && d.Precision > 0 {
			best = min(best, d.Precision)
		}
	}
	key := mostCommon(reps, func(r *sitrep.Report) (string, bool) {
		d := r.Event.Date
		if d == nil || d.Precision != best {
			return "", false
		}
		return d.Start + "/" + d.End, true
	})
	for i := range reps {
		if d := reps[i].Event.Date; d != nil && d.Precision == best && d.Start+"/"+d.End == key {
			c := *d
			c.Text = ""
			return &c
		}
	}
	return nil
}

func lowest(reps []sitrep.Report, pick func(*sitrep.Event) *int) *int {
	var out *int
	for i := range reps {
		if v := pick(&reps[i].Event); v != nil && (out == nil || *v < *out) {
			x := *v
			out = &x
		}
	}
	return out
}

func intVal(p *int) (string, bool) {
	if p == nil {
		return "", false
	}
	return strconv.Itoa(*p), true
}

func quantityString(q sitrep.Quantity) string {
	s := strconv.FormatInt(q.Value, 10)
	if q.Max > 0 && q.Max != q.Value {
		s = strconv.FormatInt(q.Min, 10) + "-" + strconv.FormatInt(q.Max, 10)
	}
	return s
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
