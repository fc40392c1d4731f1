package relation_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/actor"
	"github.com/sitrep/sitrep/coref"
	"github.com/sitrep/sitrep/relation"
	"github.com/sitrep/sitrep/segment"
	"github.com/sitrep/sitrep/tokenize"
)

// read runs segment → tokenize → actor → coref → relation on a paragraph
// and lists its relations as "TYPE from -> to (modality)".
func read(t *testing.T, text string) []string {
	t.Helper()
	doc := sitrep.NewDocument(sitrep.Article{Text: text})
	doc.Regions = []sitrep.Region{{Kind: sitrep.Paragraph, Span: sitrep.Span{End: len(text)}}}
	s, err := segment.New(segment.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	a, err := actor.New(actor.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	p := &sitrep.Pipeline{Stages: []sitrep.Stage{s, tokenize.Tokenizer{}, a, coref.Resolver{}, relation.Reader{}}}
	if err := p.Run(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range doc.Relations {
		out = append(out, fmt.Sprintf("%s %s -> %s (%s)", r.Type, r.From.Name, r.To.Name, r.Modality))
		if r.Evidence.Text == "" || doc.Slice(r.Evidence.Span) != r.Evidence.Text {
			t.Errorf("relation %v: evidence does not slice the text", r)
		}
	}
	return out
}

func TestRelations(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
		absent     []string
	}{
		{"hyphen backed", "Saudi-backed government forces attacked the port.",
			[]string{"SUPPORT Saudi Arabia -> military (asserted)"}, nil},
		{"passive by, through a backer", "The junta is supported by Russian-backed Malian fighters.",
			[]string{"SUPPORT Malian fighters -> government (asserted)", "SUPPORT Russia -> Malian fighters (asserted)"}, nil},
		{"active with coordination", "In addition to Iran and Syria, Russia and China support Hezbollah, according to the analysts.",
			[]string{"SUPPORT Iran -> Hezbollah (reported)", "SUPPORT Syria -> Hezbollah (reported)", "SUPPORT Russia -> Hezbollah (reported)", "SUPPORT China -> Hezbollah (reported)"}, nil},
		{"help verb and such as", "The RSF enlists the help of foreign mercenaries, such as Libyan fighters.",
			[]string{"SUPPORT foreign mercenaries -> Rapid Support Forces (asserted)", "SUPPORT Libyan fighters -> Rapid Support Forces (asserted)"}, nil},
		{"loyal to", "Forces loyal to Abdel Fattah al-Burhan shelled the city.",
			[]string{"LOYAL_TO forces loyal to Abdel Fattah al-Burhan -> Abdel Fattah al-Burhan (asserted)"}, nil},
		{"led by", "The Congo River Alliance, led by Corneille Nangaa, seized Goma.",
			[]string{"LEADS Corneille Nangaa -> Congo River Alliance (asserted)"}, nil},
		{"leader's possessive", "The setback hit rebel leader Riek Machar's SPLM-IO.",
			[]string{"LEADS Riek Machar -> Sudan People's Liberation Movement-in-Opposition (asserted)"}, nil},
		{"supporters of a pronoun", "Min Aung Hlaing and his foreign backers met in the capital.",
			[]string{"SUPPORT foreign supporters -> Min Aung Hlaing (asserted)"}, nil},
		{"affiliate apposition", "Al-Shabaab, an al-Qaeda affiliate, claimed the attack.",
			[]string{"MEMBER_OF Al-Shabaab -> al-Qaeda (asserted)"}, nil},
		{"denied", "Rwanda has denied that it arms the M23 rebels.",
			[]string{"SUPPORT Rwanda -> March 23 Movement (denied)"}, []string{"SUPPORT Rwanda -> March 23 Movement (asserted)"}},
		{"alleged", "The gunmen were allegedly recruited by the Wagner Group.",
			[]string{"SUPPORT Wagner Group -> fighters (alleged)"}, nil},
		{"clashes", "The Arakan Army fought heavy clashes with the Myanmar military near Sittwe.",
			[]string{"OPPOSES Arakan Army -> Myanmar Armed Forces (asserted)"}, nil},
		{"title in the sentence", "RSF commander Abdelrahim Dagalo vowed to fight on.",
			[]string{"LEADS Abdelrahim Hamdan Dagalo -> Rapid Support Forces (asserted)"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := read(t, c.text)
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q in %q", w, got)
				}
			}
			for _, w := range c.absent {
				if slices.Contains(got, w) {
					t.Errorf("unexpected %q in %q", w, got)
				}
			}
		})
	}
}
