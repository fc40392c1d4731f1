// Package ontology holds the event vocabularies sitrep codes into: PLOVER's
// sixteen event types and their modes (as POLECAT codes them), ACLED's six
// event types and twenty-five sub-event types spelled exactly as ACLED's
// event_type and sub_event_type columns, ACLED's actor categories and
// interaction code, ACLED's conservative fatality rule for unnumbered
// deaths, and the mappings from the older labels found in evaluation data
// (the PLOVER gold standard's 18 types, ACLED's pre-2019 event types).
//
// docs/ontology.md explains every mapping and why.
package ontology

import (
	"slices"

	"github.com/sitrep/sitrep"
)

// Modes lists the PLOVER modes of each type that sitrep codes. The sets
// follow the PLOVER manual's modes; "" (no mode) is always allowed.
var Modes = map[sitrep.EventType][]string{
	sitrep.Accuse:    {"disapprove", "allege", "investigate"},
	sitrep.Agree:     {"ceasefire", "settle", "meet", "aid"},
	sitrep.Aid:       {"economic", "military", "humanitarian", "peacekeeping", "asylum"},
	sitrep.Assault:   {"firearms", "aerial", "drone", "heavy-weapons", "explosives", "suicide-attack", "assassinate", "abduct", "beat", "sexual", "torture", "massacre", "cleansing", "unconventional", "seize"},
	sitrep.Coerce:    {"seize", "destroy", "restrict", "ban", "curfew", "martial-law", "arrest", "detain", "deport", "censor", "confiscate"},
	sitrep.Concede:   {"policy", "leadership", "rights"},
	sitrep.Consult:   {"phone", "visit", "host", "third-party", "multilateral", "mediate", "negotiate"},
	sitrep.Cooperate: {"economic", "military", "legal", "intelligence"},
	sitrep.Mobilize:  {"troops", "police", "weapons", "alert"},
	sitrep.Protest:   {"demo", "hunger", "boycott", "obstruct", "riot"},
	sitrep.Reject:    {"assist", "change", "meet", "yield", "deny"},
	sitrep.Request:   {"assist", "change", "yield", "meet"},
	sitrep.Retreat:   {"withdraw", "release", "return", "access", "disarm", "ceasefire", "surrender"},
	sitrep.Sanction:  {"withdraw", "discontinue", "expel", "restrict"},
	sitrep.Support:   {"diplomatic", "recognize", "apologize", "endorse", "agreement"},
	sitrep.Threaten:  {"violence", "restrict", "relations", "ban", "expel", "territory", "ultimatum"},
}

// ValidMode reports whether mode is one sitrep uses for the type.
func ValidMode(t sitrep.EventType, mode string) bool {
	return mode == "" || slices.Contains(Modes[t], mode)
}

// ACLED event types, spelled as ACLED's event_type column.
const (
	Battles               = "Battles"
	ExplosionsRemote      = "Explosions/Remote violence"
	ViolenceCivilians     = "Violence against civilians"
	Protests              = "Protests"
	Riots                 = "Riots"
	StrategicDevelopments = "Strategic developments"
)

// ACLEDTypes lists ACLED's event types in codebook order.
var ACLEDTypes = []string{Battles, ExplosionsRemote, ViolenceCivilians, Protests, Riots, StrategicDevelopments}

// PoliticalViolence reports whether an ACLED event type is violence an
// armed actor carries out: battles, explosions/remote violence and
// violence against civilians.
func PoliticalViolence(typ string) bool {
	return typ == Battles || typ == ExplosionsRemote || typ == ViolenceCivilians
}

// ACLED sub-event types, spelled as ACLED's sub_event_type column.
const (
	ArmedClash              = "Armed clash"
	GovernmentRegains       = "Government regains territory"
	NonStateOvertakes       = "Non-state actor overtakes territory"
	ChemicalWeapon          = "Chemical weapon"
	AirDroneStrike          = "Air/drone strike"
	SuicideBomb             = "Suicide bomb"
	ShellingArtillery       = "Shelling/artillery/missile attack"
	RemoteExplosive         = "Remote explosive/landmine/IED"
	Grenade                 = "Grenade"
	SexualViolence          = "Sexual violence"
	Attack                  = "Attack"
	Abduction               = "Abduction/forced disappearance"
	PeacefulProtest         = "Peaceful protest"
	ProtestIntervention     = "Protest with intervention"
	ExcessiveForce          = "Excessive force against protesters"
	ViolentDemonstration    = "Violent demonstration"
	MobViolence             = "Mob violence"
	Agreement               = "Agreement"
	Arrests                 = "Arrests"
	ChangeToGroup           = "Change to group/activity"
	DisruptedWeapons        = "Disrupted weapons use"
	HeadquartersEstablished = "Headquarters or base established"
	LootingDestruction      = "Looting/property destruction"
	NonViolentTransfer      = "Non-violent transfer of territory"
	OtherDevelopment        = "Other"
)

