// Package actor names the parties of a conflict report: it holds the actor
// dictionary (states, governments, armed groups, IGOs, outlets, persons and
// the generic agents — mercenaries, militiamen, spokesman — that compose
// with them), loads it from the shipped data and from users' YAML or CSV
// files, matches it over a document's tokens with an Aho-Corasick automaton
// over normalised words, and is the pipeline stage that turns matches into
// actor mentions.
//
// The stage (Recognizer) reads doc.Tokens and, when present, NER entities
// (Source "ner") and part-of-speech tags; it works from the dictionary,
// capitalisation and context alone when they are absent. It adds:
//   - doc.Actors: every actor mentioned, once — dictionary actors, actors
//     composed from the text ("some 400 Chadian and Sudanese mercenary
//     fighters" gives TCD.MERC and SDN.MERC), and unknown named
//     organisations and persons (ids starting with sitrep.LocalActorPrefix);
//   - doc.Entities with Source "actor" for mentions the NER did not find,
//     and ActorID on NER entities it resolves. Entities of a split compound
//     share one span: a quantity before that span counts the group as a
//     whole.
//
// Settings: Config.Files adds user dictionaries, applied after the shipped
// data in order; an actor whose id already exists overrides the fields it
// sets and adds its aliases.
package actor

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep/sitrep"
)

// Entry is a dictionary actor: the actor as documents see it, plus what
// the matcher needs to find it.
type Entry struct {
	sitrep.Actor
	// Demonyms are adjectives naming the actor's people ("Russian"),
	// Peoples the plural nouns ("Russians"), Capitals the seats of
	// government that stand for the state in news prose ("Moscow said").
	// They are set for states and blocs.
	Demonyms []string
	Peoples  []string
	Capitals []string
	// Bloc marks a group of states named by an adjective ("Western",
	// "Arab"): it composes with agents but has no country.
	Bloc bool
	// Source names the file (and line) the entry was read from.
	Source string
}

// Agent is a generic agent: a kind of person or body that composes with a
// base actor ("Syrian" + "militiamen") or stands alone ("the mercenaries").
type Agent struct {
	// Code is the agent's id; a composed actor has the id BASE.CODE.
	Code string
	// Name is the display name used in composed actor names ("mercenaries").
	Name string
	// Forms name the agent as a body ("army", "government"); Members name
	// the people in it or the holder of a title ("soldiers", "spokesman").
	// Mentions by a form are ORG entities, by a member noun PERSON ones.
	Forms   []string
	Members []string
	// Modifiers are adjectival forms that refine a following agent head
	// ("mercenary" in "mercenary fighters").
	Modifiers []string
	Kind      sitrep.ActorKind
	Sector    string
	Inter     int
	// Parent is the agent code of the body a composed actor belongs to
	// (GOV for a foreign minister); empty for the base itself.
	Parent string
	// Title marks a role a person holds ("spokesman", "president"): the
	// agent composes with a following name into a person with that role.
	Title bool
	// Leader marks titles that lead what they are held in (commander,
	// leader, president).
	Leader bool
	// Rank orders specificity when several agents name one group:
	// "mercenary fighters" are mercenaries, not merely fighters.
	Rank   int
	Source string
}

// Dictionary is a loaded, compiled actor dictionary. It is safe for
// concurrent use once built.
type Dictionary struct {
	entries []Entry
	byID    map[string]int
	agents  []Agent
	byCode  map[string]int
	m       *matcher
	// Aliases is the number of patterns in the automaton.
	aliases int
}

// Len returns the number of actors in the dictionary.
func (d *Dictionary) Len() int { return len(d.entries) }

// Aliases returns the number of distinct patterns the matcher looks for.
func (d *Dictionary) Aliases() int { return d.aliases }

// Entries returns the dictionary's actors in id order. The slice is shared;
// do not modify it.
func (d *Dictionary) Entries() []Entry { return d.entries }

// Agents returns the generic agents in code order.
func (d *Dictionary) Agents() []Agent { return d.agents }

// Lookup returns the actor with the id, or false.
func (d *Dictionary) Lookup(id string) (Entry, bool) {
	i, ok := d.byID[id]
	if !ok {
		return Entry{}, false
	}
	return d.entries[i], true
}

// Agent returns the agent with the code, or false.
func (d *Dictionary) Agent(code string) (Agent, bool) {
	i, ok := d.byCode[code]
	if !ok {
		return Agent{}, false
	}
	return d.agents[i], true
}

