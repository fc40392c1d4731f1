package event

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/ontology"
)

// modality decides whether the candidate happened according to the text.
func (r *reader) modality(s *sent, c *cand) {
	m := sitrep.Asserted
	if c.flags&fDeny != 0 {
		c.ev.Modality, c.cue = sitrep.Denied, c.lemma
		return
	}
	// the complement of a governing trigger; "forced thousands to flee",
	// "compelled them to withdraw" say the complement was done
	if c.governed && !implicative(r.cands[c.governor]) {
		g := r.cands[c.governor]
		switch {
		case g.flags&fDeny != 0:
			m = sitrep.Denied
		case g.ev.Type == sitrep.Reject:
			m = sitrep.Negated
		case g.ev.Type == sitrep.Accuse:
			m = sitrep.Alleged
		case g.ev.Type == sitrep.Request:
			m = sitrep.Hypothetical
		default:
			m = sitrep.Planned
		}
		c.ev.Modality = m
		c.cue = g.lemma
		// "accused them of failing to pressure Rwanda", "said it had
		// not attacked": what the complement says did not happen
		for k := c.trig - 1; k >= 0 && k >= c.trig-3 && k > g.trig; k-- {
			if w := s.words[k]; negationCues[w] && w != "without" && w != "no" {
				c.ev.Modality, c.cue = sitrep.Negated, w
				break
			}
		}
		return
	}
	// cues before the trigger in its clause: "was poised to launch", "did
	// not attack", "could strike", "allegedly hired"
	cs := s.clauseStart(c.trig)
	lo := c.trig - 7
	if lo < cs {
		lo = cs
	}
	// a noun trigger carried by a light verb looks before the light verb
	for k := c.trig - 1; k >= lo; k-- {
		if e, _ := r.c.lex.match(s.words, k); e != nil && e.flags&fLight != 0 {
			lo = k - 6
			if lo < cs {
				lo = cs
			}
			break
		}
	}
	cue := ""
	if cs > 0 && (s.words[cs-1] == "if" || s.words[cs-1] == "unless") {
		// "threatened to attack more villages unless the government paid
		// a ransom": a condition, not a payment
		m, cue = sitrep.Hypothetical, s.words[cs-1]
	}
	for k := c.trig - 1; k >= lo; k-- {
		w := s.words[k]
		if s.mentionAt(k) != nil && !(w == "no") {
			break
		}
		switch {
		case negationCues[w] && !(w == "no" && k+1 < len(s.words) && s.words[k+1] == "longer"):
			if w == "without" || w == "no" {
				if c.flags&fNoun == 0 {
					continue
				}
			}
			if m == sitrep.Asserted {
				m, cue = sitrep.Negated, w
			}
		case plannedCues[w] && (k+1 < len(s.words) && (s.words[k+1] == "to" || w == "will" || w == "shall" || w == "'ll") || c.flags&fNoun != 0 && !beForms[w] && w != "set" && w != "due" && w != "about"):
			// "will not accept" is a refusal: the negation stands
			if m == sitrep.Asserted {
				m, cue = sitrep.Planned, w
			}
		case w == "will" || w == "shall":
			if m == sitrep.Asserted {
				m, cue = sitrep.Planned, w
			}
		case hypotheticalCues[w] && w != "risk":
			if m == sitrep.Asserted {
				m, cue = sitrep.Hypothetical, w
			}
		case allegedCues[w]:
			if m == sitrep.Asserted {
				m, cue = sitrep.Alleged, w
			}
		case w == "reportedly" || w == "apparently":
			if m == sitrep.Asserted {
				m, cue = sitrep.Reported, w
			}
		}
	}
	// a purpose of a noun: "a road map for ending the war", "a plan to
	// withdraw", "efforts to end the siege"
	if t := s.tree; t != nil && m == sitrep.Asserted && (t.rel[c.trig] == "acl" || t.rel[c.trig] == "advcl") {
		if h := t.head[c.trig]; h >= 0 && h < c.trig && s.toks[h].UPOS == "NOUN" && !attemptNouns[s.words[h]] && !forcedObject(s, h) {
			if mk := t.child(c.trig, "mark"); mk >= 0 && (s.words[mk] == "for" || s.words[mk] == "to") {
				m, cue = sitrep.Hypothetical, s.words[mk]
			}
		}
	}
	// the topic of talks: "talks on a ceasefire and the release of
	// hostages", "negotiations over a truce"
	if t := s.tree; t != nil && m == sitrep.Asserted && c.flags&fNoun != 0 {
		k := c.trig
		for hops := 0; hops < 3 && k >= 0; hops++ {
			h := t.head[k]
			if h < 0 {
				break
			}
			if base(t.rel[k]) == "nmod" || base(t.rel[k]) == "conj" {
				if topicNouns[s.words[h]] && (base(t.rel[k]) == "conj" || t.caseOf(s, k) == "on" || t.caseOf(s, k) == "about" || t.caseOf(s, k) == "over" || t.caseOf(s, k) == "for") {
					m, cue = sitrep.Hypothetical, s.words[h]
					break
				}
				k = h
				continue
			}
			break
		}
	}
	// "the talks remain suspended": the talks are not happening
	if m == sitrep.Asserted && c.flags&fNoun != 0 {
		for k := c.trig + 1; k+1 < len(s.words) && k < c.trig+4; k++ {
			if copulas[s.words[k]] {
				if stalled[s.words[k+1]] {
					m, cue = sitrep.Negated, s.words[k+1]
				}
				break
			}
		}
	}
	// "until Hamas is destroyed": a goal, not a fact
	if m == sitrep.Asserted {
		for k := c.trig - 1; k >= 0 && k >= c.trig-6; k-- {
			if s.words[k] == "until" || s.words[k] == "till" {
				if k+1 < c.trig && (s.toks[k+1].XPOS == "VBZ" || s.toks[k+1].XPOS == "VBP" || presentBe[s.words[k+1]] || presentAfter(s, k, c.trig)) {
					m, cue = sitrep.Hypothetical, "until"
				}
				break
			}
		}
	}
	// "the rebels are said to have seized the town": hearsay with no
	// speaker named; "are known to have" tells a fact, no hearsay
	if m == sitrep.Asserted {
		for k := c.trig - 1; k >= 1 && k >= c.trig-4; k-- {
			if raisingVerbs[s.words[k]] && s.words[k] != "known" && beForms[s.words[k-1]] && k+1 < len(s.words) && s.words[k+1] == "to" {
				m, cue = sitrep.Reported, s.words[k]
				break
			}
		}
	}
	// "failed to", "refused to" negate; "threat of" hypothesises
	if m == sitrep.Asserted && c.trig > 1 && s.words[c.trig-1] == "of" && (s.words[c.trig-2] == "threat" || s.words[c.trig-2] == "threats" || s.words[c.trig-2] == "risk" || s.words[c.trig-2] == "fears") {
		m, cue = sitrep.Hypothetical, s.words[c.trig-2]
	}
	if m == sitrep.Asserted && c.trig > 1 && s.words[c.trig-1] == "to" && (s.words[c.trig-2] == "attempted" || s.words[c.trig-2] == "tried") {
		m, cue = sitrep.Asserted, "attempt"
	}
	// a denial in the sentence: what the speaker denies is denied, what
	// others say against the denial is alleged
	if s.denial >= 0 && m.Happened() {
		if r.deniedHere(s, c.trig) {
			m, cue = sitrep.Denied, "denied"
		} else if c.flags&fDeny == 0 && len(s.sources) > 0 {
			m, cue = sitrep.Alleged, "contested"
		}
	}
	if m == sitrep.Asserted || m == sitrep.Reported {
		if len(s.sources) > 0 || len(s.inherited) > 0 {
			m = sitrep.Reported
			g := r.governingSpeaker(s, c.trig)
			for i, k := range s.speakerKeys {
				if g >= 0 && i != g {
					continue // another speaker's clause
				}
				// the doer's own word, or its outlet's ("Amaq said its
				// fighters killed")
				if k != "" && (k == c.a1key || r.speaksFor(k, c.a1key) || r.selfReport(s, c) || defenceVoice(k, c.a1key)) && !speechAct(c.ev.Type) {
					m = sitrep.Claimed
				} else if m == sitrep.Reported && i < len(s.speakerRefs) && c.ev.Actor1 != nil && belligerent(s.speakerRefs[i]) && c.ev.Type == sitrep.Assault &&
					Category(s.speakerRefs[i]) != Category(c.ev.Actor1) && (c.ev.Actor2 == nil || Category(s.speakerRefs[i]) != Category(c.ev.Actor2)) {
					// a party to the conflict telling of the other side's act
					m = sitrep.Alleged
				}
			}
			if s.holds(allegationWords) {
				m = sitrep.Alleged
			}
		}
		if c.trig > 0 && strings.Contains(strings.Join(s.words[:c.trig], " "), "claimed responsibility") {
			m = sitrep.Claimed
		}
	}
	if s.headline && len(s.words) > 1 && (s.words[0] == "reports" || s.words[0] == "report") && m == sitrep.Asserted {
		m = sitrep.Reported
	}
	c.ev.Modality = m
	c.cue = cue
}

// governingSpeaker returns the index (in s.speakerKeys) of the speaker
// whose words hold the trigger at i when the sentence has several: the
// nearest one before it ("the rebels said the army shelled their
// positions, but the army said it returned fire"), else the first after
// it. -1 when there is one speaker or none, or their places are unknown.
func (r *reader) governingSpeaker(s *sent, i int) int {
	if len(s.speakerKeys) < 2 || len(s.speakerRefs) != len(s.speakerKeys) {
		return -1
	}
	before, after := -1, -1
	bk, ak := -1, len(s.words)
	for j, ref := range s.speakerRefs {
		if ref == nil || ref.Span == nil {
			return -1
		}
		k := r.tokenAt(s, ref.Span.Start)
		switch {
		case k < 0:
			return -1
		case k < i && k > bk:
			before, bk = j, k
		case k > i && k < ak:
			after, ak = j, k
		}
	}
	if before >= 0 {
		return before
	}
	return after
}