// ACLEDSubTypes lists the sub-event types of each ACLED event type, 25 in
// all.
var ACLEDSubTypes = map[string][]string{
	Battles:               {ArmedClash, GovernmentRegains, NonStateOvertakes},
	ExplosionsRemote:      {ChemicalWeapon, AirDroneStrike, SuicideBomb, ShellingArtillery, RemoteExplosive, Grenade},
	ViolenceCivilians:     {SexualViolence, Attack, Abduction},
	Protests:              {PeacefulProtest, ProtestIntervention, ExcessiveForce},
	Riots:                 {ViolentDemonstration, MobViolence},
	StrategicDevelopments: {Agreement, Arrests, ChangeToGroup, DisruptedWeapons, HeadquartersEstablished, LootingDestruction, NonViolentTransfer, OtherDevelopment},
}

// ACLEDTypeOf returns the event type a sub-event type belongs to, or "".
func ACLEDTypeOf(sub string) string {
	for _, t := range ACLEDTypes {
		if slices.Contains(ACLEDSubTypes[t], sub) {
			return t
		}
	}
	return ""
}

// ActorCategory is ACLED's inter code: the kind of actor.
type ActorCategory int

// ACLED actor categories (inter1, inter2).
const (
	NoActor          ActorCategory = 0
	StateForces      ActorCategory = 1
	RebelGroup       ActorCategory = 2
	PoliticalMilitia ActorCategory = 3
	IdentityMilitia  ActorCategory = 4
	Rioters          ActorCategory = 5
	Protesters       ActorCategory = 6
	Civilians        ActorCategory = 7
	ExternalForces   ActorCategory = 8
)

// Interaction combines two actor categories into ACLED's interaction code:
// the smaller digit first ("12" state forces vs rebels), a single category
// times ten when there is no second actor ("60" protesters alone), and 0
// when the first is unknown.
func Interaction(a, b ActorCategory) int {
	if a == NoActor {
		a, b = b, NoActor
	}
	if a == NoActor {
		return 0
	}
	if b == NoActor {
		return int(a) * 10
	}
	if b < a {
		a, b = b, a
	}
	return int(a)*10 + int(b)
}

// IntentType returns the PLOVER type under which a sentence whose main
// event did not happen is coded, as the PLOVER manual codes intentions: a
// planned or hypothetical act that helps its target (AID, COOPERATE,
// CONCEDE, CONSULT, RETREAT, SUPPORT) is an AGREE, also on a condition
// ("if"), unless it is held out as an ultimatum ("unless": ultimatum
// true), which makes it a THREATEN; one that harms its target (ASSAULT,
// COERCE, SANCTION, PROTEST, MOBILIZE) is a THREATEN; a negated act is a
// REJECT. Types that are themselves speech acts, and events that
// happened, keep their type.
func IntentType(t sitrep.EventType, m sitrep.Modality, ultimatum bool) sitrep.EventType {
	if m == sitrep.Negated && t != sitrep.Reject {
		return sitrep.Reject
	}
	switch t {
	case sitrep.Agree, sitrep.Threaten, sitrep.Request, sitrep.Reject, sitrep.Accuse:
		return t
	}
	switch m {
	case sitrep.Planned, sitrep.Hypothetical:
		switch t {
		case sitrep.Aid, sitrep.Cooperate, sitrep.Concede, sitrep.Consult, sitrep.Support, sitrep.Retreat:
			// an offer on a condition is still an offer ("would meet him if
			// he gave them a veto"); held out as an ultimatum it is a
			// threat ("will withdraw its force unless ...")
			if ultimatum {
				return sitrep.Threaten
			}
			return sitrep.Agree
		default:
			return sitrep.Threaten
		}
	case sitrep.Negated:
		return sitrep.Reject
	}
	return t
}
