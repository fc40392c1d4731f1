// Package relation is the stage that reads standing ties between actors
// from the text: SUPPORT ("X-backed Y", "Y, supported by X", "X and Z
// support Y", "Y enlists the help of X", "X's foreign supporters", "hired
// by"), LEADS ("led by", "X-led", "rebel leader X's Y", a leader's title
// held in Y), LOYAL_TO ("forces loyal to X"), MEMBER_OF ("belonging to",
// "an X affiliate", a spokesman's or official's title held in X) and
// OPPOSES ("clashes with", "fighting against").
//
// It reads doc.Entities with their actors (after the actor and coref
// stages: an entity's actor is its ActorID or its antecedent's) and
// doc.Tokens, and appends doc.Relations, each with its evidence sentence
// and modality: a relation under "denied" is denied, under "allegedly"
// alleged, under "according to" or "reported" reported, under a negation
// negated. Without entities it does nothing. It has no settings.
package relation

import (
	"context"
	"sort"
	"strings"

	"github.com/sitrep/sitrep"
)

// Reader is the relations stage.
type Reader struct{}

var _ sitrep.Stage = Reader{}

// Name implements sitrep.Namer.
func (Reader) Name() string { return "relation" }

// Annotate appends the relations of doc.
func (Reader) Annotate(ctx context.Context, doc *sitrep.Document) error {
	if len(doc.Entities) == 0 || len(doc.Tokens) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	r := &reader{doc: doc, seen: map[string]bool{}, byID: make(map[string]int, len(doc.Actors))}
	for i, a := range doc.Actors {
		r.byID[a.ID] = i
	}
	for _, rel := range doc.Relations {
		r.seen[key(rel)] = true
	}
	for si := range doc.Sentences {
		r.sentence(si)
	}
	return nil
}

type reader struct {
	doc  *sitrep.Document
	seen map[string]bool
	byID map[string]int // actor index by id
	// per sentence
	si   int
	toks []sitrep.Token
	keys []string
	ents []ment
}

// ment is an actor mention in the sentence: token range [t0, t1).
type ment struct {
	ent    int
	t0, t1 int
	actor  *sitrep.Actor
}

// lower lower-cases ASCII text without allocating when it has no capitals.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

func key(r sitrep.Relation) string {
	return string(r.Type) + "|" + r.From.Name + "|" + r.To.Name + "|" + string(r.Modality)
}

func (r *reader) sentence(si int) {
	doc := r.doc
	s := doc.Sentences[si]
	if s.Last <= s.First {
		return
	}
	r.si = si
	r.toks = doc.Tokens[s.First:s.Last]
	r.ents = r.ents[:0]
	// entities are sorted by start: begin at the first that can overlap
	// (sort.Search reads them in place; slices.BinarySearchFunc would
	// copy each compared one)
	first := sort.Search(len(doc.Entities), func(k int) bool { return doc.Entities[k].Start >= s.Start })
	for first > 0 && doc.Entities[first-1].End > s.Start {
		first--
	}
	for i := first; i < len(doc.Entities); i++ {
		e := &doc.Entities[i]
		if e.Start >= s.End {
			break
		}
		if e.End <= s.Start {
			continue
		}
		a := r.entityActor(i)
		if a == nil {
			continue
		}
		t0, t1 := r.tokenRange(e.Span)
		r.ents = append(r.ents, ment{ent: i, t0: t0, t1: t1, actor: a})
	}
	if len(r.ents) < 2 {
		return // a relation needs two actors
	}
	r.keys = r.keys[:0]
	for i := range r.toks {
		r.keys = append(r.keys, lower(r.toks[i].Text))
	}
	r.hyphenated()
	r.byPhrases()
	r.activeSupport()
	r.possessives()
	r.appositions()
	r.roles()
}

// entityActor returns the actor of entity i, following its antecedent.
func (r *reader) entityActor(i int) *sitrep.Actor {
	for n := 0; i >= 0 && i < len(r.doc.Entities) && n < 8; n++ {
		e := &r.doc.Entities[i]
		if e.ActorID != "" {
			if k, ok := r.byID[e.ActorID]; ok {
				return &r.doc.Actors[k]
			}
			return nil
		}
		if e.Antecedent == nil {
			return nil
		}
		i = *e.Antecedent
	}
	return nil
}

