package event

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/ontology"
)

// finish merges the candidates into one event per happening, classifies
// them for ACLED and appends them to the document.
func (r *reader) finish() {
	var events []*cand
	var headline []*cand
	// attacks told as the cause of a toll: "soldiers suffered casualties
	// following an attack by X" (see below)
	var late []*cand
	for _, c := range r.cands {
		if c.ev.Type == sitrep.Accuse && c.flags&fNoun != 0 {
			r.appositiveClaim(c)
		}
		if c.background && !c.dead && !c.purpose && c.ev.Type == sitrep.Assault && c.ev.Actor1 != nil && c.ev.Modality.Happened() {
			late = append(late, c)
			continue
		}
		if c.dead || c.purpose || c.background {
			continue
		}
		if c.headline {
			headline = append(headline, c)
			continue
		}
		if c.flags&fMotion != 0 {
			r.motion(c, &events)
			continue
		}
		if t := r.mergeTarget(c, events); t != nil {
			merge(t, c)
			continue
		}
		if !r.keep(c) {
			continue
		}
		events = append(events, c)
	}
	// An attack told as background ("following an attack by X") is the
	// event itself when its sentence tells of casualties and codes nothing
	// else: "soldiers suffered casualties following an attack by X".
	for _, c := range late {
		if !casualtyTalk(c.s) {
			continue
		}
		if i := slices.IndexFunc(events, func(e *cand) bool { return e.s == c.s }); i >= 0 {
			// "four militiamen were killed after an ambush by ISWAP
			// fighters": the ambushers are the killers
			if e := events[i]; e.ev.Type == sitrep.Assault && e.ev.Actor1 == nil && e.ev.Modality.Happened() &&
				(c.a1key == "" || c.a1key != e.a2key) && !ownerOfTarget(e, c.ev.Actor1) {
				e.ev.Actor1, e.a1key = c.ev.Actor1, c.a1key
				if e.ev.Mode == "" {
					e.ev.Mode = c.ev.Mode
				}
			}
			continue
		}
		if !r.keep(c) {
			continue
		}
		at := len(events)
		for k, e := range events {
			if e.s.si > c.s.si {
				at = k
				break
			}
		}
		events = slices.Insert(events, at, c)
	}
	// the headline tells of an event of the body: merge it there
	for _, h := range headline {
		if h.flags&fMotion != 0 {
			continue
		}
		target := headlineTarget(h, events)
		if target != nil {
			merge(target, h)
			continue
		}
		if (h.ev.Actor1 != nil || h.ev.Actor2 != nil) && r.keep(h) {
			events = append(events, h)
		}
	}
	n := 0
	total := r.tollTotal()
	for i, c := range events {
		// within one sentence, one assault per happening
		if c.dead {
			continue
		}
		if e := attackersLeave(c, events[:i]); e != nil {
			c.leaving = true
			if c.dateFall && e.ev.Date != nil {
				d := *e.ev.Date
				c.ev.Date, c.dateFall = &d, e.dateFall
			}
			if c.ev.Location == nil && e.ev.Location != nil {
				loc := *e.ev.Location // they left from where they struck
				c.ev.Location = &loc
			}
		}
		r.planter(c)
		r.classify(c)
		if c.ev.Confidence < r.c.cfg.MinConfidence {
			continue
		}
		r.partisanToll(c, total)
		r.sceneOf(c.s, c)
		distinctActors(&c.ev)
		n++
		c.ev.ID = fmt.Sprintf("e%d", n)
		r.doc.Events = append(r.doc.Events, c.ev)
	}
}

// attackersLeave returns the attack told before whose doers a withdrawal
// tells leaving the scene, or nil: "Gunmen raided the village, killing
// six. The attackers withdrew toward the hills." The retreat ends the
// attack and hands over no ground, so it takes no ACLED type; one told
// with no date or place of its own took place on the attack's day, from
// its scene. The doers
// are "the attackers" (of the latest attack) or the same actor as the
// attack's; the attack was last told at most two sentences before, on a
// day the retreat's date does not contradict.
func attackersLeave(c *cand, before []*cand) *cand {
	if c.ev.Type != sitrep.Retreat || c.ev.Mode != "withdraw" && c.ev.Mode != "" || c.ev.Actor1 == nil || !c.ev.Modality.Happened() {
		return nil
	}
	byRole := byAttackRole(c.ev.Actor1)
	for k := len(before) - 1; k >= 0; k-- {
		e := before[k]
		if e.dead || e.ev.Type != sitrep.Assault || !e.ev.Modality.Happened() || e.ev.Actor1 == nil {
			continue
		}
		if e.s.si > c.s.si || c.s.si-e.toldLast() > 2 {
			continue
		}
		if (byRole || c.a1key != "" && c.a1key == e.a1key) && datesOverlap(e, c) && e.flags&fCapture == 0 {
			// (those who took a town and leave it hand it over)
			return e
		}
		if byRole {
			return nil // "the attackers" are the latest attack's
		}
	}
	return nil
}

