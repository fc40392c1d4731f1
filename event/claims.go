package event

import (
	"slices"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep"
)

// A partisan toll is a death toll told on the word of an armed group about
// an attack of its own side: the group itself ("the Taliban said 12
// soldiers were killed"), its spokesman, or an outlet that speaks for it
// (the Taliban's Voice of Jihad, the Islamic State's Amaq). ACLED's
// conservative rule does not count such claims: the fatalities of the
// event are 0 until a source outside the fighting gives a figure. The
// claimed figure is not lost: it stays among the event's quantities as
// "claimed fatalities", with the words it was read from.
//
// A claim covers the event's toll when it is told in the sentence that
// gives the toll and governs all of it (not a parenthesis beside another
// source's figure: "four guards (12 according to the rebels) died
// in the raid"), or when a sentence of its own retells the same figure ("VoJ
// reported 2 fatalities") without saying the figure was also told by
// others ("VoJ also reported 2").

// claim is a casualty figure a partisan source gave.
type claim struct {
	s *sent
	// dead is the figure, or -1 when the claim gives deaths without a
	// number ("reported unknown fatalities"); a range ("1-3 fatalities")
	// runs from dead to most.
	dead, most int
	// whole: the attribution governs the whole sentence, not a
	// parenthesis within it.
	whole bool
	// also: the claim says others told the same ("VoJ also reported").
	also  bool
	group string // the armed group's actor id
	text  string // the words of the claim
}

// noteClaims records the casualty figures the partisan sources of s give.
func (r *reader) noteClaims(s *sent) {
	for _, a := range s.sources {
		group := r.partisanGroup(a)
		if group == "" || a.Span == nil {
			continue
		}
		k := r.tokenAt(s, a.Span.Start)
		if k < 0 {
			continue
		}
		lo, hi, whole := 0, len(s.words), true
		if open, shut := enclosing(s.words, k); open >= 0 {
			lo, hi, whole = open+1, shut, false
		}
		words, inTime := s.words[lo:hi], s.inTime[lo:hi]
		if ownDead(s, lo, hi, k, group) {
			continue // the group's word on its own dead
		}
		dead, _ := casualties(words, inTime)
		if dead < 0 && !whole && deathTalk(s.words[:lo]) && !deathTalk(words) {
			// "Fatalities were heavy (VoJ reported 3)": a bare figure in
			// brackets counts what the words before them talk of
			dead = bareCount(words, inTime)
		}
		if dead < 0 {
			if !deathTalk(words) {
				continue
			}
			dead = -1
		}
		most := dead
		if lo, hi, ok := claimRange(words); ok {
			dead, most = lo, hi
		}
		c := claim{s: s, dead: dead, most: most, whole: whole, also: slices.Contains(words, "also"), group: group}
		c.text = r.doc.Slice(sitrep.Span{Start: s.toks[lo].Start, End: s.toks[hi-1].End})
		r.claims = append(r.claims, c)
	}
}

// partisanGroup returns the armed group a source speaks for: the group
// itself, the group its outlet or spokesman belongs to; "" for any other
// source. Only non-state armed groups count: a government's figures are
// its own to answer for, and ACLED codes them.
func (r *reader) partisanGroup(a sitrep.Attribution) string {
	act := r.actor(a.ActorID)
	// a body the actor stage derived from a known one ("Amaq news
	// agency" from Amaq, "the Taliban's media office") speaks as it
	for act != nil && act.Parent != "" && strings.HasPrefix(act.ID, act.Parent+".") {
		if g := r.actor(act.Parent); g != nil {
			act = g
		} else {
			break
		}
	}
	if act == nil {
		return ""
	}
	if act.Kind == sitrep.ActorRebel {
		return act.ID
	}
	orgs := []string{act.Parent}
	for _, role := range act.Roles {
		orgs = append(orgs, role.Of)
	}
	for _, id := range orgs {
		if id == "" {
			continue
		}
		if g := r.actor(id); g != nil && g.Kind == sitrep.ActorRebel {
			return id
		}
		if act.Kind == sitrep.ActorMedia && act.Sector == "REB" {
			// an armed group's own outlet (sector REB) speaks for its
			// parent even where the dictionary does not list the parent
			// as a rebel group
			return id
		}
	}
	return ""
}

