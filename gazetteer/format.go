package gazetteer

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"hash/maphash"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unsafe"
)

// The file format, all integers little-endian:
//
//	header   magic "SRGZ", format version u16, key version u16, then
//	         nSections u32 and per section its offset and length (u32 each)
//	strings  uvarint-length-prefixed UTF-8 strings; a string reference is
//	         the offset of its length prefix
//	codes    feature codes: u32 string references; entries index it
//	entries  28 bytes each: GeoNames id u32, lat i32 and lon i32 in 1e-5
//	         degrees, population u32, name u32 and admin path u32 string
//	         references, country [2]byte, code index u8, flags u8
//	keys     u32 string references of the index keys, sorted by key
//	starts   u32 per key plus one: where its postings begin
//	postings u32 entry indexes; bit 31 set when the key is the entry's own
//	         name or ASCII name rather than an alternate name
//	countries 32 bytes each: ISO2 [2], ISO3 [3], continent [2], pad [1],
//	         entry index u32 (+1, 0 none), capital entry index u32 (+1),
//	         area in km² u32, population u32, neighbours u32 string ref,
//	         reserved u32
//	trailer  CRC-32 (IEEE) of everything before it
const (
	magic         = "SRGZ"
	formatVersion = 1
	entrySize     = 28
	countrySize   = 32
	primaryBit    = 1 << 31
	flagDerived   = 1
)

const (
	secStrings = iota
	secCodes
	secEntries
	secKeys
	secStarts
	secPostings
	secCountries
	numSections
)

var sectionNames = [numSections]string{"strings", "codes", "entries", "keys", "starts", "postings", "countries"}

const headerSize = 4 + 2 + 2 + 4 + numSections*8

// ErrFormat is wrapped by every error about a damaged or foreign file.
var ErrFormat = errors.New("not a valid sitrep gazetteer file")

// Country is what the gazetteer knows about a country beyond its entry.
type Country struct {
	ISO2, ISO3 string
	// Continent is GeoNames' two-letter continent code (AF, AS, EU, NA, OC,
	// SA, AN).
	Continent string
	// Entry indexes the country's own entry, or -1.
	Entry int
	// Capital indexes the entry of its capital, or -1.
	Capital    int
	AreaKM2    int64
	Population int64
	// Neighbours are the ISO2 codes of the countries it borders.
	Neighbours []string
}

// Builder collects places and writes them as a gazetteer file.
type Builder struct {
	entries   []builderEntry
	countries []Country
}

type builderEntry struct {
	Entry
	names []string
}

// Add appends a place with its alternate names and returns its index.
// Names that fold to nothing (other scripts) or to digits only are skipped.
func (b *Builder) Add(e Entry, altNames ...string) int {
	b.entries = append(b.entries, builderEntry{Entry: e, names: altNames})
	return len(b.entries) - 1
}

// AddNames adds alternate names to entry i.
func (b *Builder) AddNames(i int, names ...string) {
	b.entries[i].names = append(b.entries[i].names, names...)
}

// Len returns the number of entries added so far.
func (b *Builder) Len() int { return len(b.entries) }

// Entry returns entry i as added.
func (b *Builder) Entry(i int) Entry { return b.entries[i].Entry }

// SetEntry replaces the data of entry i, keeping its names.
func (b *Builder) SetEntry(i int, e Entry) { b.entries[i].Entry = e }

// AddCountry records a country; Entry and Capital index entries of this
// builder (-1 for none).
func (b *Builder) AddCountry(c Country) { b.countries = append(b.countries, c) }

