package timex

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// Match is a temporal expression found in a sequence of words.
type Match struct {
	// First and Last delimit the expression's words: words[First:Last].
	First, Last int
	res         resolver
}

// resolver turns a reference date into a range. next asks for the forward
// reading of an expression whose direction the words leave open ("on
// Friday" in "the talks will resume on Friday").
type resolver func(ref time.Time, next bool) (Range, bool)

// Resolve returns the range the expression denotes, read backwards from ref
// where the words leave the direction open, as news reports of past events
// do. ok is false when the expression needs a reference date and ref is
// zero.
func (m Match) Resolve(ref time.Time) (Range, bool) { return m.res(civil(ref), false) }

// ResolveNext returns the forward reading: the next Friday, the coming
// March.
func (m Match) ResolveNext(ref time.Time) (Range, bool) { return m.res(civil(ref), true) }

// rule tries to match an expression starting at words[i] (lower-cased) and
// returns the number of words it covers, or 0.
type rule func(w []string, i int) (int, resolver)

var rules = []rule{absoluteDate, weekdayRule, namedDay, relativeUnit, agoRule, recentRule, weekendRule, seasonRule, sinceRule, forRule}

// Find returns the temporal expressions in words (the token texts of one
// sentence), longest match first, without overlaps, in order.
func Find(words []string) []Match {
	return find(words, &findBuf{})
}

// findBuf holds find's buffers, reused from their start on each call: a
// tagger reading a report sentence by sentence passes the same one.
type findBuf struct {
	lower []string // the words, lower-cased
	out   []Match
	// folds holds the lower-case forms of capitalised ASCII words, which
	// lower slices from it: a Builder only appends, so the strings of
	// earlier calls stay as they were.
	folds strings.Builder
}

// find is Find with buffers; the matches it returns live in buf until the
// next call.
func find(words []string, buf *findBuf) []Match {
	lower := buf.lower[:0]
	for _, w := range words {
		lower = append(lower, lowerOnto(&buf.folds, w))
	}
	buf.lower = lower
	out := buf.out[:0]
	defer func() { buf.out = out }()
	for i := 0; i < len(lower); {
		if !starters[lower[i]] && !isNumber(lower[i]) && monthOf(lower[i]) == 0 && numberWords[lower[i]] == 0 {
			i++
			continue
		}
		best := Match{}
		for _, r := range rules {
			if n, res := r(lower, i); n > best.Last-best.First {
				best = Match{First: i, Last: i + n, res: res}
			}
		}
		if best.Last > best.First {
			// "May" is a month only with a day or year beside it, or after
			// "in"; capitalisation is checked here, on the original word.
			if lower[i] == "may" && words[i] != "May" {
				i++
				continue
			}
			out = append(out, best)
			i = best.Last
			continue
		}
		i++
	}
	return out
}

// lowerOnto returns strings.ToLower(w): an ASCII word with a capital is
// lower-cased onto folds and sliced from it, rather than allocated alone.
func lowerOnto(folds *strings.Builder, w string) string {
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return w
	}
	if folds.Cap()-folds.Len() < len(w) {
		folds.Grow(max(len(w), 256))
	}
	start := folds.Len()
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		folds.WriteByte(c)
	}
	return folds.String()[start:]
}

// starters are the words an expression can begin with, besides numbers and
// month names.
var starters = set("last", "this", "next", "past", "previous", "the", "yesterday", "today", "tonight", "tomorrow",
	"overnight", "earlier", "later", "early", "late", "mid", "recent", "coming", "over", "since", "for", "a", "an",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend",
	"summer", "winter", "spring", "autumn", "fall", "several", "few", "in", "during", "within", "until", "by")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func at(w []string, i int) string {
	if i < 0 || i >= len(w) {
		return ""
	}
	return w[i]
}

// day returns the calendar day of d days from t.
func day(t time.Time, d int) time.Time { return t.AddDate(0, 0, d) }

func point(t time.Time) Range { return Range{Start: t, End: t, Kind: sitrep.TimePoint} }

