package geoparse

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
)

// bearings of the compass words.
var bearings = map[string]float64{
	"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
	"west": 270, "northwest": 315, "nne": 22.5, "ene": 67.5, "ese": 112.5, "sse": 157.5,
	"ssw": 202.5, "wsw": 247.5, "wnw": 292.5, "nnw": 337.5,
}

// units of distance, in kilometres.
var units = map[string]float64{
	"km": 1, "kms": 1, "kilometre": 1, "kilometres": 1, "kilometer": 1, "kilometers": 1,
	"mile": 1.609344, "miles": 1.609344, "mi": 1.609344, "m": 0.001, "metres": 0.001,
	"meters": 0.001, "metre": 0.001, "meter": 0.001, "nm": 1.852,
}

var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
	"a": 1,
}

// numberInitial marks the first bytes of numberWords' keys: number looks
// up only the words that may be one (distance asks it of every word).
var numberInitial = func() (t [256]bool) {
	for w := range numberWords {
		t[w[0]] = true
	}
	return t
}()

// hedges before a distance belong to the relative phrase.
var hedges = set("about", "some", "around", "nearly", "roughly", "approximately", "almost", "over",
	"under", "just", "barely", "only", "at", "least", "more", "than", "less", "up", "to")

// nearWords introduce a place something is close to.
var nearWords = set("near", "outside", "nearby", "outskirts", "close", "around", "vicinity")

// anchorNouns may stand between "of" and the anchor's name ("south of the
// Libyan capital Tripoli", "east of the coastal city of Sirte").
var anchorNouns = set("capital", "city", "town", "village", "port", "province", "region", "district",
	"coastal", "oasis", "key", "strategic", "northern", "southern", "eastern", "western", "central",
	"border", "main", "of", "desert", "mountain", "mountainous", "rebel", "stronghold", "hometown",
	"governorate", "state", "county", "provincial", "regional", "seaside", "frontline", "garrison")

// relative finds relative locations: distance and direction from a place,
// direction alone, nearness, and border areas.
func (p *parse) relative() []sitrep.Place {
	if len(p.ws) == 0 {
		return nil
	}
	at := make(map[int]int, len(p.ms)) // first word → mention
	for mi := range p.ms {
		if p.ms[mi].best >= 0 && p.ms[mi].first >= 0 {
			at[p.ms[mi].first] = mi
		}
	}
	var out []sitrep.Place
	ws := p.ws
	for i := 0; i < len(ws); i++ {
		// distance and direction: "60 kilometres (37 miles) north of X"
		if km, j, ok := p.distance(i); ok {
			bearing, k, ok := p.direction(j)
			if ok && k < len(ws) && (ws[k].fold == "of" || ws[k].fold == "from") {
				if a, end, ok := p.anchorAt(k+1, at); ok {
					out = append(out, p.offsetPlace(i, end, a, bearing, km)...)
					i = end - 1
					continue
				}
			}
		}
		// direction alone: "a village west of the city"
		if bearing, k, ok := p.direction(i); ok && k < len(ws) && ws[k].fold == "of" {
			if a, end, ok := p.anchorAt(k+1, at); ok && precise(a.entry) {
				out = append(out, p.offsetPlace(i, end, a, bearing, 0)...)
				i = end - 1
				continue
			}
		}
		// nearness: "near Tripoli", "on the outskirts of Sirte"
		if nearWords[ws[i].fold] && !ws[i].cap {
			k := i + 1
			if ws[i].fold == "close" || ws[i].fold == "vicinity" || ws[i].fold == "outskirts" {
				if k < len(ws) && (ws[k].fold == "to" || ws[k].fold == "of") {
					k++
				} else {
					continue
				}
			}
			if a, end, ok := p.anchorAt(k, at); ok && a.mention >= 0 && a.entry.Class == 'P' {
				pl := p.entryPlace(a.entry, sitrep.Span{Start: ws[i].Start, End: ws[end-1].End}, "")
				pl.Text = p.doc.Slice(pl.Span)
				pl.Precision = sitrep.PrecisionNear
				pl.Anchor = &sitrep.Anchor{GeonamesID: a.entry.ID, Name: a.entry.Name, Lat: a.entry.Lat, Lon: a.entry.Lon}
				out = append(out, pl)
			}
		}
	}
	out = append(out, p.borders()...)
	out = append(out, p.capitals()...)
	return out
}

