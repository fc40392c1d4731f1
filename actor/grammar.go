package actor

import (
	"slices"
	"strings"

	"github.com/sitrep/sitrep"
)

// The composition grammar works on the dictionary matches of one sentence
// (items), in order:
//
//	BASES AGENTS           "Russian and Syrian mercenary fighters" → RUS.MERC, SYR.MERC
//	BASE 's AGENTS         "Mali's army" → MLI.MIL
//	AGENTS of|from BASES   "the foreign ministers of Egypt and Qatar" → EGY.FM, QAT.FM
//	AGENTS loyal to BASE   "forces loyal to Khalifa Haftar"
//	[BASE] TITLE NAME      "LNA spokesman Ahmed Mismari" → a person, spokesman of LBY-LNA
//	NAME, [BASE 's] TITLE  "Salem Alaywan, Bani Walid's mayor" → a person, mayor of Bani Walid
//	TITLE ..., NAME        "the U.N. envoy for Yemen, Hans Grundberg"
//
// BASES is a coordination of states, blocs and organisations joined by
// "and", "or" and commas; each gets its own composed actor and all share
// the span. Whatever does not compose stands alone: a state name, a
// demonym (Russia the state, never its government), an organisation, a
// person, a generic agent.

// item is a dictionary match in a sentence: words [w0, w1).
type item struct {
	w0, w1 int
	s      sense
	e      *Entry
	a      *Agent
	// local is the actor id of a match from the document's own registries
	// (a surname or an acronym met earlier).
	local string
	lkind sitrep.EntityKind
}

func (it *item) isBase() bool {
	switch it.s.kind {
	case sDemonym:
		return true
	case sName:
		if it.e != nil {
			return it.e.Kind != sitrep.ActorPerson
		}
	}
	return it.local != "" && it.lkind == sitrep.KindOrg
}

func (it *item) isAgent() bool { return it.s.kind == sAgent || it.s.kind == sModifier }

func (it *item) isPerson() bool {
	if it.local != "" {
		return it.lkind == sitrep.KindPerson
	}
	return it.s.kind == sName && it.e.Kind == sitrep.ActorPerson
}

// sensePriority orders the meanings of one pattern: a name beats an agent,
// an agent beats a composition ("foreign ministers" is FM, not foreign
// ministers), and a capital is the weakest reading.
var sensePriority = [...]int{sName: 0, sAgent: 1, sComposed: 2, sDemonym: 3, sPeople: 4, sModifier: 5, sCapital: 6}

// sentence finds the actor mentions of sentence si.
func (st *state) sentence(si int) {
	s := st.doc.Sentences[si]
	if s.Last <= s.First {
		return
	}
	m := st.d.m
	st.words, st.ids = docWords(st.words[:0], st.ids[:0], m, st.doc, s.First, s.Last)
	st.hits = m.scan(st.hits[:0], st.ids)
	st.items = st.items[:0]
	for _, h := range st.hits {
		it, ok := st.choose(h)
		if ok {
			st.items = append(st.items, it)
		}
	}
	// leftmost-longest, non-overlapping
	slices.SortFunc(st.items, func(a, b item) int {
		if a.w0 != b.w0 {
			return a.w0 - b.w0
		}
		return (b.w1 - b.w0) - (a.w1 - a.w0)
	})
	out := st.items[:0]
	end := 0
	for _, it := range st.items {
		if it.w0 >= end {
			out = append(out, it)
			end = it.w1
		}
	}
	out = st.dropNamePieces(out)
	st.items = st.orgItems(st.registryItems(out))
	g := grammar{st: st, ws: st.words, items: st.items}
	g.run()
}

// dropNamePieces drops the capitals that are a piece of a longer name
// joined by a lower-case particle ("Praia" of "Mocimboa da Praia", "Quds"
// of "Saraya al-Quds"): a town or a group named so is not the capital's
// government, and the capital is no place of the text either.
func (st *state) dropNamePieces(items []item) []item {
	ws := st.words
	out := items[:0]
	for _, it := range items {
		if it.s.kind == sCapital && (it.w0 >= 2 && namePiece(&ws[it.w0-1], &ws[it.w0-2]) ||
			it.w1+1 < len(ws) && namePiece(&ws[it.w1], &ws[it.w1+1])) {
			continue
		}
		out = append(out, it)
	}
	return out
}

// namePiece reports whether word p is a lower-case particle that joins
// the capitalised word o into one name with the words on p's other side.
func namePiece(p, o *word) bool {
	return p.cap == capFree && nameParticles[p.key] && o.cap != capFree
}

