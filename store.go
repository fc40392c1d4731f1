package sitrep

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// Store keeps coded articles and the events corroborated from them. Package
// sqlite (one embedded file, the default) and package postgres implement
// it with the same schema and the same behaviour; internal/storetest holds
// the conformance suite both pass.
//
// Writes are transactional: Put stores a whole document or nothing. Reads
// never see half an article.
type Store interface {
	// Seen reports whether an article with this fingerprint is already
	// stored, as itself or as a copy (same canonical URL, same content
	// hash, or a near-duplicate text), and returns the stored article's
	// id. Ingest calls it before coding an article to skip the work.
	Seen(ctx context.Context, fp Fingerprint) (articleID string, ok bool, err error)

	// Put stores a coded document in one transaction. A page already
	// stored under the same canonical URL, or the same or a near-duplicate
	// text from an outlet that already carries it, adds nothing
	// (PutDuplicate); the same or a near-duplicate text from another
	// outlet (a syndicated copy) adds that outlet to the stored article
	// and its events (PutCopy); otherwise the article, its annotations,
	// its events' reports and mentions and its actors, places and
	// relations are stored and each event is linked to the corroborated
	// event it reports, or starts a new one (PutNew).
	Put(ctx context.Context, c Coded) (PutResult, error)

	// Article returns a stored article with its annotations (all but
	// tokens), every outlet that carried it, and its event reports.
	// ENOTFOUND when there is none.
	Article(ctx context.Context, id string) (*ArticleRecord, error)
	// Articles lists articles, newest first, without annotations.
	Articles(ctx context.Context, f ArticleFilter) (ArticlePage, error)

	// Event returns a corroborated event with all its reports: each
	// report's article, outlets, attribution chain, evidence and mentions.
	// ENOTFOUND when there is none.
	Event(ctx context.Context, id string) (*EventRecord, error)
	// Events lists events matching the filter, latest event date first,
	// a page at a time; reports are left out (Reports is nil).
	Events(ctx context.Context, f EventFilter) (EventPage, error)
	// EachEvent calls fn for every event matching the filter in the order
	// of Events, streaming: memory stays constant however many events
	// match. Limit and Cursor are honoured (Limit 0: no limit). An error
	// from fn stops the walk and is returned.
	EachEvent(ctx context.Context, f EventFilter, fn func(*EventRecord) error) error
	// Counts aggregates the events matching the filter (Cursor and Limit
	// ignored) by day, week, month, type, country, admin1, place, actor or
	// modality, largest group first for categories and in time order for
	// days, weeks and months.
	Counts(ctx context.Context, f EventFilter, by CountBy) ([]Count, error)

	// Actor returns an actor with its relations. ENOTFOUND when unknown.
	Actor(ctx context.Context, id string) (*ActorRecord, error)
	// Actors lists actors, most events first.
	Actors(ctx context.Context, f ActorFilter) (ActorPage, error)

	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)

	Close() error
}

// Coded is a document ready to store: the article as the pipeline
// annotated it, its fingerprint, and where ingest read it.
type Coded struct {
	Doc         *Document
	Fingerprint Fingerprint
	// Origin names the input (Item.Origin), kept with the article's copy.
	Origin string
}

// PutStatus says what Put did with a document.
type PutStatus string

// Put outcomes.
const (
	PutNew       PutStatus = "new"       // a new article was stored
	PutCopy      PutStatus = "copy"      // a near-duplicate: its outlet was added to a stored article
	PutDuplicate PutStatus = "duplicate" // already stored: nothing changed
)

// PutResult reports what Put did.
type PutResult struct {
	Status PutStatus
	// ArticleID is the id of the stored article the document became or
	// was found to be a copy of.
	ArticleID string
	// Events lists the corroborated events the document's events were
	// linked to, in the order of Document.Events (PutNew only).
	Events []string
	// NewEvents counts those the document started.
	NewEvents int
}

// Copy is one outlet's publication of an article. Syndicated wire copies
// and re-posts are one article with several copies.
type Copy struct {
	Outlet    string    `json:"outlet,omitempty"`
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published"`
	// Origin is where ingest read it (file, line, feed, WARC record).
	Origin string `json:"origin,omitempty"`
	// Match says how the copy was recognised: "original" for the first
	// one stored, "near" for a near-duplicate text.
	Match string `json:"match"`
	// Similarity is the estimated Jaccard similarity of the copy's text to
	// the original's (1 for the original and exact copies).
	Similarity float64 `json:"similarity"`
}

