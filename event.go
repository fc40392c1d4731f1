package sitrep

// EventType is a PLOVER event category as POLECAT codes it.
type EventType string

// The sixteen PLOVER categories.
const (
	Accuse    EventType = "ACCUSE"
	Agree     EventType = "AGREE"
	Aid       EventType = "AID"
	Assault   EventType = "ASSAULT"
	Coerce    EventType = "COERCE"
	Concede   EventType = "CONCEDE"
	Consult   EventType = "CONSULT"
	Cooperate EventType = "COOPERATE"
	Mobilize  EventType = "MOBILIZE"
	Protest   EventType = "PROTEST"
	Reject    EventType = "REJECT"
	Request   EventType = "REQUEST"
	Retreat   EventType = "RETREAT"
	Sanction  EventType = "SANCTION"
	Support   EventType = "SUPPORT"
	Threaten  EventType = "THREATEN"
)

// EventTypes lists the PLOVER categories in alphabetical order.
var EventTypes = []EventType{Accuse, Agree, Aid, Assault, Coerce, Concede, Consult,
	Cooperate, Mobilize, Protest, Reject, Request, Retreat, Sanction, Support, Threaten}

// Modality says whether an event happened according to the text.
type Modality string

// Modalities. Only asserted, reported, claimed and alleged events may have
// happened; planned, hypothetical, negated and denied ones are kept and
// flagged but never counted as having happened.
const (
	Asserted     Modality = "asserted"     // the outlet states it as fact
	Reported     Modality = "reported"     // the outlet attributes it to a source
	Claimed      Modality = "claimed"      // a party claims it, typically its own act
	Alleged      Modality = "alleged"      // a party alleges it of another
	Denied       Modality = "denied"       // a party denies it
	Planned      Modality = "planned"      // intended, poised, preparing, threatened
	Hypothetical Modality = "hypothetical" // conditional, could, would
	Negated      Modality = "negated"      // did not happen
)

// Happened reports whether an event of this modality is counted as having
// taken place.
func (m Modality) Happened() bool {
	switch m {
	case Asserted, Reported, Claimed, Alleged:
		return true
	}
	return false
}

// SourceRole is the part a source plays in an attribution chain.
type SourceRole string

// Source roles, outermost first: the outlet publishing the article, outlets
// it cites, the person or body speaking, a document quoted.
const (
	RoleOutlet      SourceRole = "outlet"
	RoleCitedOutlet SourceRole = "cited-outlet"
	RoleSpeaker     SourceRole = "speaker"
	RoleDocument    SourceRole = "document"
)

// ActorRef names an actor taking part in an event or relation.
type ActorRef struct {
	// ID is the canonical actor id; empty for an actor the dictionary does
	// not know, which is then named by its text.
	ID      string `json:"id,omitempty"`
	Name    string `json:"name"`
	Country string `json:"country,omitempty"` // ISO 3166 alpha-3
	Sector  string `json:"sector,omitempty"`
	Kind    string `json:"kind,omitempty"`
	// Text and Span locate the mention the actor was read from.
	Text string `json:"text,omitempty"`
	*Span
}

// Location is where an event happened.
type Location struct {
	Name        string  `json:"name"`
	GeonamesID  int64   `json:"geonames_id,omitempty"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	Country     string  `json:"country,omitempty"`
	Admin1      string  `json:"admin1,omitempty"`
	Precision   int     `json:"precision"`
	Text        string  `json:"text,omitempty"`
	Anchor      *Anchor `json:"anchor,omitempty"`
	FeatureCode string  `json:"feature_code,omitempty"`
}

// Date precision codes, as ACLED's time_precision.
const (
	DateDay   = 1
	DateWeek  = 2
	DateMonth = 3 // a month or longer
)

// DateRange is when an event happened: a day, or a range of days when the
// text is vaguer. Dates are civil dates, YYYY-MM-DD.
type DateRange struct {
	Start     string `json:"start"`
	End       string `json:"end"`
	Precision int    `json:"precision"`
	Text      string `json:"text,omitempty"`
}

// Quantity is a counted thing: "over 1,000 fighters", "three military
// planes". Min and Max bound the value when the text is approximate.
type Quantity struct {
	Value int64  `json:"value"`
	Min   int64  `json:"min"`
	Max   int64  `json:"max,omitempty"`
	Unit  string `json:"unit"`
	Text  string `json:"text,omitempty"`
}

// Attribution is one link of an event's attribution chain.
type Attribution struct {
	Name    string     `json:"name"`
	Role    SourceRole `json:"role"`
	ActorID string     `json:"actor_id,omitempty"`
	*Span
}

// Evidence is a stretch of text an annotation was read from.
type Evidence struct {
	Text string `json:"text"`
	Span
}

// Event is one happening — or a claimed, denied or planned one — coded from
// the text.
type Event struct {
	ID   string    `json:"id"`
	Type EventType `json:"type"`
	// Mode refines the type: ASSAULT by aerial, drone, firearms ...;
	// CONSULT by phone, visit ...
	Mode string `json:"mode,omitempty"`
	// ACLED type and sub-type, spelled as ACLED's columns, where ACLED
	// would record the event; empty otherwise.
	ACLEDEventType    string `json:"acled_event_type,omitempty"`
	ACLEDSubEventType string `json:"acled_sub_event_type,omitempty"`
	Interaction       int    `json:"interaction,omitempty"`

	Actor1 *ActorRef `json:"actor1,omitempty"`
	Actor2 *ActorRef `json:"actor2,omitempty"`
	// Associated actors fighting or acting beside actor1 or actor2.
	Associated []ActorRef `json:"associated,omitempty"`

	Location *Location `json:"location,omitempty"`
	// Places mentioned with the event besides its location (origin of a
	// retreat, the anchor of a front line).
	OtherPlaces []Location `json:"other_places,omitempty"`
	Date        *DateRange `json:"date,omitempty"`

	Quantities []Quantity `json:"quantities,omitempty"`
	// Fatalities follows ACLED's conservative rule; nil when the text gives
	// no figure.
	Fatalities *int `json:"fatalities,omitempty"`
	Injuries   *int `json:"injuries,omitempty"`

	Modality Modality      `json:"modality"`
	Sources  []Attribution `json:"sources,omitempty"`

	// Evidence is the main sentence; Mentions lists every stretch of the
	// report that speaks of this event, the main one first.
	Evidence Evidence   `json:"evidence"`
	Mentions []Evidence `json:"mentions,omitempty"`
	// Confidence in [0,1]: how sure the coder is of the type and actors.
	Confidence float64 `json:"confidence,omitempty"`
	// Inter1 and Inter2 are ACLED's actor categories of actor1 and actor2
	// (1 state forces … 8 external/other), 0 when unknown or absent; set
	// with the ACLED type. (Last, so stored records stay readable.)
	Inter1 int `json:"inter1,omitempty"`
	Inter2 int `json:"inter2,omitempty"`
}

// RelationType names a standing relation between actors.
type RelationType string

// Relation types.
const (
	Supports RelationType = "SUPPORT"
	Leads    RelationType = "LEADS"
	LoyalTo  RelationType = "LOYAL_TO"
	MemberOf RelationType = "MEMBER_OF"
	Opposes  RelationType = "OPPOSES"
)

// Relation is a standing tie between two actors read from the text.
type Relation struct {
	Type     RelationType `json:"type"`
	From     ActorRef     `json:"from"`
	To       ActorRef     `json:"to"`
	Modality Modality     `json:"modality"`
	Evidence Evidence     `json:"evidence"`
}
