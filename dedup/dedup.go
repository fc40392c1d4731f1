// Package dedup recognises the same article arriving more than once: by its
// canonical URL (tracking parameters, fragments, "www." and AMP variants
// removed), by a hash of its normalised text (case, white space and
// typographic quotes folded), and as a near-duplicate — a syndicated wire
// copy with another headline, a credit line or an edited word — by the
// Jaccard similarity of its three-word shingles, estimated with a 64-value
// MinHash signature (Broder 1997) and found through 16 locality-sensitive
// bands of 4 values each (Leskovec, Rajaraman and Ullman, Mining of Massive
// Datasets, ch. 3).
//
// With 16 bands of 4 rows, a pair with Jaccard similarity 0.8 shares a band
// with probability 0.9996 (0.7: 0.99) and a pair at 0.3 with probability
// 0.12, so stores index the bands and verify candidates by the full
// signature.
//
// Settings: Config.MinSimilarity (default 0.8) and Config.MinWords (default
// 40: shorter texts are matched only exactly, since a few shingles say
// little).
//
// SimHash (Charikar 2002) was tried first and rejected: on news-length texts
// a credit line moves a 64-bit SimHash by 7 bits, far past the 3 bits at
// which unrelated texts start to collide.
package dedup

import (
	"crypto/sha256"
	"encoding/hex"
	"hash/fnv"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// Signature shape: NumHashes MinHash values in NumBands bands of
// NumHashes/NumBands rows.
const (
	NumHashes = 64
	NumBands  = 16
	rows      = NumHashes / NumBands
	// Shingle is the number of words per shingle.
	Shingle = 3
)

// Config holds the near-duplicate thresholds.
type Config struct {
	// MinSimilarity is the least estimated Jaccard similarity of shingle
	// sets at which two texts are near-duplicates.
	MinSimilarity float64
	// MinWords is the least number of words a text needs for a
	// near-duplicate match; shorter texts match only by hash or URL.
	MinWords int
}

// DefaultConfig returns the thresholds sitrep uses: similarity 0.8, 40
// words. Syndicated copies with a new headline or credit line measure 0.9
// and more; distinct reports cast in one template (the same sentence with
// other numbers and places) stay below 0.7.
func DefaultConfig() Config { return Config{MinSimilarity: 0.8, MinWords: 40} }

// Validate checks the settings and names the bad one.
func (c Config) Validate() error {
	if c.MinSimilarity <= 0 || c.MinSimilarity > 1 {
		return sitrep.Errorf(sitrep.EINVALID, "dedup MinSimilarity %g: must be in (0, 1]", c.MinSimilarity)
	}
	if c.MinWords < Shingle {
		return sitrep.Errorf(sitrep.EINVALID, "dedup MinWords %d: must be at least %d (one shingle)", c.MinWords, Shingle)
	}
	return nil
}

// Of returns the fingerprint of an article. MinHash and Bands are empty
// for a text shorter than MinWords words, which stores read as "match
// exactly only".
func (c Config) Of(a *sitrep.Article) sitrep.Fingerprint {
	fp := sitrep.Fingerprint{CanonicalURL: CanonicalURL(a.URL), ContentHash: ContentHash(a.Text)}
	sig, n := MinHash(a.Text)
	if n >= c.MinWords {
		fp.MinHash = sig
		fp.Bands = Bands(sig)
	}
	return fp
}

// Near reports the estimated similarity of two signatures and whether they
// are near-duplicates under the config; false when either is empty.
func (c Config) Near(a, b []uint32) (float64, bool) {
	if len(a) != NumHashes || len(b) != NumHashes {
		return 0, false
	}
	s := Similarity(a, b)
	return s, s >= c.MinSimilarity
}

// Similarity estimates the Jaccard similarity of two texts' shingle sets:
// the share of equal signature values.
func Similarity(a, b []uint32) float64 {
	if len(a) != len(b) || len(a) == 0 {
		return 0
	}
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / float64(len(a))
}

// Bands returns the 16 band keys of a signature: each a hash of the band's
// index and its four values, so equal keys mean equal bands.
func Bands(sig []uint32) []int64 {
	if len(sig) != NumHashes {
		return nil
	}
	out := make([]int64, NumBands)
	for b := range NumBands {
		h := uint64(b+1) * 0x9e3779b97f4a7c15
		for _, v := range sig[b*rows : (b+1)*rows] {
			h = mix(h ^ uint64(v))
		}
		out[b] = int64(h >> 1) // positive: friendlier in SQL
	}
	return out
}

// seeds are the per-hash-function salts, fixed so signatures are stable
// across runs and machines.
var seeds = func() [NumHashes]uint64 {
	var s [NumHashes]uint64
	x := uint64(0x5eed5eed5eed5eed)
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix(x)
	}
	return s
}()

