package sitrep

import "strings"

// ActorKind says what sort of party an actor is.
type ActorKind string

// Actor kinds. A state is a country as a whole ("Russia deployed ...");
// its government, military and police are separate actors whose Parent is
// the state.
const (
	ActorState      ActorKind = "state"
	ActorGovernment ActorKind = "government"
	ActorMilitary   ActorKind = "military"
	ActorPolice     ActorKind = "police"
	ActorRebel      ActorKind = "rebel"     // rebel, insurgent or jihadist group
	ActorMilitia    ActorKind = "militia"   // pro-government, communal or political militia
	ActorMercenary  ActorKind = "mercenary" // private military company or hired fighters
	ActorParty      ActorKind = "party"
	ActorIGO        ActorKind = "igo"
	ActorNGO        ActorKind = "ngo"
	ActorMedia      ActorKind = "media" // outlet or news agency
	ActorPerson     ActorKind = "person"
	ActorCivilians  ActorKind = "civilians"
	ActorUnknown    ActorKind = "unknown"
)

// ActorKinds lists the actor kinds in the order above.
var ActorKinds = []ActorKind{ActorState, ActorGovernment, ActorMilitary, ActorPolice, ActorRebel,
	ActorMilitia, ActorMercenary, ActorParty, ActorIGO, ActorNGO, ActorMedia, ActorPerson,
	ActorCivilians, ActorUnknown}

// Valid reports whether k is one of ActorKinds.
func (k ActorKind) Valid() bool {
	for _, x := range ActorKinds {
		if k == x {
			return true
		}
	}
	return false
}

// ACLED "inter" codes: the type of an actor in ACLED's actor coding.
const (
	InterStateForces      = 1
	InterRebelGroups      = 2
	InterPoliticalMilitia = 3
	InterIdentityMilitia  = 4
	InterRioters          = 5
	InterProtesters       = 6
	InterCivilians        = 7
	InterExternalOther    = 8
)

// LocalActorPrefix starts the id of an actor that no dictionary knows: an
// unknown organisation or person named in the text, or an unnamed one
// ("an ally of Vladimir Putin"). Such ids are unique within one document
// only.
const LocalActorPrefix = "_:"

// Actor is a party to a conflict or to politics: a state, an organisation,
// a person, or a group described by the text ("Russian mercenaries").
//
// Dictionary actors have canonical ids ("LBY-LNA", "RUS", "IGO-UN");
// actors composed from a base and a generic agent have the id
// BASE.AGENT ("SYR.MERC" for Syrian mercenaries, "RUS.GOV" for Russia's
// government); a generic agent named with no base has the id .AGENT
// (".MERC", mercenaries of unknown allegiance); actors the dictionary
// does not know have an id starting with LocalActorPrefix.
type Actor struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Aliases are the other names the actor is known by, including
	// transliterations and abbreviations. Documents leave them out.
	Aliases []string  `json:"aliases,omitempty"`
	Kind    ActorKind `json:"kind"`
	// Country is the ISO 3166 alpha-3 code of the country the actor belongs
	// to; empty for international and transnational actors.
	Country string `json:"country,omitempty"`
	// Parent is the id of the organisation the actor is part of ("RUS.GOV"
	// for the Russian foreign minister, "IGO-UN" for OCHA).
	Parent string `json:"parent,omitempty"`
	// Roles are the positions a person holds or held.
	Roles []Role `json:"roles,omitempty"`
	// Inter is ACLED's actor type code, 1 (state forces) to 8
	// (external/other forces); 0 when ACLED would not code the actor.
	Inter int `json:"inter,omitempty"`
	// Sector is the PLOVER/CAMEO-style sector code: GOV, MIL, COP, REB,
	// OPP, PTY, IGO, NGO, JRN, CVL ...
	Sector string `json:"sector,omitempty"`
	// ValidFrom and ValidTo bound the time the actor existed, as
	// YYYY, YYYY-MM or YYYY-MM-DD; empty when open. An actor is not matched
	// in reports published outside its validity.
	ValidFrom string `json:"valid_from,omitempty"`
	ValidTo   string `json:"valid_to,omitempty"`
	// Text is how a document named an actor no dictionary knows; empty for
	// dictionary actors.
	Text string `json:"text,omitempty"`
}

// Role is a position a person holds in an organisation or place: "spokesman"
// of LBY-LNA, "mayor" of Bani Walid.
type Role struct {
	Title string `json:"title"`
	// Of is the id of the actor the role is held in, when known.
	Of string `json:"of,omitempty"`
	// OfName names what the role is held in when it is not an actor (a
	// town) or not a known one.
	OfName string `json:"of_name,omitempty"`
	From   string `json:"from,omitempty"`
	To     string `json:"to,omitempty"`
}

// Known reports whether the actor comes from a dictionary (its id is
// canonical) rather than from the text alone.
func (a *Actor) Known() bool { return !strings.HasPrefix(a.ID, LocalActorPrefix) }

// Composed reports whether the actor was composed from a base and a
// generic agent (id BASE.AGENT: "Syrian mercenaries"): a description of
// part of another actor rather than a name.
func (a *Actor) Composed() bool { return strings.Contains(a.ID, ".") && !a.Generic() }

// Generic reports whether the actor is an unaffiliated generic agent
// (id .AGENT: "mercenaries", "the military" with no country or group
// named): a kind of party rather than an identity, so two mentions of it
// need not be the same group.
func (a *Actor) Generic() bool { return strings.HasPrefix(a.ID, ".") }

// ValidAt reports whether the actor existed on date (YYYY-MM-DD); an empty
// date is always valid. Partial bounds compare by their prefix, so a
// ValidTo of "2021" includes every day of 2021.
func (a *Actor) ValidAt(date string) bool {
	return InDateRange(date, a.ValidFrom, a.ValidTo)
}

// InDateRange reports whether date (YYYY-MM-DD) lies in [from, to], where
// either bound may be empty (open) or partial (YYYY, YYYY-MM).
func InDateRange(date, from, to string) bool {
	if date == "" {
		return true
	}
	if from != "" && date[:min(len(date), len(from))] < from {
		return false
	}
	if to != "" && date[:min(len(date), len(to))] > to {
		return false
	}
	return true
}

// Ref returns the reference to the actor that events and relations carry:
// id, name, country, sector and kind. The id is left empty for an actor no
// dictionary knows, which is then named by its text.
func (a *Actor) Ref() ActorRef {
	r := ActorRef{ID: a.ID, Name: a.Name, Country: a.Country, Sector: a.Sector, Kind: string(a.Kind)}
	if !a.Known() {
		r.ID = ""
	}
	return r
}

// ActorByID returns the document's actor with the id, or nil.
func (d *Document) ActorByID(id string) *Actor {
	for i := range d.Actors {
		if d.Actors[i].ID == id {
			return &d.Actors[i]
		}
	}
	return nil
}

// EntityActor returns the actor an entity resolves to, following its
// antecedent when the entity itself names none; nil when there is none.
func (d *Document) EntityActor(i int) *Actor {
	for n := 0; i >= 0 && i < len(d.Entities) && n < len(d.Entities); n++ {
		e := &d.Entities[i]
		if e.ActorID != "" {
			return d.ActorByID(e.ActorID)
		}
		if e.Antecedent == nil {
			return nil
		}
		i = *e.Antecedent
	}
	return nil
}