// defenceVoice reports whether a state's defence ministry (key k, as
// "CMR.DMIN") speaks of its own forces (a1: the state's military, or
// troops or soldiers named by no country): "the defence ministry said soldiers had
// killed 12 fighters" is the state's claim.
func defenceVoice(k, a1 string) bool {
	cc, ok := strings.CutSuffix(k, ".DMIN")
	if !ok || cc == "" || strings.Contains(cc, ".") {
		return false
	}
	return a1 == ".MIL" || a1 == cc+".MIL" || ownForces[a1]
}

// ownForces name a state's forces without naming the state.
var ownForces = set("troops", "soldiers", "army", "military", "forces", "the army", "the military")

// selfReport reports whether the doer of c is a pronoun that opens what a
// speaker says, right after the reporting verb: in "the army said it
// killed 40 militants" "it" is the army, however the two were resolved.
func (r *reader) selfReport(s *sent, c *cand) bool {
	a := c.ev.Actor1
	if a == nil || a.Span == nil {
		return false
	}
	k := r.tokenAt(s, a.Span.Start)
	if k < 1 || k >= c.trig {
		return false
	}
	switch s.words[k] {
	case "it", "they", "we":
	default:
		return false
	}
	v := k - 1
	if s.words[v] == "that" && v > 0 {
		v--
	}
	return s.inAttr[v] && reportVerbs[s.words[v]]
}

// forcedObject reports whether noun h is the object of "force" or
// "compel" ("forcing hundreds of families to flee"), which the parser may
// give the infinitive to: the families fled, it was no purpose of theirs.
func forcedObject(s *sent, h int) bool {
	t := s.tree
	v := t.head[h]
	if v < 0 || t.rel[h] != "obj" {
		return false
	}
	return implicatives[s.toks[v].Lemma]
}

// implicatives are the governing verbs whose complement happens when they
// do: to force or compel someone to flee is to make them flee.
var implicatives = set("force", "compel")

// implicative reports whether a governing trigger makes its complement
// happen when it happens itself: to force or compel someone to flee is
// to make them flee; to order them to is not.
func implicative(g *cand) bool {
	return implicatives[g.lemma] && g.ev.Modality.Happened() && g.flags&fDeny == 0
}

// reportedFuture makes an act a speaker says someone "would" do at a
// time after publication a plan, not a supposition: "the governor said
// troops would launch an offensive next week". A condition ("if",
// "unless") keeps it hypothetical.
func (r *reader) reportedFuture(s *sent, c *cand) {
	if c.ev.Modality != sitrep.Hypothetical || c.cue != "would" || c.ev.Date == nil || len(s.sources) == 0 {
		return
	}
	pub := r.doc.Article.Published
	if pub.IsZero() || c.ev.Date.Start <= pub.Format(time.DateOnly) {
		return
	}
	if s.holds(conditionWords) {
		return
	}
	c.ev.Modality = sitrep.Planned
}

// sourcesFor returns the attribution chain of the candidate: the article's
// outlet, then the sentence's cited outlets, speakers and documents, or
// those of the paragraph it continues.
func (r *reader) sourcesFor(s *sent, c *cand) []sitrep.Attribution {
	var out []sitrep.Attribution
	if o := r.doc.Article.Outlet; o != "" {
		out = append(out, sitrep.Attribution{Name: o, Role: sitrep.RoleOutlet})
	}
	src := s.sources
	if len(src) == 0 {
		src = s.inherited
	}
	for _, role := range []sitrep.SourceRole{sitrep.RoleCitedOutlet, sitrep.RoleSpeaker, sitrep.RoleDocument} {
		for _, a := range src {
			if a.Role == role {
				out = appendSource(out, a)
			}
		}
	}
	return out
}

// when chooses the event's date: the temporal expression of its clause
// nearest the trigger that does not date the report itself nor belong to a
// relative clause the trigger is not in; the caption's date in a caption;
// else a fallback the merge may replace.
func (r *reader) when(s *sent, c *cand) {
	best := -1
	bestDist := 1 << 30
	for ti, tx := range r.doc.Times {
		if !s.span.Contains(tx.Span) {
			continue
		}
		k := r.tokenAt(s, tx.Start)
		if k < 0 || s.inAttr[k] {
			continue
		}
		if tx.Kind == sitrep.TimeDuration && c.ev.Type != sitrep.Assault {
			continue
		}
		if tx.Kind == sitrep.TimeDuration {
			continue
		}
		if inParsedRelative(s, k, c.trig) {
			continue // "following a report that blames the army for abuses over the last 15 years"
		}
		if e := r.tokenAt(s, tx.End-1); e >= 0 && e+1 < len(s.toks) && s.toks[e+1].UPOS == "NOUN" && !s.inTime[e+1] && !timeUnits[s.words[e+1]] && !adverbialDate(s, k) {
			continue // "the May 14 polls", "June salaries": a date that names a thing
		}
		d := k - c.trig
		if d < 0 {
			d = -d * 2 // prefer what follows: "retreated ... on Sunday"
			if k < s.clauseStart(c.trig) && k > 2 {
				d += 20
			}
			// "On Saturday, X reported that ...": the report's date
			for j := k + 1; j < c.trig; j++ {
				if s.inAttr[j] && reportVerbs[s.words[j]] {
					d += 30
					break
				}
			}
		} else {
			for j := c.trig + 1; j < k; j++ {
				if clauseBreakers[s.words[j]] && s.words[j] != "“" && s.words[j] != "”" && s.words[j] != "\"" {
					d += 20
					break
				}
			}
		}
		if d < bestDist {
			best, bestDist = ti, d
		}
	}
	if best >= 0 {
		tx := r.doc.Times[best]
		dr := tx.Date
		if !c.ev.Modality.Happened() && tx.Next != nil && (c.ev.Modality == sitrep.Planned || c.ev.Modality == sitrep.Hypothetical) {
			dr = *tx.Next
		}
		dr.Text = tx.Text
		if k := r.tokenAt(s, tx.Start); k >= 0 && k < c.trig && dr.Precision == sitrep.DateDay {
			if e := r.tokenAt(s, tx.End-1); e >= k {
				dr = shiftDays(dr, dayOffset(s, e+1, c.trig))
			}
		}
		c.ev.Date = &dr
		return
	}
	if s.region >= 0 && s.region < len(r.doc.Regions) && r.doc.Regions[s.region].Date != "" {
		d := r.doc.Regions[s.region].Date
		c.ev.Date = &sitrep.DateRange{Start: d, End: d, Precision: sitrep.DateDay}
		return
	}
	if !c.ev.Modality.Happened() {
		return
	}
	if pub := r.doc.Article.Published; !pub.IsZero() {
		// reported without a date: coded on the publication day with week
		// precision, as ACLED codes an undated report
		day := pub.UTC().Format(time.DateOnly)
		c.ev.Date = &sitrep.DateRange{Start: day, End: day, Precision: sitrep.DateWeek}
		c.dateFall = true
	}
}

// adverbialDate reports whether the date that opens at word k stands on
// its own as the clause's time, so that a noun after it is the next
// phrase, not a thing it names: "On Monday protesters marched", "Last
// week soldiers withdrew". "On" before it, or "last", "this", "early" or
// "late" opening it, make it so; "the May 14 polls" stays a name.
func adverbialDate(s *sent, k int) bool {
	if k > 0 && s.words[k-1] == "on" {
		return true
	}
	switch s.words[k] {
	case "last", "this", "early", "late", "earlier", "later":
		return true
	}
	return false
}

// inParsedRelative reports whether word k belongs to a relative clause
// of the parse (acl:relcl) the trigger at trig is not part of: its date
// is the clause's own. Unlike the method inRelative, which reads clauses
// set off by commas, it follows the parse's heads; the walks are bounded
// by the sentence's length, so a malformed tree with a cycle cannot hold
// them.
func inParsedRelative(s *sent, k, trig int) bool {
	t := s.tree
	if t == nil {
		return false
	}
	for v, steps := k, 0; v >= 0 && steps < len(t.head); v, steps = t.head[v], steps+1 {
		if v == trig {
			return false
		}
		if verbal(s.toks[v].UPOS) && v != k {
			if t.rel[v] != "acl:relcl" {
				return false
			}
			// the trigger inside the same clause keeps the date
			for u, steps := trig, 0; u >= 0 && u < len(t.head) && steps < len(t.head); u, steps = t.head[u], steps+1 {
				if u == v {
					return false
				}
			}
			return true
		}
	}
	return false
}

// dayOffset reads "a day after", "two days before" between words lo and
// hi (the trigger): the event of the clause that follows is that many days
// before or after the date named earlier ("buried relatives on Wednesday,
// a day after shelling struck the market": the shelling was on Tuesday).
func dayOffset(s *sent, lo, hi int) int {
	for j := max(lo, 2); j < hi && j <= lo+4; j++ {
		w := s.words[j]
		if (w != "after" && w != "before") || (s.words[j-1] != "day" && s.words[j-1] != "days") {
			continue
		}
		n := int64(0)
		switch num := s.words[j-2]; {
		case num == "a" || num == "one":
			n = 1
		default:
			if v, ok := numberWord(num); ok {
				n = v
			} else if v, err := strconv.ParseInt(num, 10, 32); err == nil {
				n = v
			}
		}
		if n <= 0 || n > 31 {
			return 0
		}
		if w == "after" {
			return -int(n)
		}
		return int(n)
	}
	return 0
}