// mix is the splitmix64 finaliser: a fast, well-spread 64-bit hash.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// MinHash returns the MinHash signature of the text's overlapping
// three-word shingles (words: lower-cased letters and digits, apostrophes
// dropped) and the number of words. A text with fewer than Shingle words
// has one shingle of all its words; an empty text has an all-max
// signature.
func MinHash(text string) ([]uint32, int) {
	sig := make([]uint32, NumHashes)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	var win [Shingle]uint64
	n := 0
	add := func(x uint64) {
		for i, s := range seeds {
			if v := uint32(mix(x ^ s)); v < sig[i] {
				sig[i] = v
			}
		}
	}
	var word [64]byte
	w := word[:0]
	flush := func() {
		if len(w) == 0 {
			return
		}
		f := fnv.New64a()
		f.Write(w)
		copy(win[:], win[1:])
		win[Shingle-1] = f.Sum64()
		n++
		w = w[:0]
		if n >= Shingle {
			h := win[0]
			for _, x := range win[1:] {
				h = mix(h ^ x)
			}
			add(h)
		}
	}
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if len(w) < cap(w)-4 {
				w = utf8.AppendRune(w, unicode.ToLower(r))
			}
			continue
		}
		if r == '\'' || r == '\u2019' {
			continue // "Tripoli's" and "Tripolis" alike
		}
		flush()
	}
	flush()
	if n > 0 && n < Shingle {
		h := win[Shingle-n]
		for _, x := range win[Shingle-n+1:] {
			h = mix(h ^ x)
		}
		add(h)
	}
	return sig, n
}

// ContentHash returns the hex SHA-256 (128 bits) of the text with case,
// white space and typographic quotes and dashes folded, so the same report
// with other line ends or curly quotes hashes the same.
func ContentHash(text string) string {
	h := sha256.New()
	var buf [256]byte
	b := buf[:0]
	space, started := false, false
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case r == '\u2018' || r == '\u2019' || r == '\u201b' || r == '\u2032':
			r = '\''
		case r == '\u201c' || r == '\u201d' || r == '\u201f' || r == '\u2033':
			r = '"'
		case r >= '\u2010' && r <= '\u2015':
			r = '-'
		case r == '\u00ad' || r == '\u200b' || r == '\ufeff':
			continue
		default:
			r = unicode.ToLower(r)
		}
		if space && started {
			b = append(b, ' ')
		}
		space, started = false, true
		b = utf8.AppendRune(b, r)
		if len(b) > 200 {
			h.Write(b)
			b = b[:0]
		}
	}
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// trackingParams are query parameters that say how a reader arrived, not
// what they read.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "mc_cid": true, "mc_eid": true,
	"ref": true, "ref_src": true, "referrer": true, "cmpid": true, "cmp": true, "ito": true,
	"ns_campaign": true, "ns_mchannel": true, "ns_source": true, "ns_linkname": true,
	"icid": true, "ocid": true, "share": true, "smid": true, "at_medium": true,
	"at_campaign": true, "outputtype": true, "amp": true, "guccounter": true,
}

// CanonicalURL returns the form of an article URL that two links to the
// same page share: https, lower-case host without "www.", "amp." or "m.",
// no default port, fragment, tracking parameters (utm_*, fbclid, ...) or
// trailing "/amp" and "/", remaining parameters sorted. It returns "" for
// an empty or unreadable URL and for one that is not http(s).
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	default:
		return ""
	}
	host := strings.TrimRight(strings.ToLower(u.Hostname()), ".")
	if host == "" || strings.HasPrefix(host, ".") || strings.Contains(host, "..") ||
		strings.IndexFunc(host, func(r rune) bool { return !unicode.IsPrint(r) || unicode.IsSpace(r) }) >= 0 {
		return "" // not a host name ("http://..", a control or space character)
	}
	// Mobile and AMP mirrors: drop their prefixes, as often as they are
	// stacked, while a domain with a dot remains (so that the result is
	// canonical again).
	for trimmed := true; trimmed; {
		trimmed = false
		for _, p := range []string{"www.", "amp.", "m."} {
			if rest, ok := strings.CutPrefix(host, p); ok && strings.Contains(rest, ".") {
				host, trimmed = rest, true
			}
		}
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]" // IPv6 literal
	}
	if port := u.Port(); port != "" && port != "80" && port != "443" {
		host += ":" + port
	}
	path := u.EscapedPath()
	for {
		p := strings.TrimSuffix(path, "/")
		p = strings.TrimSuffix(p, "/amp")
		p = strings.TrimSuffix(p, ".amp")
		if p == path {
			break
		}
		path = p
	}
	q := u.Query()
	keys := make([]string, 0, len(q))
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
			continue
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteString("https://")
	b.WriteString(host)
	b.WriteString(path)
	sep := byte('?')
	for _, k := range keys {
		vs := q[k]
		slices.Sort(vs)
		for _, v := range vs {
			b.WriteByte(sep)
			sep = '&'
			b.WriteString(url.QueryEscape(k))
			b.WriteByte('=')
			b.WriteString(url.QueryEscape(v))
		}
	}
	return b.String()
}
