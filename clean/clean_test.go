package clean_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/clean"
)

func regions(t *testing.T, text, title string) []sitrep.Region {
	t.Helper()
	c, err := clean.New(clean.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return c.Regions(text, title)
}

// summary renders regions as "kind:first words" for compact comparison.
func summary(text string, rs []sitrep.Region) []string {
	var out []string
	for _, r := range rs {
		s := text[r.Start:r.End]
		if len(s) > 24 {
			s = s[:24]
		}
		item := string(r.Kind) + ":" + s
		if r.Date != "" {
			item += "@" + r.Date
		}
		out = append(out, item)
	}
	return out
}

func TestRegions(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		title string
		want  []string
	}{
		{
			name: "headline caption teaser body footer",
			text: "Rebels Retreat From Capital\n\nMilitiamen man a checkpoint near Gharyan on March 3, 2021. - Heavy clashes over the road to …\n\nThe rebels withdrew on Sunday.\n\nJoin the discussion below.",
			want: []string{"headline:Rebels Retreat From Capi", "caption:Militiamen man a checkpo@2021-03-03",
				"boilerplate:- Heavy clashes over the", "paragraph:The rebels withdrew on S", "boilerplate:Join the discussion belo"},
		},
		{
			name:  "title from metadata even with a full stop",
			text:  "Army retakes the town.\n\nSoldiers entered at dawn.",
			title: "Army retakes the town.",
			want:  []string{"headline:Army retakes the town.", "paragraph:Soldiers entered at dawn"},
		},
		{
			name: "first line with a full stop is body",
			text: "Soldiers entered the town at dawn.\n\nThey met no resistance.",
			want: []string{"paragraph:Soldiers entered the tow", "paragraph:They met no resistance."},
		},
		{
			name: "byline and read more",
			text: "Ceasefire Holds\n\nBy Jane Doe and John Roe, Reuters\n\nThe truce held overnight.\n\nREAD MORE: How the war began\n\nShare on Facebook",
			want: []string{"headline:Ceasefire Holds", "boilerplate:By Jane Doe and John Roe", "paragraph:The truce held overnight",
				"boilerplate:READ MORE: How the war b", "boilerplate:Share on Facebook"},
		},
		{
			name: "a sentence starting with By is not a byline",
			text: "By Sunday, troops had withdrawn from the town.",
			want: []string{"paragraph:By Sunday, troops had wi"},
		},
		{
			name: "agency caption credit",
			text: "Clashes Erupt\n\nTroops patrol a street in Gao. (Photo by Jane Doe/AFP via Getty Images)\n\nClashes erupted on Monday.",
			want: []string{"headline:Clashes Erupt", "caption:Troops patrol a street i", "boilerplate:(Photo by Jane Doe/AFP v", "paragraph:Clashes erupted on Monda"},
		},
		{
			name: "wire credit after the caption",
			text: "Strike Hits Plant\n\nFirefighters work at the site in Kharkiv on March 22, 2024. REUTERS/Jane Doe\n\nThe strike came overnight.",
			want: []string{"headline:Strike Hits Plant", "caption:Firefighters work at the@2024-03-22", "boilerplate:REUTERS/Jane Doe", "paragraph:The strike came overnigh"},
		},
		{
			name: "hard-wrapped paragraph joins, blank lines split",
			text: "Government forces said on Monday that they had pushed\nthe rebels back from the outskirts of the city.\nNew paragraph starts here.\n\nAnother one.",
			want: []string{"paragraph:Government forces said o", "paragraph:New paragraph starts her", "paragraph:Another one."},
		},
		{
			name: "CRLF and copyright",
			text: "Talks Resume\r\n\r\nDelegates met in Geneva.\r\n\r\n© 2024 Example News. All rights reserved.",
			want: []string{"headline:Talks Resume", "paragraph:Delegates met in Geneva.", "boilerplate:© 2024 Example News. Al"},
		},
		{
			name: "long paragraph mentioning subscribe stays",
			text: "Subscribe is not what the minister did when he was asked to join the coalition against the insurgents on Tuesday, and his aides said he would not reconsider the offer until the army had withdrawn from the three disputed districts along the border.",
			want: []string{"paragraph:Subscribe is not what th"},
		},
		{name: "empty", text: "\n\n  \n", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summary(tt.text, regions(t, tt.text, tt.title))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("regions\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestAnnotateKeepsSourceRegions(t *testing.T) {
	doc := sitrep.NewDocument(sitrep.Article{Text: "Headline\n\nBody."})
	given := []sitrep.Region{{Kind: sitrep.Paragraph, Span: sitrep.Span{Start: 0, End: 15}}}
	doc.Regions = append([]sitrep.Region(nil), given...)
	c, _ := clean.New(clean.DefaultConfig())
	if err := c.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Regions) != 1 || doc.Regions[0] != given[0] {
		t.Errorf("Annotate replaced regions the source marked: %v", doc.Regions)
	}
}

func TestConfigValidate(t *testing.T) {
	for _, c := range []clean.Config{{MaxBoilerplateWords: 0, MaxHeadlineBytes: 10}, {MaxBoilerplateWords: 10}} {
		if _, err := clean.New(c); err == nil {
			t.Errorf("New(%+v) accepted a bad config", c)
		}
	}
}

func FuzzRegions(f *testing.F) {
	for _, s := range []string{"T\n\nA. - B …\n\nC", "\r\n\r\n", "By X\n\n© 2020", "\xff\n\xfe", "a\u2028b"} {
		f.Add(s, "")
	}
	c, _ := clean.New(clean.DefaultConfig())
	f.Fuzz(func(t *testing.T, text, title string) {
		if len(text) > 1<<16 {
			return
		}
		prev := 0
		for _, r := range c.Regions(text, title) {
			if r.Start < prev || r.End > len(text) || r.Start >= r.End {
				t.Fatalf("bad region %+v after %d in %q", r, prev, text)
			}
			prev = r.End
		}
	})
}
