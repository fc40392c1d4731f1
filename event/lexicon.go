package event

import (
	_ "embed"
	"hash/maphash"
	"maps"
	"slices"
	"strings"

	"github.com/sitrep/sitrep"
)

//go:generate go run ./internal/lexgen -cameo ../../shared/lexicon/petrarch2/CAMEO.2.0.txt -plover ../../shared/eval/eventcoding/CAMEO2PLOVER-2021.txt -o cameo.tsv

//go:embed cameo.tsv
var cameoTSV string

// Trigger flags.
const (
	fVerb    = 1 << iota // the entry is a verb
	fNoun                // the entry is an event noun
	fGovern              // takes a complement event: "threatened to attack"
	fCapture             // takes territory: "captured", "overran"
	fMotion              // movement that elaborates a retreat or deployment
	fDeny                // denial: "denied that"
	fLight               // light verb: "launched an attack", "carried out strikes"
	fIntrans             // the subject is the only actor: "retreated", "protested"
	fKill                // a killing verb: its object are victims
	fNeedObj             // codes only with an object word from the CAMEO patterns
	fPatient             // the subject is the one acted on: "came under fire"
)

// entry is one trigger of the lexicon.
type entry struct {
	words []string // the form, one or more words
	lemma string
	typ   sitrep.EventType
	mode  string
	flags int
	// curated entries outrank those seeded from the CAMEO dictionary.
	curated bool
	// patterns from the CAMEO dictionary: object words that change the code.
	block int
}

// deathVerb reports whether flags mark a verb of dying: its subject was
// killed ("died", "perished"), the killer untold.
func deathVerb(flags int) bool { return flags&(fPatient|fKill) == fPatient|fKill }

// lexicon indexes trigger entries by their first word.
type lexicon struct {
	byFirst map[string][]*entry
	// firstBits has a bit set for the hash of each key of byFirst (see
	// first).
	firstBits [1024]uint64
	patterns  map[int][]cameoPattern
	synsets   map[string][]string
	// formWords numbers every word form of every pattern (the union of
	// their forms); wordSets[id] lists, ascending, the pattern words
	// (cameoPattern.sets) whose forms hold it. pattern reads a word's
	// sets once instead of looking it up in each pattern's forms.
	formWords map[string]int32
	wordSets  [][]int32
}

type cameoPattern struct {
	typ   sitrep.EventType // "" for NONE: the pattern cancels the verb
	mode  string
	words []string
	// forms[k] holds every word form that matches words[k]: its plural,
	// or each member of a synset.
	forms []map[string]bool
	// sets[k] numbers words[k] among the lexicon's pattern words (see
	// lexicon.wordSets).
	sets []int32
}

