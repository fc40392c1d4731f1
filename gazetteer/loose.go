package gazetteer

import (
	"sort"
	"strings"
)

// Loose matching finds a name written with other vowels, spaces or
// linking syllables than the gazetteer's ("Lashkargah" for Lashkar Gāh,
// "Nahri Saraj" for Nahr-e Sarāj, "Dawlat Abad" for Dowlatābād, "Wardak"
// for Vardak). It compares consonant skeletons (see Skeleton), which is far
// looser than Key, so it is bounded by a country: Set.Loose returns only
// places in the one country the caller names (a report's main country),
// and only administrative units, towns and sites.

// LooseMinSkeleton is the shortest skeleton Set.Loose matches for a name
// of one word; names of two words or more may have one letter less.
const LooseMinSkeleton = 4

// Skeleton returns the consonant skeleton of an index key (see Key):
// linking syllables ("e", "i", "ye" between words) dropped, the words
// joined, "v" read as "w", and after the first letter every vowel, "h", and
// "w" dropped, with repeated letters single ("lashkar gah" and "lashkarga"
// → "lskrg", "nahr e saraj" and "nahri saraj" → "nrsrj").
func Skeleton(key string) string {
	var b strings.Builder
	b.Grow(len(key))
	var last byte
	first := true
	for rest := key; rest != ""; {
		w := rest
		if i := strings.IndexByte(rest, ' '); i >= 0 {
			w, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if !first && (w == "e" || w == "i" || w == "ie" || w == "ye") {
			continue
		}
		first = false
		for j := 0; j < len(w); j++ {
			c := w[j]
			if c == 'v' {
				c = 'w'
			}
			if b.Len() > 0 && (isVowel(c) || c == 'h' || c == 'w' || c == 'y') {
				continue
			}
			if c == last {
				continue
			}
			b.WriteByte(c)
			last = c
		}
	}
	return b.String()
}

type looseKey struct {
	skel  string
	layer int32
	index int32 // key index in the layer
}

func (s *Set) indexLoose() {
	n := 0
	for _, g := range s.layers {
		n += g.Keys()
	}
	s.loose = make([]looseKey, 0, n)
	for li, g := range s.layers {
		g.EachKey(func(i int, k string) {
			if sk := Skeleton(k); len(sk) >= LooseMinSkeleton-1 {
				s.loose = append(s.loose, looseKey{sk, int32(li), int32(i)})
			}
		})
	}
	sort.Slice(s.loose, func(i, j int) bool { return s.loose[i].skel < s.loose[j].skel })
}

// Loose appends to dst the administrative units, towns and sites of
// country (ISO alpha-2) indexed under another key than key with the same
// skeleton (key itself is Lookup's job), with Match.Edits set to 1. Names
// of one word need a skeleton of LooseMinSkeleton letters, longer names
// one less.
func (s *Set) Loose(dst []Match, key, country string) []Match {
	sk := Skeleton(key)
	minLen := LooseMinSkeleton
	if strings.IndexByte(key, ' ') >= 0 {
		minLen--
	}
	if len(sk) < minLen || country == "" {
		return dst
	}
	s.looseOnce.Do(s.indexLoose)
	start := len(dst)
	var buf []Posting
	for i := sort.Search(len(s.loose), func(i int) bool { return s.loose[i].skel >= sk }); i < len(s.loose) && s.loose[i].skel == sk; i++ {
		lk := s.loose[i]
		g := s.layers[lk.layer]
		if g.key(int(lk.index)) == key {
			continue
		}
		buf = g.postingsAt(buf[:0], int(lk.index))
		for _, p := range buf {
			e := g.Entry(p.Entry)
			if e.Country != country || !(e.Class == 'P' || e.Class == 'S' || IsAdminCode(e.Code)) {
				continue
			}
			dst = s.addMatch(dst, start, Match{Ref: Ref{int(lk.layer), p.Entry}, Entry: e, Primary: p.Primary, Edits: 1})
		}
	}
	return dst
}
