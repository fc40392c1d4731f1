package ontology

import "strings"

// VagueDeaths returns the fatality count ACLED's codebook assigns to an
// unnumbered report of deaths, and whether the words are such a report.
// ACLED codes conservatively: "several", "many" or "a number of" dead count
// as 10, "dozens" as 12, "hundreds" as 100; deaths reported with no
// quantity at all ("civilians were killed") count as 10 when plural and 1
// when singular ("a soldier was killed"). The word is lower case.
func VagueDeaths(word string) (int, bool) {
	switch strings.ToLower(word) {
	case "several", "many", "numerous", "number", "scores", "some":
		return 10, true
	case "dozens":
		return 12, true
	case "hundreds":
		return 100, true
	case "thousands":
		return 1000, true
	case "a", "an", "one":
		return 1, true
	case "few":
		return 3, true
	}
	return 0, false
}

// Lowest returns the conservative figure when a report gives several for
// the same deaths ("between 10 and 15", "at least 12", "up to 20"): the
// lowest stated number.
func Lowest(figures ...int) int {
	lo := -1
	for _, f := range figures {
		if f >= 0 && (lo < 0 || f < lo) {
			lo = f
		}
	}
	if lo < 0 {
		return 0
	}
	return lo
}