// nameParticles join the capitalised words of one place or group name in
// lower case ("Mocimboa da Praia", "Ciudad del Este", "Ras al-Ain").
var nameParticles = map[string]bool{"da": true, "de": true, "do": true, "dos": true, "das": true, "del": true,
	"della": true, "di": true, "du": true, "des": true, "la": true, "el": true, "al": true, "bin": true, "ibn": true}

// choose picks the meaning of a hit that the text's case and the
// publication date allow.
func (st *state) choose(h hit) (item, bool) {
	ws := st.words[h.start:h.end]
	best := -1
	senses := st.d.m.senses(h.pattern)
	for i := range senses {
		s := &senses[i]
		if !capsOK(s, ws) {
			continue
		}
		if s.entry >= 0 && !st.d.entries[s.entry].ValidAt(st.date) {
			continue
		}
		if best < 0 || sensePriority[s.kind] < sensePriority[senses[best].kind] {
			best = i
		}
	}
	if best < 0 {
		return item{}, false
	}
	s := senses[best]
	it := item{w0: h.start, w1: h.end, s: s}
	if s.entry >= 0 {
		it.e = &st.d.entries[s.entry]
	}
	if s.agent >= 0 {
		it.a = &st.d.agents[s.agent]
	}
	return it, true
}

// coveredBuf returns the words covered by items, in a reused buffer.
func (st *state) coveredBuf(items []item) []bool {
	c := st.covBuf[:0]
	for range st.words {
		c = append(c, false)
	}
	for _, it := range items {
		for w := it.w0; w < it.w1; w++ {
			c[w] = true
		}
	}
	st.covBuf = c
	return c
}

// registryItems adds matches of names the document defined earlier in
// words no dictionary match covers.
func (st *state) registryItems(items []item) []item {
	if len(st.registry) == 0 {
		return items
	}
	covered := st.coveredBuf(items)
	for _, it := range items {
		for w := it.w0; w < it.w1; w++ {
			covered[w] = true
		}
	}
	added := false
	for w := 0; w < len(st.words); w++ {
		wd := &st.words[w]
		if covered[w] || wd.cap == capFree {
			continue
		}
		best := -1
		var entries = st.registry[wd.key]
		for i, r := range entries {
			n := len(r.words)
			if w+n > len(st.words) || (best >= 0 && n <= len(entries[best].words)) {
				continue
			}
			ok := true
			for k := 0; k < n; k++ {
				if covered[w+k] || st.words[w+k].key != r.words[k] {
					ok = false
					break
				}
			}
			if ok && n == 1 && r.kind == sitrep.KindOrg && wd.cap != capAll && len(wd.key) <= 5 {
				ok = false // an acronym must be written in capitals
			}
			if ok {
				best = i
			}
		}
		if best < 0 {
			continue
		}
		r := entries[best]
		items = append(items, item{w0: w, w1: w + len(r.words), local: r.id, lkind: r.kind, s: sense{kind: sName}})
		w += len(r.words) - 1
		added = true
	}
	if added {
		slices.SortFunc(items, func(a, b item) int { return a.w0 - b.w0 })
	}
	return items
}

// grammar composes the items of one sentence into mentions.
type grammar struct {
	st    *state
	ws    []word
	items []item
	// done marks items already used by a composition.
	done []bool
	// cover gives, for each word, the index of the item covering it, or -1.
	cover []int32
}

func (g *grammar) key(w int) string {
	if w < 0 || w >= len(g.ws) {
		return ""
	}
	return g.ws[w].key
}

func (g *grammar) span(w0, w1 int) sitrep.Span {
	return sitrep.Span{Start: g.ws[w0].span.Start, End: g.ws[w1-1].span.End}
}

func (g *grammar) text(w0, w1 int) string { return g.st.doc.Slice(g.span(w0, w1)) }

// itemAt returns the index of the item starting at word w, or -1.
func (g *grammar) itemAt(w int) int {
	if w < 0 || w >= len(g.cover) {
		return -1
	}
	if i := g.cover[w]; i >= 0 && g.items[i].w0 == w {
		return int(i)
	}
	return -1
}

// connectors join coordinated bases.
var connectors = map[string]bool{"and": true, ",": true, "or": true, "&": true}

// determiners before a weak agent form make it a mention ("the group").
var determiners = map[string]bool{"the": true, "this": true, "that": true, "these": true, "those": true,
	"its": true, "their": true, "his": true, "her": true, "our": true, "both": true}

