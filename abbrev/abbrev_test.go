package abbrev_test

import (
	"testing"

	"github.com/sitrep/sitrep/abbrev"
)

func TestClassify(t *testing.T) {
	for word, want := range map[string]abbrev.Kind{
		"Gen": abbrev.Title, "Lt": abbrev.Title, "Mr": abbrev.Title, "No": abbrev.Title,
		"Jan": abbrev.Month, "Sept": abbrev.Month,
		"U.S": abbrev.Endable, "U.N": abbrev.Endable, "a.m": abbrev.Endable, "Inc": abbrev.Endable, "etc": abbrev.Endable,
		"F": abbrev.Initial, "Tripoli": abbrev.None, "": abbrev.None, "Ménaka": abbrev.None, "report": abbrev.None,
		"verylongwordthatisnot": abbrev.None,
	} {
		if got := abbrev.Classify(word); got != want {
			t.Errorf("Classify(%q) = %v, want %v", word, got, want)
		}
	}
}

func TestOpener(t *testing.T) {
	for word, want := range map[string]bool{"The": true, "However": true, "the": false, "Army": false, "": false} {
		if got := abbrev.Opener(word); got != want {
			t.Errorf("Opener(%q) = %v, want %v", word, got, want)
		}
	}
}
