package event

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/ontology"
)

var beForms = set("was", "were", "been", "being", "is", "are", "be", "got", "get", "gets")

// skipAdverbs may sit between an auxiliary and its participle.
var skipAdverbs = set("reportedly", "allegedly", "subsequently", "later", "also", "then", "apparently", "already", "recently", "not", "never", "first", "successfully", "finally", "eventually")

// triggers finds the event triggers of a sentence and turns each into a
// candidate event.
type hit struct {
	i, n int
	e    *entry
}

// obligationEntry codes "X said Y must ...": a demand of the speaker.
var obligationEntry = &entry{words: []string{"must"}, lemma: "must", typ: sitrep.Request, flags: fVerb | fGovern, curated: true, block: -1}

// obligations adds a REQUEST trigger for each "must" or "should" inside
// reported speech ("Egypt says Libya must hand back the seized tanker"), in text
// order among the other triggers.
func (r *reader) obligations(s *sent, hits []hit) []hit {
	for i, w := range s.words {
		if w != "must" && w != "should" {
			continue
		}
		reported := false
		for k := 0; k < i; k++ {
			if reportVerbs[s.words[k]] || s.words[k] == "insisted" || s.words[k] == "reiterated" || s.words[k] == "concluded" || s.words[k] == "declared" || s.words[k] == "reminder" || s.words[k] == "warned" {
				reported = true
			}
		}
		if !reported {
			continue
		}
		at := len(hits)
		for k, h := range hits {
			if h.i > i {
				at = k
				break
			}
		}
		hits = append(hits, hit{})
		copy(hits[at+1:], hits[at:])
		hits[at] = hit{i, 1, obligationEntry}
	}
	return hits
}

// obligationActors reads the speaker as actor1 and the one who must act as
// actor2.
func (r *reader) obligationActors(s *sent, c *cand) {
	var speaker, addressee *mention
	for k := c.trig - 1; k >= 0; k-- {
		if m := s.mentionAt(k); m != nil && !m.place && addressee == nil {
			addressee = m
			k = m.first
			continue
		}
		if reportVerbs[s.words[k]] || s.words[k] == "insisted" || s.words[k] == "reiterated" || s.words[k] == "concluded" || s.words[k] == "declared" || s.words[k] == "warned" {
			for j := k - 1; j >= 0; j-- {
				if m := s.mentionAt(j); m != nil && !m.place {
					speaker = appositive(s, m)
					break
				}
			}
			break
		}
	}
	if speaker != nil {
		c.ev.Actor1, c.a1key = refCopy(speaker.ref), speaker.key
	}
	if addressee != nil && addressee != speaker {
		c.ev.Actor2, c.a2key = refCopy(addressee.ref), addressee.key
		if addressee.anaphoric {
			r.resolveAnaphor(s, addressee, c, false)
		}
	}
}

func (r *reader) triggers(s *sent) {
	n := len(s.words)
	var hits []hit
	for i := 0; i < n; i++ {
		if s.inTime[i] {
			continue
		}
		e, k := r.c.lex.match(s.words, i)
		oe := r.byObject(s, i)
		if oe != nil {
			e, k = oe, 1
		}
		if e == nil {
			continue
		}
		if !r.plausible(s, i, e) && oe == nil {
			// a shorter reading the tags allow: "strike over" tagged a
			// noun is "strike"
			e = nil
			for _, alt := range r.c.lex.matches(s.words, i) {
				if len(alt.words) < k && r.plausible(s, i, alt) {
					e, k = alt, len(alt.words)
					break
				}
			}
			if e == nil {
				continue
			}
		}
		if !r.plausible(s, i, e) || s.inAttr[i] && e.flags&fLight == 0 {
			continue
		}
		if m := s.mentionAt(i); m != nil && e.flags&fLight == 0 && !(e.flags&fNoun != 0 && (m.last == i+1 && m.first == i || !m.proper && i+k > m.last)) {
			continue // part of an actor phrase: "allies", "the Security Council"
		}
		if stative(s, i, e) || label(s, i, e) {
			continue
		}
		if e.flags&fNoun == 0 && noneSubject(s.words, i) {
			continue // "no one was killed": no act, only a toll of none
		}
		if e.flags&fNoun == 0 && harmedPeople(s, i) {
			continue // "doctors treated the wounded": people, no act
		}
		hits = append(hits, hit{i, k, e})
		i += k - 1
	}
	hits = r.obligations(s, hits)
	first := len(r.cands)
	for hi, h := range hits {
		e := h.e
		typ, mode := e.typ, e.mode
		if e.flags&fLight != 0 {
			continue // light verbs lend their subject to the noun they carry
		}
		if e.flags&fNoun != 0 && s.mentionAt(h.i) != nil && !s.mentionAt(h.i).anaphoric && e.typ != sitrep.Assault {
			// "Security Council", "the Agreement party": part of a name
			if m := s.mentionAt(h.i); m.proper {
				continue
			}
		}
		if !e.curated {
			end := s.clauseEnd(h.i)
			if end > h.i+8 {
				end = h.i + 8
			}
			if p, ok := r.c.lex.pattern(e.block, s.words[h.i+h.n:end]); ok {
				typ, mode = p.typ, p.mode
			} else if e.flags&fNeedObj != 0 {
				continue
			}
			if typ == "" {
				continue
			}
		}
		flags := e.flags
		if !e.curated && e.lemma == "succumb" {
			// CAMEO's yielding, unless what is succumbed to is a wound
			// ("succumbed to his injuries": died of them, the death verb
			// of the curated table) or an illness (no event at all)
			switch succumbedTo(s, h.i+h.n) {
			case "wound":
				typ, mode, flags = sitrep.Assault, "", flags|fPatient|fKill
			case "peaceful":
				continue
			}
		}
		c := &cand{s: s, trig: h.i, lemma: e.lemma, flags: flags, governor: -1, seeded: !e.curated}
		c.ev.Type = typ
		c.ev.Mode = mode
		c.ev.Confidence = 0.6
		if e.curated {
			c.ev.Confidence = 0.8
		}
		_ = hi
		r.arguments(s, c, h.n)
		r.enrich(c.ev.Actor1)
		r.outletFighters(c)
		r.enrich(c.ev.Actor2)
		for k := range c.ev.Associated {
			r.enrich(&c.ev.Associated[k])
		}
		r.cands = append(r.cands, c)
	}
	eventSubjects(r, s, r.cands[first:])
	r.govern(s, first)
	violentDestruction(s, r.cands[first:])
	crowdObstruction(r.cands[first:])
	for _, c := range r.cands[first:] {
		if c.purpose {
			continue
		}
		r.modality(s, c)
		r.when(s, c)
		r.reportedFuture(s, c)
		r.where(s, c)
		r.amounts(s, c)
		r.refine(s, c)
		c.ev.Sources = r.sourcesFor(s, c)
		sp := sitrep.Span{Start: s.span.Start, End: s.span.End}
		c.ev.Evidence = sitrep.Evidence{Text: r.doc.Slice(sp), Span: sp}
		c.ev.Mentions = []sitrep.Evidence{c.ev.Evidence}
		c.headline = s.headline
	}
	r.tollOf(s, first)
	r.noteScene(s, r.cands[first:])
	r.passSources(s, len(r.cands) > first)
}

// harmedPeople reports whether the participle at i, after "the", names
// the people it harmed rather than an act: "treat the wounded", "among
// the injured". Before a noun it is the noun's ("the wounded soldiers").
func harmedPeople(s *sent, i int) bool {
	switch s.words[i] {
	case "wounded", "injured", "dead", "killed":
	default:
		return false
	}
	return i > 0 && s.words[i-1] == "the" && !(i+1 < len(s.words) && (s.toks[i+1].UPOS == "NOUN" || s.toks[i+1].UPOS == "PROPN"))
}

// objectNoun reports whether the words between a verb and an event noun
// make the noun its object: an article or a possessive and adjectives of
// manner ("the immediate withdrawal"), after "for" ("called for a").
func objectNoun(between []string) bool {
	if len(between) == 0 || len(between) > 3 {
		return false
	}
	for k, w := range between {
		if k == 0 && w == "for" {
			continue // "asked for the withdrawal", "called for a ceasefire"
		}
		switch w {
		case "the", "a", "an", "its", "their", "his", "her", "immediate", "full", "complete", "swift", "total", "unconditional", "new", "major", "fresh":
		default:
			return false
		}
	}
	return true
}

