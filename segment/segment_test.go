package segment_test

import (
	"context"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/segment"
)

func split(text string) []string {
	var out []string
	segment.Split(text, sitrep.Span{Start: 0, End: len(text)}, func(s sitrep.Span) {
		out = append(out, text[s.Start:s.End])
	})
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two sentences", "Troops withdrew. Shelling resumed.", []string{"Troops withdrew.", "Shelling resumed."}},
		{"hyphenated acronym", "The U.N.-backed government held. Its forces advanced.",
			[]string{"The U.N.-backed government held.", "Its forces advanced."}},
		{"acronym mid-sentence", "The U.S. Army said nothing.", []string{"The U.S. Army said nothing."}},
		{"acronym then opener", "Aid came from the U.S. The army denied it.",
			[]string{"Aid came from the U.S.", "The army denied it."}},
		{"acronym at the end", "talks held by the U.N.”", []string{"talks held by the U.N.”"}},
		{"titles", "Lt. Col. Ahmed spoke. Gen. Haftar did not. Mr. Smith left.",
			[]string{"Lt. Col. Ahmed spoke.", "Gen. Haftar did not.", "Mr. Smith left."}},
		{"month before day", "It began on Jan. 5 and ended on Dec. 2. Nobody won.",
			[]string{"It began on Jan. 5 and ended on Dec. 2.", "Nobody won."}},
		{"initials", "John F. Kennedy spoke. Peter O. Grant wrote.",
			[]string{"John F. Kennedy spoke.", "Peter O. Grant wrote."}},
		{"decimals and commas", "Over 1,000 fighters and 3.5 tonnes moved. Then quiet.",
			[]string{"Over 1,000 fighters and 3.5 tonnes moved.", "Then quiet."}},
		{"quote closes sentence", `He said: "We withdrew." The army agreed.`,
			[]string{`He said: "We withdrew."`, "The army agreed."}},
		{"curly quote inside sentence", "“They were flown to Jufra,” Alaywan said. Later, silence.",
			[]string{"“They were flown to Jufra,” Alaywan said.", "Later, silence."}},
		{"Windows-1252 quotes read as Latin-1", "\u0093We held the port.\u0094 The navy left.",
			[]string{"\u0093We held the port.\u0094", "The navy left."}},
		{"question inside quote", "“Why?” he asked. Nobody answered.",
			[]string{"“Why?” he asked.", "Nobody answered."}},
		{"brackets", "They [the Russians] left. (Nobody stayed.) Fine.",
			[]string{"They [the Russians] left.", "(Nobody stayed.)", "Fine."}},
		{"ellipsis then capital", "more than 1,200 families fled... Most walked.",
			[]string{"more than 1,200 families fled...", "Most walked."}},
		{"ellipsis char mid-sentence", "the fighting … and then", []string{"the fighting … and then"}},
		{"possessive at the end", "That was in the Guardian’s report. Meanwhile, more.",
			[]string{"That was in the Guardian’s report.", "Meanwhile, more."}},
		{"no full stop", "Rebels Pull Back From Border Town", []string{"Rebels Pull Back From Border Town"}},
		{"lower case after stop", "It was 5 p.m. when they left.", []string{"It was 5 p.m. when they left."}},
		{"exclamation", "Stop! The convoy halted.", []string{"Stop!", "The convoy halted."}},
		{"url", "See example.com for more. It is fine.", []string{"See example.com for more.", "It is fine."}},
		{"non-breaking space", "They left.\u00a0The town fell.", []string{"They left.", "The town fell."}},
		{"empty", "   ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := split(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestAnnotateSkipsBoilerplateAndKeepsRegions(t *testing.T) {
	text := "Headline Without Stop\n\nFirst. Second.\n\nShare this article"
	doc := sitrep.NewDocument(sitrep.Article{Text: text})
	doc.Regions = []sitrep.Region{
		{Kind: sitrep.Headline, Span: sitrep.Span{Start: 0, End: 21}},
		{Kind: sitrep.Paragraph, Span: sitrep.Span{Start: 23, End: 37}},
		{Kind: sitrep.Boilerplate, Span: sitrep.Span{Start: 39, End: len(text)}},
	}
	s, err := segment.New(segment.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	var regions []int
	for _, sn := range doc.Sentences {
		got = append(got, doc.Slice(sn.Span))
		regions = append(regions, sn.Region)
	}
	want := []string{"Headline Without Stop", "First.", "Second."}
	if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(regions, []int{0, 1, 1}) {
		t.Errorf("got %q in regions %v, want %q in [0 1 1]", got, regions, want)
	}
}

func TestLongSentenceIsCut(t *testing.T) {
	word := "word "
	text := ""
	for len(text) < 1000 {
		text += word
	}
	doc := sitrep.NewDocument(sitrep.Article{Text: text})
	doc.Regions = []sitrep.Region{{Kind: sitrep.Paragraph, Span: sitrep.Span{Start: 0, End: len(text)}}}
	s, err := segment.New(segment.Config{MaxSentenceBytes: 100})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Sentences) < 10 {
		t.Fatalf("got %d sentences, want at least 10 pieces", len(doc.Sentences))
	}
	for _, sn := range doc.Sentences {
		if sn.Len() > 100 {
			t.Errorf("sentence %v is %d bytes, over the limit", sn.Span, sn.Len())
		}
	}
	if len(doc.Warnings) == 0 {
		t.Error("no warning recorded for the cut")
	}
}

func TestConfigValidate(t *testing.T) {
	if _, err := segment.New(segment.Config{MaxSentenceBytes: 1}); err == nil {
		t.Error("New accepted MaxSentenceBytes 1")
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"A. B.", "U.N.-backed. The", "“Why?” he", "...", "Gen. X. Y", "\xff.\xfe A", "a\u2026 B"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<16 {
			return
		}
		prev := 0
		segment.Split(text, sitrep.Span{Start: 0, End: len(text)}, func(s sitrep.Span) {
			if s.Start < prev || s.End > len(text) || s.Start >= s.End {
				t.Fatalf("bad span %v after %d in %q", s, prev, text)
			}
			if utf8.ValidString(text) && (!utf8.ValidString(text[s.Start:s.End])) {
				t.Fatalf("span %v splits a rune in %q", s, text)
			}
			prev = s.End
		})
	})
}