func span(a, b time.Time) Range { return Range{Start: a, End: b, Kind: sitrep.TimePoint} }

// needsRef wraps a resolver that cannot work without a reference date.
func needsRef(f func(ref time.Time, next bool) Range) resolver {
	return func(ref time.Time, next bool) (Range, bool) {
		if ref.IsZero() {
			return Range{}, false
		}
		return f(ref, next), true
	}
}

var monthNames = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "jan.": 1, "feb": 2, "feb.": 2, "mar.": 3, "apr": 4, "apr.": 4, "jun": 6, "jun.": 6, "jul": 7, "jul.": 7,
	"aug": 8, "aug.": 8, "sep": 9, "sep.": 9, "sept": 9, "sept.": 9, "oct": 10, "oct.": 10, "nov": 11, "nov.": 11,
	"dec": 12, "dec.": 12,
}

func monthOf(w string) time.Month { return monthNames[w] }

func weekdayOf(w string) (time.Weekday, bool) {
	switch w {
	case "sunday":
		return time.Sunday, true
	case "monday":
		return time.Monday, true
	case "tuesday":
		return time.Tuesday, true
	case "wednesday":
		return time.Wednesday, true
	case "thursday":
		return time.Thursday, true
	case "friday":
		return time.Friday, true
	case "saturday":
		return time.Saturday, true
	}
	return 0, false
}

// dayOf reads a day of the month: "29", "29th", "1st".
func dayOf(w string) int {
	w = strings.TrimRight(w, "stndrh")
	n, ok := atoi(w)
	if !ok || n < 1 || n > 31 {
		return 0
	}
	return n
}

// yearOf reads a four-digit year between 1900 and 2199.
func yearOf(w string) int {
	if len(w) != 4 {
		return 0
	}
	n, ok := atoi(w)
	if !ok || n < 1900 || n > 2199 {
		return 0
	}
	return n
}

// atoi is strconv.Atoi without the error value, which costs an
// allocation for every word that is not a number: an optional sign, then
// decimal digits.
func atoi(s string) (int, bool) {
	if len(s) > 18 { // may overflow: leave it to strconv
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg, s = s[0] == '-', s[1:]
	}
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		d := s[i] - '0'
		if d > 9 {
			return 0, false
		}
		n = n*10 + int(d)
	}
	if neg {
		n = -n
	}
	return n, true
}

func isNumber(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

var numberWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "several": 3, "few": 3, "couple": 2}

// countOf reads a small count: a digit string or a number word.
func countOf(w string) int {
	if n, ok := numberWords[w]; ok {
		return n
	}
	if n, ok := atoi(strings.ReplaceAll(w, ",", "")); ok && n > 0 && n < 10000 {
		return n
	}
	return 0
}

// unitOf reads a calendar unit, singular or plural.
func unitOf(w string) string {
	w = strings.TrimSuffix(w, "s")
	switch w {
	case "hour", "day", "night", "week", "month", "year", "decade":
		return w
	}
	return ""
}

// date builds a calendar date, rejecting impossible ones (31 April).
func date(y int, m time.Month, d int) (time.Time, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d && t.Month() == m
}

// fixed resolves to the same range whatever the reference.
func fixed(r Range) resolver {
	return func(time.Time, bool) (Range, bool) { return r, true }
}

func monthRange(y int, m time.Month) Range {
	a := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	return span(a, a.AddDate(0, 1, -1))
}

func yearRange(y int) Range {
	return span(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))
}

