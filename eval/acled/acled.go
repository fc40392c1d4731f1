// Package acled scores sitrep against ACLED rows: it codes each row's
// notes (published on the row's event date) and compares the primary
// event with the row's event type, sub-event type, actor1, location
// (within 25 km), fatalities and date.
//
// Files with ACLED's pre-2019 event types (no sub_event_type column, types
// such as "Battle-No change of territory") are scored on the old types by
// mapping sitrep's type and sub-type with ontology.LegacyACLEDType.
package acled

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/country"
	"github.com/sitrep/sitrep/export"
	"github.com/sitrep/sitrep/ontology"
)

// Row is one ACLED event with its notes.
type Row struct {
	ID          string
	Date        string // YYYY-MM-DD
	EventType   string
	SubType     string // empty in pre-2019 files
	Actor1      string
	Actor2      string
	Interaction string
	Lat, Lon    float64
	HasCoords   bool
	Location    string
	Fatalities  int
	Notes       string
}

// dateLayouts are the ways ACLED exports write event_date.
var dateLayouts = []string{"02 January 2006", "2 January 2006", time.DateOnly, "02-January-2006", "1/2/2006", "01/02/2006"}

// Read parses an ACLED CSV export by its header names. Rows without notes
// are skipped; a row whose date or fatalities cannot be read is an error
// naming the line.
func Read(r io.Reader) ([]Row, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("read ACLED header: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(strings.ToLower(h))] = i
	}
	for _, need := range []string{"event_date", "event_type", "notes", "fatalities"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("ACLED file has no %q column: is it an ACLED export?", need)
		}
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var out []Row
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read ACLED line %d: %w", line, err)
		}
		row := Row{ID: get(rec, "event_id_cnty"), EventType: get(rec, "event_type"), SubType: get(rec, "sub_event_type"),
			Actor1: get(rec, "actor1"), Actor2: get(rec, "actor2"), Interaction: get(rec, "interaction"),
			Location: get(rec, "location"), Notes: get(rec, "notes")}
		if row.Notes == "" {
			continue
		}
		d, err := parseDate(get(rec, "event_date"))
		if err != nil {
			return nil, fmt.Errorf("ACLED line %d: %w", line, err)
		}
		row.Date = d
		if f := get(rec, "fatalities"); f != "" {
			n, err := strconv.Atoi(f)
			if err != nil {
				return nil, fmt.Errorf("ACLED line %d: fatalities %q is not a number", line, f)
			}
			row.Fatalities = n
		}
		lat, e1 := strconv.ParseFloat(get(rec, "latitude"), 64)
		lon, e2 := strconv.ParseFloat(get(rec, "longitude"), 64)
		if e1 == nil && e2 == nil {
			row.Lat, row.Lon, row.HasCoords = lat, lon, true
		}
		out = append(out, row)
	}
	return out, nil
}

func parseDate(s string) (string, error) {
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(time.DateOnly), nil
		}
	}
	return "", fmt.Errorf("cannot read event_date %q (expected e.g. 21 March 2020 or 2020-03-21)", s)
}

// Legacy reports whether the rows use ACLED's pre-2019 event types.
func Legacy(rows []Row) bool {
	for _, r := range rows {
		if r.SubType != "" {
			return false
		}
	}
	return len(rows) > 0
}

// Prediction is what sitrep made of one row.
type Prediction struct {
	ID         string `json:"id"`
	GoldType   string `json:"gold_type"`
	Type       string `json:"type"`
	GoldSub    string `json:"gold_sub_type,omitempty"`
	SubType    string `json:"sub_type,omitempty"`
	GoldFatal  int    `json:"gold_fatalities"`
	Fatalities int    `json:"fatalities"`
	GoldDate   string `json:"gold_date"`
	Date       string `json:"date,omitempty"`
	Actor1     string `json:"actor1,omitempty"`
	// GoldPlace is the row's location; Place the name of the coded
	// event's location.
	GoldPlace  string   `json:"gold_location,omitempty"`
	Place      string   `json:"location,omitempty"`
	DistanceKM *float64 `json:"distance_km,omitempty"`
}

