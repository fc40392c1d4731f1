package event

import (
	"strings"

	"github.com/sitrep/sitrep"
)

// objectRule codes a verb by what it acts on: "strengthened its forces" is
// a mobilisation, "strengthened ties" is not; "lifted the blockade" is a
// retreat, "lifted restrictions" a concession. These are the verbs CAMEO
// codes by their object, checked on the verb's object in the parse (or,
// without a parse, the head noun of the phrase after it).
type objectRule struct {
	verbs   []string // lemmas
	objects []string // head nouns, singular and plural as written
	typ     sitrep.EventType
	mode    string
	flags   int // added to the entry's: fCapture for "took control of"
}

var objectRules = []objectRule{
	// "hurled a grenade at the patrol", "a petrol bomb was thrown at the
	// station": an attack with what was thrown; "threw stones" is a
	// riot's, which the protest rules read
	{[]string{"hurl", "throw", "lob", "toss"},
		[]string{"grenade", "grenades", "bomb", "bombs", "explosive", "explosives", "device", "firebomb", "firebombs", "molotov", "molotovs"},
		sitrep.Assault, "", 0}, // the weapon words give the mode (refine)
	{[]string{"strengthen", "bolster", "boost", "beef", "increase", "build", "expand", "double", "triple", "reinforce", "mass", "amass", "concentrate", "step"},
		[]string{"forces", "troops", "presence", "military", "defences", "defenses", "deployment", "garrison", "garrisons", "contingent", "security", "troop", "units", "personnel", "soldiers", "police"},
		sitrep.Mobilize, "troops", 0},
	{[]string{"send", "dispatch", "deploy", "rush"},
		[]string{"troops", "soldiers", "forces", "reinforcements", "fighters", "units", "battalions", "brigades", "police", "policemen", "commandos", "marines", "paratroopers", "mercenaries", "militiamen", "tanks", "warships", "jets", "warplanes"},
		sitrep.Mobilize, "troops", 0},
	{[]string{"seize", "capture", "confiscate", "impound", "intercept", "recover"},
		[]string{"weapons", "arms", "ammunition", "explosives", "drugs", "equipment", "munitions", "rifles", "guns", "vehicles", "cache", "caches", "shipment", "consignment",
			// things, not ground: "seized two tonnes of cannabis", "stole 40 cattle"
			"rifle", "gun", "pistols", "grenades", "bombs", "ieds", "mines", "cannabis", "heroin", "opium", "cocaine", "narcotics",
			"tonnes", "tons", "kilograms", "kg", "bags", "cash", "money", "goods", "livestock", "cattle", "cows", "goats", "camels",
			"sheep", "trucks", "truck", "motorcycles", "motorbikes", "boats", "boat", "vessel", "tanker"},
		sitrep.Coerce, "seize", 0},
	{[]string{"train", "arm", "equip", "recruit", "enlist", "conscript"},
		[]string{"fighters", "troops", "soldiers", "militants", "recruits", "forces", "militias", "militia", "hackers", "rebels", "insurgents", "volunteers", "men", "youths", "children", "police", "policemen", "officers", "gunmen"},
		sitrep.Mobilize, "troops", 0},
	{[]string{"send", "ship", "supply", "deliver", "provide", "sell", "transfer", "give", "airlift", "smuggle"},
		[]string{"arms", "weapons", "ammunition", "missiles", "rockets", "tanks", "drones", "equipment", "munitions", "artillery", "jets", "helicopters", "armaments", "weaponry"},
		sitrep.Aid, "military", 0},
	{[]string{"send", "ship", "supply", "deliver", "provide", "give", "airlift", "donate", "rush", "distribute"},
		[]string{"aid", "food", "supplies", "medicine", "medicines", "assistance", "relief", "grain", "fuel", "tents", "blankets", "water", "doctors", "funds", "money", "loans", "loan", "credit"},
		sitrep.Aid, "humanitarian", 0},
	{[]string{"send", "deploy", "dispatch", "contribute", "station"},
		[]string{"peacekeepers", "peacekeeping", "monitors", "observers"},
		sitrep.Aid, "peacekeeping", 0},
	{[]string{"send", "deploy", "dispatch", "appoint", "name"},
		[]string{"inspectors", "investigators", "fact-finders", "prosecutors", "auditors"},
		sitrep.Accuse, "investigate", 0},
	{[]string{"revive", "resume", "restart", "reopen", "hold", "open", "begin", "start", "relaunch", "join"},
		[]string{"talks", "negotiations", "dialogue", "consultations", "discussions"},
		sitrep.Consult, "", 0},
	{[]string{"join"},
		[]string{"protest", "protests", "protesters", "demonstration", "demonstrations", "demonstrators", "strike", "rally", "march", "sit-in", "boycott"},
		sitrep.Protest, "demo", 0},
	{[]string{"evacuate", "rescue", "airlift"},
		[]string{"wounded", "injured", "civilians", "residents", "people", "refugees", "children", "staff", "citizens", "nationals", "villagers", "families", "survivors", "sick", "patients", "workers", "foreigners"},
		sitrep.Aid, "humanitarian", 0},
	{[]string{"end", "halt", "suspend", "stop", "abandon", "freeze", "break", "cancel", "terminate", "cut", "scale"},
		[]string{"mediation", "talks", "negotiations", "cooperation", "aid", "ties", "relations", "contacts", "dialogue", "assistance", "funding", "support", "trade", "imports", "exports", "flights"},
		sitrep.Sanction, "discontinue", 0},
	{[]string{"lift", "ease", "relax", "end", "loosen", "remove"},
		[]string{"blockade", "blockades", "siege", "sieges"},
		sitrep.Retreat, "withdraw", 0},
	{[]string{"violate", "breach", "break"},
		[]string{"ceasefire", "cease-fire", "truce", "armistice"},
		sitrep.Assault, "", 0},
	{[]string{"open", "reopen"},
		[]string{"border", "borders", "crossing", "crossings", "bridge", "corridor", "corridors", "airspace", "route", "routes", "road", "roads", "port", "ports", "airport", "checkpoint", "checkpoints", "frontier"},
		sitrep.Retreat, "access", 0},
	{[]string{"close", "shut", "seal"},
		[]string{"border", "borders", "crossing", "crossings", "airspace", "embassy", "embassies", "consulate", "frontier", "ports", "port", "airport"},
		sitrep.Sanction, "restrict", 0},
	{[]string{"upgrade", "restore", "establish", "resume", "normalise", "normalize", "renew", "improve", "strengthen", "deepen"},
		[]string{"ties", "relations", "contacts"},
		sitrep.Support, "diplomatic", 0},
	{[]string{"accept", "meet", "grant", "heed", "satisfy"},
		[]string{"demands", "demand", "conditions"},
		sitrep.Concede, "", 0},
	{[]string{"seek", "request", "ask", "apply", "claim"},
		[]string{"refuge", "asylum", "sanctuary"},
		sitrep.Request, "", 0},
	{[]string{"impose", "reimpose", "tighten", "extend", "enforce"},
		[]string{"restrictions", "controls", "limits", "blackout", "lockdown", "blockade", "blockades", "closure", "closures"},
		sitrep.Coerce, "restrict", 0},
	{[]string{"impose", "reimpose", "declare", "extend", "enforce"},
		[]string{"curfew", "curfews"},
		sitrep.Coerce, "curfew", 0},
	{[]string{"use", "employ"},
		[]string{"drones", "drone", "artillery", "missiles", "rockets", "mortars", "tanks", "warplanes", "jets", "helicopters", "airstrikes",
			"explosives", "mines", "grenades", "weapons", "force", "gas", "bombs", "snipers"},
		sitrep.Assault, "", 0},
	{[]string{"take", "gain", "seize", "wrest", "assume", "regain", "retake", "establish"},
		[]string{"control"},
		sitrep.Assault, "", fCapture},
}