// curated is the hand-written trigger table. Each line is
//
//	KIND TYPE MODE FLAGS: lemma lemma ...
//
// KIND is v (verb), n (noun) or vn (both); MODE and FLAGS are "-" when
// empty. Multi-word lemmas join their words with "_". It covers the words
// conflict reporting uses, and overrides the CAMEO seed where that is known
// to mislead ("retreat" is CAMEO's yield, a concession; here a RETREAT).
const curated = `
vn ASSAULT - -: attack assault raid storm ambush bombard invade hit target pound repulse repel besiege massacre skirmish counterattack counter-attack
vn ASSAULT - -: clash fight battle
v ASSAULT - fPatient: come_under_fire come_under_attack come_under_shelling come_under_bombardment
v ASSAULT - fPatient,fKill: die perish
n ASSAULT - -: fighting clashes attacks raids ambushes assaults massacres skirmishes counterattacks counter-attacks offensive hostilities incursion invasion intervention firefight gunfight combat counteroffensive onslaught siege violence
vn ASSAULT aerial -: airstrike air_strike air_raid bomb bombing
n ASSAULT aerial -: air_strikes airstrikes air_raids bombardment
n ASSAULT drone -: drone_strike drone_strikes drone_attack
vn ASSAULT heavy-weapons -: shell shelling
n ASSAULT heavy-weapons -: artillery_fire rocket_attack mortar_attack missile_attack rocket_fire mortar_fire missile_strike
vn ASSAULT explosives -: explode detonate blast explosion
n ASSAULT explosives -: car_bombing roadside_bombing bombings
n ASSAULT suicide-attack -: suicide_bombing suicide_attack
vn ASSAULT firearms -: shoot gun_down open_fire
vn ASSAULT firearms fKill: shoot_dead
v ASSAULT - fKill: kill slay murder execute behead lynch
n ASSAULT - -: killing killings
v ASSAULT - -: wound injure
vn ASSAULT assassinate fKill: assassinate assassination
v ASSAULT beat -: stab beat bludgeon club
v ASSAULT beat fKill: stab_to_death beat_to_death hack_to_death club_to_death
v ASSAULT - fKill: burn_to_death
vn ASSAULT abduct -: abduct kidnap abduction kidnapping hijack
n ASSAULT cleansing -: ethnic_cleansing
vn ASSAULT sexual -: rape
vn ASSAULT torture -: torture
vn ASSAULT - fCapture: capture recapture overrun seize retake
v ASSAULT - fCapture: dislodge overran
v ASSAULT - fCapture: overtake take_control take_over wrest
vn COERCE destroy -: destroy destruction
v COERCE destroy -: burn torch loot ransack vandalise vandalize smash tear_up tear_down set_fire
vn RETREAT withdraw fIntrans: retreat withdraw pull_out pull_back withdrawal pullout
v RETREAT surrender fIntrans: surrender
n RETREAT surrender -: surrender
v RETREAT withdraw fIntrans: flee abandon evacuate
v RETREAT withdraw -: leave_behind
v RETREAT release -: release free
n RETREAT ceasefire -: unilateral_ceasefire
v RETREAT disarm -: disarm demobilize
v RETREAT - fMotion: travel move relocate fly drive head redeploy transfer
vn MOBILIZE troops -: deploy mobilize deployment mobilization buildup build_up reinforce
v MOBILIZE troops -: dispatch station amass hire recruit mobilise
n MOBILIZE troops -: reinforcements mobilization alert high_alert
v CONSULT - -: discuss meet consult confer negotiate talk
n CONSULT - -: talks meeting negotiations consultations summit discussions
vn CONSULT visit -: visit
v CONSULT host -: host
vn CONSULT phone -: phone telephone phone_call
n CONSULT phone -: call
v CONSULT mediate -: mediate
n CONSULT mediate -: mediation
v AGREE - fGovern: agree pledge promise offer vow commit consent accept
v COERCE - fGovern: order force compel
n AGREE - -: agreement accord deal truce ceasefire
v SUPPORT - -: praise endorse support back welcome commend hail congratulate thank recognize recognise apologize apologise defend forgive pardon
v SUPPORT agreement -: sign
n SUPPORT - -: endorsement recognition apology
v COOPERATE - -: cooperate collaborate coordinate partner ally
v COOPERATE legal -: extradite
n COOPERATE legal -: extradition
n COOPERATE military -: war_games joint_exercises joint_exercise joint_drills joint_patrols
n COOPERATE - -: cooperation collaboration alliance
v AID - -: aid donate supply provide deliver fund finance assist hand_over airlift contribute
v RETREAT access -: open_border open_borders
n AID - -: aid assistance relief donation
v CONCEDE - -: concede yield accede relent compromise back_down cave lift ease relax loosen shorten call_off allow
v RETREAT - -: resign step_down quit abdicate
n CONCEDE - -: concession concessions resignation
v REQUEST - fGovern: ask appeal urge demand request call_for call_on plead petition press implore
n REQUEST - -: demand demands appeal request plea
v REJECT - fGovern: reject refuse decline dismiss veto rebuff spurn defy oppose
v REJECT - -: renege violate breach flout
v REJECT - -: defect switch_sides
n REJECT - -: rejection refusal veto
v REJECT deny fDeny: deny
n REJECT deny fDeny: denial
v ACCUSE allege fGovern: accuse blame allege
v ACCUSE allege -: indict sue charge complain
n ACCUSE allege -: indictment lawsuit complaint allegation charges
v ACCUSE disapprove -: criticize criticise condemn denounce censure decry slam deplore
n ACCUSE disapprove -: criticism condemnation accusation accusations allegations
v ACCUSE investigate -: investigate probe
n ACCUSE investigate -: investigation probe inquiry
vn PROTEST demo fIntrans: protest demonstrate rally march
n PROTEST demo -: protests demonstration demonstrations rallies sit-in mini-protest counter-protest counter-protests protest_march
v PROTEST demo fIntrans: chant picket wave_placards
v PROTEST riot fIntrans: riot
v PROTEST riot fIntrans: burn_tyres burn_tires burn_tyre burn_tire
n PROTEST riot -: riots rioting unrest
v PROTEST obstruct -: block barricade
n PROTEST hunger -: hunger_strike
n PROTEST boycott -: general_strike boycott walkout on_strike hunger_strikes sit-ins
n PROTEST boycott -: strike strikes
v PROTEST boycott fIntrans: strike_over go_on_strike went_on_strike
v PROTEST boycott -: boycott
v PROTEST demo fIntrans: picket gather take_to_the_streets took_to_the_streets march chant
v SANCTION - -: sanction embargo
n SANCTION - -: sanctions embargo
v SANCTION withdraw -: sever cut_ties break_off recall
v SANCTION expel -: expel
v SANCTION discontinue -: suspend halt prohibit reduce freeze withhold
n SANCTION discontinue -: suspension
v COERCE arrest -: arrest detain jail imprison apprehend nab
n COERCE arrest -: arrest arrests detention
v COERCE seize -: confiscate impound
v COERCE seize -: defuse deactivate
v COERCE ban -: ban outlaw
n COERCE ban -: ban
n COERCE curfew -: curfew
v COERCE deport -: deport
n COERCE martial-law -: martial_law state_of_emergency
v COERCE - -: crack_down raze demolish bulldoze hack deface evict censor muzzle prevent bar disperse
n COERCE restrict -: blockade blockades state_of_siege restrictions
n COERCE - -: crackdown
v COERCE restrict -: restrict blockade
v THREATEN - fGovern: threaten warn
n THREATEN - -: threat threats warning ultimatum
`