// succumbedTo reads what "succumbed to" at k names: "wound" for wounds
// and injuries (deathCauses), "peaceful" for an illness or accident
// (peacefulCauses), "" for anything else ("succumbed to pressure").
func succumbedTo(s *sent, k int) string {
	if k >= len(s.words) || s.words[k] != "to" {
		return ""
	}
	for j := k + 1; j < len(s.words) && j <= k+4; j++ {
		switch w := s.words[j]; {
		case deathCauses[w]:
			return "wound"
		case peacefulCauses[w]:
			return "peaceful"
		case s.toks[j].UPOS == "NOUN" && w != "gunshot" && w != "bullet":
			return ""
		}
	}
	return ""
}

// plausible filters trigger words by their use: a noun form must not be a
// verb's object of "to" infinitive and the like; POS tags decide when the
// tagger has run.
// label reports whether the event noun at i is what a naming verb calls
// its object ("called the strike a massacre", "described the raid as an
// act of war"): a judgement of an event told elsewhere, not an event.
func label(s *sent, i int, e *entry) bool {
	t := s.tree
	if t == nil || e.flags&fNoun == 0 {
		return false
	}
	h := t.head[i]
	if h < 0 {
		return false
	}
	switch r := t.rel[i]; {
	case r == "xcomp" || r == "obl:unmarked" || r == "obl:npmod":
	case base(r) == "obl" && t.caseOf(s, i) == "as":
	default:
		return false
	}
	return t.child(h, "obj") >= 0 && naming(s, h, t.child(h, "obj"))
}

// tollOf carries a death toll told in a sentence of its own ("It put the
// death toll at 15.") to the attack the paragraph's previous sentence
// told, when this sentence codes no attack itself.
func (r *reader) tollOf(s *sent, first int) {
	for _, c := range r.cands[first:] {
		if c.ev.Type == sitrep.Assault {
			return
		}
	}
	v, ok := toll(s.words, s.inTime)
	if !ok {
		return
	}
	for k := first - 1; k >= 0; k-- {
		c := r.cands[k]
		if c.s.region != s.region || c.s.si < s.si-1 {
			return
		}
		if c.ev.Type == sitrep.Assault && c.ev.Modality.Happened() {
			c.ev.Fatalities = &v
			return
		}
	}
}

// eventSubjects gives a verb whose subject is an event noun the doer of
// that event: in "residents fled after shelling by rebel fighters
// destroyed the market" the rebels destroyed it, whatever subject the
// parser hung on "destroyed". The noun must stand between the verb's
// subject and the verb with no other verb in between.
func eventSubjects(r *reader, s *sent, cands []*cand) {
	for _, c := range cands {
		if c.flags&fNoun != 0 || c.ev.Actor1 == nil || c.ev.Actor1.Span == nil {
			continue
		}
		subj := r.tokenAt(s, c.ev.Actor1.Span.Start)
		if subj < 0 || subj >= c.trig {
			continue
		}
		for _, d := range cands {
			if d.flags&fNoun == 0 || d.trig <= subj || d.trig >= c.trig || d.ev.Actor1 == nil || d.ev.Actor1.Span == nil {
				continue
			}
			clean := true
			for k := d.trig + 1; k < c.trig; k++ {
				if p := s.toks[k].UPOS; p == "VERB" || p == "AUX" || s.words[k] == "," || s.words[k] == "and" {
					clean = false
					break
				}
			}
			if clean && r.tokenAt(s, d.ev.Actor1.Span.Start) > d.trig {
				a := *d.ev.Actor1
				c.ev.Actor1 = &a
			}
		}
	}
}

func (r *reader) plausible(s *sent, i int, e *entry) bool {
	w := s.words[i]
	// "ally" is a verb only with its partner: "allied with", "allied
	// themselves"; "allied militias" describes them
	if e.lemma == "ally" && e.flags&fNoun == 0 && !(i+1 < len(s.words) && (s.words[i+1] == "with" || s.words[i+1] == "themselves" || s.words[i+1] == "itself")) {
		return false
	}
	// "civilians caught in their cars", "caught up in the fighting",
	// "caught in crossfire": trapped, not seized
	if e.lemma == "catch" && i+1 < len(s.words) && (s.words[i+1] == "in" || s.words[i+1] == "up" || s.words[i+1] == "between" || s.words[i+1] == "off") {
		return false
	}
	// a strike is a walkout only when told as one: "launched a three-day
	// strike", "dockers went on strike for two days", "a strike over pay";
	// "a strike on the convoy" is no protest
	if e.lemma == "strike" && e.typ == sitrep.Protest && !labourStrike(s, i) {
		return false
	}
	// the head of a multi-word noun is its last word ("unilateral
	// ceasefire"), of a phrasal verb its first ("pull out")
	hw := i
	if e.flags&fNoun != 0 && e.flags&fVerb == 0 && len(e.words) > 1 {
		hw = i + len(e.words) - 1
	}
	if p := s.toks[hw].UPOS; p != "" {
		switch {
		case e.flags&fVerb != 0 && e.flags&fNoun == 0 && len(e.words) > 1 && (e.words[1] == "dead" || e.words[1] == "down" || e.words[1] == "fire" || e.words[1] == "to" && e.flags&fKill != 0):
			// "shot dead", "gunned down", "opened fire", "beaten to death"
			// are verbs however the tagger read their first word ("Gunmen
			// shot/NN dead", "was beaten/JJ to death")
			return true
		case e.flags&fVerb != 0 && e.flags&fNoun == 0 && p != "VERB" && p != "AUX":
			// "was attacked/JJ", "burnt/JJ tyres": a participle with the
			// rest of its phrase is still the verb; "troops allegedly
			// shot/NN 9 people": a form with a counted object after it too
			if p == "NOUN" && i+1 < len(s.words) && (isNumber(s.words[i+1]) || objectPronouns[s.words[i+1]]) && i > 0 && s.words[i-1] != "the" && s.words[i-1] != "a" && s.words[i-1] != "its" && s.words[i-1] != "their" {
				// "gunmen shot/NN him": no noun takes an object pronoun
				return true
			}
			return p == "ADJ" && (strings.HasSuffix(w, "ed") || len(e.words) > 1)
		case e.flags&fNoun != 0 && e.flags&fVerb == 0 && p != "NOUN" && p != "PROPN":
			// "after shelling by the Rapid Support Forces": a gerund
			// the tagger took for a verb is a noun with its agent
			return p == "VERB" && gerundWithAgent(s, hw)
		}
		return true
	}
	prev := ""
	if i > 0 {
		prev = s.words[i-1]
	}
	// "allied militias", "armed men", "wounded soldiers": a participle
	// used as an adjective
	if e.flags&fVerb != 0 && strings.HasSuffix(w, "ed") && i+1 < len(s.words) && groupNouns[s.words[i+1]] && (prev == "" || prev == "and" || prev == "the" || prev == "with" || prev == "of" || prev == "," || isNumber(prev)) {
		return false
	}
	// "aid workers", "protest leaders": a noun modifying an actor
	if e.flags&fNoun != 0 && i+1 < len(s.words) && groupNouns[s.words[i+1]] && s.toks[i].UPOS == "" {
		return false
	}
	if e.flags&fNoun != 0 && e.flags&fVerb == 0 {
		// a noun after "to" is an infinitive's homograph ("to strike")
		if prev == "to" && !(i > 1 && (s.words[i-2] == "led" || s.words[i-2] == "due" || s.words[i-2] == "response")) {
			return false
		}
		return true
	}
	if e.flags&fVerb != 0 && e.flags&fNoun == 0 {
		// a verb form right after a determiner is a noun ("the call"): drop
		// it unless the entry has a noun reading too
		if prev == "the" || prev == "a" || prev == "an" || prev == "its" || prev == "their" {
			return false
		}
		// "peace talks" is a noun; "talk" as a verb needs a subject
	}
	return true
}

// isPassive reports whether the verb at i is a passive participle.
func (s *sent) isPassive(i int) bool {
	w := s.words[i]
	if !(strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "wn") || w == "shot" || w == "struck" || w == "hit" || w == "fought" || w == "held" || w == "sent" || w == "slain" || w == "overrun" || w == "met" || w == "cut" || w == "set") {
		return false
	}
	if i+1 < len(s.words) && s.words[i+1] == "by" && strings.HasSuffix(w, "ed") {
		return true
	}
	if t := s.tree; t != nil && t.passive(i) && !t.slip(s, i) {
		return true
	}
	// headlines drop the auxiliary and tell the active in the present:
	// "civilians killed as RSF bombards El Obeid", "14 wounded in blast"
	if s.headline && strings.HasSuffix(w, "ed") && i > 0 && !(i+1 < len(s.words) && (s.toks[i+1].UPOS == "DET" || s.toks[i+1].UPOS == "NUM" || s.toks[i+1].UPOS == "PROPN" || s.toks[i+1].UPOS == "PRON")) {
		return true
	}
	// a be-form before the participle, whatever the parse says ("15
	// others were wounded")
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if beForms[s.words[k]] {
			return true
		}
		if !skipAdverbs[s.words[k]] && s.words[k] != "had" && s.words[k] != "have" && s.words[k] != "has" {
			return false
		}
	}
	return false
}