// tokenRange returns the sentence tokens an entity covers.
func (r *reader) tokenRange(s sitrep.Span) (int, int) {
	t0, t1 := -1, -1
	// the first token that ends after s.Start
	lo := sort.Search(len(r.toks), func(k int) bool { return r.toks[k].End > s.Start })
	for i := lo; i < len(r.toks) && r.toks[i].Start < s.End; i++ {
		t := &r.toks[i]
		if t.End > s.Start && t.Start < s.End {
			if t0 < 0 {
				t0 = i
			}
			t1 = i + 1
		}
	}
	return t0, t1
}

// at returns the mentions starting at token t.
func (r *reader) startingAt(t int) []ment {
	var out []ment
	for _, m := range r.ents {
		if m.t0 == t && r.doc.Entities[m.ent].Start >= r.toks[t].Start {
			out = append(out, m)
		}
	}
	return out
}

// next returns the mentions of the first mention group starting within
// max tokens after t (exclusive), crossing only determiners and lower-case
// words, never punctuation.
func (r *reader) next(t, max int) []ment {
	for k := t + 1; k < len(r.toks) && k <= t+max; k++ {
		if ms := r.startingAt(k); len(ms) > 0 {
			if r.backerToken(k) {
				max++ // "by Turkish-backed Syrian fighters": the fighters
				continue
			}
			return ms
		}
		if !isWordish(r.keys[k]) {
			return nil
		}
	}
	return nil
}

// backerToken reports whether token k is "X-backed", "X-led" and the like:
// a mention inside it is the backer of what follows, not the head.
func (r *reader) backerToken(k int) bool {
	t := r.toks[k]
	if strings.IndexByte(t.Text, '-') < 0 {
		return false
	}
	parts := t.Parts(r.doc.Article.Text)
	if len(parts) < 2 {
		return false
	}
	last := strings.ToLower(r.doc.Slice(parts[len(parts)-1]))
	return supportWords[last] || last == "led"
}