// speaksFor reports whether the speaker whose key is k speaks for the
// armed group or branch whose key is a1: its outlet or spokesman.
func (r *reader) speaksFor(k, a1 string) bool {
	if a1 == "" {
		return false
	}
	g := r.partisanGroup(sitrep.Attribution{ActorID: k})
	if g == "" {
		return false
	}
	if g == a1 {
		return true
	}
	a := r.actor(a1)
	return a != nil && a.Parent == g
}

// outletFighters makes the fighters an armed group's outlet speaks of
// the group's: in "Amaq said its fighters had killed 20 soldiers" the
// fighters are the Islamic State's, not the news agency's.
func (r *reader) outletFighters(c *cand) {
	a1 := c.ev.Actor1
	if a1 == nil || a1.ID == "" || !combatantWords[strings.ToLower(lastWord(a1.Text))] {
		return
	}
	if act := r.actor(a1.ID); act == nil || act.Kind != sitrep.ActorMedia {
		return
	}
	g := r.partisanGroup(sitrep.Attribution{ActorID: a1.ID})
	if g != "" && r.actor(g) == nil {
		// the report names the group only by its branch ("Islamic State
		// Mozambique fighters" beside the Islamic State's Amaq)
		branch := ""
		for i := range r.doc.Actors {
			if a := &r.doc.Actors[i]; a.Parent == g && a.Kind == sitrep.ActorRebel {
				if branch != "" && branch != a.ID {
					return
				}
				branch = a.ID
			}
		}
		g = branch
	}
	if g == "" {
		return
	}
	ref := sitrep.ActorRef{ID: g, Text: a1.Text, Span: a1.Span}
	r.enrich(&ref)
	c.ev.Actor1, c.a1key = &ref, g
}

// tollTotal sums the deaths the report's sentences tell, the claims
// left out.
func (r *reader) tollTotal() int {
	t := 0
	var seen *sent
	for _, c := range r.cands {
		s := c.s
		if s == seen || !s.casualtiesRead || s.dead <= 0 || !c.ev.Modality.Happened() {
			continue
		}
		seen = s
		if slices.ContainsFunc(r.claims, func(cl claim) bool { return cl.s == s }) {
			continue
		}
		t += s.dead
	}
	return t
}

// ownDead reports whether the claim in words lo..hi of s, whose source
// stands at word src, counts the group's own men as its dead: "the Taliban
// said 3 of its fighters were killed", "... 2 Taliban militants died";
// not "its fighters killed 12 soldiers".
func ownDead(s *sent, lo, hi, src int, group string) bool {
	var anchors []int // the words after which the group's men are named
	for k := lo; k < hi; k++ {
		if s.words[k] == "its" || s.words[k] == "own" {
			anchors = append(anchors, k+1)
		}
	}
	for i := range s.mentions {
		m := &s.mentions[i]
		if m.first < lo || m.last > hi || m.first <= src && src < m.last {
			continue
		}
		if m.key == group || strings.HasPrefix(m.key, group+".") {
			anchors = append(anchors, m.last)
		}
	}
	for _, a := range anchors {
		passive := false
		for j := a; j < hi && j <= a+5; j++ {
			w := s.words[j]
			if w == "were" || w == "was" || w == "been" {
				passive = true
				continue
			}
			if w == "died" || w == "dead" || killWords[w] && passive {
				return true
			}
			if killWords[w] || injureWords[w] {
				break
			}
		}
	}
	return false
}

// enclosing returns the brackets around word k, or -1, -1 when it stands
// outside any. Brackets nest: "(VoJ reported unknown fatalities (3))".
func enclosing(words []string, k int) (open, shut int) {
	open = -1
	for j, depth := k-1, 0; j >= 0; j-- {
		switch words[j] {
		case ")":
			depth++
		case "(":
			if depth == 0 {
				open = j
			}
			depth--
		}
		if open >= 0 {
			break
		}
	}
	if open < 0 {
		return -1, -1
	}
	for j, depth := k+1, 0; j < len(words); j++ {
		switch words[j] {
		case "(":
			depth++
		case ")":
			if depth == 0 {
				return open, j
			}
			depth--
		}
	}
	return -1, -1
}

// deathTalk reports whether words tell of deaths without a figure
// ("reported unknown fatalities"): a kill word (killWords) or a toll.
func deathTalk(words []string) bool {
	for _, w := range words {
		if killWords[w] || w == "toll" {
			return true
		}
	}
	return false
}

