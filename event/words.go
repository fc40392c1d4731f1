package event

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// groupNouns head the phrases that name an actor without a proper name:
// "mercenary fighters", "security forces", "the foreign ministers".
var groupNouns = set(
	"fighters", "fighter", "guerrillas", "guerrilla", "guerillas", "combatants", "forces", "force", "troops", "soldiers", "soldier", "militants", "militant",
	"mercenaries", "mercenary", "rebels", "rebel", "insurgents", "insurgent", "militia", "militias",
	"militiamen", "gunmen", "gunman", "police", "policemen", "policeman", "officers", "army", "military",
	"government", "authorities", "officials", "official", "ministry", "minister", "ministers",
	"diplomats", "diplomat", "protesters", "protestors", "demonstrators", "rioters", "civilians",
	"civilian", "villagers", "residents", "students", "workers", "refugees", "people", "president",
	"spokesman", "spokeswoman", "spokesperson", "commander", "commanders", "mayor", "governor",
	"jihadists", "jihadist", "terrorists", "attackers", "assailants", "bombers", "bomber", "guards",
	"coalition", "alliance", "ally", "regime", "opposition", "party", "parliament", "court", "leaders", "leader",
	"delegation", "envoy", "ambassador", "warplanes", "jets", "aircraft", "drones", "drone", "group",
	"groups", "men", "women", "children", "supporters", "allies", "farmers", "herders", "journalists",
	"journalist", "teachers", "teacher", "doctors", "team", "council", "agency", "company",
	"unit", "units", "battalion", "brigade", "squad", "commandos", "paramilitaries", "separatists",
	"secessionists", "extremists", "pilots", "sailors", "marines", "navy", "cabinet", "prime",
	"chief", "head", "premier", "monarch", "king", "elders", "tribesmen", "clansmen", "youths",
	"activists", "raiders", "bandits", "herdsmen", "vigilantes", "kidnappers", "robbers",
	"displaced", "idps", "villager", "resident", "shopkeeper", "trader", "traders", "man", "woman", "boy", "girl",
	"farmer", "herder", "student", "driver", "officer", "colonel",
	"mob", "crowd", "worshippers", "pupils", "patients", "staff", "employees", "truck", "convoy", "junta", "administration", "families", "households", "sources", "source", "witnesses", "witness", "envoys", "office", "experts", "observers", "monitors", "inspectors", "investigators",
)

// roleNouns name what a group is when they modify a generic head
// ("mercenary fighters" are mercenaries).
var roleNouns = map[string]string{
	"mercenary": "mercenaries", "rebel": "rebels", "militia": "militia", "insurgent": "insurgents",
	"government": "government forces", "army": "army", "police": "police", "security": "security forces",
	"jihadist": "jihadists", "separatist": "separatists", "opposition": "opposition forces",
}

// anaphors are words that refer back rather than name.
var anaphors = set("they", "them", "he", "she", "it", "its", "their", "his", "her", "this", "these", "those", "both")

// reportVerbs introduce attributed speech. outletVerbs are what outlets do.
var reportVerbs = set(
	"said", "says", "say", "told", "tells", "stated", "states", "announced", "announces", "added",
	"adding", "confirmed", "confirms", "confirming", "claimed", "claims", "reported", "reports",
	"reporting", "wrote", "writes", "noted", "explained", "insisted", "acknowledged", "quoted",
	"tweeted", "posted", "alleged", "alleges", "asserted", "declared", "according",
)

var outletVerbs = set("reported", "reports", "reporting", "wrote", "writes", "quoted", "published")

// plannedCues make the event that follows intended, not done:
// "was poised to launch", "plans to", "is preparing to".
var plannedCues = set(
	"poised", "plan", "plans", "planned", "planning", "intend", "intends", "intended", "intending",
	"prepare", "prepares", "prepared", "preparing", "aim", "aims", "aimed", "aiming", "set",
	"about", "going", "scheduled", "expected", "ready", "seek", "seeks", "sought", "seeking", "want",
	"wants", "wanted", "wish", "hope", "hopes", "hoped", "vow", "vows", "vowed", "pledge", "pledged",
	"pledges", "promise", "promised", "promises", "threaten", "threatened", "threatens", "threatening",
	"will", "shall", "'ll", "agree", "agreed", "agrees", "offer", "offered", "offers", "decide",
	"decided", "plot", "plotted", "plotting", "due", "likely", "willing", "sworn", "swore", "swear", "vowing", "determined", "intent",
)

