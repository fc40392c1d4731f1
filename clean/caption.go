package clean

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/fold"
)

// captionInfo describes a caption found at the start of a paragraph.
type captionInfo struct {
	end    int         // end of the caption, relative to the paragraph
	credit sitrep.Span // a photo credit after it, or the zero span
	teaser int         // start of a truncated teaser after it, or 0
	date   string      // the caption's own date, YYYY-MM-DD, or ""
}

// maxCaptionWords bounds how long a paragraph may be and still be a caption.
const maxCaptionWords = 90

// captionOpeners start a caption wherever it stands.
var captionOpeners = []string{
	"image caption", "photo caption", "caption:", "pictured:", "picture:", "photo:", "image:",
	"file photo", "file picture", "file image", "file -", "in this photo", "in this file photo",
	"in this image", "in this picture", "this photo", "this image", "this handout photo",
	"in this handout", "a handout photo", "handout photo", "a picture taken",
}

// creditMarks end (or contain, near the end) a caption: photo agency
// credits.
var creditMarks = []string{
	"(afp)", "(ap)", "(ap photo", "(reuters)", "(photo", "afp via getty", "getty images", "/afp", "/getty",
	"reuters/", "/reuters", "/anadolu", "(anadolu", "/epa", "(epa", "epa-efe", "photo by", "photograph:",
	"credit:", "photo credit", "/sipa", "(sana", "/sana", "/xinhua", "(xinhua",
}

// openerInitials holds the first bytes of captionOpeners, so that most
// paragraphs are ruled out without lower-casing anything.
var openerInitials = func() (set [256]bool) {
	for _, o := range captionOpeners {
		set[o[0]] = true
		set[o[0]-'a'+'A'] = true
	}
	return set
}()

// caption reports whether paragraph s, of n words, is a photo caption.
// early says whether s comes before any body paragraph, where scraped
// captions stand.
func caption(s string, n int, early bool) (captionInfo, bool) {
	if n > maxCaptionWords {
		return captionInfo{}, false
	}
	info := captionInfo{end: len(s)}
	isCap := false
	var buf [96]byte
	if openerInitials[s[0]] {
		k := lowerKey(buf[:0], head(s, 40))
		for _, o := range captionOpeners {
			if len(k) >= len(o) && string(k[:len(o)]) == o {
				isCap = true
				break
			}
		}
	}
	// Every credit mark has a bracket, slash, colon or a credit word.
	if t := tail(s, 80); !isCap && (strings.ContainsAny(t, "(/:") || strings.Contains(t, "etty") ||
		strings.Contains(t, "hoto") || strings.Contains(t, "EPA") || strings.Contains(t, "epa")) {
		end := string(lowerKey(buf[:0], t))
		for _, m := range creditMarks {
			if strings.Contains(end, m) {
				isCap = true
				break
			}
		}
	}
	if t := teaserStart(s); t > 0 && early {
		info.teaser = t
		info.end = len(strings.TrimRightFunc(s[:t], fold.IsSpace))
		isCap = true
	} else if early && truncated(s) && fullDate(s) != "" {
		isCap = true
	}
	if !isCap {
		return captionInfo{}, false
	}
	if c := creditStart(s[:info.end]); c > 0 {
		info.credit = sitrep.Span{Start: c, End: info.end}
		info.end = len(strings.TrimRightFunc(s[:c], fold.IsSpace))
	}
	info.date = fullDate(s[:info.end])
	return info, true
}

// maxCreditWords bounds a photo credit.
const maxCreditWords = 12

// creditStart finds a photo credit at the end of caption s — "REUTERS/Jane
// Doe", "(Photo by Jane Doe/AFP via Getty Images)", "Photo: AP" — after the
// caption's last sentence, and returns where it starts, or 0.
func creditStart(s string) int {
	cands := []int{}
	if i := strings.LastIndex(s, ". "); i > 0 {
		cands = append(cands, i+2)
	}
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		cands = append(cands, i+1)
	}
	if i := strings.LastIndex(s, " | "); i > 0 {
		cands = append(cands, i+1)
	}
	for _, c := range cands {
		rest := strings.TrimSpace(s[c:])
		if rest == "" || wordCount(rest, maxCreditWords+1) > maxCreditWords {
			continue
		}
		k := fold.Key(rest)
		for _, m := range creditMarks {
			if strings.Contains(k, m) {
				return c
			}
		}
		// An agency in capitals before a slash: "REUTERS/Jane Doe".
		if j := strings.IndexByte(rest, '/'); j > 1 && strings.ToUpper(rest[:j]) == rest[:j] {
			return c
		}
	}
	return 0
}