// absoluteDate matches written dates: "April 29, 2019", "29 April 2019",
// "Jan. 14", "21 March", "April 2019", "in March", "2019-04-29", "in 2019".
func absoluteDate(w []string, i int) (int, resolver) {
	x := w[i]
	// ISO date in one token.
	if len(x) == 10 && x[4] == '-' && x[7] == '-' {
		y, m, d := yearOf(x[:4]), dayOf(x[5:7]), dayOf(x[8:])
		if t, ok := date(y, time.Month(m), d); ok && y > 0 && m <= 12 {
			return 1, fixed(point(t))
		}
	}
	if m := monthOf(x); m != 0 {
		j := i + 1
		if d := dayOf(at(w, j)); d > 0 {
			j++
			if at(w, j) == "," {
				j++
			}
			if y := yearOf(at(w, j)); y > 0 {
				if t, ok := date(y, m, d); ok {
					return j + 1 - i, fixed(point(t))
				}
				return 0, nil
			}
			return 2, monthDay(m, d)
		}
		if y := yearOf(at(w, j)); y > 0 {
			return 2, fixed(monthRange(y, m))
		}
		switch at(w, i-1) {
		case "in", "during", "since", "until", "by", "early", "late", "mid", "of", "from", "between", "and":
			return 1, monthAlone(m)
		}
		return 0, nil
	}
	if d := dayOf(x); d > 0 && !strings.ContainsAny(x, ",.") {
		if m := monthOf(at(w, i+1)); m != 0 {
			j := i + 2
			if at(w, j) == "," {
				j++
			}
			if y := yearOf(at(w, j)); y > 0 {
				if t, ok := date(y, m, d); ok {
					return j + 1 - i, fixed(point(t))
				}
				return 0, nil
			}
			return 2, monthDay(m, d)
		}
	}
	if y := yearOf(x); y > 0 {
		switch at(w, i-1) {
		case "in", "during", "since", "until", "by", "early", "late", "mid", "of", "from", "between", "and":
			return 1, fixed(yearRange(y))
		}
	}
	return 0, nil
}

// monthDay resolves a day without a year to the latest such day on or
// before the reference (or the first on or after it, read forward).
func monthDay(m time.Month, d int) resolver {
	return func(ref time.Time, next bool) (Range, bool) {
		if ref.IsZero() {
			return Range{}, false
		}
		y := ref.Year()
		t, ok := date(y, m, d)
		if !ok && !(m == 2 && d == 29) {
			return Range{}, false
		}
		switch {
		case !next && (t.After(ref) || !ok):
			t, ok = date(y-1, m, d)
			for !ok {
				y--
				t, ok = date(y-1, m, d)
			}
		case next && (t.Before(ref) || !ok):
			t, ok = date(y+1, m, d)
			for !ok {
				y++
				t, ok = date(y+1, m, d)
			}
		}
		r := point(t)
		r.Future = next && t.After(ref)
		return r, true
	}
}

// monthAlone resolves "in March" to the latest March that has begun by the
// reference (or the next one, read forward).
func monthAlone(m time.Month) resolver {
	return func(ref time.Time, next bool) (Range, bool) {
		if ref.IsZero() {
			return Range{}, false
		}
		y := ref.Year()
		if !next && m > ref.Month() {
			y--
		}
		if next && m < ref.Month() {
			y++
		}
		r := monthRange(y, m)
		r.Future = r.Start.After(ref)
		return r, true
	}
}

// weekdayRule matches "Sunday", "on Sunday night", "last Thursday", "next
// Friday", "this Tuesday", "early on Wednesday" (the "on" is left out of the
// span unless it follows "early"/"late").
func weekdayRule(w []string, i int) (int, resolver) {
	j, mod := i, ""
	switch w[i] {
	case "last", "this", "next", "past", "previous":
		mod = w[i]
		j++
	case "early", "late":
		j++
		if at(w, j) == "on" {
			j++
		}
	}
	wd, ok := weekdayOf(at(w, j))
	if !ok {
		return 0, nil
	}
	j++
	switch at(w, j) {
	case "morning", "afternoon", "evening", "night":
		j++
	}
	return j - i, needsRef(func(ref time.Time, next bool) Range {
		back := (int(ref.Weekday()) - int(wd) + 7) % 7
		switch mod {
		case "last", "past", "previous":
			if back == 0 {
				back = 7
			}
			return point(day(ref, -back))
		case "next":
			fwd := (int(wd) - int(ref.Weekday()) + 7) % 7
			if fwd == 0 {
				fwd = 7
			}
			r := point(day(ref, fwd))
			r.Future = true
			return r
		case "this":
			// The day of the reference's Monday-to-Sunday week.
			monday := day(ref, -((int(ref.Weekday()) + 6) % 7))
			t := day(monday, (int(wd)+6)%7)
			r := point(t)
			r.Future = t.After(ref)
			return r
		}
		if next {
			fwd := (int(wd) - int(ref.Weekday()) + 7) % 7
			r := point(day(ref, fwd))
			r.Future = fwd > 0
			return r
		}
		return point(day(ref, -back))
	})
}

