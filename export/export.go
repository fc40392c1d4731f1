// Package export writes corroborated events in the forms analysts load
// into other tools, one event at a time so that exports of millions of
// events run in constant memory:
//
//   - acled-csv: ACLED's column layout (event_id_cnty, event_date, year,
//     time_precision, event_type, sub_event_type, actor1, assoc_actor_1,
//     inter1, actor2, assoc_actor_2, inter2, interaction, iso, country,
//     admin1, location, latitude, longitude, geo_precision, source,
//     source_scale, notes, fatalities, timestamp) followed by sitrep's own
//     columns (sitrep_id, modality, independent_sources, confidence). Only
//     events that happened and carry an ACLED type are written, as ACLED
//     would record only those. iso is the ISO 3166 numeric code and country
//     the English name, as ACLED writes them, "Democratic Republic of
//     Congo" included (a code the country table does not know is written
//     as it is in both). notes is the evidence, and a toll an armed group
//     claimed, which fatalities leave out, is noted after it as ACLED's
//     coders note it. Actors are named as ACLED names them (see
//     ACLEDActors).
//   - plover-jsonl: one PLOVER-style JSON object per line (event_type,
//     mode, source and target actor, agent and country, location, date,
//     modality, sources, conflicts, evidence).
//   - geojson: a FeatureCollection of located events (Point features;
//     events without a location are skipped), for GIS tools.
//   - csv: every field of a sitrep event as a flat table.
package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/country"
)

// Format names an export format.
type Format string

// Formats.
const (
	ACLEDCSV    Format = "acled-csv"
	PLOVERJSONL Format = "plover-jsonl"
	GeoJSON     Format = "geojson"
	CSV         Format = "csv"
)

// Formats lists the formats.
var Formats = []Format{ACLEDCSV, PLOVERJSONL, GeoJSON, CSV}

// Writer writes events one at a time. Write reports whether the event was
// written (a format may skip events it cannot hold); Close finishes the
// document and flushes, and must be called.
type Writer interface {
	Write(e *sitrep.EventRecord) (bool, error)
	Close() error
}

// New returns a writer of the format on w.
func New(f Format, w io.Writer) (Writer, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	switch f {
	case ACLEDCSV:
		return newCSV(bw, acledHeader, acledRow), nil
	case CSV:
		return newCSV(bw, flatHeader, flatRow), nil
	case PLOVERJSONL:
		return &ploverWriter{w: bw}, nil
	case GeoJSON:
		return &geoWriter{w: bw, enc: newEncoder(bw)}, nil
	}
	return nil, sitrep.Errorf(sitrep.EINVALID, "export format %q: want acled-csv, plover-jsonl, geojson or csv", f)
}

func newEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

// csvWriter writes rows built by a function.
type csvWriter struct {
	bw     *bufio.Writer
	w      *csv.Writer
	header []string
	row    func(e *sitrep.EventRecord, rec []string) ([]string, bool)
	rec    []string
	wrote  bool
}

func newCSV(bw *bufio.Writer, header []string, row func(*sitrep.EventRecord, []string) ([]string, bool)) *csvWriter {
	return &csvWriter{bw: bw, w: csv.NewWriter(bw), header: header, row: row, rec: make([]string, 0, len(header))}
}

func (c *csvWriter) Write(e *sitrep.EventRecord) (bool, error) {
	if !c.wrote {
		c.wrote = true
		if err := c.w.Write(c.header); err != nil {
			return false, err
		}
	}
	rec, ok := c.row(e, c.rec[:0])
	if !ok {
		return false, nil
	}
	return true, c.w.Write(rec)
}

func (c *csvWriter) Close() error {
	if !c.wrote {
		if err := c.w.Write(c.header); err != nil {
			return err
		}
	}
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return err
	}
	return c.bw.Flush()
}

var acledHeader = []string{"event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
	"actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "iso", "country", "admin1",
	"location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "timestamp",
	"sitrep_id", "modality", "independent_sources", "confidence"}