// ArticleRecord is a stored article.
type ArticleRecord struct {
	// Document is the article with its annotations as the pipeline left
	// them, except tokens, which are not stored.
	Document    *Document
	Fingerprint Fingerprint
	Copies      []Copy
	Ingested    time.Time
	// Reports are the events coded from this article, each with the id
	// of the corroborated event it belongs to.
	Reports []Report
}

// ArticleSummary is an article in a list.
type ArticleSummary struct {
	ID        string    `json:"id"`
	Title     string    `json:"title,omitempty"`
	URL       string    `json:"url,omitempty"`
	Outlets   []string  `json:"outlets"`
	Published time.Time `json:"published"`
	Ingested  time.Time `json:"ingested"`
	Length    int       `json:"length"`
	Events    int       `json:"events"`
}

// ArticleFilter selects articles.
type ArticleFilter struct {
	// Since and Until bound the publication date, inclusive (YYYY-MM-DD).
	Since, Until string
	Outlet       string
	// Text is a full-text query over titles and texts.
	Text   string
	Cursor string
	Limit  int
}

// ArticlePage is one page of articles; Next is the cursor of the next
// page, empty on the last.
type ArticlePage struct {
	Articles []ArticleSummary
	Next     string
}

// Report is one article's account of an event: the event as coded from
// that article, with its attribution chain, evidence and mentions.
type Report struct {
	// ID is ArticleID + "/" + Event.ID.
	ID        string `json:"id"`
	ArticleID string `json:"article_id"`
	// EventID is the corroborated event the report is linked to.
	EventID string `json:"event_id"`
	Title   string `json:"title,omitempty"`
	URL     string `json:"url,omitempty"`
	// Outlets lists every outlet that carried the article, the original
	// publisher first.
	Outlets   []string  `json:"outlets"`
	Published time.Time `json:"published"`
	// Source is the independent source the report counts as: the first
	// cited outlet of the attribution chain ("according to Reuters") when
	// there is one, else the original publisher.
	Source string `json:"source"`
	Event  Event  `json:"event"`
	// Score is how well the report matched the event when it was linked;
	// 1 for the report that started it.
	Score float64 `json:"score"`
}

// EventRecord is a corroborated event: one happening and every report of
// it.
type EventRecord struct {
	ID string `json:"id"`
	// Event is the consensus coding: the type, actors, place and date most
	// reports agree on, the evidence of the best report, the combined
	// attribution. Its Confidence is the corroboration confidence.
	Event Event `json:"event"`
	// Happened is false for events every report calls planned,
	// hypothetical, negated or denied.
	Happened bool `json:"happened"`
	// Sources lists the independent sources (see Report.Source), first
	// reporter first.
	Sources []string `json:"sources"`
	// Outlets lists every outlet that carried a report, syndicated copies
	// included.
	Outlets       []string   `json:"outlets"`
	ReportCount   int        `json:"report_count"`
	ArticleCount  int        `json:"article_count"`
	FirstReported time.Time  `json:"first_reported"`
	LastReported  time.Time  `json:"last_reported"`
	Conflicts     []Conflict `json:"conflicts,omitempty"`
	// Reports is filled by Store.Event and by corroboration; lists leave
	// it nil.
	Reports []Report `json:"reports,omitempty"`
}

// Conflict is a point on which the reports of an event disagree, kept
// visible rather than resolved: "fatalities": 12 per two reports, 15 per
// one.
type Conflict struct {
	// Field is "type", "modality", "fatalities", "injuries", "actor1",
	// "actor2", "location", "date" or "quantity:UNIT".
	Field  string          `json:"field"`
	Values []ConflictValue `json:"values"`
}

// ConflictValue is one side of a conflict and the reports that hold it.
type ConflictValue struct {
	Value   string   `json:"value"`
	Reports []string `json:"reports"`
}