// headlineTarget returns the body's event a headline event tells, or
// nil: the one with the headline's toll, else the first of its type
// whose doer agrees with the headline's, else the lede (ledeOf), else the
// first of its type whose actors do not contradict it, doerless ones
// included. A doerless event of a later
// paragraph ("Passengers wounded in the blast were taken to hospital")
// agrees with any doer, so it comes after the lede: "Insurgents behead
// four" tells the lede's raid by "Islamic State Mozambique fighters".
func headlineTarget(h *cand, events []*cand) *cand {
	if f := h.ev.Fatalities; f != nil && *f > 0 {
		// "army says it killed 12 fighters" over a body that tells of two
		// attacks: the one with that toll
		for _, e := range events {
			if e.ev.Type == h.ev.Type && e.ev.Fatalities != nil && *e.ev.Fatalities == *f && !knownApart(e.ev.Actor1, h.ev.Actor1) {
				return e
			}
		}
	}
	known := h.ev.Actor1 != nil
	for _, e := range events {
		if e.ev.Type == h.ev.Type && compatibleActors(e, h) && (!known || e.ev.Actor1 != nil) {
			return e
		}
	}
	if e := ledeOf(h, events); e != nil {
		return e
	}
	for _, e := range events {
		if e.ev.Type == h.ev.Type && compatibleActors(e, h) {
			return e
		}
	}
	return nil
}

// ledeOf returns the body's first event of the headline event's type when
// nothing in them contradicts it: a headline sums up its lede ("Soldiers
// killed in ambush on convoy near Gao" over "Gunmen ambushed an army
// convoy near Gao on Monday, killing seven soldiers") in words that name
// its actors differently. Actors the dictionary knows by different ids on
// the same side, dates that do not meet, places over 100 km apart or
// different weapons make it a different event.
func ledeOf(h *cand, events []*cand) *cand {
	if !h.ev.Modality.Happened() {
		return nil
	}
	for _, e := range events {
		if e.ev.Type != h.ev.Type {
			continue
		}
		if !e.ev.Modality.Happened() || knownApart(e.ev.Actor1, h.ev.Actor1) || knownApart(e.ev.Actor2, h.ev.Actor2) || !h.dateFall && !datesOverlap(e, h) ||
			placesApart(e.ev.Location, h.ev.Location) || e.ev.Mode != "" && h.ev.Mode != "" && e.ev.Mode != h.ev.Mode {
			return nil
		}
		return e
	}
	return nil
}

// placesApart reports whether two events' places are over 100 km apart
// (a country's centre stands for all of it, so precision 4 never is).
func placesApart(a, b *sitrep.Location) bool {
	return a != nil && b != nil && a.Precision < 4 && b.Precision < 4 && distanceKM(a.Lat, a.Lon, b.Lat, b.Lon) > 100
}

// knownApart reports whether two actors are known to differ: both have a
// dictionary id of their own (not a generic kind such as ".CVL") and the
// ids differ.
func knownApart(a, b *sitrep.ActorRef) bool {
	known := func(r *sitrep.ActorRef) bool {
		return r != nil && r.ID != "" && !strings.HasPrefix(r.ID, ".") && !strings.HasPrefix(r.ID, "_:")
	}
	return known(a) && known(b) && a.ID != b.ID
}

// distinctActors drops an associated actor that is actor1 or actor2
// already, and an actor2 that is actor1 ("The U.N. peacekeeping mission,
// MINUSMA," read twice): no one is their own ally or target. Actors are
// the same when they share a dictionary id.
func distinctActors(ev *sitrep.Event) {
	id := func(a *sitrep.ActorRef) string {
		if a == nil || strings.HasPrefix(a.ID, ".") {
			return "" // generic kinds ("civilians") may stand on both sides
		}
		return a.ID
	}
	a1, a2 := id(ev.Actor1), id(ev.Actor2)
	if a1 != "" && a1 == a2 {
		ev.Actor2 = nil
		a2 = ""
	}
	ev.Associated = slices.DeleteFunc(ev.Associated, func(a sitrep.ActorRef) bool {
		x := id(&a)
		return x != "" && (x == a1 || x == a2)
	})
	if len(ev.Associated) == 0 {
		ev.Associated = nil
	}
}

// subjectNoun reports whether the trigger noun heads the sentence: its
// subject or, in a note without a verb, its root.
func subjectNoun(c *cand) bool {
	t := c.s.tree
	if t == nil || c.trig >= len(t.rel) {
		return false
	}
	return t.head[c.trig] < 0 || base(t.rel[c.trig]) == "nsubj" && t.head[t.head[c.trig]] < 0
}

// appositiveClaim gives an allegation set off after a reported clause
// its teller: "The M23 said the army had bombed a market, killing three
// traders, an allegation the army rejected" is the M23's accusation.
func (r *reader) appositiveClaim(c *cand) {
	s, i := c.s, c.trig
	if i < 2 || s.words[i-2] != "," || (s.words[i-1] != "an" && s.words[i-1] != "a") {
		return
	}
	for k := range s.mentions {
		m := &s.mentions[k]
		if m.first < i && s.inAttr[m.first] && !m.place && !m.anaphoric {
			c.ev.Actor1 = refCopy(m.ref)
			return
		}
	}
}

