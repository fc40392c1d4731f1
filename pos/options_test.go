package pos_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/pos"
)

// TestTrainOptions trains two-pass models on the tiny treebank with each
// of the settings off in the shipped model (inflection paradigms, clause
// features) and checks that each tags its training
// data right and survives encoding: the decoded model tags the same and
// encodes to the same bytes.
func TestTrainOptions(t *testing.T) {
	sents, err := conllu.Read(strings.NewReader(treebank))
	if err != nil {
		t.Fatal(err)
	}
	var many []conllu.Sentence
	for i := 0; i < 10; i++ {
		many = append(many, sents...)
	}
	for _, tc := range []struct {
		name string
		set  func(*pos.TrainConfig)
	}{
		{"paradigms", func(c *pos.TrainConfig) { c.Paradigms = true }},
		{"clause", func(c *pos.TrainConfig) { c.ClauseFeatures = true }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := pos.DefaultTrainConfig()
			cfg.AmbMinCount, cfg.Folds = 1, 2
			tc.set(&cfg)
			m, err := pos.Train(context.Background(), many, cfg)
			if err != nil {
				t.Fatal(err)
			}
			b, err := m.Encode()
			if err != nil {
				t.Fatal(err)
			}
			d, err := pos.Decode(b)
			if err != nil {
				t.Fatal(err)
			}
			if b2, err := d.Encode(); err != nil || !bytes.Equal(b, b2) {
				t.Errorf("the decoded model encodes to other bytes (%v)", err)
			}
			for _, s := range sents {
				forms := make([]string, len(s.Words))
				var want []string
				for i, w := range s.Words {
					forms[i] = w.Form
					want = append(want, w.XPOS)
				}
				var got, dgot []string
				for i, tg := range m.Tag(forms) {
					got = append(got, tg.XPOS)
					dgot = append(dgot, d.Tag(forms)[i].XPOS)
				}
				if !slices.Equal(got, want) || !slices.Equal(dgot, want) {
					t.Errorf("%v: trained %v, decoded %v, want %v", forms, got, dgot, want)
				}
			}
		})
	}
}

// TestFiniteMargin: with a margin the embedded model gives a sentence
// left without a finite verb the one whose reading trails least; without
// one it tags as it did; a sentence that has a finite verb is left alone.
func TestFiniteMargin(t *testing.T) {
	m, err := pos.Default()
	if err != nil {
		t.Fatal(err)
	}
	xpos := func(m *pos.Model, s string) string {
		var out []string
		for _, tg := range m.Tag(strings.Fields(s)) {
			out = append(out, tg.XPOS)
		}
		return strings.Join(out, " ")
	}
	wide := m.WithFiniteMargin(1000)
	for _, tc := range []struct {
		sentence, plain, wide string
	}{
		{"Gunmen shot him in the market .", "NNS NN PRP IN DT NN .", "NNS VBD PRP IN DT NN ."},
		{"The shot killed him .", "DT NN VBD PRP .", "DT NN VBD PRP ."},
		// A fragment whose last noun ends it, and an imperative (a verb
		// that is not finite) are left alone.
		{"Good sports bar .", "JJ NNS NN .", "JJ NNS NN ."},
		{"Attack the town .", "VB DT NN .", "VB DT NN ."},
	} {
		if got := xpos(m, tc.sentence); got != tc.plain {
			t.Errorf("%q without margin: %s, want %s", tc.sentence, got, tc.plain)
		}
		if got := xpos(wide, tc.sentence); got != tc.wide {
			t.Errorf("%q with margin: %s, want %s", tc.sentence, got, tc.wide)
		}
	}
	if got := xpos(m.WithFiniteMargin(0), "Gunmen shot him in the market ."); got != "NNS NN PRP IN DT NN ." {
		t.Errorf("margin 0 changed the tags: %s", got)
	}
}
