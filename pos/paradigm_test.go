package pos

import (
	"maps"
	"slices"
	"testing"
)

func TestInflect(t *testing.T) {
	tagIndex := map[string]uint32{}
	for i, c := range []string{"NOUN NN", "NOUN NNS", "VERB VB", "VERB VBD", "VERB VBN", "VERB VBP", "VERB VBZ", "AUX VB"} {
		tagIndex[c] = uint32(i)
	}
	wordTags := map[string]map[string]int{
		"bomb":    {"NOUN NN": 30, "VERB VB": 2},
		"fire":    {"NOUN NN": 50, "VERB VB": 5},
		"news":    {"NOUN NN": 40},
		"march":   {"NOUN NN": 9, "VERB VB": 3},
		"lead":    {"VERB VBP": 3, "NOUN NN": 9},
		"table":   {"NOUN NN": 12},
		"address": {"NOUN NN": 12, "VERB VB": 4},
	}
	for _, tc := range []struct {
		word string
		seen []string
		want []string
	}{
		{"fire", []string{"NOUN NN", "VERB VB"}, []string{"NOUN NN", "VERB VB", "VERB VBP"}},
		{"lead", []string{"NOUN NN", "VERB VBP"}, []string{"NOUN NN", "VERB VB", "VERB VBP"}},
		{"bombs", []string{"NOUN NNS"}, []string{"NOUN NNS", "VERB VBZ"}},
		{"marches", []string{"NOUN NNS"}, []string{"NOUN NNS", "VERB VBZ"}},
		{"leads", []string{"VERB VBZ"}, []string{"NOUN NNS", "VERB VBZ"}},
		// A noun whose stem was never a verb, a word that is not an -s
		// form, an auxiliary: left as they are.
		{"tables", []string{"NOUN NNS"}, []string{"NOUN NNS"}},
		{"news", []string{"NOUN NN"}, []string{"NOUN NN"}},
		{"addresses", []string{"NOUN NNS"}, []string{"NOUN NNS", "VERB VBZ"}},
		{"be", []string{"AUX VB"}, []string{"AUX VB"}},
		{"shot", []string{"NOUN NN", "VERB VBD", "VERB VBN"}, []string{"NOUN NN", "VERB VBD", "VERB VBN"}},
	} {
		tags := map[string]bool{}
		for _, s := range tc.seen {
			tags[s] = true
		}
		inflect(tc.word, tags, wordTags, tagIndex)
		if got := slices.Sorted(maps.Keys(tags)); !slices.Equal(got, tc.want) {
			t.Errorf("%s seen as %v: %v, want %v", tc.word, tc.seen, got, tc.want)
		}
	}
}
