package sitrep

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Unnamed reports whether an actor the dictionary does not know is named
// only by what it is ("gunmen", "Unknown assailants", "armed men"), not by
// a name of its own ("RENAMO", "Dahalo", "Mayi Mayi"): it has no id, no
// capital letter after its first, and a first word that is lower-case or
// one of the words that open such descriptions at the start of a
// sentence. ACLED codes such attackers as an unidentified armed group.
func (a *ActorRef) Unnamed() bool {
	if a == nil || a.ID != "" {
		return false
	}
	first, rest, _ := strings.Cut(a.Name, " ")
	r, w := utf8.DecodeRuneInString(first)
	if first == "" || strings.ToLower(rest) != rest || strings.ToLower(first[w:]) != first[w:] {
		return false
	}
	if !unicode.IsUpper(r) {
		return true
	}
	switch strings.ToLower(first) {
	case "unknown", "unidentified", "suspected", "armed", "masked", "gunmen", "attackers", "assailants", "militants", "men":
		return true
	}
	return false
}
