package event

import (
	"slices"
	"strings"
)

// tree is the dependency parse of one sentence with sentence-relative
// indices: head[k] is the head of token k (-1 for the root or a head
// outside the sentence), rel[k] its relation, kids[k] its dependents in
// text order. A sentence the parser has not seen has no tree.
type tree struct {
	head []int
	rel  []string
	kids [][]int
}

// parseTree builds the tree of s, or nil when the parser has not run.
func parseTree(s *sent) *tree {
	n := len(s.toks)
	if n == 0 || s.toks[0].Rel == "" {
		return nil
	}
	// One allocation each for heads (with the child counts after them),
	// relations, the kids headers and all the kids: a tree per sentence
	// is built for every sentence of every report.
	t := &tree{rel: make([]string, n), kids: make([][]int, n)}
	ints := make([]int, 2*n)
	count := ints[n:]
	t.head = ints[:n:n]
	edges := 0
	for k := range s.toks {
		tok := &s.toks[k]
		t.rel[k] = tok.Rel
		h := tok.Head - s.base
		if tok.Head < 0 || h < 0 || h >= n || h == k || tok.Rel == "root" {
			t.head[k] = -1
			continue
		}
		t.head[k] = h
		count[h]++
		edges++
	}
	if edges == 0 {
		return t
	}
	flat := make([]int, 0, edges)
	for h, c := range count {
		if c > 0 {
			t.kids[h] = flat[len(flat) : len(flat) : len(flat)+c]
			flat = flat[:len(flat)+c]
		}
	}
	// kids in text order, as the appends of a single pass give them
	for k, h := range t.head {
		if h >= 0 {
			t.kids[h] = append(t.kids[h], k)
		}
	}
	t.datelineSubject(s)
	return t
}

// datelineSubject unmakes a dateline the parser took for a second
// subject ("MACOMIA -- Insurgents attacked the village"): the verb's
// subject is the one after the dash.
func (t *tree) datelineSubject(s *sent) {
	if len(s.words) < 4 || !capitalised(s.toks[0].Text) || t.rel[0] != "nsubj" && t.rel[0] != "nsubj:pass" {
		return
	}
	dash := datelineDash(s)
	if dash < 0 || t.head[0] < 0 {
		return
	}
	for k := 0; k < dash; k++ {
		if t.rel[k] != "nsubj" && t.rel[k] != "nsubj:pass" {
			continue
		}
		for _, d := range t.kids[t.head[k]] {
			if d > dash && t.rel[d] == t.rel[k] {
				t.rel[k] = "dep"
				break
			}
		}
	}
}

