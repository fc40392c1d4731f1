package actor

import (
	"slices"
	"strings"

	"github.com/sitrep/sitrep"
)

// Names the dictionary does not know are read from capitalisation and
// context: after a title ("spokesman Ahmed Mismari"), in an apposition
// with a title ("Salem Alaywan, Bani Walid's mayor"), or as an
// organisation that defines its acronym ("Sudan Liberation Movement
// (SLM)") or ends in an organisation word ("... Brigade"). Each becomes an
// actor of its own with a local id, and later mentions by surname or
// acronym resolve to it.

// orgHeads end or contain the names of organisations.
var orgHeads = map[string]bool{"forces": true, "force": true, "army": true, "front": true,
	"movement": true, "brigade": true, "brigades": true, "battalion": true, "regiment": true,
	"party": true, "council": true, "committee": true, "organisation": true, "organization": true,
	"group": true, "company": true, "agency": true, "office": true, "union": true, "league": true,
	"alliance": true, "coalition": true, "corps": true, "guard": true, "guards": true, "division": true,
	"command": true, "mission": true, "commission": true, "authority": true, "ministry": true,
	"institute": true, "network": true, "association": true, "service": true, "services": true,
	"militia": true, "tigers": true, "unit": true, "units": true, "legion": true, "federation": true,
	"foundation": true, "observatory": true, "congress": true, "assembly": true, "court": true,
	"bureau": true, "directorate": true, "department": true, "centre": true, "center": true,
	"watch": true, "international": true, "fund": true, "programme": true, "program": true}

// personSpan is a person's name in a sentence: words [w0, w1), and the
// dictionary or registry item that matched it, or -1.
type personSpan struct {
	ok     bool
	w0, w1 int
	item   int
}

func (p personSpan) lastItem(def int) int { return max(def, p.item) }

// nameEnd returns the end of a run of capitalised words starting at w that
// can be a name (w when there is none); max words at most.
func (g *grammar) nameEnd(w, max int) int {
	end := w
	n := 0
	for k := w; k < len(g.ws) && n < max; k++ {
		wd := &g.ws[k]
		key := wd.key
		if g.itemCovers(k) {
			break
		}
		switch {
		case wd.cap == capUpper || (wd.cap == capAll && len(key) == 1):
			if notNames[key] && k == w {
				return w
			}
			if notNames[key] {
				return end
			}
			end = k + 1
			n++
		case particles[key] && k+1 < len(g.ws) && g.ws[k+1].cap == capUpper:
			n++
		default:
			return end
		}
	}
	return end
}

// itemCovers reports whether a dictionary item other than a person covers
// word w.
func (g *grammar) itemCovers(w int) bool {
	if w < 0 || w >= len(g.cover) || g.cover[w] < 0 {
		return false
	}
	return !g.items[g.cover[w]].isPerson()
}

// personAfter reads a person's name starting at word w: a known person,
// a registered surname, or capitalised words, after any honorific.
func (g *grammar) personAfter(w int) personSpan {
	if honorifics[g.key(w)] {
		w++
	}
	if w >= len(g.ws) {
		return personSpan{}
	}
	if k := g.itemAt(w); k >= 0 {
		if !g.done[k] && g.items[k].isPerson() {
			return personSpan{ok: true, w0: g.items[k].w0, w1: g.items[k].w1, item: k}
		}
		return personSpan{}
	}
	end := g.nameEnd(w, 5)
	if end == w {
		return personSpan{}
	}
	// a name does not end in a piece of a hyphenated word ("Haftar-led")
	if g.ws[end-1].piece == 1 || g.ws[end-1].piece == 2 {
		return personSpan{}
	}
	return personSpan{ok: true, w0: w, w1: end, item: -1}
}

// appositionAfter reads ", NAME" closing with a comma, a full stop, a verb
// or the end of the sentence: "the U.N. envoy for Yemen, Hans Grundberg,".
func (g *grammar) appositionAfter(w int) (personSpan, bool) {
	if g.key(w) != "," {
		return personSpan{}, false
	}
	pe := g.personAfter(w + 1)
	if !pe.ok || (pe.item < 0 && pe.w1-pe.w0 < 2) {
		return personSpan{}, false
	}
	nx := g.key(pe.w1)
	if pe.w1 >= len(g.ws) || nx == "," || nx == "." || nx == "--" || actorVerbs[nx] {
		return pe, true
	}
	return personSpan{}, false
}

