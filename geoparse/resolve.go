package geoparse

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
)

// Scoring weights. A candidate's score is its prior (what the gazetteer
// says: class, population) plus what the report says: its country focus,
// closeness to the report's other places, an explicit qualifier.
const (
	focusWeight     = 6.0 // times the share of the report's focus on the candidate's country
	qualifierWeight = 8.0 // "Tripoli, Lebanon"
	nearWeight      = 3.0 // within 100 km of another place of the report
	regionWeight    = 1.5 // within 300 km
	areaWeight      = 0.5 // within 800 km
	insideWeight    = 2.0 // inside an admin unit the report names
	unitWeight      = 4.0 // "Idlib province", "the state of Washington", "New York Gov."
	townWeight      = 8.0 // against a country or unit where the text says "the town of"
	listWeight      = 3.0 // in a list of places of the same kind ("Ohio, Georgia and Texas")
	altNamePenalty  = 1.0 // found by an alternate name, not the place's own
	editPenalty     = 2.5 // per edit of a fuzzy match
)

// prior scores what the gazetteer alone says about a candidate.
func prior(c gazetteer.Match) float64 {
	lp := math.Log10(float64(c.Population) + 1)
	var s float64
	switch {
	case c.Code == "DEM":
		s = 20
	case gazetteer.IsCountryCode(c.Code):
		s = 12 + lp/2
	case c.Code == "BDR":
		s = 10
	case c.Code == "AIRP" || gazetteer.IsMilitaryCode(c.Code):
		s = 6 // an airport or air base is known by name about as well as a city of a million
	case c.ID == 0 && c.Code != "ADM2" && c.Class != 'P' || c.Code == "CONT":
		s = 11 // the team's table: continents, seas, regions, islands
	case c.Code == "ADM1":
		s = 7 + lp/2
	case c.Code == "ADM2":
		s = 3 + lp/2
	case c.Code == "PPLC":
		s = 8 + lp/2
	case c.Class == 'P':
		s = lp
		switch c.Code {
		case "PPLA":
			s += 1.5
		case "PPLA2":
			s += 0.8
		case "PPLA3":
			s += 0.3
		case "PPLX", "PPLQ", "PPLH", "PPLW":
			s -= 1
		}
	default:
		s = 2 + lp
	}
	if !c.Primary {
		s -= altNamePenalty
	}
	return s - editPenalty*float64(c.Edits)
}

// resolve picks a candidate for every mention.
func (p *parse) resolve() {
	for mi := range p.ms {
		m := &p.ms[mi]
		known := false // a notable place has the name as its own
		for ci := range m.cands {
			c := &m.cands[ci]
			c.prior = prior(c.Match)
			known = known || c.Primary && c.Edits == 0 && c.Population >= 100000
		}
		if known {
			for ci := range m.cands {
				if c := &m.cands[ci]; !c.Primary && (c.ID != 0 || c.Code == "ADM2") {
					c.prior -= altNamePenalty // "Venice" is Venice before it is an old name of Dayton
				}
			}
		}
	}
	p.computeFocus()
	if p.looseMatches() {
		p.computeFocus()
	}
	p.findQualifiers()
	if p.qualifiedLoose() {
		p.computeFocus()
	}
	p.pick(false)
	p.pick(true)
	p.oneSense()
	p.preferTown()
	p.support()
}

// looseMatches looks names up by their consonant skeleton in the
// report's main country (gazetteer.Set.Loose), once the country focus
// says which it is: unknown names the text calls places ("in Baaj
// district" → Dowlatābād), and names whose every candidate lies in a
// country no other name of the report points to ("Wardak" → Wardha,
// India, in a report about Afghanistan; Vardak is its province). It
// reports whether it added anything.
func (p *parse) looseMatches() bool {
	country := p.mainCountry()
	if country == "" {
		return false
	}
	added := false
	for mi := range p.ms {
		m := &p.ms[mi]
		if m.demonym || m.role == sitrep.RoleEmbedded || m.key == "" || m.first < 0 {
			continue
		}
		home := false
		for _, c := range m.cands {
			home = home || c.Country == country || c.Country == "" || strong(c.Match, 1000000) || p.otherFocus(m.key, c.Country) >= 0.05
		}
		if home {
			continue
		}
		n := len(m.cands)
		p.buf = p.r.set.Loose(p.buf[:0], m.key, country)
		for _, x := range p.buf {
			m.cands = append(m.cands, cand{Match: x, prior: prior(x), loose: true})
		}
		added = added || len(m.cands) > n
	}
	var extra []mention
	for _, run := range p.unknown {
		a, b := run[0], run[1]
		sp := sitrep.Span{Start: p.ws[a].Start, End: p.ws[b-1].End}
		taken := false
		for _, x := range extra {
			taken = taken || x.Span.Overlaps(sp) // a longer run found first ("Bato Kot", not "Kot")
		}
		var inside []int // mentions of words of the run, all abroad ("Abad" of an unknown "X Abad" → Awat, China)
		for oi := range p.ms {
			o := &p.ms[oi]
			if !o.Span.Overlaps(sp) {
				continue
			}
			inside = append(inside, oi)
			taken = taken || o.forced || o.demonym || !sp.Contains(o.Span)
			for _, c := range o.cands {
				// the whole run already read in the country; a word of it
				// read alone ("Abad" of an unknown "X Abad") gives way to the run
				taken = taken || c.Country == country && o.Span == sp
			}
		}
		k := p.skipParen(b)
		named := k < len(p.ws) && p.ws[k].sent == p.ws[a].sent && (unitWords[p.ws[k].fold] || looseNouns[p.ws[k].fold])
		if taken || p.people[p.ws[a].fold] && !named {
			continue // a name the report uses for a person, unless a unit word follows it here
		}
		key := gazetteer.KeyFolded(p.foldRange(a, b))
		p.buf = p.r.set.Loose(p.buf[:0], key, country)
		if len(p.buf) == 0 {
			continue
		}
		for _, oi := range inside {
			p.ms[oi].drop = true
		}
		m := mention{first: a, last: b, Span: sp, best: -1, qualifier: -1, qualifies: -1, key: key, loose: true, named: named}
		for _, x := range p.buf {
			m.cands = append(m.cands, cand{Match: x, prior: prior(x), loose: true})
		}
		m.unit, m.level = p.unitContext(a, b)
		extra = append(extra, m)
	}
	if len(extra) > 0 {
		keep := p.ms[:0]
		for _, m := range p.ms {
			if !m.drop {
				keep = append(keep, m)
			}
		}
		p.ms = append(keep, extra...)
		sort.SliceStable(p.ms, func(i, j int) bool { return p.ms[i].Start < p.ms[j].Start })
		if p.goldIndex != nil {
			for mi, m := range p.ms {
				if m.forced {
					p.goldIndex[m.gold] = mi
				}
			}
		}
		added = true
	}
	return added
}