// Find returns the actors whose id, name or alias equals q, compared by
// matching key (case and diacritics ignored).
func (d *Dictionary) Find(q string) []Entry {
	if e, ok := d.Lookup(q); ok {
		return []Entry{e}
	}
	k := strings.Join(aliasWords(q), " ")
	var out []Entry
	for _, e := range d.entries {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if strings.Join(aliasWords(n), " ") == k {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// Compose returns the actor a base actor and an agent make together:
// "Syrian" (SYR) and "militiamen" (MILITIA) give SYR.MILITIA, "Syrian
// militia". A nil base gives the agent alone, an unaffiliated group with
// the id .AGENT.
func (d *Dictionary) Compose(base *Entry, ag *Agent) sitrep.Actor {
	if base == nil {
		return sitrep.Actor{ID: "." + ag.Code, Name: ag.Name, Kind: ag.Kind, Sector: ag.Sector, Inter: ag.Inter}
	}
	a := sitrep.Actor{
		ID:      base.ID + "." + ag.Code,
		Name:    composedName(base, ag),
		Kind:    ag.Kind,
		Country: base.Country,
		Parent:  base.ID,
		Sector:  ag.Sector,
		Inter:   ag.Inter,
	}
	if ag.Parent != "" && ag.Parent != ag.Code {
		a.Parent = base.ID + "." + ag.Parent
	}
	if base.Kind != sitrep.ActorState && !base.Bloc {
		// An organisation's own people: its sector and kind win unless
		// the agent is a civilian one.
		if ag.Sector == "GOV" || ag.Sector == "MIL" || ag.Sector == "UAF" || ag.Sector == "" {
			a.Sector = base.Sector
			if base.Kind != sitrep.ActorIGO && base.Kind != sitrep.ActorMedia && base.Kind != sitrep.ActorNGO {
				a.Kind = base.Kind
			}
		}
		if a.Inter == 0 || ag.Kind != sitrep.ActorCivilians {
			a.Inter = base.Inter
		}
		a.Parent = base.ID
	}
	if a.Kind == "" {
		a.Kind = sitrep.ActorUnknown
	}
	return a
}

// composedName names a composed actor: the base's demonym and the agent
// ("Russian mercenaries"), or the base's name ("Libyan National Army
// spokesman").
func composedName(base *Entry, ag *Agent) string {
	if len(base.Demonyms) > 0 {
		return base.Demonyms[0] + " " + ag.Name
	}
	return base.Name + " " + ag.Name
}

// finish indexes the dictionary after loading and checks references.
func (d *Dictionary) finish() error {
	slices.SortFunc(d.entries, func(a, b Entry) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(d.agents, func(a, b Agent) int { return strings.Compare(a.Code, b.Code) })
	d.byID = make(map[string]int, len(d.entries))
	for i, e := range d.entries {
		d.byID[e.ID] = i
	}
	d.byCode = make(map[string]int, len(d.agents))
	for i, a := range d.agents {
		d.byCode[a.Code] = i
		if _, ok := d.byID[a.Code]; ok {
			return fmt.Errorf("%s: agent code %s is also an actor id; rename one of them", a.Source, a.Code)
		}
	}
	for _, a := range d.agents {
		if a.Parent != "" {
			if _, ok := d.byCode[a.Parent]; !ok {
				return fmt.Errorf("%s: agent %s: parent %q is not an agent code", a.Source, a.Code, a.Parent)
			}
		}
	}
	for _, e := range d.entries {
		if e.Parent != "" {
			if _, ok := d.byID[e.Parent]; !ok && !d.composedID(e.Parent) {
				return fmt.Errorf("%s: actor %s: parent %q is not a known actor id", e.Source, e.ID, e.Parent)
			}
		}
		for _, r := range e.Roles {
			if r.Of != "" {
				if _, ok := d.byID[r.Of]; !ok && !d.composedID(r.Of) {
					return fmt.Errorf("%s: actor %s: role %q of %q: not a known actor id", e.Source, e.ID, r.Title, r.Of)
				}
			}
		}
	}
	return nil
}

// composedID reports whether id has the form BASE.AGENT of known parts.
func (d *Dictionary) composedID(id string) bool {
	base, code, ok := strings.Cut(id, ".")
	if !ok {
		return false
	}
	_, b := d.byID[base]
	_, a := d.byCode[code]
	return b && a
}