// WriteTo writes the gazetteer file. It returns the number of bytes
// written.
func (b *Builder) WriteTo(w io.Writer) (int64, error) {
	if len(b.entries) >= primaryBit {
		return 0, fmt.Errorf("write gazetteer: %d entries is more than the format holds", len(b.entries))
	}
	var st stringTable
	st.init()

	codes := map[string]int{}
	var codeList []string
	var entries bytes.Buffer
	type posting struct {
		entry   uint32
		primary bool
	}
	index := map[string][]posting{}
	for i, e := range b.entries {
		if e.Lat < -90 || e.Lat > 90 || e.Lon < -180 || e.Lon > 180 || math.IsNaN(e.Lat) || math.IsNaN(e.Lon) {
			return 0, fmt.Errorf("write gazetteer: entry %d (%q, id %d) has coordinates out of range (%v, %v)", i, e.Name, e.ID, e.Lat, e.Lon)
		}
		if e.ID < 0 || e.ID > math.MaxUint32 {
			return 0, fmt.Errorf("write gazetteer: entry %d (%q) has id %d out of range", i, e.Name, e.ID)
		}
		if len(e.Country) != 0 && len(e.Country) != 2 {
			return 0, fmt.Errorf("write gazetteer: entry %d (%q) has country %q, want an ISO alpha-2 code", i, e.Name, e.Country)
		}
		ci, ok := codes[e.Code]
		if !ok {
			if len(codeList) == 255 {
				return 0, fmt.Errorf("write gazetteer: more than 255 feature codes")
			}
			ci = len(codeList)
			codes[e.Code] = ci
			codeList = append(codeList, e.Code)
		}
		var rec [entrySize]byte
		binary.LittleEndian.PutUint32(rec[0:], uint32(e.ID))
		binary.LittleEndian.PutUint32(rec[4:], uint32(int32(math.Round(e.Lat*1e5))))
		binary.LittleEndian.PutUint32(rec[8:], uint32(int32(math.Round(e.Lon*1e5))))
		binary.LittleEndian.PutUint32(rec[12:], uint32(min(max(e.Population, 0), math.MaxUint32)))
		binary.LittleEndian.PutUint32(rec[16:], st.ref(e.Name))
		binary.LittleEndian.PutUint32(rec[20:], st.ref(e.Admin))
		copy(rec[24:26], e.Country)
		rec[26] = byte(ci)
		if e.Derived {
			rec[27] |= flagDerived
		}
		entries.Write(rec[:])

		seen := map[string]bool{}
		add := func(name string, primary bool) {
			k := Key(name)
			if k == "" || isDigits(strings.ReplaceAll(k, " ", "")) || seen[k] {
				return
			}
			seen[k] = true
			index[k] = append(index[k], posting{uint32(i), primary})
		}
		add(e.Name, true)
		if a := asciiName(e.Name); a != e.Name {
			add(a, true)
		}
		for _, n := range e.names {
			add(n, false)
		}
	}

	keys := make([]string, 0, len(index))
	for k := range index {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var keyRefs, starts, posts bytes.Buffer
	var n uint32
	for _, k := range keys {
		writeU32(&keyRefs, st.ref(k))
		writeU32(&starts, n)
		for _, p := range index[k] {
			v := p.entry
			if p.primary {
				v |= primaryBit
			}
			writeU32(&posts, v)
			n++
		}
	}
	writeU32(&starts, n)

	var codeBuf bytes.Buffer
	for _, c := range codeList {
		writeU32(&codeBuf, st.ref(c))
	}

	var countries bytes.Buffer
	for _, c := range b.countries {
		if len(c.ISO2) != 2 || len(c.ISO3) != 3 || (c.Continent != "" && len(c.Continent) != 2) {
			return 0, fmt.Errorf("write gazetteer: country %q/%q/%q: want ISO2, ISO3 and a two-letter continent", c.ISO2, c.ISO3, c.Continent)
		}
		var rec [countrySize]byte
		copy(rec[0:2], c.ISO2)
		copy(rec[2:5], c.ISO3)
		copy(rec[5:7], c.Continent)
		binary.LittleEndian.PutUint32(rec[8:], uint32(c.Entry+1))
		binary.LittleEndian.PutUint32(rec[12:], uint32(c.Capital+1))
		binary.LittleEndian.PutUint32(rec[16:], uint32(min(max(c.AreaKM2, 0), math.MaxUint32)))
		binary.LittleEndian.PutUint32(rec[20:], uint32(min(max(c.Population, 0), math.MaxUint32)))
		binary.LittleEndian.PutUint32(rec[24:], st.ref(strings.Join(c.Neighbours, ",")))
		countries.Write(rec[:])
	}

	sections := [numSections][]byte{
		secStrings:   st.buf.Bytes(),
		secCodes:     codeBuf.Bytes(),
		secEntries:   entries.Bytes(),
		secKeys:      keyRefs.Bytes(),
		secStarts:    starts.Bytes(),
		secPostings:  posts.Bytes(),
		secCountries: countries.Bytes(),
	}
	var out bytes.Buffer
	out.WriteString(magic)
	binary.Write(&out, binary.LittleEndian, uint16(formatVersion))
	binary.Write(&out, binary.LittleEndian, uint16(KeyVersion))
	writeU32(&out, numSections)
	off := headerSize
	for _, s := range sections {
		writeU32(&out, uint32(off))
		writeU32(&out, uint32(len(s)))
		off += len(s)
	}
	for _, s := range sections {
		out.Write(s)
	}
	if out.Len() > math.MaxUint32-4 {
		return 0, fmt.Errorf("write gazetteer: %d bytes is more than the format holds", out.Len())
	}
	writeU32(&out, crc32.ChecksumIEEE(out.Bytes()))
	m, err := w.Write(out.Bytes())
	if err != nil {
		return int64(m), fmt.Errorf("write gazetteer: %w", err)
	}
	return int64(m), nil
}

func writeU32(b *bytes.Buffer, v uint32) {
	var x [4]byte
	binary.LittleEndian.PutUint32(x[:], v)
	b.Write(x[:])
}

// stringTable interns strings as uvarint-length-prefixed bytes.
type stringTable struct {
	buf  bytes.Buffer
	refs map[string]uint32
}

func (t *stringTable) init() {
	t.refs = map[string]uint32{}
	t.ref("") // offset 0 is the empty string
}

func (t *stringTable) ref(s string) uint32 {
	if r, ok := t.refs[s]; ok {
		return r
	}
	r := uint32(t.buf.Len())
	var l [binary.MaxVarintLen64]byte
	t.buf.Write(l[:binary.PutUvarint(l[:], uint64(len(s)))])
	t.buf.WriteString(s)
	t.refs[s] = r
	return r
}

// asciiName returns the folded-for-display ASCII form of a name when it
// differs only by diacritics ("Mişrātah" → "Misratah").
func asciiName(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return Fold(s)
		}
	}
	return s
}