// findQualifiers links "X, Y" and "X (Y)" where Y names a country or an
// admin unit.
func (p *parse) findQualifiers() {
	ws := p.ws
	for mi := range p.ms {
		m := &p.ms[mi]
		m.qualifier, m.qualifies = -1, -1
	}
	for mi := range p.ms {
		m := &p.ms[mi]
		if m.last < 0 || m.last+1 >= len(ws) || mi+1 >= len(p.ms) {
			continue
		}
		q := &p.ms[mi+1]
		sep, at := ws[m.last].raw, m.last+1
		if p.unitComma(m.last) && !q.unit {
			// "Hamdaniya district, Nineveh": the province of the district
			// ("Nad Ali district, Nahri Saraj district" lists two)
			sep, at = ",", m.last+2
		}
		if (sep != "," && sep != "(") || q.first != at || q.demonym {
			continue
		}
		// "Washington, New York and Boston", "Miami, Orlando, Tampa":
		// items of a list do not qualify each other.
		if mi+2 < len(p.ms) && q.last >= 0 && q.last < len(ws) && (ws[q.last].fold == "and" || ws[q.last].fold == "or" || ws[q.last].raw == ",") &&
			p.ms[mi+2].first == q.last+1 ||
			mi > 0 && p.ms[mi-1].last >= 0 && m.first >= 1 && ws[m.first-1].raw == "," && p.ms[mi-1].last == m.first-1 {
			continue
		}
		for _, c := range q.cands {
			if gazetteer.IsCountryCode(c.Code) || c.Code == "ADM1" || c.Code == "ADM2" {
				m.qualifier = mi + 1
				q.qualifies = mi
				break
			}
		}
	}
}

// unitComma reports whether word k is a unit word followed by a comma
// ("district," of "Hamdaniya district, Nineveh"): what follows the comma
// names the unit's province or country.
func (p *parse) unitComma(k int) bool {
	ws := p.ws
	return k+1 < len(ws) && ws[k+1].raw == "," && ws[k].sent == ws[k+1].sent &&
		(unitWords[ws[k].fold] || looseNouns[ws[k].fold] || areaNouns[ws[k].fold])
}

// qualifiedLoose adds to a mention qualified by a unit (a Qarabagh
// said to lie in Kabul province) whose candidates all lie outside every admin unit the
// qualifier may name the places of the qualifier's country, spelt alike
// (gazetteer.Set.Loose), that do lie inside one of them: the Qarabagh of
// Kabul province, not the Qarah Bagh of Herat. It reports whether it
// added anything.
func (p *parse) qualifiedLoose() bool {
	added := false
	for mi := range p.ms {
		m := &p.ms[mi]
		if m.qualifier < 0 || m.demonym || m.key == "" || m.role == sitrep.RoleEmbedded {
			continue
		}
		q := &p.ms[m.qualifier]
		country := ""
		inside := false
		for _, u := range q.cands {
			if !gazetteer.IsAdminCode(u.Code) || u.Admin == "" {
				continue
			}
			if country != "" && u.Country != country {
				country = "-" // units of several countries: no one country to look in
			} else if country == "" {
				country = u.Country
			}
			for _, c := range m.cands {
				inside = inside || c.Admin != u.Admin && strings.HasPrefix(c.Admin+".", u.Admin+".")
			}
		}
		if inside || country == "" || country == "-" {
			continue
		}
		p.buf = p.r.set.Loose(p.buf[:0], m.key, country)
		for _, x := range p.buf {
			if p.unitHolds(q, x) && !m.has(x.Ref) {
				m.cands = append(m.cands, cand{Match: x, prior: prior(x), loose: true})
				added = true
			}
		}
	}
	return added
}

// unitHolds reports whether one of the admin-unit candidates of mention q
// contains e (and is not e).
func (p *parse) unitHolds(q *mention, e gazetteer.Match) bool {
	for _, u := range q.cands {
		if gazetteer.IsAdminCode(u.Code) && u.Admin != "" && u.Ref != e.Ref && strings.HasPrefix(e.Admin+".", u.Admin+".") {
			return true
		}
	}
	return false
}

// bestExact returns the best-scoring candidate not found by the skeleton
// lookup, or -1.
func (m *mention) bestExact() int {
	k := -1
	for ci, c := range m.cands {
		if !c.loose && (k < 0 || c.score > m.cands[k].score) {
			k = ci
		}
	}
	return k
}

// has reports whether the mention already has the candidate r.
func (m *mention) has(r gazetteer.Ref) bool {
	for _, c := range m.cands {
		if c.Ref == r {
			return true
		}
	}
	return false
}

// computeFocus estimates the report's country focus: each mention votes
// for the countries of its candidates, weighted by how likely each is on
// priors alone; country names and demonyms vote more.
func (p *parse) computeFocus() {
	p.focus = map[string]float64{}
	p.votes = map[voteKey]float64{}
	total := 0.0
	for mi := range p.ms {
		m := &p.ms[mi]
		if m.key == "" {
			m.key = gazetteer.Key(p.doc.Slice(m.Span))
		}
		if len(m.cands) == 0 || m.role == sitrep.RoleEmbedded || m.partial || m.nearOnly {
			// a piece of a longer name ("Rod" of "Pusht Rod") points
			// nowhere; nor does a name the recogniser took for a person,
			// which needs the report's other places rather than sets them
			continue
		}
		maxP := math.Inf(-1)
		for _, c := range m.cands {
			maxP = math.Max(maxP, c.prior)
		}
		sum := 0.0
		for _, c := range m.cands {
			sum += math.Exp(c.prior - maxP)
		}
		weight := 1.0
		if m.demonym || m.hasCountry() {
			weight = 1.5
		}
		for _, c := range m.cands {
			if c.Country == "" {
				continue
			}
			v := weight * math.Exp(c.prior-maxP) / sum
			p.focus[c.Country] += v
			p.votes[voteKey{m.key, c.Country}] += v
			p.votes[voteKey{m.key, ""}] += v
			total += v
		}
	}
	// The actors the report names vote for their countries, once per
	// country ("Taliban militants" for Afghanistan): a short report may
	// name no country at all. They settle only which country the report is
	// about (mainCountry), not how each name is read.
	p.actorFocus = map[string]float64{}
	for _, e := range p.doc.Entities {
		if e.ActorID == "" {
			continue
		}
		for _, a := range p.doc.Actors {
			if a.ID == e.ActorID && a.Country != "" {
				if cc := p.r.set.ISO2(a.Country); cc != "" {
					p.actorFocus[cc] = 1
				}
			}
		}
	}
	p.focusTotal = total
	if total > 0 {
		for k := range p.focus {
			p.focus[k] /= total
		}
	}
}

// otherFocus is the report's focus on a country counting only the votes
// of names other than key: a name does not vouch for its own reading
// ("Georgia" alone makes no focus on Georgia the country when the report
// lists Ohio and Texas beside it).
func (p *parse) otherFocus(key, country string) float64 {
	return p.otherFocusIn(key, country, p.otherVotes(key))
}

// otherVotes is the focus votes of names other than key, which
// otherFocusIn reads: the same for every candidate of a mention.
func (p *parse) otherVotes(key string) float64 {
	return p.focusTotal - p.votes[voteKey{key, ""}]
}

// otherFocusIn is otherFocus with rest = otherVotes(key).
func (p *parse) otherFocusIn(key, country string, rest float64) float64 {
	if rest <= 1e-9 {
		return 0
	}
	return max(0, (p.focus[country]*p.focusTotal-p.votes[voteKey{key, country}])/rest)
}

