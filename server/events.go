package server

import (
	"context"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/export"
)

// eventList is the answer of GET /api/v1/events.
type eventList struct {
	Events []sitrep.EventRecord `json:"events"`
	// Next continues the list (the cursor parameter); empty on the last
	// page.
	Next string `json:"next"`
}

func (s *Server) pageFilter(r *http.Request) (sitrep.EventFilter, error) {
	p, err := readParams(r.URL, filterParams, []string{"cursor", "limit"})
	if err != nil {
		return sitrep.EventFilter{}, err
	}
	f, err := p.eventFilter(s.cfg.MaxQueryText)
	if err != nil {
		return f, err
	}
	f.Cursor = p.get("cursor")
	f.Limit, err = p.limit(s.cfg.MaxPage)
	return f, err
}

// eventPage reads the page of events a request's filter selects.
func (s *Server) eventPage(r *http.Request) (sitrep.EventPage, error) {
	f, err := s.pageFilter(r)
	if err != nil {
		return sitrep.EventPage{}, err
	}
	return s.cfg.Store.Events(r.Context(), f)
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) error {
	page, err := s.eventPage(r)
	if err != nil {
		return err
	}
	if page.Events == nil {
		page.Events = []sitrep.EventRecord{}
	}
	s.writeJSON(w, r, http.StatusOK, eventList{Events: page.Events, Next: page.Next})
	return nil
}

// featureCollection is the answer of GET /api/v1/events.geojson: a GeoJSON
// FeatureCollection with the cursor of the next page as a foreign member.
type featureCollection struct {
	Type     string    `json:"type"`
	Features []feature `json:"features"`
	Next     string    `json:"next"`
}

