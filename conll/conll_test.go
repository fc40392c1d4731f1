package conll_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/conll"
)

func TestRead(t *testing.T) {
	in := "-DOCSTART- -X- -X- O\n\nSalem NNP B-NP B-PER\nAlaywan NNP I-NP I-PER\nspoke VBD B-VP O\n\nReuters NNP B-NP B-ORG\n"
	sents, err := conll.Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 || !sents[0].DocStart || sents[1].DocStart {
		t.Fatalf("sentences = %+v", sents)
	}
	if !reflect.DeepEqual(sents[0].Tags, []string{"B-PER", "I-PER", "O"}) || !reflect.DeepEqual(sents[0].POS, []string{"NNP", "NNP", "VBD"}) {
		t.Errorf("sentence 1 = %+v", sents[0])
	}
}

func TestReadErrors(t *testing.T) {
	for name, in := range map[string]string{
		"no tag":        "Salem\n",
		"bad tag":       "Salem NNP X-PER\n",
		"mixed columns": "Salem B-PER\nAlaywan NNP I-NP I-PER\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := conll.Read(strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), "line") {
				t.Errorf("error = %v, want one naming the line", err)
			}
		})
	}
}

func TestSpans(t *testing.T) {
	tests := []struct {
		name string
		tags string
		want []conll.Span
	}{
		{"IOB2", "B-PER I-PER O B-ORG", []conll.Span{{0, 2, "PER"}, {3, 4, "ORG"}}},
		{"IOB1", "I-PER I-PER O I-ORG I-ORG B-ORG", []conll.Span{{0, 2, "PER"}, {3, 5, "ORG"}, {5, 6, "ORG"}}},
		{"type change", "I-PER I-LOC", []conll.Span{{0, 1, "PER"}, {1, 2, "LOC"}}},
		{"IOBES", "S-LOC B-ORG E-ORG O", []conll.Span{{0, 1, "LOC"}, {1, 3, "ORG"}}},
		{"none", "O O", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := conll.Spans(strings.Fields(tc.tags)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Spans(%s) = %v, want %v", tc.tags, got, tc.want)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	f.Add("EU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\n")
	f.Add("010 I-MISC\nis O\n")
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > 1<<16 {
			return
		}
		sents, err := conll.Read(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Words) != len(s.Tags) || (s.POS != nil && len(s.POS) != len(s.Words)) {
				t.Fatalf("ragged sentence %+v", s)
			}
			for _, sp := range conll.Spans(s.Tags) {
				if sp.Start < 0 || sp.End > len(s.Words) || sp.Start >= sp.End {
					t.Fatalf("bad span %+v in %d words", sp, len(s.Words))
				}
			}
		}
	})
}
