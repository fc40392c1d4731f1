// Package coref is the within-report coreference stage: it links referring
// mentions to the earlier mentions they stand for, so that "the
// mercenaries", "the renegade force", "the two diplomats", "his" and
// "their" carry the actor of their antecedent, and "the capital" points to
// the city named as the capital.
//
// It reads doc.Entities and doc.Actors as the actor stage leaves them
// (entities sorted by start, generic agents as actors whose id has no dot,
// split compounds as entities sharing one span) and doc.Tokens. It sets
// Antecedent (and the antecedent's ActorID) on definite generic mentions,
// and adds entities with Source "coref" for pronouns and for "the
// capital". A mention whose antecedent is a split compound ("the
// mercenaries" after "Russian and Syrian mercenary fighters") becomes one
// entity per part, sharing the span. Without entities it does nothing.
//
// It has no settings; resolution looks back at most Window sentences.
package coref

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/sitrep/sitrep"
)

// Window is how many sentences back an antecedent is looked for.
const Window = 4

// Resolver is the coreference stage.
type Resolver struct{}

var _ sitrep.Stage = Resolver{}

// Name implements sitrep.Namer.
func (Resolver) Name() string { return "coref" }

// link is a resolution: entity (or new pronoun mention) → antecedents.
type link struct {
	entity int // index into doc.Entities, or -1 for a new mention
	span   sitrep.Span
	kind   sitrep.EntityKind
	ante   []int
}

// Annotate resolves the document's referring mentions.
func (Resolver) Annotate(ctx context.Context, doc *sitrep.Document) error {
	if len(doc.Entities) == 0 || len(doc.Tokens) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	r := resolver{doc: doc, sent: make([]int, len(doc.Entities)), byID: make(map[string]int, len(doc.Actors))}
	for i, a := range doc.Actors {
		r.byID[a.ID] = i
	}
	for i, e := range doc.Entities {
		r.sent[i] = doc.SentenceAt(e.Start)
	}
	// Definite descriptions first, written in place, so that pronouns
	// find the actors they resolved to; then every new mention (pronouns,
	// further parts of split antecedents) is merged in one pass.
	var adds []sitrep.Entity
	for i := range doc.Entities {
		l, ok := r.definite(i)
		if !ok {
			l, ok = r.apposition(i)
		}
		if !ok {
			// "The U.N. peacekeeping mission, MINUSMA, ...": the name
			// that follows says who the description is
			if j := r.namedAfter(i); j >= 0 {
				doc.Entities[i].ActorID = doc.Entities[j].ActorID
			}
			continue
		}
		e := &doc.Entities[i]
		for k, a := range l.ante {
			ante := a
			id := doc.Entities[a].ActorID
			if e.Kind != sitrep.KindPerson && doc.Entities[a].Kind == sitrep.KindPerson {
				// "the government" after "a spokesman for the Government of
				// National Unity", "the group" after "Hamas official X":
				// the body the person speaks for
				if b := r.actor(a); b != nil && b.Parent != "" && speakerRoles[agentCode(b.ID)] {
					id = b.Parent
				}
			}
			if k == 0 {
				e.ActorID, e.Antecedent = id, &ante
				continue
			}
			ne := *e
			ne.ActorID, ne.Antecedent = id, &ante
			adds = append(adds, ne)
		}
	}
	for _, l := range r.pronouns() {
		for _, a := range l.ante {
			ante := a
			adds = append(adds, sitrep.Entity{Span: l.span, Text: doc.Slice(l.span), Kind: l.kind,
				ActorID: doc.Entities[a].ActorID, Antecedent: &ante, Source: "coref"})
		}
	}
	if len(adds) > 0 {
		merge(doc, adds)
	}
	return nil
}

type resolver struct {
	doc  *sitrep.Document
	sent []int // sentence of each entity
	byID map[string]int
	// countries counts mentions by country, computed on first use.
	countries map[string]int
	// pronounAt is the offset of the pronoun being resolved.
	pronounAt int
}

func (r *resolver) actor(i int) *sitrep.Actor {
	if i < 0 || i >= len(r.doc.Entities) {
		return nil
	}
	id := r.doc.Entities[i].ActorID
	if id == "" {
		return nil
	}
	if k, ok := r.byID[id]; ok {
		return &r.doc.Actors[k]
	}
	return nil
}