// Gazetteer is an opened gazetteer file.
type Gazetteer struct {
	name     string
	data     string
	sec      [numSections]string
	codes    []string
	nEntries int
	nKeys    int
	byISO2   map[string]int
	// first[c] is the index of the first key whose first byte is >= c;
	// first[256] is nKeys. It narrows every binary search.
	first [257]int32
	// first2[c<<8|d] is the index of the first key whose first two bytes
	// are >= c, d (a one-byte key "c" counts as c, 0); first2[1<<16] is
	// nKeys. Lookups of keys of two bytes or more search only among the
	// keys that share their first two bytes.
	first2 []int32
	// slots is findKey's hash table of the keys (see indexKeys).
	slotsOnce sync.Once
	slots     []uint32
	// wordSlots is HasPrefix's hash table of the keys' word prefixes (see
	// indexWordPrefixes).
	wordOnce  sync.Once
	wordSlots []uint32
}

// Open checks data as a gazetteer file and returns it. name says where the
// data came from, for errors. The data is used in place, not copied: it
// must not change while the gazetteer is in use.
func Open(name, data string) (*Gazetteer, error) {
	fail := func(format string, args ...any) (*Gazetteer, error) {
		return nil, fmt.Errorf("open gazetteer %s: %s: %w", name, fmt.Sprintf(format, args...), ErrFormat)
	}
	if len(data) < headerSize+4 || data[:4] != magic {
		return fail("no SRGZ header (is this a gazetteer written by sitrep gazetteer import?)")
	}
	if v := u16(data, 4); v != formatVersion {
		return fail("format version %d, this build reads version %d; rebuild the file with this sitrep", v, formatVersion)
	}
	if v := u16(data, 6); v != KeyVersion {
		return fail("index key version %d, this build uses version %d; rebuild the file with this sitrep", v, KeyVersion)
	}
	if n := u32(data, 8); n != numSections {
		return fail("%d sections, want %d", n, numSections)
	}
	body := len(data) - 4
	if got, want := crc32.ChecksumIEEE(bytesOf(data[:body])), u32(data, body); got != want {
		return fail("checksum mismatch (file damaged or truncated)")
	}
	g := &Gazetteer{name: name, data: data}
	for i := range numSections {
		off, n := int(u32(data, 12+8*i)), int(u32(data, 16+8*i))
		if off < headerSize || n < 0 || off+n > body || off+n < off {
			return fail("section %s out of bounds", sectionNames[i])
		}
		g.sec[i] = data[off : off+n]
	}
	s := g.sec
	if len(s[secCodes])%4 != 0 || len(s[secEntries])%entrySize != 0 || len(s[secKeys])%4 != 0 ||
		len(s[secStarts]) != len(s[secKeys])+4 || len(s[secPostings])%4 != 0 || len(s[secCountries])%countrySize != 0 {
		return fail("section sizes do not fit the record sizes")
	}
	g.nEntries = len(s[secEntries]) / entrySize
	g.nKeys = len(s[secKeys]) / 4
	validStr := func(ref uint32) bool {
		_, ok := stringAt(s[secStrings], ref)
		return ok
	}
	for i := 0; i < len(s[secCodes]); i += 4 {
		c, ok := stringAt(s[secStrings], u32(s[secCodes], i))
		if !ok {
			return fail("feature code %d: bad string reference", i/4)
		}
		g.codes = append(g.codes, c)
	}
	for i := range g.nEntries {
		r := s[secEntries][i*entrySize:]
		if !validStr(u32(r, 16)) || !validStr(u32(r, 20)) || int(r[26]) >= len(g.codes) {
			return fail("entry %d: bad reference", i)
		}
		lat, lon := int32(u32(r, 4)), int32(u32(r, 8))
		if lat < -90e5 || lat > 90e5 || lon < -180e5 || lon > 180e5 {
			return fail("entry %d: coordinates out of range", i)
		}
	}
	nPost := uint32(len(s[secPostings]) / 4)
	var prevKey string
	next := 0 // the next first-byte bucket to start
	g.first2 = make([]int32, 1<<16+1)
	next2 := 0 // the next two-byte bucket to start
	for i := range g.nKeys {
		k, ok := stringAt(s[secStrings], u32(s[secKeys], 4*i))
		if !ok || (i > 0 && k <= prevKey) || k == "" {
			return fail("key %d: bad reference or keys out of order", i)
		}
		prevKey = k
		for ; next <= int(k[0]); next++ {
			g.first[next] = int32(i)
		}
		for b := prefix2(k); next2 <= b; next2++ {
			g.first2[next2] = int32(i)
		}
		a, b := u32(s[secStarts], 4*i), u32(s[secStarts], 4*i+4)
		if a > b || b > nPost {
			return fail("key %d: postings out of bounds", i)
		}
	}
	for ; next <= 256; next++ {
		g.first[next] = int32(g.nKeys)
	}
	for ; next2 <= 1<<16; next2++ {
		g.first2[next2] = int32(g.nKeys)
	}
	if u32(s[secStarts], 4*g.nKeys) != nPost {
		return fail("postings count mismatch")
	}
	for i := 0; i < len(s[secPostings]); i += 4 {
		if int(u32(s[secPostings], i)&^primaryBit) >= g.nEntries {
			return fail("posting %d: entry out of range", i/4)
		}
	}
	g.byISO2 = map[string]int{}
	for i := 0; i < len(s[secCountries])/countrySize; i++ {
		r := s[secCountries][i*countrySize:]
		e, c := int(u32(r, 8)), int(u32(r, 12))
		if e > g.nEntries || c > g.nEntries || !validStr(u32(r, 24)) {
			return fail("country %d: bad reference", i)
		}
		g.byISO2[r[0:2]] = i
	}
	return g, nil
}