// voteKey indexes the focus votes of one name for one country ("" all).
type voteKey struct{ key, country string }

// pick scores the candidates of every mention and keeps the best. With
// context, closeness to the other mentions' current picks counts too.
func (p *parse) pick(context bool) {
	for mi := range p.ms {
		m := &p.ms[mi]
		m.best = -1
		var q *mention
		if m.qualifier >= 0 && p.ms[m.qualifier].best >= 0 {
			q = &p.ms[m.qualifier]
		}
		list := 0
		if context {
			list = p.listKind(mi)
			p.others = p.contextPlaces(mi, p.others[:0])
		}
		rest := p.otherVotes(m.key)
		// "the village of Kaya": a populated place is meant, so neither
		// a country nor a state or province of that name wins where the
		// name has a town's reading (Kaya the town, not Kayah state). A
		// district is left alone: it mostly stands where its town does
		// ("the town of Ranya" is Rania district, not Rania in India).
		settled := !m.unit && m.first >= 0 && p.settlementContext(m.first) && m.hasPopulated()
		for ci := range m.cands {
			c := &m.cands[ci]
			s := c.prior + focusWeight*p.otherFocusIn(m.key, c.Country, rest)
			if settled && (gazetteer.IsCountryCode(c.Code) || c.Code == "ADM1") {
				s -= townWeight
			}
			if q != nil {
				qe := q.cands[q.best].Entry
				switch {
				case gazetteer.IsCountryCode(qe.Code) && c.Country == qe.Country:
					s += qualifierWeight
				case gazetteer.IsAdminCode(qe.Code) && qe.Admin != "" && strings.HasPrefix(c.Admin+".", qe.Admin+"."):
					s += qualifierWeight
				}
			}
			if (m.unit || m.level) && m.role != sitrep.RoleEmbedded && gazetteer.IsAdminCode(c.Code) && (!m.level || c.Code == "ADM1") {
				s += unitWeight
			}
			if m.base && (c.Code == "AIRP" || gazetteer.IsMilitaryCode(c.Code)) {
				s += unitWeight // "al-Jufra airbase": the base, not the district
			}
			if m.qualifies >= 0 && p.holds(c.Entry, &p.ms[m.qualifies]) {
				s += qualifierWeight // "Buffalo, New York": the state that holds Buffalo
			}
			if context {
				s += contextScore(p.others, &c.Entry)
				if list != 0 && kindOf(c.Code) == list {
					s += listWeight
				}
			}
			c.score = s
			if m.best < 0 || s > m.cands[m.best].score {
				m.best = ci
			}
		}
		if m.best >= 0 {
			m.score = m.cands[m.best].score
		}
	}
}

// precise reports whether an entry locates something smaller than a
// country: towns, sites, admin units, regions.
func precise(e gazetteer.Entry) bool {
	return e.Code != "DEM" && e.Precision() <= 3
}

// latKM is a degree of latitude's arc in km, slightly under (see
// contextScore, which uses it as a lower bound of a distance).
const latKM = 6371.0 * math.Pi / 180

// within reports whether the admin path a lies in or is b ("LY.64" in
// "LY"): strings.HasPrefix(a+".", b+".") without building the strings.
func within(a, b string) bool {
	return len(a) >= len(b) && a[:len(b)] == b && (len(a) == len(b) || a[len(b)] == '.')
}

// contextPlaces appends to dst the current picks of the mentions other
// than mi that contextScore weighs: precise places, not another mention of
// the same name, not a name inside another. They do not change while mi's
// candidates are scored, so pick finds them once per mention.
func (p *parse) contextPlaces(mi int, dst []*gazetteer.Entry) []*gazetteer.Entry {
	key := p.ms[mi].key
	for oi := range p.ms {
		o := &p.ms[oi]
		if oi == mi || o.best < 0 || o.key == key && o.key != "" || o.role == sitrep.RoleEmbedded || o.nearOnly {
			continue
		}
		// a pointer: an entry is too big to copy
		oe := &o.cands[o.best].Entry
		if oe.Code == "DEM" || oe.Precision() > 3 {
			continue
		}
		dst = append(dst, oe)
	}
	return dst
}

// contextScore rewards a candidate close to, or inside, the other places
// the report names (contextPlaces).
func contextScore(others []*gazetteer.Entry, e *gazetteer.Entry) float64 {
	if e.Code == "DEM" {
		return 0
	}
	best := math.Inf(1)
	inside := false
	eAdmin := gazetteer.IsAdminCode(e.Code) && e.Admin != ""
	// The score reads the distance to the nearest other place only
	// through the steps below (100, 300, 800 km), and only for a precise
	// candidate: a distance at or beyond bound, the step at or under
	// the best so far, changes nothing, so it need not be computed; 0
	// once nothing can (an imprecise candidate, a place within 100 km).
	bound := 800.0
	if !precise(*e) {
		bound = 0
	}
	for _, oe := range others {
		if oe.Admin != e.Admin {
			if oe.Admin != "" && gazetteer.IsAdminCode(oe.Code) && within(e.Admin, oe.Admin) {
				inside = true
			}
			if eAdmin && within(oe.Admin, e.Admin) {
				inside = true // the unit holds a place the report names
			}
		}
		if bound == 0 {
			if inside {
				break // nothing further can change the score
			}
			continue
		}
		dlat := math.Abs(e.Lat - oe.Lat)
		if dlat > 8 { // over 800 km apart: no closeness bonus
			continue
		}
		// The great-circle distance is at least the arc of the latitudes'
		// difference: skip the trigonometry when that alone (with a margin
		// for rounding) is no closer than the best so far, or than bound.
		if dlat*latKM > min(best, bound)*(1+1e-9)+1e-6 {
			continue
		}
		if d := gazetteer.DistanceKM(e.Lat, e.Lon, oe.Lat, oe.Lon); d < best {
			best = d
			switch {
			case best < 100:
				bound = 0
			case best < 300:
				bound = 100
			case best < 800:
				bound = 300
			}
		}
	}
	s := 0.0
	if precise(*e) {
		switch {
		case best < 100:
			s += nearWeight
		case best < 300:
			s += regionWeight
		case best < 800:
			s += areaWeight
		}
	}
	if inside {
		s += insideWeight
	}
	return s
}