// shiftDays moves a day-precision date range by n days.
func shiftDays(dr sitrep.DateRange, n int) sitrep.DateRange {
	if n == 0 {
		return dr
	}
	for _, f := range []*string{&dr.Start, &dr.End} {
		if t, err := time.Parse(time.DateOnly, *f); err == nil {
			*f = t.AddDate(0, 0, n).Format(time.DateOnly)
		}
	}
	return dr
}

func (r *reader) tokenAt(s *sent, off int) int {
	for k := range s.toks {
		if t := &s.toks[k]; t.Start <= off && off < t.End {
			return k
		}
	}
	return -1
}

// where chooses the event's location among the geoparser's places in the
// sentence, and records the "from" and "to" places of movements.
//
// A place counts by the preposition that governs it, looked for across the
// words of its noun phrase ("in the town of X", "to LNA stronghold X",
// "in eastern X"): "in", "at", "near" mark where something happened, "to"
// where a retreat or deployment went, "from" where it left (kept among the
// other places). Places that modify a person ("X's mayor"), that stand for
// an actor ("Russia deployed"), that sit in an attribution or a dateline
// ("KYIV, March 23 (Reuters) -") are not where the event happened.
func (r *reader) where(s *sent, c *cand) {
	n := len(s.words)
	// origin and destination words, also without a geoparser
	for k := c.trig + 1; k < n && k < c.trig+16; k++ {
		w := s.words[k]
		if w != "from" && w != "to" {
			continue
		}
		if m := r.placeAfter(s, k+1); m != "" {
			if w == "from" && c.origin == "" {
				c.origin = m
			} else if w == "to" && c.dest == "" {
				c.dest = m
			}
		}
	}
	moves := c.ev.Type == sitrep.Retreat || c.ev.Type == sitrep.Mobilize
	// a withdrawal with no destination happened where it left: ACLED codes
	// the territory given up ("withdrawn from Kibumba")
	toPlace := false
	for _, pi := range r.placesOf(s) {
		p := &r.doc.Places[pi]
		if p.IsLocation() && s.span.Contains(p.Span) {
			if k := r.tokenAt(s, p.Start); k > c.trig {
				switch placePrep(s, k) {
				case "to", "into", "towards", "toward":
					toPlace = true
				}
			}
		}
	}
	type scored struct {
		p     sitrep.Place
		score int
	}
	var best *scored
	var others []sitrep.Place
	cs, ce := s.clauseStart(c.trig), s.clauseEnd(c.trig)
	for _, pi := range r.placesOf(s) {
		p := &r.doc.Places[pi]
		if !(p.IsLocation() || p.Role == sitrep.RoleEmbedded) || !s.span.Contains(p.Span) {
			continue
		}
		k := r.tokenAt(s, p.Start)
		if k < 0 {
			continue
		}
		e := r.tokenAt(s, p.End-1)
		if e < k {
			e = k
		}
		if careAt(s, k) {
			// "taken to the hospital in Pemba": where the wounded went
			others = append(others, *p)
			continue
		}
		prep := placePrep(s, k)
		scene := scenePreps[prep]
		pj := prepIndex(s, k)
		if p.Anchor != nil && scenePreps[s.words[k]] {
			pj = k // a relative place opens with its preposition: "around Sake"
		}
		if f := fromPhrase(s, pj); !moves && f > c.trig && (scene || pj == k) && !verbBetween(s, c.trig, f) {
			// "fired by the rebels from the hills around Sake": where the
			// fire came from, not where it fell; "destroyed missiles
			// prepared to launch from areas near X" hit them there
			others = append(others, *p)
			continue
		}
		score := 0
		if p.Role == sitrep.RoleEmbedded {
			// a place inside an organisation's name is no scene, unless
			// a name the recogniser took for one is an administrative unit
			// after "in" ("in Kalagai of Dand district"), or the
			// organisation is a site in a town ("a missile landed outside
			// Benghazi Medical Centre"): ranked below the places named
			// as such
			switch {
			case scene && unitAfter(s, e):
			case scene && p.Precision == sitrep.PrecisionTown && strings.HasPrefix(p.FeatureCode, "PPL"):
				score -= 15
			default:
				continue
			}
		}
		switch {
		case scene:
			score += 30
		case prep == "to" || prep == "into" || prep == "towards" || prep == "toward":
			if moves {
				score += 40
			} else {
				score += 10
			}
		case prep == "from":
			if moves && toPlace {
				score -= 10
				others = append(others, *p)
			} else if moves {
				score += 25
			}
		case prep == "of":
			score += 5
		case prep == "with" || prep == "against" || prep == "by" || prep == "between" || prep == "alongside":
			score -= 30 // a party, not a place: "an agreement with Kinshasa"
		case prep == "":
			// the object of an attack or capture: "captured the town of
			// Masisi", "seize Masisi town", "shelled Kharkiv"
			if c.ev.Type == sitrep.Assault && k > c.trig && k-c.trig <= 6 && npBetween(s, c.trig+1, k) {
				score += 35
			}
		}
		if s.inAttr[k] {
			score -= 50
		}
		if dateline(s, k, e) {
			score -= 100
		}

		if e+1 < n && possessive(s.words[e+1]) {
			score -= 30 // "Bani Walid's mayor": the place names whose the mayor is
		}
		if m := s.mentionAt(k); m != nil && !m.place && (p.Precision == sitrep.PrecisionCountry || m.ref.ID != "") &&
			!(scene && strings.HasPrefix(m.ref.ID, "_:")) && p.FeatureCode != "BDR" {
			// the place is an actor here ("Russia deployed", "accused
			// Kigali"); not a name the actor stage took for an unknown
			// group after "in" ("in Sara Baghal of Maywand district")
			score -= 40
		}
		if k < c.trig && k > 1 && placePrep(s, k) == "in" {
			// "Houthi fighters in Yemen have fired": where the actor is from
			if j := prepIndex(s, k); j > 0 && s.mentionAt(j-1) != nil && !s.mentionAt(j-1).place && j-1 >= s.clauseStart(c.trig) {
				score -= 25
			}
		}
		if p.Anchor != nil {
			score += 15
		}
		if p.FeatureCode == "BDR" {
			// a border is a line hundreds of kilometres long, placed at
			// its centre: a named site of the sentence is the better
			// scene ("captured al-Watiya air base near the Tunisian
			// border"); the border is kept when it is all there is
			score -= 20
		}
		if qualifies(s, k) {
			score -= 20 // "Maywand district, Kandahar": the event is in the district
		}
		if r.strayInPhrase(s, p, e) {
			// "the Baba Wali area of Kandahar city" with Baba taken for
			// a village in Romania: a place of the same phrase lies
			// far from the next place the phrase names
			score -= 40
		}
		if r.focus != "" && p.Country != r.focus && r.countries[r.focus] >= 3 && r.countries[r.focus]-r.countries[p.Country] >= 2 {
			// a place abroad beside places of the report's country: most
			// often a namesake the geoparser took ("the Baba area of
			// Kandahar city"), else a second scene the sentence names
			score -= 40
		}
		score -= 5 * p.Precision
		d := k - c.trig
		if d < 0 {
			d = -d
		}
		score -= d / 2
		if k < cs || k >= ce {
			score -= 10 // another clause
		}
		if best == nil || score > best.score {
			best = &scored{*p, score}
		}
	}
	if best != nil && best.score > -45 {
		c.ev.Location = locationOf(best.p)
	}
	for _, p := range others {
		if c.ev.Location == nil || p.GeonamesID != c.ev.Location.GeonamesID || p.Name != c.ev.Location.Name {
			c.ev.OtherPlaces = append(c.ev.OtherPlaces, *locationOf(p))
		}
	}
}

// careAt reports whether the place at token k is where the wounded or
// the dead were taken: "taken to the hospital in Pemba", "treated at a
// clinic in Mueda". A hospital that is struck or fought at is the scene:
// "shells hit the hospital in Kadugli", "opened fire at a clinic in
// Kassala", "a strike on a clinic in Kadugli".
func careAt(s *sent, k int) bool {
	if k < 3 || s.words[k-1] != "in" && s.words[k-1] != "at" || !careWords[s.words[k-2]] {
		return false
	}
	// the words that open the care noun's phrase: "the", "a nearby",
	// "the district"
	j := k - 3
	for j > 0 && j >= k-5 && (s.toks[j].UPOS == "DET" || s.toks[j].UPOS == "ADJ" || s.toks[j].UPOS == "NOUN") {
		j--
	}
	switch s.words[j] {
	case "to":
		return true // "taken to", "rushed to", "admitted to"
	case "at", "in":
		return j > 0 && careVerbs[s.words[j-1]]
	}
	return false
}

// careWords are where the wounded and the dead are taken.
var careWords = set("hospital", "hospitals", "clinic", "clinics", "morgue", "mortuary")

// careVerbs put the wounded or the dead at a place of care: "treated
// at", "died in", "admitted in".
var careVerbs = set("treated", "admitted", "hospitalised", "hospitalized", "died", "recovering", "receiving", "kept", "taken", "lying")

// scene is where a sentence of the body puts what it tells.
type scene struct {
	si, region int
	loc        *sitrep.Location
	s          *sent
}

// noteScene records where sentence s puts things: the location of its
// first event that has one, else its first place after "in", "at", "near"
// and the like.
func (r *reader) noteScene(s *sent, cands []*cand) {
	if s.kind != sitrep.Paragraph {
		return
	}
	for _, c := range cands {
		if c.ev.Location != nil && !c.purpose {
			r.scenes = append(r.scenes, scene{s.si, s.region, c.ev.Location, s})
			return
		}
	}
	for _, pi := range r.placesOf(s) {
		p := &r.doc.Places[pi]
		if !p.IsLocation() || !s.span.Contains(p.Span) || p.Precision >= sitrep.PrecisionCountry {
			continue
		}
		k := r.tokenAt(s, p.Start)
		if k < 0 {
			continue
		}
		e := max(r.tokenAt(s, p.End-1), k)
		if !scenePreps[placePrep(s, k)] || s.inAttr[k] || dateline(s, k, e) || careAt(s, k) || r.strayInPhrase(s, p, e) {
			continue
		}
		r.scenes = append(r.scenes, scene{s.si, s.region, locationOf(*p), s})
		return
	}
}