// capitals reads "the Libyan capital", with no name after it, as the
// capital city of the demonym's country.
func (p *parse) capitals() []sitrep.Place {
	var out []sitrep.Place
	for mi := range p.ms {
		m := &p.ms[mi]
		if m.best < 0 || !m.demonym || m.placeNoun != "capital" {
			continue
		}
		t, ok := p.demonymTarget(m.cands[m.best].Entry)
		if !ok || !gazetteer.IsCountryCode(t.Code) {
			continue
		}
		e, _, ok := p.r.set.Capital(t.Country)
		if !ok {
			continue
		}
		sp := sitrep.Span{Start: m.Start, End: p.ws[m.last].End}
		out = append(out, p.entryPlace(e, sp, p.doc.Slice(sp)))
	}
	return out
}

// distance reads a distance starting at word i: a number and a unit,
// with an optional parenthetical conversion after it. It returns the
// kilometres and the index of the word after the phrase.
func (p *parse) distance(i int) (float64, int, bool) {
	ws := p.ws
	n, ok := number(ws[i].fold)
	j := i + 1
	var factor float64
	if ok {
		if j >= len(ws) || ws[j].sent != ws[i].sent {
			return 0, 0, false
		}
		if ws[j].fold == "nautical" && j+1 < len(ws) && strings.HasPrefix(ws[j+1].fold, "mile") {
			factor = 1.852
			j++
		} else if factor, ok = units[ws[j].fold]; !ok {
			return 0, 0, false
		}
		j++
	} else {
		// "40km" as one word
		f := ws[i].fold
		k := 0
		for k < len(f) && (f[k] >= '0' && f[k] <= '9' || f[k] == '.') {
			k++
		}
		if k == 0 || k == len(f) {
			return 0, 0, false
		}
		if n, ok = number(f[:k]); !ok {
			return 0, 0, false
		}
		if factor, ok = units[f[k:]]; !ok {
			return 0, 0, false
		}
	}
	// "(25 miles)"
	if j < len(ws) && ws[j].raw == "(" {
		for k := j + 1; k < len(ws) && k < j+6; k++ {
			if ws[k].raw == ")" {
				j = k + 1
				break
			}
		}
	}
	// "to the south of", "to the southeast of"
	if j+1 < len(ws) && ws[j].fold == "to" && ws[j+1].fold == "the" {
		j += 2
	}
	return n * factor, j, true
}

// number parses a numeral ("40", "1,000", "2.5") or a number word.
func number(s string) (float64, bool) {
	if s != "" && numberInitial[s[0]] {
		if v, ok := numberWords[s]; ok {
			return v, true
		}
	}
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil || v <= 0 || v > 20000 {
		return 0, false
	}
	return v, true
}

// direction reads a compass direction at word i ("south", "southeast",
// "south-east", "north east"), returning the bearing and the next word.
func (p *parse) direction(i int) (float64, int, bool) {
	ws := p.ws
	if i >= len(ws) {
		return 0, 0, false
	}
	f := ws[i].fold
	if (f == "north" || f == "south") && i+1 < len(ws) && (ws[i+1].fold == "east" || ws[i+1].fold == "west") {
		if b, ok := bearings[f+ws[i+1].fold]; ok {
			return b, i + 2, true
		}
	}
	b, ok := bearings[f]
	return b, i + 1, ok
}

// anchor is the place a relative location is measured from.
type anchor struct {
	entry   gazetteer.Entry
	mention int // the mention naming it, or -1 ("the capital")
	span    sitrep.Span
}

