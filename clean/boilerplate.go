package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/fold"
)

// phrase is a boilerplate marker: a paragraph whose folded lower-case text
// starts with (or, when short, contains) the phrase is dropped for reason.
type phrase struct {
	text   string
	reason string
	// max, when set, is the most words the paragraph may have; phrases that
	// also open real sentences ("Recommended by the UN, ...") need it.
	max int
}

// starters mark boilerplate when a short paragraph begins with them.
var starters = []phrase{
	{"please let us know if you're having issues with comment", "comment prompt", 0},
	{"leave a comment", "comment prompt", 0},
	{"post a comment", "comment prompt", 0},
	{"add a comment", "comment prompt", 0},
	{"join the conversation", "comment prompt", 0},
	{"join the discussion", "comment prompt", 0},
	{"show comments", "comment prompt", 0},
	{"view comments", "comment prompt", 0},
	{"comments are closed", "comment prompt", 0},
	{"commenting has been", "comment prompt", 0},
	{"comments", "comment prompt", 3},
	{"share this", "share prompt", 0},
	{"share on ", "share prompt", 0},
	{"share via", "share prompt", 0},
	{"click to share", "share prompt", 0},
	{"email this", "share prompt", 0},
	{"print this", "share prompt", 0},
	{"tweet this", "share prompt", 0},
	{"subscribe", "subscribe prompt", 6},
	{"sign up for", "subscribe prompt", 0},
	{"sign up to", "subscribe prompt", 0},
	{"get our newsletter", "subscribe prompt", 0},
	{"already a subscriber", "subscribe prompt", 0},
	{"follow us on", "subscribe prompt", 0},
	{"like us on facebook", "subscribe prompt", 0},
	{"download our app", "subscribe prompt", 0},
	{"download the app", "subscribe prompt", 0},
	{"support our journalism", "subscribe prompt", 0},
	{"support independent journalism", "subscribe prompt", 0},
	{"become a member", "subscribe prompt", 0},
	{"reporting by", "byline", 0},
	{"additional reporting by", "byline", 0},
	{"editing by", "byline", 0},
	{"writing by", "byline", 0},
	{"compiled by", "byline", 0},
	{"read more", "read-more link", 0},
	{"read also", "read-more link", 0},
	{"also read", "read-more link", 0},
	{"related:", "read-more link", 0},
	{"related articles", "read-more link", 0},
	{"related stories", "read-more link", 0},
	{"recommended", "read-more link", 6},
	{"more on this", "read-more link", 0},
	{"see also", "read-more link", 0},
	{"click here", "read-more link", 0},
	{"continue reading", "read-more link", 0},
	{"advertisement", "advertisement", 6},
	{"sponsored", "advertisement", 6},
	{"copyright", "legal notice", 6},
	{"©", "legal notice", 0},
	{"(c) 20", "legal notice", 0},
	{"all rights reserved", "legal notice", 0},
	{"terms of use", "legal notice", 0},
	{"privacy policy", "legal notice", 0},
	{"we use cookies", "legal notice", 0},
	{"this article was originally published", "republication note", 0},
	{"this story has been updated", "republication note", 0},
	{"this article has been updated", "republication note", 0},
}

// contains mark boilerplate anywhere inside very short paragraphs.
var contains = []phrase{
	{"all rights reserved", "legal notice", 0},
	{"newsletter", "subscribe prompt", 0},
	{"subscribe to", "subscribe prompt", 0},
	{"having issues with commenting", "comment prompt", 0},
	{"read more:", "read-more link", 0},
}

// shortWords is the length, in words, under which contains applies.
const shortWords = 15

// boilerplate returns why paragraph s of n words is boilerplate, or "".
func (c *Cleaner) boilerplate(s string, n int) string {
	if n > c.cfg.MaxBoilerplateWords {
		return ""
	}
	if n == 0 || !hasLetter(s) {
		return "separator"
	}
	if (s[0] == 'B' || s[0] == 'b') && isByline(s) {
		return "byline"
	}
	var buf [96]byte
	k := strings.TrimLeft(string(lowerKey(buf[:0], head(s, 80))), " \"'([*-#>|")
	for _, p := range starters {
		if strings.HasPrefix(k, p.text) && (p.max == 0 || n <= p.max) {
			return p.reason
		}
	}
	if n <= shortWords {
		k = fold.Key(s)
		for _, p := range contains {
			if strings.Contains(k, p.text) {
				return p.reason
			}
		}
		if isTimestamp(k) {
			return "timestamp"
		}
	}
	return ""
}

// isByline reports whether s is "By Jane Doe" or "By Jane Doe and John Roe,
// Reuters": a short line starting with "By" followed only by names.
func isByline(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > 10 || !strings.EqualFold(f[0], "by") {
		return false
	}
	if strings.HasSuffix(s, ".") && !isInitial(f[len(f)-1]) {
		return false
	}
	for _, w := range f[1:] {
		w = strings.Trim(w, ",|;:-–—()")
		if w == "" {
			continue
		}
		switch strings.ToLower(w) {
		case "and", "in", "for", "of", "the", "de", "al", "el", "bin", "van", "von", "da", "staff", "correspondent", "reporter", "writer":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func isInitial(w string) bool {
	return len(w) == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z'
}

// isTimestamp reports whether k (folded, lower case) is a "Published 12 May
// 2020" or "Updated: 10:32 GMT" line.
func isTimestamp(k string) bool {
	for _, p := range []string{"published", "updated", "last updated", "posted", "first published"} {
		if strings.HasPrefix(k, p) && strings.ContainsAny(k, "0123456789") {
			return true
		}
	}
	return false
}

// asciiSpace marks the ASCII white-space bytes.
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true}

// wordCount counts white-space separated words in s, stopping at limit.
func wordCount(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, w := utf8.DecodeRuneInString(s[i:])
			space = fold.IsSpace(r)
			i += w
		}
		if space {
			in = false
			continue
		}
		if !in {
			n++
			if n >= limit {
				return n
			}
			in = true
		}
	}
	return n
}

// head returns at most the first n bytes of s, cut at a rune boundary.
func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// tail returns at most the last n bytes of s, cut at a rune boundary.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