// irregular verb forms: lemma → past, participle, -ing, -s.
var irregular = map[string][]string{
	"shoot": {"shot", "shooting", "shoots"}, "throw": {"threw", "thrown", "throwing", "throws"}, "fight": {"fought", "fighting", "fights"},
	"take": {"took", "taken", "taking", "takes"}, "hit": {"hit", "hitting", "hits"},
	"overrun": {"overran", "overrunning", "overruns"}, "withdraw": {"withdrew", "withdrawn", "withdrawing", "withdraws"},
	"meet": {"met", "meeting", "meets"}, "flee": {"fled", "fleeing", "flees"},
	"fly": {"flew", "flown", "flying", "flies"}, "drive": {"drove", "driven", "driving", "drives"},
	"overtake": {"overtook", "overtaken", "overtaking", "overtakes"}, "slay": {"slew", "slain", "slaying", "slays"},
	"build": {"built", "building", "builds"}, "break": {"broke", "broken", "breaking", "breaks"},
	"cut": {"cut", "cutting", "cuts"}, "strike": {"struck", "striking", "strikes"},
	"gun": {"gunned", "gunning", "guns"}, "set": {"set", "setting", "sets"},
	"spurn": {"spurned", "spurnt", "spurning", "spurns"}, "burn": {"burned", "burnt", "burning", "burns"},
	"seize": {"seized", "seizing", "seizes"}, "free": {"freed", "freeing", "frees"},
	"ally": {"allied", "allying", "allies"}, "step": {"stepped", "stepping", "steps"},
	"shell": {"shelled", "shelling", "shells"}, "plan": {"planned", "planning", "plans"},
	"ban": {"banned", "banning", "bans"}, "nab": {"nabbed", "nabbing", "nabs"},
	"rebuff": {"rebuffed", "rebuffing", "rebuffs"}, "open": {"opened", "opening", "opens"},
	"hold": {"held", "holding", "holds"}, "send": {"sent", "sending", "sends"},
	"lead": {"led", "leading", "leads"}, "blow": {"blew", "blown", "blowing", "blows"},
	"wrest": {"wrested", "wresting", "wrests"}, "riot": {"rioted", "rioting", "riots"},
	"commit": {"committed", "committing", "commits"}, "refer": {"referred", "referring"},
	"recall": {"recalled", "recalling", "recalls"}, "cave": {"caved", "caving", "caves"},
	"embargo": {"embargoed", "embargoing", "embargoes"}, "veto": {"vetoed", "vetoing", "vetoes"},
	"ambush": {"ambushed", "ambushing", "ambushes"}, "bomb": {"bombed", "bombing", "bombs"},
	"thank": {"thanked", "thanking", "thanks"}, "appeal": {"appealed", "appealing", "appeals"},
	"travel": {"traveled", "travelled", "traveling", "travelling", "travels"},
	"kidnap": {"kidnapped", "kidnapping", "kidnaps"}, "control": {"controlled", "controlling"},
	"patrol": {"patrolled", "patrolling", "patrols"}, "mass": {"massed", "massing", "masses"},
	"rally": {"rallied", "rallying", "rallies"}, "apply": {"applied", "applying", "applies"},
	"supply": {"supplied", "supplying", "supplies"}, "deny": {"denied", "denying", "denies"},
	"hijack": {"hijacked", "hijacking", "hijacks"}, "tear": {"tore", "torn", "tearing", "tears"},
	"retake": {"retook", "retaken", "retaking", "retakes"}, "undertake": {"undertook", "undertaken", "undertaking", "undertakes"},
	"bring": {"brought", "bringing", "brings"}, "seek": {"sought", "seeking", "seeks"},
	"speak": {"spoke", "spoken", "speaking", "speaks"}, "freeze": {"froze", "frozen", "freezing", "freezes"},
	"expel": {"expelled", "expelling", "expels"}, "repel": {"repelled", "repelling", "repels"},
	"stop": {"stopped", "stopping", "stops"}, "ship": {"shipped", "shipping", "ships"},
	"curb": {"curbed", "curbing", "curbs"}, "scrap": {"scrapped", "scrapping", "scraps"},
	"admit": {"admitted", "admitting", "admits"}, "submit": {"submitted", "submitting", "submits"},
	"permit": {"permitted", "permitting", "permits"}, "confer": {"conferred", "conferring", "confers"},
	"transfer": {"transferred", "transferring", "transfers"}, "trap": {"trapped", "trapping", "traps"},
	"swear": {"swore", "sworn", "swearing", "swears"}, "sue": {"sued", "suing", "sues"},
	"give":   {"gave", "given", "giving", "gives"},
	"come":   {"came", "coming", "comes"},
	"leave":  {"left", "leaving", "leaves"},
	"forbid": {"forbade", "forbidden", "forbidding", "forbids"},
	"begin":  {"began", "begun", "beginning", "begins"},
	"stab":   {"stabbed", "stabbing", "stabs"},
	"beat":   {"beaten", "beating", "beats"},
	"club":   {"clubbed", "clubbing", "clubs"},
}