// weakForms stand alone only after a determiner: "the movement", but not
// "freedom of movement".
var weakForms = map[string]bool{"group": true, "groups": true, "movement": true, "organisation": true,
	"organization": true, "faction": true, "factions": true, "network": true, "cell": true, "cells": true,
	"people": true, "men": true, "women": true, "children": true, "families": true, "public": true,
	"population": true, "command": true, "units": true, "mission": true, "head": true, "chief": true,
	"member": true, "members": true, "school": true, "schools": true, "church": true, "mosque": true,
	"hospital": true, "hospitals": true, "aircraft": true, "missiles": true, "media": true, "press": true,
	"television": true, "radio": true, "company": true, "firm": true, "community": true, "communities": true,
	"leadership": true, "presidency": true, "division": true, "divisions": true, "resistance": true,
	"court": true, "courts": true, "department": true, "drone": true, "supporters": true, "secretary": true,
	"representative": true, "representatives": true, "director": true, "agents": true, "command's": true,
	"university": true, "universities": true, "party": true, "parties": true, "coalition": true,
	"citizens": true, "nationals": true, "ally": true, "allies": true, "backers": true, "leader": true,
	"leaders": true, "officer": true, "officers": true, "general": true, "major": true, "captain": true,
	"lieutenant": true, "marshal": true, "brigade": true, "battalion": true, "regiment": true,
	"tanks": true, "artillery": true, "jets": true, "helicopters": true, "navy": true, "mob": true,
	"security service": true, "intelligence": true, "ministry": true, "ministries": true, "minister": true,
	"ministers": true, "embassy": true, "delegation": true, "delegations": true, "chairman": true,
	"chair": true, "clan": true, "clans": true, "tribe": true, "tribes": true, "monitors": true,
	"administration": true, "cabinet": true, "contractors": true, "pilots": true,
	"adviser": true, "advisers": true, "aide": true, "aides": true, "boss": true, "founder": true,
	"force": true, "supporter": true, "sponsor": true, "patron": true, "patrons": true}

// notNames are capitalised words that do not start or continue a name.
var notNames = map[string]bool{"the": true, "a": true, "an": true, "in": true, "on": true, "at": true,
	"but": true, "and": true, "or": true, "he": true, "she": true, "they": true, "it": true, "we": true,
	"i": true, "his": true, "her": true, "their": true, "its": true, "this": true, "that": true,
	"these": true, "those": true, "there": true, "after": true, "before": true, "when": true, "while": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "said": true,
	"according": true, "meanwhile": true, "however": true, "also": true, "last": true, "next": true,
	"for": true, "from": true, "to": true, "of": true, "with": true, "by": true, "as": true, "if": true,
	"read": true, "share": true, "photo": true, "reporting": true, "editing": true, "so": true,
	"who": true, "what": true, "where": true, "why": true, "how": true, "not": true, "no": true,
	"yes": true, "mr": true, "mrs": true, "ms": true, "dr": true, "today": true, "yesterday": true,
	"tomorrow": true, "although": true, "since": true, "until": true, "during": true, "despite": true,
	"sheikh": false}

// particles continue a name in lower case ("Mohammed bin Salman").
var particles = map[string]bool{"al": true, "bin": true, "ibn": true, "abu": true, "el": true,
	"ould": true, "ag": true, "de": true, "da": true, "van": true, "von": true, "der": true, "ben": true,
	"abd": true, "ad": true, "as": false, "ul": true, "ur": true, "bint": true, "wad": true}

// honorifics precede a person's name without giving a role.
var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "sheikh": true,
	"prof": true, "professor": true, "sir": true, "dame": true, "lord": true, "madam": true, "mullah": true,
	"imam": true, "ayatollah": true, "rev": true, "father": true, "hon": true}