// casualtyTalk reports whether a sentence speaks of dead, wounded or
// casualties.
func casualtyTalk(s *sent) bool {
	for _, w := range s.words {
		if killWords[w] || injureWords[w] {
			return true
		}
	}
	return false
}

// mergeTarget finds the earlier event a candidate speaks of again, or nil:
// another trigger of the same assault in the same sentence, a definite
// noun referring back ("the retreat", "the call"), an anaphoric actor doing
// the same thing again ("the two diplomats discussed"), or the same act by
// the same actors on the same day.
func (r *reader) mergeTarget(c *cand, events []*cand) *cand {
	apart := toldApart(c)
	// what c's own sentence says, read once rather than for every earlier
	// event: dead "in the attack", or a death told with no cause
	ofTheAttack := c.ev.Type == sitrep.Assault && c.ev.Actor1 == nil && r.inTheAttack(c)
	bareDeath := deathVerb(c.flags) && c.ev.Actor1 == nil && !r.violentDeath(c) && !c.s.holds(peacefulCauses)
	for k := len(events) - 1; k >= 0; k-- {
		e := events[k]
		if e.ev.Type != c.ev.Type || e.ev.Modality.Happened() != c.ev.Modality.Happened() {
			continue
		}
		sameSentence := e.s == c.s
		if apart && !sameSentence {
			continue // "in a separate attack": not one told before
		}
		near := c.s.si-e.s.si <= 3
		switch {
		case sameSentence && c.flags&fNoun != 0 && !e.seeded && objectOf(c.s, e.trig, c.trig):
			// "reimposed blockades": the verb coded by its object and the
			// object noun are one act
			return e
		case sameSentence && c.ev.Type == sitrep.Reject && defection(e) && defection(c) && compatibleActors(e, c):
			// "switched sides and joined the rebels": one change of side
			return e
		case sameSentence && c.ev.Type == sitrep.Assault && r.accusedAct(e) == r.accusedAct(c) && (compatibleActors(e, c) || c.flags&fKill != 0 || c.lemma == "wound" || c.lemma == "injure" || c.ev.Actor1 == nil || mannerOf(c.s, e.trig, c.trig) || e.ev.Actor1 == nil && whenClause(c.s, e.trig, c.trig)):
			return e
		case sameSentence && c.ev.Type == sitrep.Protest && (compatibleActors(e, c) || c.ev.Actor1 == nil):
			// "residents burnt tyres and blocked the road to protest the
			// killings": one protest told by its acts
			return e
		case (c.moreDead || c.ofWounded) && c.ev.Type == sitrep.Assault && c.ev.Actor1 == nil && c.s.si-e.toldLast() <= 2 && c.s.si > e.s.si:
			// "3 militants were also killed": more dead of the same fight
			return e
		case c.onlyHurt && c.ev.Type == sitrep.Assault && c.ev.Actor1 == nil && c.s.si-e.s.si == 1 && c.s.region == e.s.region && e.ev.Injuries == nil &&
			(c.dateFall || datesOverlap(e, c)) && !placesApart(e.ev.Location, c.ev.Location) && (c.ev.Mode == "" || c.ev.Mode == e.ev.Mode):
			// "... clashed with the insurgents, killing nine. Two Rwandan
			// soldiers were wounded": the wounded of the fight just told;
			// wounded on another day, far off or by a weapon of their own
			// ("by a landmine in Gao on Wednesday") were another attack
			return e
		case ofTheAttack && near && c.s.si > e.s.si && datesOverlap(e, c) && !placesApart(e.ev.Location, c.ev.Location):
			// "Gunmen attacked a village on Sunday. Eight people were
			// killed in the attack": the dead of the attack told before
			return e
		case bareDeath && c.s.si > e.s.si && c.s.si-e.s.si <= 2 &&
			(c.dateFall || !e.dateFall && datesOverlap(e, c)) && !placesApart(e.ev.Location, c.ev.Location):
			// "Army aircraft bombed the village. Two farmers died.": deaths
			// told with no cause of their own, just after an attack, are
			// its dead; "he died the next day" after an undated attack
			// would give the attack the day of the death
			return e
		case c.anaphoric && compatibleActors(e, c) && !(r.accusedAct(e) && !r.accusedAct(c)):
			// "condemned the attack" after "accused the army of shelling
			// civilians" speaks of the attack the report told, not of
			// the one a party alleged back
			return e
		case c.ev.Type == sitrep.Assault && near && c.s.si > e.s.si && c.ev.Actor1 == nil && sameToll(e, c) && !placesApart(e.ev.Location, c.ev.Location) &&
			(compatibleActors(e, c) || c.ev.Actor2 != nil && victimName(c.ev.Actor2) && e.ev.Actor2 != nil && !victimName(e.ev.Actor2)):
			// "Fighting ... killed at least nine people. The centre said
			// nine people were killed, including two civilians": the toll
			// told again (its dead are the fight's, not a side of it)
			return e
		case c.ev.Type == sitrep.Assault && near && c.s.si > e.s.si && c.ev.Actor1 == nil && c.ev.Actor2 == nil && c.ev.Mode != "" && c.ev.Mode == e.ev.Mode && (c.dateFall || datesOverlap(e, c)):
			// "A car bomb exploded near a restaurant ... The bomb was
			// detonated as security forces tried to stop the car": the
			// same weapon with no one named is the same blast
			return e
		case c.actorAna && near && datesOverlap(e, c) && (compatibleActors(e, c) || e.lemma == c.lemma && e.ev.Actor2 != nil && c.ev.Actor2 == nil ||
			c.ev.Type == sitrep.Assault && c.ev.Actor1 != nil && byAttackRole(c.ev.Actor1)):
			// "the attackers" are whoever attacked last, and so are
			// "they" that stand for the attackers
			return e
		case !sameSentence && e.lemma == c.lemma && c.a1key != "" && c.a1key == e.a1key && c.a2key == e.a2key &&
			e.ev.Date != nil && c.ev.Date != nil && !e.dateFall && !c.dateFall && *e.ev.Date == *c.ev.Date:
			return e
		}
	}
	return nil
}