// oneSense gives every mention of the same name the place its mentions
// agree on most, unless a mention has a qualifier of its own.
func (p *parse) oneSense() {
	groups := map[string][]int{}
	for mi := range p.ms {
		m := &p.ms[mi]
		if m.key == "" {
			m.key = gazetteer.Key(p.doc.Slice(m.Span))
		}
		groups[m.key] = append(groups[m.key], mi)
	}
	for _, g := range groups {
		// A name the text once marks as a unit ("New York State", "the
		// state of Washington") is that unit throughout the report.
		cued, town := false, false
		for _, mi := range g {
			cued = cued || p.cued(mi)
			town = town || p.ms[mi].first >= 0 && p.townContext(p.ms[mi].first)
		}
		for _, mi := range g {
			// unless it also calls it a town ("Ménaka region" ... "the
			// town of Ménaka"): then each mention keeps its own reading
			p.ms[mi].unitCued = cued && !town || p.cued(mi)
		}
		if len(g) < 2 {
			continue
		}
		total := map[gazetteer.Ref]float64{}
		for _, mi := range g {
			for _, c := range p.ms[mi].cands {
				total[c.Ref] += c.score
			}
		}
		var bestRef gazetteer.Ref
		bestScore := math.Inf(-1)
		for _, mi := range g {
			for _, c := range p.ms[mi].cands {
				if s := total[c.Ref]; s > bestScore || s == bestScore && less(c.Ref, bestRef) {
					bestRef, bestScore = c.Ref, s
				}
			}
		}
		for _, mi := range g {
			m := &p.ms[mi]
			if m.qualifier >= 0 || p.cued(mi) {
				continue // its own context settled it
			}
			for ci, c := range m.cands {
				if c.Ref == bestRef {
					m.best = ci
					m.score = c.score
				}
			}
		}
	}
}

func less(a, b gazetteer.Ref) bool {
	return a.Layer < b.Layer || a.Layer == b.Layer && a.Index < b.Index
}

// preferTown picks the town over the admin unit of the same name that
// contains it ("Tripoli" the city, not Tripoli district), unless the text
// says "province", "state" ... after the name, or the town is small beside
// its unit (under a tenth of its people: "Quebec" the province).
func (p *parse) preferTown() {
	for mi := range p.ms {
		m := &p.ms[mi]
		if m.best < 0 || m.unitCued {
			continue // the text asks for the unit
		}
		b := m.cands[m.best]
		if !gazetteer.IsAdminCode(b.Code) || b.Admin == "" {
			continue
		}
		for ci, c := range m.cands {
			if c.Class == 'P' && strings.HasPrefix(c.Admin+".", b.Admin+".") && c.Population*10 >= b.Population {
				m.best = ci
				m.score = c.score
				break
			}
		}
	}
}

// support drops weak readings the report does not back: a small place
// (not a country, admin unit, region or town of 50,000) found by one word
// must be in a country the report is about or near its other places; a
// fuzzy match must be both close in spelling and backed that way.
func (p *parse) support() {
	if p.goldIndex != nil {
		for mi := range p.ms {
			if p.ms[mi].best >= 0 {
				p.atQualifier(&p.ms[mi])
				p.warnAmbiguous(&p.ms[mi])
			}
		}
		return
	}
	p.lead, p.main = p.leadCountry(), p.mainCountry() // the focus is settled
	var out, weak []int
	accepted := map[string]gazetteer.Ref{}
	for mi := range p.ms {
		m := &p.ms[mi]
		if m.best < 0 {
			if m.forced {
				out = append(out, mi)
			}
			continue
		}
		c := m.cands[m.best]
		if m.nearOnly && !m.forced && !p.nearSolid(mi, c.Entry, nearOnlyKM) {
			// a name the recogniser took for a person, kept only for the
			// spatial preposition before it: its place must lie beside
			// one the report names ("around Sake" in a report on Goma)
			weak = append(weak, mi)
			continue
		}
		if !m.forced && (p.abroad(mi, c) || p.namesake(mi, c) || p.byAlias(mi, c) || p.bareCounty(mi, c) || p.groupName(mi, c) || p.misfit(mi, c)) {
			weak = append(weak, mi)
			continue
		}
		if !m.forced && m.confirmed && c.loose && p.farFetched(mi, c) {
			// the skeleton lookup was a guess in the report's main
			// country; its namesake far from the report's places gives
			// way to the best of the name's own readings where that is
			// a city of 100,000 or backed ("Tembisa" is the South
			// African town where a stray vote made the report look
			// American)
			if k := m.bestExact(); k >= 0 && (m.cands[k].Primary && m.cands[k].Population >= 100000 || p.backed(mi, m.cands[k])) {
				m.best, m.score = k, m.cands[k].score
				c = m.cands[k]
			}
		}
		if !m.forced && m.confirmed && p.farFetched(mi, c) {
			weak = append(weak, mi)
			continue
		}
		if p.atQualifier(m) {
			c = m.cands[m.best]
		}
		if !m.forced && !m.confirmed && !(m.base && (c.Code == "AIRP" || gazetteer.IsMilitaryCode(c.Code))) {
			multi := m.last-m.first > 1 && !(m.last-m.first == 2 && p.ws[m.last-1].joined && articles[p.ws[m.first].fold])
			ok := true
			single := !multi
			town := c.Class == 'P' || c.Class == 'S'
			switch {
			case m.partial:
				// a name joined by a particle, known only by its head:
				// the report must back the head's place, unless it names
				// nothing else and the head is a town's own name
				ok = p.backed(mi, c) || c.Primary && c.Class == 'P' && p.alone(mi)
			case c.loose:
				// found by its skeleton in the report's main country: the
				// text must call it a unit or a town ("X district", "X
				// city"), qualify it ("X, Helmand") or name it as the
				// province of a unit ("Y district, X"); a preposition
				// alone is too little ("from Martini")
				// place it beside another, and not far from the places
				// the report names ("a Seydabad of a Helmand district"
				// is not the Sayyidabad 450 km away)
				ok = p.focus[c.Country] >= 0.3 && (m.named || !p.people[p.ws[m.first].fold]) &&
					(m.named || m.unit || p.qualifiedBy(m, c.Entry) || m.qualifies >= 0 && p.holds(c.Entry, &p.ms[m.qualifies]) || p.provinceAfterUnit(m.first)) &&
					(p.nearOthers(mi, c.Entry, 200) || !p.otherPrecise(mi))
			case gazetteer.IsMilitaryCode(c.Code) && !m.fuzzy:
				// a base of the team's table, whose names are chosen to
				// name it alone: in a country the report is about or
				// near its other places
				ok = p.focus[c.Country] >= 0.05 || p.nearOthers(mi, c.Entry, 500)
			case town && m.first >= 0 && p.townContext(m.first) && !m.fuzzy:
				// "the town of Ménaka": the text says it is a town; it
				// must still be in a country the report is about, unless
				// nothing else in the report points anywhere and it is
				// named by its own name ("the village of Kaya" alone)
				ok = p.focus[c.Country] >= 0.1 || p.nearOthers(mi, c.Entry, 500) ||
					c.Primary && p.alone(mi)
			case c.Code == "ADM2" && !c.Primary:
				// a county or district by its name without "County",
				// "Territory": only where the text places something there
				// ("in Masisi", "Masisi territory") and near the report's
				// other places; elsewhere it is mostly a surname
				// ("Johnson", "Starr") or a common word ("Iron")
				ok = m.first >= 0 && (p.locative(m.first) || p.townContext(m.first) || m.unit) && p.nearOthers(mi, c.Entry, 200) &&
					!p.people[p.ws[m.first].fold]
			case single && !c.Primary && !strong(c.Match, 100000):
				// found by an alternate name only: needs a neighbour
				ok = p.nearOthers(mi, c.Entry, 300) || m.qualifier >= 0
			case m.role == sitrep.RoleEmbedded && (!strong(c.Match, 100000) ||
				single && c.Code == "ADM1" && c.Population < 100000 && p.orgAdjectiveBefore(m.first)):
				// a place inside an organisation's name needs the report's
				// support: a small town, or a province one word long that
				// few people live in where the name's adjective modifies
				// it as a noun ("Unity" of "Government of National Unity")
				ok = p.focus[c.Country] >= 0.1 && p.nearOthers(mi, c.Entry, 500)
			case town && single && !strong(c.Match, 200000) && p.focus[c.Country] < 0.05 && !p.nearOthers(mi, c.Entry, 500):
				// a town in a country the report is not about, far from
				// its other places
				ok = m.qualifier >= 0
			case m.fuzzy:
				ok = p.focus[c.Country] >= 0.3 && p.nearOthers(mi, c.Entry, 300) && !p.people[p.ws[m.first].fold]
			case !strong(c.Match, 20000) && !multi:
				// small towns share their names with people and things:
				// they need a neighbour in the report
				ok = p.nearOthers(mi, c.Entry, 200) || m.qualifier >= 0
			case !strong(c.Match, 50000) && !multi:
				ok = p.focus[c.Country] >= 0.15 || p.nearOthers(mi, c.Entry, 300) || m.qualifier >= 0
			}
			if !ok {
				weak = append(weak, mi)
				continue
			}
		}
		accepted[m.key] = m.cands[m.best].Ref
		p.warnAmbiguous(m)
		out = append(out, mi)
	}
	// A name the report places once with support ("in Masisi") is the
	// same place where it stands alone ("lost control of Masisi").
	for _, mi := range weak {
		m := &p.ms[mi]
		if ref, ok := accepted[m.key]; ok && ref == m.cands[m.best].Ref && m.first >= 0 && !p.people[p.ws[m.first].fold] {
			p.warnAmbiguous(m)
			out = append(out, mi)
		}
	}
	sort.Ints(out)
	kept := make([]mention, 0, len(out))
	for _, mi := range out {
		kept = append(kept, p.ms[mi])
	}
	p.ms = kept
}

