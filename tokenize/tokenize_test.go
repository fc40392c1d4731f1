package tokenize_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/tokenize"
)

func texts(ts []sitrep.Token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Text
	}
	return out
}

func TestAppend(t *testing.T) {
	tests := []struct {
		text string
		want string // tokens joined by " | "
	}{
		{"Tripoli’s frontlines", "Tripoli | 's | frontlines"},
		{"the mercenaries’ retreat", "the | mercenaries | ' | retreat"},
		{"Reuters’ report.", "Reuters | ' | report | ."},
		{"They didn't go, won't stay.", "They | did | n't | go | , | wo | n't | stay | ."},
		{"the U.S.-backed coalition", "the | U.S.-backed | coalition"},
		{"Turkey-backed Syrian militiamen", "Turkey-backed | Syrian | militiamen"},
		{"Over 1,000 fighters and 3.5 tonnes", "Over | 1,000 | fighters | and | 3.5 | tonnes"},
		{"Gen. Haftar met Mr. Smith.", "Gen. | Haftar | met | Mr. | Smith | ."},
		{"the U.N.”", `the | U.N. | "`},
		{"“They [the Russians] were flown,” he said.", `" | They | [ | the | Russians | ] | were | flown | , | " | he | said | .`},
		{"65 kilometres (40 miles) north", "65 | kilometres | ( | 40 | miles | ) | north"},
		{"fled... Most", "fled | ... | Most"},
		{"war—and peace", "war | -- | and | peace"},
		{"2019. - Fierce", "2019 | . | - | Fierce"},
		{"Brega, Ajdabiya, and al-Uqayla.", "Brega | , | Ajdabiya | , | and | al-Uqayla | ."},
		{"see https://example.com/a.html.", "see | https://example.com/a.html | ."},
		{"mail press@example.org today", "mail | press@example.org | today"},
		{"since the '90s", "since | the | '90s"},
		{"Why?! Now!", "Why | ?! | Now | !"},
		{"Lt. Col. Nabil", "Lt. | Col. | Nabil"},
		{"John F. Kennedy", "John | F. | Kennedy"},
		{"3-2 win in 2014–2019", "3-2 | win | in | 2014 | - | 2019"},
		// Windows-1252 text decoded as Latin-1: its curly quotes and dashes
		// arrive as C1 controls and split as the characters they stand for.
		{"Misrata\u0092s port", "Misrata | 's | port"},
		{"the militias\u0092 trucks", "the | militias | ' | trucks"},
		{"\u0093We held,\u0094 he said", `" | We | held | , | " | he | said`},
		{"\u0091Wait\u0092 fighters", `' | Wait | ' | fighters`},
		{"the town\u0097and its port", "the | town | -- | and | its | port"},
		{"in 2015\u00962016", "in | 2015 | - | 2016"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := strings.Join(texts(tokenize.Append(nil, tt.text, sitrep.Span{Start: 0, End: len(tt.text)})), " | ")
			if got != tt.want {
				t.Errorf("tokens of %q\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestHyphenatedParts(t *testing.T) {
	tests := []struct {
		text  string
		parts []string
	}{
		{"al-Watiya", []string{"al", "Watiya"}},
		{"U.N.-backed", []string{"U.N.", "backed"}},
		{"LNA-strongholds", []string{"LNA", "strongholds"}},
		{"Abu-Bakr-al-Baghdadi", []string{"Abu", "Bakr", "al", "Baghdadi"}},
		{"plain", nil},
		{"-lead", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ts := tokenize.Append(nil, tt.text, sitrep.Span{Start: 0, End: len(tt.text)})
			var got []string
			for _, tok := range ts {
				for _, p := range tok.Parts(tt.text) {
					got = append(got, tt.text[p.Start:p.End])
				}
			}
			if !reflect.DeepEqual(got, tt.parts) {
				t.Errorf("parts of %q = %q, want %q", tt.text, got, tt.parts)
			}
		})
	}
}

func TestOffsetsSliceTheInput(t *testing.T) {
	text := "  “Tripoli’s\u00a0mayor” said\tthe U.N.-backed GNA’s forces—1,400 of them—left.  "
	ts := tokenize.Append(nil, text, sitrep.Span{Start: 0, End: len(text)})
	for _, tok := range ts {
		raw := text[tok.Start:tok.End]
		if raw == "" || strings.ContainsAny(raw, " \t\u00a0") {
			t.Errorf("token %q has raw span %q", tok.Text, raw)
		}
	}
	if ts[0].Text != `"` || ts[1].Text != "Tripoli" || ts[2].Text != "'s" {
		t.Errorf("unexpected first tokens %q", texts(ts[:3]))
	}
}

func TestAnnotateSetsSentenceRanges(t *testing.T) {
	text := "One two. Three four five."
	doc := sitrep.NewDocument(sitrep.Article{Text: text})
	doc.Sentences = []sitrep.Sentence{{Span: sitrep.Span{Start: 0, End: 8}}, {Span: sitrep.Span{Start: 9, End: len(text)}}}
	if err := (tokenize.Tokenizer{}).Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if s := doc.Sentences[0]; s.First != 0 || s.Last != 3 {
		t.Errorf("sentence 0 tokens [%d,%d), want [0,3)", s.First, s.Last)
	}
	if s := doc.Sentences[1]; s.First != 3 || s.Last != 7 {
		t.Errorf("sentence 1 tokens [%d,%d), want [3,7)", s.First, s.Last)
	}
}

func FuzzAppend(f *testing.F) {
	for _, s := range []string{"Tripoli’s", "U.N.-backed", "“a,” b.", "\xff'\xfe", "--", "'s", "a-", "...", "http://x."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<16 {
			return
		}
		prev := 0
		for _, tok := range tokenize.Append(nil, text, sitrep.Span{Start: 0, End: len(text)}) {
			if tok.Start < prev || tok.End > len(text) || tok.Start >= tok.End {
				t.Fatalf("bad token span %v after %d in %q", tok.Span, prev, text)
			}
			if utf8.ValidString(text) && !utf8.ValidString(text[tok.Start:tok.End]) {
				t.Fatalf("token %v splits a rune in %q", tok.Span, text)
			}
			for _, p := range tok.Parts(text) {
				if !tok.Span.Contains(p) || p.Start >= p.End {
					t.Fatalf("part %v outside token %v in %q", p, tok.Span, text)
				}
			}
			prev = tok.End
		}
	})
}