// Name returns where the gazetteer was opened from.
func (g *Gazetteer) Name() string { return g.name }

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return g.nEntries }

// Keys returns the number of distinct index keys.
func (g *Gazetteer) Keys() int { return g.nKeys }

// Size returns the size of the file in bytes.
func (g *Gazetteer) Size() int { return len(g.data) }

// Entry returns entry i, 0 <= i < Len().
func (g *Gazetteer) Entry(i int) Entry {
	r := g.sec[secEntries][i*entrySize : (i+1)*entrySize]
	code := g.codes[r[26]]
	name, _ := stringAt(g.sec[secStrings], u32(r, 16))
	admin, _ := stringAt(g.sec[secStrings], u32(r, 20))
	e := Entry{
		ID:         int64(u32(r, 0)),
		Name:       name,
		Lat:        float64(int32(u32(r, 4))) / 1e5,
		Lon:        float64(int32(u32(r, 8))) / 1e5,
		Population: int64(u32(r, 12)),
		Admin:      admin,
		Code:       code,
		Derived:    r[27]&flagDerived != 0,
	}
	if r[24] != 0 {
		e.Country = r[24:26]
	}
	e.Class = classOf(code)
	return e
}

// Country returns what the gazetteer knows of a country by ISO alpha-2
// code.
func (g *Gazetteer) Country(iso2 string) (Country, bool) {
	i, ok := g.byISO2[iso2]
	if !ok {
		return Country{}, false
	}
	return g.countryAt(i), true
}