// orgAdjectiveBefore reports whether word a follows a capitalised
// adjective of organisations' names ("National Unity", "Revolutionary
// Guard"): the word it qualifies is a noun of the name.
func (p *parse) orgAdjectiveBefore(a int) bool {
	return a > 0 && p.ws[a-1].sent == p.ws[a].sent && p.ws[a-1].cap && orgAdjectives[p.ws[a-1].fold]
}

// nearOnlyKM is how near another place of the report a nearOnly
// mention's reading must lie.
const nearOnlyKM = 100

// abroad reports whether candidate c of mention mi is a town, site,
// district (a unit below the first order) or a province named by one word
// in a country that only its own name points to, in a report clearly
// about another country (see mainCountry), far from the report's other
// places, with no qualifier
// that holds it, neither a city of 100,000 people by its own name (a
// town by another name that starts as the own name does where the NER
// stage calls the word a place: "Geneva" is the English name of Genève;
// of a million by any) nor a town of 20,000 or in a neighbouring country named by its
// own name: a namesake the report gives no evidence for ("Human" is a
// name of Uman, Ukraine, "Anyii" one of Yuncheng, China; "Wardak"
// spelt like Wardha, India, in a report about Afghanistan; "Jaji, Kaduna"
// read as the district of Paktia in a report about Nigeria). The NER
// stage's confirming the name as a place does not save it: it says the
// name is a place, not which one.
func (p *parse) abroad(mi int, c cand) bool {
	m := &p.ms[mi]
	// a district only where the name has no reading elsewhere (a town of
	// the same name is for pick to weigh); a province named by one word
	// ("Jewish" of the Jewish Autonomous Oblast) like a town
	unit := gazetteer.AdminLevel(c.Code) >= 2 && !m.elsewhere(c.Country) || c.Code == "ADM1" && m.last-m.first == 1
	if c.Class != 'P' && c.Class != 'S' && !unit || strong(c.Match, 100000) && (c.Primary || c.Population >= 1000000 || m.confirmed && c.Class == 'P' && p.sameInitial(m, c)) ||
		m.qualifier >= 0 && p.qualifiedBy(m, c.Entry) || m.qualifies >= 0 {
		return false
	}
	main := p.lead
	if main == "" && p.actorFocus[c.Country] == 0 && p.otherVotes(m.key) >= 2 {
		// no country leads, but the report's other names and actors
		// point to countries, none of them the candidate's: it is abroad
		// from all of them ("Jaji, Kaduna" in a report on a Sierra
		// Leonean envoy in Nigeria is not the district of Paktia)
		main, _, _ = p.leading()
	}
	if main == "" || c.Country == main || p.otherFocus(m.key, c.Country) >= 0.05 {
		return false
	}
	if c.Primary && c.Edits == 0 && !m.fuzzy && (strong(c.Match, 20000) && !(m.unit && c.Class == 'P') && !unit || p.neighbours(main, c.Country)) {
		// the text names it by its own name, and it is a town of note
		// (that the text does not call a district: "Zhari district" is not
		// Żary in Poland) or just across a border
		return false
	}
	return !p.nearSolid(mi, c.Entry, 500)
}

// farFetched reports whether a candidate the NER stage confirms is still
// a reading the report does not support: the entity says the word is a
// place, not that it is the place a spelling one letter off points to
// ("Lundiyanah" → Ludhiāna, in a report about Afghanistan) or the place a
// piece of a longer name is named like ("Saraj" of "Nahri Saraj"). A
// fuzzy match by a place's own name stands when nothing else in the
// report points anywhere (a one-line report naming one city of 100,000
// people); by another
// name, or where the report's other names, places or actors point
// elsewhere, it needs support (backed). A piece of a longer name needs
// support unless it names a city or province of 100,000 people by its
// own name.
func (p *parse) farFetched(mi int, c cand) bool {
	m := &p.ms[mi]
	if c.loose {
		// found by its skeleton in the report's main country, as the
		// unconfirmed ones: near the report's other places, or
		// qualified by a unit that holds it ("Shaykhabad" is not a
		// namesake 600 km from the province the report names)
		return !p.qualifiedBy(m, c.Entry) && !p.nearOthers(mi, c.Entry, 200) && p.otherPrecise(mi)
	}
	if gazetteer.IsCountryCode(c.Code) || !m.fuzzy && !m.partial || p.backed(mi, c) {
		return false
	}
	if m.partial && (c.Code == "DEM" || tableRegion(c.Entry)) {
		return false // "Arab Spring", "Asia-Pacific", "South Asia Earthquake"
	}
	if m.partial && !m.fuzzy {
		// a city or province of 100,000 people by its own name, spelt
		// as the text spells it, stands ("Marrah" of "Jebel Marrah" is
		// not Mara, Tanzania)
		return !c.Primary || c.Population < 100000 || !p.namedAs(m, c)
	}
	return !c.Primary || c.Population < 100000 || !p.alone(mi)
}

// elsewhere reports whether a candidate of the mention lies in another
// country than country.
func (m *mention) elsewhere(country string) bool {
	for _, c := range m.cands {
		if c.Country != country {
			return true
		}
	}
	return false
}

