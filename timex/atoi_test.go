package timex

import (
	"strconv"
	"strings"
	"testing"
)

// TestAtoi holds atoi to strconv.Atoi, whose verdicts the date rules were
// written against.
func TestAtoi(t *testing.T) {
	for _, s := range []string{"", "0", "7", "29", "29th", "2024", "+5", "-3", "+", "-", "1,000", "1000", "12a",
		"٣", "00012", "99999999999999999", "999999999999999999", "9999999999999999999", "99999999999999999999",
		"-9223372036854775808", "9223372036854775808", " 5", "5 ", "1_000", "0x10"} {
		n, ok := atoi(s)
		want, err := strconv.Atoi(s)
		if ok != (err == nil) || ok && n != want {
			t.Errorf("atoi(%q) = %d, %v; strconv.Atoi gives %d, %v", s, n, ok, want, err)
		}
	}
}

// TestLowerOnto checks lowerOnto against strings.ToLower, with many words
// sharing one builder: each must stay what it was as later ones grow it.
func TestLowerOnto(t *testing.T) {
	words := []string{"May", "last", "TUESDAY", "Décembre", "", "2019", "\xffX", "Since"}
	for i := range 300 {
		words = append(words, strings.Repeat("Ab", i%50+1))
	}
	var folds strings.Builder
	got := make([]string, len(words))
	for i, w := range words {
		got[i] = lowerOnto(&folds, w)
	}
	for i, w := range words {
		if want := strings.ToLower(w); got[i] != want {
			t.Errorf("lowerOnto(%q) = %q, want %q", w, got[i], want)
		}
	}
}