func actorName(a *sitrep.ActorRef) string {
	if a == nil {
		return ""
	}
	return a.Name
}

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func associated(ev *sitrep.Event) string {
	var names []string
	for _, a := range ev.Associated {
		names = append(names, a.Name)
	}
	return strings.Join(names, "; ")
}

func acledRow(e *sitrep.EventRecord, rec []string) ([]string, bool) {
	ev := &e.Event
	if !e.Happened || ev.ACLEDEventType == "" {
		return nil, false
	}
	date, year, prec := "", "", ""
	if ev.Date != nil {
		date, prec = ev.Date.Start, itoa(ev.Date.Precision)
		if len(date) >= 4 {
			year = date[:4]
		}
	}
	var iso, cname, admin1, loc, lat, lon, gp string
	if l := ev.Location; l != nil {
		admin1, loc, lat, lon, gp = l.Admin1, l.Name, ftoa(l.Lat), ftoa(l.Lon), itoa(l.Precision)
		iso, cname = l.Country, l.Country
		if c, ok := country.Lookup(l.Country); ok {
			iso, cname = strconv.Itoa(c.Numeric), acledName(c)
		}
	}
	fat := "0"
	if ev.Fatalities != nil {
		fat = strconv.Itoa(*ev.Fatalities)
	}
	ts := ""
	if !e.LastReported.IsZero() {
		ts = strconv.FormatInt(e.LastReported.Unix(), 10)
	}
	a1, as1, a2, as2 := ACLEDActors(ev)
	return append(rec, e.ID, date, year, prec, ev.ACLEDEventType, ev.ACLEDSubEventType,
		a1, as1, itoa(ev.Inter1), a2, as2, itoa(ev.Inter2), itoa(ev.Interaction), iso, cname, admin1,
		loc, lat, lon, gp, strings.Join(e.Sources, "; "), "", acledNotes(ev), fat, ts,
		e.ID, string(ev.Modality), strconv.Itoa(len(e.Sources)), ftoa(ev.Confidence)), true
}

// acledNotes is the notes column: the evidence, and, as ACLED's coders
// note it, any toll an armed group claimed that the fatalities leave out
// ("Fatalities coded as 0 (claimed: VoJ reported 2 fatalities).").
func acledNotes(ev *sitrep.Event) string {
	notes := ev.Evidence.Text
	for _, q := range ev.Quantities {
		if q.Unit == "claimed fatalities" {
			fat := 0
			if ev.Fatalities != nil {
				fat = *ev.Fatalities
			}
			notes += fmt.Sprintf(" Fatalities coded as %d (claimed: %s).", fat, strings.TrimSuffix(q.Text, "."))
		}
	}
	return notes
}

var flatHeader = []string{"id", "date_start", "date_end", "date_precision", "type", "mode", "acled_event_type", "acled_sub_event_type",
	"actor1_id", "actor1", "actor2_id", "actor2", "associated", "location", "geonames_id", "latitude", "longitude", "geo_precision",
	"country", "admin1", "fatalities", "injuries", "modality", "happened", "independent_sources", "sources", "outlets", "reports",
	"articles", "first_reported", "last_reported", "confidence", "conflicts", "evidence"}