// sameInitial reports whether mention m's text starts with the letter
// candidate c's own name starts with (after folding): an exonym mostly
// does ("Geneva", "Florence", "Turin"), an unrelated other name need not.
func (p *parse) sameInitial(m *mention, c cand) bool {
	if m.first < 0 {
		return false
	}
	own := gazetteer.Fold(c.Name)
	text := p.ws[m.first].fold
	return own != "" && text != "" && own[0] == text[0]
}

// namedAs reports whether the text spells mention m as candidate c's
// own name (after folding).
func (p *parse) namedAs(m *mention, c cand) bool {
	if m.first < 0 {
		return false
	}
	if m.last-m.first == 1 {
		return gazetteer.Fold(c.Name) == p.ws[m.first].fold // no string to build
	}
	return gazetteer.Fold(c.Name) == p.foldRange(m.first, m.last)
}

// namesake reports whether candidate c of mention mi is a town that its
// name alone makes unlikely, a village of under 5,000 people or a town
// under 100,000 known by that name only as one of its other names, where
// the report's other names, places or actors point elsewhere (no actor
// of the report is of its country) and nothing supports it (see
// backed; no place within 500 km): a namesake of an unknown word ("Tapah"
// read as a Romanian village in a report about Afghanistan). A report
// that names nothing else gives no ground to doubt it, unless it is a
// village by another name or by a spelling of its name that the text does
// not use (doubled letters, "ou" for "u").
func (p *parse) namesake(mi int, c cand) bool {
	m := &p.ms[mi]
	if !strings.HasPrefix(c.Code, "PPL") || m.demonym || c.Primary && c.Population >= 5000 || !c.Primary && c.Population >= 100000 ||
		m.qualifier >= 0 || m.base {
		return false
	}
	if p.alone(mi) {
		// nothing else in the report points anywhere: only a village
		// known by the word as one of its other names, or spelt
		// otherwise than the text spells it ("Mesel" is not Messel,
		// Germany), is doubted
		return c.Population < 5000 && (!c.Primary || !p.namedAs(m, c))
	}
	return p.actorFocus[c.Country] == 0 && p.otherFocus(m.key, c.Country) < 0.05 && !p.nearSolid(mi, c.Entry, 500) && !p.backed(mi, c)
}

// byAlias reports whether candidate c of mention mi is a town or site
// that the text names by one of its other names only, one word the report
// does not back (see backed): a village under 20,000 people, or a city
// under a million by a word of four letters or fewer. GeoNames lists a
// place's names in many languages, and a short one is often another
// place's own name that the gazetteer lacks ("Tur" is a name of Tours in
// France and a town in Darfur; "Kiev", the old name of a capital, stands).
// Towns are mostly known in English by another of their names
// ("Galkayo"), so a town of 20,000 by a longer name stands. The NER
// stage's confirming the word does not save it: it says the word is a
// place, not which one. Airports and bases keep the names the team's
// table gives them.
func (p *parse) byAlias(mi int, c cand) bool {
	m := &p.ms[mi]
	if c.Primary || c.Class != 'P' && c.Class != 'S' || c.Code == "AIRP" || gazetteer.IsMilitaryCode(c.Code) || m.demonym || m.base || m.qualifier >= 0 || m.first < 0 || m.last-m.first != 1 {
		return false
	}
	if unit, _ := p.unitContext(m.first, m.last); unit {
		return false // "X province": the unit, whose seat bears its name as another
	}
	short := letterCount(p.ws[m.first].raw) <= 4
	if c.Population >= 1000000 || c.Population >= 20000 && !short {
		return false
	}
	return !p.backed(mi, c)
}

// atQualifier places a mention whose pick lies outside the country or
// unit that qualifies it ("X district, Nangarhar" where the only
// X is in another province; "Holliday, Missouri" where the
// gazetteer's only Holliday is in Texas) at its qualifier: the text says
// where it is, the gazetteer has no such place there, and the coarser
// place is right where the namesake is not. It reports whether it moved
// the mention.
func (p *parse) atQualifier(m *mention) bool {
	if m.best < 0 {
		return false
	}
	u, ok := p.outsideQualifier(m, m.cands[m.best])
	if !ok {
		return false
	}
	m.cands = append(m.cands, cand{Match: u, score: m.score})
	m.best = len(m.cands) - 1
	return true
}

// outsideQualifier reports whether mention m has a qualifier ("X,
// Lebanon", "X district, Helmand") that names a country or an admin unit
// not holding candidate c (pick prefers one that does, so no reading of
// the name lies where the text puts it), and returns that country or
// unit. After a unit word ("Baaj district, Nineveh") the qualifier names a
// province: its readings and the first-order units that hold them are
// all tried. Units side by side are mostly a list ("Michigan, Oregon"):
// only a town, site or lower unit is checked.
func (p *parse) outsideQualifier(m *mention, c cand) (gazetteer.Match, bool) {
	if m.qualifier < 0 || p.ms[m.qualifier].best < 0 || !(c.Class == 'P' || c.Class == 'S' || gazetteer.AdminLevel(c.Code) >= 2) {
		return gazetteer.Match{}, false
	}
	q := &p.ms[m.qualifier]
	pick := q.cands[q.best].Match
	var units [8]gazetteer.Match
	us := units[:0]
	if unitOrCountry(pick.Entry) {
		us = append(us, pick)
	}
	if m.last >= 0 && p.unitComma(m.last) {
		// the province: the pick's first-order unit first, then the
		// other readings' ones
		for i := -1; i < len(q.cands) && len(us) < cap(us)-1; i++ {
			x := pick
			if i >= 0 {
				x = q.cands[i].Match
			}
			if unitOrCountry(x.Entry) && i >= 0 {
				us = append(us, x)
			}
			if a1, ok := p.r.set.Admin1(x.Entry); ok && a1.Code == "ADM1" {
				if _, ref, ok := p.r.set.ByID(a1.ID); ok && a1.ID != 0 {
					us = append(us, gazetteer.Match{Ref: ref, Entry: a1, Primary: true})
				}
			}
		}
	}
	if len(us) == 0 {
		return gazetteer.Match{}, false
	}
	for _, u := range us {
		if gazetteer.IsCountryCode(u.Code) && c.Country == u.Country ||
			!gazetteer.IsCountryCode(u.Code) && strings.HasPrefix(c.Admin+".", u.Admin+".") {
			return gazetteer.Match{}, false
		}
	}
	return us[0], true
}

// unitOrCountry reports whether e is a country or an admin unit with a
// known place in the hierarchy.
func unitOrCountry(e gazetteer.Entry) bool {
	return gazetteer.IsCountryCode(e.Code) || gazetteer.IsAdminCode(e.Code) && e.Admin != ""
}