// inflect returns the forms of a verb lemma: itself, -s, -ed, -ing.
func inflect(lemma string) []string {
	if f, ok := irregular[lemma]; ok && len(f) > 0 {
		out := append([]string{lemma}, f...)
		if !strings.HasSuffix(lemma, "e") {
			return out
		}
		return append(out, lemma+"d")
	}
	switch {
	case strings.HasSuffix(lemma, "ee"):
		return []string{lemma, lemma + "s", lemma + "d", lemma + "ing"}
	case strings.HasSuffix(lemma, "e"):
		return []string{lemma, lemma + "s", lemma + "d", lemma[:len(lemma)-1] + "ing"}
	case strings.HasSuffix(lemma, "y") && len(lemma) > 2 && !strings.ContainsRune("aeiou", rune(lemma[len(lemma)-2])):
		return []string{lemma, lemma[:len(lemma)-1] + "ies", lemma[:len(lemma)-1] + "ied", lemma + "ing"}
	case strings.HasSuffix(lemma, "sh") || strings.HasSuffix(lemma, "ch") || strings.HasSuffix(lemma, "ss") || strings.HasSuffix(lemma, "x"):
		return []string{lemma, lemma + "es", lemma + "ed", lemma + "ing"}
	}
	return []string{lemma, lemma + "s", lemma + "ed", lemma + "ing"}
}

// inflectPhrase inflects the first word of a phrasal verb.
func inflectPhrase(words []string) [][]string {
	var out [][]string
	for _, f := range inflect(words[0]) {
		out = append(out, append([]string{f}, words[1:]...))
	}
	return out
}