// sceneOf carries a paragraph's scene over to an event of a later sentence
// that names no place: "Traders and police fought in Kisumu on Monday. The
// violence grew when more officers arrived" — it grew in Kisumu too. Only within a
// paragraph of the body (a headline or caption names its own), and only to
// events ACLED would record that happened: a denial, a call or a statement
// that follows is not where the fighting was.
func (r *reader) sceneOf(s *sent, c *cand) {
	if s.kind != sitrep.Paragraph || c.ev.ACLEDEventType == "" || !c.ev.Modality.Happened() {
		return
	}
	if c.ev.Location == nil || c.ev.Location.Precision >= sitrep.PrecisionCountry {
		// a country, from a retelling merged in, is coarser than where
		// the weapon fell
		if loc := r.weaponScene(s, c); loc != nil && (c.ev.Location == nil || loc.Precision < c.ev.Location.Precision) {
			c.ev.Location = loc
			return
		}
	}
	if c.ev.Location != nil || c.dest != "" || c.origin != "" {
		return
	}
	var next *scene
	for k := len(r.scenes) - 1; k >= 0; k-- {
		sc := &r.scenes[k]
		if sc.si >= s.si {
			if sc.si > s.si && sc.region == s.region {
				next = sc
			}
			continue
		}
		if sc.region == s.region {
			cp := *sc.loc
			c.ev.Location = &cp
			return
		}
		break
	}
	if next != nil {
		// nothing before it in the paragraph: the place the paragraph
		// names next ("Dozens of fighters died in air raids. The strikes hit
		// their camps west of Gao")
		cp := *next.loc
		c.ev.Location = &cp
	}
}

// weaponScene returns the scene of the earlier sentence an event's
// definite weapon refers back to, or nil: "Two bombs exploded in a camp
// near Goma ... The army said the bombs were fired by the rebels"
// happened where the bombs fell, whichever paragraph tells it.
func (r *reader) weaponScene(s *sent, c *cand) *sitrep.Location {
	cs, ce := s.clauseStart(c.trig), s.clauseEnd(c.trig)
	for k := max(cs, 1); k < ce; k++ {
		w := s.words[k]
		if d := s.words[k-1]; d != "the" && d != "these" && d != "those" || !weaponWord(w) || s.toks[k].UPOS != "NOUN" {
			continue
		}
		for j := len(r.scenes) - 1; j >= 0; j-- {
			sc := &r.scenes[j]
			if sc.si >= s.si || sc.s == nil {
				continue
			}
			if toldWeapon(sc.s, w) {
				cp := *sc.loc
				return &cp
			}
		}
		return nil
	}
	return nil
}

// toldWeapon reports whether sentence s names the weapon w without a
// definite article: the sentence that first tells of it.
func toldWeapon(s *sent, w string) bool {
	for k, x := range s.words {
		if x == w && (k == 0 || s.words[k-1] != "the" && s.words[k-1] != "these" && s.words[k-1] != "those") {
			return true
		}
	}
	return false
}

// placeNP are the words a place's noun phrase may hold before the name:
// "in the northern town of", "to LNA stronghold", "near the border village of".
var placeNP = set("the", "a", "an", "of", "town", "city", "village", "villages", "district", "province", "region",
	"area", "areas", "stronghold", "capital", "port", "outskirts", "suburb", "suburbs", "county", "state",
	"border", "frontline", "front", "key", "strategic", "rebel-held", "government-held", "besieged", "nearby",
	"neighbourhood", "neighborhood", "camp", "base", "airbase", "airport", "island", "governorate",
	"municipality", "locality", "commune", "territory", "zone", "part", "parts", "heart", "centre", "center",
	"vicinity", "streets", "crossing", "hub", "enclave", "oasis", "valley", "desert", "coastal", "mountainous",
	"southern", "northern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
	"southwestern", "north-eastern", "north-western", "south-eastern", "south-western", "restive", "war-torn",
	"occupied", "divided", "embattled", "contested", "disputed", "remote", "rural")

// placePrep returns the preposition that governs the place starting at
// token k, looking back over the words of its noun phrase and over a
// name an actor modifies it with ("to LNA stronghold Jufra"); "" when none.
func placePrep(s *sent, k int) string {
	for j := k - 1; j >= 0 && j >= k-16; j-- {
		w := s.words[j]
		switch {
		case locPreps[w] && w != "of" || w == "throughout" || w == "over" || w == "towards" || w == "with" || w == "against" || w == "by" || w == "alongside":
			return w
		case w == "of":
			// "the town of X", "south of X", "in Kala Shamir of Maywand
			// district" (a village of its district): keep looking;
			// "residents of X"
			if j > 0 && !placeNP[s.words[j-1]] && !compass[s.words[j-1]] && !(capitalised(s.toks[j-1].Text) && !r0(s.words[j-1]) && !compassAbbr[s.words[j-1]]) {
				return "of"
			}
		case w == "," && qualifies(s, j+1):
			// "in Puli Alam city, Logar": the province of the place before
		case quoteMark[w]:
			// "in the 'Red Gate' area of"
		case w == "and" && j > 0 && (capitalised(s.toks[j-1].Text) && !r0(s.words[j-1]) || placeNP[s.words[j-1]]):
			// "in Kotal and Shah Wali Kot of Arghandab district": the
			// preposition governs every name of the coordination
		case placeNP[w] || compass[w] || capitalised(s.toks[j].Text) && !r0(w) || isNumber(w) || distanceUnit[w]:
		default:
			return ""
		}
	}
	return ""
}

// strayInPhrase reports whether the town ending at token e cannot be
// where its phrase puts it ("X area of Y", "X district, Y", "X, Y and Z
// districts"): most likely a namesake the geoparser took. That is so when
// it lies more than 300 km from the next place of the phrase, in a country
// the report gives no more weight; or, when the phrase says the town lies
// in the next place ("X area of Y"), when it lies more than 100 km from
// the town or district named ("the Qaisar area of Farah city" with Qaisar
// taken for a district centre 400 km north; "the X district in Y").
func (r *reader) strayInPhrase(s *sent, p *sitrep.Place, e int) bool {
	if p.Precision >= sitrep.PrecisionRegion {
		return false
	}
	for _, qi := range r.placesOf(s) {
		q := &r.doc.Places[qi]
		if !q.IsLocation() || !s.span.Contains(q.Span) || q.Start < p.End || q.Precision >= sitrep.PrecisionCountry {
			continue
		}
		k := r.tokenAt(s, q.Start)
		if k <= e || k > e+12 || compass[strings.ToLower(q.Text)] {
			return false
		}
		of := false
		for j := e + 1; j < k; j++ {
			w := s.words[j]
			if !(placeNP[w] || w == "," || w == "and" || w == "in" || w == "(" || w == ")" || quoteMark[w] || capitalised(s.toks[j].Text)) {
				return false
			}
			of = of || w == "of" || w == "in"
		}
		d := distanceKM(p.Lat, p.Lon, q.Lat, q.Lon)
		if q.Country != p.Country {
			return r.countries[q.Country] >= r.countries[p.Country] && d > 300
		}
		// "X of Y": X lies in Y. Only a town or district Y is small enough
		// to tell: a province's name often stands for its capital, and a
		// district lies more than 100 km from it ("Gelan district, Ghazni").
		return of && (q.Precision < sitrep.PrecisionRegion || strings.HasPrefix(q.FeatureCode, "ADM2")) && d > 100
	}
	return false
}

// scenePreps are the prepositions that put an event at a place.
var scenePreps = set("in", "at", "near", "outside", "inside", "around", "across", "within", "throughout", "on", "over")

// adminUnit are the words that make a name an administrative unit.
var adminUnit = set("district", "districts", "province", "provinces", "county", "municipality", "governorate",
	"region", "prefecture", "department", "commune", "subdistrict", "sub-district", "state", "oblast", "raion", "city")

// unitAfter reports whether the name ending at token e is followed by an
// administrative unit word, also after a parenthesis: "Khash (Delaram)
// district".
func unitAfter(s *sent, e int) bool {
	j := e + 1
	if j < len(s.words) && s.words[j] == "(" {
		for j < len(s.words) && s.words[j] != ")" {
			j++
		}
		j++
	}
	return j < len(s.words) && adminUnit[s.words[j]]
}

// quoteMark are the quotation marks a name may stand in ("the 'Kush Tut'
// area of").
var quoteMark = set("'", "\"", "‘", "’", "“", "”", "`", "''", "``")

// distanceKM is the great-circle distance between two points.
func distanceKM(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * 6371 * math.Asin(math.Sqrt(a))
}

// qualifies reports whether the words from k follow a place after a comma
// and so name its province or country: "Logar" in "Puli Alam city, Logar".
func qualifies(s *sent, k int) bool {
	if k < 2 || s.words[k-1] != "," {
		return false
	}
	w := s.words[k-2]
	return placeNP[w] && w != "the" && w != "a" && w != "an" && w != "of" || capitalised(s.toks[k-2].Text) && !r0(w) && k-2 > 0
}

// r0 reports whether a capitalised word is a function word at a sentence
// start rather than part of a name.
func r0(w string) bool { return locPreps[w] || stopCaps[w] && !compass[w] }

var compass = set("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
	"north-east", "north-west", "south-east", "south-west")

// compassAbbr are the abbreviated directions of "60 km NE of Ménaka".
var compassAbbr = set("n", "s", "e", "w", "ne", "nw", "se", "sw", "nne", "ene", "ese", "sse", "ssw", "wsw", "wnw", "nnw")

