package geoparse

import (
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
)

// parse is the state of one Annotate call.
type parse struct {
	r   *Resolver
	doc *sitrep.Document
	ws  []word
	ms  []mention
	// unknown are runs of capitalised words the gazetteer does not know
	// that the text calls places ("in Baaj district"): Loose
	// looks them up in the report's main country once it is known.
	unknown [][2]int
	// unknownEnd is the end of the last run recorded from an unknown
	// word: a word inside it starts none of its own.
	unknownEnd int
	buf        []gazetteer.Match
	// cands is the slab of the mentions' candidates (see candSlice).
	cands []cand
	// others is pick's buffer of contextPlaces.
	others []*gazetteer.Entry

	focus      map[string]float64  // country focus: ISO2 → share
	votes      map[voteKey]float64 // a name's votes for a country's focus ("" the sum)
	focusTotal float64
	actorFocus map[string]float64 // countries of the actors the report names
	// lead and main are leadCountry and mainCountry once the focus is
	// settled (support reads them for every mention)
	lead, main string
	goldIndex  []int
	lower      map[string]bool // folded words the report uses in lower case
	lowerAsked int             // usedLower's questions answered without lower
	people     map[string]bool // folded words of names dropped as people's
	noFuzzy    map[string]bool // folded words with no fuzzy match
	// sc is where ws, ms, buf and cands came from (see newParse), nil for a
	// parse that does not pool them.
	sc *scratch
}

