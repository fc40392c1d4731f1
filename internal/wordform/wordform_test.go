package wordform

import (
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"tripoli", "tripoli"},
		{"Tripoli", "tripoli"},
		{"1,900", "0,000"},
		{"2019", "0000"},
		{"Ménaka", "ménaka"},
		{"", ""},
	} {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestShape(t *testing.T) {
	same := func(a, b string, run int) bool {
		fa, sa := Shape(a, run, 64)
		fb, sb := Shape(b, run, 64)
		return fa == fb && sa == sb
	}
	for _, tt := range []struct {
		a, b string
		run  int
		want bool
	}{
		{"Tripoli", "Benghazi", 4, true},    // Xxxxx
		{"Tripoli", "Benghazi", 3, true},    // Xxxx
		{"Tripoli", "TRIPOLI", 4, false},    // Xxxxx, XXXX
		{"1,000", "9,999", 4, true},         // d,ddd
		{"Abc", "Abcd", 3, false},           // Xxx, Xxxx
		{"Abcd", "Abcde", 3, true},          // Xxxx either way
		{"Abcd", "Abcde", 4, false},         // Xxxx, Xxxxx
		{"Ménaka", "Tripoli", 4, true},      // letters, whatever the script
		{"al-Watiya", "el-Fasher", 4, true}, // xx-Xxxxx
	} {
		if got := same(tt.a, tt.b, tt.run); got != tt.want {
			t.Errorf("Shape(%q) == Shape(%q) with runs of %d: %v, want %v", tt.a, tt.b, tt.run, got, tt.want)
		}
	}
	// the short shape collapses every run: "Xx" for both
	if _, a := Shape("Tripoli", 4, 64); a != func() uint64 { _, s := Shape("Ab", 4, 64); return s }() {
		t.Error("short shape of Tripoli differs from that of Ab")
	}
}

func TestAffixes(t *testing.T) {
	for _, tt := range []struct {
		s        string
		n        int
		pre, suf string
	}{
		{"fighters", 3, "fig", "ers"},
		{"ménaka", 2, "mé", "ka"},
		{"al", 4, "al", "al"},
		{"", 2, "", ""},
	} {
		if got := Prefix(tt.s, tt.n); got != tt.pre {
			t.Errorf("Prefix(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.pre)
		}
		if got := Suffix(tt.s, tt.n); got != tt.suf {
			t.Errorf("Suffix(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.suf)
		}
	}
}

// FuzzWordform checks that any string, valid UTF-8 or not, is handled:
// Normalize is idempotent and the affixes are parts of the string.
func FuzzWordform(f *testing.F) {
	for _, s := range []string{"Tripoli", "1,000", "Ménaka", "\xff\xfe", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if utf8.ValidString(s) && Normalize(n) != n {
			t.Errorf("Normalize not idempotent on %q: %q then %q", s, n, Normalize(n))
		}
		Shape(s, 4, 64)
		if p := Prefix(s, 3); len(p) > len(s) || s[:len(p)] != p {
			t.Errorf("Prefix(%q) = %q", s, p)
		}
		if x := Suffix(s, 3); len(x) > len(s) || s[len(s)-len(x):] != x {
			t.Errorf("Suffix(%q) = %q", s, x)
		}
	})
}
