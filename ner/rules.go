package ner

import (
	"sort"
	"strings"

	"github.com/sitrep/sitrep"
)

var months = map[string]bool{}

func init() {
	for _, m := range []string{"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.",
		"aug.", "sep.", "sept.", "oct.", "nov.", "dec."} {
		months[m] = true
	}
}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "today": true, "yesterday": true, "tomorrow": true,
	"tonight": true}

var relUnits = map[string]bool{"week": true, "month": true, "year": true, "weekend": true, "summer": true,
	"winter": true, "spring": true, "autumn": true, "fall": true, "night": true, "decade": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "morning": true, "evening": true}

var relDet = map[string]bool{"last": true, "next": true, "this": true, "past": true, "previous": true, "coming": true}

var yearPreps = map[string]bool{"in": true, "since": true, "of": true, "until": true, "by": true, "from": true,
	"to": true, "before": true, "after": true, "during": true, "early": true, "late": true, "mid": true}

var numberWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true,
	"six": true, "seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true,
	"thirteen": true, "fourteen": true, "fifteen": true, "sixteen": true, "seventeen": true, "eighteen": true,
	"nineteen": true, "twenty": true, "thirty": true, "forty": true, "fifty": true, "sixty": true,
	"seventy": true, "eighty": true, "ninety": true, "hundred": true, "thousand": true, "million": true,
	"billion": true, "dozen": true, "dozens": true, "hundreds": true, "thousands": true, "millions": true,
	"scores": false}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isNumeral reports whether s is written with digits ("1,000", "3.5",
// "40").
func isNumeral(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == ',' || c == '.') {
			return false
		}
	}
	return s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}

func isYear(s string) bool { return len(s) == 4 && isDigits(s) && (s[:2] == "19" || s[:2] == "20") }

func isDay(s string) bool {
	if !isDigits(s) || len(s) > 2 {
		return false
	}
	d := int(s[0] - '0')
	if len(s) == 2 {
		d = d*10 + int(s[1]-'0')
	}
	return d >= 1 && d <= 31
}

// timexAndNumbers finds dates and numbers in a sentence's tokens, skipping
// tokens already taken by names.
func timexAndNumbers(toks []sitrep.Token, taken []bool) []sitrep.Entity {
	var out []sitrep.Entity
	n := len(toks)
	lower := func(i int) string {
		if i < 0 || i >= n {
			return ""
		}
		return strings.ToLower(toks[i].Text)
	}
	free := func(i int) bool { return i >= 0 && i < n && !taken[i] }
	add := func(a, b int, k sitrep.EntityKind) {
		for i := a; i < b; i++ {
			taken[i] = true
		}
		out = append(out, sitrep.Entity{Span: sitrep.Span{Start: toks[a].Start, End: toks[b-1].End}, Kind: k, Source: "ner"})
	}
	// Dates first.
	for i := 0; i < n; i++ {
		if !free(i) {
			continue
		}
		w := lower(i)
		switch {
		case months[w] && (toks[i].Text[0] >= 'A' && toks[i].Text[0] <= 'Z') && (w != "may" && w != "march" || isDay(lower(i+1)) || isYear(lower(i+1)) || isDay(lower(i-1))):
			a, b := i, i+1
			if free(i-1) && isDay(lower(i-1)) {
				a = i - 1
			}
			if free(b) && isDay(lower(b)) {
				b++
			}
			if free(b) && lower(b) == "," && free(b+1) && isYear(lower(b+1)) {
				b += 2
			} else if free(b) && isYear(lower(b)) {
				b++
			}
			add(a, b, sitrep.KindDate)
			i = b - 1
		case weekdays[w]:
			a := i
			if free(i-1) && relDet[lower(i-1)] {
				a = i - 1
			}
			add(a, i+1, sitrep.KindDate)
		case relDet[w] && free(i+1) && relUnits[lower(i+1)]:
			add(i, i+2, sitrep.KindDate)
			i++
		case isYear(w) && (yearPreps[lower(i-1)] || lower(i-1) == "" || lower(i+1) == "," || lower(i+1) == "."):
			add(i, i+1, sitrep.KindDate)
		}
	}
	// Then numbers: runs of numerals and number words.
	for i := 0; i < n; i++ {
		if !free(i) {
			continue
		}
		w := lower(i)
		if !isNumeral(w) && !numberWords[w] {
			continue
		}
		b := i + 1
		for free(b) && (numberWords[lower(b)] || (isNumeral(lower(b)) && numberWords[lower(b-1)])) {
			b++
		}
		add(i, b, sitrep.KindNumber)
		i = b - 1
	}
	return out
}

func sortEntities(es []sitrep.Entity) {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Start != es[j].Start {
			return es[i].Start < es[j].Start
		}
		return es[i].End > es[j].End
	})
}