// loadLexicon builds the lexicon from the curated table and the embedded
// CAMEO seed.
func loadLexicon() *lexicon {
	lx := &lexicon{byFirst: map[string][]*entry{}, patterns: map[int][]cameoPattern{}, synsets: map[string][]string{}}
	have := map[string]bool{}
	add := func(e *entry) {
		if len(e.words) == 0 {
			return
		}
		key := strings.Join(e.words, " ")
		if e.curated {
			if have[key] {
				for _, o := range lx.byFirst[e.words[0]] {
					if o.curated && o.typ == e.typ && strings.Join(o.words, " ") == key {
						o.flags |= e.flags
						if o.mode == "" {
							o.mode = e.mode
						}
						return
					}
				}
			}
			have[key] = true
		} else if have[key] {
			return
		}
		lx.byFirst[e.words[0]] = append(lx.byFirst[e.words[0]], e)
	}
	for _, line := range strings.Split(curated, "\n") {
		head, list, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		f := strings.Fields(head)
		if len(f) != 4 {
			continue
		}
		kind, typ, mode, flagWords := f[0], sitrep.EventType(f[1]), f[2], f[3]
		if mode == "-" {
			mode = ""
		}
		flags := 0
		for _, fw := range strings.Split(flagWords, ",") {
			switch fw {
			case "fGovern":
				flags |= fGovern
			case "fCapture":
				flags |= fCapture
			case "fMotion":
				flags |= fMotion
			case "fDeny":
				flags |= fDeny
			case "fIntrans":
				flags |= fIntrans
			case "fKill":
				flags |= fKill
			case "fPatient":
				flags |= fPatient
			}
		}
		for _, lemma := range strings.Fields(list) {
			words := strings.Split(lemma, "_")
			name := strings.Join(words, " ")
			if strings.Contains(kind, "n") {
				add(&entry{words: words, lemma: name, typ: typ, mode: mode, flags: flags | fNoun, curated: true, block: -1})
				if len(words) == 1 && !strings.HasSuffix(lemma, "s") && kind == "n" {
					add(&entry{words: []string{lemma + "s"}, lemma: name, typ: typ, mode: mode, flags: flags | fNoun, curated: true, block: -1})
				}
			}
			if strings.Contains(kind, "v") {
				for _, form := range inflectPhrase(words) {
					add(&entry{words: form, lemma: name, typ: typ, mode: mode, flags: flags | fVerb, curated: true, block: -1})
				}
			}
		}
	}
	lx.readCAMEO(add)
	for _, l := range light {
		for _, form := range inflect(l) {
			lx.byFirst[form] = append(lx.byFirst[form], &entry{words: []string{form}, lemma: l, flags: fVerb | fLight, curated: true, block: -1})
		}
	}
	for w := range lx.byFirst {
		h := maphash.String(firstSeed, w)
		lx.firstBits[h>>6%uint64(len(lx.firstBits))] |= 1 << (h & 63)
	}
	return lx
}

// firstSeed seeds the hash of lexicon.firstBits, which lives only in
// memory.
var firstSeed = maphash.MakeSeed()

// first returns lx.byFirst[w]. Most words of a text start no entry: the
// bit of their hash in firstBits, which fits in a processor's cache where
// the map does not, is clear for most of them and skips the map.
func (lx *lexicon) first(w string) []*entry {
	h := maphash.String(firstSeed, w)
	if lx.firstBits[h>>6%uint64(len(lx.firstBits))]&(1<<(h&63)) == 0 {
		return nil
	}
	return lx.byFirst[w]
}

// light verbs carry an event noun: "launched an offensive", "carried out
// strikes", "staged a protest", "held talks".
var light = []string{"launch", "carry", "conduct", "stage", "mount", "hold", "make", "unleash", "wage", "perpetrate", "impose", "reimpose", "declare", "issue", "begin", "start", "continue", "organize", "organise"}

// broadVerbs are common verbs whose CAMEO default code is one sense among
// many ("leave" and "go" are visits, "give" cooperation, "hold" coercion,
// "called" a phone call): they code only through an object pattern.
var broadVerbs = set("leave", "go", "come", "take", "give", "hold", "call", "inspect", "see", "protect")