// objectIndex maps each inflected verb form to the rules of its lemma.
var objectIndex = func() map[string][]*objectEntry {
	m := map[string][]*objectEntry{}
	for i := range objectRules {
		r := &objectRules[i]
		objs := set(r.objects...)
		for _, v := range r.verbs {
			e := &objectEntry{rule: r, objects: objs,
				entry: &entry{words: []string{v}, lemma: v, typ: r.typ, mode: r.mode, flags: fVerb | r.flags, curated: true, block: -1}}
			for _, f := range inflect(v) {
				m[f] = append(m[f], e)
			}
		}
	}
	return m
}()

type objectEntry struct {
	rule    *objectRule
	objects map[string]bool
	entry   *entry
}

// byObject returns the trigger entry a verb at i gets from its object, or
// nil when no rule of the verb matches its object.
func (r *reader) byObject(s *sent, i int) *entry {
	rules := objectIndex[s.words[i]]
	if len(rules) == 0 {
		return nil
	}
	if p := s.toks[i].UPOS; p != "" && p != "VERB" {
		return nil
	}
	for _, obj := range objectHeads(s, i) {
		for _, e := range rules {
			if e.objects[obj] {
				return e.entry
			}
		}
	}
	return nil
}

// objectHeads returns the head nouns the verb at i acts on: its objects in
// the parse (with their conjuncts and compounds, and a noun after "of" in
// "a series of bombs"), and the words of the phrase after it, which cover
// a parse that took a date for the object ("lifted Friday a blockade").
func objectHeads(s *sent, i int) []string {
	var out []string
	if t := s.tree; t != nil {
		for _, d := range t.kids[i] {
			switch t.rel[d] {
			case "obj", "nsubj:pass", "iobj":
				out = append(out, s.words[d])
				for _, c := range t.kids[d] {
					if t.rel[c] == "conj" || t.rel[c] == "compound" || t.rel[c] == "nmod" && t.caseOf(s, c) == "of" {
						out = append(out, s.words[c])
					}
				}
			case "compound:prt":
				// "beef up", "step up": the object follows the particle
			}
		}
	}
	// the words of the phrase after the verb, up to a clause break
	for k := i + 1; k < len(s.words) && k < i+7; k++ {
		w := s.words[k]
		if clauseBreakers[w] || w == "," || w == "." || locPreps[w] && w != "of" && w != "up" {
			break
		}
		if !strings.HasSuffix(w, "ly") {
			out = append(out, w)
		}
	}
	return out
}