// arguments reads actor1 and actor2 of the candidate, from the parse when
// present, else from the order of actor phrases around the trigger.
func (r *reader) arguments(s *sent, c *cand, width int) {
	i := c.trig
	n := len(s.words)
	if c.lemma == "must" {
		r.obligationActors(s, c)
		return
	}
	cs, ce := s.clauseStart(i), s.clauseEnd(i)
	noun := c.flags&fNoun != 0 && (c.flags&fVerb == 0 || r.nounUse(s, i))
	if noun {
		c.flags &^= fVerb
	} else {
		c.flags &^= fNoun
	}
	var a1, a2 *mention
	var parts []sitrep.ActorRef
	pair := false // both sides read from "X and Y clashed"
	after := func(from int) *mention {
		for k := from; k < ce && k < from+12; k++ {
			if s.inAttr[k] {
				continue
			}
			if m := s.mentionAt(k); m != nil && !m.place {
				if k+1 < n && s.words[k] == "them" && k > 0 && s.words[k-1] == "of" {
					continue
				}
				return m
			}
			if s.words[k] == "." || s.words[k] == ";" || s.words[k] == "," && k > from {
				break
			}
		}
		return nil
	}
	before := func(to int) *mention {
		for k := to - 1; k >= cs; k-- {
			if s.inAttr[k] || s.inRelative(k, to) {
				continue
			}
			if m := s.mentionAt(k); m != nil && !m.place && !bracketed(s, m) {
				if m.last < n && possessive(s.words[m.last]) && m.last != to-1 {
					continue // an owner inside the subject phrase
				}
				return m
			}
		}
		// "his foreign backers, who have tried to seize": the
		// relative pronoun's antecedent acts
		if cs > 1 && (s.words[cs-1] == "who" || s.words[cs-1] == "which") && s.words[cs-2] == "," {
			if m := s.mentionAt(cs - 3); m != nil && !m.place {
				return m
			}
		}
		return nil
	}
	switch {
	case c.flags&fMotion != 0:
		a1 = before(i)
	case noun:
		// walk back over the noun phrase: modifiers, a group noun used as
		// modifier ("government offensive"), a possessive owner ("the
		// GNA's capture", "Turkey's military intervention")
		var owner, modifier *mention
		k := i - 1
		det := ""
	np:
		for k >= 0 {
			w := s.words[k]
			switch {
			case possessive(w) && k > 0 && s.mentionAt(k-1) != nil:
				owner = s.mentionAt(k - 1)
				k = owner.first - 1
				break np
			case s.mentionAt(k) != nil:
				m := s.mentionAt(k)
				if m.proper && !demonym(s.toks[m.first].Text) || modifier != nil {
					break np
				}
				modifier = m
				k = m.first - 1
				if m.first < len(s.words) && (s.words[m.first] == "the" || s.words[m.first] == "a" || s.words[m.first] == "an") {
					det = s.words[m.first]
					break np
				}
			case w == "the" || w == "a" || w == "an" || w == "this" || w == "that" || w == "its" || w == "their":
				det = w
				k--
				break np
			case isModifier(w) && !r.isTrigger(w) && !beForms[w] && !verbal(s.toks[k].UPOS):
				k--
			default:
				break np
			}
		}
		prevIdx := k
		if owner != nil {
			a1 = owner
		} else if modifier != nil {
			a1 = modifier
		}
		if det == "the" || det == "this" || det == "that" {
			if a1 == nil || a1.anaphoric {
				c.anaphoric = true
			}
		}
		if a1 != nil && a1.anaphoric {
			c.anaphoric = true
		}
		if prevIdx >= 0 && !s.headline {
			switch s.words[prevIdx] {
			case "following", "after", "before", "amid", "despite", "to", "since", "cessation", "end", "halt", "of":
				// background: "following a military intervention", "prior
				// to Turkey's intervention" are told as context, not coded
				// "the latest in a string of attacks": a series told as
				// context
				if s.words[prevIdx] != "of" || prevIdx > 0 && (s.words[prevIdx-1] == "cessation" || s.words[prevIdx-1] == "end" || s.words[prevIdx-1] == "halt" || s.words[prevIdx-1] == "wake" ||
					s.words[prevIdx-1] == "string" || s.words[prevIdx-1] == "spate" || s.words[prevIdx-1] == "wave") {
					c.background = true
				}
			}
		}
		for k := i + width; k < ce && k < i+width+8; k++ {
			w := s.words[k]
			if s.mentionAt(k) != nil {
				break
			}
			if x := s.toks[k].XPOS; s.toks[k].UPOS == "AUX" || x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD" {
				// "the march was interrupted by police": police did not
				// march; "a bomb planted by X" still names the bomber
				break
			}
			switch w {
			case "by":
				if m := after(k + 1); m != nil && a1 == nil {
					a1 = m
				}
			case "with", "against", "on", "between":
				if m := after(k + 1); m != nil {
					if len(m.parts) > 1 && w == "between" {
						parts = m.parts
					}
					a2 = m
				}
			case "of":
				if m := after(k + 1); m != nil {
					if c.flags&fIntrans != 0 || c.ev.Type == sitrep.Retreat || c.ev.Type == sitrep.Mobilize || c.ev.Type == sitrep.Protest {
						if a1 == nil {
							a1 = m
						}
					} else if a2 == nil {
						a2 = m
					}
				}
			}
			if a1 != nil && a2 != nil || w == "," || w == "." {
				break
			}
		}
		// a light verb's subject: "X launched an assault", "X held talks"
		if a1 == nil {
			for k := i - 1; k >= cs && k >= i-5; k-- {
				if e, _ := r.c.lex.match(s.words, k); e != nil && e.flags&fLight != 0 {
					a1 = before(k)
					c.anaphoric = false
					c.light = true
					break
				}
			}
		}
		// "X continued their hunger strike", "X began talks": the clause's subject
		if a1 == nil && !c.anaphoric && det != "the" && !(prevIdx >= 0 && (s.words[prevIdx] == "during" || s.words[prevIdx] == "in" || s.words[prevIdx] == "by")) {
			if m := before(prevIdx + 1); m != nil && m != a2 && !passiveBetween(s, m.last, prevIdx+1) {
				a1 = m
			}
		}
		// "during clashes with X": the clause's subject fought
		if a1 == nil && i > 0 && (s.words[i-1] == "during" || s.words[i-1] == "in") {
			for k := 0; k < i-1; k++ {
				if m := s.mentionAt(k); m != nil && !m.place && !s.inAttr[k] {
					a1 = m
					break
				}
			}
			if a1 == nil {
				for k := i - 1; k >= 0; k-- {
					if m := s.mentionAt(k); m != nil && !m.place {
						a1 = m
						break
					}
				}
			}
		}
	case s.isPassive(i):
		a2 = before(i)
		for k := i + width; k < ce && k < i+width+10; k++ {
			if s.words[k] == "by" {
				a1 = after(k + 1)
				break
			}
		}
	default:
		a1 = before(i)
		// "government forces and Houthi fighters clashed": both sides;
		// "X and Y clashed with Z": X and Y are one side, Z the other
		if a1 != nil && symmetric[c.lemma] && a1.first > 1 && s.words[a1.first-1] == "and" && opponentAfter(s, i+width, ce) < 0 {
			if o := s.mentionAt(a1.first - 2); o != nil && !o.place {
				a1, a2 = o, a1
				pair = true
				break
			}
		}
		if c.flags&fIntrans == 0 {
			a2 = after(i + width)
		} else {
			for k := i + width; k < ce && k < i+width+6; k++ {
				if s.words[k] == "against" || s.words[k] == "with" {
					a2 = after(k + 1)
					break
				}
			}
		}
		// what is captured is a place; its owner or defender is actor2:
		// "captured the LNA's airbase", "took the town from the rebels"
		if c.flags&fCapture != 0 && a2 != nil && !(a2.last < n && possessive(s.words[a2.last])) && !orgName(a2.ref.Name) && !groupNouns[a2.head] && !strings.Contains(a2.ref.Text, "-") {
			a2 = nil
			for k := i + width; k < ce && k < i+width+12; k++ {
				if s.words[k] == "from" || s.words[k] == "with" || s.words[k] == "against" {
					a2 = after(k + 1)
					break
				}
			}
		}
	}
	patient := false // the parse read a2 as what was done to, and no doer
	if s.tree != nil && c.flags&fMotion == 0 && !pair {
		p1, p2, d1, d2 := r.parseArgs(s, c, noun)
		if d1 {
			a1 = p1
		}
		if d2 {
			a2 = p2
		}
		if a2 != nil && !noun && s.isPassive(i) {
			if m := relativeAntecedent(s, a2, i); m != nil {
				a2 = m
			}
		}
		if !noun && d2 && !d1 && p2 != nil && c.flags&fIntrans == 0 && !symmetric[c.lemma] {
			ro := s.tree.argsOf(s, i, false)
			// an object the parser missed makes it active: "Students
			// destroyed property"
			next := ""
			if i+width < n {
				next = s.toks[i+width].UPOS
			}
			patient = ro.subj >= 0 && (ro.passive || s.isPassive(i)) && next != "NOUN" && next != "PROPN" && next != "DET" && next != "NUM" && next != "PRON"
			// "which the group ousted": the relative pronoun is the object
			if k := p2.first - 1; patient && k >= 0 && (s.words[k] == "which" || s.words[k] == "whom" || s.words[k] == "that") {
				patient = false
			}
			// "Rebels attacked in force near Goma": a participle on the
			// sentence's root noun is its only verb, and the noun acts
			if t := s.tree; patient && t.rel[i] == "acl" && t.head[i] >= 0 && t.head[t.head[i]] < 0 && !s.headline {
				patient = false
			}
			// "Gunmen attacked in the night and killed four": a verb
			// joined by "and" shares the subject that acts
			for _, d := range s.tree.kids[i] {
				if patient && d > i && s.tree.rel[d] == "conj" && s.tree.child(d, "cc") >= 0 && s.toks[d].UPOS == "VERB" {
					patient = false
				}
			}
		}
		if c.flags&fCapture != 0 && a2 != nil && a2.proper && (a2.ref.ID == "" || strings.HasPrefix(a2.ref.ID, sitrep.LocalActorPrefix)) && !orgName(a2.ref.Name) && !(a2.last < n && possessive(s.words[a2.last])) {
			a2 = nil // "seize Masisi town": what is captured is a place
		}
		if c.flags&fCapture != 0 && a2 == nil {
			for k := i + width; k < ce && k < i+width+12; k++ {
				if s.words[k] == "from" {
					a2 = after(k + 1)
					break
				}
			}
		}
	}
	// "Passengers wounded in the blast were taken to hospital": a
	// participle on the noun before it, whatever the parse made of it;
	// the noun is what was done to, and the clause's own verb bounds
	// the participle's phrase
	if !noun && !pair && c.flags&fIntrans == 0 && !symmetric[c.lemma] && a1 != nil && a1.last == i && !a1.place {
		if fin := participleEnd(s, i+width, ce); fin >= 0 {
			a2, a1 = a1, nil
			for k := i + width; k < fin; k++ {
				if s.words[k] == "by" {
					if m := after(k + 1); m != nil && m.first < fin {
						a1 = m
					}
					break
				}
			}
		}
	}
	// "government troops and allied Wazalendo militiamen had withdrawn":
	// the first conjunct heads the subject, the others act beside it
	if a1 != nil && !pair {
		if h := coordHead(s, a1); h != nil && h != a2 {
			a1 = h
		}
	}
	if c.flags&fPatient != 0 {
		// "its troops had come under fire": the subject is attacked
		a1, a2 = nil, a1
		for k := i + width; k < ce && k < i+width+8; k++ {
			if s.words[k] == "from" || s.words[k] == "by" {
				a1 = after(k + 1)
				break
			}
		}
	}
	if a1 != nil {
		a1 = appositive(s, a1) // "X, one of the largest groups, accused": X
	}
	a1, a2 = described(s, a1), described(s, a2)
	if !noun && (c.lemma == "strike" || c.lemma == "hit") && deviceObject(s, i+width, ce) && !(a1 != nil && airborne(a1.head)) {
		// "a minibus carrying traders struck a roadside bomb": what
		// strikes a mine is hit by it; who laid it is not told here.
		// Aircraft strike from the air: "drones struck a mine" hit a
		// mining site
		if a1 != nil && !weaponWord(a1.head) {
			a2 = a1
		}
		a1 = nil
		c.ev.Mode = "explosives"
		// the device tells the act, which needs no subject to be coded
		c.ev.Confidence = max(c.ev.Confidence, 0.8)
	}
	if noun && i > 0 {
		// the device itself, the object of "struck a roadside bomb":
		// the same blast, with no doer or target of its own
		v := i - 1
		for v > 0 && v > i-4 && deviceModifiers[s.words[v]] {
			v--
		}
		if l := s.toks[v].Lemma; (l == "strike" || l == "hit") && verbal(s.toks[v].UPOS) && deviceObject(s, v+1, ce) {
			a1, a2 = nil, nil
		}
	}
	if c.ev.Type == sitrep.Accuse && c.lemma == "blame" {
		// "blamed it on forces loyal to the Tripoli government": the one
		// blamed follows "on"
		for k := i + 1; k < ce && k < i+8; k++ {
			if s.words[k] == "on" {
				if m := after(k + 1); m != nil && !m.place {
					a2 = m
				}
				break
			}
		}
	}
	if a2 != nil && a2.place {
		a2 = nil // "the road towards Jufra": a place, no party
	}
	if a2 != nil && !a2.proper && weaponWord(a2.head) {
		a2 = nil // "used drones and artillery", "shot down 11 drones": weapons, no party
	}
	if a1 != nil && a1.first < n && s.inAttr[a1.first] && !s.inAttr[i] && a1.first < i && strings.HasSuffix(s.words[i], "ing") && s.words[i-1] == "," {
		// ", military sources said, destroying several vehicles": the
		// speaker the parser hung the participle on did not act
		a1 = nil
	}
	if a1 != nil && a1 == a2 && patient {
		// "the number of people killed when shells hit": the parse made
		// them the victims; the words before the verb name no doer
		a1 = nil
	}
	if a1 != nil && a1 == a2 && !(s.tree != nil && s.tree.caseOf(s, a1.last-1) == "between" && bothSides(s, s.tree, a1.last-1)) {
		a2 = nil // one actor is not its own target, unless it names both sides
	}
	if a1 != nil && len(a1.parts) > 1 && a2 == nil {
		parts = a1.parts
	}
	if len(parts) > 1 {
		c.ev.Actor1 = refCopy(parts[0])
		c.ev.Actor2 = refCopy(parts[1])
		c.a1key, c.a2key = foldName(parts[0].Name), foldName(parts[1].Name)
		return
	}
	if a1 != nil {
		c.ev.Actor1 = refCopy(a1.ref)
		c.a1key = a1.key
		c.actorAna = a1.anaphoric
		if o := ownerOf(s, a1); o != nil {
			// "the army said its aircraft struck": the army's aircraft
			c.a1key, c.actorAna = o.key, false
			c.ev.Actor1.Name = o.ref.Name + " " + a1.ref.Name
			c.ev.Actor1.ID = o.ref.ID
			if p := r.bodyOf(s, o, a1); p != "" {
				// "a spokesman for the group said its fighters": the
				// group's, not the spokesman's (enrich names it)
				c.a1key, c.ev.Actor1.ID = p, p
			}
		} else if a1.anaphoric {
			r.resolveAnaphor(s, a1, c, true)
		}
	}
	if a2 != nil {
		c.ev.Actor2 = refCopy(a2.ref)
		c.a2key = a2.key
		if o := ownerOf(s, a2); o != nil && o != a1 {
			// "MONUSCO said its troops had come under fire"
			c.a2key = o.key
			c.ev.Actor2.Name = o.ref.Name + " " + a2.ref.Name
			c.ev.Actor2.ID = o.ref.ID
			if p := r.bodyOf(s, o, a2); p != "" {
				c.a2key, c.ev.Actor2.ID = p, p
			}
		} else if a2.anaphoric {
			r.resolveAnaphor(s, a2, c, false)
		}
	}
	// "to fight alongside the M23": beside actor1, not against it
	for k := i + width; k < ce && k < i+width+6; k++ {
		if s.words[k] == "alongside" || s.words[k] == "beside" || s.words[k] == "together" && k+1 < n && s.words[k+1] == "with" {
			if o := after(k + 1); o != nil {
				if c.ev.Actor2 != nil && c.a2key == o.key {
					c.ev.Actor2, c.a2key = nil, ""
				}
				c.ev.Associated = append(c.ev.Associated, *refCopy(o.ref))
			}
			break
		}
	}
	if a1 != nil && !pair && (!symmetric[c.lemma] || opponentAfter(s, i+width, ce) >= 0) {
		for _, o := range coordinated(s, a1) {
			if o != a2 {
				c.ev.Associated = append(c.ev.Associated, *refCopy(o.ref))
			}
		}
	}
}