// inTheAttack reports whether c's trigger is followed, in its clause, by
// "in" or "during" and a definite attack noun: "were killed in the
// attack", "died during the raid" refer back to an attack already told.
// "Killed in the clashes" does not: a fight has two sides, and its dead
// are not the victims of a one-sided attack told before.
func (r *reader) inTheAttack(c *cand) bool {
	s := c.s
	for k := c.trig + 1; k+2 < len(s.words) && k <= c.trig+6; k++ {
		switch s.words[k] {
		case ",", ".", ";", "and", "but":
			return false
		case "in", "during":
		default:
			continue
		}
		if d := s.words[k+1]; d != "the" && d != "that" && d != "this" {
			continue
		}
		for j := k + 2; j < len(s.words) && j <= k+3; j++ {
			for _, e := range r.c.lex.first(s.words[j]) {
				if e.curated && e.flags&fNoun != 0 && e.typ == sitrep.Assault && len(e.words) == 1 && !fightWords[s.words[j]] {
					return true
				}
			}
		}
	}
	return false
}

// accusedAct reports whether c is what an accusation says someone did:
// "accused the army of shelling civilians".
func (r *reader) accusedAct(c *cand) bool {
	if !c.governed || c.governor < 0 || c.governor >= len(r.cands) {
		return false
	}
	return r.cands[c.governor].ev.Type == sitrep.Accuse
}

// troopSubject reports whether the trigger's subject in the parse is a
// body of troops or its weapons ("reinforcements", "tanks").
func troopSubject(c *cand) bool {
	t := c.s.tree
	if t == nil {
		return false
	}
	sj := t.child(c.trig, "nsubj")
	if sj < 0 {
		return false
	}
	w := c.s.words[sj]
	_, weapon := instrumentMode[w]
	return weapon || armedWords[w] || combatantWords[w] || w == "attackers" || w == "assailants" || w == "gunmen" || w == "bandits" || w == "raiders" || w == "reinforcements" || w == "units" || w == "convoy" || w == "convoys" || w == "battalion" || w == "battalions" || w == "brigade" || w == "brigades"
}

// ownerOfTarget reports whether actor a is named as the owner of e's
// target in e's sentence: "a drone struck a convoy of the Libyan National
// Army" — the army owns the convoy; it did not strike it.
func ownerOfTarget(e *cand, a *sitrep.ActorRef) bool {
	t2 := e.ev.Actor2
	if t2 == nil || t2.Span == nil || a.Span == nil || a.Span.Start < t2.Span.End {
		return false
	}
	s := e.s
	k := -1
	for i := range s.toks {
		if s.toks[i].Start >= t2.Span.End {
			k = i
			break
		}
	}
	if k < 0 || s.words[k] != "of" {
		return false
	}
	if k+1 < len(s.toks) && s.words[k+1] == "the" {
		k++
	}
	return k+1 < len(s.toks) && s.toks[k+1].Start == a.Span.Start
}

// objectOf reports whether the word at o is the object of the verb at v
// in the sentence's parse.
func objectOf(s *sent, v, o int) bool {
	t := s.tree
	return t != nil && v >= 0 && o >= 0 && o < len(t.head) && t.head[o] == v && t.rel[o] == "obj"
}

// defection reports whether a candidate tells of a change of side.
func defection(c *cand) bool { return c.lemma == "defect" || c.lemma == "switch sides" }

