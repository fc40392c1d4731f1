package event

import (
	"strings"

	"github.com/sitrep/sitrep/ontology"
)

// This file reads who an attack was aimed at when no armed side is
// named: ACLED codes an armed group's attack on a village, a camp or a
// crowd of unarmed people as violence against civilians, not as a battle
// ("a bandit raid on Kadisau village", "gunmen attacked and raped displaced women",
// "cadres attacked members of another party"), and a policeman killed at
// home is off duty, a civilian to the codebook.

// unarmedTarget reports whether the attack of c was aimed at a populated
// place or at unarmed people, with no armed group on the other side and
// no fighting told in the sentence.
func (r *reader) unarmedTarget(c *cand, cat1, cat2 ontology.ActorCategory) bool {
	if r.fighting(c) {
		return false
	}
	// militants who kill a policeman at his home: off duty, he is a
	// civilian to ACLED; not troops raiding a suspect's house
	if cat1 != ontology.StateForces && killedAtHome(c) {
		return true
	}
	if armedCategory(cat2) && !(cat2 == ontology.StateForces && c.ev.Actor2 != nil && officeHolder(c.ev.Actor2)) {
		return false
	}
	if r.targetPhrase(c, c.trig) {
		return true
	}
	// "died in a bandit raid on Kadisau village": the attack
	// word of the sentence when the trigger is the toll's verb
	for k, w := range c.s.words {
		if k != c.trig && attackWords[w] && r.targetPhrase(c, k) {
			return true
		}
	}
	return hurtVictims(c)
}

// attackWords name an attack on its target: "raid on", "attacked".
var attackWords = set("attack", "attacks", "attacked", "attacking", "raid", "raids", "raided", "raiding", "incursion",
	"incursions", "invaded", "invade", "invades", "invading", "invasion", "stormed", "storm", "storms", "storming")

// hurtVictims reports whether the sentence counts unarmed people among
// those it killed or hurt ("killing 2 and wounding 4 displaced", "injure 3
// farmers") and no armed ones after its trigger.
func hurtVictims(c *cand) bool {
	w := c.s.words
	found := false
	for k := c.trig; k < len(w); k++ {
		if armedWords[w[k]] || combatantWords[w[k]] || w[k] == "armed" || strings.Contains(w[k], "militia") {
			return false
		}
		if !hurtWords[w[k]] {
			continue
		}
		for j := k + 1; j < len(w) && j <= k+3; j++ {
			if up := c.s.toks[j].UPOS; up == "PUNCT" || up == "ADP" || up == "VERB" && !hurtWords[w[j]] {
				break
			}
			if victims[w[j]] && !officeHolders[w[j]] || w[j] == "displaced" || w[j] == "idps" {
				found = true
			}
		}
	}
	return found
}

// hurtWords are the verbs of a toll, active: "killing 3 farmers".
var hurtWords = set("kill", "kills", "killing", "killed", "injure", "injures", "injuring", "injured", "wound", "wounds",
	"wounding", "wounded", "shot", "shoot", "shooting", "beat", "beats", "beating", "rape", "raped", "raping", "abducted")

// armedCategory reports whether an actor of that category fights.
func armedCategory(cat ontology.ActorCategory) bool {
	switch cat {
	case ontology.StateForces, ontology.RebelGroup, ontology.PoliticalMilitia, ontology.IdentityMilitia, ontology.ExternalForces:
		return true
	}
	return false
}

// fighting reports whether the sentence tells of two sides fighting: a
// clash in a village stays a battle. "between" counts unless a place
// follows it ("a bus was fired on between Gusau and Tsafe"); an
// exchange only of fire ("exchanged fire", "an exchange of gunfire", not
// "in exchange for a ransom"); "engaged" only with its foe ("engaged the
// troops", not "engaged in cattle rustling").
func (r *reader) fighting(c *cand) bool {
	w := c.s.words
	for k, x := range w {
		switch {
		case x == "exchange" || x == "exchanged":
			if firedAfter(w, k) {
				return true
			}
		case x == "engaged":
			if k+1 < len(w) && w[k+1] != "in" {
				return true
			}
		case fightWords[x]:
			return true
		case x == "returned" && k+1 < len(w) && w[k+1] == "fire":
			return true // "returned fire"
		case x == "between" && k+1 < len(w) && !r.placeAt(c.s, k+1):
			return true // "violence between herdsmen and farmers"
		}
	}
	return false
}

// placeAt reports whether a place starts at word k: one the geoparser
// read, or the first of two names that end their phrase ("between
// Gusau and Tsafe.", not "between Hema and Lendu villagers").
func (r *reader) placeAt(s *sent, k int) bool {
	if n := len(s.words); k+2 < n && s.words[k+1] == "and" && capitalised(s.toks[k].Text) && capitalised(s.toks[k+2].Text) &&
		(k+3 == n || s.toks[k+3].UPOS == "PUNCT" || s.toks[k+3].UPOS == "ADP") {
		return true
	}
	for _, pi := range r.placesOf(s) {
		if p := &r.doc.Places[pi]; p.Span.Overlaps(s.toks[k].Span) {
			return true
		}
	}
	return false
}