// claimRange reads a range of deaths: "1-3 fatalities", "14-29 killed".
func claimRange(words []string) (lo, hi int, ok bool) {
	for k := 0; k+1 < len(words); k++ {
		a, b, cut := strings.Cut(words[k], "-")
		if !cut || !killWords[words[k+1]] && words[k+1] != "fatalities" {
			continue
		}
		x, errA := strconv.Atoi(a)
		y, errB := strconv.Atoi(b)
		if errA == nil && errB == nil && x <= y {
			return x, y, true
		}
	}
	return 0, 0, false
}

// bareCount returns the one number of words outside dates, or -1 when
// there is none or more than one.
func bareCount(words []string, inTime []bool) int {
	v := -1
	for k, w := range words {
		n, ok := casualtyCount(w)
		if !ok || inTime[k] || !isNumber(w) {
			continue
		}
		if v >= 0 {
			return -1
		}
		v = n
	}
	return v
}

// counted reports whether the sentence gives a number outside its dates:
// a toll read from it is a figure, not the codebook's reading of "a
// number of" or "several".
func counted(s *sent) bool {
	for k, v := range s.countsOf() {
		if v >= 0 && !s.inTime[k] {
			return true
		}
	}
	return false
}

// partisanToll applies the rule of partisan tolls to an event about to
// be written: its fatalities become 0 when the only figure for them is an
// armed group's claim.
//
// total is the sum of the report's tolls: a claim may give the figure of
// all the attacks a report tells ("VoJ reported 4" after two attacks with
// 2 dead each).
func (r *reader) partisanToll(c *cand, total int) {
	if len(r.claims) == 0 || c.ev.Type != sitrep.Assault || c.ev.Fatalities == nil || *c.ev.Fatalities == 0 {
		return
	}
	f := *c.ev.Fatalities
	own := func(s *sent) bool {
		if s == c.s {
			return true
		}
		for _, m := range c.ev.Mentions {
			if m.Span == s.span {
				return true
			}
		}
		return false
	}
	for i := range r.claims {
		cl := &r.claims[i]
		covers := false
		if own(cl.s) {
			covers = cl.whole && !r.otherSource(cl.s)
		} else {
			covers = !cl.also && !r.groupHit(c, cl.group) && !r.independentSource(c.s) && (cl.dead <= f && f <= cl.most || cl.dead == total && total > f || cl.dead < 0 && !counted(c.s))
		}
		if !covers {
			continue
		}
		zero := 0
		c.ev.Fatalities = &zero
		c.ev.Quantities = append(c.ev.Quantities, sitrep.Quantity{Value: int64(f), Min: int64(f), Max: int64(f), Unit: "claimed fatalities", Text: cl.text})
		return
	}
}

// groupHit reports whether the event is another side's one-sided attack
// on the group itself: "government forces killed 2 Taliban fighters" is
// the group's own dead, which a claim the group makes elsewhere in the
// report ("Voice of Jihad reported 2 fatalities") does not speak for. In a
// clash ("a soldier died when the army and Taliban fighters clashed")
// the group is a side whichever way the parse sets the actors, and its
// claim speaks for the toll.
func (r *reader) groupHit(c *cand, group string) bool {
	of := func(key string) bool { return key == group || strings.HasPrefix(key, group+".") }
	return c.ev.Actor1 != nil && !of(c.a1key) && of(c.a2key) && !r.fighting(c)
}

// independentSource reports whether a sentence gives its own account on
// the word of a source that does not speak for an armed group ("a
// roadside bomb killed 3 civilians, police said"): a claim told in
// another sentence does not cover its toll. A source in brackets speaks
// only to the bracket ("(the group's outlet named another village)").
func (r *reader) independentSource(s *sent) bool {
	for _, a := range s.sources {
		if r.partisanGroup(a) != "" || a.Span == nil {
			continue
		}
		if k := r.tokenAt(s, a.Span.Start); k >= 0 {
			if open, _ := enclosing(s.words, k); open < 0 {
				return true
			}
		}
	}
	return false
}

// otherSource reports whether a sentence also cites a source that does not
// speak for an armed group.
func (r *reader) otherSource(s *sent) bool {
	for _, a := range s.sources {
		if r.partisanGroup(a) == "" {
			return true
		}
	}
	return false
}