var distanceUnit = set("km", "kilometres", "kilometers", "miles", "mile", "kilometre", "kilometer")

// dateline reports whether the place at tokens [k, e] opens a dateline:
// "KYIV, March 23 (Reuters) -", "GOMA —", "BAMAKO, Mali (AP) —".
func dateline(s *sent, k, e int) bool {
	if k > 0 || s.kind == sitrep.Headline {
		return false
	}
	n := len(s.words)
	raw := ""
	for j := k; j <= e && j < n; j++ {
		raw += s.toks[j].Text
	}
	allCaps := isAllCaps(raw)
	for j := e + 1; j < n && j < e+12; j++ {
		w := s.words[j]
		switch {
		case w == "—" || w == "–" || w == "-" || w == "--":
			return allCaps || j > e+2
		case w == "(" && j+1 < n && capitalised(s.toks[j+1].Text):
			return true
		case w == "," || s.inTime[j] || capitalised(s.toks[j].Text) || isNumber(w):
		default:
			return false
		}
	}
	return false
}

// placeAfter returns the lower-case name of the place that the phrase at
// i names ("Bani Walid"; "LNA stronghold Jufra" and "the town of Jufra"
// give "jufra"): the geoparser's place there when it found one, else the
// last capitalised run of the actor phrase there; "" when none.
func (r *reader) placeAfter(s *sent, i int) string {
	if i < len(s.toks) {
		from := s.toks[i].Start
		for _, pi := range r.placesOf(s) {
			p := &r.doc.Places[pi]
			if !p.IsLocation() || p.Start < from || !s.span.Contains(p.Span) {
				continue
			}
			k := r.tokenAt(s, p.Start)
			if k >= i && k < i+6 && placePrep(s, k) == placePrep(s, i) {
				ok := true
				for j := i; j < k; j++ {
					if !(placeNP[s.words[j]] || capitalised(s.toks[j].Text)) {
						ok = false
					}
				}
				if ok {
					return strings.ToLower(p.Name)
				}
			}
			break
		}
	}
	for k := i; k < len(s.words) && k < i+4; k++ {
		if m := s.mentionAt(k); m != nil {
			if m.proper {
				// the last capitalised run of the phrase names the place
				e := m.last
				for e > m.first && (s.words[e-1] == ")" || !capitalised(s.toks[e-1].Text)) {
					e--
				}
				b := e
				for b > m.first && capitalised(s.toks[b-1].Text) {
					b--
				}
				return strings.ToLower(joinText(s, b, e))
			}
			return ""
		}
		if s.words[k] == "," || s.words[k] == "." {
			continue
		}
	}
	return ""
}

func locationOf(p sitrep.Place) *sitrep.Location {
	return &sitrep.Location{Name: p.Name, GeonamesID: p.GeonamesID, Lat: p.Lat, Lon: p.Lon, Country: p.Country,
		Admin1: p.Admin1, Precision: p.Precision, Text: p.Text, Anchor: p.Anchor, FeatureCode: p.FeatureCode}
}

// amounts reads counted things and the dead and wounded of the sentence.
func (r *reader) amounts(s *sent, c *cand) {
	n := len(s.words)
	counts := s.countsOf()
	for k := 0; k < n; k++ {
		v := counts[k]
		if v < 0 || s.inTime[k] || s.inAttr[k] {
			continue
		}
		// skip distances and measures: "93 miles", "40 kilometres"
		u := -1
		for j := k + 1; j < n && j < k+7; j++ {
			w := s.words[j]
			if countUnits[w] {
				u = j
				break
			}
			if w == "them" && j == k+2 && s.words[k+1] == "of" && r.lastGroup != "" {
				u = j
				break
			}
			if !(isModifier(w) || capitalised(s.toks[j].Text) || w == "and" || w == "of" || w == ",") || w == "miles" || w == "kilometres" || w == "kilometers" || w == "km" || w == "years" {
				break
			}
		}
		if u < 0 {
			continue
		}
		unit := s.words[u]
		if unit == "them" {
			unit = r.lastGroup
		} else if u > k+1 && isModifier(s.words[u-1]) && !capitalised(s.toks[u-1].Text) && s.words[u-1] != "and" && s.words[u-1] != "of" {
			unit = s.words[u-1] + " " + unit
		}
		q := sitrep.Quantity{Value: v, Min: v, Max: v, Unit: unit}
		if k > 0 {
			switch s.words[k-1] {
			case "over", "than", "least", "upwards":
				q.Max = 0
			case "nearly", "almost", "to", "under":
				q.Min = 0
			case "about", "around", "some", "approximately", "roughly":
				q.Min, q.Max = 0, 0
			}
			if s.words[k] == "hundreds" || s.words[k] == "thousands" || s.words[k] == "dozens" || s.words[k] == "scores" {
				q.Max = 0
			}
		}
		if u < k {
			continue
		}
		sp := sitrep.Span{Start: s.toks[k].Start, End: s.toks[u].End}
		if k > 0 && (q.Max == 0 || q.Min == 0) && !(s.words[k] == "hundreds" || s.words[k] == "thousands" || s.words[k] == "dozens" || s.words[k] == "scores") {
			sp.Start = s.toks[k-1].Start
			if s.words[k-1] == "than" || s.words[k-1] == "least" {
				if k > 1 {
					sp.Start = s.toks[k-2].Start
				}
			}
		}
		q.Text = r.doc.Slice(sp)
		if !r.killedHere(s, u) {
			c.ev.Quantities = append(c.ev.Quantities, q)
		}
		k = u
	}
	for _, m := range s.mentions {
		if !m.proper && groupNouns[m.head] && strings.HasSuffix(m.head, "s") {
			r.lastGroup = m.head
		}
	}
	if c.ev.Type == sitrep.Assault || c.ev.Type == sitrep.Protest {
		if !s.casualtiesRead { // the same for every trigger of the sentence
			s.dead, s.hurt = casualties(s.words, s.inTime)
			s.ofWounded = ofTheWounded(s.words)
			s.casualtiesRead = true
		}
		dead, hurt := s.dead, s.hurt
		// "Two of the wounded died overnight": the dead of a fight told
		// before, added to its toll once (see merge)
		c.ofWounded = s.ofWounded
		if r.accusedAct(c) && c.flags&fKill != 0 {
			// "said three of its fighters died and accused the soldiers of
			// killing eight civilians": the accused act's own toll, read
			// from its trigger on
			if d, h := casualties(s.words[c.trig:], s.inTime[c.trig:]); d >= 0 {
				dead, hurt = d, h
			}
		}
		if dead >= 0 {
			c.ev.Fatalities = &dead
			for k, w := range s.words {
				if w == "also" && (k == 0 || k+2 < len(s.words) && (killWords[s.words[k+1]] || killWords[s.words[k+2]])) {
					c.moreDead = true
				}
			}
		}
		if hurt >= 0 {
			c.ev.Injuries = &hurt
		}
		// "Two soldiers were wounded.", "Passengers wounded in the blast
		// were taken to hospital": wounded, by no one named
		c.onlyHurt = dead < 0 && injureWords[s.words[c.trig]] && c.ev.Actor1 == nil
	}
}

// killedHere reports whether the counted unit at u is a casualty figure.
func (r *reader) killedHere(s *sent, u int) bool {
	for k := u + 1; k < len(s.words) && k < u+4; k++ {
		if killWords[s.words[k]] || injureWords[s.words[k]] {
			return true
		}
	}
	return false
}

// countValue reads "1,000", "12", "three", "dozens".
func countValue(w string) (int64, bool) {
	if v, ok := numberWord(w); ok {
		if w == "a" || w == "an" || w == "single" || w == "several" {
			return 0, false
		}
		return v, true
	}
	if !isNumber(w) || strings.Contains(w, ".") {
		return 0, false
	}
	v, err := strconv.ParseInt(strings.ReplaceAll(w, ",", ""), 10, 64)
	if err != nil || v > 10_000_000 {
		return 0, false
	}
	if v >= 1900 && v <= 2100 && !strings.Contains(w, ",") {
		return 0, false // a year
	}
	return v, true
}