// Countries returns every country of the gazetteer.
func (g *Gazetteer) Countries() []Country {
	out := make([]Country, 0, len(g.byISO2))
	for i := 0; i < len(g.sec[secCountries])/countrySize; i++ {
		out = append(out, g.countryAt(i))
	}
	return out
}

func (g *Gazetteer) countryAt(i int) Country {
	r := g.sec[secCountries][i*countrySize : (i+1)*countrySize]
	nb, _ := stringAt(g.sec[secStrings], u32(r, 24))
	c := Country{
		ISO2:       r[0:2],
		ISO3:       r[2:5],
		Continent:  strings.TrimRight(r[5:7], "\x00"),
		Entry:      int(u32(r, 8)) - 1,
		Capital:    int(u32(r, 12)) - 1,
		AreaKM2:    int64(u32(r, 16)),
		Population: int64(u32(r, 20)),
	}
	if nb != "" {
		c.Neighbours = strings.Split(nb, ",")
	}
	return c
}

// Posting is an entry found under an index key.
type Posting struct {
	Entry int
	// Primary is true when the key is the entry's own name (or its ASCII
	// form) rather than one of its alternate names.
	Primary bool
}

// findKey returns the index of key k, or -1. It probes a hash table of
// the keys, built on first use: a binary search over hundreds of thousands
// of keys reads a dozen of them from all over the file, and a geoparser
// looks up every capitalised phrase of every report.
func (g *Gazetteer) findKey(k string) int {
	g.slotsOnce.Do(g.indexKeys)
	mask := uint64(len(g.slots) - 1)
	for h := keyHash(k) & mask; ; h = (h + 1) & mask {
		v := g.slots[h]
		if v == 0 {
			return -1
		}
		if i := int(v - 1); g.key(i) == k {
			return i
		}
	}
}