// Corroborator decides which corroborated event a report belongs to and
// recomputes an event from its reports. Package corroborate holds sitrep's
// rule; stores call it inside their write transaction.
type Corroborator interface {
	// Windows returns the filters whose union selects the candidate
	// events a report could belong to (by date and type, and by place or
	// actor); none when the report can belong to no stored event.
	Windows(r *Report) []EventFilter
	// Score rates how likely it is that r reports e's happening: 0 means
	// not the same happening; the store links r to the best-scoring
	// candidate above 0, or starts a new event.
	Score(r *Report, e *EventRecord) float64
	// Merge recomputes e's consensus coding, sources, outlets, report
	// times, conflicts and confidence from e.Reports.
	Merge(e *EventRecord)
}

// EventFilter selects events. The zero filter selects every event.
type EventFilter struct {
	// Since and Until (YYYY-MM-DD, inclusive) select events whose date
	// range overlaps [Since, Until]; either may be empty.
	Since, Until string
	// BBox selects events located inside the box.
	BBox *BBox
	// Actor selects events with the actor as actor1, actor2 or an
	// associated actor: a canonical id, or a name (case-insensitive).
	Actor string
	// Country is the ISO 3166 alpha-3 code of the event's location.
	Country    string
	Types      []EventType
	Modalities []Modality
	// HappenedOnly leaves out events no report says happened.
	HappenedOnly bool
	// MinSources is the least number of independent sources.
	MinSources int
	// Text is a full-text query over the events' evidence.
	Text string
	// ArticleID selects the events an article reports.
	ArticleID string
	// Cursor continues a previous page (EventPage.Next).
	Cursor string
	// Limit caps a page; 0 means DefaultLimit, and MaxLimit is the most.
	Limit int
}

// Page sizes.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

// PageLimit returns the page size a limit means: DefaultLimit for 0,
// clamped to MaxLimit.
func PageLimit(n int) int {
	if n <= 0 {
		return DefaultLimit
	}
	return min(n, MaxLimit)
}

// Validate checks the filter's fields and says which one is wrong.
func (f *EventFilter) Validate() error {
	for _, d := range []struct{ name, v string }{{"since", f.Since}, {"until", f.Until}} {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d.v); err != nil {
			return Errorf(EINVALID, "%s: %q is not a date; use YYYY-MM-DD", d.name, d.v)
		}
	}
	if f.Since != "" && f.Until != "" && f.Since > f.Until {
		return Errorf(EINVALID, "since %s is after until %s", f.Since, f.Until)
	}
	if f.BBox != nil {
		if err := f.BBox.Validate(); err != nil {
			return err
		}
	}
	for _, t := range f.Types {
		if !t.Valid() {
			return Errorf(EINVALID, "type: %q is not a PLOVER event type (one of %s)", t, joinTypes())
		}
	}
	for _, m := range f.Modalities {
		if !m.Valid() {
			return Errorf(EINVALID, "modality: %q is not a modality", m)
		}
	}
	if f.MinSources < 0 {
		return Errorf(EINVALID, "min sources: %d is negative", f.MinSources)
	}
	if f.Limit < 0 {
		return Errorf(EINVALID, "limit: %d is negative", f.Limit)
	}
	return nil
}

func joinTypes() string {
	s := make([]string, len(EventTypes))
	for i, t := range EventTypes {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}

// Valid reports whether t is one of EventTypes.
func (t EventType) Valid() bool {
	for _, x := range EventTypes {
		if t == x {
			return true
		}
	}
	return false
}

// Modalities lists every modality.
var Modalities = []Modality{Asserted, Reported, Claimed, Alleged, Denied, Planned, Hypothetical, Negated}

// Valid reports whether m is one of Modalities.
func (m Modality) Valid() bool {
	for _, x := range Modalities {
		if m == x {
			return true
		}
	}
	return false
}

// EventPage is one page of events; Next is the cursor of the next page,
// empty on the last.
type EventPage struct {
	Events []EventRecord
	Next   string
}

// BBox is a longitude/latitude box, as GeoJSON orders it.
type BBox struct {
	MinLon, MinLat, MaxLon, MaxLat float64
}

// ParseBBox reads "minlon,minlat,maxlon,maxlat".
func ParseBBox(s string) (BBox, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return BBox{}, Errorf(EINVALID, "bbox %q: want minlon,minlat,maxlon,maxlat", s)
	}
	var v [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return BBox{}, Errorf(EINVALID, "bbox %q: %q is not a number", s, p)
		}
		v[i] = f
	}
	b := BBox{MinLon: v[0], MinLat: v[1], MaxLon: v[2], MaxLat: v[3]}
	return b, b.Validate()
}

