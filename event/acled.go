package event

import (
	"bytes"
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/ontology"
)

// Category classifies an actor into ACLED's actor categories: from the
// actor dictionary's sector when it has one, else from the words of its
// name ("security forces" are state forces, "protesters" protesters).
func Category(a *sitrep.ActorRef) ontology.ActorCategory {
	if a == nil {
		return ontology.NoActor
	}
	switch strings.ToUpper(a.Sector) {
	case "GOV", "MIL", "COP", "SPY", "JUD", "LEG":
		return ontology.StateForces
	case "REB", "INS", "SEP", "UAF":
		return ontology.RebelGroup
	case "MILITIA":
		return ontology.PoliticalMilitia
	case "CVL", "EDU", "MED", "REL", "JRN", "REF", "LAB", "AGR", "BUS", "HLH":
		return ontology.Civilians
	}
	bits := categoryBits(a.Name) | categoryBits(a.Text)
	has := func(b uint16) bool { return bits&b != 0 }
	switch {
	case has(catProtest):
		return ontology.Protesters
	case has(catRioter):
		return ontology.Rioters
	case has(catIdentity) && has(catMilitia):
		return ontology.IdentityMilitia
	case has(catMilitia):
		return ontology.PoliticalMilitia
	case has(catRebel) && !has(catStateBody):
		return ontology.RebelGroup
	case has(catExternal):
		return ontology.ExternalForces
	case has(catState):
		return ontology.StateForces
	case has(catVictim):
		return ontology.Civilians
	}
	return ontology.NoActor
}

// The word lists Category reads, as bits of categoryWords: one look-up a
// word of the actor's name and text, however many lists it consults.
const (
	catProtest uint16 = 1 << iota
	catRioter
	catIdentity
	catMilitia
	catRebel
	catStateBody // a rebel name's words that make it a state's body
	catExternal
	catState
	catVictim
)

// categoryWords maps each word of Category's lists to the bits of the
// lists that hold it.
var categoryWords = func() map[string]uint16 {
	m := map[string]uint16{}
	for _, l := range []struct {
		words map[string]bool
		bit   uint16
	}{
		{protestWords, catProtest}, {rioterWords, catRioter}, {identityWords, catIdentity},
		{militiaWords, catMilitia}, {rebelWords, catRebel}, {set("government", "army", "police", "security"), catStateBody},
		{externalWords, catExternal}, {stateWords, catState}, {victims, catVictim},
	} {
		for w := range l.words {
			m[w] |= l.bit
		}
	}
	return m
}()

// categoryBits returns the bits of categoryWords of the words of
// strings.Fields(strings.ToLower(s)) trimmed of ",.()": an ASCII word is
// lower-cased in a buffer of the call, so it costs no allocation.
func categoryBits(s string) uint16 {
	var bits uint16
	var buf [64]byte
	for w := range strings.FieldsSeq(s) {
		if b, ok := lowerASCII(buf[:0], w); ok {
			bits |= categoryWords[string(bytes.Trim(b, ",.()"))]
		} else {
			bits |= categoryWords[strings.Trim(strings.ToLower(w), ",.()")]
		}
	}
	return bits
}