// hypotheticalCues: "could", "would", "if".
var hypotheticalCues = set("could", "would", "might", "may", "if", "unless", "should", "possible", "possibly", "risk", "feared", "fears")

// negationCues: "did not", "never".
var negationCues = set("not", "n't", "never", "no", "neither", "nor", "failed", "failing", "fails", "fail", "without")

// allegedCues: "allegedly", "accused ... of".
var allegedCues = set("allegedly", "alleged", "accused", "accuses", "accusing", "purportedly", "suspected")

// locPreps introduce places.
var locPreps = set("in", "at", "near", "outside", "inside", "around", "from", "to", "into", "across", "towards", "toward", "between", "of", "on", "through", "within", "along")

// clauseBreakers end a clause for argument search.
var clauseBreakers = set("who", "which", "that", "while", "whereas", "although", "though", "because", "but", "after", "before", "when", "as", "since", "despite", "following", "amid", "prior", "where", "until", "unless", "if", ";", ":", "—", "–", "“", "”", "\"")

// victims are actor heads that make an assault violence against civilians.
var victims = set("civilians", "civilian", "villagers", "residents", "students", "worshippers", "pupils",
	"children", "women", "people", "farmers", "journalist", "journalists", "teacher", "teachers",
	"doctors", "patients", "refugees", "passengers", "shepherds", "herders", "family", "families", "households", "inhabitants", "man", "woman",
	"boy", "girl", "child", "scholar", "elder", "elders", "driver", "shopkeeper", "trader", "traders",
	"cleric", "imam", "worker", "workers", "employees", "staff", "tribal", "tribesmen", "civil", "activist",
	"activists", "voters", "pilgrims", "fishermen", "nomads", "miners", "students", "villager", "resident",
	"priest", "pastor", "member", "members", "candidate", "candidates", "person", "persons", "supporter",
	"supporters", "businessman", "merchant", "merchants", "vendor", "vendors", "prisoner", "inmate",
	"detainee", "detainees", "motorcyclist", "passenger", "nurse", "lawyer", "judge", "chief", "headman",
	"wife", "husband", "son", "daughter", "mother", "father", "relatives", "leader", "politician", "councillor",
	"official", "worshipper", "bystanders", "pedestrians", "hostage", "hostages", "civil", "farmer", "herder",
	"girls", "boys", "sons", "daughters", "employee", "cook", "shepherd", "mourners", "guests")

// countUnits are things reports count: "1,000 fighters", "three planes".
var countUnits = set(
	"fighters", "troops", "soldiers", "militants", "mercenaries", "rebels", "insurgents", "people",
	"civilians", "police", "policemen", "officers", "members", "men", "women", "children", "planes",
	"aircraft", "vehicles", "tanks", "trucks", "camps", "bases", "villages", "towns", "positions",
	"checkpoints", "posts", "rockets", "missiles", "drones", "mortars", "shells", "bombs", "helicopters",
	"jets", "warplanes", "protesters", "demonstrators", "refugees", "prisoners", "hostages", "detainees",
	"commanders", "gunmen", "attackers", "students", "villagers", "houses", "homes", "buildings",
	"systems", "weapons", "boats", "ships", "families", "guards", "workers", "personnel", "recruits",
	"fighter", "soldier", "militant", "civilian", "person", "policeman", "member", "commander",
	"plane", "vehicle", "tank", "truck", "camp", "base", "village", "post", "checkpoint", "rocket",
	"missile", "drone", "shell", "bomb", "helicopter", "jet", "prisoner", "hostage", "detainee",
)

// numberWords are spelled-out counts.
var numberWords = map[string]int64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"hundred": 100, "a": 1, "an": 1, "single": 1, "dozen": 12, "dozens": 12, "hundreds": 100,
	"thousands": 1000, "several": 3, "scores": 20,
}

// numberShapes[c] has bit n set when a number word of n bytes (63 for
// longer) starts with byte c: numberWord looks up only the words whose
// first byte and length a number word has, most words of a text none.
var numberShapes = func() (t [256]uint64) {
	for w := range numberWords {
		t[w[0]] |= 1 << min(len(w), 63)
	}
	return t
}()

// numberValue is numberWords[w] (0 when w is none).
func numberValue(w string) int64 {
	v, _ := numberWord(w)
	return v
}