// verbs after a capital or a bare demonym noun make it an actor ("Moscow
// denies"): a short list of reporting and political verbs.
var actorVerbs = map[string]bool{"said": true, "says": true, "say": true, "told": true, "has": true,
	"have": true, "had": true, "is": true, "was": true, "will": true, "would": true, "could": true,
	"can": true, "did": true, "does": true, "denied": true, "denies": true, "deny": true, "accused": true,
	"accuses": true, "warned": true, "warns": true, "announced": true, "announces": true,
	"condemned": true, "condemns": true, "rejected": true, "rejects": true, "demanded": true,
	"demands": true, "urged": true, "urges": true, "called": true, "calls": true, "insisted": true,
	"responded": true, "retaliated": true, "threatened": true, "threatens": true, "vowed": true,
	"vows": true, "agreed": true, "agrees": true, "signed": true, "sent": true, "sends": true,
	"launched": true, "backed": true, "backs": true, "supports": true, "supported": true,
	"expelled": true, "recalled": true, "summoned": true, "imposed": true, "imposes": true,
	"claimed": true, "claims": true, "blamed": true, "blames": true, "wants": true, "wanted": true,
	"insists": true, "hopes": true, "fears": true, "plans": true, "planned": true, "seeks": true,
	"sought": true, "refused": true, "refuses": true, "ordered": true, "orders": true, "struck": true,
	"strikes": true, "hit": true, "attacked": true, "attacks": true, "deployed": true, "deploys": true,
	"responds": true, "welcomed": true, "welcomes": true, "approved": true, "approves": true,
	"must": true, "should": true, "may": true, "might": true, "are": true, "were": true,
	"uses": true, "used": true, "controls": true, "holds": true, "remains": true, "continues": true,
	"operates": true, "fights": true, "launches": true, "gets": true, "receives": true, "seized": true,
	"took": true, "takes": true, "killed": true, "kills": true, "arrested": true,
	"captured": true, "captures": true, "retreated": true, "withdrew": true, "withdraws": true,
	"advanced": true, "advances": true, "shelled": true, "shells": true, "fired": true, "fires": true,
	"reported": true, "reports": true, "confirmed": true, "confirms": true, "stated": true, "states": true,
	"added": true, "adds": true, "noted": true, "notes": true, "met": true, "meets": true}

// functionWords are never the noun an agent word would modify.
var functionWords = map[string]bool{"and": true, "or": true, "of": true, "in": true, "on": true,
	"at": true, "to": true, "from": true, "with": true, "by": true, "for": true, "that": true, "who": true,
	"which": true, "as": true, "than": true, "but": true, "into": true, "over": true, "near": true,
	"after": true, "before": true, "since": true, "during": true, "against": true, "loyal": true,
	"also": true, "still": true, "reportedly": true, "allegedly": true, "now": true, "then": true,
	"later": true, "there": true, "here": true, "had": true, "have": true, "has": true, "be": true,
	"been": true, "being": true, "not": true, "they": true, "it": true, "he": true, "she": true,
	"we": true, "the": true, "a": true, "an": true, "across": true, "around": true, "under": true,
	"inside": true, "outside": true, "along": true, "behind": true, "through": true, "toward": true,
	"towards": true, "said": true, "say": true, "says": true, "told": true, "known": true, "based": true,
	"stationed": true, "deployed": true, "fighting": true, "backed": true, "led": true, "linked": true,
	"allied": true, "aligned": true, "affiliated": true, "belonging": true, "including": true,
	"such": true, "like": true, "themselves": true, "itself": true, "alone": true, "together": true,
	"both": true, "all": true, "each": true, "only": true, "again": true, "too": true, "were": true,
	"was": true, "are": true, "is": true, "will": true, "would": true, "could": true, "can": true,
	"may": true, "might": true, "must": true, "should": true, "did": true, "do": true, "does": true}

func (g *grammar) run() {
	g.done = g.st.doneBuf[:0]
	for range g.items {
		g.done = append(g.done, false)
	}
	g.st.doneBuf = g.done
	g.cover = g.st.coverBuf[:0]
	for range g.ws {
		g.cover = append(g.cover, -1)
	}
	for i, it := range g.items {
		for w := it.w0; w < it.w1; w++ {
			g.cover[w] = int32(i)
		}
	}
	g.st.coverBuf = g.cover
	g.appositionNames()
	for i := 0; i < len(g.items); i++ {
		if g.done[i] {
			continue
		}
		it := &g.items[i]
		switch {
		case it.isBase() || it.s.kind == sComposed:
			i = g.bases(i)
		case it.isAgent():
			i = g.agentFirst(i, nil, -1)
		default:
			g.lone(i)
		}
	}
}

// baseList returns the last item index of a coordination of bases starting
// at item i.
func (g *grammar) baseList(i int) int {
	j := i
	for j+1 < len(g.items) && g.items[j].s.kind != sComposed {
		nx := &g.items[j+1]
		if g.done[j+1] || !(nx.isBase() || nx.s.kind == sComposed) {
			break
		}
		gap := nx.w0 - g.items[j].w1
		if gap < 1 || gap > 2 {
			break
		}
		ok := true
		for w := g.items[j].w1; w < nx.w0; w++ {
			if !connectors[g.key(w)] {
				ok = false
			}
		}
		if !ok {
			break
		}
		// "Russia and Turkey" joins; a piece of "Turkey-backed" does not.
		if g.ws[nx.w0].piece == 1 || g.ws[g.items[j].w1-1].piece == 1 {
			break
		}
		j++
	}
	return j
}