// scratch holds the buffers of a parse that outlive it: a worker coding
// report after report reuses its words, mentions and matches instead of
// growing new ones for each.
type scratch struct {
	ws    []word
	ms    []mention
	buf   []gazetteer.Match
	cands []cand
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// newParse returns the state of one Annotate call, with pooled buffers;
// release gives them back.
func newParse(r *Resolver, doc *sitrep.Document) *parse {
	sc := scratchPool.Get().(*scratch)
	return &parse{r: r, doc: doc, ws: sc.ws[:0], ms: sc.ms[:0], buf: sc.buf[:0], cands: sc.cands[:0], sc: sc}
}

// release returns the parse's buffers to the pool. Nothing the parse
// returned may point into them: places and their strings are copies.
func (p *parse) release() {
	if p.sc == nil {
		return
	}
	// drop what they point to: candidates, and the words of the text
	clear(p.ms[:cap(p.ms)])
	clear(p.ws[:cap(p.ws)])
	clear(p.cands)
	p.sc.ws, p.sc.ms, p.sc.buf, p.sc.cands = p.ws[:0], p.ms[:0], p.buf[:0], p.cands[:0]
	scratchPool.Put(p.sc)
	p.sc, p.ws, p.ms, p.buf, p.cands = nil, nil, nil, nil, nil
}

// mention is a recognised place name.
type mention struct {
	first, last int // words [first, last)
	sitrep.Span
	key   string
	cands []cand
	best  int
	score float64
	role  sitrep.PlaceRole
	// demonym: the candidates are demonyms (code DEM) of a country or
	// region.
	demonym bool
	// placeNoun: a demonym followed by a place noun ("Tunisian border"):
	// the fold of that noun.
	placeNoun string
	// unit: followed by "province", "state", "district" ... or after
	// "the state of", "the province of": the admin unit is meant rather
	// than the town of the same name.
	unit bool
	// level: followed by the title of a state's or province's office
	// ("New York Gov.", "Punjab Governor"): a first-order unit is meant.
	level bool
	// loose: its candidates were found by their consonant skeleton in
	// the report's main country (see gazetteer.Set.Loose).
	loose bool
	// named: a unit or place word follows the name ("Baaj
	// district", "Lashkargah city").
	named bool
	// base: followed by "airbase", "air base", "airfield", "base" ...:
	// an air base or airport of that name is meant.
	base bool
	// unitCued: this or another mention of the same name is cued as an
	// admin unit (see cued), so the town of that name is not preferred.
	unitCued bool
	// qualifies indexes the mention this one qualifies ("Lebanon" in
	// "Tripoli, Lebanon"), or -1.
	qualifies int
	// qualifier indexes the mention that qualifies this one ("Tripoli,
	// Lebanon"), or -1.
	qualifier int
	// confirmed by an NER GPE/LOC entity.
	confirmed bool
	// forced: a gold span, kept whatever the filters say; gold is its
	// index among the spans.
	forced bool
	gold   int
	fuzzy  bool
	drop   bool
	// nerPerson: dropped only because the statistical recogniser called
	// the name a person (see rescue).
	nerPerson bool
	// nearOnly: vetoed as a person by the statistical recogniser but kept
	// after a spatial preposition ("the hills around Sake"): it stands
	// only where its reading lies near another place of the report (see
	// support).
	nearOnly bool
	// partial: confirmed by an NER entity that is a longer name than the
	// mention ("Saraj" of "Nahri Saraj"): the entity says that name is a
	// place, not that the piece names one. Also a name joined by a
	// particle that the gazetteer knows only by its head ("Mocimboa da
	// Praia" by Mocímboa): the head is where the name points, if the
	// report backs it.
	partial bool
}

// cand is a scored candidate entry.
type cand struct {
	gazetteer.Match
	prior float64
	score float64
	// loose: found by its consonant skeleton (see looseMatches)
	loose bool
}

// capable reports whether word i may start or continue a place name.
func (p *parse) capable(i int) bool {
	w := &p.ws[i]
	return w.alpha && (w.cap || w.upper)
}

// recognise finds the place names of the text.
func (p *parse) recognise() {
	ws := p.ws
	maxWords := p.r.cfg.MaxWords
	var folds []string
	var best []gazetteer.Match // addMention copies it
	for i := 0; i < len(ws); {
		w := &ws[i]
		start := p.capable(i)
		if !start && articles[w.fold] && i+1 < len(ws) && ws[i+1].joined && ws[i+1].cap {
			start = true // "al-Watiya"
		}
		if !start || functionWords[w.fold] && !w.upper {
			i++
			continue
		}
		bestJ := -1
		bestKey := ""
		best = best[:0]
		folds = folds[:0]
		for j := i; j < len(ws) && j-i < maxWords; j++ {
			x := &ws[j]
			if x.sent != w.sent {
				break
			}
			if x.punct {
				// a comma inside a name the gazetteer has ("Washington,
				// D.C."); elsewhere punctuation ends a name
				if x.raw == "," && j > i && j+1 < len(ws) && ws[j+1].cap &&
					p.r.set.HasPrefix(gazetteer.KeyFolded(strings.Join(folds, " "))+" ") {
					continue
				}
				break
			}
			if j > i && !x.joined && !p.capable(j) && !connectors[x.fold] {
				break
			}
			folds = append(folds, x.fold)
			if connectors[x.fold] && !x.cap && j+1 < len(ws) {
				continue // a name does not end in a connector
			}
			key := gazetteer.KeyFolded(strings.Join(folds, " "))
			if key == "" {
				break
			}
			p.buf = p.r.set.Lookup(p.buf[:0], key)
			if len(p.buf) == 0 && j > i && compassForms[folds[0]] != "" {
				// "South Kordofan" where GeoNames writes "Southern
				// Kordofan", "Northern Darfur" for "North Darfur"
				alt := gazetteer.KeyFolded(compassForms[folds[0]] + " " + strings.Join(folds[1:], " "))
				if p.buf = p.r.set.Lookup(p.buf[:0], alt); len(p.buf) > 0 {
					key = alt
				}
			}
			if len(p.buf) > 0 {
				bestJ = j + 1
				bestKey = key
				best = append(best[:0], p.buf...)
			}
			if !p.r.set.HasPrefix(key+" ") && !articles[x.fold] {
				break
			}
		}
		if end, head := p.particleName(i); end > 0 && end > bestJ && (bestJ < 0 || bestJ == head) {
			// a name joined by a particle ("Mocimboa da Praia", "Ciudad
			// del Este") that the gazetteer does not know whole is still
			// one name: its last word alone is no place ("Praia", the
			// capital of Cape Verde). Where the gazetteer knows its head
			// as a name of its own, the whole name stands there if the
			// report backs it (see partial); where it knows none of the
			// head, it is nobody's place. A known name that ends before
			// the head does ("British Columbia" of "British Columbia
			// Health Minister Paul van Dyke") is read as usual.
			if bestJ == head {
				p.addMention(i, end, gazetteer.KeyFolded(p.foldRange(i, end)), best, false)
				p.ms[len(p.ms)-1].partial = true
			}
			i = end
			continue
		}
		if bestJ < 0 {
			p.fuzzyMention(i)
			p.unknownRun(i)
			i++
			continue
		}
		p.addMention(i, bestJ, bestKey, best, false)
		if bestJ < len(ws) && ws[bestJ].sent == w.sent && p.capable(bestJ) {
			// a known name that a capitalised word continues ("Bato"
			// of "Bato Kot district"): the whole run may be a place the
			// gazetteer spells otherwise (see looseMatches); the words
			// after the name still start runs of their own
			end := p.unknownEnd
			p.unknownRun(i)
			p.unknownEnd = end
		}
		i = bestJ
	}
	p.filter()
}

// particleName returns the end of the name starting at word i when it
// joins capitalised words by lower-case particles ("Mocimboa da Praia",
// "Santa Cruz de la Sierra", "Ras al-Ain") and the end of its head, the
// words before the first particle; 0, 0 when no particle joins words
// from i.
func (p *parse) particleName(i int) (end, head int) {
	ws := p.ws
	if !p.capable(i) || functionWords[ws[i].fold] || ws[i].title {
		return 0, 0
	}
	j := i
	for j < len(ws) && ws[j].sent == ws[i].sent && (j == i || p.capable(j) && !functionWords[ws[j].fold]) {
		j++
	}
	head = j
	for {
		k := j
		for k < len(ws) && ws[k].sent == ws[i].sent && p.particle(k) {
			k++
		}
		if k == j || k >= len(ws) || ws[k].sent != ws[i].sent || !p.capable(k) || functionWords[ws[k].fold] {
			break
		}
		for k < len(ws) && ws[k].sent == ws[i].sent && p.capable(k) && !functionWords[ws[k].fold] {
			k++
		}
		end, j = k, k
	}
	if end == 0 {
		return 0, 0
	}
	return end, head
}

// particle reports whether word k is a lower-case particle inside a name:
// "da", "de", "del", "la", "bin" ...; an Arabic article only when hyphened
// to the next word ("al-Ain", "ez-Zor"), since "as", "at" and "an" are
// English words too.
func (p *parse) particle(k int) bool {
	w := &p.ws[k]
	if w.cap || w.upper || !w.alpha {
		return false
	}
	return nameParticles[w.fold] || articles[w.fold] && k+1 < len(p.ws) && p.ws[k+1].joined
}

// addMention records words [a, b) as a place name with its candidates.
func (p *parse) addMention(a, b int, key string, ms []gazetteer.Match, fuzzy bool) {
	m := mention{first: a, last: b, Span: sitrep.Span{Start: p.ws[a].Start, End: p.ws[b-1].End}, best: -1, qualifier: -1, qualifies: -1, key: key, fuzzy: fuzzy}
	dem := false
	for _, x := range ms {
		if x.Code == "DEM" {
			dem = true
		}
	}
	m.cands = p.candSlice(len(ms))
	for _, x := range ms {
		if dem && x.Code != "DEM" {
			continue // "Chinese" is the demonym, not a village of that name
		}
		m.cands = append(m.cands, cand{Match: x})
	}
	m.demonym = dem
	if dem {
		m.role = sitrep.RoleDemonym
	}
	p.ms = append(p.ms, m)
}

// candSlice returns an empty slice with room for n candidates, carved from
// a slab of the parse (capped, so that appending past n moves it out):
// every mention of a report needs one.
func (p *parse) candSlice(n int) []cand {
	if cap(p.cands)-len(p.cands) < n {
		p.cands = make([]cand, 0, max(n, 256))
	}
	k := len(p.cands)
	p.cands = p.cands[:k+n]
	return p.cands[k : k : k+n]
}

// unknownRun records the run of capitalised words from word i (at most
// three, with their hyphenated pieces: "Nahr-e Saraj") when the text
// calls it a place: a preposition of place before it, or a unit or place
// word after it ("in Baaj", "Hamdaniya district", "Lashkargah
// city").
func (p *parse) unknownRun(i int) {
	ws := p.ws
	if p.unknownEnd > i {
		return // inside the last run
	}
	j, words := i, 0
	for j < len(ws) && ws[j].sent == ws[i].sent && ws[j].alpha && (j == i || ws[j].joined || p.capable(j)) {
		if !ws[j].joined {
			words++
		}
		if words > 3 || functionWords[ws[j].fold] && !ws[j].joined || titles[ws[j].fold] {
			return
		}
		j++
	}
	if j == i || !p.capable(i) || ws[i].title {
		return
	}
	k := p.skipParen(j)
	after := k < len(ws) && ws[k].sent == ws[i].sent && (unitWords[ws[k].fold] || looseNouns[ws[k].fold])
	if !after && !p.locative(i) {
		return
	}
	p.unknown = append(p.unknown, [2]int{i, j})
	p.unknownEnd = j
}

// fuzzyMention tries a bounded fuzzy match for a capitalised word the
// index does not know ("Misurata" spelt "Missurata"): a lone word of at
// least five letters inside a sentence, not a function word, with no other
// capitalised word beside it (a sentence's first word capitalised only for
// its place, "In", does not count). Whether the report supports the match is
// decided later (see support).
func (p *parse) fuzzyMention(i int) {
	ws := p.ws
	w := &ws[i]
	if !w.cap || w.upper || w.first || w.title || w.joined || len(w.fold) < gazetteer.FuzzyMinLen || functionWords[w.fold] ||
		titles[w.fold] || (i > 0 && ws[i-1].sent == w.sent && (p.capable(i-1) && !(ws[i-1].first && functionWords[ws[i-1].fold]) || titles[ws[i-1].fold])) ||
		(i+1 < len(ws) && ws[i+1].sent == w.sent && (p.capable(i+1) || ws[i+1].joined)) {
		return
	}
	if p.usedLower(w.fold) || p.people[w.fold] || p.noFuzzy[w.fold] {
		return
	}
	key := gazetteer.KeyFolded(w.fold)
	p.buf = p.r.set.Fuzzy(p.buf[:0], key)
	if len(p.buf) == 0 {
		if p.noFuzzy == nil {
			p.noFuzzy = map[string]bool{}
		}
		p.noFuzzy[w.fold] = true // the same unknown word again costs nothing
		return
	}
	p.addMention(i, i+1, key, p.buf, true)
}

// strong reports whether a candidate is a place a capitalised word is
// unlikely to name by accident: a country, a first-order unit, a
// continent, sea or region of the team's table, a demonym, or a town of
// at least minPop people.
func strong(c gazetteer.Match, minPop int64) bool {
	switch {
	case c.Code == "DEM", gazetteer.IsCountryCode(c.Code), c.Code == "ADM1":
		return true
	case c.ID == 0 && c.Code != "ADM2" && c.Code != "BDR" && c.Code != "AIRP" && !gazetteer.IsMilitaryCode(c.Code) && c.Class != 'P':
		return true
	case c.Code == "CONT":
		return true
	}
	return c.Population >= minPop
}

// spelt reports whether a candidate of a one-word mention is written
// exactly as its own name (after folding), not merely a spelling variant
// under the same key ("Pull" is not "Pool").
func (p *parse) spelt(m *mention, fold string) bool {
	for _, c := range m.cands {
		if c.Primary && (gazetteer.Fold(c.Name) == fold || gazetteer.IsCountryCode(c.Code)) {
			return true
		}
	}
	return false
}

// tableRegion reports whether e is one of the gazetteer's team-written
// regions, seas or landforms (no GeoNames id; feature class L, H or T:
// "South Asia", "the Mediterranean", "the Sahel").
func tableRegion(e gazetteer.Entry) bool {
	return e.ID == 0 && (e.Class == 'L' || e.Class == 'H' || e.Class == 'T')
}

// acronymOK reports whether an all-capital word may stand for one of the
// candidates: a country's name or short name, a demonym, or the place's
// own name (a dateline "BEIRUT"; after a dateline's comma, a town of any
// size).
func (m *mention) acronymOK(dateline bool, fold string) bool {
	keep := m.cands[:0]
	for _, c := range m.cands {
		table := tableRegion(c.Entry)
		// the place's own name letter for letter: "NISS" (a security
		// service) is no spelling of Niš
		own := c.Primary && gazetteer.Fold(c.Name) == fold
		if gazetteer.IsCountryCode(c.Code) || c.Code == "DEM" || c.Code == "ADM1" || table || own && (dateline || strong(c.Match, 100000)) {
			keep = append(keep, c)
		}
	}
	m.cands = keep
	return len(keep) > 0
}

func (m *mention) hasCountry() bool {
	for _, c := range m.cands {
		if gazetteer.IsCountryCode(c.Code) {
			return true
		}
	}
	return false
}

func (m *mention) anyStrong(minPop int64) bool {
	for _, c := range m.cands {
		if strong(c.Match, minPop) {
			return true
		}
	}
	return false
}

// filter applies the context filters and the NER entities.
func (p *parse) filter() {
	ws := p.ws
	inMention := make([]int, len(ws))
	for i := range inMention {
		inMention[i] = -1
	}
	for mi, m := range p.ms {
		for k := m.first; k < m.last; k++ {
			inMention[k] = mi
		}
	}
	for mi := range p.ms {
		m := &p.ms[mi]
		a, b := m.first, m.last
		single := b-a == 1 || (b-a == 2 && ws[a+1].joined && articles[ws[a].fold])
		h := b - 1 // the head word: "Jufra" of "al-Jufra"

		// A demonym before "border" or "frontier" ("near the Tunisian
		// border") names a border area whatever the NER stage calls the
		// adjective (NORP): read the noun before the entities.
		if m.demonym && b < len(ws) && ws[b].sent == ws[a].sent && borderNouns[ws[b].fold] &&
			!(b+1 < len(ws) && ws[b+1].sent == ws[b].sent && (p.capable(b+1) || ws[b+1].joined)) {
			m.placeNoun = ws[b].fold
		}
		// Feasts and weather, whatever the NER stage calls them: it
		// knows a place when it sees one, not that "Ramadan" is a month
		// first.
		if notPlaces[m.key] {
			m.drop = true
			continue
		}
		// The ends of a route named by them ("the Abuja-Kaduna
		// highway"), whatever the NER stage calls the phrase.
		if !m.demonym && p.routeEnd(m) {
			m.confirmed = true
			continue
		}
		// NER entities, when the NER stage has run.
		if p.entities(m) {
			continue
		}
		// Organisations named like places ("Al Jazeera", "Bloomberg").
		if organisations[m.key] {
			m.drop = true
			continue
		}
		// A disease named after a place ("West Nile virus"), or a
		// prayer named for its hour ("the Maghrib prayers" spelt like
		// the region).
		if b < len(ws) && ws[b].sent == ws[a].sent && (diseaseWords[ws[b].fold] || prayerWords[ws[b].fold]) {
			m.drop = true
			continue
		}
		// The abbreviation of a state or province after a town ("Paris,
		// Mo.", "Barrie, Ont."): the unit, with its full stop.
		if single && p.abbreviation(m) {
			continue
		}
		// Elsewhere a short word is no abbreviation of a unit: "Mass"
		// is a service, "Miss" a title, "Ill" an adjective.
		// Nor is a word of three letters a country's acronym unless
		// written in capitals ("Car bomb" is no CAR).
		if single && !ws[h].upper && letterCount(ws[h].raw) <= 5 && !m.demonym {
			short := letterCount(ws[h].raw) <= 3
			keep := m.cands[:0]
			for _, c := range m.cands {
				if !(c.Code == "ADM1" && !c.Primary) && !(short && gazetteer.IsCountryCode(c.Code) && !c.Primary) {
					keep = append(keep, c)
				}
			}
			if m.cands = keep; len(keep) == 0 {
				m.drop = true
				continue
			}
		}
		// Common nouns and initials capitalised in names ("University",
		// "Council", "Dr.", "B."), months and weekdays.
		if single && !m.demonym {
			f := strings.TrimSuffix(ws[h].fold, ".")
			// The kind word of a longer name alone is none either: the
			// gazetteer lists airports by "Airport", and "Ward 12" or
			// "Park" is a piece of a name it does not know.
			if !ws[h].upper && (functionWords[f] || orgWords[f] || titles[f] || unitWords[f] || placeNouns[f] || areaNouns[f] ||
				letterCount(ws[h].raw) <= 2) {
				m.drop = true
				continue
			}
		}
		// Direction words alone qualify something else ("Western
		// officials", "South of the capital").
		if single && qualifiers[ws[h].fold] {
			m.drop = true
			continue
		}
		// A title before: a person ("Gen. Haftar", "President Jordan").
		if a > 0 && ws[a-1].sent == ws[a].sent && titles[strings.TrimSuffix(ws[a-1].fold, ".")] && ws[a-1].cap && !m.demonym {
			m.drop = true
			p.person(a, b, inMention)
			continue
		}
		// Next word: a unit word, or a place noun after a demonym.
		if !m.demonym {
			m.unit, m.level = p.unitContext(a, b)
			m.base = p.baseContext(b)
			if m.base {
				p.addBases(m)
			}
		}
		if b < len(ws) && ws[b].sent == ws[a].sent {
			nf := ws[b].fold
			if m.demonym && placeNouns[nf] && !(b+1 < len(ws) && ws[b+1].sent == ws[b].sent && (p.capable(b+1) || ws[b+1].joined)) {
				m.placeNoun = nf
			}
		}
		if ws[a].title {
			// Headlines capitalise everything: keep only names unlikely
			// to be common words, spelt as the place's own name.
			if !m.anyStrong(50000) || single && !m.demonym && !p.spelt(m, ws[h].fold) {
				m.drop = true
			}
			continue
		}
		// Sentence-initial single words: common words capitalised.
		if ws[a].first && single && !m.anyStrong(100000) && p.usedLower(ws[h].fold) {
			m.drop = true
			continue
		}
		if m.demonym {
			// Demonyms stay demonyms inside names ("Libyan National Army").
			continue
		}
		// An unknown capitalised word before: part of a longer name
		// ("Ahmed Mismari"), unless it qualifies a place ("northern
		// Syria", "Greater London").
		if a > 0 && ws[a-1].sent == ws[a].sent && p.capable(a-1) && inMention[a-1] < 0 &&
			!qualifiers[ws[a-1].fold] && !ws[a-1].first && !ws[a].joined && !functionWords[ws[a-1].fold] {
			if !ws[a-1].upper {
				m.drop = true
				p.person(a, b, inMention)
				continue
			}
		}
		// A run of capitalised words after: an organisation's name (the
		// place is embedded) or a person's (drop it).
		if p.orgBefore(a) {
			m.role = sitrep.RoleEmbedded // "Islamic State Sahel Province"
		} else if b < len(ws) && ws[b].sent == ws[a].sent && ws[b].cap && (officeTitles[strings.TrimSuffix(ws[b].fold, ".")] || ws[b].upper && len(ws[b].fold) <= 4 && b+1 < len(ws) && p.capable(b+1)) {
			// a place before an office and a name modifies the office
			// ("Montreal Mayor Denis Coderre", "Calgary MLA Sandra
			// Jansen"): it is the place of that office
		} else if run, org := p.runAfter(b, inMention); org {
			m.role = sitrep.RoleEmbedded
		} else if run > 0 && !m.unit {
			if !m.anyMajor() {
				// a country or province before a name modifies it ("US
				// President Donald Trump"); a town before one is a name
				m.drop = true
				p.person(a, b, inMention)
				continue
			}
		}
		// Two names side by side with nothing between them, the second
		// no country or province, are one person's name ("Lucy Smith",
		// "Nelson Mandela"), unless the first qualifies the second.
		if single && b < len(ws) && inMention[b] >= 0 && ws[b].sent == ws[a].sent && !ws[b].joined && m.role == sitrep.RoleLocation &&
			!orgWords[ws[b].fold] && !m.anyStrong(500000) {
			n := &p.ms[inMention[b]]
			if n.last-n.first == 1 && !n.demonym && !n.anyMajor() && !m.anyMajor() {
				m.drop = true
				n.drop = true
				p.person(a, n.last, inMention)
				continue
			}
		}
		// The second piece of a hyphenated name ("Jean-Paul").
		if ws[a].joined && a > 0 && p.capable(a-1) && !m.demonym && !articles[ws[a-1].fold] {
			// "Jean-Paul Mushagalusa": the first piece is no place, or
			// only a weak one on its own ("Jean"), and a name follows
			pm := inMention[a-1]
			weak := pm < 0 || p.ms[pm].first == a-1 && !p.ms[pm].demonym && !p.ms[pm].anyStrong(100000)
			named := b < len(ws) && ws[b].sent == ws[a].sent && p.capable(b) && inMention[b] < 0
			if pm < 0 || weak && named {
				m.drop = true
				if pm >= 0 {
					p.ms[pm].drop = true
				}
				p.person(a, b, inMention)
				continue
			}
		}
		// A speech verb after a name that is only a town: a speaker.
		if single && b < len(ws) && speechVerbs[ws[b].fold] && !m.anyMajor() && !p.locative(a) {
			m.drop = true
			p.person(a, b, inMention)
			continue
		}
		// A city standing for its government ("Moscow denies", "Berlin
		// would send") is a speaker, not a location. Countries keep the
		// location role; an event coder tells "Russia said" from "in
		// Russia" itself.
		if b < len(ws) && ws[b].sent == ws[a].sent && stanceVerbs[ws[b].fold] && !m.hasCountry() && !m.demonym && m.role == sitrep.RoleLocation &&
			!p.locative(a) {
			m.role = sitrep.RoleMetonymic
		}
		// A word the report also writes in lower case is a common word,
		// unless it names a major place.
		if single && !m.anyStrong(100000) && p.usedLower(ws[h].fold) {
			m.drop = true
			continue
		}
		// All-capital words are acronyms: keep them only as a place's own
		// name or a country's short name ("US", "UK", "UAE", "BEIRUT"),
		// never as an alternate name ("GNA" is not Hrodna).
		// A dateline ("GLASGOW, Ky.") names a town of any size before
		// its state or country.
		dateline := b+1 < len(ws) && ws[b].raw == "," && ws[b+1].sent == ws[b].sent && p.capable(b+1)
		if single && ws[h].upper && !m.acronymOK(dateline, ws[h].fold) {
			m.drop = true
			continue
		}
	}
	p.rescue()
	// A name the report uses for a person elsewhere ("Zuma" after "Jacob
	// Zuma", "Trump" after "Mr. Trump") is that person here too, unless
	// it names a country or first-order unit.
	out := p.ms[:0]
	for _, m := range p.ms {
		if !m.drop && !m.demonym && !m.confirmed && m.last-m.first == 1 && p.people[ws[m.first].fold] && !m.anyMajor() &&
			!p.locative(m.first) {
			m.drop = true
		}
		if !m.drop {
			out = append(out, m)
		}
	}
	p.ms = out
}

// routeEnd reports whether mention m is an end of a route that the text
// names by its two ends joined by a hyphen ("the Abuja-Kaduna highway",
// "along the Gao-Ansongo and Gao-Bourem roads"): its towns are places,
// whatever the pieces would look like alone (the second piece of a
// hyphenated name is mostly a given name's).
func (p *parse) routeEnd(m *mention) bool {
	ws := p.ws
	a, b := m.first, m.last
	if a < 0 || !(ws[a].joined && a > 0 && p.capable(a-1) || b < len(ws) && ws[b].joined && ws[b].sent == ws[a].sent && p.capable(b)) {
		return false
	}
	if ws[a].joined && p.commonWord(a-1) || b < len(ws) && ws[b].joined && p.commonWord(b) {
		return false // "the Trafalgar Street-Clarke Road junction": streets, not towns
	}
	k := b
	for pairs := 0; pairs < 4; pairs++ {
		for k < len(ws) && ws[k].sent == ws[a].sent && ws[k].joined {
			k++ // the rest of this pair
		}
		if k >= len(ws) || ws[k].sent != ws[a].sent {
			return false
		}
		if routeNouns[ws[k].fold] {
			return true
		}
		if ws[k].fold != "and" && ws[k].raw != "," {
			return false
		}
		// another pair of the list
		k++
		if k+1 >= len(ws) || ws[k].sent != ws[a].sent || !p.capable(k) || !ws[k+1].joined {
			return false
		}
		k++
	}
	return false
}

// rescue keeps a name the recogniser took for a person where it follows
// a locative word ("withdrew towards Sake", "fighting in Masisi") when the
// report keeps the same name as a place elsewhere ("the town of Masisi")
// or puts it after a locative word twice ("near Sake", "towards Sake"):
// one name, one sense within a report. Once is enough after a preposition
// that is about space alone ("the hills around Sake", "a camp outside
// Sake"), if the name's reading lies near another place of the report:
// such a mention is kept as nearOnly, for support to check once the
// report's places are resolved. A name the actor dictionary knows as a
// person is not rescued.
func (p *parse) rescue() {
	var cands []int // vetoed as persons after a locative word: rare
	for i := range p.ms {
		if m := &p.ms[i]; m.drop && m.nerPerson && p.locative(m.first) {
			cands = append(cands, i)
		}
	}
	if len(cands) == 0 {
		return
	}
	keep := make([]bool, len(cands))
	for ci, i := range cands {
		votes := 0
		for j := range p.ms {
			switch o := &p.ms[j]; {
			case o.key != p.ms[i].key:
			case !o.drop && !o.demonym:
				votes += 2
			case o.drop && o.nerPerson && p.locative(o.first):
				votes++
			}
		}
		keep[ci] = votes >= 2
	}
	for ci, i := range cands {
		m := &p.ms[i]
		if keep[ci] {
			m.drop, m.nerPerson = false, false
		} else if m.first > 0 && spatialWords[p.ws[m.first-1].fold] && !m.demonym {
			m.drop, m.nerPerson, m.nearOnly = false, false, true
		}
	}
}

// person records the capitalised words around a name dropped as a
// person's: words [a, b) and the unknown capitalised words next to them.
func (p *parse) person(a, b int, inMention []int) {
	if p.people == nil {
		p.people = map[string]bool{}
	}
	ws := p.ws
	lo, hi := a, b
	for lo > 0 && ws[lo-1].sent == ws[a].sent && p.capable(lo-1) && !functionWords[ws[lo-1].fold] && !titles[strings.TrimSuffix(ws[lo-1].fold, ".")] && a-lo < 3 {
		lo--
	}
	for hi < len(ws) && ws[hi].sent == ws[a].sent && p.capable(hi) && !functionWords[ws[hi].fold] && hi-b < 3 {
		hi++
	}
	for k := lo; k < hi; k++ {
		if len(ws[k].fold) > 2 {
			p.people[ws[k].fold] = true
		}
	}
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// runAfter measures the run of unknown capitalised words right after word
// b (at most four), and whether it holds a word that names an
// organisation.
func (p *parse) runAfter(b int, inMention []int) (n int, org bool) {
	ws := p.ws
	for k := b; k < len(ws) && k < b+4; k++ {
		if ws[k].sent != ws[b].sent || !p.capable(k) || inMention[k] >= 0 && !orgWords[ws[k].fold] || functionWords[ws[k].fold] {
			if k < len(ws) && ws[k].sent == ws[b].sent && !ws[k].punct && (ws[k].fold == "of" || ws[k].fold == "for") && n > 0 {
				continue // "Observatory for Human Rights"
			}
			break
		}
		n++
		if orgWords[ws[k].fold] {
			org = true
		}
	}
	return n, org
}

// orgBefore reports whether the capitalised words right before word a
// (at most three) name an organisation.
func (p *parse) orgBefore(a int) bool {
	ws := p.ws
	for k := a - 1; k >= 0 && k >= a-3; k-- {
		if ws[k].sent != ws[a].sent || !p.capable(k) || ws[k].first && functionWords[ws[k].fold] {
			return false
		}
		if orgWords[ws[k].fold] {
			return true
		}
	}
	return false
}

// lowerScans is how many of usedLower's questions a report answers by
// reading its words before it builds their map.
const lowerScans = 8

// usedLower reports whether the report writes the folded word f in lower
// case somewhere.
func (p *parse) usedLower(f string) bool {
	if p.lower == nil && p.lowerAsked < lowerScans {
		// the first few questions read the words: a map of them all
		// costs more than a report usually asks
		p.lowerAsked++
		for i := range p.ws {
			w := &p.ws[i]
			if w.alpha && !w.cap && !w.upper && !w.joined && w.fold == f {
				return true
			}
		}
		return false
	}
	if p.lower == nil {
		p.lower = make(map[string]bool, len(p.ws))
		for i := range p.ws {
			w := &p.ws[i]
			if w.alpha && !w.cap && !w.upper && !w.joined {
				p.lower[w.fold] = true
			}
		}
	}
	return p.lower[f]
}

// entities applies the NER stage's verdict on a mention, reporting
// whether it settled the mention.
func (p *parse) entities(m *mention) bool {
	// the actors first: the recogniser may call a group's name a place
	// where the actor stage knows the group
	for _, e := range p.doc.Entities {
		if e.ActorID != "" && e.Span.Contains(m.Span) && e.Span != m.Span && !m.demonym && !m.hasCountry() &&
			!(m.last-m.first == 1 && p.commonWord(m.first)) { // "Minister" is for the filters to drop
			if k := p.actorKind(e.ActorID); k == sitrep.ActorMedia || orgKind(k) && p.inLongerName(m, e.Span) {
				// the name of an outlet or a group the actor dictionary
				// knows ("the Saba news agency", "Islamic State Sahel
				// Province", "United Kingdom Maritime Trade Operations"),
				// whatever kind the recogniser gave it: the place is
				// embedded in it, not where anything happened. A country
				// keeps its role ("China's news agency" is an agency of
				// that country), and a name that only modifies the
				// group's noun stays a place ("Misrata militias").
				m.role = sitrep.RoleEmbedded
				return true
			}
		}
	}
	for _, e := range p.doc.Entities {
		if !e.Span.Overlaps(m.Span) {
			continue
		}
		if e.Kind == sitrep.KindGPE || e.Kind == sitrep.KindLoc {
			if e.Span != m.Span && m.last-m.first == 1 && featureWords[p.ws[m.first].fold] && p.besideName(m, e.Span) {
				m.drop = true // "Bay" of "Sodwana Bay": the kind of feature of a longer name
				return true
			}
			if e.Span != m.Span && m.last-m.first == 1 && p.commonWord(m.first) && p.besideName(m, e.Span) {
				// "State" of "Lagos State", "West" of "West Hararge": a
				// common word inside a longer name is no place of its own
				continue
			}
			if p.partOfName(m, e.Span) {
				// "Saraj" of "Nahri Saraj", "Bindi" of "Walendu Bindi":
				// the entity is a longer name the gazetteer does not know;
				// it vouches for that name, not for the place a piece of
				// it names, which must find support in the report (see
				// support)
				m.confirmed, m.partial = true, true
				return true
			}
		}
		if e.Source == "actor" && (e.Kind == sitrep.KindOrg || e.Kind == sitrep.KindPerson && (e.Span != m.Span || m.anyMajor())) {
			// The actor stage's phrases ("the US soldier", "China's news
			// agency", "Indonesia's President") are not names: a country
			// that modifies them is still a place. Its people found by the
			// dictionary ("Haftar") still veto the same words.
			continue
		}
		switch e.Kind {
		case sitrep.KindPerson:
			if unit, _ := p.unitContext(m.first, m.last); (unit || p.townAfter(m.last)) && !m.demonym && m.Span.Contains(e.Span) {
				// "in Hamdaniya district", "Tal Afar city": the
				// text calls the name a unit or a town, whatever it looks
				// like
				m.confirmed = true
				return true
			}
			if !m.demonym {
				m.drop = true
				m.nerPerson = e.Source != "actor"
				return true
			}
		case sitrep.KindOrg:
			if !m.demonym && e.Span.Contains(m.Span) && e.Span != m.Span {
				m.role = sitrep.RoleEmbedded
				return true
			}
		case sitrep.KindGPE, sitrep.KindLoc:
			m.confirmed = true
			return true
		case sitrep.KindNORP:
			return m.demonym
		}
	}
	return false
}

// orgKind reports whether actors of kind k are organisations, whose
// names may hold a place's.
func orgKind(k sitrep.ActorKind) bool {
	switch k {
	case sitrep.ActorGovernment, sitrep.ActorMilitary, sitrep.ActorPolice, sitrep.ActorRebel, sitrep.ActorMilitia,
		sitrep.ActorMercenary, sitrep.ActorParty, sitrep.ActorIGO, sitrep.ActorNGO, sitrep.ActorMedia:
		return true
	}
	return false
}

// inLongerName reports whether mention m stands in a run of capitalised
// words inside span sp longer than itself ("Sahel" of "Islamic State
// Sahel Province"), not alone before a common noun ("Misrata militias").
func (p *parse) inLongerName(m *mention, sp sitrep.Span) bool {
	ws := p.ws
	a, b := m.first, m.last
	if a < 0 {
		return false
	}
	return a > 0 && ws[a-1].Start >= sp.Start && ws[a-1].sent == ws[a].sent && p.capable(a-1) ||
		b < len(ws) && ws[b].End <= sp.End && ws[b].sent == ws[a].sent && p.capable(b)
}

// actorKind returns the kind of the document's actor id, "" if unknown.
func (p *parse) actorKind(id string) sitrep.ActorKind {
	for i := range p.doc.Actors {
		if p.doc.Actors[i].ID == id {
			return p.doc.Actors[i].Kind
		}
	}
	return ""
}

// partOfName reports whether the entity span sp holds mention m and,
// right beside it, a capitalised word of a name ("Nahri" of "Nahri
// Saraj", "Rab" of "Rab Dhuure", "Sang" of "Sare-Sang"), whether or not
// the gazetteer knows that word too: m names a piece of a longer name.
// Words that only qualify or classify a name ("North", "Upper",
// "province", "al") do not count.
func (p *parse) partOfName(m *mention, sp sitrep.Span) bool {
	if !sp.Contains(m.Span) || sp == m.Span {
		return false
	}
	// only the capitalised words next to the mention: "the Khowajak Baba
	// area of Kandahar city" is two names
	ws := p.ws
	for k := m.first - 1; k >= 0 && ws[k].End > sp.Start && p.capable(k) && ws[k].sent == ws[m.first].sent; k-- {
		if p.nameWord(k) {
			return true
		}
	}
	for k := m.last; k < len(ws) && ws[k].Start < sp.End && p.capable(k) && ws[k].sent == ws[m.first].sent; k++ {
		if p.nameWord(k) {
			return true
		}
	}
	return false
}

// besideName reports whether the entity span sp holds, right beside
// mention m, a capitalised word ("Lagos" of "Lagos State"; not "the" of
// "the West", nor "and" of "Central and South America").
func (p *parse) besideName(m *mention, sp sitrep.Span) bool {
	ws := p.ws
	before := m.first - 1
	after := m.last
	return before >= 0 && ws[before].Start >= sp.Start && ws[before].sent == ws[m.first].sent && p.capable(before) && !functionWords[ws[before].fold] ||
		after < len(ws) && ws[after].End <= sp.End && ws[after].sent == ws[m.first].sent && p.capable(after) && !functionWords[ws[after].fold]
}

// nameWord reports whether word k is a capitalised word that may be part
// of a name: not a common word (see commonWord), an article or a
// connector.
func (p *parse) nameWord(k int) bool {
	f := strings.TrimSuffix(p.ws[k].fold, ".")
	return p.capable(k) && !p.commonWord(k) && !articles[f] && !connectors[f]
}

// commonWord reports whether word k is a word that classifies or
// qualifies a name rather than names something: a function word, a unit
// or place noun ("State", "Local Government Area", "camp"), an
// organisation word, a direction or a title.
func (p *parse) commonWord(k int) bool {
	f := strings.TrimSuffix(p.ws[k].fold, ".")
	return functionWords[f] || unitWords[f] || placeNouns[f] || areaNouns[f] || orgWords[f] || qualifiers[f] || titles[f]
}

// gold replaces the recognised mentions overlapping the given spans by
// mentions of exactly those spans (the evaluation's gold-spans mode).
func (p *parse) gold(spans []sitrep.Span) {
	keep := p.ms[:0]
	for _, m := range p.ms {
		overlap := false
		for _, s := range spans {
			if s.Overlaps(m.Span) {
				overlap = true
				break
			}
		}
		if !overlap {
			keep = append(keep, m)
		}
	}
	p.ms = keep
	p.goldIndex = make([]int, len(spans))
	for i, s := range spans {
		m := mention{Span: s, best: -1, qualifier: -1, qualifies: -1, forced: true, first: -1, last: -1, key: gazetteer.Key(p.doc.Slice(s))}
		for k := range p.ws {
			if p.ws[k].Start >= s.Start && p.ws[k].End <= s.End {
				if m.first < 0 {
					m.first = k
				}
				m.last = k + 1
			}
		}
		text := p.doc.Slice(s)
		for _, variant := range nameVariants(text) {
			p.buf = p.r.set.Lookup(p.buf[:0], gazetteer.Key(variant))
			if len(p.buf) > 0 {
				break
			}
		}
		if len(p.buf) == 0 && m.first >= 0 && m.last-m.first > 1 {
			// A name that holds a place ("Colorado State University",
			// "Dubai World Cup", "Bank of Japan") stands at that place.
			if a, b, ok := p.inner(m.first, m.last); ok {
				m.role = sitrep.RoleEmbedded
				p.buf = p.r.set.Lookup(p.buf[:0], gazetteer.KeyFolded(p.foldRange(a, b)))
			}
		}
		if len(p.buf) == 0 {
			p.buf = p.r.set.Fuzzy(p.buf[:0], gazetteer.Key(text))
			m.fuzzy = len(p.buf) > 0
		}
		dem := false
		for _, x := range p.buf {
			dem = dem || x.Code == "DEM"
		}
		for _, x := range p.buf {
			if dem && x.Code != "DEM" {
				continue
			}
			m.cands = append(m.cands, cand{Match: x})
		}
		m.demonym = dem
		if m.first >= 0 && !dem {
			m.unit, m.level = p.unitContext(m.first, m.last)
		}
		m.gold = i
		p.ms = append(p.ms, m)
	}
	sort.SliceStable(p.ms, func(i, j int) bool { return p.ms[i].Start < p.ms[j].Start })
	for mi, m := range p.ms {
		if m.forced {
			p.goldIndex[m.gold] = mi
		}
	}
}

// nameVariants returns a name as written and then forms without what
// often surrounds a place name: a leading "the", a possessive, a generic
// unit word.
func nameVariants(s string) []string {
	out := []string{s}
	t := strings.TrimSpace(s)
	for _, pre := range []string{"the ", "The "} {
		if strings.HasPrefix(t, pre) {
			t = t[len(pre):]
			out = append(out, t)
		}
	}
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(t, suf) {
			t = t[:len(t)-len(suf)]
			out = append(out, t)
		}
	}
	if i := strings.LastIndexByte(t, ' '); i > 0 && unitWords[strings.ToLower(t[i+1:])] {
		out = append(out, t[:i])
	}
	if strings.HasSuffix(t, "s") && len(t) > 4 {
		out = append(out, t[:len(t)-1]) // "Americans" when only "American" is known
	}
	return out
}

// inner finds the longest run of words inside words [a, b) that the
// gazetteer knows as a place name: one that starts with a capitalised word
// that is not a function word, an organisation word or a title. Among runs
// of the same length the first wins.
func (p *parse) inner(a, b int) (int, int, bool) {
	for n := b - a - 1; n >= 1; n-- {
		for i := a; i+n <= b; i++ {
			w := &p.ws[i]
			if !p.capable(i) || functionWords[w.fold] || orgWords[w.fold] || titles[strings.TrimSuffix(w.fold, ".")] ||
				n == 1 && (qualifiers[w.fold] || letterCount(w.raw) <= 2) {
				continue
			}
			last := &p.ws[i+n-1]
			if connectors[last.fold] || last.punct {
				continue
			}
			p.buf = p.r.set.Lookup(p.buf[:0], gazetteer.KeyFolded(p.foldRange(i, i+n)))
			for _, c := range p.buf {
				// a country by any of its names, another place by its own
				// name; never a village's or a county's other name ("Nazi",
				// "Fire", "Cedar" of Cedar County, "Penn" of Pennsylvania)
				// nor a small province one word long ("Michael")
				if gazetteer.IsCountryCode(c.Code) || c.Code == "DEM" ||
					c.Primary && (n > 1 || p.spelledAs(c, i)) && !(n == 1 && c.Code == "ADM1" && c.Population < 100000) {
					return i, i + n, true
				}
			}
		}
	}
	return 0, 0, false
}

// spelledAs reports whether word i is written as the candidate's own
// name (after folding), not merely a variant under the same key.
func (p *parse) spelledAs(c gazetteer.Match, i int) bool {
	return gazetteer.Fold(c.Name) == p.ws[i].fold || gazetteer.IsCountryCode(c.Code) || c.Code == "DEM"
}

// foldRange joins the folds of words [a, b) with spaces, leaving out
// punctuation.
func (p *parse) foldRange(a, b int) string {
	var sb strings.Builder
	for k := a; k < b; k++ {
		if p.ws[k].punct {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(p.ws[k].fold)
	}
	return sb.String()
}

// unitContext reads the words around words [a, b) for the kind of place
// meant: unit when a unit word follows ("Idlib province", "New York
// State") or precedes with "of" ("the state of Washington", "province of
// Idlib"); level when the title of a state's or province's office follows
// ("New York Gov. Andrew Cuomo", "the Basra governor").
func (p *parse) unitContext(a, b int) (unit, level bool) {
	ws := p.ws
	b = p.skipParen(b)
	if b < len(ws) && ws[b].sent == ws[a].sent {
		nf := strings.TrimSuffix(ws[b].fold, ".")
		unit = unitWords[nf]
		level = unitTitles[nf]
	}
	if p.kindOf(a, unitWords) {
		unit = true
	}
	return unit || p.unitList(a, b), level
}

// unitList reports whether the name ending before word b is an item,
// not the last, of a list of names that a plural unit word closes ("the
// Dnipropetrovsk and Poltava regions", "Idlib, Hama and Aleppo
// provinces"): each is a unit.
func (p *parse) unitList(a, b int) bool {
	ws := p.ws
	k := b
	if k < len(ws) && ws[k].sent == ws[a].sent && pluralUnits[ws[k].fold] {
		// the last item; a plural right after one name is a kind of
		// unit, not that name's ("the Gulf states", "mid-Atlantic
		// states"): a list must come first
		return a >= 2 && ws[a-2].sent == ws[a].sent && (ws[a-1].raw == "," || ws[a-1].fold == "and" || ws[a-1].fold == "or") && p.capable(a-2)
	}
	for items := 0; k < len(ws) && ws[k].sent == ws[a].sent && items < 6; items++ {
		if items > 0 && pluralUnits[ws[k].fold] {
			return true
		}
		if ws[k].raw != "," && ws[k].fold != "and" && ws[k].fold != "or" {
			return false
		}
		k++
		if k < len(ws) && ws[k].fold == "and" {
			k++ // "Idlib, Hama, and Aleppo"
		}
		n := 0
		for k < len(ws) && ws[k].sent == ws[a].sent && n < 4 && (p.capable(k) || ws[k].joined) && !functionWords[ws[k].fold] {
			k++
			n++
		}
		if n == 0 {
			return false
		}
	}
	return k < len(ws) && ws[k].sent == ws[a].sent && pluralUnits[ws[k].fold]
}

// baseContext reports whether the words from b call the name before them
// an air base or a military base ("al-Watiya airbase", "Tiyas air base",
// "the Bagram air field").
func (p *parse) baseContext(b int) bool {
	ws := p.ws
	if b >= len(ws) || b == 0 || ws[b].sent != ws[b-1].sent {
		return false
	}
	switch ws[b].fold {
	case "airbase", "airbases", "airfield", "airport", "airstrip", "base", "garrison":
		return true
	case "air", "military":
		return b+1 < len(ws) && ws[b+1].sent == ws[b].sent && (ws[b+1].fold == "base" || ws[b+1].fold == "field" || ws[b+1].fold == "airport")
	}
	return false
}

// addBases adds to a name followed by a base word the bases known by the
// name with that word ("Jufra airbase" is Al-Jufra Air Base, not only the
// district Jufra).
func (p *parse) addBases(m *mention) {
	for _, suffix := range []string{"air base", "airbase", "airfield", "base"} {
		p.buf = p.r.set.Lookup(p.buf[:0], m.key+" "+gazetteer.Key(suffix))
	next:
		for _, x := range p.buf {
			if x.Code != "AIRP" && !gazetteer.IsMilitaryCode(x.Code) {
				continue
			}
			for _, c := range m.cands {
				if c.Ref == x.Ref {
					continue next
				}
			}
			x.Primary = true // named as the text names it
			m.cands = append(m.cands, cand{Match: x})
		}
	}
}

// townAfter reports whether "city", "town" or "village" follows word b-1
// ("Tal Afar city").
func (p *parse) townAfter(b int) bool {
	ws := p.ws
	if b <= 0 || b >= len(ws) || ws[b].sent != ws[b-1].sent {
		return false
	}
	f := ws[b].fold
	return f == "city" || f == "town" || f == "village"
}

// skipParen returns the index of the word after a parenthesis of at most
// three words starting at word b ("Shirqat (Sharqat) district"), or b.
func (p *parse) skipParen(b int) int {
	ws := p.ws
	if b >= len(ws) || ws[b].raw != "(" {
		return b
	}
	for k := b + 1; k < len(ws) && k <= b+4 && ws[k].sent == ws[b].sent; k++ {
		if ws[k].raw == ")" {
			return k + 1
		}
	}
	return b
}

// townContext reports whether the words before words [a, b) call it a
// town ("the town of Ménaka", "the city of Tabriz").
func (p *parse) townContext(a int) bool {
	return p.kindOf(a, townWords)
}

// kindOf reports whether word a follows "of" after one of the words in
// kinds, in its sentence ("the town of Ménaka", "the province of Idlib").
func (p *parse) kindOf(a int, kinds map[string]bool) bool {
	ws := p.ws
	return a >= 2 && ws[a-1].fold == "of" && ws[a-2].sent == ws[a].sent && kinds[ws[a-2].fold]
}

// settlementContext reports whether the words before word a call the
// name a settlement ("the village of Kaya", "the town of Menaka", "the
// city of Djibouti"): a populated place rather than the unit or country of
// the same name.
func (p *parse) settlementContext(a int) bool {
	return p.kindOf(a, settlementWords)
}

// hasPopulated reports whether a candidate of the mention is a populated
// place (feature class P).
func (m *mention) hasPopulated() bool {
	for _, c := range m.cands {
		if c.Class == 'P' {
			return true
		}
	}
	return false
}

// locative reports whether word a follows a preposition of place ("in
// Edmonton", "a resident of Tabriz", "flights to Heathrow"): what follows
// is a place even where the report uses the same word as a surname.
func (p *parse) locative(a int) bool {
	if a == 0 || p.ws[a-1].sent != p.ws[a].sent {
		return false
	}
	f := p.ws[a-1].fold
	if f == "of" {
		return a >= 2 && ofPlaces[p.ws[a-2].fold]
	}
	return locatives[f]
}

// abbreviation recognises a short capitalised word written with a full
// stop right after a town and a comma ("GLASGOW, Ky.", "Barrie, Ont.",
// "Severn, Md. man") as the abbreviation of a first-order unit or a
// country: it keeps only such candidates and takes the full stop into the
// span. It reports whether the mention is one.
func (p *parse) abbreviation(m *mention) bool {
	ws := p.ws
	a, b := m.first, m.last
	if b-a != 1 || b >= len(ws) || ws[b].raw != "." || ws[b].Start != ws[a].End || !ws[a].cap || ws[a].upper ||
		letterCount(ws[a].raw) > 5 || a < 2 || ws[a-1].raw != "," || !p.capable(a-2) {
		return false
	}
	n := 0
	for _, c := range m.cands {
		if c.Code == "ADM1" || gazetteer.IsCountryCode(c.Code) {
			if c.Primary {
				return false // the unit's own name ("Iowa.") ending a sentence
			}
			n++
		}
	}
	if n == 0 {
		return false
	}
	keep := m.cands[:0]
	for _, c := range m.cands {
		if c.Code == "ADM1" || gazetteer.IsCountryCode(c.Code) {
			keep = append(keep, c)
		}
	}
	m.cands = keep
	m.End = ws[b].End
	m.confirmed = true
	return true
}

// anyMajor reports whether a candidate is a place too large to be a
// person's name by accident: a country, a demonym, a region of the team's
// table, or a first-order unit of a million people ("Paul", a district of
// Cape Verde, is not).
func (m *mention) anyMajor() bool {
	for _, c := range m.cands {
		if c.Code == "ADM1" && c.Population < 1000000 {
			continue
		}
		if strong(c.Match, 1<<40) {
			return true
		}
	}
	return false
}
