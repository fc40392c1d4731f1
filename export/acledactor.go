package export

import (
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/country"
	"github.com/sitrep/sitrep/ontology"
)

// ACLEDActors names an event's actors as ACLED's actor columns do, from
// the actor categories the event coder gave them (Event.Inter1, Inter2):
//
//   - protesters and rioters are "Protesters (Zambia)", "Rioters (Zambia)",
//     whoever they are; a group the dictionary knows that led them ("UPND
//     supporters rioted") becomes the associated actor;
//   - civilians who suffer violence are "Civilians (Sudan)";
//   - a state's armed forces are "Military Forces of Nigeria" and its police
//     "Police Forces of Nigeria", of the actor's own country or, for soldiers
//     the text does not place ("troops killed six militants"), of the
//     country where the event happened;
//   - whoever attacks unnamed ("gunmen", "unknown assailants", no one) is an
//     "Unidentified Armed Group (Mali)".
//
// ACLED's names also carry the period of the regime a state force served
// ("(2015-)"); sitrep does not know it and leaves it out. Every other actor
// keeps its own name. Events without an ACLED type keep their actors' names.
func ACLEDActors(ev *sitrep.Event) (actor1, assoc1, actor2, assoc2 string) {
	where := ""
	if ev.Location != nil {
		where = ev.Location.Country
	}
	actor1, assoc1 = acledActor(ev, ev.Actor1, ontology.ActorCategory(ev.Inter1), where, true)
	actor2, assoc2 = acledActor(ev, ev.Actor2, ontology.ActorCategory(ev.Inter2), where, false)
	if a := associated(ev); a != "" {
		assoc1 = joinNames(assoc1, a)
	}
	return actor1, assoc1, actor2, assoc2
}

// acledActor names one actor of category cat, the first of the event when
// first is set; where is the ISO alpha-3 code of the event's country, or
// empty.
func acledActor(ev *sitrep.Event, a *sitrep.ActorRef, cat ontology.ActorCategory, where string, first bool) (name, assoc string) {
	name = actorName(a)
	if ev.ACLEDEventType == "" {
		return name, ""
	}
	known := a != nil && a.ID != ""
	switch cat {
	case ontology.Protesters, ontology.Rioters, ontology.Civilians:
		generic := "Civilians"
		switch cat {
		case ontology.Protesters:
			generic = "Protesters"
		case ontology.Rioters:
			generic = "Rioters"
		}
		if known && a.Kind != string(sitrep.ActorCivilians) {
			assoc = a.Name
		}
		return generic + inCountry(where), assoc
	case ontology.StateForces:
		switch {
		case a == nil:
			return name, ""
		case a.Kind == string(sitrep.ActorState) && !ontology.PoliticalViolence(ev.ACLEDEventType):
			// "Tunisia extended the state of emergency": the state itself
			return name, ""
		case a.Kind != string(sitrep.ActorState) && !nationalForce(a.ID):
			// a government, or a force with a name of its own ("Libyan
			// National Army") keeps its name
			return name, ""
		}
		c := a.Country
		if c == "" {
			c = where
		}
		cn := ACLEDCountry(c)
		if cn == "" {
			return name, ""
		}
		if police(a) {
			return "Police Forces of " + cn, ""
		}
		return "Military Forces of " + cn, ""
	case ontology.NoActor, ontology.PoliticalMilitia:
		// the event coder gives an unidentified armed group the category
		// of political militias, as ACLED does
		if ontology.PoliticalViolence(ev.ACLEDEventType) && (a == nil && first || a.Unnamed()) {
			return "Unidentified Armed Group" + inCountry(where), ""
		}
	}
	return name, ""
}

// nationalForce reports whether an actor id is a country's forces as such:
// none (the text's "soldiers", "police"), or a country's code with the
// military or police role ("NGA.MIL", "KEN.COP"), as the actor stage
// composes them.
func nationalForce(id string) bool {
	if id == "" {
		return true
	}
	c, role, ok := strings.Cut(id, ".")
	return ok && len(c) == 3 && strings.ToUpper(c) == c && (role == "MIL" || role == "COP")
}

// police reports whether a state force is a police force: its dictionary
// entry says so, or its name does ("policemen", "gendarmes").
func police(a *sitrep.ActorRef) bool {
	if a.Kind == string(sitrep.ActorPolice) || a.Sector == "COP" {
		return true
	}
	n := strings.ToLower(a.Name)
	return strings.Contains(n, "police") || strings.Contains(n, "gendarm")
}

// inCountry is " (Name)" for an ISO alpha-3 code the country table knows,
// else empty.
func inCountry(iso3 string) string {
	if cn := ACLEDCountry(iso3); cn != "" {
		return " (" + cn + ")"
	}
	return ""
}

// ACLEDCountry is the English name ACLED's country column gives the
// country of an ISO alpha-3 code: GeoNames' name, except where ACLED spells
// it otherwise. Empty for a code the country table does not know.
func ACLEDCountry(iso3 string) string {
	if iso3 == "" {
		return ""
	}
	if c, ok := country.Lookup(iso3); ok {
		return acledName(c)
	}
	return ""
}

// acledName is ACLED's name for a country of the table.
func acledName(c country.Country) string {
	if n, ok := acledCountryNames[c.ISO3]; ok {
		return n
	}
	return c.Name
}

// acledCountryNames are ACLED's names for countries GeoNames names
// otherwise ("Democratic Republic of the Congo").
var acledCountryNames = map[string]string{
	"COD": "Democratic Republic of Congo",
	"COG": "Republic of Congo",
	"PSE": "Palestine",
	"SWZ": "eSwatini",
}

func joinNames(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}