// mannerOf reports whether the event noun at o tells how the verb at v was
// done: "killed 30 civilians in attacks on three villages" is one act.
// The phrase may hang on the verb's object, as parsers often attach it.
func mannerOf(s *sent, v, o int) bool {
	t := s.tree
	if t == nil || v < 0 || o < 0 || o >= len(t.head) || t.head[o] < 0 {
		return false
	}
	h := t.head[o]
	onVerb := h == v && base(t.rel[o]) == "obl" || t.head[h] == v && t.rel[h] == "obj" && base(t.rel[o]) == "nmod"
	return onVerb && (t.caseOf(s, o) == "in" || t.caseOf(s, o) == "during")
}

// whenClause reports whether the trigger at o heads a "when" or "as"
// clause of the verb at v: "3 guards died when a roadside bomb struck their
// truck" is one blast.
func whenClause(s *sent, v, o int) bool {
	t := s.tree
	if t == nil || v < 0 || o < 0 || o >= len(t.head) || t.head[o] != v || t.rel[o] != "advcl" {
		return false
	}
	m := t.child(o, "mark", "advmod")
	return m >= 0 && m < o && (s.words[m] == "when" || s.words[m] == "as")
}

// sameToll reports whether two candidates tell the same number of dead.
func sameToll(a, b *cand) bool {
	return a.ev.Fatalities != nil && b.ev.Fatalities != nil && *a.ev.Fatalities > 0 && *a.ev.Fatalities == *b.ev.Fatalities
}

// motion attaches a movement ("drove from the coast to Gharyan",
// "were flown to Sebha") to the retreat or deployment it continues: a leg
// that starts where the last one ended is a new event of the same kind,
// anything else fills in the last one. A movement with nothing to continue
// is not an event.
func (r *reader) motion(c *cand, events *[]*cand) {
	for k := len(*events) - 1; k >= 0; k-- {
		e := (*events)[k]
		if e.ev.Type != sitrep.Retreat && e.ev.Type != sitrep.Mobilize {
			continue
		}
		if c.a1key != "" && e.a1key != "" && c.a1key != e.a1key && !c.actorAna {
			continue
		}
		switch {
		case c.origin != "" && e.dest != "" && c.origin == e.dest && c.dest != "" && c.dest != e.dest:
			// a new leg
			c.ev.Type = e.ev.Type
			c.ev.Mode = e.ev.Mode
			if c.ev.Actor1 == nil || c.actorAna {
				if e.ev.Actor1 != nil {
					name := e.ev.Actor1.Name
					if c.ev.Actor1 == nil {
						c.ev.Actor1 = refCopy(*e.ev.Actor1)
					} else {
						c.ev.Actor1.Name, c.ev.Actor1.ID = name, e.ev.Actor1.ID
					}
				}
				c.a1key = e.a1key
			}
			if c.dateFall && e.ev.Date != nil && !e.dateFall && c.ev.Date != nil && e.ev.Date.Start > c.ev.Date.Start {
				// "subsequently": not before the leg it follows
				c.ev.Date.Start = e.ev.Date.Start
			}
			c.flags &^= fMotion
			*events = append(*events, c)
			return
		case c.dest != "" && c.dest == e.dest:
			merge(e, c)
			return
		case c.dest != "" && (e.dest == "" || c.origin != "" && e.origin != "" && (c.origin == e.origin || strings.Contains(e.origin, c.origin) || strings.Contains(c.origin, e.origin))) && (c.origin == "" || c.origin == e.origin || e.origin == "" || strings.Contains(e.origin, c.origin) || strings.Contains(c.origin, e.origin)):
			// the same movement told again with its destination, or a
			// more exact one ("to a village west of the city" ... "to
			// Zintan")
			finer := c.ev.Location != nil && (e.ev.Location == nil || c.ev.Location.Precision < e.ev.Location.Precision)
			merge(e, c)
			if e.dest == "" || finer {
				e.dest = c.dest
			}
			return
		case c.dest == "" && c.origin == "":
			merge(e, c)
			return
		}
	}
}

// compatibleActors reports whether two candidates may be about the same
// actors: no actor named on both sides differs.
func compatibleActors(a, b *cand) bool {
	same := func(x, y string, xr, yr *sitrep.ActorRef) bool {
		if x == "" || y == "" || x == y {
			return true
		}
		if xr != nil && yr != nil && (sameHead(lastWord(x), yr.Name) || sameHead(lastWord(y), xr.Name) ||
			sameHead(lastWord(xr.Text), yr.Text) && sharedWord(xr.Name, yr.Name)) {
			return true
		}
		return strings.Contains(x, y) || strings.Contains(y, x)
	}
	return same(a.a1key, b.a1key, a.ev.Actor1, b.ev.Actor1) && same(a.a2key, b.a2key, a.ev.Actor2, b.ev.Actor2)
}

func lastWord(s string) string {
	last := ""
	for w := range strings.FieldsSeq(s) {
		last = w
	}
	return last
}

func datesOverlap(a, b *cand) bool {
	if a.ev.Date == nil || b.ev.Date == nil || a.dateFall || b.dateFall {
		return true
	}
	return !(a.ev.Date.End < b.ev.Date.Start || b.ev.Date.End < a.ev.Date.Start)
}