// indexKeys builds the hash table of findKey: a power of two of slots, at
// least twice the keys, each 0 or a key index plus one, with linear
// probing.
func (g *Gazetteer) indexKeys() {
	n := 1
	for n < 2*g.nKeys+1 {
		n <<= 1
	}
	g.slots = make([]uint32, n)
	mask := uint64(n - 1)
	for i := range g.nKeys {
		h := keyHash(g.key(i)) & mask
		for g.slots[h] != 0 {
			h = (h + 1) & mask
		}
		g.slots[h] = uint32(i + 1)
	}
}

// keySeed seeds the hash of findKey's table, which lives only in memory
// and so needs no hash that is stable across runs.
var keySeed = maphash.MakeSeed()

func keyHash(k string) uint64 { return maphash.String(keySeed, k) }

// lowerBound returns the first key index whose key is >= k.
func (g *Gazetteer) lowerBound(k string) int {
	if k == "" {
		return 0
	}
	var lo, hi int
	if len(k) >= 2 && g.first2 != nil {
		b := prefix2(k)
		lo, hi = int(g.first2[b]), int(g.first2[b+1])
	} else {
		lo, hi = int(g.first[k[0]]), int(g.first[int(k[0])+1])
	}
	return lo + sort.Search(hi-lo, func(i int) bool { return g.key(lo+i) >= k })
}

// prefix2 is the two-byte bucket of a non-empty key (see first2).
func prefix2(k string) int {
	b := int(k[0]) << 8
	if len(k) > 1 {
		b |= int(k[1])
	}
	return b
}

func (g *Gazetteer) key(i int) string {
	s, _ := stringAt(g.sec[secStrings], u32(g.sec[secKeys], 4*i))
	return s
}

// HasPrefix reports whether some index key starts with prefix: a phrase
// matcher uses it to decide whether to read one more word. A prefix that
// ends in a space (the words read so far, "abu ") is one probe of a hash
// table of the keys' word prefixes; any other is a binary search.
func (g *Gazetteer) HasPrefix(prefix string) bool {
	if n := len(prefix); n > 0 && prefix[n-1] == ' ' {
		return g.hasWordPrefix(prefix)
	}
	i := g.lowerBound(prefix)
	return i < g.nKeys && strings.HasPrefix(g.key(i), prefix)
}

// hasWordPrefix reports whether some key starts with prefix, which ends
// in a space: exactly when prefix is one of the word prefixes of
// wordSlots, since the key then has a space at that place.
func (g *Gazetteer) hasWordPrefix(prefix string) bool {
	g.wordOnce.Do(g.indexWordPrefixes)
	mask := uint64(len(g.wordSlots) - 1)
	for h := keyHash(prefix) & mask; ; h = (h + 1) & mask {
		v := g.wordSlots[h]
		if v == 0 {
			return false
		}
		if strings.HasPrefix(g.key(int(v-1)), prefix) {
			return true
		}
	}
}

// indexWordPrefixes builds the table of hasWordPrefix: for every key and
// every space in it, the key's bytes up to and including that space
// ("abu " and "abu dhabi " for "abu dhabi international airport"), each
// distinct prefix once, stored as the index plus one of a key that starts
// with it; a power of two of slots, at least twice the prefixes, linear
// probing. A phrase matcher asks after every word whether a longer name
// may follow, and a binary search reads a dozen keys for each question.
func (g *Gazetteer) indexWordPrefixes() {
	n := 0
	for i := range g.nKeys {
		n += strings.Count(g.key(i), " ")
	}
	size := 1
	for size < 2*n+1 {
		size <<= 1
	}
	g.wordSlots = make([]uint32, size)
	mask := uint64(size - 1)
	for i := range g.nKeys {
		k := g.key(i)
		for p := strings.IndexByte(k, ' '); p >= 0; {
			pre := k[:p+1]
			h := keyHash(pre) & mask
			for ; g.wordSlots[h] != 0; h = (h + 1) & mask {
				if strings.HasPrefix(g.key(int(g.wordSlots[h]-1)), pre) {
					break // a key before this one has the prefix
				}
			}
			if g.wordSlots[h] == 0 {
				g.wordSlots[h] = uint32(i + 1)
			}
			q := strings.IndexByte(k[p+1:], ' ')
			if q < 0 {
				break
			}
			p += q + 1
		}
	}
}