func flatRow(e *sitrep.EventRecord, rec []string) ([]string, bool) {
	ev := &e.Event
	var ds, de, dp string
	if ev.Date != nil {
		ds, de, dp = ev.Date.Start, ev.Date.End, itoa(ev.Date.Precision)
	}
	var loc, gn, lat, lon, gp, country, admin1 string
	if l := ev.Location; l != nil {
		loc, lat, lon, gp, country, admin1 = l.Name, ftoa(l.Lat), ftoa(l.Lon), itoa(l.Precision), l.Country, l.Admin1
		if l.GeonamesID != 0 {
			gn = strconv.FormatInt(l.GeonamesID, 10)
		}
	}
	id := func(a *sitrep.ActorRef) string {
		if a == nil {
			return ""
		}
		return a.ID
	}
	opt := func(p *int) string {
		if p == nil {
			return ""
		}
		return strconv.Itoa(*p)
	}
	var fields []string
	for _, c := range e.Conflicts {
		fields = append(fields, c.Field)
	}
	return append(rec, e.ID, ds, de, dp, string(ev.Type), ev.Mode, ev.ACLEDEventType, ev.ACLEDSubEventType,
		id(ev.Actor1), actorName(ev.Actor1), id(ev.Actor2), actorName(ev.Actor2), associated(ev), loc, gn, lat, lon, gp,
		country, admin1, opt(ev.Fatalities), opt(ev.Injuries), string(ev.Modality), strconv.FormatBool(e.Happened),
		strconv.Itoa(len(e.Sources)), strings.Join(e.Sources, "; "), strings.Join(e.Outlets, "; "), strconv.Itoa(e.ReportCount),
		strconv.Itoa(e.ArticleCount), timeString(e.FirstReported), timeString(e.LastReported), ftoa(ev.Confidence),
		strings.Join(fields, "; "), ev.Evidence.Text), true
}

func timeString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// Plover is one event as a PLOVER-style JSON object.
type Plover struct {
	ID             string            `json:"id"`
	Date           string            `json:"date,omitempty"`
	DateEnd        string            `json:"date_end,omitempty"`
	DatePrecision  int               `json:"date_precision,omitempty"`
	EventType      sitrep.EventType  `json:"event_type"`
	Mode           string            `json:"mode,omitempty"`
	SourceActor    string            `json:"source_actor,omitempty"`
	SourceActorID  string            `json:"source_actor_id,omitempty"`
	SourceAgent    string            `json:"source_agent,omitempty"`
	SourceCountry  string            `json:"source_country,omitempty"`
	TargetActor    string            `json:"target_actor,omitempty"`
	TargetActorID  string            `json:"target_actor_id,omitempty"`
	TargetAgent    string            `json:"target_agent,omitempty"`
	TargetCountry  string            `json:"target_country,omitempty"`
	Associated     []string          `json:"associated,omitempty"`
	Location       *sitrep.Location  `json:"location,omitempty"`
	Fatalities     *int              `json:"fatalities,omitempty"`
	Injuries       *int              `json:"injuries,omitempty"`
	Quantities     []sitrep.Quantity `json:"quantities,omitempty"`
	Modality       sitrep.Modality   `json:"modality"`
	Happened       bool              `json:"happened"`
	Sources        []string          `json:"sources"`
	Outlets        []string          `json:"outlets"`
	Reports        int               `json:"reports"`
	FirstReported  string            `json:"first_reported,omitempty"`
	LastReported   string            `json:"last_reported,omitempty"`
	Confidence     float64           `json:"confidence"`
	Conflicts      []sitrep.Conflict `json:"conflicts,omitempty"`
	Evidence       string            `json:"evidence,omitempty"`
	ACLEDEventType string            `json:"acled_event_type,omitempty"`
	ACLEDSubType   string            `json:"acled_sub_event_type,omitempty"`
}

// PloverOf returns the PLOVER-style form of an event.
func PloverOf(e *sitrep.EventRecord) Plover {
	ev := &e.Event
	p := Plover{ID: e.ID, EventType: ev.Type, Mode: ev.Mode, Location: ev.Location, Fatalities: ev.Fatalities, Injuries: ev.Injuries,
		Quantities: ev.Quantities, Modality: ev.Modality, Happened: e.Happened, Sources: e.Sources, Outlets: e.Outlets,
		Reports: e.ReportCount, FirstReported: timeString(e.FirstReported), LastReported: timeString(e.LastReported),
		Confidence: ev.Confidence, Conflicts: e.Conflicts, Evidence: ev.Evidence.Text,
		ACLEDEventType: ev.ACLEDEventType, ACLEDSubType: ev.ACLEDSubEventType}
	if ev.Date != nil {
		p.Date, p.DateEnd, p.DatePrecision = ev.Date.Start, ev.Date.End, ev.Date.Precision
	}
	if a := ev.Actor1; a != nil {
		p.SourceActor, p.SourceActorID, p.SourceAgent, p.SourceCountry = a.Name, a.ID, a.Sector, a.Country
	}
	if a := ev.Actor2; a != nil {
		p.TargetActor, p.TargetActorID, p.TargetAgent, p.TargetCountry = a.Name, a.ID, a.Sector, a.Country
	}
	for _, a := range ev.Associated {
		p.Associated = append(p.Associated, a.Name)
	}
	if p.Sources == nil {
		p.Sources = []string{}
	}
	if p.Outlets == nil {
		p.Outlets = []string{}
	}
	return p
}