// teaserStart finds a truncated teaser glued to the end of a caption: a
// sentence end, a spaced dash, then text that breaks off with an ellipsis
// ("... on March 3, 2021. - Heavy clashes over the road to …"). It returns
// the offset of the dash, or 0.
func teaserStart(s string) int {
	if !truncated(s) {
		return 0
	}
	for _, sep := range []string{". - ", ". – ", ". — ", ".- ", ". -- "} {
		if i := strings.LastIndex(s, sep); i > 0 {
			return i + 2
		}
	}
	return 0
}

// truncated reports whether s breaks off with an ellipsis.
func truncated(s string) bool {
	t := strings.TrimRight(s, " \t\r\n\u00a0")
	return strings.HasSuffix(t, "…") || strings.HasSuffix(t, "...") || strings.HasSuffix(t, "[…]")
}

var (
	months = `(January|February|March|April|May|June|July|August|September|October|November|December|` +
		`Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	mdy = regexp.MustCompile(`\b` + months + `\s+(\d{1,2}),?\s+(\d{4})\b`)
	dmy = regexp.MustCompile(`\b(\d{1,2})\s+` + months + `,?\s+(\d{4})\b`)
	iso = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
)

// fullDate returns the first complete calendar date written in s, as
// YYYY-MM-DD, or "". Only the text around four-digit years is searched.
func fullDate(s string) string {
	for i := 0; i+4 <= len(s); i++ {
		if !isYearAt(s, i) {
			continue
		}
		lo, hi := max(0, i-24), min(len(s), i+8)
		for lo > 0 && s[lo]&0xC0 == 0x80 {
			lo--
		}
		if d := dateIn(s[lo:hi]); d != "" {
			return d
		}
		i += 3
	}
	return ""
}

// isYearAt reports whether s[i:i+4] is a four-digit year standing alone.
func isYearAt(s string, i int) bool {
	if s[i] != '1' && s[i] != '2' {
		return false
	}
	for j := i; j < i+4; j++ {
		if s[j] < '0' || s[j] > '9' {
			return false
		}
	}
	if i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		return false
	}
	return i+4 == len(s) || s[i+4] < '0' || s[i+4] > '9'
}

// dateIn returns the first date written in s, which is short.
func dateIn(s string) string {
	type hit struct {
		at      int
		y, m, d string
	}
	var best *hit
	consider := func(h hit) {
		if best == nil || h.at < best.at {
			best = &h
		}
	}
	if m := mdy.FindStringSubmatchIndex(s); m != nil {
		consider(hit{m[0], s[m[6]:m[7]], s[m[2]:m[3]], s[m[4]:m[5]]})
	}
	if m := dmy.FindStringSubmatchIndex(s); m != nil {
		consider(hit{m[0], s[m[6]:m[7]], s[m[4]:m[5]], s[m[2]:m[3]]})
	}
	if m := iso.FindStringSubmatchIndex(s); m != nil {
		consider(hit{m[0], s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]})
	}
	if best == nil {
		return ""
	}
	y, _ := strconv.Atoi(best.y)
	d, _ := strconv.Atoi(best.d)
	mon := monthNumber(best.m)
	if mon == 0 || d < 1 || d > 31 || y < 1900 || y > 2200 {
		return ""
	}
	t := time.Date(y, time.Month(mon), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31 April and the like
		return ""
	}
	return t.Format(time.DateOnly)
}

func monthNumber(m string) int {
	if n, err := strconv.Atoi(m); err == nil {
		if n >= 1 && n <= 12 {
			return n
		}
		return 0
	}
	m = strings.ToLower(strings.TrimSuffix(m, "."))
	for i, name := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(m, name) {
			return i + 1
		}
	}
	return 0
}

// lowerKey appends s to dst lower-cased, with typographic quotes, dashes and
// spaces folded to ASCII as fold.String does, without allocating. Other
// non-ASCII characters are copied unchanged. Keys only ever compare against
// ASCII phrases, so nothing more is needed.
func lowerKey(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if rep, ok := fold.Replacement(r); ok {
			dst = append(dst, rep...)
		} else {
			dst = append(dst, s[i:i+w]...)
		}
		i += w
	}
	return dst
}