// Result holds the accuracies of a run; each is over all rows.
type Result struct {
	Rows          int          `json:"rows"`
	Legacy        bool         `json:"legacy_types"`
	Coded         int          `json:"coded"`
	EventType     float64      `json:"event_type"`
	SubEventType  float64      `json:"sub_event_type,omitempty"`
	Actor1        float64      `json:"actor1"`
	Location25km  float64      `json:"location_25km"`
	Located       int          `json:"located"`
	Fatalities    float64      `json:"fatalities_exact"`
	Date          float64      `json:"date_exact"`
	Interaction   float64      `json:"interaction"`
	TypeConfusion []Confusion  `json:"type_confusion,omitempty"`
	Predictions   []Prediction `json:"predictions,omitempty"`
	// Failed lists the rows a stage panicked on (a bug), which count as
	// uncoded: "stage event on article ID: panic: …".
	Failed []string `json:"failed,omitempty"`
}

// Confusion counts one gold/predicted type pair that differ.
type Confusion struct {
	Gold  string `json:"gold"`
	Got   string `json:"got"`
	Count int    `json:"count"`
}

// Primary picks the event a row is about: the first event that happened
// and has an ACLED type.
func Primary(events []sitrep.Event) (sitrep.Event, bool) {
	for _, e := range events {
		if e.ACLEDEventType != "" && e.Modality.Happened() {
			return e, true
		}
	}
	return sitrep.Event{}, false
}

// Score codes every row with p and scores it.
func Score(ctx context.Context, p *sitrep.Pipeline, rows []Row, keep bool) (Result, error) {
	res := Result{Rows: len(rows), Legacy: Legacy(rows)}
	var typeOK, subOK, actorOK, locOK, fatalOK, dateOK, interOK int
	conf := map[[2]string]int{}
	for _, row := range rows {
		pub, _ := time.Parse(time.DateOnly, row.Date)
		doc := sitrep.NewDocument(sitrep.Article{ID: row.ID, Text: row.Notes, Published: pub})
		if err := p.Run(ctx, doc); err != nil {
			line, ok := sitrep.PanicLine(err)
			if !ok {
				return res, fmt.Errorf("code ACLED row %s: %w", row.ID, err)
			}
			// a bug the text reached: it counts as uncoded
			res.Failed = append(res.Failed, line)
			doc.Events = nil
		}
		pr := Prediction{ID: row.ID, GoldType: row.EventType, GoldSub: row.SubType, GoldFatal: row.Fatalities, GoldDate: row.Date, GoldPlace: row.Location}
		ev, ok := Primary(doc.Events)
		if ok {
			res.Coded++
			pr.Type, pr.SubType = ev.ACLEDEventType, ev.ACLEDSubEventType
			if res.Legacy {
				pr.Type = ontology.LegacyACLEDType(ev.ACLEDEventType, ev.ACLEDSubEventType, ontology.ActorCategory(ev.Inter2))
			}
			pr.Fatalities = fatalities(doc.Events)
			if ev.Date != nil {
				pr.Date = ev.Date.Start
			}
			// actor1 as sitrep's ACLED export writes it
			pr.Actor1, _, _, _ = export.ACLEDActors(&ev)
			if ev.Location != nil {
				pr.Place = ev.Location.Name
			}
			if ev.Location != nil && row.HasCoords {
				d := Haversine(ev.Location.Lat, ev.Location.Lon, row.Lat, row.Lon)
				pr.DistanceKM = &d
				res.Located++
				if d <= 25 {
					locOK++
				}
			}
			if strconv.Itoa(ev.Interaction) == row.Interaction {
				interOK++
			}
		}
		if pr.Type == row.EventType {
			typeOK++
		} else {
			conf[[2]string{row.EventType, pr.Type}]++
		}
		if pr.SubType == row.SubType && row.SubType != "" {
			subOK++
		}
		if pr.Fatalities == row.Fatalities {
			fatalOK++
		}
		if pr.Date == row.Date {
			dateOK++
		}
		if pr.Actor1 != "" && actorMatch(pr.Actor1, row.Actor1) {
			actorOK++
		}
		if keep {
			res.Predictions = append(res.Predictions, pr)
		}
	}
	n := float64(len(rows))
	if n > 0 {
		res.EventType = float64(typeOK) / n
		if !res.Legacy {
			res.SubEventType = float64(subOK) / n
		}
		res.Actor1 = float64(actorOK) / n
		res.Location25km = float64(locOK) / n
		res.Fatalities = float64(fatalOK) / n
		res.Date = float64(dateOK) / n
		res.Interaction = float64(interOK) / n
	}
	for k, v := range conf {
		res.TypeConfusion = append(res.TypeConfusion, Confusion{Gold: k[0], Got: k[1], Count: v})
	}
	sortConfusion(res.TypeConfusion)
	return res, nil
}