// participleEnd returns the index of the clause's finite verb when the
// past participle ending before from is a reduced relative on the noun
// before it ("Civilians killed in the strike included children",
// "Passengers wounded in the blast were taken"), or -1. The participle
// takes no object, and only a prepositional phrase without a comma or
// "and" lies between it and the finite verb.
func participleEnd(s *sent, from, end int) int {
	k := from - 1
	if w := s.words[k]; !strings.HasSuffix(w, "ed") && !enParticiples[w] && w != "shot" && w != "hit" && w != "struck" {
		return -1
	}
	if x := s.toks[k].XPOS; x != "VBN" && x != "VBD" && x != "JJ" {
		return -1
	}
	if from >= end || s.toks[from].UPOS != "ADP" {
		return -1 // an object or nothing: "killed three", "were killed."
	}
	for j := from + 1; j < end && j < from+12; j++ {
		w := s.words[j]
		if w == "," || w == "and" || w == "or" || w == "who" || w == "which" || w == "that" || w == "when" || w == "as" || w == "after" || w == "while" || s.inAttr[j] {
			return -1
		}
		// a clause of its own opens: "fired on villagers whose homes
		// were burned", "where the market stood", "because they had"
		if x := s.toks[j].XPOS; x == "WDT" || x == "WP" || x == "WP$" || x == "WRB" || s.toks[j].UPOS == "SCONJ" || s.toks[j].UPOS == "CCONJ" {
			return -1
		}
		if beForms[w] && w != "being" && w != "been" || w == "has" || w == "have" || w == "had" {
			return j
		}
		if x := s.toks[j].XPOS; x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD" {
			return j
		}
	}
	return -1
}