func isWordish(k string) bool {
	if k == "" {
		return false
	}
	c := k[0]
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// prev returns the mentions ending before token t, nearest first group,
// skipping a parenthesised abbreviation, commas and "also".
func (r *reader) prev(t int) []ment {
	best := -1
	for _, m := range r.ents {
		if m.t1 <= t && m.t1 > best {
			best = m.t1
		}
	}
	if best < 0 {
		return nil
	}
	// only punctuation, "also", "is/are/was/were/been", "(", ")" between
	for k := best; k < t; k++ {
		switch r.keys[k] {
		case ",", "(", ")", "also", "is", "are", "was", "were", "been", "being", "has", "have", "had", "reportedly", "allegedly", "openly", "both", "all", "a", "an", "the", "now":
		default:
			return nil
		}
	}
	var out []ment
	for _, m := range r.ents {
		if m.t1 == best {
			out = append(out, m)
		}
	}
	// a parenthesised abbreviation: use the name before it
	if best >= 2 && r.keys[best-1] == ")" || len(out) > 0 && out[0].t0 > 0 && r.keys[out[0].t0-1] == "(" {
		return out
	}
	return out
}

// list returns the coordinated mentions starting at mention group ms:
// "Russia, Syria and Egypt".
func (r *reader) list(ms []ment) []ment {
	out := append([]ment(nil), ms...)
	end := ms[0].t1
	for {
		k := end
		for k < len(r.toks) && listGap[r.keys[k]] {
			k++
		}
		if k == end {
			return out
		}
		if k < len(r.toks) && r.backerToken(k) {
			k++ // "such as Qatar-backed Sudanese gunmen"
		}
		nx := r.startingAt(k)
		if len(nx) == 0 {
			return out
		}
		out = append(out, nx...)
		end = nx[0].t1
	}
}

// listGap are the words between coordinated mentions: "Russia, Syria and
// Egypt", "hired gunmen, such as Chadian militiamen".
var listGap = map[string]bool{",": true, "and": true, "the": true, "or": true, "such": true, "as": true,
	"including": true, "notably": true}

// add records a relation with the modality of its sentence around the
// trigger token.
func (r *reader) add(typ sitrep.RelationType, from, to ment, trigger int) {
	r.addAs(typ, from, to, r.modality(trigger))
}

// addAs records a relation with a given modality.
func (r *reader) addAs(typ sitrep.RelationType, from, to ment, mod sitrep.Modality) {
	if from.actor.ID == to.actor.ID && from.actor.ID != "" || from.actor == to.actor {
		return
	}
	doc := r.doc
	s := doc.Sentences[r.si]
	rel := sitrep.Relation{
		Type:     typ,
		From:     r.ref(from),
		To:       r.ref(to),
		Modality: mod,
		Evidence: sitrep.Evidence{Text: doc.Slice(s.Span), Span: s.Span},
	}
	k := key(rel)
	if r.seen[k] {
		return
	}
	r.seen[k] = true
	doc.Relations = append(doc.Relations, rel)
}

func (r *reader) ref(m ment) sitrep.ActorRef {
	ref := m.actor.Ref()
	e := &r.doc.Entities[m.ent]
	ref.Text = e.Text
	sp := e.Span
	ref.Span = &sp
	return ref
}

// support triggers after a hyphen ("Turkey-backed") or before "by".
var supportWords = map[string]bool{"backed": true, "supported": true, "sponsored": true, "funded": true,
	"financed": true, "armed": true, "trained": true, "equipped": true, "allied": true, "aligned": true,
	"bankrolled": true, "hired": true, "recruited": true, "paid": true, "assisted": true, "aided": true}

// hyphenated reads "X-backed Y", "X-led Y", "X-aligned Y".
func (r *reader) hyphenated() {
	text := r.doc.Article.Text
	for ti := range r.toks {
		t := &r.toks[ti]
		if strings.IndexByte(t.Text, '-') < 0 {
			continue
		}
		parts := t.Parts(text)
		if len(parts) < 2 {
			continue
		}
		last := strings.ToLower(text[parts[len(parts)-1].Start:parts[len(parts)-1].End])
		var typ sitrep.RelationType
		switch {
		case supportWords[last]:
			typ = sitrep.Supports
		case last == "led":
			typ = sitrep.Leads
		default:
			continue
		}
		var from []ment
		for _, m := range r.ents {
			e := &r.doc.Entities[m.ent]
			if t.Span.Contains(e.Span) && e.End <= parts[len(parts)-1].Start {
				from = append(from, m)
			}
		}
		if len(from) == 0 {
			continue
		}
		to := r.next(ti, 3)
		for _, f := range from {
			for _, x := range to {
				r.add(typ, f, x, ti)
			}
		}
	}
}

// byPhrases reads "Y, (also) supported by X", "Y led by X", "Y loyal to
// X", "Y belonging to X", "Y hired by X", "clashes with X".
func (r *reader) byPhrases() {
	for ti := 0; ti+1 < len(r.toks); ti++ {
		k, nk := r.keys[ti], r.keys[ti+1]
		var typ sitrep.RelationType
		reverse := false // the mention after the phrase is the From side
		skip := 2
		switch {
		case supportWords[k] && nk == "by":
			typ, reverse = sitrep.Supports, true
		case k == "led" && nk == "by", k == "commanded" && nk == "by", k == "headed" && nk == "by":
			typ, reverse = sitrep.Leads, true
		case k == "loyal" && nk == "to":
			typ = sitrep.LoyalTo
		case k == "belonging" && nk == "to", k == "affiliated" && nk == "with", k == "linked" && nk == "to",
			k == "part" && nk == "of", k == "member" && nk == "of", k == "members" && nk == "of":
			typ = sitrep.MemberOf
		case (k == "allied" || k == "aligned") && (nk == "with" || nk == "to"):
			typ = sitrep.Supports
		case (k == "clashes" || k == "clash" || k == "clashed" || k == "fighting" || k == "fight" || k == "war") && (nk == "with" || nk == "against"):
			typ = sitrep.Opposes
		default:
			continue
		}
		to := r.next(ti+skip-1, 5)
		if len(to) == 0 {
			continue
		}
		to = r.list(to)
		var from []ment
		if typ == sitrep.Opposes {
			// the subject: the first actor mention of the sentence
			if r.ents[0].t0 < ti {
				from = []ment{r.ents[0]}
			}
		} else {
			from = r.prev(ti)
		}
		for _, f := range from {
			for _, x := range to {
				if reverse {
					r.add(typ, x, f, ti)
				} else {
					r.add(typ, f, x, ti)
				}
			}
		}
	}
}

// supportVerbs are active verbs of support: SUBJECTS verb OBJECT.
var supportVerbs = map[string]bool{"support": true, "supports": true, "supported": true, "back": true,
	"backs": true, "backed": true, "arm": true, "arms": true, "armed": true, "fund": true, "funds": true,
	"funded": true, "finance": true, "finances": true, "financed": true, "sponsor": true, "sponsors": true,
	"sponsored": true, "bankroll": true, "bankrolls": true, "assist": true, "assists": true,
	"assisted": true, "aid": true, "aids": true, "aided": true, "supplied": true, "supplies": true,
	"supply": true}

// helpVerbs take their helpers as object: "Y enlists the help of X",
// "Y recruited X", "Y uses X": X supports Y.
var helpVerbs = map[string]bool{"enlists": true, "enlisted": true, "enlist": true, "recruited": true,
	"recruits": true, "recruit": true, "uses": true, "used": true, "use": true, "hired": true,
	"hires": true, "hire": true, "relies": true, "relied": true, "deploys": true, "employs": true,
	"employed": true}

// subjectGap are the words that may stand between coordinated subjects and
// their verb: "In addition to Iran and Syria, Russia and China support".
var subjectGap = map[string]bool{",": true, "and": true, "the": true, "in": true, "addition": true,
	"to": true, "as": true, "well": true, "both": true, "along": true, "with": true, "together": true,
	"also": true, "have": true, "has": true, "had": true, "reportedly": true, "allegedly": true,
	"openly": true, "continue": true, "continues": true, "to's": true}

func (r *reader) activeSupport() {
	for ti, k := range r.keys {
		help := helpVerbs[k]
		if !supportVerbs[k] && !help {
			continue
		}
		if ti+1 < len(r.keys) && r.keys[ti+1] == "by" || ti > 0 && r.keys[ti-1] == "to" {
			continue // passive (byPhrases) or an infinitive without its own subject
		}
		// subjects: mentions left of the verb joined by subjectGap words
		var subj []ment
		t := ti
		for {
			var grp []ment
			end := -1
			for _, m := range r.ents {
				if m.t1 <= t && m.t1 > end {
					end = m.t1
				}
			}
			if end < 0 {
				break
			}
			ok := true
			for x := end; x < t; x++ {
				if !subjectGap[r.keys[x]] {
					ok = false
					break
				}
			}
			if !ok {
				break
			}
			for _, m := range r.ents {
				if m.t1 == end {
					grp = append(grp, m)
				}
			}
			subj = append(subj, grp...)
			t = grp[0].t0
		}
		if len(subj) == 0 {
			continue
		}
		// object: the next mention, crossing "the help of", "the", "also"
		o := ti + 1
		for o < len(r.keys) && (r.keys[o] == "the" || r.keys[o] == "help" || r.keys[o] == "of" || r.keys[o] == "support" || r.keys[o] == "services") {
			o++
		}
		obj := r.startingAt(o)
		if len(obj) == 0 {
			continue
		}
		obj = r.list(obj)
		for _, s := range subj {
			for _, x := range obj {
				if help {
					r.add(sitrep.Supports, x, s, ti)
				} else {
					r.add(sitrep.Supports, s, x, ti)
				}
			}
		}
	}
}

// memberWords in an apposition tie a name to a body: "JNIM, an al-Qaeda
// affiliate", "ISKP, an affiliate of the Islamic State group".
var memberWords = map[string]sitrep.RelationType{"affiliate": sitrep.MemberOf, "member": sitrep.MemberOf,
	"branch": sitrep.MemberOf, "wing": sitrep.MemberOf, "offshoot": sitrep.MemberOf, "arm": sitrep.MemberOf,
	"faction": sitrep.MemberOf, "unit": sitrep.MemberOf, "part": sitrep.MemberOf, "ally": sitrep.Supports,
	"proxy": sitrep.Supports}

// appositions reads "X, a|an [Y] affiliate|member|branch|ally [of Y]".
func (r *reader) appositions() {
	for ti, k := range r.keys {
		typ, ok := memberWords[k]
		if !ok {
			continue
		}
		var body []ment
		start := ti
		if ti+1 < len(r.keys) && r.keys[ti+1] == "of" {
			body = r.next(ti+1, 2)
		} else if e := r.endingAt(ti); len(e) > 0 {
			body = e
			start = e[0].t0
		}
		// "an al-Qaeda affiliate" was composed into one mention, which
		// coreference then gave the name it describes: the body is the
		// parent of the composed actor named in it.
		for _, m := range r.ents {
			if m.t0 <= ti && ti < m.t1 && len(body) == 0 || m.t0 <= ti && ti < m.t1 && body[0].actor == m.actor {
				if b := r.composedParent(m); b != nil {
					body = []ment{{ent: m.ent, t0: m.t0, t1: m.t1, actor: b}}
					start = m.t0
				}
			}
		}
		if len(body) == 0 {
			continue
		}
		// back over "a|an|the" and the comma to the name
		p := start - 1
		if p >= 0 && (r.keys[p] == "a" || r.keys[p] == "an" || r.keys[p] == "the") {
			p--
		}
		if p < 1 || r.keys[p] != "," {
			continue
		}
		// an apposition is the outlet's own statement, whatever the
		// sentence goes on to report
		mod := sitrep.Asserted
		if m := r.modality(ti); m == sitrep.Negated || m == sitrep.Denied {
			mod = m
		}
		for _, x := range r.endingAt(p) {
			if x.actor.Composed() || x.actor.Generic() {
				continue
			}
			for _, b := range body {
				r.addAs(typ, x, b, mod)
			}
		}
		if len(r.endingAt(p)) == 0 && p >= 3 && r.keys[p-1] == ")" {
			// "Jama'at Nusrat al-Islam wal-Muslimin (JNIM), an al-Qaeda affiliate"
			for _, x := range r.endingAt(p - 1) {
				for _, b := range body {
					r.addAs(typ, x, b, mod)
				}
			}
		}
	}
}

// composedParent finds, for a mention that coreference resolved to a
// name, the base of the membership description it was read as ("an
// al-Qaeda affiliate" → al-Qaeda): a composed actor of the document with a
// membership agent whose parent's name the mention's text contains.
func (r *reader) composedParent(m ment) *sitrep.Actor {
	text := strings.ToLower(r.doc.Entities[m.ent].Text)
	for i := range r.doc.Actors {
		a := &r.doc.Actors[i]
		if !a.Composed() || a.Parent == "" {
			continue
		}
		if c := agentCode(a.ID); c != "MEMBER" && c != "SUPPORTERS" {
			continue
		}
		k, ok := r.byID[a.Parent]
		if !ok {
			continue
		}
		p := &r.doc.Actors[k]
		if p.Name != "" && strings.Contains(text, strings.ToLower(p.Name)) && p.ID != m.actor.ID {
			return p
		}
	}
	return nil
}

// leaderWords mark a person as the leader of what follows his name.
var leaderWords = map[string]bool{"leader": true, "commander": true, "chief": true, "head": true,
	"strongman": true, "warlord": true, "chairman": true, "founder": true, "boss": true, "president": true}

// possessives reads "rebel leader X's Y" (X LEADS Y) and "X's foreign
// supporters" (the supporters SUPPORT X).
func (r *reader) possessives() {
	for ti, k := range r.keys {
		if k != "'s" && k != "'" && k != "his" && k != "her" && k != "their" && k != "its" {
			continue
		}
		var owner []ment
		if k == "'s" || k == "'" {
			owner = r.endingAt(ti)
		} else {
			owner = r.startingAt(ti) // a resolved pronoun is a mention itself
		}
		if len(owner) == 0 {
			continue
		}
		after := r.next(ti, 2)
		for _, o := range owner {
			for _, x := range after {
				if code := agentCode(x.actor.ID); code == "SUPPORTERS" {
					r.add(sitrep.Supports, x, o, ti)
					continue
				}
				if o.actor.Kind == sitrep.ActorPerson && x.actor.Kind != sitrep.ActorPerson && r.titledLeader(o) {
					r.add(sitrep.Leads, o, x, ti)
				}
			}
		}
	}
}

func agentCode(id string) string {
	if i := strings.LastIndexByte(id, '.'); i >= 0 {
		return id[i+1:]
	}
	return id
}

// endingAt returns mentions whose last token is t-1.
func (r *reader) endingAt(t int) []ment {
	var out []ment
	for _, m := range r.ents {
		if m.t1 == t {
			out = append(out, m)
		}
	}
	return out
}

// titledLeader reports whether a leader's title precedes the person's name
// within three tokens ("rebel leader Khalifa Haftar").
func (r *reader) titledLeader(m ment) bool {
	for k := m.t0 - 1; k >= 0 && k >= m.t0-3; k-- {
		if leaderWords[r.keys[k]] {
			return true
		}
	}
	return false
}

// roles turns titles read from this sentence into relations: a person
// whose role is held in an actor named in the same sentence leads it
// (leader, commander) or is a member of it (spokesman, official).
func (r *reader) roles() {
	for _, p := range r.ents {
		a := p.actor
		if a.Kind != sitrep.ActorPerson || a.Known() && len(a.Roles) == 0 {
			continue
		}
		for _, role := range a.Roles {
			if role.Of == "" || role.From != "" || role.To != "" {
				continue // dictionary roles carry dates; text roles do not
			}
			for _, o := range r.ents {
				if o.actor.ID != role.Of {
					continue
				}
				typ := sitrep.MemberOf
				for w := range strings.FieldsSeq(role.Title) {
					if leaderWords[w] || strings.HasPrefix(w, "command") {
						typ = sitrep.Leads
					}
				}
				if typ == sitrep.MemberOf && a.Known() {
					continue
				}
				r.add(typ, p, o, p.t0)
				break
			}
		}
	}
}

// modality reads the cues of the sentence around a trigger token.
func (r *reader) modality(trigger int) sitrep.Modality {
	for k := max(0, trigger-3); k < trigger; k++ {
		switch r.keys[k] {
		case "not", "n't", "never", "no":
			return sitrep.Negated
		}
	}
	// a denial governs what follows it in its clause
	for k := trigger - 1; k >= 0 && k >= trigger-10; k-- {
		if r.keys[k] == "," || r.keys[k] == ";" {
			break
		}
		switch r.keys[k] {
		case "denied", "denies", "deny", "denying", "rejected":
			return sitrep.Denied
		}
	}
	for k := max(0, trigger-4); k < trigger; k++ {
		switch r.keys[k] {
		case "could", "would", "might", "may", "if":
			return sitrep.Hypothetical
		case "plans", "planned", "poised", "intends", "threatened":
			return sitrep.Planned
		}
	}
	alleged, reported := false, false
	for k, w := range r.keys {
		switch w {
		case "allegedly", "alleged", "accused", "accuses", "purportedly":
			alleged = true
		case "reportedly", "reported", "according", "said", "says", "told", "claimed", "citing":
			reported = true
		}
		_ = k
	}
	switch {
	case alleged:
		return sitrep.Alleged
	case reported:
		return sitrep.Reported
	}
	return sitrep.Asserted
}