// agentPhrase returns the last item index of a run of adjacent agent items
// starting at item i, or i-1 when item i is not an agent.
func (g *grammar) agentPhrase(i int) int {
	j := i - 1
	for k := i; k < len(g.items) && !g.done[k] && g.items[k].isAgent(); k++ {
		if k > i && g.items[k].w0 != g.items[k-1].w1 {
			break
		}
		j = k
	}
	return j
}

// headAgent picks the agent of an agent phrase: a title at its end wins
// ("military spokesman"), otherwise the most specific agent ("mercenary
// fighters" are mercenaries).
func (g *grammar) headAgent(from, to int) (*Agent, bool) {
	last := &g.items[to]
	if last.a.Title {
		return last.a, last.s.member
	}
	best := last.a
	for k := from; k < to; k++ {
		if a := g.items[k].a; a.Rank > best.Rank {
			best = a
		}
	}
	return best, last.s.member || last.a != best && len(last.a.Forms) == 0
}

// bases handles a coordination of bases and what follows it. It returns
// the index of the last item used.
func (g *grammar) bases(i int) int {
	j := g.baseList(i)
	list := make([]int, 0, j-i+1)
	for k := i; k <= j; k++ {
		list = append(list, k)
	}
	last := &g.items[j]
	var ag *Agent
	member := false
	end := j
	phraseEnd := last.w1
	if last.s.kind == sComposed {
		ag, member = last.a, last.s.member
		// a composed item may be followed by more agent words: "Syrian
		// mercenary fighters" matched as "Syrian mercenary" + "fighters".
		if p := g.agentPhrase(j + 1); p > j && g.items[j+1].w0 == last.w1 {
			a2, m2 := g.headAgent(j+1, p)
			if a2.Title || a2.Rank > ag.Rank {
				ag = a2
			}
			member = member || m2
			end, phraseEnd = p, g.items[p].w1
		}
	} else if j+1 < len(g.items) {
		nx := j + 1
		// "Rapid Support Forces (RSF) fighters": the acronym stands
		// between the base and its agent
		if g.key(last.w1) == "(" && g.key(last.w1+2) == ")" && nx+1 < len(g.items) && g.items[nx].w0 == last.w1+1 && sameActor(last, &g.items[nx]) {
			ab := &g.items[nx]
			g.done[nx] = true
			g.mention(ab.w0, ab.w1, g.baseKind(ab), g.baseActor(ab), 0)
			nx++
			last = &item{w0: last.w0, w1: ab.w1 + 1, s: last.s, e: last.e, local: last.local, lkind: last.lkind}
		}
		gap := g.items[nx].w0 - last.w1
		poss := gap == 1 && g.key(last.w1) == "'s" && len(list) == 1
		if gap == 0 || poss {
			if p := g.agentPhrase(nx); p >= nx && !g.adjectival(g.items[p].w1) {
				ag, member = g.headAgent(nx, p)
				end, phraseEnd = p, g.items[p].w1
			}
		}
	}
	if ag == nil {
		for _, k := range list {
			g.lone(k)
		}
		return j
	}
	for k := i; k <= end; k++ {
		g.done[k] = true
	}
	start := g.items[i].w0
	// A title followed by a name makes a person: "LNA spokesman Ahmed Mismari".
	if ag.Title && len(list) == 1 {
		if pe := g.personAfter(phraseEnd); pe.ok {
			base := g.items[list[0]]
			id := g.baseActor(&base)
			if base.s.kind == sName || base.local != "" {
				g.mention(base.w0, base.w1, g.baseKind(&base), id, 0)
			}
			g.person(pe, sitrep.Role{Title: g.titleText(&base, phraseEnd), Of: id}, g.st.actor(id))
			return pe.lastItem(end)
		}
	}
	kind := sitrep.KindOrg
	if member {
		kind = sitrep.KindPerson
	}
	grp := 0
	if len(list) > 1 {
		g.st.groups++
		grp = g.st.groups
	}
	for _, k := range list {
		b := &g.items[k]
		id := g.compose(b, ag)
		g.mention(start, phraseEnd, kind, id, grp)
		if grp != 0 {
			g.nestedBase(b)
		}
	}
	// an apposition may name the title holder: "the U.N. envoy for
	// Yemen, Hans Grundberg"
	if ag.Title && len(list) == 1 {
		if pe, ok := g.appositionAfter(phraseEnd); ok {
			id := g.baseActor(&g.items[list[0]])
			g.person(pe, sitrep.Role{Title: strings.ToLower(ag.Name), Of: id}, g.st.actor(id))
			return pe.lastItem(end)
		}
	}
	return end
}

