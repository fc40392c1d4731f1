package pos

import "testing"

func TestLemmaRules(t *testing.T) {
	forms := []string{"seized", "shelled", "fighters", "towns", "ran", "The", "the", "Bush"}
	tags := []string{"VBD", "VBD", "NNS", "NNS", "VBD", "DT", "DT", "NNP"}
	lemmas := []string{"seize", "shell", "fighter", "town", "run", "the", "the", "Bush"}
	l := learnLemmas(forms, tags, lemmas)
	tests := []struct{ form, tag, want string }{
		{"seized", "VBD", "seize"},
		{"ran", "VBD", "run"},
		{"The", "DT", "the"},
		{"Bush", "NNP", "Bush"},
		{"villages", "NNS", "village"}, // suffix rule "s" of NNS
		{"Jufra", "NNP", "Jufra"},
	}
	for _, tc := range tests {
		if got := l.lemma(tc.form, tc.tag); got != tc.want {
			t.Errorf("lemma(%s, %s) = %q, want %q", tc.form, tc.tag, got, tc.want)
		}
	}
	l2 := &lemmatizer{forms: l.forms, suffixes: l.suffixes}
	if err := l2.setRules(l.rules); err != nil || l2.lemma("seized", "VBD") != "seize" {
		t.Errorf("rules lost on the way through their strings: %v", err)
	}
}

func TestRuleFor(t *testing.T) {
	for _, tc := range []struct{ form, lemma, want string }{
		{"seized", "seize", "L1|"},
		{"The", "the", "L0|"},
		{"ran", "run", "L2|un"},
		{"Bush", "Bush", "K0|"},
	} {
		if got := ruleFor(tc.form, tc.lemma).String(); got != tc.want {
			t.Errorf("ruleFor(%s, %s) = %s, want %s", tc.form, tc.lemma, got, tc.want)
		}
	}
}