// lowerASCII appends w lower-cased to dst, or reports false when w is
// not ASCII.
func lowerASCII(dst []byte, w string) ([]byte, bool) {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return dst, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// classify sets the ACLED event type, sub-event type and interaction of an
// event ACLED would record: political violence, demonstrations and the
// strategic developments of a conflict. Events that only happened in
// words (statements, talks, accusations) have no ACLED type.
func (r *reader) classify(c *cand) {
	e := &c.ev
	if !ontology.ValidMode(e.Type, e.Mode) {
		e.Mode = "" // a CAMEO mode PLOVER does not use
	}
	cat1, cat2 := Category(e.Actor1), Category(e.Actor2)
	if cat2 == ontology.StateForces && e.Actor2 != nil && officeHolder(e.Actor2) || e.Actor2 != nil && retired(e.Actor2) {
		cat2 = ontology.Civilians
	}
	typ, sub := "", ""
	switch e.Type {
	case sitrep.Assault:
		switch e.Mode {
		case "aerial", "drone":
			typ, sub = ontology.ExplosionsRemote, ontology.AirDroneStrike
		case "heavy-weapons":
			typ, sub = ontology.ExplosionsRemote, ontology.ShellingArtillery
		case "suicide-attack":
			typ, sub = ontology.ExplosionsRemote, ontology.SuicideBomb
		case "explosives":
			typ, sub = ontology.ExplosionsRemote, ontology.RemoteExplosive
			if c.cue == "grenade" {
				sub = ontology.Grenade
			}
		case "unconventional":
			typ, sub = ontology.ExplosionsRemote, ontology.ChemicalWeapon
		case "abduct":
			typ, sub = ontology.ViolenceCivilians, ontology.Abduction
		case "sexual":
			typ, sub = ontology.ViolenceCivilians, ontology.SexualViolence
		case "seize":
			typ, sub = destruction(c, cat1, cat2)
		default:
			typ, sub = ontology.Battles, ontology.ArmedClash
			if c.flags&fCapture != 0 && capturedPeople(c) {
				// "captured a militant commander", "captured two aid
				// workers": people taken, no ground; killed, the killing
				// decides
				killed := e.Fatalities != nil && *e.Fatalities > 0
				switch {
				case (cat2 == ontology.Civilians || victimName(e.Actor2)) && killed:
					typ, sub = ontology.ViolenceCivilians, ontology.Attack
				case cat2 == ontology.Civilians || victimName(e.Actor2):
					typ, sub = ontology.ViolenceCivilians, ontology.Abduction
				case cat1 == ontology.StateForces && !killed:
					// the state's forces taking armed men hold them: an
					// arrest, in PLOVER's terms too
					typ, sub = ontology.StrategicDevelopments, ontology.Arrests
					e.Type, e.Mode = sitrep.Coerce, "arrest"
				}
			} else if c.flags&fCapture != 0 {
				sub = ontology.NonStateOvertakes
				if cat1 == ontology.StateForces {
					sub = ontology.GovernmentRegains
				}
			} else if cat2 == ontology.Protesters || cat2 == ontology.Rioters && cat1 == ontology.StateForces || protestContext(c) && cat1 == ontology.StateForces {
				typ, sub = ontology.Protests, ontology.ExcessiveForce
				if e.Fatalities == nil || *e.Fatalities == 0 {
					sub = ontology.ProtestIntervention
				}
			} else if cat1 == ontology.Rioters || cat1 == ontology.Protesters || protestContext(c) && cat1 != ontology.StateForces && cat1 != ontology.RebelGroup {
				typ, sub = ontology.Riots, ontology.ViolentDemonstration
				if !protestContext(c) {
					sub = ontology.MobViolence
				}
			} else if !r.fighting(c) && (cat2 == ontology.Civilians || (cat2 == ontology.NoActor || cat2 == ontology.Rioters) && e.Actor2 != nil && victimName(e.Actor2) || e.Actor2 == nil && e.Mode == "beat" || (e.Actor2 == nil || placeActor(c, e.Actor2)) && victimPatient(c)) {
				// civilians or a named victim hit, unless the sentence tells
				// of fighting: a man killed in a clash between two
				// communities, civilians caught in crossfire are a battle's
				// dead
				typ, sub = ontology.ViolenceCivilians, ontology.Attack
			} else if r.unarmedTarget(c, cat1, cat2) {
				typ, sub = ontology.ViolenceCivilians, ontology.Attack
			}
		}
	case sitrep.Protest:
		if riotous(c) && e.Mode != "riot" {
			e.Mode = "riot"
		}
		switch {
		case e.Mode == "riot":
			typ, sub = ontology.Riots, ontology.ViolentDemonstration
		case e.Fatalities != nil && *e.Fatalities > 0:
			typ, sub = ontology.Protests, ontology.ExcessiveForce
		default:
			typ, sub = ontology.Protests, ontology.PeacefulProtest
		}
		// whoever protests is coded as protesters, or rioters when it turns
		// violent: "residents of Tsafe burnt tyres"
		if cat1 == ontology.NoActor || cat1 == ontology.Civilians || cat1 == ontology.Protesters || cat1 == ontology.Rioters {
			cat1 = ontology.Protesters
			if e.Mode == "riot" {
				cat1 = ontology.Rioters
			}
		}
	case sitrep.Retreat:
		if c.leaving {
			// attackers who leave the scene of their attack: its end, no
			// territory handed over
		} else if e.Mode == "surrender" {
			// fighters who give themselves up: the codebook's agreement,
			// no territory changes hands
			typ, sub = ontology.StrategicDevelopments, ontology.Agreement
		} else if (e.Mode == "withdraw" || e.Mode == "") && (cat1 == ontology.Civilians || e.Actor1 != nil && (cat1 == ontology.NoActor || cat1 == ontology.Rioters) && victimName(e.Actor1)) {
			// residents who flee hand over no territory: displacement,
			// which ACLED does not record as an event
		} else if e.Mode == "withdraw" || e.Mode == "" {
			typ, sub = ontology.StrategicDevelopments, ontology.NonViolentTransfer
		} else if e.Mode == "ceasefire" {
			typ, sub = ontology.StrategicDevelopments, ontology.Agreement
		} else if e.Mode == "release" {
			typ, sub = ontology.StrategicDevelopments, ontology.OtherDevelopment
		}
	case sitrep.Agree:
		if isPeaceDeal(c) {
			typ, sub = ontology.StrategicDevelopments, ontology.Agreement
		}
	case sitrep.Coerce:
		switch e.Mode {
		case "arrest", "detain":
			typ, sub = ontology.StrategicDevelopments, ontology.Arrests
		case "seize", "confiscate":
			switch {
			case reasonFor(c):
				// "a crowd lynched a youth accused of stealing a phone": the
				// reason given for another act, not an event of its own
			case c.s.holds(weaponNouns):
				typ, sub = ontology.StrategicDevelopments, ontology.DisruptedWeapons
			case cat1 != ontology.StateForces:
				// "stole 40 cattle", "looted livestock": no weapon taken,
				// property taken by force
				typ, sub = ontology.StrategicDevelopments, ontology.LootingDestruction
			}
		case "destroy":
			typ, sub = destruction(c, cat1, cat2)
		}
	case sitrep.Mobilize:
		if staffSent(c) {
			if e.Mode == "troops" {
				e.Mode = "" // experts or doctors sent are no troops
			}
		} else {
			typ, sub = ontology.StrategicDevelopments, ontology.ChangeToGroup
		}
	case sitrep.Reject:
		if defection(c) {
			// fighters who change sides: the codebook's change to group
			typ, sub = ontology.StrategicDevelopments, ontology.ChangeToGroup
		}
	}
	if typ == ontology.ExplosionsRemote && disrupted(c) {
		// "a bomb detonated prematurely", "killed while planting a mine":
		// the codebook's disrupted weapons use
		typ, sub = ontology.StrategicDevelopments, ontology.DisruptedWeapons
	}
	if !e.Modality.Happened() {
		typ, sub = "", ""
	}
	e.ACLEDEventType, e.ACLEDSubEventType = typ, sub
	if typ != "" {
		if typ == ontology.ViolenceCivilians && cat2 == ontology.NoActor {
			cat2 = ontology.Civilians
		}
		// attackers named by no one, or only by what they are ("gunmen"),
		// are ACLED's unidentified armed group, a political militia; a
		// state that fights ("Russia shelled …") fights with its forces
		if ontology.PoliticalViolence(typ) {
			if cat1 == ontology.NoActor && (e.Actor1 == nil || e.Actor1.Unnamed()) {
				cat1 = ontology.PoliticalMilitia
			}
			if cat1 == ontology.NoActor && e.Actor1 != nil && e.Actor1.Kind == string(sitrep.ActorState) {
				cat1 = ontology.StateForces
			}
			if cat2 == ontology.NoActor && e.Actor2 != nil && e.Actor2.Kind == string(sitrep.ActorState) {
				cat2 = ontology.StateForces
			}
			if cat2 == ontology.NoActor && e.Actor2.Unnamed() {
				cat2 = ontology.PoliticalMilitia
			}
		}
		e.Interaction = ontology.Interaction(cat1, cat2)
		e.Inter1, e.Inter2 = int(cat1), int(cat2)
	}
}

// destruction classifies property destroyed, burnt or looted: a crowd's
// is a riot, an armed group's against another's a battle, else looting
// or property destruction.
func destruction(c *cand, cat1, cat2 ontology.ActorCategory) (typ, sub string) {
	switch {
	case cat1 == ontology.Rioters || cat1 == ontology.Protesters || cat1 == ontology.Civilians || protestContext(c):
		if protestContext(c) {
			return ontology.Riots, ontology.ViolentDemonstration
		}
		return ontology.Riots, ontology.MobViolence
	case cat2 != ontology.NoActor && cat2 != ontology.Civilians:
		return ontology.Battles, ontology.ArmedClash
	}
	return ontology.StrategicDevelopments, ontology.LootingDestruction
}

func victimName(a *sitrep.ActorRef) bool {
	if a == nil {
		return false
	}
	words := strings.Fields(strings.ToLower(a.Name))
	if retired(a) {
		return true
	}
	for _, w := range words {
		// "armed men", "pro-government militia members", "party members
		// of the rebel wing": armed people are no civilians
		if w == "armed" || w == "gunmen" || strings.Contains(w, "militia") || armedWords[w] || combatantWords[w] {
			return false
		}
	}
	for _, w := range words {
		if victims[w] || civilianTargets[w] || w == "men" || w == "member" || w == "members" || officeHolders[w] {
			return true
		}
	}
	return false
}

// retired reports whether an actor is someone formerly under arms or in
// office ("a former soldier", "a retired police officer"): a civilian now.
func retired(a *sitrep.ActorRef) bool {
	f := strings.Fields(strings.ToLower(a.Name))
	return len(f) > 1 && (f[0] == "former" || f[0] == "retired")
}

// officeHolders are civilians who hold an office: attacked, they are
// victims of violence against civilians, not a side in a battle ("gunmen
// killed a government official", "cadres attacked a PF member").
var officeHolders = set("official", "officials", "mayor", "governor", "lawmaker", "lawmakers", "mp", "legislator",
	"councillor", "councilor", "judge", "prosecutor", "administrator", "commissioner", "minister", "candidate", "candidates")

// combatantWords beside armedWords make a victim's name a combatant:
// "militia members", "rebel supporters".
var combatantWords = set("militias", "militiamen", "rebel", "rebels", "insurgent", "insurgents", "militant", "militants",
	"guerrilla", "guerrillas", "fighters", "arbaki", "arbakis", "vigilante", "vigilantes", "guards", "bodyguards")

// placeActor reports whether an actor was read from a place name of the
// candidate's sentence ("Boko Haram raided Gouzoudou village").
func placeActor(c *cand, a *sitrep.ActorRef) bool {
	if a.ID != "" || a.Span == nil {
		return false
	}
	for i := range c.s.mentions {
		m := &c.s.mentions[i]
		if m.ref.Span == nil || !m.ref.Span.Overlaps(*a.Span) {
			continue
		}
		w := c.s.words
		// a name the gazetteer lacks, said to be a place: "Gouzoudou
		// village", "the villages of Uzaar"
		if m.place || m.last < len(w) && settlement[w[m.last]] || m.first >= 2 && w[m.first-1] == "of" && settlement[w[m.first-2]] {
			return true
		}
	}
	return false
}

// settlement words name an inhabited place.
var settlement = set("village", "villages", "town", "towns", "area", "areas", "district", "camp", "settlement", "locality", "neighbourhood", "neighborhood", "hamlet")

// victimPatient reports whether the one a kill verb of the sentence acted
// on, read from the parse, is an unarmed person: "1 tribal elder was
// killed", "shot and killed a woman".
func victimPatient(c *cand) bool {
	// "gunmen shot him dead": one person, named by no armed side; not
	// when the pronoun can stand for an armed one told before the verb
	// ("cornered the rebel commander and shot him dead")
	if k := c.trig + 1; k+1 < len(c.s.words) && (c.s.words[k] == "him" || c.s.words[k] == "her") && c.s.words[k+1] != "," && !armedAntecedent(c) {
		return true
	}
	t := c.s.tree
	if t == nil {
		return false
	}
	for k, w := range c.s.words {
		if k != c.trig && w != "killed" && w != "wounded" && w != "injured" && w != "murdered" && w != "executed" && w != "beheaded" {
			continue
		}
		for _, d := range t.kids[k] {
			if t.rel[d] != "obj" && t.rel[d] != "nsubj:pass" {
				continue
			}
			if victimWord(c.s, d) {
				return true
			}
			for _, cj := range t.kids[d] {
				if t.rel[cj] == "conj" && victimWord(c.s, cj) {
					return true
				}
			}
		}
		// "gunmen attacked and raped displaced women": the object of the trigger's
		// conjunct verb
		if k == c.trig {
			for _, cj := range t.kids[k] {
				if t.rel[cj] != "conj" {
					continue
				}
				for _, d := range t.kids[cj] {
					if t.rel[d] == "obj" && victimWord(c.s, d) {
						return true
					}
				}
			}
		}
	}
	return false
}

// capturedPeople reports whether a capture took people, not ground: its
// object is a person or a group of people the sentence names right after
// the verb ("captured three soldiers"), not a place ("captured the town").
// The words decide when the event has no target of its own ("captured a
// militant and killed him", where the killing's "him" took its place).
func capturedPeople(c *cand) bool {
	if a := c.ev.Actor2; a != nil && (a.Span == nil || placeActor(c, a)) {
		return false
	}
	w := c.s.words
	end := c.trig + 1
	for end < len(w) && end <= c.trig+5 && c.s.toks[end].UPOS != "ADP" && c.s.toks[end].UPOS != "PUNCT" {
		if populated[w[end]] || settlement[w[end]] || holdNouns[w[end]] || w[end] == "post" || w[end] == "posts" {
			return false // "captured two villages", "captured an army base"
		}
		end++
	}
	for k := c.trig + 1; k < end; k++ {
		if victims[w[k]] || armedWords[w[k]] || combatantWords[w[k]] || armedSingular[w[k]] || civilianStaff[w[k]] || officeHolders[w[k]] || w[k] == "workers" || w[k] == "commander" || w[k] == "commanders" {
			return true
		}
	}
	return false
}

// staffSent reports whether what a mobilisation sends or hires is
// unarmed staff ("dispatched forensic experts", "deployed a team of
// doctors", "hired two auditors"): no armed group changes, so ACLED
// records nothing.
func staffSent(c *cand) bool {
	w := c.s.words
	for k := c.trig + 1; k < len(w) && k <= c.trig+6; k++ {
		switch {
		case armedWords[w[k]] || combatantWords[w[k]] || rebelWords[w[k]] || armedSingular[w[k]] || strings.Contains(w[k], "militia") || w[k] == "men" || w[k] == "recruits" || w[k] == "reinforcements":
			return false
		case civilianStaff[w[k]]:
			return true
		case w[k] == "." || w[k] == "," || w[k] == "to" || w[k] == "in" || w[k] == "on":
			return false
		}
	}
	return false
}

// civilianStaff are people sent for their trade, not to fight.
var civilianStaff = set("experts", "expert", "doctors", "doctor", "nurses", "medics", "auditors", "auditor", "investigators",
	"inspectors", "engineers", "teachers", "envoys", "envoy", "diplomats", "mediators", "surgeons", "staff", "volunteers")

// armedAntecedent reports whether a word naming an armed person or force
// stands between the doer and the trigger of c: "troops cornered the
// rebel commander and shot him".
func armedAntecedent(c *cand) bool {
	w := c.s.words
	for k := 0; k < c.trig; k++ {
		if a := c.ev.Actor1; a != nil && a.Span != nil && c.s.toks[k].Span.Start < a.Span.End {
			continue // the doer's own words
		}
		if armedWords[w[k]] || combatantWords[w[k]] || rebelWords[w[k]] || armedSingular[w[k]] || strings.Contains(w[k], "militia") {
			return true
		}
	}
	return false
}

// armedSingular name one armed person ("a soldier", "the commander")
// that armedWords, combatantWords and rebelWords leave out.
var armedSingular = set("soldier", "policeman", "commander", "fighter", "gunman", "gunmen", "guard", "gang")

// victimWord reports whether the noun at k, with its modifiers, names an
// unarmed person: "tribal elder", "woman", not "militia member".
func victimWord(s *sent, k int) bool {
	if capitalised(s.toks[k].Text) && k+1 < len(s.words) && civilianTargets[s.words[k+1]] {
		k++ // "Gouzoudou village" the parser headed on the name
	}
	if !victims[s.words[k]] && !civilianTargets[s.words[k]] {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		w := s.words[j]
		if up := s.toks[j].UPOS; up == "VERB" || up == "AUX" || up == "ADP" || up == "PUNCT" {
			break // the noun phrase ends: "insurgents raided Kolawa village"
		}
		if armedWords[w] || combatantWords[w] || strings.Contains(w, "militia") || w == "armed" || w == "former" {
			return false
		}
	}
	return true
}

// civilianTargets are places and things whose attack ACLED counts as
// violence against civilians when no armed side is named: "raided Sidabo
// village", "attacked a public transport vehicle", "IDPs".
var civilianTargets = set("village", "villages", "homes", "houses", "market", "church", "mosque", "school", "hospital",
	"bus", "idps", "idp", "displaced", "residential", "worshippers", "congregation", "motorists", "vehicle", "vehicles",
	"minibus", "car", "cars")

// disrupted reports whether the sentence tells of a device that went off
// before its time or in the hands of those handling it.
func disrupted(c *cand) bool {
	for k, w := range c.s.words {
		switch w {
		case "prematurely", "accidentally":
			return true
		case "while", "when":
			if k+1 < len(c.s.words) {
				switch c.s.words[k+1] {
				case "planting", "making", "assembling", "building", "transporting", "handling", "laying", "defusing":
					return true
				}
			}
		}
	}
	return false
}

// isPeaceDeal reports whether an agreement is one between the parties of a
// conflict (a ceasefire, a peace or prisoner deal) that ACLED records.
func isPeaceDeal(c *cand) bool {
	for _, w := range c.s.words {
		switch w {
		case "ceasefire", "cease-fire", "truce", "peace", "armistice", "prisoner", "prisoners", "exchange", "swap":
			return true
		}
	}
	return false
}

// protestContext reports whether the sentence of the event speaks of a
// demonstration, strike or riot.
func protestContext(c *cand) bool {
	for k, w := range c.s.words {
		if c.s.inTime[k] {
			continue
		}
		switch w {
		case "protest", "protests", "protested", "protesting", "protesters", "protestors", "demonstration",
			"demonstrations", "demonstrators", "demonstrated", "riot", "riots", "rioters", "rioting",
			"march", "marched", "marchers", "rally", "rallies":
			return true
		case "strike":
			if labourStrike(c.s, k) { // not "a strike on the convoy"
				return true
			}
		case "teargas", "tear-gas":
			return true // crowd control: the crowd is a protest's
		case "gas", "cannon", "cannons":
			if k > 0 && (w == "gas" && c.s.words[k-1] == "tear" || w != "gas" && c.s.words[k-1] == "water") {
				return true // "fired tear gas", "water cannon"
			}
		}
	}
	return false
}

// riotous reports whether a protest turned violent: stones, fire, looting.
func riotous(c *cand) bool {
	for k, w := range c.s.words {
		if c.s.inTime[k] {
			continue
		}
		switch w {
		case "stones", "stoned", "torched", "looted", "looting", "burned", "burnt", "set", "vandalised",
			"vandalized", "clashed", "clashes", "violent", "rioted", "rioters", "barricades", "petrol":
			return true
		}
	}
	return false
}

// belligerent reports whether an actor is a party that fights: state
// forces, rebels or militias.
func belligerent(a *sitrep.ActorRef) bool {
	switch Category(a) {
	case ontology.RebelGroup, ontology.PoliticalMilitia, ontology.IdentityMilitia:
		return true
	case ontology.StateForces:
		for w := range strings.FieldsSeq(strings.ToLower(a.Name + " " + a.Text)) {
			if armedWords[w] {
				return true
			}
		}
	}
	return false
}

// armedWords name armed state actors, as against officials and ministries.
var armedWords = set("army", "military", "troops", "soldiers", "forces", "police", "commandos", "navy", "militia", "guards")

// officeHolder reports whether an actor is an unarmed holder of an office
// ("a government official", "the district governor"), not the forces of
// the state.
func officeHolder(a *sitrep.ActorRef) bool {
	head := lastWord(a.Text) // the phrase's head: its text's last word, else its name's
	if head == "" {
		head = lastWord(a.Name)
	}
	if !officeHolders[strings.ToLower(head)] {
		return false
	}
	words := strings.Fields(strings.ToLower(a.Name + " " + a.Text))
	for _, w := range words {
		if armedWords[w] || combatantWords[w] || w == "police" || w == "security" || w == "intelligence" || w == "defence" || w == "defense" || w == "military" {
			return false
		}
	}
	return true
}