// nestedBase records the base of one part of a split compound as a mention
// of its own, inside the compound's span: "Kenya" (KEN) and "Ethiopia"
// (ETH) in "the foreign ministers of Kenya and Ethiopia", as an NER would
// mark them, so that a reader of one name finds its own actor.
func (g *grammar) nestedBase(b *item) {
	if b.s.kind == sComposed {
		return // "Syrian mercenary": the base is inside a composed match
	}
	g.mention(b.w0, b.w1, g.baseKind(b), g.baseActor(b), 0)
}

// sameActor reports whether two name items name one actor.
func sameActor(a, b *item) bool {
	if a.local != "" || b.local != "" {
		return a.local == b.local
	}
	return a.e != nil && a.e == b.e && a.s.kind == sName && b.s.kind == sName
}

// compose adds the actor a base item and an agent make, and the base
// itself (the composed actor's parent), and returns the composed id.
func (g *grammar) compose(b *item, ag *Agent) string {
	g.baseActor(b)
	return g.st.addActor(g.st.d.Compose(g.baseEntry(b), ag))
}

// titleText is the title as written between a base and a name, lower-cased
// ("spokesman", "foreign minister").
func (g *grammar) titleText(base *item, end int) string {
	from := base.w1
	if base.s.kind == sComposed {
		from = base.w0 + int(base.s.agentAt)
	}
	if g.key(from) == "'s" {
		from++
	}
	if from >= end {
		return ""
	}
	return strings.ToLower(g.text(from, end))
}

// baseEntry returns the dictionary entry of a base item; local bases (an
// organisation defined in the text) get a transient entry.
func (g *grammar) baseEntry(it *item) *Entry {
	if it.e != nil {
		return it.e
	}
	a := g.st.actor(it.local)
	if a == nil {
		return &Entry{Actor: sitrep.Actor{ID: it.local, Name: g.text(it.w0, it.w1), Kind: sitrep.ActorUnknown}}
	}
	return &Entry{Actor: *a}
}

// baseActor adds the actor a base item names and returns its id.
func (g *grammar) baseActor(it *item) string {
	if it.local != "" {
		return it.local
	}
	return g.st.entryActor(it.e)
}

func (g *grammar) baseKind(it *item) sitrep.EntityKind {
	if it.local != "" {
		return it.lkind
	}
	return entryKind(it.e, it.s.kind)
}

// entryKind is the entity kind of a dictionary match.
func entryKind(e *Entry, k senseKind) sitrep.EntityKind {
	switch k {
	case sDemonym, sPeople:
		return sitrep.KindNORP
	case sCapital:
		return sitrep.KindGPE
	}
	switch {
	case e.Bloc:
		return sitrep.KindNORP
	case e.Kind == sitrep.ActorState:
		return sitrep.KindGPE
	case e.Kind == sitrep.ActorPerson:
		return sitrep.KindPerson
	}
	return sitrep.KindOrg
}

// mention records a mention of words [w0, w1).
func (g *grammar) mention(w0, w1 int, kind sitrep.EntityKind, id string, grp int) {
	g.st.add(mention{span: g.span(w0, w1), kind: kind, actor: id, group: grp})
}