// deviceObject reports whether the object after a verb of striking is
// a planted explosive device: "struck a roadside bomb", "hit a landmine".
func deviceObject(s *sent, from, end int) bool {
	for k := from; k < end && k < from+4; k++ {
		w := s.words[k]
		if deviceModifiers[w] {
			continue
		}
		// the device ends its noun phrase: "struck a bomb factory" hit
		// a building
		if k+1 < end && s.toks[k+1].UPOS == "NOUN" {
			return false
		}
		switch w {
		case "bomb", "mine", "landmine", "ied":
			return true
		case "device":
			return k > from && s.words[k-1] == "explosive" // "an improvised explosive device"
		}
		return false
	}
	return false
}

// deviceModifiers are the words that may open a planted device's noun
// phrase: "a roadside bomb", "an improvised explosive device".
var deviceModifiers = set("a", "an", "the", "roadside", "improvised", "explosive", "buried", "planted", "anti-tank", "anti-personnel", "unexploded")

// airborne reports whether a doer's head word is an aircraft, which
// strikes from the air: "jets", "drones", "helicopters".
func airborne(head string) bool {
	m := instrumentMode[head]
	return m == "aerial" || m == "drone"
}

// opponentAfter returns the index of the actor named after "with" or
// "against" right after a symmetric verb ("clashed with the insurgents",
// "clashed fiercely with"), or -1.
func opponentAfter(s *sent, from, end int) int {
	for k := from; k < end && k < from+3; k++ {
		if s.words[k] == "with" || s.words[k] == "against" {
			for j := k + 1; j < end && j < k+5; j++ {
				if m := s.mentionAt(j); m != nil && !m.place {
					return j
				}
			}
			return -1
		}
		if s.toks[k].UPOS != "ADV" {
			return -1
		}
	}
	return -1
}

// coordHead returns the first actor of a coordination that ends in m
// ("government troops and allied Wazalendo militiamen"), or nil.
func coordHead(s *sent, m *mention) *mention {
	k := m.first - 1
	if k >= 0 && (s.words[k] == "allied" || s.words[k] == "fellow") {
		k--
	}
	if k < 1 || s.words[k] != "and" {
		return nil
	}
	o := s.mentionAt(k - 1)
	for o != nil && o.first > 1 && (s.words[o.first-1] == "," || s.words[o.first-1] == "and") {
		p := s.mentionAt(o.first - 2)
		if p == nil || p.place {
			break
		}
		o = p
	}
	// a definite description heads it ("accused the army and allied
	// militias of shelling"); a pronoun does not
	if o == nil || o.place || o.anaphoric && pronoun(o.head) || bracketed(s, o) {
		return nil
	}
	return o
}

// coordinated returns the actor mentions joined to m by "and" ("Malian
// soldiers and foreign fighters executed"): the actors acting beside it,
// ACLED's associated actors.
func coordinated(s *sent, m *mention) []*mention {
	var out []*mention
	for k := m.last; k+1 < len(s.words) && len(out) < 3; {
		if s.words[k] != "and" && s.words[k] != "," {
			break
		}
		if k+2 < len(s.words) && (s.words[k+1] == "allied" || s.words[k+1] == "fellow") {
			k++
		}
		o := s.mentionAt(k + 1)
		if o == nil || o.place || o.first != k+1 || o.anaphoric {
			break
		}
		out = append(out, o)
		k = o.last
	}
	return out
}

// nounUse decides whether a word that is both verb and noun ("attack",
// "retreat", "clashes") is used as a noun here.
func (r *reader) nounUse(s *sent, i int) bool {
	if p := s.toks[i].UPOS; p != "" {
		// "Clashes between X and Y killed": a sentence-initial noun
		if i == 0 && i+1 < len(s.words) && (s.words[i+1] == "between" || s.words[i+1] == "of" || s.words[i+1] == "in" || s.words[i+1] == "erupted" || s.words[i+1] == "broke") {
			return true
		}
		if p == "NOUN" || p == "PROPN" {
			// "Farmers ... protest lease of land": a bare noun right after
			// a plural subject, before its object, is a present verb
			if t := s.tree; t != nil && i > 0 && s.toks[i-1].XPOS == "NNS" && t.child(i, "det", "nmod:poss", "amod", "case", "compound") < 0 && i+1 < len(s.words) && (s.toks[i+1].UPOS == "NOUN" || s.toks[i+1].UPOS == "DET") && !s.headline {
				return false
			}
			return true
		}
		// a tagger's verb that the parse or a determiner shows to be a
		// noun: "during clashes with", "the attack"
		if t := s.tree; t != nil && t.child(i, "case", "det", "nmod:poss") >= 0 {
			return true
		}
		if i > 0 && !strings.HasSuffix(s.words[i], "ing") {
			switch s.words[i-1] {
			case "the", "a", "an", "during", "amid", "after", "following", "of", "its", "their":
				return true
			}
		}
		if gerundWithAgent(s, i) {
			return true
		}
		// "in close-quarters fighting", "amid heavy fighting": a gerund
		// after a preposition and its modifiers is a noun
		if strings.HasSuffix(s.words[i], "ing") {
			for k := i - 1; k >= 0 && k >= i-3; k-- {
				w := s.words[k]
				if w == "in" || w == "during" || w == "amid" || w == "after" || w == "following" || w == "despite" || w == "by" {
					return k < i-1 || !(i+1 < len(s.words) && s.tree != nil && s.tree.child(i, "obj") >= 0)
				}
				if !(s.toks[k].UPOS == "ADJ" || s.toks[k].UPOS == "NOUN" || strings.Contains(w, "-")) {
					break
				}
			}
		}
		return false
	}
	if i == 0 {
		return !s.headline
	}
	prev := s.words[i-1]
	switch prev {
	case "the", "a", "an", "its", "their", "his", "her", "this", "that", "during", "of", "in", "by", "after", "following", "amid", "despite", "new", "latest", "recent", "fierce", "heavy", "deadly", "military", "major", "suspected", "several", "two", "three", "more", "further", "any", "no", "mercenaries'", "'s", "’s":
		return true
	case "to", "will", "would", "could", "did", "not", "n't", "may", "might", "can", "also", "they", "we":
		return false
	}
	if strings.HasSuffix(s.words[i], "ed") || strings.HasSuffix(s.words[i], "ing") {
		return false
	}
	if m := s.mentionAt(i - 1); m != nil {
		// "the mercenaries retreat", "Fighters Retreat": a verb after its subject
		return false
	}
	return isModifier(prev) && !beForms[prev]
}

func refCopy(a sitrep.ActorRef) *sitrep.ActorRef {
	b := a
	if a.Span != nil {
		sp := *a.Span
		b.Span = &sp
	}
	return &b
}