// statesFigure reports whether a sentence gives the number n in figures
// or as a number word ("three"), not only as a vague count ("dozens").
func statesFigure(s *sent, n int) bool {
	for _, w := range s.words {
		if _, vague := ontology.VagueDeaths(w); vague {
			continue
		}
		if v, ok := casualtyCount(w); ok && v == n && isNumber(w) {
			return true
		}
	}
	return false
}

// newSpeaker reports whether c is told on the word of a speaker e's
// sources do not name yet.
func newSpeaker(e, c *cand) bool {
	for _, a := range c.ev.Sources {
		if a.Role != sitrep.RoleSpeaker {
			continue
		}
		if !slices.ContainsFunc(e.ev.Sources, func(b sitrep.Attribution) bool { return b.Role == sitrep.RoleSpeaker && b.Name == a.Name }) {
			return true
		}
	}
	return false
}

// toldLast returns the index of the latest sentence that tells of e: its
// own, or the latest merged into it ("The attackers opened fire on the
// market ... Two of the wounded later died" tells more of the lede's
// attack, though three sentences after it).
func (e *cand) toldLast() int { return max(e.s.si, e.lastSi) }

// merge folds candidate c into event e: its mention, the arguments e
// lacks, its sources and quantities.
func merge(e, c *cand) {
	c.dead = true
	e.lastSi = max(e.lastSi, c.s.si, c.lastSi)
	for _, m := range c.ev.Mentions {
		dup := false
		for _, x := range e.ev.Mentions {
			if x.Span == m.Span {
				dup = true
			}
		}
		if !dup {
			e.ev.Mentions = append(e.ev.Mentions, m)
		}
	}
	if e.ev.Actor1 == nil && c.ev.Actor1 != nil && (c.a1key == "" || c.a1key != e.a2key) && !ownerOfTarget(e, c.ev.Actor1) {
		// the target of the event is not its doer: "Two bombs exploded in
		// a camp for displaced people, killing 12" read "killing" with the
		// camp's people as its subject
		e.ev.Actor1, e.a1key = c.ev.Actor1, c.a1key
	}
	if e.ev.Actor2 == nil && c.ev.Actor2 != nil && c.a2key != e.a1key {
		e.ev.Actor2, e.a2key = c.ev.Actor2, c.a2key
	}
	for _, a := range c.ev.Associated {
		dup := false
		for _, b := range append(e.ev.Associated, derefs(e.ev.Actor1, e.ev.Actor2)...) {
			dup = dup || a.ID != "" && a.ID == b.ID || a.Name == b.Name
		}
		if !dup {
			e.ev.Associated = append(e.ev.Associated, a)
		}
	}
	if e.ev.Location == nil && c.ev.Location != nil {
		e.ev.Location = c.ev.Location
	} else if c.ev.Location != nil && e.ev.Location != nil && c.ev.Location.Precision < e.ev.Location.Precision && c.dest != "" {
		e.ev.Location = c.ev.Location
	}
	e.ev.OtherPlaces = append(e.ev.OtherPlaces, c.ev.OtherPlaces...)
	if (e.ev.Date == nil || e.dateFall) && c.ev.Date != nil && !c.dateFall {
		e.ev.Date, e.dateFall = c.ev.Date, false
	}
	if e.ev.Mode == "" && !(c.ev.Mode == "seize" && e.ev.Fatalities != nil && *e.ev.Fatalities > 0) {
		// an attack that killed stays an attack when a later sentence
		// tells of the looting that went with it
		e.ev.Mode = c.ev.Mode
	}
	if e.origin == "" {
		e.origin = c.origin
	}
	for _, q := range c.ev.Quantities {
		dup := false
		for _, x := range e.ev.Quantities {
			if x.Unit == q.Unit {
				dup = true
			}
		}
		if !dup {
			e.ev.Quantities = append(e.ev.Quantities, q)
		}
	}
	if e.ev.Fatalities == nil {
		e.ev.Fatalities = c.ev.Fatalities
		if (c.moreDead || c.ofWounded) && c.s != e.s && c.ev.Fatalities != nil {
			e.added = append(e.added, c.s.si) // counted once, whichever trigger of the sentence came first
		}
	} else if c.s != e.s && !c.moreDead && !c.ofWounded && c.ev.Fatalities != nil && *c.ev.Fatalities > 0 && *c.ev.Fatalities < *e.ev.Fatalities && newSpeaker(e, c) && statesFigure(c.s, *c.ev.Fatalities) {
		// "the army said it killed 12 fighters ... the group said only
		// three of its fighters died": another source's lower figure for
		// the same dead, and ACLED takes the lowest ("dozens of deaths"
		// is no figure to set against one)
		f := *c.ev.Fatalities
		e.ev.Fatalities = &f
	} else if (c.moreDead || c.ofWounded) && c.s != e.s && c.ev.Fatalities != nil && !slices.Contains(e.added, c.s.si) {
		// "3 militants were also killed", "two of the wounded later
		// died": dead beyond those told
		sum := *e.ev.Fatalities + *c.ev.Fatalities
		e.ev.Fatalities = &sum
		e.added = append(e.added, c.s.si)
	}
	if e.ev.Injuries == nil {
		e.ev.Injuries = c.ev.Injuries
	}
	for _, s := range c.ev.Sources {
		e.ev.Sources = appendSource(e.ev.Sources, s)
	}
	if e.ev.Modality == sitrep.Asserted && (c.ev.Modality == sitrep.Reported || c.ev.Modality == sitrep.Claimed) && len(c.ev.Sources) > 0 {
		e.ev.Modality = c.ev.Modality
	}
	if c.ev.Confidence > e.ev.Confidence {
		e.ev.Confidence = c.ev.Confidence
	}
	e.ev.Confidence += 0.05
	if e.ev.Confidence > 1 {
		e.ev.Confidence = 1
	}
}