// agentFirst handles an agent phrase that no base precedes. It returns
// the index of the last item used.
func (g *grammar) agentFirst(i int, _ *item, _ int) int {
	p := g.agentPhrase(i)
	ag, member := g.headAgent(i, p)
	w0, w1 := g.items[i].w0, g.items[p].w1
	for k := i; k <= p; k++ {
		g.done[k] = true
	}
	kind := sitrep.KindOrg
	if member {
		kind = sitrep.KindPerson
	}
	// AGENTS of|from|for [the] BASES
	w := w1
	if prep := g.key(w); prep == "of" || prep == "from" || prep == "for" {
		w++
		if g.key(w) == "the" {
			w++
		}
		if k := g.itemAt(w); k >= 0 && !g.done[k] && g.items[k].isBase() {
			j := g.baseList(k)
			if g.items[j].s.kind != sComposed {
				grp := 0
				if j > k {
					g.st.groups++
					grp = g.st.groups
				}
				end := g.items[j].w1
				var id string
				for b := k; b <= j; b++ {
					g.done[b] = true
					id = g.compose(&g.items[b], ag)
					g.mention(w0, end, kind, id, grp)
					if grp != 0 {
						g.nestedBase(&g.items[b])
					}
				}
				if ag.Title && j == k {
					if pe, ok := g.appositionAfter(end); ok {
						bid := g.baseActor(&g.items[k])
						g.person(pe, sitrep.Role{Title: strings.ToLower(g.text(w0, w1)), Of: bid}, g.st.actor(bid))
						return pe.lastItem(j)
					}
				}
				return j
			}
		}
	}
	// AGENTS loyal to BASE|PERSON
	if g.key(w1) == "loyal" && g.key(w1+1) == "to" {
		w := w1 + 2
		for g.key(w) == "the" || (g.ws[min(w, len(g.ws)-1)].cap == capFree && w < len(g.ws) && !connectors[g.key(w)] && g.itemAt(w) < 0 && w < w1+5) {
			w++
		}
		var id string
		last := -1
		if k := g.itemAt(w); k >= 0 && !g.done[k] && g.items[k].isAgent() {
			// "loyal to strongman Khalifa Haftar"
			tp := g.agentPhrase(k)
			if ta, _ := g.headAgent(k, tp); ta.Title {
				if pe := g.personAfter(g.items[tp].w1); pe.ok {
					for x := k; x <= tp; x++ {
						g.done[x] = true
					}
					id = g.person(pe, sitrep.Role{Title: strings.ToLower(g.text(g.items[k].w0, g.items[tp].w1))}, nil)
					last = pe.lastItem(tp)
				}
			}
		} else if k >= 0 && !g.done[k] && (g.items[k].isBase() || g.items[k].isPerson()) {
			it := &g.items[k]
			if it.isPerson() {
				id = g.person(personSpan{ok: true, w0: it.w0, w1: it.w1, item: k}, sitrep.Role{}, nil)
			} else {
				g.done[k] = true
				id = g.baseActor(it)
				g.mention(it.w0, it.w1, g.baseKind(it), id, 0)
			}
			last = k
		}
		if id != "" {
			to := g.st.actor(id)
			a := g.st.d.Compose(&Entry{Actor: *to}, ag)
			head := ag.Name
			if ag.Code == "MIL" {
				head = "forces" // "military loyal to" is not English
			}
			a.Name = head + " loyal to " + to.Name
			a.Kind, a.Sector = ag.Kind, ag.Sector
			if a.Kind == sitrep.ActorUnknown || a.Kind == "" {
				a.Kind, a.Sector = sitrep.ActorMilitary, "MIL"
			}
			g.mention(w0, w1, kind, g.st.addActor(a), 0)
			return last
		}
	}
	// TITLE NAME, and TITLE [for|of the AGENT], NAME ("its leader,
	// Corneille Nangaa", "a spokesman for the group, Khine Thu Kha")
	if ag.Title {
		if pe := g.personAfter(w1); pe.ok {
			g.person(pe, sitrep.Role{Title: strings.ToLower(g.text(w0, w1))}, nil)
			return pe.lastItem(p)
		}
		at, last := w1, p
		if prep := g.key(w1); (prep == "for" || prep == "of") && determiners[g.key(w1+1)] {
			if k := g.itemAt(w1 + 2); k >= 0 && g.items[k].isAgent() && !g.done[k] {
				at, last = g.items[k].w1, k
			}
		}
		if pe, ok := g.appositionAfter(at); ok {
			for k := p + 1; k <= last; k++ {
				g.done[k] = true
			}
			g.person(pe, sitrep.Role{Title: strings.ToLower(g.text(w0, w1))}, nil)
			return pe.lastItem(last)
		}
	}
	if (w1-w0 == 1 && !g.standsAlone(w0)) || g.adjectival(w1) {
		return p
	}
	g.mention(w0, w1, kind, g.st.addActor(g.st.d.Compose(nil, ag)), 0)
	return p
}

// standsAlone reports whether a one-word agent at w is a mention: a weak
// form needs a determiner, and an agent word before a noun is an
// adjective ("military planes", "police station").
func (g *grammar) standsAlone(w int) bool {
	k := g.key(w)
	if weakForms[k] && !determiners[g.key(w-1)] {
		// "the Kurdish-led force": a hyphenated modifier between
		if !(w >= 2 && g.ws[w-1].piece == 3 && g.determinerBeforeToken(w-1)) {
			return false
		}
	}
	if g.ws[w].piece == 1 {
		return false // "government-held"
	}
	return !g.adjectival(w + 1)
}

// determinerBeforeToken reports whether the token holding word w follows a
// determiner.
func (g *grammar) determinerBeforeToken(w int) bool {
	tok := g.ws[w].tok
	for k := w; k >= 0; k-- {
		if g.ws[k].tok != tok {
			return determiners[g.ws[k].key]
		}
	}
	return false
}