// readCAMEO adds the generated CAMEO seed: every verb form of a block with
// a default code, and the object patterns of every block.
func (lx *lexicon) readCAMEO(add func(*entry)) {
	blockType := map[int][2]string{}
	cache := map[string]map[string]bool{}
	for _, line := range strings.Split(cameoTSV, "\n") {
		f := strings.Split(line, "\t")
		switch f[0] {
		case "S":
			if len(f) == 3 {
				lx.synsets[f[1]] = strings.Split(f[2], ",")
			}
		case "B":
			if len(f) == 5 {
				blockType[atoi(f[1])] = [2]string{f[2], dash(f[3])}
			}
		case "W":
			if len(f) != 4 {
				continue
			}
			b := atoi(f[1])
			bt := blockType[b]
			typ := sitrep.EventType(bt[0])
			flags := fVerb
			if bt[0] == "NONE" || broadVerbs[f[2]] {
				typ, flags = "", fVerb|fNeedObj
			}
			for _, form := range strings.Split(f[3], ",") {
				if plannedCues[form] || hypotheticalCues[form] || reportVerbs[form] {
					continue // modality and attribution words, not events
				}
				add(&entry{words: strings.Fields(form), lemma: f[2], typ: typ, mode: bt[1], flags: flags, block: b})
			}
		case "P":
			if len(f) != 6 {
				continue
			}
			b := atoi(f[1])
			typ := sitrep.EventType(f[2])
			if f[2] == "NONE" {
				typ = ""
			}
			p := cameoPattern{typ: typ, mode: dash(f[3]), words: strings.Fields(f[5])}
			for _, w := range p.words {
				p.forms = append(p.forms, lx.formsOf(w, cache))
			}
			lx.patterns[b] = append(lx.patterns[b], p)
		}
	}
	// number the pattern words and their forms, and list each form's
	// pattern words
	pats := slices.Sorted(maps.Keys(cache))
	patID := make(map[string]int32, len(pats))
	lx.formWords = map[string]int32{}
	for pi, pat := range pats {
		patID[pat] = int32(pi)
		for _, w := range slices.Sorted(maps.Keys(cache[pat])) {
			id, ok := lx.formWords[w]
			if !ok {
				id = int32(len(lx.wordSets))
				lx.formWords[w] = id
				lx.wordSets = append(lx.wordSets, nil)
			}
			lx.wordSets[id] = append(lx.wordSets[id], int32(pi)) // ascending: pi grows
		}
	}
	for _, ps := range lx.patterns {
		for i := range ps {
			ps[i].sets = make([]int32, len(ps[i].words))
			for k, w := range ps[i].words {
				ps[i].sets[k] = patID[w]
			}
		}
	}
}

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// at reports whether the entry's words stand at words[i].
func (e *entry) at(words []string, i int) bool {
	return i+len(e.words) <= len(words) && slices.Equal(words[i:i+len(e.words)], e.words)
}

// match returns the longest entry starting at words[i], preferring curated
// entries, and how many words it spans.
func (lx *lexicon) match(words []string, i int) (*entry, int) {
	var best *entry
	n := 0
	for _, e := range lx.first(words[i]) {
		if !e.at(words, i) {
			continue
		}
		if len(e.words) > n || (len(e.words) == n && e.curated && !best.curated) {
			best, n = e, len(e.words)
		}
	}
	return best, n
}

// matches returns every entry that matches at word i, the longest first
// (curated before seeded among equals): the trigger finder takes the first
// its tags allow ("strike over" as a verb, else "strike" as a noun).
func (lx *lexicon) matches(words []string, i int) []*entry {
	var out []*entry
	for _, e := range lx.first(words[i]) {
		if e.at(words, i) {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b *entry) int {
		if len(a.words) != len(b.words) {
			return len(b.words) - len(a.words)
		}
		if a.curated != b.curated {
			if a.curated {
				return -1
			}
			return 1
		}
		return 0
	})
	return out
}

// pattern checks the CAMEO object patterns of a seeded verb against the
// words that follow it in its clause; it returns the pattern that matched.
func (lx *lexicon) pattern(block int, after []string) (cameoPattern, bool) {
	ps := lx.patterns[block]
	if len(ps) == 0 {
		return cameoPattern{}, false
	}
	// only the words some pattern word matches can advance a pattern;
	// each brings the pattern words it matches
	var buf [8][]int32
	words := buf[:0]
	for _, w := range after {
		if id, ok := lx.formWords[w]; ok {
			words = append(words, lx.wordSets[id])
		}
	}
	for i := range ps {
		p := &ps[i]
		if len(p.sets) > len(words) {
			continue // fewer candidate words than the pattern has
		}
		k := 0
		for _, sets := range words {
			if k == len(p.sets) {
				break
			}
			if slices.Contains(sets, p.sets[k]) { // p.forms[k] holds the word
				k++
			}
		}
		if k == len(p.words) {
			return *p, true
		}
	}
	return cameoPattern{}, false
}

// formsOf returns the word forms a pattern word matches: the word and its
// plurals, or for a synset (&MILITARY) every member and its plurals. Sets
// are shared through cache.
func (lx *lexicon) formsOf(pat string, cache map[string]map[string]bool) map[string]bool {
	if m, ok := cache[pat]; ok {
		return m
	}
	words := []string{pat}
	if strings.HasPrefix(pat, "&") {
		words = lx.synsets[pat[1:]]
	}
	m := map[string]bool{}
	for _, w := range words {
		m[w], m[w+"s"], m[w+"es"] = true, true, true
		if strings.HasSuffix(w, "y") {
			m[strings.TrimSuffix(w, "y")+"ies"] = true
		}
	}
	cache[pat] = m
	return m
}
