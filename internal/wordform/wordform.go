// Package wordform holds the word-form functions the tagger, the parser
// and the entity recogniser share for their features: a normalised form,
// affixes and a hashed character shape. The trained models depend on
// their exact output, so a change here means retraining.
package wordform

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/perceptron"
)

// Normalize lower-cases a form and maps the digits 1–9 to 0, so that
// "2019" and "1996" share statistics. A form with nothing to change is
// returned as is, without allocating.
func Normalize(s string) string {
	need := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= '1' && c <= '9' || c >= utf8.RuneSelf {
			need = true
			break
		}
	}
	if !need {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= '1' && r <= '9' {
			b.WriteByte('0')
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Shape hashes a form's character classes: "Tripoli" → "Xxxxx" with runs
// cut to maxRun, "1,000" → "d,ddd"; short collapses every run to one
// ("Xx", "d,d"). At most maxLen classes are kept (at most 64).
func Shape(s string, maxRun, maxLen int) (full, short uint64) {
	var fb, sb [64]byte
	maxLen = min(maxLen, len(fb))
	fn, sn := 0, 0
	var last byte
	run := 0
	for _, r := range s {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			run++
		} else {
			run = 1
		}
		if run <= maxRun && fn < maxLen {
			fb[fn] = c
			fn++
		}
		if run == 1 && sn < maxLen {
			sb[sn] = c
			sn++
		}
		last = c
	}
	return perceptron.Hash(string(fb[:fn])) ^ 0x5bd1e995, perceptron.Hash(string(sb[:sn])) ^ 0x1b873593
}

// Affixes fills suf[k] with the hash of the last k+1 runes of lower and
// pre[k] with that of its first k+1, each mixed with its own constant (k
// for suffixes, k+10 for prefixes) so that a suffix and a prefix of the
// same letters are different features.
func Affixes(lower string, suf, pre []uint64) {
	for k := range suf {
		suf[k] = perceptron.Mix(perceptron.Hash(Suffix(lower, k+1)), uint64(k))
	}
	for k := range pre {
		pre[k] = perceptron.Mix(perceptron.Hash(Prefix(lower, k+1)), uint64(k+10))
	}
}

// Suffix returns the last n runes of s, or s.
func Suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	return s[i:]
}

// Prefix returns the first n runes of s, or s.
func Prefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i]
}