// base returns the relation without its subtype ("nsubj" of "nsubj:pass").
func base(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

// child returns the first dependent of k with one of the relations, or -1.
func (t *tree) child(k int, rels ...string) int {
	for _, d := range t.kids[k] {
		for _, r := range rels {
			if t.rel[d] == r {
				return d
			}
		}
	}
	return -1
}

// caseOf returns the preposition that marks token k ("by" in "by the
// army"), lower case, or "".
func (t *tree) caseOf(s *sent, k int) string {
	c := ""
	for _, d := range t.kids[k] {
		if d < k && t.rel[d] == "case" && s.words[d] != "'s" && s.words[d] != "’s" {
			c = s.words[d] // the nearest before the noun
		}
	}
	return c
}

// passive reports whether the verb at k is passive in the parse.
func (t *tree) passive(k int) bool {
	return t.child(k, "nsubj:pass", "aux:pass", "csubj:pass") >= 0
}

// slip reports whether the verb at k, parsed as a passive with a subject
// but no passive auxiliary, takes an object or a to-infinitive: a past
// form the tagger read as a participle ("An official, Ali Said, threatened
// to widen the attacks"). A passive needs its auxiliary; headlines drop
// it ("Five killed in raid"), but then the verb takes neither.
func (t *tree) slip(s *sent, k int) bool {
	if t.child(k, "nsubj:pass") < 0 || t.child(k, "aux:pass") >= 0 {
		return false
	}
	if t.child(k, "obj") >= 0 {
		return true
	}
	for _, d := range t.kids[k] {
		if t.rel[d] == "xcomp" {
			if m := t.child(d, "mark"); m >= 0 && strings.EqualFold(s.words[m], "to") {
				return true
			}
		}
	}
	return false
}

// raisingVerbs are the passive report verbs whose subject is the doer of
// the infinitive after them: "X are believed to have shelled", "X is
// said to have fled".
var raisingVerbs = set("reported", "said", "believed", "thought", "alleged", "understood", "known", "claimed", "rumoured", "rumored", "suspected")

// reducedRelative reports whether the past form at i, which the parser
// made a clause's verb with the subject right before it, is a participle
// on that subject: "Civilians killed in the strike included children".
// The sign is a later finite verb the parser made its conjunct with no
// "and", no comma and no subject of its own, which is the clause's real
// verb; the participle takes no object, so its subject is what was done
// to.
func (t *tree) reducedRelative(s *sent, i int, ro roles) bool {
	if ro.subj < 0 || ro.sawObj || ro.agent >= 0 || t.rel[i] != "root" || !strings.HasSuffix(s.words[i], "ed") {
		return false
	}
	if x := s.toks[i].XPOS; x != "VBD" && x != "VBN" {
		return false
	}
	// the subject phrase ends right before the participle
	if m := s.mentionAt(ro.subj); m == nil || m.last != i || ro.subj > i {
		return false
	}
	for _, d := range t.kids[i] {
		if d < i || t.rel[d] != "conj" || t.child(d, "cc") >= 0 || t.child(d, "nsubj", "nsubj:pass") >= 0 {
			continue
		}
		if x := s.toks[d].XPOS; x != "VBD" && x != "VBZ" && x != "VBP" {
			continue
		}
		clean := true
		for k := i + 1; k < d; k++ {
			if s.words[k] == "," || s.words[k] == ";" || s.words[k] == "and" || s.words[k] == "or" || s.words[k] == "but" || s.toks[k].UPOS == "VERB" || s.toks[k].UPOS == "AUX" {
				clean = false
				break
			}
		}
		if clean {
			return true
		}
	}
	return false
}

// roles are the arguments the parse gives a trigger. A role is a token
// index or -1; sawObj records that the parse gave the verb a direct
// object, actor or not, so that no other reading invents one.
type roles struct {
	subj, obj, agent, poss, with, of, between int
	passive, sawObj                           bool
}

// parseMention returns the actor mention the dependent at k stands for:
// the mention over k itself, else one over its compound, flat, modifier,
// possessive or apposition dependents ("Denmark today": the parser made
// "today" the subject and "Denmark" its compound). Places and the mention
// of the trigger itself are not actors.
func (r *reader) parseMention(s *sent, t *tree, k, trig int) *mention {
	if k < 0 {
		return nil
	}
	if m := s.mentionAt(k); m != nil {
		if m.place || m.first <= trig && trig < m.last {
			return nil
		}
		return m
	}
	event := r.isTrigger(s.words[k])
	if localities[s.words[k]] {
		// "attacked the Solino neighbourhood": a name on a place noun
		// names the place; only an owner ("the army's town") is someone
		if d := t.child(k, "nmod:poss"); d >= 0 {
			if m := s.mentionAt(d); m != nil && !m.place {
				return m
			}
		}
		return nil
	}
	// an appositive name says who a description is: "the U.N.
	// peacekeeping mission, MINUSMA,"
	if d := t.child(k, "appos"); d >= 0 && !event {
		if m := s.mentionAt(d); m != nil && m.proper && !m.place && m.ref.ID != "" {
			return m
		}
	}
	for _, d := range t.kids[k] {
		switch base(t.rel[d]) {
		case "compound", "flat", "amod", "nmod", "appos", "nummod":
			if t.rel[d] == "nmod" && t.caseOf(s, d) != "of" && !(event && t.caseOf(s, d) == "by") || event && t.rel[d] != "nmod:poss" && base(t.rel[d]) != "amod" && t.caseOf(s, d) != "by" {
				// an event noun stands for its doer only through an owner
				// or an adjective: "a Russian airstrike", "the army's
				// offensive"; "a drone strike" names no one
				continue
			}
			if m := s.mentionAt(d); m != nil && !m.place && !(m.first <= trig && trig < m.last) {
				return m
			}
		}
	}
	return nil
}

// assetOwner returns the actor that owns the asset at token k ("a
// convoy of the Libyan National Army"), or nil: what an attack hits in
// the owner's stead makes the owner its target.
func assetOwner(s *sent, t *tree, k int) *mention {
	if k < 0 || !assets[s.words[k]] {
		return nil
	}
	for _, d := range t.kids[k] {
		if d > k && base(t.rel[d]) == "nmod" && t.caseOf(s, d) == "of" {
			if o := s.mentionAt(d); o != nil && o.proper && !o.place && o.ref.ID != "" {
				return o
			}
		}
	}
	return nil
}

// assets are things a side owns that an attack hits in its stead: "a
// convoy of X" targets X.
var assets = set("convoy", "convoys", "vehicle", "vehicles", "position", "positions", "checkpoint", "checkpoints",
	"base", "bases", "post", "posts", "patrol", "patrols", "headquarters", "depot", "depots", "outpost", "outposts")

// localities are place nouns whose modifiers name the place ("the Solino
// neighbourhood", "the Kafr Nabudah area"), not its people.
var localities = set("village", "villages", "town", "towns", "area", "areas", "district", "districts",
	"neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "hamlet", "locality", "settlement", "suburb", "suburbs")

// argsOf reads the arguments of the trigger at i from the tree, climbing
// to the clause that supplies a missing subject: the verb a conjunct
// shares its subject with ("attacked and destroyed"), the controller of an
// infinitive ("threatened to attack"), the noun a relative or participle
// clause modifies ("fighters who attacked", "civilians killed by"), the
// subject of the clause an adverbial participle hangs on ("..., killing
// five").
// markBetween reports whether verb i has a subordinating word ("as",
// "when") between words a and b.
func (t *tree) markBetween(i, a, b int) bool {
	for _, d := range t.kids[i] {
		if t.rel[d] == "mark" && d > a && d < b {
			return true
		}
	}
	return false
}

func (t *tree) argsOf(s *sent, i int, noun bool) roles {
	ro := roles{subj: -1, obj: -1, agent: -1, poss: -1, with: -1, of: -1, between: -1}
	for _, d := range t.kids[i] {
		switch t.rel[d] {
		case "nsubj":
			// two subjects is a parser's slip ("civilians killed as RSF
			// bombards El Obeid"): the one next to the verb is its own
			if ro.subj < 0 || d < i && d > ro.subj && t.markBetween(i, ro.subj, d) {
				ro.subj = d
			}
		case "nsubj:pass":
			ro.subj, ro.passive = d, true
		case "aux:pass":
			ro.passive = true
		case "obj":
			if ro.obj < 0 {
				ro.obj, ro.sawObj = d, true
			}
		case "iobj":
			if ro.obj < 0 {
				ro.obj = d
			}
			ro.sawObj = true
		case "obl:agent":
			if c := t.caseOf(s, d); c != "" && c != "by" || c == "" && d > i && !slices.Contains(s.words[i+1:d], "by") {
				// "jets bombed Jebel Marra": an agent with no "by" right
				// after the verb is the parser's slip for its object
				if ro.obj < 0 {
					ro.obj, ro.sawObj = d, true
				}
				continue
			}
			ro.agent = d
		case "nmod:poss":
			ro.poss = d
		case "obl", "nmod", "obl:npmod", "nmod:npmod":
			switch t.caseOf(s, d) {
			case "by":
				if ro.agent < 0 {
					ro.agent = d
				}
			case "against", "on", "upon", "with", "at", "targeting":
				if ro.with < 0 {
					ro.with = d
				}
			case "of":
				if ro.of < 0 {
					ro.of = d
				}
			case "between", "among":
				if ro.between < 0 {
					ro.between = d
				}
			}
		}
	}
	if ro.passive && t.slip(s, i) {
		ro.passive = false
	}
	if !noun && !ro.passive && t.reducedRelative(s, i, ro) {
		ro.passive = true
	}
	if noun || ro.subj >= 0 {
		return ro
	}
	// a subject from the clause above
	k := i
	for hops := 0; hops < 4 && ro.subj < 0; hops++ {
		h := t.head[k]
		if h < 0 {
			break
		}
		switch base(t.rel[k]) {
		case "conj":
			if g, hs := t.head[h], t.child(h, "nsubj"); ownVoice[s.toks[i].Lemma] && t.rel[h] == "ccomp" && g >= 0 && reportVerbs[s.words[g]] && (hs < 0 || s.mentionAt(hs) == nil) {
				// "the office said the strike hit two vehicles and blamed
				// it on X": the parser hung the speech act on the reported
				// clause, whose subject is no one; the one who said it
				// blames ("said the air force had struck ... and denied"
				// keeps the air force)
				if sj := t.child(g, "nsubj"); sj >= 0 {
					ro.subj = sj
					return ro
				}
			}
			if sj := t.child(h, "nsubj", "nsubj:pass"); sj >= 0 {
				if t.rel[sj] == "nsubj:pass" && !ro.passive {
					return ro // "were attacked and fled": no shared agent
				}
				ro.subj = sj
				if t.rel[sj] == "nsubj:pass" {
					ro.passive = true
				}
				return ro
			}
			k = h
			continue
		case "xcomp":
			// object control: "urged the army to withdraw"; the subject
			// of a passive report verb raises: "ADF rebels are said to
			// have raided the village"
			if o := t.child(h, "obj"); o >= 0 && o < i {
				ro.subj = o
			} else if sj := t.child(h, "nsubj"); sj >= 0 {
				ro.subj = sj
			} else if sj := t.child(h, "nsubj:pass"); sj >= 0 && raisingVerbs[s.words[h]] {
				ro.subj = sj
			}
			if ro.subj < 0 {
				k = h
				continue
			}
			return ro
		case "acl":
			if t.rel[k] == "acl:relcl" {
				// "fighters who attacked the base": the relative pronoun
				// is the subject; the noun it refers to is the actor
				if p := t.child(i, "nsubj"); p >= 0 || !ro.passive {
					ro.subj = h
				}
				return ro
			}
			// "civilians killed by troops": the noun is what was done to;
			// "fighters attacking the town": the noun acts
			// a participle with an object is no passive: the tagger's
			// reading of "soldiers killed three civilians"
			if strings.HasSuffix(s.words[i], "ing") || ro.obj >= 0 {
				ro.subj = h
			} else {
				ro.subj, ro.passive = h, true
			}
			return ro
		case "advcl":
			if mk := t.child(i, "mark"); mk >= 0 && s.words[mk] == "to" && mk == i-1 {
				// a purpose: "sent observers to Goma to investigate",
				// "fired tear gas to disperse the crowd": the subject of
				// the verb above means to do it
				if sj := t.child(h, "nsubj"); sj >= 0 {
					ro.subj = sj
				}
				return ro
			}
			if strings.HasSuffix(s.words[i], "ing") {
				// "accused Rwanda of deploying troops", "blamed the army
				// for shelling": the object of the verb above acts
				if o := t.child(h, "obj"); o >= 0 && o < i && (t.caseOf(s, i) == "of" || t.caseOf(s, i) == "for" || t.child(i, "mark") >= 0 && (s.words[t.child(i, "mark")] == "of" || s.words[t.child(i, "mark")] == "for" || s.words[t.child(i, "mark")] == "from")) {
					ro.subj = o
					return ro
				}
				if sj := t.child(h, "nsubj"); sj >= 0 {
					ro.subj = sj
				} else if ag := t.child(h, "obl:agent"); ag >= 0 {
					ro.subj = ag
				}
			}
			return ro
		}
		break
	}
	return ro
}

// parseArgs reads actor1 and actor2 of a candidate from the dependency
// parse. It returns the mentions it found and, per role, whether the parse
// decided it (a decided role with a nil mention means the parse found an
// argument that is no actor, which no fallback should override).
func (r *reader) parseArgs(s *sent, c *cand, noun bool) (a1, a2 *mention, dec1, dec2 bool) {
	t := s.tree
	if t == nil {
		return nil, nil, false, false
	}
	i := c.trig
	ro := t.argsOf(s, i, noun)
	m := func(k int) *mention { return r.parseMention(s, t, k, i) }
	// what is acted on is never the speaker of "a spokesman for the army
	// said" the parser hung on the verb
	m2 := func(k int) *mention {
		if k >= 0 && s.inAttr[k] {
			return nil
		}
		if o := assetOwner(s, t, k); o != nil {
			return o
		}
		return m(k)
	}
	if !noun && !ro.passive && s.isPassive(i) {
		ro.passive = true // "were wounded" the parser read as active
	}
	if ro.passive && ro.agent < 0 && (c.flags&fIntrans != 0 || symmetric[c.lemma]) && !s.isPassive(i) {
		ro.passive = false // "prisoners rioted", "militiamen clashed with": no one is rioted or clashed
	}
	if noun {
		switch {
		case ro.poss >= 0 && m(ro.poss) != nil:
			a1, dec1 = m(ro.poss), true
		case ro.agent >= 0 && m(ro.agent) != nil:
			a1, dec1 = m(ro.agent), true
		case i+2 < len(s.words) && s.words[i+1] == "by":
			// "shelling by the Rapid Support Forces struck": the agent
			// right after the noun, wherever the parser hung it
			for k := i + 2; k < len(s.words) && k <= i+4; k++ {
				if x := s.mentionAt(k); x != nil {
					if !x.anaphoric && !x.place {
						a1, dec1 = x, true
					}
					break
				}
			}
		}
		// "X held a position during clashes with Y": the clause's subject
		// fought
		if a1 == nil && base(t.rel[i]) == "obl" && symmetric[c.lemma] {
			switch t.caseOf(s, i) {
			case "during", "in", "amid", "after", "following":
				if h := t.head[i]; h >= 0 {
					if up := t.argsOf(s, h, false); up.subj >= 0 {
						a1 = m(up.subj)
						dec1 = a1 != nil
					}
				}
			}
		}
		// the object of a verb that is no event itself: the verb's subject
		// acts ("X launched an offensive", "he will extend the curfew",
		// "they continued their hunger strike")
		if a1 == nil && t.rel[i] == "obj" && t.head[i] >= 0 && naming(s, t.head[i], i) {
			dec1 = true // the speaker who names the attack did not carry it out
		}
		if a1 == nil && t.rel[i] == "obj" {
			if h := t.head[i]; h >= 0 && supportVerb(s, h) && !naming(s, h, i) {
				if up := t.argsOf(s, h, false); up.subj >= 0 && !up.passive {
					a1 = m(up.subj)
					dec1 = a1 != nil
				}
			}
		}
		// "clashes between Fulani and Konkomba herdsmen": both sides
		if ro.between >= 0 && a1 == nil {
			if x := m(ro.between); x != nil {
				if cj := t.child(ro.between, "conj"); cj >= 0 {
					if y := m(cj); y != nil && y != x {
						return x, y, true, true
					}
				} else if bothSides(s, t, ro.between) {
					return x, x, true, true
				}
			}
		}
		switch {
		case ro.between >= 0 && m(ro.between) != nil:
			a2, dec2 = m2(ro.between), true
		case ro.with >= 0 && m(ro.with) != nil:
			a2, dec2 = m2(ro.with), true
		case ro.of >= 0 && m(ro.of) != nil:
			if c.flags&fIntrans != 0 || intransNoun(c) {
				if a1 == nil {
					a1, dec1 = m(ro.of), true
				}
			} else {
				a2, dec2 = m2(ro.of), true
			}
		}
		return a1, a2, dec1, dec2
	}
	if ro.passive {
		if ro.agent >= 0 {
			a1, dec1 = m(ro.agent), m(ro.agent) != nil
		}
		if ro.subj >= 0 {
			a2, dec2 = m2(ro.subj), true
		}
		return a1, a2, dec1, dec2
	}
	if ro.subj < 0 {
		// "Fighting between two armed groups aligned with X killed nine":
		// an event as clausal subject names no doer of the verb; the
		// nearest name before the verb is not one either
		if cs := t.child(i, "csubj"); cs >= 0 && r.isTrigger(s.words[cs]) {
			dec1 = true
		}
	}
	if ro.subj >= 0 && s.inRelative(ro.subj, i) {
		ro.subj = -1 // the parser reached into "X, which the group ousted, called"
	}
	if ro.subj >= 0 {
		a1 = m(ro.subj)
		if a1 == nil && ownVoice[s.toks[i].Lemma] {
			a1 = speakerAt(s, ro.subj) // "the media office said ... and blamed it on X"
		}
		// "a drone strike killed four": an event as subject names its
		// doer or no one, never a party inside its phrase
		dec1 = a1 != nil || r.isTrigger(s.words[ro.subj]) && t.child(ro.subj, "det", "nmod:poss") >= 0 &&
			!(ro.subj+1 < len(s.words) && (s.words[ro.subj+1] == "and" || s.words[ro.subj+1] == "or")) // "a sniper shot and killed": a verb the tagger missed
	}
	switch {
	case ro.obj >= 0 && c.flags&fIntrans == 0:
		a2, dec2 = m2(ro.obj), true
		if a2 == nil && ro.with >= 0 {
			a2 = m2(ro.with)
		}
	case ro.with >= 0:
		a2, dec2 = m2(ro.with), m2(ro.with) != nil
	case ro.between >= 0:
		a2, dec2 = m2(ro.between), m2(ro.between) != nil
		if a1 == nil && a2 != nil && bothSides(s, t, ro.between) {
			a1, dec1 = a2, true
		}
	}
	return a1, a2, dec1, dec2
}

// bothSides reports whether the noun k of "between" names both sides:
// "fighting between two armed groups", "clashes between rival militias".
func bothSides(s *sent, t *tree, k int) bool {
	for _, d := range t.kids[k] {
		if d < k && (t.rel[d] == "nummod" && s.words[d] == "two" || t.rel[d] == "amod" && s.words[d] == "rival") {
			return true
		}
	}
	return false
}

// intransNoun reports whether an event noun's "of" phrase names the one
// who acts ("the retreat of the rebels") rather than the one acted on.
func intransNoun(c *cand) bool {
	switch c.ev.Type {
	case "RETREAT", "MOBILIZE", "PROTEST":
		return true
	}
	return false
}

// supportVerbs carry an event noun whose doer is their subject, as light
// verbs do: "he will extend the curfew", "they continued their hunger
// strike", "the army resumed its offensive". Verbs of saying and seeing
// are not among them: "the mayor confirmed the retreat" tells who spoke.
var supportVerbs = inflectAll("continue", "extend", "resume", "renew", "intensify", "escalate", "step",
	"expand", "maintain", "keep", "end", "announce", "join", "lead", "prolong", "broaden", "widen",
	"undertake", "initiate", "pursue", "complete", "finish", "sustain", "call", "enforce", "tighten",
	"reimpose", "spearhead", "orchestrate", "order", "coordinate", "plan", "prepare", "threaten", "vow",
	"attempt", "try", "give", "grant", "offer", "deliver", "send", "receive", "accept", "sign", "break",
	"violate", "observe", "respect", "honour", "honor", "agree", "negotiate", "broker", "propose", "seek",
	"launch", "carry", "conduct", "stage", "mount", "hold", "make", "unleash", "wage", "perpetrate",
	"impose", "declare", "issue", "begin", "start", "organize", "organise")

// supportVerb reports whether token h is a support verb.
// naming reports whether verb h names or judges its object, the event
// noun i, rather than carrying it out: "the government called the strike
// a massacre", "officials described the attack as deliberate".
func naming(s *sent, h, i int) bool {
	l := strings.ToLower(s.toks[h].Lemma)
	if l == "" {
		l = s.words[h]
	}
	if !namingVerbs[l] {
		return false
	}
	for k := i + 1; k < len(s.words) && k <= i+2; k++ {
		if w := s.words[k]; w == "a" || w == "an" || w == "as" {
			return true
		}
	}
	return false
}

// namingVerbs name or judge what they take as object (see naming).
var namingVerbs = func() map[string]bool {
	m := inflectAll("call", "describe", "label", "brand", "term")
	m["labelled"] = true
	return m
}()

func supportVerb(s *sent, h int) bool {
	if l := s.toks[h].Lemma; l != "" && supportVerbs[strings.ToLower(l)] {
		return true
	}
	return supportVerbs[s.words[h]]
}

func inflectAll(lemmas ...string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lemmas {
		for _, f := range inflect(l) {
			m[f] = true
		}
	}
	return m
}

// speakerAt returns the sentence's speaker, a phrase no actor was
// resolved for, whose phrase holds token k, as a mention, or nil: such a
// speaker ("the media office") still does its own speech acts.
func speakerAt(s *sent, k int) *mention {
	if k >= len(s.toks) {
		return nil
	}
	for i, ref := range s.speakerRefs {
		// only a phrase no actor was resolved for: a named speaker
		// ("spokesman Zaw Min Tun") speaks for the body the coder reads
		if ref == nil || ref.ID != "" || ref.Span == nil || !ref.Span.Contains(s.toks[k].Span) {
			continue
		}
		first, last := k, k+1
		for first > 0 && ref.Span.Contains(s.toks[first-1].Span) {
			first--
		}
		for last < len(s.toks) && ref.Span.Contains(s.toks[last].Span) {
			last++
		}
		key := ""
		if i < len(s.speakerKeys) {
			key = s.speakerKeys[i]
		}
		return &mention{first: first, last: last, ref: *ref, key: key, head: s.words[k]}
	}
	return nil
}