// fatalities is the largest figure among the happened ACLED events of a
// row's notes (0 when none gives one). Adding the events' figures up
// instead scored worse on both ACLED files: notes often restate a toll.
func fatalities(events []sitrep.Event) int {
	n := 0
	for _, e := range events {
		if e.ACLEDEventType != "" && e.Modality.Happened() && e.Fatalities != nil && *e.Fatalities > n {
			n = *e.Fatalities
		}
	}
	return n
}

func sortConfusion(c []Confusion) {
	for i := 1; i < len(c); i++ {
		for j := i; j > 0 && (c[j].Count > c[j-1].Count || c[j].Count == c[j-1].Count && c[j].Gold+c[j].Got < c[j-1].Gold+c[j-1].Got); j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
}

// actorMatch compares an actor name with ACLED's actor1 loosely. Outside
// parentheses that hold a period or a country (ACLED's regime periods,
// "(2014-)", the countries of generic actors, "Protesters (Zambia)"; a
// faction's name in them counts), and with hyphens read as spaces,
// the names match when a distinctive word of sitrep's, one longer than
// three letters that is no word of ACLED's generic names, occurs in ACLED's
// ("Afghan military" and "Military Forces of Afghanistan"), or when
// sitrep's has no such word and the two are the same ("Unidentified Armed
// Group").
func actorMatch(got, gold string) bool {
	got = dehyphen.Replace(strings.ToLower(outsideParens(got, false)))
	gold = dehyphen.Replace(strings.ToLower(outsideParens(gold, true)))
	distinctive := false
	for _, w := range strings.Fields(got) {
		w = strings.Trim(w, ",.'’:;")
		if len(w) <= 3 || genericActorWords[w] {
			continue
		}
		distinctive = true
		if strings.Contains(gold, w) {
			return true
		}
	}
	return !distinctive && got != "" && strings.Join(strings.Fields(got), " ") == strings.Join(strings.Fields(gold), " ")
}

// dehyphen reads hyphens as spaces: "Al-Shabaab" is "Al Shabaab".
var dehyphen = strings.NewReplacer("-", " ")

// genericActorWords are the words of ACLED's names for generic actors,
// which say what kind of actor it is but not which one.
var genericActorWords = map[string]bool{
	"military": true, "forces": true, "police": true, "unidentified": true, "armed": true,
	"group": true, "militia": true, "government": true,
}

// outsideParens returns s without its parenthesised parts, or, with
// keepNames, without those that are a period ("(2014-)") or a country
// ("(Zambia)") but with the names of factions ("Mayi Mayi Militia (Manu)").
func outsideParens(s string, keepNames bool) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		inner := s[i+1 : i+j]
		if keepNames && !strings.ContainsAny(inner, "0123456789") && !countryNames()[strings.ToLower(strings.TrimSpace(inner))] {
			b.WriteString(inner)
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// countryNames holds the lower-cased names of every country, as GeoNames
// and as ACLED spell them; built on first use, not when a binary that
// links the scorer starts.
var countryNames = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, c := range country.All() {
		m[strings.ToLower(c.Name)] = true
		m[strings.ToLower(export.ACLEDCountry(c.ISO3))] = true
	}
	return m
})

// Haversine returns the great-circle distance in km.
func Haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p := math.Pi / 180
	a := math.Sin((lat2-lat1)*p/2)*math.Sin((lat2-lat1)*p/2) + math.Cos(lat1*p)*math.Cos(lat2*p)*math.Sin((lon2-lon1)*p/2)*math.Sin((lon2-lon1)*p/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}