// casualties reads the dead and the wounded of a sentence under ACLED's
// conservative rule: the lowest figure for the same deaths, figures for
// different groups added ("2 soldiers and 3 civilians were killed"),
// "including" figures not added again, unnumbered deaths as the codebook
// says. -1 means the sentence gives none.
func casualties(words []string, inTime []bool) (dead, hurt int) {
	dead, hurt = -1, -1
	n := len(words)
	restated := appositions(words)
	for k := 0; k < n; k++ {
		w := words[k]
		isKill := killWords[w] && !(w == "lost" && !(k+2 < n && (words[k+1] == "their" || words[k+1] == "his") && words[k+2] == "lives")) && w != "lives" && w != "kill" && w != "kills"
		// "killed or wounded": how many died is not known, and the
		// codebook counts none
		if isKill && (k+2 < n && words[k+1] == "or" && injureWords[words[k+2]] || k >= 2 && words[k-1] == "or" && injureWords[words[k-2]]) {
			isKill = false
			if dead < 0 {
				dead = 0
			}
		}
		if w == "death" && noDeath(words, k) {
			isKill = false // "sentenced to death", "death threats"
		}
		isHurt := injureWords[w] && w != "casualties"
		if !isKill && !isHurt {
			continue
		}
		if noneSubject(words, k) {
			// "no one was killed in the attack": none, not one
			if isKill && dead < 0 {
				dead = 0
			}
			if isHurt && hurt < 0 {
				hurt = 0
			}
			continue
		}
		total := -1
		// "killing 5 civilians", "killed at least 12 people", "left 3 dead"
		shotDead := shotDeadAt(words, k) // "shot dead two soldiers"
		// "hacked to death a village chief", "was beaten to death"
		toDeath := w == "death" && k >= 2 && words[k-1] == "to" && pastForm(words[k-2])
		shotDead = shotDead || toDeath
		if w == "killing" || w == "killed" || w == "wounding" || w == "injuring" || w == "wounded" || w == "injured" || w == "executed" || w == "executing" || w == "murdered" || w == "massacred" || w == "slaughtered" || w == "beheaded" || w == "beheading" || w == "lynched" || shotDead {
			j := k + 1
			for j < n && (words[j] == "at" || words[j] == "least" || words[j] == "about" || words[j] == "some" || words[j] == "around" || words[j] == "nearly" || words[j] == "more" || words[j] == "than" || words[j] == "over") {
				j++
			}
			if j < n {
				if v, ok := casualtyCount(words[j]); ok && !(j < len(inTime) && inTime[j]) {
					total = v
					total += moreVictims(words, j+1, inTime)
				} else if (words[j] == "a" || words[j] == "an" || words[j] == "the") && j == k+1 && (w == "killed" || w == "killing" || shotDead) && j+2 < n && singularVictim(words[j+1:]) {
					total = 1 + moreVictims(words, j+1, inTime) // "shot and killed a woman", "killed the director"
				}
			}
		}
		if total < 0 && (w == "died" || w == "succumbed") {
			// "two of the wounded died", "two of the wounded later died"
			h := k - 1
			if h >= 0 && laterWords[words[h]] {
				h--
			}
			if h >= 3 && words[h-2] == "of" && words[h-1] == "the" && injureWords[words[h]] {
				if v, ok := casualtyCount(words[h-3]); ok {
					total = v
				}
			}
		}
		if total < 0 {
			// "9 fighters including 2 commanders were killed"
			sum, seen, pending := 0, false, 0
			including := false
			// a passive toll reaches further back than a gerund: "a
			// driver, who delivered bread to the army post every morning,
			// was abducted and killed"
			reach := 14
			if w == "killed" || w == "died" || w == "succumbed" || w == "dead" || w == "wounded" || w == "injured" {
				reach = 20
			}
			for j := k - 1; j >= 0 && j >= k-reach; j-- {
				if restated != nil && restated[j] {
					continue
				}
				wj := words[j]
				if wj == ")" {
					// "four guards (12 according to the rebels) died in
					// the raid": another source's figure for the same dead;
					// the report's own figure stands
					for j > 0 && words[j] != "(" {
						j--
					}
					continue
				}
				if (wj == "his" || wj == "her") && j+1 < k && !isNumber(words[j+1]) && (j+2 >= n || words[j+2] == "were" || words[j+2] == "," || words[j+2] == "and") && !strings.HasSuffix(words[j+1], "s") {
					// "a district chief and his driver were killed": one more
					sum++
					seen = true
					continue
				}
				if wj == "in" && j+1 < n && words[j+1] == "addition" {
					continue // "a mayor in addition to 2 of his bodyguards"
				}
				if wj == "." || wj == ";" || killWords[wj] || injureWords[wj] || wj == "when" || wj == "after" || wj == "as" || wj == "while" || wj == "in" && seen {
					break
				}
				if reportVerbs[wj] && seen {
					break // "a spokesman said three fighters died": the speaker is no victim
				}
				if wj == "including" || wj == "among" {
					including = true
					sum, seen = 0, false
					continue
				}
				if (wj == "a" || wj == "an") && j+1 < k && singularVictim(words[j+1:k]) {
					if seen {
						sum++ // "a district official and his driver were killed"
					} else if j > 0 && (words[j-1] == "," || words[j-1] == "and") {
						pending++ // "two soldiers, a policeman and a civilian": counted with the group before
					}
					continue
				}
				if v, ok := casualtyCount(wj); ok && !(j < len(inTime) && inTime[j]) {
					if j+1 < n && timeUnits[words[j+1]] {
						continue // "for many years"
					}
					if j+1 < n && (words[j+1] == "of" && j+2 < n && (words[j+2] == "them" || words[j+2] == "whom")) {
						continue
					}
					if j > 0 && (words[j-1] == "the" && j+1 < n && words[j+1] == "of") {
						continue
					}
					sum += v + pending
					pending = 0
					seen = true
				}
			}
			_ = including
			if seen {
				total = sum
			}
		}
		if total < 0 && isKill && (w == "killed" || w == "dead" || w == "died" || w == "succumbed" || toDeath) {
			// unnumbered: "a soldier was killed", "several civilians died"
			// "a nurse, who had worked there for years, was killed": the
			// subject before an apposition set off by commas
			lim := k - 6
			for j := k - 1; j >= 0 && j >= lim; j-- {
				if v, ok := ontology.VagueDeaths(words[j]); ok && (words[j] != "number" || j > 0 && words[j-1] == "a") {
					// "a number of civilians were killed" is vague deaths;
					// "the number of people killed" asks for a figure
					total = v
					break
				}
				if words[j] == "," && (words[j+1] == "was" || words[j+1] == "were") && lim == k-6 {
					if c := lastIndex(words[max(0, j-16):j], ","); c >= 0 {
						j, lim = max(0, j-16)+c, max(0, j-16)+c-6
						continue
					}
				}
				if words[j] == "." || words[j] == "," {
					break
				}
			}
			if total < 0 {
				total = singularPassiveSubject(words, k, toDeath)
			}
			if total < 0 && w == "dead" && k > 1 && (words[k-1] == "him" || words[k-1] == "her") && pastForm(words[k-2]) {
				total = 1 // "shot him dead", "beat her dead"
			}
		}
		if total < 0 {
			continue
		}
		if isKill {
			if dead < 0 {
				dead = total
			} else if total != dead {
				dead = ontology.Lowest(dead, total)
			}
		} else {
			if hurt < 0 {
				hurt = total
			}
		}
	}
	if v, ok := toll(words, inTime); ok {
		dead = v
	}
	return dead, hurt
}

// noDeath reports whether the "death" at words[k] names no one's death:
// a noun it modifies ("death threats", "the death penalty", "on death
// row") or a sentence passed ("sentenced 12 men to death", "condemned
// him to death"). "the death toll" still counts.
func noDeath(words []string, k int) bool {
	if k+1 < len(words) && deathModified[words[k+1]] {
		return true
	}
	if k < 1 || words[k-1] != "to" {
		return false
	}
	for j := k - 2; j >= 0 && j >= k-6; j-- {
		if sentenceWords[words[j]] {
			return true
		}
		if toDeathVerbs[words[j]] {
			return false // "condemned the beating to death of a trader"
		}
	}
	return false
}

// toDeathVerbs kill when "to death" follows them.
var toDeathVerbs = set("beaten", "beating", "beat", "stabbed", "stabbing", "stoned", "stoning", "hacked", "hacking",
	"burned", "burnt", "burning", "clubbed", "clubbing", "tortured", "torturing", "starved", "starving", "crushed",
	"trampled", "bludgeoned", "shot", "flogged", "whipped", "lynched", "put")

// deathModified are the nouns "death" modifies without anyone dying.
var deathModified = set("threat", "threats", "penalty", "penalties", "sentence", "sentences", "row", "warrant", "warrants",
	"certificate", "certificates", "anniversary", "squad", "squads")

// sentenceWords pass a sentence: "sentenced two soldiers to death".
var sentenceWords = set("sentenced", "sentencing", "sentences", "sentence", "condemned", "condemning", "condemns")

// armedHoldAfter reports whether the object of the verb at i is a place
// an armed group holds, named by a rebel or militia word: "clear
// separatist camps", "clear the militia's positions".
func armedHoldAfter(s *sent, i int) bool {
	armed := false
	for k := i + 1; k < len(s.words) && k <= i+5; k++ {
		w := s.words[k]
		switch {
		case rebelWords[w] || rebelWords[w+"s"] || combatantWords[w] || strings.Contains(w, "militia"):
			armed = true
		case holdNouns[w]:
			return armed
		case w == "the" || w == "their" || w == "its" || w == "'s" || w == "’s" || s.toks[k].UPOS == "ADJ":
		default:
			return false
		}
	}
	return false
}

// holdNouns are the places an armed group holds.
var holdNouns = set("camp", "camps", "base", "bases", "position", "positions", "hideout", "hideouts", "stronghold", "strongholds", "enclave", "enclaves")

// rebelName reports whether a name the dictionary does not know is that
// of rebels or a militia ("the rebels", "militia fighters"), not of a
// state's forces.
func rebelName(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if combatantWords[w] || rebelWords[w] || strings.Contains(w, "militia") {
			return true
		}
	}
	return false
}

// armedGroupName reports whether a name the dictionary does not know says
// it is an armed group ("Boko Haram militants", "the jihadists").
func armedGroupName(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if combatantWords[w] || armedWords[w] || w == "jihadists" {
			return true
		}
	}
	return false
}

// singularPassiveSubject returns 1 when the toll word at k is a singular
// passive ("was killed", "was beaten to death") whose subject, however
// long, is one victim: "A shopkeeper suspected of hoarding fuel during
// the curfew was beaten to death". The subject is the first "a"/"an" phrase of the
// clause that names a victim; -1 when there is none.
func singularPassiveSubject(words []string, k int, toDeath bool) int {
	aux := k - 1 // "was killed"
	if toDeath {
		aux = k - 3 // "was beaten to death"
	}
	if aux < 1 || words[aux] != "was" {
		return -1
	}
	found := -1
	for j := aux - 1; j >= 0 && j >= aux-20; j-- {
		w := words[j]
		if w == "." || w == ";" || w == "was" || w == "were" || w == "is" || w == "are" || killWords[w] || injureWords[w] {
			break
		}
		if (w == "a" || w == "an") && singularVictim(words[j+1:aux]) && (j == 0 || !locPreps[words[j-1]] && words[j-1] != "of" && words[j-1] != "with" && words[j-1] != "by") {
			found = j
		}
	}
	if found < 0 {
		return -1
	}
	// the phrase opens the clause: nothing but an opening phrase set off
	// by a comma before it
	if found > 0 && words[found-1] != "," {
		return -1
	}
	return 1
}