// firedAfter reports whether fire follows the exchange at k: "exchanged
// fire", "an exchange of heavy gunfire".
func firedAfter(w []string, k int) bool {
	for j := k + 1; j < len(w) && j <= k+3; j++ {
		switch w[j] {
		case "fire", "gunfire", "shots", "bullets", "blows", "artillery", "rockets":
			return true
		}
	}
	return false
}

// fightWords tell of two armed sides meeting ("exchange" and "engaged"
// are read in their phrase, see fighting).
var fightWords = set("clash", "clashes", "clashed", "clashing", "fighting", "fought", "fight", "battle", "battles", "battled",
	"gunfight", "gunbattle", "shootout", "firefight", "skirmish", "skirmishes", "repulsed",
	"repel", "repels", "repelled", "repelling", "repulse", "repulses", "retaliated", "counterattack", "counter-attack", "crossfire")

// targetPhrase reports whether the phrase an attack trigger acts on
// names a populated place or unarmed people: "raid on Kadisau village",
// "attacked the villages of ...", "attacked and raped displaced women", "beat
// residents", "attacked other party members", "opened fire on
// residential areas", or a bare name the geoparser resolved as a
// settlement. An armed word or an armed group anywhere in the phrase
// ("an army camp", "members of the militia") makes it no civilian target.
func (r *reader) targetPhrase(c *cand, trig int) bool {
	s := c.s
	w := s.words
	n := len(w)
	k := trig + 1
	// "open fire on", "opened fire at"
	if k < n && w[k] == "fire" {
		k++
	}
	// "attacked and raped displaced women", "raided and looted the village"
	if k+1 < n && w[k] == "and" && violentVerbs[w[k+1]] {
		k += 2
	}
	if k < n && targetPreps[w[k]] {
		k++
	}
	start, end := k, k
	for end < n && end < start+8 {
		t := &s.toks[end]
		if t.UPOS == "PUNCT" && w[end] != "-" || t.UPOS == "AUX" || t.UPOS == "ADV" || t.UPOS == "VERB" && !capitalised(t.Text) && !populated[w[end]] || s.breakers()[end] ||
			(t.UPOS == "ADP" || t.UPOS == "SCONJ") && w[end] != "of" || s.inTime[end] {
			break
		}
		end++
	}
	if end == start {
		return false
	}
	target, named, proper := false, false, true
	beforeOf := true
	for j := start; j < end; j++ {
		x := w[j]
		if x == "of" {
			beforeOf = false
			continue
		}
		if armedWords[x] || combatantWords[x] || x == "armed" || x == "gunmen" || x == "military" || x == "checkpoint" ||
			x == "checkpoints" || x == "base" || x == "bases" || x == "post" || x == "posts" || x == "convoy" || strings.Contains(x, "militia") {
			return false
		}
		if beforeOf && (populated[x] || victims[x] && !officeHolders[x] || civilianTargets[x]) {
			target = true
		}
		if capitalised(s.toks[j].Text) {
			named = true
		} else if x != "and" && x != "the" && x != "-" {
			proper = false // "NISS officer": the head is no name
		}
	}
	// "a councillor as well as 2 of his guards": armed people
	// later in the clause were hit too
	for j := end; j < n && j < end+10; j++ {
		if s.toks[j].UPOS == "VERB" || s.breakers()[j] {
			break
		}
		if armedWords[w[j]] || combatantWords[w[j]] {
			return false
		}
	}
	for i := range s.mentions {
		m := &s.mentions[i]
		if m.first < end && m.last > start && !m.place && belligerent(&m.ref) {
			return false // "members of al-Shabaab", "a Taliban camp"
		}
	}
	if target {
		return true
	}
	if !named || !proper {
		return false
	}
	// a bare name: a settlement when the geoparser resolved it as one
	sp := s.toks[end-1].Span // the name's last word, its head
	for _, pi := range r.placesOf(s) {
		p := &r.doc.Places[pi]
		if p.Span.Overlaps(sp) && p.Role == "" && strings.HasPrefix(p.FeatureCode, "PPL") {
			return true
		}
	}
	return false
}

// targetPreps lead from an attack to what it hit: "raid on", "incursion
// into", "fire upon", "violence against".
var targetPreps = set("on", "into", "upon", "against")

// violentVerbs join an attack verb in "attack and rape", "raided and
// looted".
var violentVerbs = set("rape", "raped", "loot", "looted", "burn", "burned", "burnt", "kill", "killed", "abduct", "abducted",
	"rob", "robbed", "beat", "beaten", "torch", "torched", "raid", "raided", "attack", "attacked", "shoot", "shot")

// populated are the generic words of an inhabited place or of the homes
// of unarmed people. "town" and "district" are left out: an attack on a
// town is as often a fight for it. targetPhrase reads civilianTargets
// beside these, so the words of that set ("residential", "worshippers")
// are not repeated here, save "displaced", which the tagger often takes
// for a verb that must not end the target phrase.
var populated = set("village", "villages", "hamlet", "hamlets", "camp", "camps", "community", "communities", "settlement",
	"settlements", "area", "areas", "neighbourhood", "neighborhood", "homestead", "homesteads", "home", "homes", "house",
	"houses", "residence", "residences", "huts", "farm", "farms", "farmland",
	"displaced", "civilians", "crowd", "mourners")