// resolveAnaphor links "the mercenaries" or "they" to the latest earlier
// actor with the same head noun (or any group, for pronouns), through the
// entity's antecedent when the coreference stage gave one.
func (r *reader) resolveAnaphor(s *sent, m *mention, c *cand, first bool) {
	if m.ref.Span != nil {
		over := r.entitiesOver(*m.ref.Span)
		for ei := range over {
			e := &over[ei]
			// the entity is the mention or its head ("government" of "the
			// government")
			same := e.Span == *m.ref.Span || m.ref.Span.Contains(e.Span) && e.End == m.ref.Span.End
			if same && e.Antecedent != nil && *e.Antecedent >= 0 && *e.Antecedent < len(r.doc.Entities) {
				ant := r.doc.Entities[*e.Antecedent]
				key := foldName(ant.Text)
				if ant.ActorID != "" {
					key = ant.ActorID
				}
				if e.ActorID != "" && e.ActorID != ant.ActorID {
					// coreference resolved the description to the body its
					// antecedent speaks for ("the government" after "a
					// spokesman for the Government of National Unity")
					name := e.ActorID
					if a := r.actor(e.ActorID); a != nil {
						name = a.Name
					}
					r.setKey(c, first, e.ActorID, name, e.ActorID)
					return
				}
				r.setKey(c, first, key, ant.Text, ant.ActorID)
				return
			}
		}
	}
	if pronoun(m.head) {
		// "Norway said it had expelled": the subject earlier in the sentence
		for k := m.first - 1; k >= 0; k-- {
			if o := s.mentionAt(k); o != nil && !o.place && !o.anaphoric && (o.proper || groupNouns[o.head]) {
				r.setKey(c, first, o.key, o.ref.Name, o.ref.ID)
				return
			}
		}
	}
	for k := len(r.cands) - 1; k >= 0; k-- {
		p := r.cands[k]
		for _, ref := range []*sitrep.ActorRef{p.ev.Actor1, p.ev.Actor2} {
			if ref == nil || p.dead {
				continue
			}
			if pronoun(m.head) || sameHead(m.head, ref.Name) || sameHead(m.head, ref.Text) {
				key := p.a1key
				if ref == p.ev.Actor2 {
					key = p.a2key
				}
				r.setKey(c, first, key, ref.Name, ref.ID)
				return
			}
		}
	}
}

func (r *reader) setKey(c *cand, first bool, key, name, id string) {
	ref := c.ev.Actor2
	if first {
		ref = c.ev.Actor1
	}
	if ref != nil && groupWord(lastWord(strings.ToLower(ref.Text))) {
		if a := r.actor(id); a != nil && a.Parent != "" && strings.HasPrefix(a.ID, a.Parent+".") && personAgents[a.ID[len(a.Parent)+1:]] {
			if p := r.actor(a.Parent); p != nil && (p.Kind == sitrep.ActorRebel || p.Kind == sitrep.ActorMilitia) {
				// "the separatists" after "a spokesman for the X": the
				// armed group, not its spokesman
				key, name, id = p.ID, p.Name, p.ID
			}
		}
	}
	if first {
		c.a1key = key
		if c.ev.Actor1 != nil {
			c.ev.Actor1.Name, c.ev.Actor1.ID = name, id
		}
	} else {
		c.a2key = key
		if c.ev.Actor2 != nil {
			c.ev.Actor2.Name, c.ev.Actor2.ID = name, id
		}
	}
}

// sameHead reports whether a head noun matches a name's words, allowing
// singular and plural forms ("mercenaries" ~ "mercenary fighters").
func sameHead(head, name string) bool {
	if head == "" || name == "" {
		return false
	}
	h := headStem(head)
	for w := range strings.FieldsSeq(name) {
		if stemIs(w, h) {
			return true
		}
	}
	return false
}

// headStem lower-cases a word and strips a plural ending.
func headStem(w string) string {
	w = strings.ToLower(w)
	switch {
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

// stemIs reports whether headStem(w) == h, without building the stem
// when w is ASCII: anaphora resolution asks it of every earlier actor's
// every word.
func stemIs(w, h string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return headStem(w) == h
		}
	}
	n := len(w)
	switch {
	case n >= 3 && lowerByte(w[n-3]) == 'i' && lowerByte(w[n-2]) == 'e' && lowerByte(w[n-1]) == 's':
		return len(h) == n-2 && h[n-3] == 'y' && equalLower(w[:n-3], h[:n-3])
	case n >= 1 && lowerByte(w[n-1]) == 's':
		return equalLower(w[:n-1], h)
	}
	return equalLower(w, h)
}

// lowerByte lower-cases an ASCII letter.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// equalLower reports whether strings.ToLower(a) == b for ASCII a.
func equalLower(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lowerByte(a[i]) != b[i] {
			return false
		}
	}
	return true
}

// govern links triggers in the complement of governing verbs ("threatened
// to launch", "denied that", "agreed to withdraw") and purpose clauses
// ("deployed ... to assist the LNA").
func (r *reader) govern(s *sent, first int) {
	cands := r.cands[first:]
	for gi, g := range cands {
		gov := g.flags&(fGovern|fDeny) != 0 || g.flags&fVerb != 0 && g.ev.Type == sitrep.Reject
		for di := gi + 1; di < len(cands); di++ {
			d := cands[di]
			if d.trig <= g.trig {
				continue
			}
			between := s.words[g.trig+1 : d.trig]
			if len(between) > 10 {
				break
			}
			hasTo := false
			for k, w := range between {
				if w == "to" && (k == len(between)-1 || k == len(between)-2) {
					hasTo = true
				}
			}
			link := false
			if gov {
				for _, w := range between {
					if w == "that" || w == "to" || w == "of" || w == "for" {
						link = true
					}
				}
				if g.flags&fDeny != 0 && len(between) <= 3 {
					link = true
				}
			}
			if g.flags&fVerb != 0 && (g.ev.Type == sitrep.Request || g.ev.Type == sitrep.Threaten) && d.flags&fNoun != 0 && objectNoun(between) {
				// "demanded the withdrawal of French troops", "asked for
				// the release", "threatened an offensive": the event asked
				// for or threatened is the verb's object, not yet done
				link = true
			}
			switch {
			case link && g.flags&fDeny != 0 && d.flags&fNoun != 0 && d.ev.Type == sitrep.Accuse && len(between) <= 2:
				// "The army denied the accusation": the accusation is
				// another's, told before or not at all; the denial codes
				// on its own
				d.dead = true
			case link:
				d.governed, d.governor = true, first+gi
				// "vowed to crush", "promised to retaliate": a pledge of harm
				// is a threat; a pledge of troops only when they are sent
				// against someone ("promised to send more troops" to a
				// town under attack is help)
				if g.ev.Type == sitrep.Agree && g.flags&fVerb != 0 && harmful(d.ev.Type) && (d.ev.Type != sitrep.Mobilize || against(s, d.trig)) {
					g.ev.Type, g.ev.Mode = sitrep.Threaten, ""
				}
				if d.ev.Actor1 == nil && g.ev.Actor1 != nil {
					d.ev.Actor1, d.a1key = refCopy(*g.ev.Actor1), g.a1key
				}
				if g.ev.Type == sitrep.Accuse && g.ev.Actor2 != nil && (d.ev.Actor1 == nil || d.a1key == g.a1key) {
					// "accused Rwanda of deploying troops": the accused acts
					d.ev.Actor1, d.a1key = refCopy(*g.ev.Actor2), g.a2key
				}
			case hasTo && g.flags&fVerb != 0 && d.flags&fVerb != 0 && !gov && d.ev.Type != g.ev.Type && (d.ev.Type == sitrep.Aid || d.ev.Type == sitrep.Support || d.ev.Type == sitrep.Cooperate):
				// a purpose clause: "deployed fighters to assist the LNA"
				d.purpose, d.dead = true, true
				if g.ev.Actor2 == nil || g.a2key == "" || strings.HasPrefix(g.ev.Actor2.Text, "them") {
					g.ev.Actor2, g.a2key = d.ev.Actor2, d.a2key
				}
			case hasTo && g.seeded && !d.seeded && g.flags&fVerb != 0 && d.flags&fVerb != 0 && !gov && d.ev.Type != g.ev.Type && d.ev.Modality.Happened() == g.ev.Modality.Happened() &&
				(g.ev.Type == sitrep.Cooperate || g.ev.Type == sitrep.Consult || g.ev.Type == sitrep.Support || g.ev.Type == sitrep.Aid):
				// "sent a dozen experts to Goma on Friday to investigate": a
				// cooperative verb only CAMEO's dictionary codes carries the
				// purpose it serves, which the curated lexicon names; the
				// sender does it ("fired tear gas to disperse" keeps both)
				g.dead = true
				if g.ev.Actor1 != nil {
					d.ev.Actor1, d.a1key = refCopy(*g.ev.Actor1), g.a1key
				}
			case hasTo && g.ev.Type == sitrep.Mobilize && g.flags&fVerb != 0 && d.flags&fVerb != 0 && d.ev.Type == sitrep.Assault:
				// "sending soldiers to fight alongside the M23": the purpose
				// of a deployment is intended, and those sent carry it out
				d.governed, d.governor = true, first+gi
				if g.ev.Actor2 != nil {
					d.ev.Actor1, d.a1key = refCopy(*g.ev.Actor2), g.a2key
				}
			}
			if link {
				break
			}
		}
	}
}