// namedDay matches "yesterday", "today", "tonight", "tomorrow",
// "overnight", "last night", "earlier today".
func namedDay(w []string, i int) (int, resolver) {
	n, off, to, future := 1, 0, 0, false
	switch w[i] {
	case "yesterday":
		off, to = -1, -1
	case "today", "tonight":
	case "tomorrow":
		off, to, future = 1, 1, true
	case "overnight":
		off = -1
	case "last":
		if at(w, i+1) != "night" {
			return 0, nil
		}
		n, off = 2, -1
	case "earlier", "later":
		if at(w, i+1) != "today" {
			return 0, nil
		}
		n = 2
	default:
		return 0, nil
	}
	return n, needsRef(func(ref time.Time, _ bool) Range {
		r := span(day(ref, off), day(ref, to))
		r.Future = future
		return r
	})
}

// relativeUnit matches calendar units relative to the reference: "last
// week", "this month", "next year", "earlier this week", "later this
// month", "the past week", "the past 24 hours", "the last three months",
// "the previous week".
func relativeUnit(w []string, i int) (int, resolver) {
	j := i
	the := false
	if w[j] == "the" {
		the = true
		j++
	}
	mod := at(w, j)
	switch mod {
	case "last", "this", "next", "past", "previous", "earlier", "later", "coming":
	default:
		return 0, nil
	}
	j++
	if mod == "earlier" || mod == "later" {
		if at(w, j) != "this" {
			return 0, nil
		}
		j++
	}
	n := 1
	counted := false
	if c := countOf(at(w, j)); c > 0 && unitOf(at(w, j+1)) != "" && at(w, j) != "a" && at(w, j) != "an" {
		n, counted = c, true
		j++
	}
	unit := unitOf(at(w, j))
	if unit == "" || unit == "night" {
		return 0, nil
	}
	if !counted && strings.HasSuffix(at(w, j), "s") {
		return 0, nil // "the coming weeks": see recentRule
	}
	j++
	rolling := the || counted || mod == "past"
	return j - i, needsRef(func(ref time.Time, _ bool) Range {
		if rolling {
			// "the past week", "the last three months", "the coming days".
			start := back(ref, unit, n)
			if mod == "next" || mod == "coming" {
				r := span(day(ref, 1), forward(ref, unit, n))
				r.Future = true
				return r
			}
			if unit == "hour" {
				return span(day(ref, -((n+23)/24)), ref)
			}
			return span(start, ref)
		}
		a, b := unitBounds(ref, unit)
		switch mod {
		case "last", "previous":
			a, b = unitBounds(back(a, unit, 1), unit)
			return span(a, b)
		case "next":
			a, b = unitBounds(forward(b, unit, 1), unit)
			r := span(a, b)
			r.Future = true
			return r
		case "earlier":
			return span(a, ref)
		case "later":
			r := span(ref, b)
			r.Future = true
			return r
		}
		// "this week": the part of it up to the reference.
		return span(a, ref)
	})
}

// unitBounds returns the calendar unit containing t: the Monday-to-Sunday
// week, the month, the year, the decade.
func unitBounds(t time.Time, unit string) (time.Time, time.Time) {
	switch unit {
	case "day", "hour":
		return t, t
	case "week":
		a := day(t, -((int(t.Weekday()) + 6) % 7))
		return a, day(a, 6)
	case "month":
		r := monthRange(t.Year(), t.Month())
		return r.Start, r.End
	case "decade":
		y := t.Year() / 10 * 10
		return yearRange(y).Start, yearRange(y + 9).End
	}
	r := yearRange(t.Year())
	return r.Start, r.End
}