// numberWord is numberWords[w], with ok, skipping the look-up for the
// words no number word is shaped like.
func numberWord(w string) (int64, bool) {
	if w == "" || numberShapes[w[0]]&(1<<min(len(w), 63)) == 0 {
		return 0, false
	}
	v, ok := numberWords[w]
	return v, ok
}

// killWords mark deaths; injureWords injuries.
var killWords = set("killed", "dead", "died", "slain", "killing", "kill", "kills", "murdered", "executed", "beheaded", "beheading", "lost", "perished", "succumbed", "deaths", "death", "fatalities", "fatality", "lives", "bodies")
var injureWords = set("wounded", "injured", "hurt", "wounding", "injuring", "injuries", "casualties", "wounds", "injures")

// instrument words refine an ASSAULT's mode.
var instrumentMode = map[string]string{
	"airstrike": "aerial", "airstrikes": "aerial", "warplane": "aerial", "warplanes": "aerial",
	"jets": "aerial", "jet": "aerial", "aircraft": "aerial", "helicopter": "aerial", "helicopters": "aerial",
	"air": "aerial", "aerial": "aerial", "bombed": "aerial", "bombing": "aerial", "bombardment": "aerial",
	"drone": "drone", "drones": "drone", "uav": "drone",
	"artillery": "heavy-weapons", "mortar": "heavy-weapons", "mortars": "heavy-weapons", "rocket": "heavy-weapons",
	"rockets": "heavy-weapons", "missile": "heavy-weapons", "missiles": "heavy-weapons", "shelling": "heavy-weapons",
	"shelled": "heavy-weapons", "shells": "heavy-weapons", "tank": "heavy-weapons", "tanks": "heavy-weapons",
	"howitzer": "heavy-weapons", "rpg": "heavy-weapons", "shell": "heavy-weapons",
	"ied": "explosives", "ieds": "explosives", "roadside": "explosives", "landmine": "explosives",
	"landmines": "explosives", "mine": "explosives", "mines": "explosives", "explosive": "explosives",
	"explosives": "explosives", "bomb": "explosives", "bombs": "explosives", "blast": "explosives",
	"explosion": "explosives", "exploded": "explosives", "detonated": "explosives", "magnetic": "explosives",
	"grenade": "grenade", "grenades": "grenade",
	"suicide": "suicide-attack", "self-detonated": "suicide-attack",
	"gunmen": "firearms", "gunman": "firearms", "shot": "firearms", "gunfire": "firearms", "gun": "firearms",
	"guns": "firearms", "rifle": "firearms", "rifles": "firearms", "firing": "firearms", "sniper": "firearms",
	"gunshot": "firearms", "stabbed": "beat", "beaten": "beat", "beat": "beat", "knife": "beat",
	"chemical": "unconventional", "gas": "unconventional",
}

// civilianHeads and the other category words classify actors into ACLED's
// categories when the actor dictionary has not.
var (
	stateWords    = set("army", "military", "troops", "soldiers", "soldier", "police", "officers", "policemen", "policeman", "government", "forces", "force", "security", "commandos", "guards", "navy", "marines", "airforce", "gendarmerie", "ministry", "authorities", "regime", "officials", "official", "president", "minister", "border", "intelligence", "governor")
	rebelWords    = set("rebels", "rebel", "insurgents", "insurgent", "militants", "militant", "jihadists", "jihadist", "terrorists", "separatists", "secessionists", "extremists", "islamists", "insurgency", "fighters")
	militiaWords  = set("militia", "militias", "militiamen", "vigilantes", "paramilitaries", "paramilitary", "gang", "gangs", "gangsters", "bandits")
	identityWords = set("ethnic", "communal", "clan", "tribal", "tribesmen", "clansmen", "herders", "farmers")
	rioterWords   = set("rioters", "mob", "looters", "crowd", "youths", "residents", "cadres", "supporters", "students", "villagers")
	protestWords  = set("protesters", "protestors", "demonstrators", "activists", "marchers")
	externalWords = set("coalition", "nato", "peacekeepers", "peacekeeping", "foreign", "international", "mercenaries")
)

// objectPronouns stand only as a verb's or a preposition's object.
var objectPronouns = set("him", "her", "them", "us", "me")

// allegationWords mark a report of an act as an allegation.
var allegationWords = set("allegation", "allegations")

// conditionWords keep a future act hypothetical: "if", "unless", "whether".
var conditionWords = set("if", "unless", "whether")
