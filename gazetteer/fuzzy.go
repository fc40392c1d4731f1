package gazetteer

import (
	"math/bits"
	"strings"
)

// Fuzzy matching is bounded three ways, so that it can rescue a misspelt
// or oddly transliterated name ("Misurata" for "Misrata") but never turn an
// unknown word into a distant city:
//   - only single words of at least FuzzyMinLen bytes are tried, with at most one
//     edit below FuzzyTwoEditLen bytes and two from there on;
//   - the first letter must agree;
//   - only notable places are candidates: countries, first-order units,
//     continents, seas and regions, and towns of at least
//     FuzzyMinPopulation people.
//
// Callers add the last bound: accept a fuzzy match only when the document
// supports it (see package geoparse).
const (
	FuzzyMinLen        = 6
	FuzzyTwoEditLen    = 9
	FuzzyMinPopulation = 50000
)

type fuzzyKey struct {
	key   string
	mask  uint32 // letters present, for a quick bound on the distance
	layer int
	index int // key index in the layer
}

// notable reports whether an entry may be reached by a fuzzy match.
func notable(e Entry) bool {
	switch {
	case e.Class == 'A' && (IsCountryCode(e.Code) || e.Code == "ADM1"):
		return true
	case e.Class == 'L' || e.Class == 'H' || e.Class == 'T':
		return e.ID == 0 || e.Population >= FuzzyMinPopulation
	case e.Code == "ADM2" || e.Code == "DEM" || e.Code == "BDR":
		return false
	}
	return e.Population >= FuzzyMinPopulation
}

func (s *Set) indexFuzzy() {
	s.fuzzy = map[uint16][]fuzzyKey{}
	var buf []Posting
	for li, g := range s.layers {
		g.EachKey(func(i int, k string) {
			if len(k) < FuzzyMinLen-1 {
				return
			}
			buf = g.postingsAt(buf[:0], i)
			for _, p := range buf {
				if notable(g.Entry(p.Entry)) {
					b := fuzzyBucket(k[0], len(k))
					s.fuzzy[b] = append(s.fuzzy[b], fuzzyKey{k, letterMask(k), li, i})
					return
				}
			}
		})
	}
	s.fuzzyMasks = make(map[uint16][]uint32, len(s.fuzzy))
	for b, fks := range s.fuzzy {
		masks := make([]uint32, len(fks))
		for i, fk := range fks {
			masks[i] = fk.mask
		}
		s.fuzzyMasks[b] = masks
	}
}

// Fuzzy appends the notable entries whose key is within the edit bound of
// key (see the bounds above) but not equal to it, with Match.Edits set, to
// dst. Exact keys are Lookup's job.
func (s *Set) Fuzzy(dst []Match, key string) []Match {
	if len(key) < FuzzyMinLen || strings.IndexByte(key, ' ') >= 0 {
		return dst
	}
	s.fuzzyOnce.Do(s.indexFuzzy)
	maxEdits := 1
	if len(key) >= FuzzyTwoEditLen {
		maxEdits = 2
	}
	start := len(dst)
	var buf []Posting
	mask := letterMask(key)
	for n := len(key) - maxEdits; n <= len(key)+maxEdits; n++ {
		dst = s.scanBucket(dst, start, key, mask, fuzzyBucket(key[0], n), maxEdits, &buf)
	}
	return dst
}

// fuzzyBucket indexes notable keys by first letter and length.
func fuzzyBucket(first byte, n int) uint16 {
	return uint16(first)<<8 | uint16(min(max(n, 0), 255))
}

// scanBucket appends the matches of one bucket within the edit bound;
// mask is key's letterMask.
func (s *Set) scanBucket(dst []Match, start int, key string, mask uint32, bucket uint16, maxEdits int, bufp *[]Posting) []Match {
	buf := *bufp
	defer func() { *bufp = buf }()
	fks := s.fuzzy[bucket]
	for i, m := range s.fuzzyMasks[bucket] {
		// Each edit changes the set of letters by at most two: it drops
		// at most one of key's letters (a deletion or substitution) and
		// adds at most one (an insertion or substitution).
		if bits.OnesCount32(mask^m) > 2*maxEdits ||
			bits.OnesCount32(mask&^m) > maxEdits || bits.OnesCount32(m&^mask) > maxEdits {
			continue
		}
		fk := &fks[i]
		if fk.key == key {
			continue
		}
		d := editDistance(key, fk.key, maxEdits)
		if d > maxEdits {
			continue
		}
		g := s.layers[fk.layer]
		buf = g.postingsAt(buf[:0], fk.index)
		for _, p := range buf {
			e := g.Entry(p.Entry)
			if !notable(e) {
				continue
			}
			dst = s.addMatch(dst, start, Match{Ref: Ref{fk.layer, p.Entry}, Entry: e, Primary: p.Primary, Edits: d})
		}
	}
	return dst
}

// editDistance returns the optimal-string-alignment distance between a and
// b (insertions, deletions, substitutions and transpositions of adjacent
// letters), or limit+1 as soon as it is known to exceed limit.
func editDistance(a, b string, limit int) int {
	if len(a) > 64 || len(b) > 64 {
		if a == b {
			return 0
		}
		return limit + 1
	}
	// distances never exceed 64 here: bytes are enough, and the rows
	// cost an eighth as much to clear as ints would
	var rows [3][65]uint8
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = uint8(j)
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = uint8(i)
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := uint8(1)
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if int(best) > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return int(prev[len(b)])
}

// letterMask sets bit i for each letter 'a'+i in s, bit 26 for digits and
// bit 27 for anything else.
func letterMask(s string) uint32 {
	var m uint32
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z':
			m |= 1 << (c - 'a')
		case c >= '0' && c <= '9':
			m |= 1 << 26
		default:
			m |= 1 << 27
		}
	}
	return m
}