// misfit reports whether the text around mention mi contradicts its
// pick c where nothing else in the report backs it: a city of 100,000
// known by the word only as one of its other names where the text calls
// the place a village or a camp ("the village of Tur" is not Tours), or
// a village of under 5,000 people standing where the text puts the
// province of an unknown place (an unknown village placed in "Arsi" is
// not in Arsy, France).
func (p *parse) misfit(mi int, c cand) bool {
	m := &p.ms[mi]
	if m.first < 0 || !strings.HasPrefix(c.Code, "PPL") {
		return false
	}
	ws := p.ws
	a, b := m.first, m.last
	misfit := false
	switch {
	case !c.Primary && c.Population >= 100000:
		misfit = p.kindOf(a, smallPlaceWords) || b < len(ws) && smallPlaceWords[ws[b].fold] && ws[b].sent == ws[a].sent
	case c.Population < 5000 && m.qualifier < 0 && a >= 2 && ws[a-1].raw == "," && ws[a-2].sent == ws[a].sent && p.capable(a-2) &&
		!functionWords[ws[a-2].fold] && !p.covered(a-2):
		// not an item of a list ("Dodola, Arsi and Bale")
		misfit = !(b < len(ws) && ws[b].sent == ws[a].sent && (ws[b].raw == "," || ws[b].fold == "and" || ws[b].fold == "or"))
	}
	return misfit && !p.backed(mi, c) // the report's support last: it reads every other mention
}

// bareCounty reports whether candidate c of mention mi is a county or
// district that the text names without its unit word ("New Hanover" for
// New Hanover County) and does not call a unit, where nothing in the
// report backs it (see backed): the NER stage's calling the name a place
// says nothing of which ("New Hanover" is also a town in KwaZulu-Natal
// that the gazetteer lacks). Unconfirmed names meet the same test in
// support.
func (p *parse) bareCounty(mi int, c cand) bool {
	m := &p.ms[mi]
	if c.Code != "ADM2" || c.Primary || !m.confirmed || m.first < 0 {
		return false
	}
	if unit, _ := p.unitContext(m.first, m.last); unit || p.townContext(m.first) {
		return false // "X district"; "the village of Ranya", where only Rania district is known
	}
	return !p.backed(mi, c)
}

// groupName reports whether mention mi names a people or a group
// ("Abala herdsmen", "Abala militia") and its pick is a town of under
// 100,000 people that nothing in the report supports: a namesake of the
// group's name, not where anything happened.
func (p *parse) groupName(mi int, c cand) bool {
	m := &p.ms[mi]
	b := m.last
	if m.first < 0 || b >= len(p.ws) || p.ws[b].sent != p.ws[m.first].sent || !groupNouns[p.ws[b].fold] ||
		c.Class != 'P' || strong(c.Match, 100000) || p.locative(m.first) {
		return false
	}
	return p.actorFocus[c.Country] == 0 && p.otherFocus(m.key, c.Country) < 0.3 && !p.nearSolid(mi, c.Entry, 300) && !p.backed(mi, c)
}

// covered reports whether a mention holds word k.
func (p *parse) covered(k int) bool {
	for mi := range p.ms {
		if p.ms[mi].first <= k && k < p.ms[mi].last {
			return true
		}
	}
	return false
}

// backed reports whether the report supports candidate c of mention mi
// beyond its own name: a qualifier that holds it ("X, Helmand"), another
// place of the report within 300 km, other names pointing to its country
// (30% of their focus), or an actor of that country that the report
// leads on ("Taliban fighters" for Afghanistan) where it names no other
// place to be near (an actor fights far from home: "Boko Haram" does not
// put a village by Lake Chad at Kaduna).
func (p *parse) backed(mi int, c cand) bool {
	m := &p.ms[mi]
	return p.qualifiedBy(m, c.Entry) || p.nearSolid(mi, c.Entry, 300) || p.otherFocus(m.key, c.Country) >= 0.3 ||
		p.actorFocus[c.Country] > 0 && p.main == c.Country && !p.otherSolid(mi)
}

// alone reports whether nothing in the report but mention mi's own name
// points anywhere: no other name votes for a country, no actor has one
// and no other mention has a pick smaller than a country.
func (p *parse) alone(mi int) bool {
	return p.otherVotes(p.ms[mi].key) <= 1e-9 && len(p.actorFocus) == 0 && !p.otherPrecise(mi)
}

// otherSolid is otherPrecise counting only the picks that do not need
// support themselves (see solid).
func (p *parse) otherSolid(mi int) bool {
	return p.otherPick(mi, true)
}

// qualifiedBy reports whether mention m's qualifier ("X, Helmand")
// holds e: it is e's country or an admin unit e lies in.
func (p *parse) qualifiedBy(m *mention, e gazetteer.Entry) bool {
	if m.qualifier < 0 || p.ms[m.qualifier].best < 0 {
		return false
	}
	q := p.ms[m.qualifier].cands[p.ms[m.qualifier].best].Entry
	return gazetteer.IsCountryCode(q.Code) && q.Country == e.Country ||
		gazetteer.IsAdminCode(q.Code) && q.Admin != "" && strings.HasPrefix(e.Admin+".", q.Admin+".")
}

// provinceAfterUnit reports whether word a follows a unit word and a
// comma ("Baaj district, Nineveh"): it names the unit's province.
func (p *parse) provinceAfterUnit(a int) bool {
	ws := p.ws
	return a >= 2 && ws[a-1].raw == "," && ws[a-2].sent == ws[a].sent && (unitWords[ws[a-2].fold] || looseNouns[ws[a-2].fold])
}

// otherPrecise reports whether a mention other than mi (and other than
// its name) has a pick smaller than a country.
func (p *parse) otherPrecise(mi int) bool {
	return p.otherPick(mi, false)
}

// otherPick is otherPrecise, or otherSolid where solidOnly is set.
func (p *parse) otherPick(mi int, solidOnly bool) bool {
	for oi := range p.ms {
		o := &p.ms[oi]
		if oi != mi && o.best >= 0 && o.key != p.ms[mi].key && o.role != sitrep.RoleEmbedded && precise(o.cands[o.best].Entry) &&
			(!solidOnly || o.solid()) {
			return true
		}
	}
	return false
}

// neighbours reports whether two countries share a border.
func (p *parse) neighbours(a, b string) bool {
	ca, ok := p.r.set.Country(a)
	return ok && slices.Contains(ca.Neighbours, b)
}

// nearOthers reports whether e lies within km of another mention's pick.
func (p *parse) nearOthers(mi int, e gazetteer.Entry, km float64) bool {
	return p.nearPick(mi, e, km, false)
}

// nearPick is nearOthers, or nearSolid where solidOnly is set.
func (p *parse) nearPick(mi int, e gazetteer.Entry, km float64, solidOnly bool) bool {
	for oi := range p.ms {
		o := &p.ms[oi]
		if oi == mi || o.best < 0 || o.key == p.ms[mi].key || solidOnly && !o.solid() {
			continue
		}
		oe := o.cands[o.best].Entry
		if precise(oe) && gazetteer.DistanceKM(e.Lat, e.Lon, oe.Lat, oe.Lon) <= km {
			return true
		}
	}
	return false
}

// nearSolid is nearOthers counting only the picks that do not need
// support themselves (see solid): two namesakes of unknown words in one
// far country ("Tapah" and the "Rod" of "Pusht Rod", both read as
// Romanian villages in a report about Afghanistan) do not vouch for each
// other.
func (p *parse) nearSolid(mi int, e gazetteer.Entry, km float64) bool {
	return p.nearPick(mi, e, km, true)
}

