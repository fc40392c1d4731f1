package pos

import "strings"

// irregular gives the lemma of English verb forms that the learned
// suffix rules get wrong when the treebank never showed the form itself:
// "shot" would follow "got" to "shet", "fled" lose its stem to "fl",
// "shelled" follow "labelled" to "shel". Conflict reports use these verbs
// often, so their lemmas are listed here; a form the treebank did show
// keeps the lemma learned from it.
var irregular = map[string]string{
	"arose": "arise", "arisen": "arise", "awoke": "awake", "bore": "bear", "borne": "bear",
	"beat": "beat", "beaten": "beat", "began": "begin", "begun": "begin", "bent": "bend",
	"bit": "bite", "bitten": "bite", "bled": "bleed", "blew": "blow", "blown": "blow",
	"broke": "break", "broken": "break", "bred": "breed", "brought": "bring", "built": "build",
	"burnt": "burn", "burst": "burst", "bought": "buy", "caught": "catch", "chose": "choose",
	"chosen": "choose", "clung": "cling", "crept": "creep", "dealt": "deal", "dug": "dig",
	"drew": "draw", "drawn": "draw", "drove": "drive", "driven": "drive", "fed": "feed",
	"fell": "fall", "fallen": "fall", "felt": "feel", "fought": "fight", "found": "find",
	"fled": "flee", "flew": "fly", "flown": "fly", "forbade": "forbid", "forbidden": "forbid",
	"forgave": "forgive", "forgiven": "forgive", "froze": "freeze", "frozen": "freeze",
	"gave": "give", "given": "give", "went": "go", "gone": "go",
	"grew": "grow", "grown": "grow", "hung": "hang", "heard": "hear", "hid": "hide",
	"hidden": "hide", "held": "hold", "hurt": "hurt", "kept": "keep", "knelt": "kneel",
	"knew": "know", "known": "know", "laid": "lay", "led": "lead", "left": "leave",
	"lent": "lend", "lain": "lie", "lit": "light", "lost": "lose", "made": "make",
	"meant": "mean", "met": "meet", "mistook": "mistake", "mistaken": "mistake",
	"overcame": "overcome", "overran": "overrun", "overrun": "overrun", "overtook": "overtake",
	"overtaken": "overtake", "overthrew": "overthrow", "overthrown": "overthrow", "paid": "pay",
	"rode": "ride", "ridden": "ride", "rang": "ring", "rung": "ring", "rose": "rise", "risen": "rise",
	"ran": "run", "said": "say", "saw": "see", "seen": "see", "sought": "seek", "sold": "sell",
	"sent": "send", "shook": "shake", "shaken": "shake", "shed": "shed", "shone": "shine",
	"shot": "shoot", "shrank": "shrink", "shut": "shut", "sang": "sing", "sank": "sink",
	"sunk": "sink", "sat": "sit", "slew": "slay", "slain": "slay", "slept": "sleep", "slid": "slide",
	"spoke": "speak", "spoken": "speak", "sped": "speed", "spent": "spend", "spun": "spin",
	"spat": "spit", "split": "split", "spread": "spread", "sprang": "spring", "sprung": "spring",
	"stood": "stand", "stole": "steal", "stolen": "steal", "stuck": "stick", "stung": "sting",
	"struck": "strike", "stricken": "strike", "strove": "strive", "swore": "swear", "sworn": "swear",
	"swept": "sweep", "swam": "swim", "swum": "swim", "swung": "swing", "took": "take",
	"taken": "take", "taught": "teach", "tore": "tear", "torn": "tear", "told": "tell",
	"thought": "think", "threw": "throw", "thrown": "throw", "undertook": "undertake",
	"undertaken": "undertake", "upheld": "uphold", "woke": "wake", "woken": "wake", "wore": "wear",
	"worn": "wear", "wove": "weave", "woven": "weave", "wept": "weep", "won": "win",
	"withdrew": "withdraw", "withdrawn": "withdraw", "withheld": "withhold", "withstood": "withstand",
	"wrote": "write", "written": "write",
	// regular verbs whose doubled or silent letters the suffix rules
	// undo wrongly
	"shelled": "shell", "shelling": "shell", "shells": "shell",
	"bombed": "bomb", "bombing": "bomb", "bombs": "bomb",
	"killed": "kill", "killing": "kill", "stormed": "storm",
	"blamed": "blame", "raided": "raid", "raiding": "raid", "looted": "loot", "massacred": "massacre",
	"retreated": "retreat", "rioted": "riot",
}

// irregularLemma returns the listed lemma of a verb form with a verb's
// Penn tag, or "".
func irregularLemma(lower, xpos string) string {
	if !strings.HasPrefix(xpos, "VB") {
		return ""
	}
	return irregular[lower]
}