// generic reports whether an actor is an unaffiliated generic agent
// ("mercenaries", "military"): a dictionary id without a dot, no country,
// no parent, not a state, not a bloc.
func generic(a *sitrep.Actor) bool { return a != nil && a.Generic() }

func agentCode(id string) string {
	if i := strings.LastIndexByte(id, '.'); i >= 0 {
		return id[i+1:]
	}
	return id
}

// speakerRoles are the agent codes of people who speak or act for a
// body: what a collective description ("the government", "the group")
// refers to through them is the body.
var speakerRoles = map[string]bool{"SPOKESPERSON": true, "OFFICIALS": true, "OFFICIAL": true, "FM": true,
	"MINISTER": true, "PRESIDENT": true, "PM": true, "LEADER": true, "ENVOY": true, "AMBASSADOR": true}

var armed = map[sitrep.ActorKind]bool{sitrep.ActorMilitary: true, sitrep.ActorRebel: true,
	sitrep.ActorMilitia: true, sitrep.ActorMercenary: true, sitrep.ActorPolice: true}

// firstWord returns the lower-cased first word of an entity's text.
func firstWord(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, " \t\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// determiner returns the word before an entity when it is a determiner
// the entity text does not include.
func (r *resolver) determinerBefore(e *sitrep.Entity) string {
	ti := r.tokenAt(e.Start)
	// skip a number: "the two diplomats", "the 3,000 fighters"
	for k := ti - 1; k >= 0 && k >= ti-3; k-- {
		w := strings.ToLower(r.doc.Tokens[k].Text)
		if numberWords[w] || w != "" && w[0] >= '0' && w[0] <= '9' || strings.Contains(w, "-") && len(w) > 2 {
			continue // "the two diplomats", "the Kurdish-led force"
		}
		return w
	}
	return ""
}

var numberWords = map[string]bool{"two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "dozen": true, "hundreds": true,
	"several": true, "few": true, "many": true, "other": true, "remaining": true}

// tokenAt returns the index of the token starting at or containing off.
func (r *resolver) tokenAt(off int) int {
	ts := r.doc.Tokens
	// the first token that ends after off (sort.Search reads the tokens in
	// place; slices.BinarySearchFunc would copy each compared one)
	i := sort.Search(len(ts), func(k int) bool { return ts[k].End > off })
	if i >= len(ts) {
		return -1
	}
	return i
}

// definite resolves "the mercenaries", "the renegade force", "the two
// diplomats": a generic agent after a definite determiner.
func (r *resolver) definite(i int) (link, bool) {
	e := &r.doc.Entities[i]
	a := r.actor(i)
	if e.Antecedent != nil || e.Kind == sitrep.KindNORP || !generic(a) {
		return link{}, false
	}
	det := firstWord(e.Text)
	if !isDefinite(det) {
		det = r.determinerBefore(e)
		if !isDefinite(det) {
			return link{}, false
		}
	}
	code := agentCode(a.ID)
	// "the army" in a report about Mali is Mali's army even when French
	// troops were named since: among a state's agents, the country the
	// report speaks of most wins.
	best, bestN := -1, 0
	for j := i - 1; j >= 0 && r.sent[i]-r.sent[j] <= Window; j-- {
		b := r.actor(j)
		if b == nil || generic(b) || agentCode(b.ID) != code || !strings.Contains(b.ID, ".") {
			continue
		}
		if base, _, _ := strings.Cut(b.ID, "."); len(base) != 3 && !(b.Kind == sitrep.ActorMilitary && b.Country != "" && strings.HasPrefix(base, b.Country+"-")) {
			continue // a state's own forces: "MLI.MIL", "SDN-SAF.MIL"
		}
		if n := r.countryMentions(b.Country); n > bestN {
			best, bestN = j, n
		}
	}
	if best >= 0 {
		return link{entity: i, span: e.Span, kind: e.Kind, ante: r.group(best)}, true
	}
	// same agent first ("the mercenaries" → "... mercenary fighters"),
	// then the same kind, then any armed actor for an armed generic
	for pass := 0; pass < 5; pass++ {
		for j := i - 1; j >= 0 && r.sent[i]-r.sent[j] <= Window; j-- {
			b := r.actor(j)
			if b == nil || generic(b) || r.doc.Entities[j].Kind == sitrep.KindNORP || b.Kind == sitrep.ActorPerson && pass > 0 {
				continue
			}
			ok := false
			switch pass {
			case 0: // the same agent of a state: "the military" → "Myanmar's military"
				base, _, _ := strings.Cut(b.ID, ".")
				ok = agentCode(b.ID) == code && strings.Contains(b.ID, ".") && len(base) == 3
			case 1: // the same agent of anyone
				ok = agentCode(b.ID) == code && strings.Contains(b.ID, ".")
			case 2:
				ok = b.Kind == a.Kind && b.Kind != sitrep.ActorUnknown && b.Kind != sitrep.ActorState
			case 3: // irregular fighters: a rebel group or militia first
				ok = a.Sector == "UAF" && (b.Kind == sitrep.ActorRebel || b.Kind == sitrep.ActorMilitia || b.Kind == sitrep.ActorMercenary)
			case 4:
				// "the army" is a state's: never a rebel group or militia
				ok = (armed[a.Kind] && armed[b.Kind] || a.Sector == "UAF" && armed[b.Kind]) &&
					!(a.Kind == sitrep.ActorMilitary && b.Kind != sitrep.ActorMilitary && b.Kind != sitrep.ActorPolice)
			}
			if ok {
				return link{entity: i, span: e.Span, kind: e.Kind, ante: r.group(j)}, true
			}
		}
	}
	return link{}, false
}

// countryMentions counts the entities whose actor belongs to a country.
func (r *resolver) countryMentions(c string) int {
	if r.countries == nil {
		r.countries = map[string]int{}
		for i := range r.doc.Entities {
			if a := r.actor(i); a != nil && a.Country != "" {
				r.countries[a.Country]++
			}
		}
	}
	return r.countries[c]
}

// apposition links a description set off by commas right after a name to
// it: "JNIM, an al-Qaeda affiliate," — the affiliate is JNIM.
func (r *resolver) apposition(i int) (link, bool) {
	e := &r.doc.Entities[i]
	a := r.actor(i)
	if i == 0 || e.Antecedent != nil || a == nil || !(a.Composed() || a.Generic()) || e.Kind == sitrep.KindNORP {
		return link{}, false
	}
	ti := r.tokenAt(e.Start)
	if ti < 2 {
		return link{}, false
	}
	det := strings.ToLower(r.doc.Tokens[ti-1].Text)
	if det != "a" && det != "an" && det != "the" || r.doc.Tokens[ti-2].Text != "," {
		return link{}, false
	}
	if te := r.tokenAt(e.End - 1); te < 0 || te+1 >= len(r.doc.Tokens) || r.doc.Tokens[te+1].Text != "," {
		return link{}, false
	}
	comma := r.doc.Tokens[ti-2].Start
	for j := i - 1; j >= 0; j-- {
		p := &r.doc.Entities[j]
		if p.End > comma {
			continue
		}
		pa := r.actor(j)
		// the name right before the comma, or before its "(ACRONYM)"
		gap := strings.TrimSpace(r.doc.Slice(sitrep.Span{Start: p.End, End: comma}))
		if pa == nil || pa.Composed() || pa.Generic() || gap != "" && gap != ")" {
			return link{}, false
		}
		return link{entity: i, span: e.Span, kind: e.Kind, ante: []int{j}}, true
	}
	return link{}, false
}

// namedAfter returns the name set off by commas right after a description
// ("the U.N. peacekeeping mission, MINUSMA,"), or -1.
func (r *resolver) namedAfter(i int) int {
	e := &r.doc.Entities[i]
	a := r.actor(i)
	if e.Antecedent != nil || a == nil || !(a.Composed() || a.Generic()) || e.Kind == sitrep.KindNORP {
		return -1
	}
	te := r.tokenAt(e.End - 1)
	if te < 0 || te+1 >= len(r.doc.Tokens) || r.doc.Tokens[te+1].Text != "," {
		return -1
	}
	for j := i + 1; j < len(r.doc.Entities); j++ {
		n := &r.doc.Entities[j]
		if n.Start < r.doc.Tokens[te+1].End {
			continue
		}
		na := r.actor(j)
		tn := r.tokenAt(n.Start)
		tl := r.tokenAt(n.End - 1)
		if na == nil || na.Composed() || na.Generic() || na.Kind == sitrep.ActorPerson || tn != te+2 ||
			tl < 0 || tl+1 >= len(r.doc.Tokens) || r.doc.Tokens[tl+1].Text != "," {
			return -1
		}
		return j
	}
	return -1
}

func isDefinite(w string) bool {
	switch w {
	case "the", "these", "those", "this", "that", "both":
		return true
	}
	return false
}

// group returns the entities sharing entity j's span and resolving to an
// actor: the parts of a split compound, or j alone.
func (r *resolver) group(j int) []int {
	s := r.doc.Entities[j].Span
	lo := j
	for lo > 0 && r.doc.Entities[lo-1].Span == s {
		lo--
	}
	var out []int
	for k := lo; k < len(r.doc.Entities) && r.doc.Entities[k].Span == s; k++ {
		if r.doc.Entities[k].ActorID != "" {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		out = []int{j}
	}
	return out
}

// pronoun classes
var (
	personal = map[string]bool{"he": true, "his": true, "him": true, "she": true, "her": true}
	plural   = map[string]bool{"they": true, "their": true, "them": true, "theirs": true}
	neuter   = map[string]bool{"it": true, "its": true}
)

// pronouns finds pronouns that refer to actors and their antecedents, and
// "the capital".
func (r *resolver) pronouns() []link {
	doc := r.doc
	var out []link
	ei := 0
	for si, s := range doc.Sentences {
		for ti := s.First; ti < s.Last; ti++ {
			t := &doc.Tokens[ti]
			for ei < len(doc.Entities) && doc.Entities[ei].Start < t.Start {
				ei++
			}
			w := t.Text
			if len(w) > 7 || len(w) < 2 {
				continue // no pronoun or "capital" is shorter or longer
			}
			w = strings.ToLower(w)
			if w == "capital" && ti > s.First && strings.EqualFold(doc.Tokens[ti-1].Text, "the") && !r.covered(t.Span) {
				if j := r.capital(ei, si); j >= 0 {
					out = append(out, link{entity: -1, span: sitrep.Span{Start: doc.Tokens[ti-1].Start, End: t.End}, kind: sitrep.KindGPE, ante: []int{j}})
				}
				continue
			}
			if !personal[w] && !plural[w] && !neuter[w] {
				continue
			}
			if r.covered(t.Span) {
				continue
			}
			r.pronounAt = t.Start
			if j := r.pronounAntecedent(w, ei, si); j >= 0 {
				out = append(out, link{entity: -1, span: t.Span, kind: doc.Entities[j].Kind, ante: r.group(j)})
			}
		}
	}
	return out
}

func (r *resolver) covered(s sitrep.Span) bool {
	es := r.doc.Entities
	i := sort.Search(len(es), func(k int) bool { return es[k].Start >= s.End })
	// entities are sorted by start; look back over those starting before s ends
	for j := i - 1; j >= 0 && j >= i-16; j-- {
		if es[j].Span.Overlaps(s) {
			return true
		}
	}
	return false
}

// pronounAntecedent finds the nearest earlier entity (before index ei, in
// sentence si or the two before) that the pronoun can refer to.
func (r *resolver) pronounAntecedent(w string, ei, si int) int {
	back := 2
	if plural[w] {
		back = 1
	}
	// In the pronoun's own sentence the subject is preferred, the first
	// mention that fits ("Mali's junta has turned to Russia since it
	// expelled ..."); before it, the nearest.
	// The clause starts after the last ";", ":" or dash before the
	// pronoun ("Russian Drones Hit Kharkiv; Ukraine Says It Downed 31").
	clause := r.doc.Sentences[si].Start
	if pt := r.tokenAt(r.doc.Entities[max(ei-1, 0)].Start); ei > 0 && pt >= 0 {
		for k := r.doc.Sentences[si].First; k < r.doc.Sentences[si].Last && k < len(r.doc.Tokens); k++ {
			t := r.doc.Tokens[k]
			if t.Start >= r.pronounAt {
				break
			}
			if t.Text == ";" || t.Text == ":" || t.Text == "--" || t.Text == "—" {
				clause = t.End
			}
		}
	}
	if neuter[w] && r.thingSubject(si) {
		// "The convoy was carrying supplies when it was hit": the
		// sentence's subject is a thing no actor names, and "it" is that
		return -1
	}
	for j := ei - 1; j >= 0 && r.sent[j] == si; j-- {
		if k := r.fits(w, j); k >= 0 {
			for j2 := 0; j2 < j; j2++ {
				if r.sent[j2] == si && r.doc.Entities[j2].Start >= clause && r.fits(w, j2) >= 0 && !r.possessor(j2) {
					return j2
				}
			}
			return k
		}
	}
	// "The army said it had killed dozens": a generic actor that is the
	// subject of the pronoun's own sentence, right before a reporting
	// verb, is what the pronoun refers to
	for j := ei - 1; j >= 0 && r.sent[j] == si; j-- {
		if r.doc.Entities[j].Start < clause || !r.saysNext(j) {
			continue
		}
		if a := r.doc.Entities[j].Antecedent; a != nil && *a >= 0 && *a < j && r.fits(w, *a) >= 0 {
			return *a // "the army", already the "Sudanese army" named before
		}
		if r.fitsGeneric(w, j) {
			return j
		}
	}
	for j := ei - 1; j >= 0 && si-r.sent[j] <= back; j-- {
		if r.sent[j] == si {
			continue
		}
		if k := r.fits(w, j); k >= 0 {
			return k
		}
	}
	return -1
}

// thingSubject reports whether sentence si opens with "the" and a
// lower-case noun that no entity covers, before the pronoun being
// resolved: a thing ("The convoy", "The ship") the pronoun most likely
// stands for.
func (r *resolver) thingSubject(si int) bool {
	s := r.doc.Sentences[si]
	if s.Last-s.First < 3 {
		return false
	}
	t0, t1 := r.doc.Tokens[s.First], r.doc.Tokens[s.First+1]
	tagged := t1.UPOS != ""
	if t0.Text != "The" || t1.Start >= r.pronounAt || tagged && (t1.UPOS != "NOUN" || t1.XPOS == "NNS") || t1.Text == "" || t1.Text[0] < 'a' || t1.Text[0] > 'z' || r.covered(t1.Span) {
		return false
	}
	// the noun is the subject: a verb follows within a few words
	for k := s.First + 2; k < s.Last && k < s.First+5; k++ {
		t := r.doc.Tokens[k]
		if !tagged {
			// without tags, a form of "be" or "have" right after the noun
			switch t.Text {
			case "was", "is", "were", "had", "has":
				return k == s.First+2
			}
			return false
		}
		switch t.UPOS {
		case "VERB", "AUX":
			return true
		case "NOUN", "ADJ", "ADP", "DET", "PROPN", "NUM":
			continue
		}
		return false
	}
	return false
}

// fitsGeneric reports whether generic actor j ("the army", "the
// militia") can be what pronoun w refers to.
func (r *resolver) fitsGeneric(w string, j int) bool {
	a := r.actor(j)
	return a != nil && generic(a) && r.doc.Entities[j].Antecedent == nil && !personal[w] && r.agrees(w, j, a)
}

// saysNext reports whether a reporting verb follows entity j.
func (r *resolver) saysNext(j int) bool {
	te := r.tokenAt(r.doc.Entities[j].End - 1)
	if te < 0 || te+1 >= len(r.doc.Tokens) {
		return false
	}
	switch strings.ToLower(r.doc.Tokens[te+1].Text) {
	case "said", "says", "claimed", "claims", "announced", "stated", "added", "reported", "insisted", "admitted", "acknowledged":
		return true
	}
	return false
}

// possessor reports whether entity j is followed by "'s": it modifies the
// subject rather than being it ("Yemen's Houthi movement").
func (r *resolver) possessor(j int) bool {
	te := r.tokenAt(r.doc.Entities[j].End - 1)
	return te >= 0 && te+1 < len(r.doc.Tokens) && (r.doc.Tokens[te+1].Text == "'s" || r.doc.Tokens[te+1].Text == "'")
}

// fits returns j when entity j can be what pronoun w refers to, or -1.
func (r *resolver) fits(w string, j int) int {
	e := &r.doc.Entities[j]
	a := r.actor(j)
	if a == nil || e.Antecedent != nil && e.Source == "coref" || generic(a) || !r.agrees(w, j, a) {
		return -1
	}
	return j
}

// agrees reports whether pronoun w agrees with entity j, actor a: "he"
// with a person, "they" with a group, "it" with a single body.
func (r *resolver) agrees(w string, j int, a *sitrep.Actor) bool {
	switch {
	case personal[w]:
		return a.Kind == sitrep.ActorPerson
	case plural[w]:
		return r.isPlural(j, a)
	case neuter[w]:
		return a.Kind != sitrep.ActorPerson && !r.isPlural(j, a) && r.doc.Entities[j].Kind != sitrep.KindNORP
	}
	return false
}

// isPlural reports whether entity j names a group of people: a split
// compound, a coordination, or a plural agent noun.
func (r *resolver) isPlural(j int, a *sitrep.Actor) bool {
	e := &r.doc.Entities[j]
	if len(r.group(j)) > 1 || a.Kind == sitrep.ActorPerson {
		return len(r.group(j)) > 1
	}
	t := strings.TrimSpace(e.Text)
	if e.Kind == sitrep.KindOrg && e.Source == "actor" {
		// a phrase the actor stage composed around a plural noun: "the
		// embassies of Western countries", "Houthi forces"
		head, _, _ := strings.Cut(t, " of ")
		head = head[strings.LastIndexByte(head, ' ')+1:]
		return pluralNoun(head)
	}
	if e.Kind != sitrep.KindPerson && e.Kind != sitrep.KindNORP {
		return false
	}
	return strings.HasSuffix(t, "s") || strings.Contains(t, " and ")
}

// pluralNoun reports whether a lower-case word looks like a plural noun
// ("embassies", "forces", "militias"; not "press", "'s", "news").
func pluralNoun(w string) bool {
	if w == "" || w[0] < 'a' || w[0] > 'z' || len(w) < 4 {
		return false
	}
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") &&
		!strings.HasSuffix(w, "is") && w != "news"
}

// capital finds the city an earlier sentence named as a capital ("the
// Libyan capital Tripoli", "the capital, Tripoli", "Tripoli, the capital").
func (r *resolver) capital(ei, si int) int {
	doc := r.doc
	for j := ei - 1; j >= 0; j-- {
		e := &doc.Entities[j]
		if e.Kind != sitrep.KindGPE {
			continue
		}
		ti := r.tokenAt(e.Start)
		if ti < 0 {
			continue
		}
		prev := func(k int) string {
			if k < 0 {
				return ""
			}
			return strings.ToLower(doc.Tokens[k].Text)
		}
		if prev(ti-1) == "capital" || prev(ti-1) == "," && prev(ti-2) == "capital" {
			return j
		}
		te := r.tokenAt(e.End - 1)
		if te >= 0 && te+3 < len(doc.Tokens) && doc.Tokens[te+1].Text == "," && strings.EqualFold(doc.Tokens[te+2].Text, "the") && strings.EqualFold(doc.Tokens[te+3].Text, "capital") {
			return j
		}
	}
	return -1
}

// merge adds entities whose Antecedent indexes the current list, keeping
// the list sorted by start and remapping every Antecedent.
func merge(doc *sitrep.Document, adds []sitrep.Entity) {
	old := doc.Entities
	slices.SortStableFunc(adds, func(a, b sitrep.Entity) int { return a.Start - b.Start })
	out := make([]sitrep.Entity, 0, len(old)+len(adds))
	remap := make([]int, len(old))
	i, j := 0, 0
	for i < len(old) || j < len(adds) {
		if j >= len(adds) || i < len(old) && old[i].Start <= adds[j].Start {
			remap[i] = len(out)
			out = append(out, old[i])
			i++
			continue
		}
		out = append(out, adds[j])
		j++
	}
	for k := range out {
		if a := out[k].Antecedent; a != nil && *a >= 0 && *a < len(remap) {
			v := remap[*a]
			out[k].Antecedent = &v
		}
	}
	doc.Entities = out
}