// person records a person mention with a role read from the text; base is
// the actor the role is held in, if any.
func (g *grammar) person(pe personSpan, role sitrep.Role, base *sitrep.Actor) string {
	st := g.st
	var id string
	switch {
	case pe.item >= 0 && g.items[pe.item].local != "":
		id = g.items[pe.item].local
		g.done[pe.item] = true
	case pe.item >= 0:
		g.done[pe.item] = true
		id = st.entryActor(g.items[pe.item].e)
	default:
		name := g.text(pe.w0, pe.w1)
		id = st.localActor(name, sitrep.ActorPerson)
	}
	a := st.actor(id)
	if role.Title != "" {
		has := false
		for _, r := range a.Roles {
			if strings.EqualFold(r.Title, role.Title) || (r.Of != "" && r.Of == role.Of && !a.Known()) {
				has = true
			}
		}
		if !has {
			a.Roles = append(a.Roles, role)
		}
	}
	if base != nil && !a.Known() {
		if a.Country == "" {
			a.Country = base.Country
		}
		if a.Sector == "" {
			a.Sector = base.Sector
		}
	}
	// register the name and the surname for later mentions, once
	if pe.item < 0 || g.items[pe.item].local == "" {
		if name := g.text(pe.w0, pe.w1); !st.registered[name] {
			st.registered[name] = true
			ws := make([]string, 0, pe.w1-pe.w0)
			for w := pe.w0; w < pe.w1; w++ {
				ws = append(ws, g.ws[w].key)
			}
			st.register(ws, id, sitrep.KindPerson)
			if len(ws) >= 2 {
				st.register(ws[len(ws)-1:], id, sitrep.KindPerson)
			}
		}
	}
	g.mention(pe.w0, pe.w1, sitrep.KindPerson, id, 0)
	// "Lt. Col. Guillaume Ndjike, a spokesman for the FARDC": a title
	// in apposition adds a role
	if g.key(pe.w1) == "," {
		if r2, bi, used, ok := g.titleAfter(pe.w1 + 1); ok {
			for _, k := range used {
				g.done[k] = true
			}
			if bi >= 0 {
				it := &g.items[bi]
				r2.Of = g.baseActor(it)
				if it.s.kind == sName || it.local != "" {
					g.mention(it.w0, it.w1, g.baseKind(it), r2.Of, 0)
				}
				if b := st.actor(r2.Of); b != nil && !a.Known() {
					if a.Country == "" {
						a.Country = b.Country
					}
					if a.Sector == "" {
						a.Sector = b.Sector
					}
				}
			}
			if !slices.Contains(a.Roles, r2) {
				a.Roles = append(a.Roles, r2)
			}
		}
	}
	return id
}

// regEntry is a name the document defined: words and the actor.
type regEntry struct {
	words []string
	id    string
	kind  sitrep.EntityKind
}

// register records a name for later mentions in the document.
func (st *state) register(words []string, id string, kind sitrep.EntityKind) {
	if len(words) == 0 || (len(words) == 1 && (len(words[0]) < 3 || notNames[words[0]] || particles[words[0]])) {
		return
	}
	k := words[0]
	for _, r := range st.registry[k] {
		if slices.Equal(r.words, words) {
			return
		}
	}
	st.registry[k] = append(st.registry[k], regEntry{words: words, id: id, kind: kind})
}

// appositionNames finds "NAME, [the|a] [BASE['s]] TITLE [of|for BASE]"
// and gives the person the role.
func (g *grammar) appositionNames() {
	for w := 0; w < len(g.ws); w++ {
		if g.ws[w].cap == capFree || w > 0 && g.ws[w-1].cap != capFree && g.key(w-1) != "," {
			continue
		}
		var pe personSpan
		if k := g.itemAt(w); k >= 0 {
			if !g.items[k].isPerson() || g.done[k] {
				continue
			}
			pe = personSpan{ok: true, w0: w, w1: g.items[k].w1, item: k}
		} else {
			end := g.nameEnd(w, 4)
			if end-w < 2 {
				continue
			}
			pe = personSpan{ok: true, w0: w, w1: end, item: -1}
		}
		if g.key(pe.w1) != "," {
			continue
		}
		role, baseItem, used, ok := g.titleAfter(pe.w1 + 1)
		if !ok {
			continue
		}
		var base *sitrep.Actor
		if baseItem >= 0 {
			bi := &g.items[baseItem]
			id := g.baseActor(bi)
			role.Of = id
			base = g.st.actor(id)
			if bi.s.kind == sName || bi.local != "" {
				g.mention(bi.w0, bi.w1, g.baseKind(bi), id, 0)
			}
		}
		for _, k := range used {
			g.done[k] = true
		}
		g.person(pe, role, base)
		w = pe.w1
	}
}