type ploverWriter struct {
	w *bufio.Writer
	j jsonBuf
}

func (p *ploverWriter) Write(e *sitrep.EventRecord) (bool, error) {
	pl := PloverOf(e)
	p.j.b, p.j.err = p.j.b[:0], nil
	p.j.plover(&pl)
	if p.j.err != nil {
		return false, fmt.Errorf("event %s: %w", e.ID, p.j.err)
	}
	p.j.b = append(p.j.b, '\n')
	_, err := p.w.Write(p.j.b)
	return true, err
}

func (p *ploverWriter) Close() error { return p.w.Flush() }

type geoWriter struct {
	w     *bufio.Writer
	enc   *json.Encoder
	n     int
	start bool
}

// feature is a GeoJSON Feature with a Point geometry.
type feature struct {
	Type       string   `json:"type"`
	ID         string   `json:"id"`
	Geometry   point    `json:"geometry"`
	Properties geoProps `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

type geoProps struct {
	EventType     sitrep.EventType `json:"event_type"`
	Mode          string           `json:"mode,omitempty"`
	Date          string           `json:"date,omitempty"`
	DateEnd       string           `json:"date_end,omitempty"`
	Actor1        string           `json:"actor1,omitempty"`
	Actor2        string           `json:"actor2,omitempty"`
	Place         string           `json:"place"`
	Country       string           `json:"country,omitempty"`
	GeoPrecision  int              `json:"geo_precision"`
	Fatalities    *int             `json:"fatalities,omitempty"`
	Modality      sitrep.Modality  `json:"modality"`
	Happened      bool             `json:"happened"`
	Sources       int              `json:"independent_sources"`
	Reports       int              `json:"reports"`
	FirstReported string           `json:"first_reported,omitempty"`
	Confidence    float64          `json:"confidence"`
	Evidence      string           `json:"evidence,omitempty"`
}

func (g *geoWriter) begin() error {
	if g.start {
		return nil
	}
	g.start = true
	_, err := g.w.WriteString(`{"type":"FeatureCollection","features":[` + "\n")
	return err
}

func (g *geoWriter) Write(e *sitrep.EventRecord) (bool, error) {
	if err := g.begin(); err != nil {
		return false, err
	}
	ev := &e.Event
	l := ev.Location
	if l == nil {
		return false, nil
	}
	if g.n > 0 {
		if _, err := g.w.WriteString(","); err != nil {
			return false, err
		}
	}
	g.n++
	f := feature{Type: "Feature", ID: e.ID, Geometry: point{Type: "Point", Coordinates: [2]float64{l.Lon, l.Lat}},
		Properties: geoProps{EventType: ev.Type, Mode: ev.Mode, Actor1: actorName(ev.Actor1), Actor2: actorName(ev.Actor2),
			Place: l.Name, Country: l.Country, GeoPrecision: l.Precision, Fatalities: ev.Fatalities, Modality: ev.Modality,
			Happened: e.Happened, Sources: len(e.Sources), Reports: e.ReportCount, FirstReported: timeString(e.FirstReported),
			Confidence: ev.Confidence, Evidence: ev.Evidence.Text}}
	if ev.Date != nil {
		f.Properties.Date, f.Properties.DateEnd = ev.Date.Start, ev.Date.End
	}
	return true, g.enc.Encode(f)
}

func (g *geoWriter) Close() error {
	if err := g.begin(); err != nil {
		return err
	}
	if _, err := g.w.WriteString("]}\n"); err != nil {
		return err
	}
	return g.w.Flush()
}
