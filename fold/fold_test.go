package fold_test

import (
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/fold"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"Tripoli’s", "Tripoli's"},
		{"“quoted”", `"quoted"`},
		{"2014–2019", "2014-2019"},
		{"war—peace", "war--peace"},
		{"wait…", "wait..."},
		{"a\u00a0b", "a b"},
		{"soft\u00adhyphen", "softhyphen"},
		{"zero\u200bwidth", "zerowidth"},
		{"e\u0301", "é"}, // NFC composes
		{"bad\xffbyte", "bad\uFFFDbyte"},
		{"tab\there", "tab here"},
		{"Sabha\u0092s", "Sabha's"},                // Windows-1252 read as Latin-1
		{"\u0093no\u0094", `"no"`},                 // its double quotes
		{"a\u0097b\u0096c", "a--b-c"},              // its dashes
		{"\u0080 5, \u009aibenik", "€ 5, šibenik"}, // its letters and signs
		{"line\u0085break", "line break"},          // U+0085 stays a line break
		{"\u0081", "\u0081"},                       // a byte Windows-1252 leaves undefined
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := fold.String(tt.in); got != tt.want {
				t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tripoli", "tripoli"},
		{"Hūn", "hun"},
		{"Tripoli’s", "tripoli's"},
		{"Ṭarhūnah", "tarhunah"},
		{"Straße", "strasse"},
		{"Łódź", "lodz"},
		{"Ma‘arrat", "ma'arrat"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := fold.Key(tt.in); got != tt.want {
				t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStringPlainDoesNotAllocate(t *testing.T) {
	s := "The GNA captured the airbase."
	if n := testing.AllocsPerRun(100, func() { _ = fold.String(s) }); n != 0 {
		t.Errorf("String on plain ASCII allocated %.0f times", n)
	}
}

func FuzzString(f *testing.F) {
	for _, s := range []string{"Tripoli’s", "a\u00a0b", "\xff\xfe", "e\u0301", "—…"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := fold.String(s)
		if !utf8.ValidString(out) {
			t.Fatalf("String(%q) = %q is not valid UTF-8", s, out)
		}
		if again := fold.String(out); again != out {
			t.Fatalf("String is not idempotent: %q → %q → %q", s, out, again)
		}
		_ = fold.Key(s)
	})
}