// Validate checks that the box is a box on the globe.
func (b BBox) Validate() error {
	if b.MinLon < -180 || b.MaxLon > 180 || b.MinLat < -90 || b.MaxLat > 90 {
		return Errorf(EINVALID, "bbox %v is off the globe: longitudes run -180..180, latitudes -90..90", b)
	}
	if b.MinLon > b.MaxLon || b.MinLat > b.MaxLat {
		return Errorf(EINVALID, "bbox %v: minimums exceed maximums; order is minlon,minlat,maxlon,maxlat", b)
	}
	return nil
}

// Contains reports whether the point lies in the box.
func (b BBox) Contains(lat, lon float64) bool {
	return b.MinLat <= lat && lat <= b.MaxLat && b.MinLon <= lon && lon <= b.MaxLon
}

// CountBy names an aggregation of events.
type CountBy string

// Aggregations.
const (
	ByDay      CountBy = "day"
	ByWeek     CountBy = "week"  // key: the Monday, YYYY-MM-DD
	ByMonth    CountBy = "month" // key: YYYY-MM
	ByType     CountBy = "type"
	ByCountry  CountBy = "country"
	ByAdmin1   CountBy = "admin1"
	ByPlace    CountBy = "place" // key: GeoNames id, or the place name
	ByActor    CountBy = "actor" // actor1 and actor2
	ByModality CountBy = "modality"
)

// CountBys lists the aggregations.
var CountBys = []CountBy{ByDay, ByWeek, ByMonth, ByType, ByCountry, ByAdmin1, ByPlace, ByActor, ByModality}

// Valid reports whether by is one of CountBys.
func (by CountBy) Valid() bool {
	for _, x := range CountBys {
		if by == x {
			return true
		}
	}
	return false
}

// Count is one group of an aggregation.
type Count struct {
	Key string `json:"key"`
	// Label is a readable name for the key (an actor's or place's name).
	Label      string `json:"label,omitempty"`
	Events     int    `json:"events"`
	Fatalities int    `json:"fatalities"`
	// Lat and Lon locate a place group.
	Lat *float64 `json:"lat,omitempty"`
	Lon *float64 `json:"lon,omitempty"`
}

// ActorRecord is an actor as the store knows it: from events, relations
// and entity resolution across all articles.
type ActorRecord struct {
	ActorRef
	// Events counts the corroborated events it takes part in; Articles the
	// articles mentioning it.
	Events   int `json:"events"`
	Articles int `json:"articles"`
	// FirstSeen and LastSeen are the earliest and latest event dates.
	FirstSeen string `json:"first_seen,omitempty"`
	LastSeen  string `json:"last_seen,omitempty"`
	// Relations are filled by Store.Actor: every relation from or to it.
	Relations []RelationRecord `json:"relations,omitempty"`
}

// RelationRecord is a relation read from one article.
type RelationRecord struct {
	Relation
	ArticleID string    `json:"article_id"`
	Published time.Time `json:"published"`
}

// ActorFilter selects actors.
type ActorFilter struct {
	// Query matches ids and names by prefix, case-insensitive.
	Query   string
	Country string
	Cursor  string
	Limit   int
}

// ActorPage is one page of actors.
type ActorPage struct {
	Actors []ActorRecord
	Next   string
}

// ActorKey returns the key a store files an actor under: its canonical id,
// or "name:" and its lower-cased name for one no dictionary knows; "" for
// a nil or nameless reference.
func ActorKey(a *ActorRef) string {
	if a == nil {
		return ""
	}
	if a.ID != "" {
		return a.ID
	}
	n := strings.ToLower(strings.Join(strings.Fields(a.Name), " "))
	if n == "" {
		return ""
	}
	return "name:" + n
}

// Stats counts what a store holds.
type Stats struct {
	Articles  int `json:"articles"`
	Copies    int `json:"copies"`
	Reports   int `json:"reports"`
	Events    int `json:"events"`
	Actors    int `json:"actors"`
	Places    int `json:"places"`
	Relations int `json:"relations"`
	// LastIngest is when the newest article was stored.
	LastIngest time.Time `json:"last_ingest"`
}