// keep decides whether a candidate that speaks of no earlier event stands
// as an event of its own.
func (r *reader) keep(c *cand) bool {
	if c.seeded && c.ev.Type == sitrep.Consult && troopSubject(c) {
		return false // "once reinforcements arrived": troops that arrive visit no one
	}
	if c.ev.Type == sitrep.Assault && (c.lemma == "use" || c.lemma == "employ") && c.ev.Actor1 == nil {
		return false // "grenades were used until after midnight": the fighting told already, by no one new
	}
	if c.ev.Type == sitrep.Assault && (c.ev.Mode == "explosives" || c.ev.Mode == "aerial") && defusedOnly(c.s) {
		return false // "two bombs were found and defused": no attack, the defusing codes it
	}
	if deathVerb(c.flags) && !r.violentDeath(c) {
		return false // "two migrants died when their boat capsized": no one attacked them
	}
	if cumulativeToll(c) {
		return false // "thousands of people have been killed since then": a count over time, no one event
	}
	if r.naturalKilling(c) {
		return false // "floods killed 20 people", "a building collapsed, killing five"
	}
	if c.ev.Type == sitrep.Request && anonymity(c.s, c.trig) {
		return false // "he said, asking not to be named": a source's wish, no request of the conflict
	}
	if c.lemma == "beat" && contest(c.s) {
		return false // "the ruling party beat the opposition in the polls"
	}
	if (c.lemma == "defuse" || c.lemma == "deactivate") && !c.s.holds(weaponNouns) {
		return false // "mediators defused tensions", "deactivated accounts": no device taken out of use
	}
	if c.anaphoric && c.ev.Actor1 == nil && c.ev.Actor2 == nil {
		return false // "the attack" with nothing it refers back to
	}
	if c.ev.Actor1 == nil && c.ev.Actor2 == nil && c.ev.Fatalities == nil && c.ev.Injuries == nil {
		// a bare noun ("cessation of hostilities") or verb with no one
		// doing it and nothing counted: too little to code
		// "a market damaged by shelling" still tells of an attack: keep
		// assault nouns that name their weapon
		weapon := c.ev.Type == sitrep.Assault && c.ev.Mode != "" && c.ev.Mode != "seize"
		// "dozens held a protest": a protest held happened, whoever held it
		// and so did one told with a verb ("around 100 lawyers protested")
		// or as the sentence's subject ("Protests against insecurity in X.")
		heldProtest := c.ev.Type == sitrep.Protest && !c.anaphoric && (c.light || c.flags&fNoun == 0 || subjectNoun(c))
		if c.flags&fNoun != 0 && !weapon && !heldProtest || !c.ev.Modality.Happened() {
			return false
		}
		if !weapon && !heldProtest {
			c.ev.Confidence *= 0.5
		}
	}
	if c.ev.Confidence < 0.7 && c.ev.Actor1 == nil && c.ev.Fatalities == nil {
		return false // a CAMEO-seeded verb needs its subject
	}
	return true
}

// violentDeath reports whether the sentence of a death verb ("died",
// "perished") tells of violence: another attack word ("in the attack",
// "in clashes", "when gunmen opened fire") or wounds and torture ("died
// of their wounds"). Deaths from disease, accidents or old age are no
// events of the conflict.
func (r *reader) violentDeath(c *cand) bool {
	for k, w := range c.s.words {
		if k == c.trig {
			continue
		}
		if deathCauses[w] {
			return true
		}
		for _, e := range r.c.lex.matches(c.s.words, k) {
			if e.curated && e.typ == sitrep.Assault && !deathVerb(e.flags) {
				return true
			}
		}
	}
	return false
}

// anonymity reports whether the verb at i asks not to be named:
// "asking not to be named", "requested not to be identified".
func anonymity(s *sent, i int) bool {
	w := s.words
	return i+4 < len(w) && w[i+1] == "not" && w[i+2] == "to" && w[i+3] == "be" &&
		(w[i+4] == "named" || w[i+4] == "identified" || w[i+4] == "quoted")
}