// anchorAt finds the anchor starting at word k: an optional "the",
// demonyms and nouns such as "capital", then a place name; or, with no
// name, "the [Libyan] capital" read as the capital of the demonym's
// country or of the report's main country. It returns the anchor and the
// index of the word after it.
func (p *parse) anchorAt(k int, at map[int]int) (anchor, int, bool) {
	ws := p.ws
	if k >= len(ws) {
		return anchor{}, 0, false
	}
	sent := ws[k].sent
	start := k
	if ws[k].fold == "the" {
		k++
	}
	country := ""
	capital := -1
	for n := 0; k < len(ws) && ws[k].sent == sent && n < 5; n++ {
		if mi, ok := at[k]; ok {
			m := &p.ms[mi]
			if !m.demonym {
				if m.role == sitrep.RoleEmbedded {
					return anchor{}, 0, false
				}
				return anchor{entry: m.cands[m.best].Entry, mention: mi, span: m.Span}, m.last, true
			}
			country = m.cands[m.best].Country
			k = m.last
			continue
		}
		if !anchorNouns[ws[k].fold] {
			break
		}
		if ws[k].fold == "capital" {
			capital = k
		}
		k++
	}
	if capital < 0 {
		return anchor{}, 0, false
	}
	if country == "" {
		country = p.capitalCountry(k)
	}
	if country == "" {
		return anchor{}, 0, false
	}
	e, _, ok := p.r.set.Capital(country)
	if !ok {
		return anchor{}, 0, false
	}
	return anchor{entry: e, mention: -1, span: sitrep.Span{Start: ws[start].Start, End: ws[capital].End}}, capital + 1, true
}

// capitalCountry returns the country whose capital "the capital" before
// word k most likely is: that of the last capital city named before it,
// or else the report's main country.
func (p *parse) capitalCountry(k int) string {
	c := ""
	for _, m := range p.ms {
		if m.first >= k {
			break
		}
		if m.best >= 0 && !m.demonym && m.cands[m.best].Code == "PPLC" {
			c = m.cands[m.best].Country
		}
	}
	if c == "" {
		c = p.mainCountry()
	}
	return c
}

// mainCountry returns the country the report is most about, when one
// stands out (at least 40% of the focus, counting the countries of the
// actors it names beside its place names).
func (p *parse) mainCountry() string {
	c, share, _ := p.leading()
	if share < 0.4 {
		return ""
	}
	return c
}

// leadCountry returns the country the report is most about when it leads
// clearly, if less than mainCountry asks: 30% of the focus and half as
// much again as the next country.
func (p *parse) leadCountry() string {
	c, share, next := p.leading()
	if share < 0.3 || share < 1.5*next {
		return ""
	}
	return c
}

// leading returns the country with the largest share of the report's
// focus (place names and actors), its share and the next largest share.
func (p *parse) leading() (string, float64, float64) {
	total := p.focusTotal
	for _, v := range p.actorFocus {
		total += v
	}
	if total <= 0 {
		return "", 0, 0
	}
	best, share, next := "", 0.0, 0.0
	consider := func(c string) {
		s := (p.focus[c]*p.focusTotal + p.actorFocus[c]) / total
		switch {
		case s > share || s == share && c < best:
			best, share, next = c, s, share
		case s > next:
			next = s
		}
	}
	for c := range p.focus {
		consider(c)
	}
	for c := range p.actorFocus {
		if _, ok := p.focus[c]; !ok { // each country once
			consider(c)
		}
	}
	return best, share, next
}

// offsetPlace builds the places of a relative location spanning words
// [i, end): the offset point, and the anchor itself when no mention names
// it ("the capital"). A distance phrase that follows an unknown name
// ("in Espiaa, about 40 kilometres south of ...") locates that name.
func (p *parse) offsetPlace(i, end int, a anchor, bearing, km float64) []sitrep.Place {
	ws := p.ws
	start := i
	for start > 0 && ws[start-1].sent == ws[i].sent && hedges[ws[start-1].fold] && i-start < 3 {
		start--
	}
	sp := sitrep.Span{Start: ws[start].Start, End: ws[end-1].End}
	name := ""
	if nameSpan, ok := p.unknownNameBefore(start); ok {
		sp = nameSpan
		name = p.doc.Slice(nameSpan)
	}
	lat, lon := a.entry.Lat, a.entry.Lon
	if km > 0 {
		lat, lon = gazetteer.Destination(lat, lon, bearing, km)
	}
	if name == "" {
		if km > 0 {
			name = fmt.Sprintf("%s km %s of %s", strconv.FormatFloat(math.Round(km), 'f', -1, 64), compass(bearing), a.entry.Name)
		} else {
			name = fmt.Sprintf("%s of %s", compass(bearing), a.entry.Name)
		}
	}
	pl := sitrep.Place{
		Span: sp, Text: p.doc.Slice(sp), Name: name, Country: p.r.set.ISO3(a.entry.Country),
		Lat: round5(lat), Lon: round5(lon), Precision: sitrep.PrecisionNear,
		Anchor: &sitrep.Anchor{GeonamesID: a.entry.ID, Name: a.entry.Name, Lat: a.entry.Lat, Lon: a.entry.Lon,
			BearingDeg: bearing, DistanceKM: math.Round(km*10) / 10},
	}
	out := []sitrep.Place{pl}
	if a.mention < 0 {
		out = append(out, p.entryPlace(a.entry, a.span, p.doc.Slice(a.span)))
	}
	return out
}