// titleAfter reads "[the|a|an] [BASE ['s]|Name 's] TITLE [of|for [the] BASE]"
// at word w. It returns the role, the base item (or -1) and the items used.
func (g *grammar) titleAfter(w int) (sitrep.Role, int, []int, bool) {
	var role sitrep.Role
	var used []int
	base := -1
	if k := g.key(w); k == "the" || k == "a" || k == "an" {
		w++
	}
	if k := g.itemAt(w); k >= 0 && g.items[k].isBase() && !g.done[k] {
		base = k
		used = append(used, k)
		w = g.items[k].w1
		if g.key(w) == "'s" {
			w++
		}
	} else if k >= 0 && g.items[k].s.kind == sComposed && !g.done[k] && g.items[k].a.Title {
		// "a Houthi official" matched whole
		it := &g.items[k]
		role.Title = strings.ToLower(it.a.Name)
		return role, -1, []int{k}, g.closes(it.w1)
	} else if end := g.nameEnd(w, 4); end > w && g.key(end) == "'s" {
		role.OfName = g.text(w, end)
		w = end + 1
	}
	k := g.itemAt(w)
	if k < 0 || !g.items[k].isAgent() || g.done[k] {
		return role, -1, nil, false
	}
	p := g.agentPhrase(k)
	ag, _ := g.headAgent(k, p)
	if !ag.Title {
		return role, -1, nil, false
	}
	for x := k; x <= p; x++ {
		used = append(used, x)
	}
	role.Title = strings.ToLower(g.text(g.items[k].w0, g.items[p].w1))
	w = g.items[p].w1
	if prep := g.key(w); base < 0 && (prep == "of" || prep == "for") {
		x := w + 1
		if g.key(x) == "the" {
			x++
		}
		if b := g.itemAt(x); b >= 0 && g.items[b].isBase() && !g.done[b] {
			base = b
			used = append(used, b)
		}
	}
	if base >= 0 && g.items[base].s.kind == sDemonym {
		// "a Libyan official": the role is held in the state
		role.OfName = ""
	}
	return role, base, used, true
}

// closes reports whether an apposition ends at word w.
func (g *grammar) closes(w int) bool {
	k := g.key(w)
	return w >= len(g.ws) || k == "," || k == "." || k == "--" || actorVerbs[k]
}

// orgItems finds organisations the dictionary does not know among words
// no item covers, adds them as items and registers their acronyms.
func (st *state) orgItems(items []item) []item {
	ws := st.words
	covered := st.coveredBuf(items)
	added := false
	for w := 0; w < len(ws); w++ {
		if covered[w] || ws[w].cap != capUpper || notNames[ws[w].key] {
			continue
		}
		if w > 0 && ws[w-1].cap != capFree && !covered[w-1] && ws[w-1].key != "the" {
			continue // inside a run already rejected
		}
		// capitalised words, with "of", "for", "and", "the" between them
		end, head, caps := w, false, 0
		for k := w; k < len(ws) && !covered[k] && k-w < 9; k++ {
			key := ws[k].key
			if ws[k].cap == capUpper || ws[k].cap == capAll {
				if notNames[key] {
					break
				}
				end = k + 1
				caps++
				head = head || orgHeads[key]
				continue
			}
			if (key == "of" || key == "for" || key == "and" || key == "the" || particles[key]) && k+1 < len(ws) && ws[k+1].cap != capFree {
				continue
			}
			break
		}
		if caps < 2 {
			continue
		}
		// "Name (ABBR)": an acronym defined in the text
		abbr := ""
		if end+2 < len(ws) && ws[end].key == "(" && ws[end+1].cap == capAll && ws[end+2].key == ")" {
			abbr = ws[end+1].key
		}
		if !head && abbr == "" {
			continue
		}
		if abbr != "" && !initialsMatch(ws[w:end], abbr) && !head {
			continue
		}
		name := st.doc.Slice(sitrep.Span{Start: ws[w].span.Start, End: ws[end-1].span.End})
		id := st.localActor(name, sitrep.ActorUnknown)
		st.register(aliasWords(name), id, sitrep.KindOrg)
		items = append(items, item{w0: w, w1: end, local: id, lkind: sitrep.KindOrg, s: sense{kind: sName}})
		if abbr != "" {
			st.register([]string{abbr}, id, sitrep.KindOrg)
			items = append(items, item{w0: end + 1, w1: end + 2, local: id, lkind: sitrep.KindOrg, s: sense{kind: sName}})
		}
		added = true
		w = end
	}
	if added {
		slices.SortFunc(items, func(a, b item) int { return a.w0 - b.w0 })
	}
	return items
}

// initialsMatch reports whether an acronym's letters are initials of the
// capitalised words, in order.
func initialsMatch(ws []word, abbr string) bool {
	i := 0
	for _, w := range ws {
		if i < len(abbr) && w.cap != capFree && len(w.key) > 0 && w.key[0] == abbr[i] {
			i++
		}
	}
	return i >= len(abbr)-1 && i >= 2
}