// adjectival reports whether the agent words ending before word nx modify
// the noun at nx ("military planes", "air defense systems") rather than
// name an actor.
func (g *grammar) adjectival(nx int) bool {
	if nx >= len(g.ws) || nx == 0 {
		return false
	}
	if g.ws[nx-1].piece == 1 || g.ws[nx-1].piece == 2 {
		return true // "government-held", "army-run"
	}
	if g.ws[nx].piece != 0 && g.ws[nx].piece != 1 {
		return false
	}
	tok := &g.st.doc.Tokens[g.ws[nx-1].tok]
	ntok := &g.st.doc.Tokens[g.ws[nx].tok]
	if ntok.UPOS != "" {
		return ntok.UPOS == "NOUN" && (tok.UPOS == "ADJ" || tok.Rel == "compound" || tok.Rel == "amod")
	}
	nk := g.key(nx)
	if g.ws[nx].cap != capFree || functionWords[nk] || actorVerbs[nk] || len(nk) < 3 {
		return false
	}
	// plural nouns do not modify the next word ("mercenaries flew")
	if k := g.key(nx - 1); strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ss") && k != "forces" {
		return false
	}
	for _, c := range []byte(nk) {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	if strings.HasSuffix(nk, "ed") || strings.HasSuffix(nk, "ly") || strings.HasSuffix(nk, "ing") {
		return false
	}
	return true
}

// lone handles an item that composes with nothing.
func (g *grammar) lone(i int) {
	it := &g.items[i]
	g.done[i] = true
	st := g.st
	switch {
	case it.local != "":
		g.mention(it.w0, it.w1, it.lkind, it.local, 0)
	case it.s.kind == sName && it.e != nil:
		if it.e.Kind == sitrep.ActorPerson {
			pe := personSpan{ok: true, w0: it.w0, w1: it.w1, item: i}
			g.person(pe, sitrep.Role{}, nil)
			return
		}
		g.mention(it.w0, it.w1, entryKind(it.e, sName), st.entryActor(it.e), 0)
	case it.s.kind == sDemonym:
		if it.e.Bloc {
			return // "international pressure", "Western partners": an adjective, no actor
		}
		g.mention(it.w0, it.w1, sitrep.KindNORP, st.entryActor(it.e), 0)
	case it.s.kind == sPeople:
		id := st.entryActor(it.e)
		if ppl, ok := st.d.Agent("PPL"); ok {
			a := st.d.Compose(it.e, &ppl)
			a.Name = g.text(it.w0, it.w1)
			if len(it.e.Peoples) > 0 {
				a.Name = it.e.Peoples[0]
			}
			id = st.addActor(a)
		}
		g.mention(it.w0, it.w1, sitrep.KindNORP, id, 0)
	case it.s.kind == sCapital:
		if g.metonym(it) {
			if gov, ok := st.d.Agent("GOV"); ok {
				g.mention(it.w0, it.w1, sitrep.KindGPE, st.addActor(st.d.Compose(it.e, &gov)), 0)
				return
			}
		}
		g.mention(it.w0, it.w1, sitrep.KindGPE, "", 0)
	case it.s.kind == sComposed:
		kind := sitrep.KindOrg
		if it.s.member {
			kind = sitrep.KindPerson
		}
		st.entryActor(it.e) // the parent is an actor of the document too
		g.mention(it.w0, it.w1, kind, st.addActor(st.d.Compose(it.e, it.a)), 0)
	}
}

// metonym reports whether a capital stands for its government: it is the
// subject of a verb ("Moscow denies", "Washington and London did not")
// rather than a place ("in Moscow", "Tripoli's frontlines").
func (g *grammar) metonym(it *item) bool {
	if it.w0 == 0 && it.w1 < len(g.ws) && (g.key(it.w1) == "," || g.key(it.w1) == "--") && g.ws[it.w0].cap == capAll {
		return false // a dateline: "KYIV, March 23"
	}
	w := it.w1
	if g.key(w) == "and" {
		if k := g.itemAt(w + 1); k >= 0 && g.items[k].s.kind == sCapital {
			w = g.items[k].w1
		}
	}
	if w >= len(g.ws) {
		return false
	}
	if t := &g.st.doc.Tokens[g.ws[w].tok]; t.UPOS != "" {
		return t.UPOS == "VERB" || t.UPOS == "AUX"
	}
	// "Beirut again rejected", "Moscow on Thursday denied"
	for n := 0; n < 3 && w < len(g.ws) && adverbs[g.key(w)]; n++ {
		w++
	}
	return actorVerbs[g.key(w)]
}

// adverbs may stand between a subject and its verb.
var adverbs = map[string]bool{"again": true, "also": true, "still": true, "now": true, "later": true,
	"then": true, "already": true, "repeatedly": true, "swiftly": true, "quickly": true, "immediately": true,
	"officially": true, "publicly": true, "strongly": true, "firmly": true, "formally": true, "on": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "today": true, "yesterday": true}