// solid reports whether the mention's pick is one its name alone makes
// likely: found by the place's own name or a notable place's other name,
// not a fuzzy match, and not a piece of a longer name unless a place of
// 100,000 people by its own name.
func (m *mention) solid() bool {
	c := m.cands[m.best]
	if m.partial {
		// "Western Cape" of "Western Cape Education": a province by its
		// own name stands on its own
		return !m.fuzzy && c.Primary && c.Population >= 100000
	}
	return !m.fuzzy && (c.Primary || strong(c.Match, 100000))
}

// warnAmbiguous records a close call between candidates far apart.
func (p *parse) warnAmbiguous(m *mention) {
	b := m.cands[m.best]
	for ci, c := range m.cands {
		if ci == m.best || b.score-c.score > 1 {
			continue
		}
		if gazetteer.DistanceKM(b.Lat, b.Lon, c.Lat, c.Lon) > 500 {
			p.doc.Warn("geoparse", fmt.Sprintf("ambiguous place %q: chose %s (%s, %s) over %s (%s, %s)",
				p.doc.Slice(m.Span), b.Name, b.Country, b.Code, c.Name, c.Country, c.Code), m.Span)
			return
		}
	}
}

// places turns the resolved mentions into places.
func (p *parse) places() []sitrep.Place {
	out := make([]sitrep.Place, 0, len(p.ms))
	for mi := range p.ms {
		m := &p.ms[mi]
		if m.best < 0 {
			continue
		}
		out = append(out, p.place(m))
	}
	return out
}

// place converts a resolved mention.
func (p *parse) place(m *mention) sitrep.Place {
	e := m.cands[m.best].Entry
	text := p.doc.Slice(m.Span)
	if m.demonym {
		if t, ok := p.demonymTarget(e); ok {
			e = t
		}
	}
	pl := p.entryPlace(e, m.Span, text)
	pl.Role = m.role
	switch m.placeNoun {
	case "", "border", "borders", "frontier", "frontiers", "capital":
		// a border area or a capital is a place of its own (see relative)
	default:
		if m.demonym {
			pl.Role = sitrep.RoleLocation // "Libyan territory": somewhere in Libya
		}
	}
	return pl
}

// entryPlace fills a place from a gazetteer entry.
func (p *parse) entryPlace(e gazetteer.Entry, sp sitrep.Span, text string) sitrep.Place {
	pl := sitrep.Place{
		Span: sp, Text: text, GeonamesID: e.ID, Name: e.Name,
		Country: p.r.set.ISO3(e.Country), FeatureCode: e.Code,
		Lat: e.Lat, Lon: e.Lon, Precision: e.Precision(),
	}
	if !gazetteer.IsCountryCode(e.Code) && e.Code != "BDR" {
		if a1, ok := p.r.set.Admin1(e); ok {
			pl.Admin1 = a1.Name
		}
	}
	return pl
}

// demonymTarget returns the place a demonym entry stands for.
func (p *parse) demonymTarget(d gazetteer.Entry) (gazetteer.Entry, bool) {
	if len(d.Admin) == 2 && strings.ToUpper(d.Admin) == d.Admin {
		e, _, ok := p.r.set.CountryEntry(d.Admin)
		return e, ok
	}
	if d.ID != 0 {
		if e, _, ok := p.r.set.ByID(d.ID); ok {
			return e, true
		}
	}
	var buf [8]gazetteer.Match
	for _, m := range p.r.set.Lookup(buf[:0], gazetteer.Key(d.Admin)) {
		if m.Code != "DEM" && m.Lat == d.Lat && m.Lon == d.Lon {
			return m.Entry, true
		}
	}
	return gazetteer.Entry{}, false
}

// holds reports whether the unit e (a country or an admin unit) contains
// one of the candidates of mention o.
func (p *parse) holds(e gazetteer.Entry, o *mention) bool {
	country := gazetteer.IsCountryCode(e.Code)
	if !country && !gazetteer.IsAdminCode(e.Code) || e.Admin == "" {
		return false
	}
	for _, c := range o.cands {
		if country && c.Country == e.Country && !gazetteer.IsCountryCode(c.Code) ||
			!country && c.Admin != e.Admin && strings.HasPrefix(c.Admin+".", e.Admin+".") {
			return true
		}
	}
	return false
}

// Kinds of place a list holds.
const (
	kindCountry = 1 + iota
	kindProvince
)

func kindOf(code string) int {
	switch {
	case gazetteer.IsCountryCode(code):
		return kindCountry
	case code == "ADM1":
		return kindProvince
	}
	return 0
}

// listKind returns the kind of place (country, first-order unit) that the
// mentions listed beside mention mi stand for ("Michigan, Oregon, New
// York and Ohio"; "France, Germany and Georgia"), or 0 when it is not in
// a list or its neighbours disagree.
func (p *parse) listKind(mi int) int {
	kind := 0
	for _, oi := range []int{mi - 1, mi + 1} {
		if oi < 0 || oi >= len(p.ms) {
			continue
		}
		a, b := &p.ms[mi], &p.ms[oi]
		if oi < mi {
			a, b = b, a
		}
		if a.last < 0 || b.first < 0 || !p.listed(a.last, b.first) {
			continue
		}
		o := &p.ms[oi]
		if o.best < 0 || o.role == sitrep.RoleEmbedded || o.demonym || p.ms[mi].qualifier == oi || p.ms[mi].qualifies == oi ||
			p.townInside(o) {
			continue // "Oaxaca State, Mexico" qualifies, it does not list; "New York" may be the city
		}
		k := kindOf(o.cands[o.best].Code)
		if k == 0 || kind != 0 && k != kind {
			return 0
		}
		kind = k
	}
	return kind
}

// listed reports whether words [a, b) only separate two items of a list:
// a comma, "and", "or", or a comma and one of them.
func (p *parse) listed(a, b int) bool {
	if b <= a || b-a > 2 || p.ws[a].sent != p.ws[b].sent {
		return false
	}
	for k := a; k < b; k++ {
		if f := p.ws[k].fold; p.ws[k].raw != "," && f != "and" && f != "or" {
			return false
		}
	}
	return true
}

// cued reports whether the text around mention mi asks for an admin unit
// and its pick is one: a unit word or a state office beside it, a place it
// qualifies and holds ("Buffalo, New York"), or a list of provinces.
func (p *parse) cued(mi int) bool {
	m := &p.ms[mi]
	if m.best < 0 || !gazetteer.IsAdminCode(m.cands[m.best].Code) {
		return false
	}
	return m.unit || m.level || m.qualifies >= 0 && p.holds(m.cands[m.best].Entry, &p.ms[m.qualifies]) ||
		p.listKind(mi) == kindProvince
}

// townInside reports whether mention m's pick is an admin unit holding a
// town of the same name big beside it (New York, Quebec): which of the two
// the text means is not settled by the pick.
func (p *parse) townInside(m *mention) bool {
	b := m.cands[m.best]
	if !gazetteer.IsAdminCode(b.Code) || b.Admin == "" {
		return false
	}
	for _, c := range m.cands {
		if c.Class == 'P' && strings.HasPrefix(c.Admin+".", b.Admin+".") && c.Population*10 >= b.Population {
			return true
		}
	}
	return false
}