func back(t time.Time, unit string, n int) time.Time {
	switch unit {
	case "hour":
		return day(t, -((n + 23) / 24))
	case "day", "night":
		return day(t, -n)
	case "week":
		return day(t, -7*n)
	case "month":
		return t.AddDate(0, -n, 0)
	case "decade":
		return t.AddDate(-10*n, 0, 0)
	}
	return t.AddDate(-n, 0, 0)
}

func forward(t time.Time, unit string, n int) time.Time {
	switch unit {
	case "hour":
		return day(t, (n+23)/24)
	case "day", "night":
		return day(t, n)
	case "week":
		return day(t, 7*n)
	case "month":
		return t.AddDate(0, n, 0)
	case "decade":
		return t.AddDate(10*n, 0, 0)
	}
	return t.AddDate(n, 0, 0)
}

// agoRule matches "two days ago", "a week ago", "three years ago".
func agoRule(w []string, i int) (int, resolver) {
	n := countOf(w[i])
	unit := unitOf(at(w, i+1))
	if n == 0 || unit == "" || at(w, i+2) != "ago" {
		return 0, nil
	}
	return 3, needsRef(func(ref time.Time, _ bool) Range {
		t := back(ref, unit, n)
		switch unit {
		case "hour", "day", "night":
			return point(t)
		}
		a, b := unitBounds(t, unit)
		return span(a, b)
	})
}

// recentRule matches "recent days", "recent weeks", "recent months", "the
// past few days", "the coming weeks" (after "in", which stays outside).
func recentRule(w []string, i int) (int, resolver) {
	j := i
	if w[j] == "the" {
		j++
	}
	mod := at(w, j)
	switch mod {
	case "recent", "coming":
		j++
	case "past", "last", "next":
		if at(w, j+1) != "few" && at(w, j+1) != "several" {
			return 0, nil
		}
		j += 2
	default:
		return 0, nil
	}
	unit := unitOf(at(w, j))
	if unit == "" || !strings.HasSuffix(at(w, j), "s") {
		return 0, nil
	}
	j++
	return j - i, needsRef(func(ref time.Time, _ bool) Range {
		var n int
		switch unit {
		case "hour":
			n = 1
		case "day":
			n = 7
		case "week":
			n = 28
		case "month":
			n = 90
		default:
			n = 3 * 365
		}
		if mod == "coming" || mod == "next" {
			r := span(day(ref, 1), day(ref, n))
			r.Future = true
			return r
		}
		return span(day(ref, -n), ref)
	})
}

// weekendRule matches "the weekend" (usually after "over", "at",
// "during"), "this weekend", "last weekend", "next weekend".
func weekendRule(w []string, i int) (int, resolver) {
	j := i
	if w[j] == "over" {
		if at(w, j+1) != "the" {
			return 0, nil
		}
		j++
	}
	mod := w[j]
	switch mod {
	case "the", "this", "last", "next", "past":
	default:
		return 0, nil
	}
	if at(w, j+1) != "weekend" {
		return 0, nil
	}
	j += 2
	return j - i, needsRef(func(ref time.Time, next bool) Range {
		// The Saturday of the weekend on or before the reference.
		sat := day(ref, -((int(ref.Weekday()) + 1) % 7))
		switch {
		case mod == "next" || (next && mod != "last"):
			if !sat.Equal(ref) && ref.Weekday() != time.Sunday || mod == "next" {
				sat = day(sat, 7)
			}
			r := span(sat, day(sat, 1))
			r.Future = true
			return r
		case mod == "last" && (ref.Weekday() == time.Saturday || ref.Weekday() == time.Sunday):
			sat = day(sat, -7)
		}
		return span(sat, day(sat, 1))
	})
}