// noneSubject reports whether the toll word at k has "no one", "nobody",
// "none" or "no" and a noun as its subject right before its auxiliaries:
// "no one was killed", "nobody has been hurt", "no one else was wounded",
// "no soldiers were killed".
func noneSubject(words []string, k int) bool {
	j := k - 1
	for j >= 0 && j >= k-3 && (beForms[words[j]] || words[j] == "has" || words[j] == "have" || words[j] == "had") {
		j--
	}
	if j == k-1 || j < 0 {
		return false
	}
	if words[j] == "else" && j > 0 {
		j--
	}
	switch words[j] {
	case "nobody", "none", "no-one":
		return true
	case "one":
		return j > 0 && words[j-1] == "no"
	}
	// "no soldiers were killed", "no Afghan soldiers were hurt"
	return j > 0 && words[j-1] == "no" || j > 1 && words[j-2] == "no" && words[j-1] != "," && words[j-1] != "."
}

// pastForm reports whether a word is a verb's past form that "to death"
// can follow: "stabbed", "beaten", "burnt", "shot".
func pastForm(w string) bool {
	return r0verb(w) || enParticiples[w] || w == "burnt"
}

// enParticiples are the past participles in "-en" that "to death" can
// follow; "men", "children" and the like are none.
var enParticiples = set("beaten", "bitten", "stricken", "trodden", "frozen", "shaken")

// appositions marks the words of a description set off by commas after a
// counted group, which names the same people again: "two traders, a woman
// and her brother, were killed" counts 2; "a judge, the head of the appeals
// court, and his 3 drivers" counts 4. nil when there is none.
func appositions(words []string) []bool {
	var mark []bool
	for i := 2; i+1 < len(words); i++ {
		if words[i] != "," || !(words[i+1] == "a" || words[i+1] == "an" || words[i+1] == "the") {
			continue
		}
		if _, ok := casualtyCount(words[i-2]); !ok {
			continue
		}
		for m := i + 2; m < len(words) && m <= i+12; m++ {
			w := words[m]
			if w == "." || w == ";" || w == "(" || killWords[w] || injureWords[w] {
				break
			}
			if w == "," {
				if mark == nil {
					mark = make([]bool, len(words))
				}
				for j := i + 1; j < m; j++ {
					mark[j] = true
				}
				i = m
				break
			}
		}
	}
	return mark
}

// toll reads a stated death toll: "the death toll rose to 16", "put the
// death toll at 15", "the number of people killed ... has risen to 16".
// The report's latest total for the event supersedes the counts of its
// parts ("several of the wounded died").
func toll(words []string, inTime []bool) (int, bool) {
	n := len(words)
	for k, w := range words {
		switch {
		case w == "toll" && k > 0 && (words[k-1] == "death" || words[k-1] == "casualty"):
		case w == "number" && k+3 < n && words[k+1] == "of" && (killWords[words[k+2]] || words[k+2] == "dead" ||
			killWords[words[k+3]] || words[k+3] == "dead"):
		default:
			continue
		}
		for j := k + 1; j+1 < n && j <= k+24; j++ {
			if words[j] == "." || words[j] == ";" {
				break
			}
			if words[j] != "to" && words[j] != "at" && words[j] != "reached" && words[j] != "hit" {
				continue
			}
			if v, ok := casualtyCount(words[j+1]); ok && !(j+1 < len(inTime) && inTime[j+1]) && isNumber(words[j+1]) {
				return v, true
			}
		}
	}
	return 0, false
}

// moreVictims adds the counted groups that follow a victim count after
// "and" or "in addition to": "killed 2 soldiers and 3 civilians", "killed
// a mayor in addition to 2 of his bodyguards". "killing 5 and
// wounding 3" adds nothing.
func moreVictims(words []string, j int, inTime []bool) int {
	add := 0
	for k := j; k < len(words) && k < j+8; k++ {
		w := words[k]
		if w == "." || w == ";" || w == "(" || killWords[w] || injureWords[w] {
			break
		}
		next := k + 1
		switch {
		case w == "and":
		case w == "addition" && k > 0 && words[k-1] == "in" && next < len(words) && words[next] == "to":
			next++
		default:
			continue
		}
		if next < len(words) && (words[next] == "his" || words[next] == "her" || words[next] == "their") {
			next++
		}
		if next < len(words) && !(next < len(inTime) && inTime[next]) {
			if v, ok := casualtyCount(words[next]); ok && next+1 < len(words) && !injureWords[words[next+1]] {
				add += v
				j = next
			}
		}
	}
	return add
}

func casualtyCount(w string) (int, bool) {
	// "5-7 policemen", "15-16 soldiers": the lowest figure, as the
	// codebook's conservative rule says
	if a, b, ok := strings.Cut(w, "-"); ok && isNumber(a) && isNumber(b) {
		return casualtyCount(a)
	}
	if v, ok := ontology.VagueDeaths(w); ok && w != "a" && w != "an" && w != "one" && w != "some" && w != "few" {
		return v, true
	}
	if v, ok := numberWord(w); ok && w != "a" && w != "an" && w != "single" && w != "several" && w != "scores" && w != "hundred" {
		return int(v), true
	}
	if !isNumber(w) || strings.Contains(w, ".") {
		return 0, false
	}
	v, err := strconv.Atoi(strings.ReplaceAll(w, ",", ""))
	if err != nil || v > 100000 || v >= 1900 && v <= 2100 {
		return 0, false
	}
	return v, true
}

// refine sets the ASSAULT mode from the instruments the sentence names,
// and makes a deployment of peacekeepers the AID PLOVER calls peacekeeping.
func (r *reader) refine(s *sent, c *cand) {
	// "15 police officers joined the rebels": those who join an armed
	// group change sides, as CAMEO's "defect" (a rejection) has it; a
	// meeting the bare verb would code is not what happened
	if c.lemma == "join" && c.ev.Actor2 != nil && (c.ev.Actor2.Kind == string(sitrep.ActorRebel) || c.ev.Actor2.Kind == string(sitrep.ActorMilitia) || c.ev.Actor2.ID == "" && rebelName(c.ev.Actor2.Name)) &&
		c.ev.Actor1 != nil && c.a1key != c.a2key {
		c.ev.Type, c.ev.Mode, c.lemma = sitrep.Reject, "", "defect"
	}
	// "cleared two villages of Boko Haram", "liberated the town from IS":
	// ground taken from an armed group, not CAMEO's release or pardon
	if (c.lemma == "clear" || c.lemma == "liberate" || c.lemma == "free" || c.lemma == "flush") && (c.ev.Type == sitrep.Concede || c.ev.Type == sitrep.Coerce) {
		end := s.clauseEnd(c.trig)
		for k := c.trig + 1; k+1 < end && k < len(s.words); k++ {
			if s.words[k] != "of" && s.words[k] != "from" {
				continue
			}
			m := s.mentionAt(k + 1)
			if m == nil {
				continue
			}
			if a := r.actor(m.ref.ID); a != nil && (a.Kind == sitrep.ActorRebel || a.Kind == sitrep.ActorMilitia) || armedGroupName(m.ref.Name) {
				c.ev.Type, c.ev.Mode = sitrep.Assault, ""
				c.flags |= fCapture
				c.ev.Actor2, c.a2key = refCopy(m.ref), m.key
				break
			}
		}
	}
	// "clear separatist camps", "cleared rebel hideouts": an attack on
	// the group's places, not a concession
	if c.lemma == "clear" && c.ev.Type == sitrep.Concede && armedHoldAfter(s, c.trig) {
		c.ev.Type, c.ev.Mode = sitrep.Assault, ""
	}
	if c.ev.Type == sitrep.Mobilize {
		for _, a := range []*sitrep.ActorRef{c.ev.Actor1, c.ev.Actor2} {
			if a != nil && (strings.Contains(strings.ToLower(a.Text), "peacekeep") || strings.Contains(strings.ToLower(a.Name), "peacekeep")) {
				c.ev.Type, c.ev.Mode = sitrep.Aid, "peacekeeping"
			}
		}
	}
	if c.ev.Type != sitrep.Assault {
		return
	}
	if c.ev.Mode == "aerial" && plantedBomb(s) {
		// "a bomb planted by X", "a car bomb exploded": not from the air
		c.ev.Mode = "explosives"
		return
	}
	switch c.ev.Mode {
	case "", "firearms", "seize", "heavy-weapons":
	default:
		return
	}
	best := ""
	rank := map[string]int{"suicide-attack": 6, "drone": 5, "aerial": 4, "grenade": 3, "explosives": 3, "heavy-weapons": 2, "unconventional": 7, "firearms": 1, "beat": 1}
	for k, w := range s.words {
		md, ok := instrumentMode[w]
		if !ok || s.inAttr[k] {
			continue
		}
		if w == "air" && !(k+1 < len(s.words) && (s.words[k+1] == "strike" || s.words[k+1] == "strikes" || s.words[k+1] == "raid" || s.words[k+1] == "raids" || s.words[k+1] == "force" || s.words[k+1] == "attack")) {
			continue
		}
		if (w == "mine" || w == "mines") && k > 0 && (s.words[k-1] == "coal" || s.words[k-1] == "gold") {
			continue
		}
		if md == "heavy-weapons" && targeted(s, k) {
			continue // "an attack on their tank", "destroyed 2 tanks": the target, not the weapon
		}
		if (md == "aerial" || md == "drone") && downed(s, k) {
			continue // "shot down an army helicopter": what was fired at, not what fired
		}
		if rank[md] > rank[best] {
			best = md
		}
	}
	if best == "grenade" {
		best = "explosives"
		c.cue = "grenade"
	}
	if c.ev.Mode == "heavy-weapons" && best != "aerial" && best != "drone" {
		return // a verb of shelling keeps its mode unless aircraft did it: "warplanes dropped a bomb"
	}
	if best == "aerial" && plantedBomb(s) {
		best = "explosives" // "killed in a car bombing": the bomb was on the ground
	}
	if best != "" && (c.ev.Mode != "seize" || best != "firearms") {
		c.ev.Mode = best
	}
}