func pronoun(w string) bool {
	return w == "they" || w == "them" || w == "it" || w == "he" || w == "she"
}

// passiveBetween reports whether a passive verb group lies between two
// token positions ("2 soldiers were killed in an attack": the soldiers did
// not attack).
func passiveBetween(s *sent, from, to int) bool {
	for k := from; k < to && k < len(s.words); k++ {
		if beForms[s.words[k]] {
			return true
		}
	}
	return false
}

// groupWord reports whether w names many people ("separatists",
// "rebels", "they"), which one person acting for a body cannot be.
func groupWord(w string) bool {
	return w == "they" || w == "them" || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !titles[w]
}

// bodyOf returns the id of the organisation a person acts for when
// "its" before m points to that person: no one's fighters are "its" but
// a body's. "" when o is no person of an organisation the report names.
func (r *reader) bodyOf(s *sent, o, m *mention) string {
	if s.words[m.first] != "its" {
		return ""
	}
	a := r.actor(o.ref.ID)
	if a == nil || a.Parent == "" || !strings.HasPrefix(a.ID, a.Parent+".") || !personAgents[a.ID[len(a.Parent)+1:]] || r.actor(a.Parent) == nil {
		return ""
	}
	return a.Parent
}

// personAgents are the dictionary's agent codes of one person acting for
// a body (actor/data/agents.yaml, those with a title).
var personAgents = set("SPOKESPERSON", "COMMANDER", "LEADER", "OFFICER", "PRESIDENT", "PM", "FM", "DM", "INTMIN", "MINISTER",
	"MONARCH", "AMBASSADOR", "GOVERNOR", "MAYOR")

// ownerOf returns the earlier actor a possessive pronoun points to in
// "X said its forces ...", or nil.
func ownerOf(s *sent, m *mention) *mention {
	if m.first >= len(s.words) {
		return nil
	}
	switch s.words[m.first] {
	case "its", "their":
	default:
		return nil
	}
	for k := m.first - 1; k >= 0; k-- {
		if o := s.mentionAt(k); o != nil && !o.place && !o.anaphoric || o != nil && groupNouns[o.head] && !o.place {
			return appositive(s, o) // "X, one of the largest groups, said its fighters": X's
		}
	}
	return nil
}

// symmetric verbs take both sides as a coordinated subject.
var symmetric = set("clash", "fight", "battle", "skirmish", "meet", "talk", "discuss", "negotiate", "confer", "consult", "cooperate",
	"clashes", "fighting", "hostilities", "firefight", "gunfight", "combat", "talks", "meeting", "negotiations", "consultations", "discussions")

// bracketed reports whether a mention is an editor's gloss in brackets:
// "They [the Chadian gunmen] were driven out".
func bracketed(s *sent, m *mention) bool {
	open := -1
	for k := m.first - 1; k >= 0 && k >= m.first-8; k-- {
		if s.words[k] == "]" || s.words[k] == ")" {
			return false
		}
		if s.words[k] == "[" || s.words[k] == "(" {
			open = k
			break
		}
	}
	if open < 0 {
		return false
	}
	for k := m.last; k < len(s.words) && k <= m.last+8; k++ {
		if s.words[k] == "]" || s.words[k] == ")" {
			return true
		}
		if s.words[k] == "[" || s.words[k] == "(" {
			return false
		}
	}
	return false
}

// stative reports whether a verb trigger is a participle that describes a
// noun rather than tells of an event: "newly appointed Prime Minister",
// "the wounded soldiers", "a body linked to the OAU", "a lunch hosted by".
// A verb the tagger calls finite is never stative; neither is one that
// follows a bare noun phrase ("people blocked streets"), which the tagger
// often reads as a participle in news.
func stative(s *sent, i int, e *entry) bool {
	if e.flags&fVerb == 0 || e.flags&fNoun != 0 && s.toks[i].XPOS != "VBG" {
		return false
	}
	w := s.words[i]
	// "the talks remain suspended": a state, not an act
	if i > 0 && copulas[s.words[i-1]] {
		return true
	}
	switch s.toks[i].XPOS {
	case "VBD", "VBZ", "VBP", "VB", "MD":
		return false
	case "VBG":
		// "Algeria's leading activist", "the ruling party"; "one of the
		// armed groups fighting the military" describes the groups
		t := s.tree
		if t == nil || gerundWithAgent(s, i) {
			return false
		}
		// "accused the army of shelling civilians", "arrested for
		// attacking villages": a gerund that takes an object, however the
		// parser attached it
		if i > 0 && (s.words[i-1] == "of" || s.words[i-1] == "for") && harmful(e.typ) {
			return false
		}
		if t.rel[i] == "amod" && i+1 < len(s.words) && nominal(s, i+1) {
			return true
		}
		if h := t.head[i]; t.rel[i] == "acl" && h >= 0 {
			return t.rel[h] == "appos" || base(t.rel[h]) == "nmod" && t.caseOf(s, h) == "of"
		}
		return false
	}
	if !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "en") && !strings.HasSuffix(w, "wn") && w != "led" && w != "held" {
		return false
	}
	n := len(s.words)
	// prenominal: a modifier or nothing before, a noun or name after
	b := i - 1
	for b >= 0 && (s.toks[b].UPOS == "ADV" || s.toks[b].UPOS == "" && strings.HasSuffix(s.words[b], "ly") || s.inTime[b] || b+1 < n && s.inTime[b+1] && (s.words[b] == "on" || s.words[b] == "at" || s.words[b] == "in")) {
		b-- // "newly appointed", but "agents sexually abused" and "gunmen on 01/07 kidnapped" have a subject
	}
	// "shot and seriously injured a civilian": a verb joined to a verb
	coordinated := b > 0 && (s.words[b] == "and" || s.words[b] == "or") && (s.toks[b-1].UPOS == "VERB" || r0verb(s.words[b-1]))
	if i+1 < n && nominal(s, i+1) && (b < 0 || modifierBefore(s, b)) && !coordinated {
		return true
	}
	// a reduced relative on a determined noun, for acts that are ties
	// rather than deeds
	if t := s.tree; t != nil && t.rel[i] == "acl" {
		h := t.head[i]
		switch e.typ {
		case sitrep.Cooperate, sitrep.Support, sitrep.Agree, sitrep.Consult:
			if h >= 0 && h < i && t.child(h, "det") >= 0 {
				return true
			}
		case sitrep.Assault:
		default:
			// "formed by lawmakers ousted in the 2021 coup": a past act
			// that describes someone the sentence is about
			if h >= 0 && h < i && (base(t.rel[h]) == "obl" || base(t.rel[h]) == "nmod" || t.rel[h] == "obj") && e.flags&fIntrans == 0 && t.child(i, "obj") < 0 && t.caseOf(s, h) != "of" {
				return true
			}
		}
	}
	return false
}

// nominal reports whether token k begins a noun phrase's head.
func nominal(s *sent, k int) bool {
	switch s.toks[k].UPOS {
	case "NOUN", "PROPN", "ADJ":
		return true
	case "":
		return capitalised(s.toks[k].Text) || groupNouns[s.words[k]]
	}
	return false
}

// modifierBefore reports whether token k may precede a prenominal
// participle: a determiner, an adverb, an adjective, punctuation.
func modifierBefore(s *sent, k int) bool {
	if t := s.tree; t != nil && base(t.rel[k]) == "nsubj" {
		return false // a subject the tagger called an adjective ("official")
	}
	if s.toks[k].UPOS == "NUM" && k > 0 && (s.words[k-1] == "on" || s.words[k-1] == "at") {
		return false // a date: "gunmen on 01/07 kidnapped"
	}
	switch s.toks[k].UPOS {
	case "DET", "ADJ", "PUNCT", "NUM", "CCONJ", "ADP":
		return true
	case "":
		w := s.words[k]
		return w == "the" || w == "a" || w == "an" || w == "," || w == "and" || isNumber(w) || locPreps[w]
	}
	return false
}