// unknownNameBefore finds "in Espiaa, " right before word i: a
// capitalised name of one to three words that is no recognised place,
// after "in", "at", "near", "from" or "to", and followed by a comma.
func (p *parse) unknownNameBefore(i int) (sitrep.Span, bool) {
	ws := p.ws
	if i < 3 || ws[i-1].raw != "," || ws[i-1].sent != ws[i].sent {
		return sitrep.Span{}, false
	}
	end := i - 1
	k := end - 1
	for k >= 0 && end-k <= 3 && ws[k].sent == ws[i].sent && p.capable(k) {
		k--
	}
	if k == end-1 || k < 0 {
		return sitrep.Span{}, false
	}
	switch ws[k].fold {
	case "in", "at", "near", "from", "to", "into", "outside":
	default:
		return sitrep.Span{}, false
	}
	sp := sitrep.Span{Start: ws[k+1].Start, End: ws[end-1].End}
	for _, m := range p.ms {
		if m.Span.Overlaps(sp) {
			return sitrep.Span{}, false
		}
	}
	return sp, true
}

// borders turns "the Tunisian border" and "the Syria-Turkey border" into
// the border area between the two countries: the demonym's country and
// the report's main country, or the two named.
func (p *parse) borders() []sitrep.Place {
	var out []sitrep.Place
	for mi := range p.ms {
		m := &p.ms[mi]
		if m.best < 0 || !borderNouns[m.placeNoun] {
			continue
		}
		c := m.cands[m.best].Entry
		if m.demonym {
			if t, ok := p.demonymTarget(c); ok {
				c = t
			}
		}
		if !gazetteer.IsCountryCode(c.Code) {
			continue
		}
		other := ""
		startSpan := m.Span
		// "Syrian-Turkish border": the previous, hyphen-joined country.
		if mi > 0 && m.first > 0 && p.ws[m.first].joined {
			prev := &p.ms[mi-1]
			if prev.last == m.first && prev.best >= 0 {
				pe := prev.cands[prev.best].Entry
				if prev.demonym {
					pe, _ = p.demonymTarget(pe)
				}
				if gazetteer.IsCountryCode(pe.Code) {
					other = pe.Country
					startSpan = prev.Span
				}
			}
		}
		if other == "" {
			other = p.mainCountryBut(c.Country)
		}
		if other == "" {
			continue
		}
		b, ok := p.r.set.Border(c.Country, other)
		if !ok {
			continue
		}
		nounEnd := p.ws[m.last].End
		sp := sitrep.Span{Start: startSpan.Start, End: nounEnd}
		pl := sitrep.Place{
			Span: sp, Text: p.doc.Slice(sp), Name: b.Name, FeatureCode: "BDR",
			Lat: b.Lat, Lon: b.Lon, Precision: sitrep.PrecisionNear,
			Anchor: &sitrep.Anchor{GeonamesID: c.ID, Name: c.Name, Lat: c.Lat, Lon: c.Lon,
				BearingDeg: math.Round(gazetteer.Bearing(c.Lat, c.Lon, b.Lat, b.Lon)*10) / 10,
				DistanceKM: math.Round(gazetteer.DistanceKM(c.Lat, c.Lon, b.Lat, b.Lon)*10) / 10},
		}
		out = append(out, pl)
	}
	return out
}

// mainCountryBut returns the report's main country other than not.
func (p *parse) mainCountryBut(not string) string {
	best, share := "", 0.0
	for c, s := range p.focus {
		if c != not && (s > share || s == share && c < best) {
			best, share = c, s
		}
	}
	if share < 0.2 {
		return ""
	}
	return best
}

// compass names a bearing.
func compass(b float64) string {
	names := []string{"N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"}
	return names[int(math.Round(b/22.5))%16]
}

func round5(x float64) float64 { return math.Round(x*1e5) / 1e5 }