// plantedBomb reports whether the sentence tells of a bomb set on the
// ground (planted, roadside, a car bomb or bombing, a device that exploded) and of
// nothing in the air.
func plantedBomb(s *sent) bool {
	ground := false
	for k, w := range s.words {
		switch w {
		case "aircraft", "plane", "planes", "jet", "jets", "warplane", "warplanes", "helicopter", "helicopters",
			"air", "airstrike", "airstrikes", "drone", "drones", "dropped", "aerial", "bomber", "bombers":
			return false
		case "planted", "roadside", "detonated", "exploded", "ied", "ieds", "magnetic", "device", "landmine":
			ground = true
		case "car", "truck", "motorcycle", "bicycle":
			if k+1 < len(s.words) && (s.words[k+1] == "bomb" || s.words[k+1] == "bombs" || s.words[k+1] == "bombing" || s.words[k+1] == "bombings") {
				ground = true
			}
		}
	}
	return ground
}

// targeted reports whether the weapon word at k is what was attacked:
// "an attack on a tank", "attacked an Afghan military tank", "destroying 2
// tanks".
func targeted(s *sent, k int) bool {
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		w := s.words[j]
		switch {
		case w == "on" || w == "at" || w == "against" || w == "attacked" || w == "attacking" || w == "destroyed" ||
			w == "destroying" || w == "hit" || w == "targeted" || w == "targeting" || w == "struck" || w == "seized" || w == "captured":
			return true
		case w == "a" || w == "an" || w == "the" || w == "their" || w == "its" || w == "his" || isNumber(w) || numberValue(w) > 0 ||
			isModifier(w) && !killWords[w] || capitalised(s.toks[j].Text):
		default:
			return false
		}
	}
	return false
}

// downed reports whether the aircraft named at token k is what was fired
// at: "shot down an army helicopter", "downed two drones", "a helicopter
// crashed after being hit", "the jet was shot down"; not "helicopters
// struck rebel positions".
func downed(s *sent, k int) bool {
	if targeted(s, k) {
		return true
	}
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		w := s.words[j]
		if w == "down" || w == "downed" || w == "downing" {
			return true
		}
		if !(w == "a" || w == "an" || w == "the" || w == "their" || w == "its" || isNumber(w) || numberValue(w) > 0 || isModifier(w) || capitalised(s.toks[j].Text)) {
			break
		}
	}
	for j := k + 1; j < len(s.words) && j <= k+6; j++ {
		switch w := s.words[j]; w {
		case "crashed", "downed":
			return true
		case "was", "were", "being", "been":
			if j+1 < len(s.words) {
				switch s.words[j+1] {
				case "hit", "struck", "shot", "downed", "brought", "targeted":
					return true
				}
			}
		}
	}
	return false
}

// speechAct reports whether events of the type are things said (a demand, a
// threat, an accusation), which a speaker reports rather than claims.
func speechAct(t sitrep.EventType) bool {
	switch t {
	case sitrep.Request, sitrep.Threaten, sitrep.Accuse, sitrep.Reject, sitrep.Agree, sitrep.Support, sitrep.Consult:
		return true
	}
	return false
}

// lastIndex returns the index of the last w in words, or -1.
func lastIndex(words []string, w string) int {
	for i := len(words) - 1; i >= 0; i-- {
		if words[i] == w {
			return i
		}
	}
	return -1
}

var timeUnits = set("years", "months", "weeks", "days", "hours", "minutes", "year", "month", "week", "day", "hour", "decades")

// victimNouns are more nouns for one person killed: "killed a suicide
// bomber", "killed a tribal elder".
var victimNouns = set("bomber", "member", "elder", "leader", "fighter", "guard", "bodyguard", "child", "student",
	"journalist", "driver", "doctor", "teacher", "farmer", "shepherd", "cleric", "official", "judge", "prisoner", "worker",
	"inspector", "sergeant", "captain", "lieutenant", "nurse", "herder", "herdsman", "councillor", "lawyer", "businessman",
	"policewoman", "gendarme", "agent", "employee", "photographer", "reporter", "chief")

// singularVictim reports whether the words after an article name one
// person ("woman", "local teacher", "director of ...").
func singularVictim(words []string) bool {
	for k := 0; k < len(words) && k < 4; k++ {
		w := words[k]
		if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || w == "," || w == "." || locPreps[w] && w != "of" {
			return false
		}
		if victims[w] || titles[w] || victimNouns[w] || w == "man" || w == "woman" || w == "boy" || w == "girl" || w == "director" || w == "soldier" || w == "policeman" || w == "commander" || w == "militant" || w == "officer" {
			return true
		}
	}
	return false
}

// attemptNouns carry an act that was tried, which happened as an attempt:
// "a bid to kill the mayor was foiled", "an attempt to storm the jail".
var attemptNouns = set("attempt", "attempts", "bid", "bids")

// npBetween reports whether tokens [from, to) can open a noun phrase that
// ends in a place name: determiners, place nouns, names.
func npBetween(s *sent, from, to int) bool {
	for j := from; j < to; j++ {
		if !(placeNP[s.words[j]] || capitalised(s.toks[j].Text) || possessive(s.words[j])) {
			return false
		}
	}
	return true
}

// topicNouns are talks whose "on"/"about" phrase is their subject matter,
// not an event: "talks on a ceasefire".
var topicNouns = set("talks", "negotiations", "discussions", "consultations", "proposal", "proposals", "plan", "plans", "deal", "draft", "resolution", "call", "calls", "demand", "demands", "efforts", "bid", "push", "initiative", "framework", "roadmap", "map")

var presentBe = set("is", "are", "am")

// presentAfter reports whether a present-tense verb follows "until" at k
// before token end ("until they reach Goma").
func presentAfter(s *sent, k, end int) bool {
	for j := k + 1; j <= end && j < len(s.toks); j++ {
		switch s.toks[j].XPOS {
		case "VBZ", "VBP":
			return true
		case "VBD":
			return false
		}
		if presentBe[s.words[j]] {
			return true
		}
	}
	return false
}

// deniedHere reports whether the trigger at i is what the sentence's denial
// denies: in the denial verb's complement in the parse (not a verb joined
// to it by "and": "denied the base had fallen and accused the rebels"), or
// without a parse, in the denial's clause.
func (r *reader) deniedHere(s *sent, i int) bool {
	d := s.denial
	if i <= d {
		return false
	}
	if t := s.tree; t != nil {
		if e, _ := r.c.lex.match(s.words, i); e != nil && speechAct(e.typ) && base(t.rel[i]) == "conj" {
			return false // "denied the base had fallen and accused the rebels"
		}
		for k, hops := i, 0; k >= 0 && hops < 8; hops++ {
			h := t.head[k]
			if h == d {
				return base(t.rel[k]) != "conj" && t.rel[k] != "nsubj" && t.rel[k] != "punct" && t.rel[k] != "cc"
			}
			if h < 0 {
				return false
			}
			k = h
		}
		return false
	}
	return i <= s.clauseEnd(d)+1
}

// prepIndex returns the index of the preposition placePrep found for the
// place at k, or -1.
// fromPhrase returns the index of the "from" whose phrase the preposition
// at j sits in, "from" and a noun phrase right before it ("from the hills
// around X", "from positions near X"), or -1.
func fromPhrase(s *sent, j int) int {
	for i := j - 1; i >= 0 && i >= j-4; i-- {
		switch w := s.words[i]; {
		case w == "from":
			if i < j-1 {
				return i
			}
			return -1
		case w == "the" || w == "a" || w == "their" || w == "its" || s.toks[i].UPOS == "NOUN" || s.toks[i].UPOS == "ADJ":
		default:
			return -1
		}
	}
	return -1
}

// verbBetween reports whether a verb lies strictly between tokens i and j.
func verbBetween(s *sent, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if s.toks[k].UPOS == "VERB" {
			return true
		}
	}
	return false
}

func prepIndex(s *sent, k int) int {
	p := placePrep(s, k)
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		if s.words[j] == p {
			return j
		}
	}
	return -1
}

// stalled words after "remain" say an activity has stopped.
var stalled = set("suspended", "stalled", "frozen", "deadlocked", "halted", "blocked", "postponed", "cancelled", "canceled", "off", "on hold")

// laterWords stand between the wounded and their death: "two of the
// wounded later died".
var laterWords = set("later", "subsequently", "since", "also", "eventually")

// ofTheWounded reports whether a sentence tells that some of the wounded
// died: "Two of the wounded died overnight", "three of the injured later
// succumbed".
func ofTheWounded(words []string) bool {
	for k := 2; k < len(words); k++ {
		if words[k-2] != "of" || words[k-1] != "the" || words[k] != "wounded" && words[k] != "injured" {
			continue
		}
		for j := k + 1; j < len(words) && j <= k+2; j++ {
			if words[j] == "died" || words[j] == "succumbed" {
				return true
			}
		}
	}
	return false
}

// shotDeadAt reports whether words[k] is the "dead" of "shot dead": the
// verb's complement, not the victims' adjective ("shot dead two soldiers").
func shotDeadAt(words []string, k int) bool {
	if k < 1 || words[k] != "dead" {
		return false
	}
	switch words[k-1] {
	case "shot", "shoot", "shoots", "shooting":
		return true
	}
	return false
}