// Postings appends the entries indexed under key k (a Key) to dst.
func (g *Gazetteer) Postings(dst []Posting, k string) []Posting {
	i := g.findKey(k)
	if i < 0 {
		return dst
	}
	return g.postingsAt(dst, i)
}

func (g *Gazetteer) postingsAt(dst []Posting, i int) []Posting {
	a, b := u32(g.sec[secStarts], 4*i), u32(g.sec[secStarts], 4*i+4)
	p := g.sec[secPostings]
	for j := a; j < b; j++ {
		v := u32(p, int(4*j))
		dst = append(dst, Posting{Entry: int(v &^ primaryBit), Primary: v&primaryBit != 0})
	}
	return dst
}

// EachKey calls fn with every index key and its key index, in order.
func (g *Gazetteer) EachKey(fn func(i int, key string)) {
	for i := range g.nKeys {
		fn(i, g.key(i))
	}
}

// classOf derives the GeoNames feature class from a feature code.
func classOf(code string) byte {
	switch {
	case code == "CONT" || code == "BDR" || code == "RGN" || code == "AREA" || code == "PRK" || code == "RESV" || code == "OAS":
		return 'L'
	case IsCountryCode(code) || IsAdminCode(code) || code == "PCL" || code == "ZN" || code == "PRSH":
		return 'A'
	case strings.HasPrefix(code, "PPL") || code == "STLMT":
		return 'P'
	case slices.Contains(hCodes, code):
		return 'H'
	case slices.Contains(tCodes, code):
		return 'T'
	case code == "":
		return 'P'
	}
	return 'S'
}

var hCodes = []string{"OCN", "SEA", "GULF", "BAY", "STRT", "CHN", "STM", "WAD", "LK", "LKS", "RSV", "CNL", "LGN", "SD", "COVE", "INLT", "FJD", "SPNG", "WLL", "MRSH", "DAM"}
var tCodes = []string{"MT", "MTS", "HLL", "HLLS", "ISL", "ISLS", "PEN", "PLAT", "DSRT", "VAL", "PASS", "CAPE", "PK", "RDGE", "VLC", "ATOL", "PLN", "DPR", "CNYN", "UPLD"}

func u16(s string, off int) uint16 {
	return uint16(s[off]) | uint16(s[off+1])<<8
}

func u32(s string, off int) uint32 {
	return uint32(s[off]) | uint32(s[off+1])<<8 | uint32(s[off+2])<<16 | uint32(s[off+3])<<24
}

// stringAt reads the string at ref, reporting false when it does not fit.
func stringAt(blob string, ref uint32) (string, bool) {
	off := int(ref)
	if off >= len(blob) {
		return "", false
	}
	var n uint64
	var shift uint
	for i := 0; ; i++ {
		if off+i >= len(blob) || i >= binary.MaxVarintLen32 {
			return "", false
		}
		c := blob[off+i]
		n |= uint64(c&0x7f) << shift
		if c < 0x80 {
			off += i + 1
			break
		}
		shift += 7
	}
	if n > uint64(len(blob)-off) {
		return "", false
	}
	return blob[off : off+int(n)], true
}

// bytesOf views a string's bytes without copying, for the checksum of a
// file that may be tens of megabytes. The bytes are only read.
func bytesOf(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}
