package event

import (
	"strings"

	"github.com/sitrep/sitrep"
)

// plantVerbs name who set off a bomb or mine: "a bomb planted by the
// Taliban", "a mine laid by the rebels".
var plantVerbs = set("planted", "laid", "placed", "detonated", "triggered")

// plantSuffixes are the same in a compound: "a Taliban-planted IED".
var plantSuffixes = []string{"-planted", "-laid", "-placed"}

// planter makes whoever planted the bomb of an attack its doer, when the
// attack has none or only the weapon: in "4 soldiers were killed when a
// Taliban-planted bomb hit their vehicle" and "a bomb planted by gunmen
// killed a policeman", the bombers killed them.
func (r *reader) planter(c *cand) {
	if c.ev.Type != sitrep.Assault || c.ev.Actor1 != nil && !weaponRef(c.ev.Actor1) {
		return
	}
	s := c.s
	for k, w := range s.words {
		if plantVerbs[w] && k+2 < len(s.words) && s.words[k+1] == "by" && deviceBefore(s.words, k) {
			if m := s.mentionAt(k + 2); m != nil && !m.place && m.key != c.a2key {
				c.ev.Actor1, c.a1key = refCopy(m.ref), m.key
				return
			}
		}
		for _, suf := range plantSuffixes {
			name, ok := strings.CutSuffix(w, suf)
			if !ok || name == "" {
				continue
			}
			tok := s.toks[k]
			sp := sitrep.Span{Start: tok.Start, End: tok.Start + len(name)}
			for _, e := range r.entitiesOver(sp) {
				if e.Span != sp || e.ActorID == "" || e.ActorID == c.a2key {
					continue
				}
				if a := r.actor(e.ActorID); a == nil || a.Generic() {
					continue
				}
				ref := sitrep.ActorRef{ID: e.ActorID, Text: r.doc.Slice(sp), Span: r.spanPtr(sp)}
				r.enrich(&ref)
				c.ev.Actor1, c.a1key = &ref, e.ActorID
				return
			}
		}
	}
}

// deviceBefore reports whether a bomb, mine or other device is named in
// the few words before the verb at k ("a roadside mine laid by", "a bomb
// believed to have been planted by"), so that "clashes triggered by the arrest of" or
// "restrictions placed by the army" name no planter.
func deviceBefore(words []string, k int) bool {
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		if weaponWord(words[j]) {
			return true
		}
	}
	return false
}

// weaponRef reports whether an actor is a weapon the text named as doer
// ("an IED killed ..."): no dictionary id and a weapon for a head.
func weaponRef(a *sitrep.ActorRef) bool {
	if a.ID != "" && !strings.HasPrefix(a.ID, "_:") {
		return false
	}
	f := strings.Fields(strings.ToLower(a.Name))
	return len(f) > 0 && weaponWord(f[len(f)-1])
}