// feature is one event. Geometry is null for an event with no coded
// location (RFC 7946 §3.2: an unlocated feature), so a page lists every
// event the filter selects and a map draws those it can.
type feature struct {
	Type       string       `json:"type"`
	ID         string       `json:"id"`
	Geometry   *point       `json:"geometry"`
	Properties featureProps `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

// featureProps are what a map and a list need to draw an event without
// fetching it: its coding, how sure, and how well sourced.
type featureProps struct {
	Type       sitrep.EventType `json:"type"`
	Mode       string           `json:"mode,omitempty"`
	ACLEDType  string           `json:"acled_event_type,omitempty"`
	Modality   sitrep.Modality  `json:"modality"`
	Happened   bool             `json:"happened"`
	Date       string           `json:"date,omitempty"`
	DateEnd    string           `json:"date_end,omitempty"`
	DatePrec   int              `json:"date_precision,omitempty"`
	Actor1     string           `json:"actor1,omitempty"`
	Actor1ID   string           `json:"actor1_id,omitempty"`
	Actor2     string           `json:"actor2,omitempty"`
	Actor2ID   string           `json:"actor2_id,omitempty"`
	Place      string           `json:"place,omitempty"`
	Country    string           `json:"country,omitempty"`
	Admin1     string           `json:"admin1,omitempty"`
	GeoPrec    int              `json:"geo_precision,omitempty"`
	Fatalities *int             `json:"fatalities,omitempty"`
	Sources    int              `json:"sources"`
	Reports    int              `json:"reports"`
	Conflicts  []string         `json:"conflicts,omitempty"`
	Confidence float64          `json:"confidence"`
	// Evidence is the main sentence, cut to evidenceMax bytes.
	Evidence string `json:"evidence,omitempty"`
}

// evidenceMax is the longest evidence a GeoJSON feature carries; the event
// detail has all of it.
const evidenceMax = 400

func toFeature(e *sitrep.EventRecord) feature {
	ev := &e.Event
	f := feature{Type: "Feature", ID: e.ID, Properties: featureProps{Type: ev.Type, Mode: ev.Mode, ACLEDType: ev.ACLEDEventType,
		Modality: ev.Modality, Happened: e.Happened, Fatalities: ev.Fatalities, Sources: len(e.Sources), Reports: e.ReportCount,
		Confidence: ev.Confidence, Evidence: cut(ev.Evidence.Text, evidenceMax)}}
	if ev.Date != nil {
		f.Properties.Date, f.Properties.DateEnd, f.Properties.DatePrec = ev.Date.Start, ev.Date.End, ev.Date.Precision
	}
	if a := ev.Actor1; a != nil {
		f.Properties.Actor1, f.Properties.Actor1ID = a.Name, sitrep.ActorKey(a)
	}
	if a := ev.Actor2; a != nil {
		f.Properties.Actor2, f.Properties.Actor2ID = a.Name, sitrep.ActorKey(a)
	}
	if l := ev.Location; l != nil {
		f.Geometry = &point{Type: "Point", Coordinates: [2]float64{l.Lon, l.Lat}}
		f.Properties.Place, f.Properties.Country, f.Properties.Admin1, f.Properties.GeoPrec = l.Name, l.Country, l.Admin1, l.Precision
	}
	for _, c := range e.Conflicts {
		f.Properties.Conflicts = append(f.Properties.Conflicts, c.Field)
	}
	return f
}

// cut shortens s to at most n bytes at a rune boundary, marking the cut.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.TrimRight(s[:n], " ") + "…"
}

func (s *Server) eventsGeoJSON(w http.ResponseWriter, r *http.Request) error {
	page, err := s.eventPage(r)
	if err != nil {
		return err
	}
	fc := featureCollection{Type: "FeatureCollection", Features: make([]feature, len(page.Events)), Next: page.Next}
	for i := range page.Events {
		fc.Features[i] = toFeature(&page.Events[i])
	}
	s.writeJSON(w, r, http.StatusOK, fc)
	return nil
}

func (s *Server) event(w http.ResponseWriter, r *http.Request) error {
	if _, err := readParams(r.URL); err != nil {
		return err
	}
	e, err := s.cfg.Store.Event(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	s.writeJSON(w, r, http.StatusOK, e)
	return nil
}

// countList is the answer of GET /api/v1/counts.
type countList struct {
	By     sitrep.CountBy `json:"by"`
	Counts []sitrep.Count `json:"counts"`
}

func (s *Server) counts(w http.ResponseWriter, r *http.Request) error {
	p, err := readParams(r.URL, filterParams, []string{"by"})
	if err != nil {
		return err
	}
	f, err := p.eventFilter(s.cfg.MaxQueryText)
	if err != nil {
		return err
	}
	by := sitrep.CountBy(strings.ToLower(p.get("by")))
	if !by.Valid() {
		names := make([]string, len(sitrep.CountBys))
		for i, b := range sitrep.CountBys {
			names[i] = string(b)
		}
		return sitrep.Errorf(sitrep.EINVALID, "by: %q is not an aggregation; use one of %s", p.get("by"), strings.Join(names, ", "))
	}
	c, err := s.cfg.Store.Counts(r.Context(), f, by)
	if err != nil {
		return err
	}
	if c == nil {
		c = []sitrep.Count{}
	}
	s.writeJSON(w, r, http.StatusOK, countList{By: by, Counts: c})
	return nil
}

// exportTypes gives each export format its media type and file name.
var exportTypes = map[export.Format]struct{ mime, file string }{
	export.ACLEDCSV:    {"text/csv; charset=utf-8", "sitrep-events-acled.csv"},
	export.CSV:         {"text/csv; charset=utf-8", "sitrep-events.csv"},
	export.PLOVERJSONL: {"application/x-ndjson", "sitrep-events-plover.jsonl"},
	export.GeoJSON:     {"application/geo+json", "sitrep-events.geojson"},
}

// export streams every event the filter selects in an export format, as
// sitrep export writes it, bounded by ExportTimeout rather than a page.
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.ExportTimeout)
	defer cancel()
	r = r.WithContext(ctx)
	p, err := readParams(r.URL, filterParams, []string{"format", "limit"})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	f, err := p.eventFilter(s.cfg.MaxQueryText)
	if err == nil {
		f.Limit, err = p.integer("limit", 0)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	format := export.Format(p.get("format"))
	if format == "" {
		format = export.CSV
	}
	t, ok := exportTypes[format]
	if !ok {
		s.writeError(w, r, sitrep.Errorf(sitrep.EINVALID, "format: %q is not an export format; use acled-csv, csv, plover-jsonl or geojson", format))
		return
	}
	// Nothing is written until the first event is ready, so a failing
	// query still gets a JSON error with its status.
	lw := &lazyWriter{w: w, start: func() {
		w.Header().Set("Content-Type", t.mime)
		w.Header().Set("Content-Disposition", `attachment; filename="`+t.file+`"`)
		w.Header().Set("Cache-Control", "no-store")
	}}
	ew, err := export.New(format, lw)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	n := 0
	err = s.cfg.Store.EachEvent(ctx, f, func(e *sitrep.EventRecord) error {
		n++
		_, err := ew.Write(e)
		return err
	})
	if err == nil {
		err = ew.Close()
	}
	if err != nil {
		if !lw.started {
			s.writeError(w, r, err)
			return
		}
		// Half an export is worse than none: cut the connection so the
		// client sees a truncated download rather than a short file.
		s.log.Error("export failed after it began", "format", format, "events", n, "err", err)
		panic(http.ErrAbortHandler)
	}
	if !lw.started {
		lw.start()
		lw.started = true
		w.WriteHeader(http.StatusOK)
	}
}

// lazyWriter sets the headers and status on the first write.
type lazyWriter struct {
	w       http.ResponseWriter
	start   func()
	started bool
}

func (l *lazyWriter) Write(b []byte) (int, error) {
	if !l.started {
		l.started = true
		l.start()
		l.w.WriteHeader(http.StatusOK)
	}
	return l.w.Write(b)
}