// killedAtHome reports whether the event's clause sets the attack at a
// victim's own home: "broke into the policeman's house and shot him",
// "killed inside their homes", "outside his home".
func killedAtHome(c *cand) bool {
	w := c.s.words
	// the home of the event's own clause: "a week after his home was
	// burned, he was shot at a checkpoint" was no attack at home
	cs, ce := c.s.clauseStart(c.trig), c.s.clauseEnd(c.trig)
	for k := max(cs, 1); k < ce && k < len(w); k++ {
		if !homeWords[w[k]] {
			continue
		}
		p := w[k-1]
		switch {
		case p == "his" || p == "her" || p == "their":
			return true
		case strings.HasSuffix(p, "'s") || strings.HasSuffix(p, "’s"): // "policeman's" or a split "'s"
			owner := strings.TrimSuffix(strings.TrimSuffix(p, "'s"), "’s")
			if owner == "" && k >= 2 {
				owner = w[k-2]
			}
			if !combatantWords[owner] && !strings.Contains(owner, "militia") && owner != "commander" && owner != "leader" {
				return true
			}
		}
	}
	return false
}

// homeWords name where someone lives.
var homeWords = set("home", "homes", "house", "houses", "residence", "residences", "compound", "doorstep")

// contest reports whether the sentence tells of a contest one side wins,
// where "beat" is no blow: an election, a match, a race. A sentence that
// tells of harm or of what people were beaten with is no contest, however
// near an election: "police beat voters with batons during the election",
// "beat two voters to death at a polling station".
func contest(s *sent) bool {
	found := false
	for _, w := range s.words {
		if killWords[w] || injureWords[w] || beatingWords[w] {
			return false
		}
		found = found || contestWords[w]
	}
	return found
}

// beatingWords tell of a real beating: what people were beaten with, or
// where the beaten were taken.
var beatingWords = set("baton", "batons", "stick", "sticks", "whip", "whips", "whipped", "club", "clubs", "rod", "rods",
	"truncheon", "truncheons", "rifle-butts", "butts", "machete", "machetes", "hospital", "hospitalised", "hospitalized",
	"bruised", "bruises", "tortured", "unconscious")

var contestWords = set("election", "elections", "polls", "poll", "vote", "votes", "ballot", "runoff", "run-off", "match",
	"final", "semi-final", "league", "cup", "tournament", "championship", "race", "game", "odds", "deadline", "record", "score")

// defusedOnly reports whether the sentence tells of a device defused and
// of nothing that went off or hurt anyone: "two bombs were discovered and
// defused by police" is ACLED's disrupted weapons use, not an explosion.
func defusedOnly(s *sent) bool {
	defused := false
	for k, w := range s.words {
		switch w {
		case "defuse", "defused", "defuses", "defusing", "deactivate", "deactivated", "deactivating", "diffused":
			defused = true
		case "exploded", "explosion", "explosions", "detonated", "blast", "blasts", "killed", "killing", "injured",
			"injuring", "wounded", "wounding", "dead", "died", "damaged":
			return false
		case "went":
			if k+1 < len(s.words) && s.words[k+1] == "off" {
				return false
			}
		}
	}
	return defused
}

// weaponNouns name weapons, explosives or ammunition: what a seizure must
// take to be ACLED's disrupted weapons use, and what a defusing must be of
// ("mediators defused tensions" speaks of none).
var weaponNouns = set("weapons", "weapon", "arms", "ammunition", "ammo", "rifles", "rifle", "guns", "gun", "explosives",
	"explosive", "bomb", "bombs", "ied", "ieds", "device", "devices", "mine", "mines", "landmine", "landmines",
	"grenade", "grenades", "rockets", "rocket", "mortars", "mortar", "missiles", "missile", "cache", "caches",
	"munitions", "detonators", "vest", "vests", "pistols", "pistol", "ak-47", "kalashnikov", "kalashnikovs")

// reasonFor reports whether the trigger is told as the reason for
// something else: "accused of stealing", "set alight for apparently
// stealing", "suspected of looting". Praise names the act itself: in
// "praised soldiers for confiscating 200 rifles" the seizure happened
// and is coded.
func reasonFor(c *cand) bool {
	w := c.s.words
	for k := c.trig - 1; k >= 0 && k >= c.trig-2; k-- {
		if w[k] != "of" && w[k] != "for" {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-3; j-- {
			if praiseWords[w[j]] {
				return false
			}
		}
		return true
	}
	return false
}

// praiseWords credit someone with an act: "praised for", "thanked them
// for", "commended for".
var praiseWords = set("praised", "praises", "praising", "commended", "commends", "commending", "credited", "thanked",
	"thanks", "thanking", "hailed", "hails", "lauded", "lauds", "rewarded", "honoured", "honored", "congratulated",
	"congratulates", "applauded", "decorated", "medal", "medals", "award", "awarded")