// enrich fills an actor reference from the document's actors: the
// canonical name, country, sector and kind of the actor the actor stage
// resolved the mention to, keeping the mention's text and span. A mention
// without an id takes the id of an entity over exactly its span (the
// parts of "the foreign ministers of Egypt and Qatar"). Actors no
// dictionary knows keep their name and get no id (sitrep.Actor.Ref).
func (r *reader) enrich(ref *sitrep.ActorRef) {
	if ref == nil {
		return
	}
	if ref.ID == "" && ref.Span != nil {
		over := r.entitiesOver(*ref.Span)
		for ei := range over {
			e := &over[ei]
			if e.Span == *ref.Span && e.ActorID != "" {
				if a := r.actor(e.ActorID); a != nil && !a.Generic() {
					ref.ID = e.ActorID
					break
				}
			}
		}
	}
	if ref.ID == "" {
		return
	}
	a := r.actor(ref.ID)
	if a == nil {
		return
	}
	x := a.Ref()
	ref.ID, ref.Name, ref.Country, ref.Sector, ref.Kind = x.ID, x.Name, x.Country, x.Sector, x.Kind
	if ref.Name == "" {
		ref.Name = a.Text
	}
}

// verbal reports whether a universal POS tag is a verb, auxiliary,
// adposition or particle: words no noun phrase's modifiers include.
func verbal(upos string) bool {
	return upos == "VERB" || upos == "AUX" || upos == "ADP" || upos == "PART" || upos == "SCONJ"
}

// described returns the name a description is set off with: "the U.N.
// envoy for Yemen, Hans Grundberg," names the envoy; m itself otherwise.
func described(s *sent, m *mention) *mention {
	if m == nil || m.proper && !groupNouns[m.head] && !titles[m.head] {
		return m
	}
	k := m.last
	if k+1 < len(s.words) && (s.words[k] == "for" || s.words[k] == "of" || s.words[k] == "in") {
		if o := s.mentionAt(k + 1); o != nil {
			k = o.last
		} else {
			return m
		}
	}
	if k+1 >= len(s.words) || s.words[k] != "," {
		return m
	}
	p := s.mentionAt(k + 1)
	if p == nil || !p.proper || p.place || p.first != k+1 || p.ref.Kind != "" && p.ref.Kind != string(sitrep.ActorPerson) {
		return m
	}
	if p.last < len(s.words) && s.words[p.last] != "," && s.words[p.last] != "." {
		return m
	}
	if !capitalised(s.toks[p.first].Text) || p.ref.ID == "" && !personName(s, p) {
		return m
	}
	return p
}

// personName reports whether a proper mention looks like a person's name:
// two or three capitalised words and no organisation word.
func personName(s *sent, p *mention) bool {
	n := p.last - p.first
	return n >= 2 && n <= 3 && !orgName(p.ref.Name)
}

// harmful reports whether acts of the type harm their target.
// against reports whether "against" follows the trigger at i within its
// clause: "deploy troops against the rebels".
func against(s *sent, i int) bool {
	for k := i + 1; k < len(s.words) && k <= i+8; k++ {
		switch s.words[k] {
		case "against":
			return true
		case ".", ";", ",":
			return false
		}
	}
	return false
}

func harmful(t sitrep.EventType) bool {
	switch t {
	case sitrep.Assault, sitrep.Coerce, sitrep.Sanction, sitrep.Threaten, sitrep.Mobilize:
		return true
	}
	return false
}

// labourStrike reports whether the noun "strike" at i is a walkout: a
// span of hours or days, a general or labour strike, one launched, held or
// gone on, or one over pay or to demand something.
func labourStrike(s *sent, i int) bool {
	n := len(s.words)
	if i+1 < n {
		switch s.words[i+1] {
		case "on", "against", "in", "killed", "hit", "targeted", "near":
			return false
		case "a", "an":
			// "called the strike a massacre": naming an attack
			return false
		case "over", "to", "for", "demanding", "action", "by":
			return true
		}
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		w := s.words[k]
		switch {
		case strings.HasSuffix(w, "-hour") || strings.HasSuffix(w, "-day") || w == "hour" || w == "day" || w == "week" || w == "days" || w == "hours" ||
			w == "general" || w == "labour" || w == "labor" || w == "nationwide" || w == "indefinite" || w == "teachers" || w == "workers" || w == "doctors":
			return true
		case w == "launched" || w == "started" || w == "began" || w == "announced" || w == "called" || w == "held" || w == "staged" || w == "went" || w == "go" || w == "declared":
			return true
		case w == "air" || w == "drone" || w == "missile" || w == "military" || w == "precision":
			return false
		}
	}
	return false
}

// gerundWithAgent reports whether word i is an -ing form followed by
// "by": "shelling by the Rapid Support Forces" is an act named with its
// doer, a noun whatever the tagger says (a verb's -ing form takes no
// by-agent).
func gerundWithAgent(s *sent, i int) bool {
	return strings.HasSuffix(s.words[i], "ing") && i+1 < len(s.words) && s.words[i+1] == "by"
}

// r0verb reports whether a word without a tag looks like a past verb.
func r0verb(w string) bool {
	return strings.HasSuffix(w, "ed") || w == "shot" || w == "hit" || w == "struck"
}

// copulas before a participle make it describe a state: "remain
// suspended", "stayed closed".
var copulas = set("remain", "remains", "remained", "stay", "stays", "stayed", "seem", "seems", "seemed", "appear", "appears", "appeared")

// weaponWord reports whether a head noun names a weapon, not the people
// who carry one ("gunmen", "snipers" are people).
func weaponWord(w string) bool {
	mode, ok := instrumentMode[w]
	return ok && mode != "firearms" && mode != "beat" && mode != "suicide-attack"
}

// violentDestruction makes property destroyed, burnt or looted part of the
// violence of its sentence: PLOVER codes destruction on its own as
// COERCE ("settlers torched an office"), but what an attack or a weapon
// destroys is the attack ("an IED planted by rebels wrecked an army truck,
// killing ...", "attacked and burned the village").
func violentDestruction(s *sent, cands []*cand) {
	for _, c := range cands {
		if c.ev.Type != sitrep.Coerce || c.ev.Mode != "destroy" {
			continue
		}
		violent := false
		for _, d := range cands {
			// an attack told as background after the destruction ("burned
			// a police post following the murder of a trader") is
			// another happening; just before it, it is its cause
			// ("after shelling by the rebels destroyed the market")
			violent = violent || d != c && d.ev.Type == sitrep.Assault && !d.purpose && (!d.background || d.trig < c.trig && c.trig-d.trig <= 6)
		}
		if t := s.tree; t != nil {
			if sj := t.child(c.trig, "nsubj"); sj >= 0 {
				// "an IED destroyed a vehicle", "shelling by the rebels
				// destroyed the market"
				violent = violent || weaponWord(s.words[sj]) || slices.ContainsFunc(cands, func(d *cand) bool { return d.trig == sj && d.ev.Type == sitrep.Assault })
			}
			if ob := t.child(c.trig, "obj"); ob >= 0 && (weaponWord(s.words[ob]) || armedWords[s.words[ob]] || s.words[ob] == "vehicles" || s.words[ob] == "vehicle") {
				violent = true // "destroyed four drones", "destroyed an army vehicle"
			}
		}
		if violent {
			c.ev.Type, c.ev.Mode = sitrep.Assault, "seize"
		}
	}
}

// crowdObstruction makes a blockade by protesters, residents or a crowd a
// protest that obstructs ("protesters blockading the N2", "residents
// barricaded the road"), not the state's restriction CAMEO's verb codes.
func crowdObstruction(cands []*cand) {
	for _, c := range cands {
		if c.ev.Type != sitrep.Coerce || c.ev.Mode != "restrict" || c.ev.Actor1 == nil {
			continue
		}
		switch Category(c.ev.Actor1) {
		case ontology.Protesters, ontology.Rioters, ontology.Civilians:
			c.ev.Type, c.ev.Mode = sitrep.Protest, "obstruct"
		}
	}
}

// relativeAntecedent returns the noun a restrictive relative clause
// modifies when m, the nearest actor before the passive verb at i, is
// that clause's object: in "A teacher who had criticised the militia was
// shot", the teacher was shot, not the militia. The clause must have a
// finite verb of its own between its pronoun and m; nil otherwise.
func relativeAntecedent(s *sent, m *mention, i int) *mention {
	for k := m.first - 1; k >= 1 && k >= m.first-12; k-- {
		switch s.words[k] {
		case ".", ";", ",":
			return nil
		case "who", "whom", "that", "which":
		default:
			continue
		}
		finite := false
		for j := k + 1; j < m.first; j++ {
			if x := s.toks[j].XPOS; x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD" {
				finite = true
			}
		}
		if !finite {
			return nil
		}
		if a := s.mentionAt(k - 1); a != nil && a.last == k && !a.place && a != m && a.last <= i {
			return a
		}
		return nil
	}
	return nil
}