// seasonRule matches "last summer", "this winter", "in the summer of
// 2019", "summer 2019" (meteorological seasons of the northern
// hemisphere).
func seasonRule(w []string, i int) (int, resolver) {
	j, mod := i, ""
	switch w[j] {
	case "last", "this", "next", "past":
		mod = w[j]
		j++
	case "the":
		j++
	}
	first, ok := seasonStart(at(w, j))
	if !ok {
		return 0, nil
	}
	j++
	year := 0
	if at(w, j) == "of" && yearOf(at(w, j+1)) > 0 {
		year = yearOf(at(w, j+1))
		j += 2
	} else if y := yearOf(at(w, j)); y > 0 {
		year = y
		j++
	} else if mod == "" && w[i] == "the" {
		return 0, nil // "the spring offensive": not a date
	}
	if mod == "" && year == 0 {
		switch at(w, i-1) {
		case "in", "during", "since", "until", "by", "this", "over":
		default:
			return 0, nil
		}
	}
	return j - i, func(ref time.Time, next bool) (Range, bool) {
		season := func(y int) Range {
			a := time.Date(y, first, 1, 0, 0, 0, 0, time.UTC)
			return span(a, a.AddDate(0, 3, -1))
		}
		if year > 0 {
			return season(year), true
		}
		if ref.IsZero() {
			return Range{}, false
		}
		// The season that began most recently on or before ref.
		y := ref.Year()
		cur := season(y)
		if cur.Start.After(ref) {
			cur = season(y - 1)
		}
		switch {
		case mod == "last" || mod == "past":
			if !cur.End.Before(ref) { // still in it: last year's
				cur = season(cur.Start.Year() - 1)
			}
			return cur, true
		case mod == "next" || (next && mod == ""):
			nx := season(cur.Start.Year() + 1)
			if cur.Start.After(ref) {
				nx = cur
			}
			nx.Future = true
			return nx, true
		}
		return cur, true
	}
}

func seasonStart(w string) (time.Month, bool) {
	switch w {
	case "spring":
		return time.March, true
	case "summer":
		return time.June, true
	case "autumn", "fall":
		return time.September, true
	case "winter":
		return time.December, true
	}
	return 0, false
}

// sinceRule matches "since 2014", "since April", "since April 29, 2019",
// "since Sunday": a duration from the start of the date to the reference.
func sinceRule(w []string, i int) (int, resolver) {
	if w[i] != "since" || i+1 >= len(w) {
		return 0, nil
	}
	var best int
	var res resolver
	for _, r := range []rule{absoluteDate, weekdayRule, namedDay, relativeUnit, agoRule} {
		if n, rs := r(w, i+1); n > best {
			best, res = n, rs
		}
	}
	if best == 0 {
		return 0, nil
	}
	return best + 1, func(ref time.Time, next bool) (Range, bool) {
		r, ok := res(ref, false)
		if !ok || ref.IsZero() || r.Start.After(ref) {
			return Range{}, false // "since 2021" read before 2021 denotes nothing
		}
		return Range{Start: r.Start, End: ref, Kind: sitrep.TimeDuration}, true
	}
}

// forRule matches durations: "for over a year", "for more than two
// weeks", "for nearly a decade", "for years".
func forRule(w []string, i int) (int, resolver) {
	if w[i] != "for" {
		return 0, nil
	}
	j := i + 1
	switch at(w, j) {
	case "over", "about", "around", "nearly", "almost", "roughly", "some", "at", "the":
		if at(w, j) == "at" && at(w, j+1) == "least" {
			j++
		}
		if at(w, j) == "the" && (at(w, j+1) == "past" || at(w, j+1) == "last") {
			j++
		}
		j++
	case "more", "less":
		if at(w, j+1) != "than" {
			return 0, nil
		}
		j += 2
	}
	n := countOf(at(w, j))
	if n > 0 {
		j++
	}
	unit := unitOf(at(w, j))
	if unit == "" || unit == "hour" {
		return 0, nil
	}
	if n == 0 {
		if !strings.HasSuffix(at(w, j), "s") {
			return 0, nil
		}
		n = 2 // "for years": at least two
	}
	j++
	return j - i, needsRef(func(ref time.Time, _ bool) Range {
		return Range{Start: back(ref, unit, n), End: ref, Kind: sitrep.TimeDuration}
	})
}