// peacefulCauses give a death a cause that is no attack: disease, hunger,
// an accident, a flood.
// cumulativeToll reports whether c is a doerless killing told in the
// present perfect over a stretch of time, or an attack noun in the same
// sentence as one: "thousands of people have been killed since then",
// "300 civilians have been killed this year", "40 soldiers have been
// killed since January in attacks on the road". Such a count sums many
// events and dates none. "Two soldiers have been killed in an ambush"
// tells one event and stays.
func cumulativeToll(c *cand) bool {
	if c.ev.Type != sitrep.Assault {
		return false
	}
	if c.flags&fNoun != 0 {
		for k := range c.s.words {
			if k != c.trig && cumulativeAt(c.s, k, nil) {
				return true
			}
		}
		return false
	}
	return c.ev.Actor1 == nil && c.flags&fKill != 0 && cumulativeAt(c.s, c.trig, c.ev.Date)
}

// cumulativeAt reports whether word k is a kill word in the present
// perfect passive ("have been killed") with "since" after it in its
// sentence, or dated by d over a month or more.
func cumulativeAt(s *sent, k int, d *sitrep.DateRange) bool {
	w := s.words
	if k < 2 || !killWords[w[k]] || w[k-1] != "been" || w[k-2] != "have" && w[k-2] != "has" {
		return false
	}
	for j := k + 1; j < len(w) && w[j] != "." && w[j] != ";"; j++ {
		if w[j] == "since" {
			return true
		}
	}
	return d != nil && d.Precision >= sitrep.DateMonth && d.Start != d.End
}

// naturalKilling reports whether c is a killing that no one did: a kill
// verb with no doer, or one done by the cause itself ("floods killed 20
// people"), in a sentence that names a disease, a disaster or an accident
// and no violence but the kill verb ("a building collapsed, killing
// five", "five people were killed in a bus crash").
func (r *reader) naturalKilling(c *cand) bool {
	if c.ev.Type != sitrep.Assault || c.flags&fKill == 0 || deathVerb(c.flags) || !c.s.holds(peacefulCauses) {
		return false
	}
	if a := c.ev.Actor1; a != nil && !peacefulCauses[strings.ToLower(lastWord(a.Text))] {
		return false
	}
	return !r.violentDeath(c)
}

var peacefulCauses = set("cholera", "malaria", "measles", "ebola", "covid", "covid-19", "disease", "diseases", "illness",
	"hunger", "starvation", "malnutrition", "thirst", "accident", "crash", "capsized", "drowned", "flood", "floods",
	"flooding", "landslide", "earthquake", "heatstroke", "exposure", "natural", "age", "collapsed", "collapse",
	"lightning", "stampede", "mudslide", "cyclone", "avalanche")

// deathCauses are words that make a death violent without being attack
// triggers themselves.
var deathCauses = set("wounds", "wound", "injuries", "gunshot", "gunshots", "torture", "tortured", "bullet", "bullets", "shrapnel")

// sharedWord reports whether two names share a capitalised word
// ("Russian and Syrian mercenaries", "Russian Syrian fighters").
func sharedWord(a, b string) bool {
	for w := range strings.FieldsSeq(a) {
		if capitalised(w) && strings.Contains(" "+b+" ", " "+w+" ") {
			return true
		}
	}
	return false
}

func derefs(refs ...*sitrep.ActorRef) []sitrep.ActorRef {
	var out []sitrep.ActorRef
	for _, r := range refs {
		if r != nil {
			out = append(out, *r)
		}
	}
	return out
}

// toldApart reports whether the trigger is said to be another happening
// than those told before: "in a separate attack", "another raid".
func toldApart(c *cand) bool {
	w := c.s.words
	for k := c.trig - 1; k >= 0 && k >= c.trig-2; k-- {
		if apartWords[w[k]] {
			return true
		}
	}
	// "In a separate incident, a roadside bomb killed ...": the opening
	// phrase sets the whole sentence apart
	for k := 0; k+1 < c.trig && k < 4; k++ {
		if apartWords[w[k]] && happeningNouns[w[k+1]] {
			return true
		}
	}
	return false
}

// apartWords set a happening apart from those told before it.
var apartWords = set("separate", "another", "different", "unrelated", "second", "third", "fresh")

// happeningNouns name a happening without coding one: "in a separate
// incident".
var happeningNouns = set("incident", "incidents", "development", "event", "case", "episode")

// byAttackRole reports whether an actor is named by the attack it made,
// in its own words ("the attackers") or in those its pronoun was
// resolved to ("they", the attackers).
func byAttackRole(a *sitrep.ActorRef) bool {
	return attackerNouns[strings.ToLower(lastWord(a.Text))] || attackerNouns[strings.ToLower(lastWord(a.Name))]
}

// attackerNouns name people by the attack they made: "the attackers
// arrived on motorcycles" refers back to the last attack's doers.
var attackerNouns = set("attackers", "assailants", "raiders", "perpetrators", "killers")
