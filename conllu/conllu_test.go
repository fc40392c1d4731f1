package conllu_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/conllu"
)

const sample = `# sent_id = s1
# text = Rebels took the town.
1	Rebels	rebel	NOUN	NNS	Number=Plur	2	nsubj	2:nsubj	_
2	took	take	VERB	VBD	Tense=Past	0	root	0:root	_
3-4	the town	_	_	_	_	_	_	_	_
3	the	the	DET	DT	_	4	det	4:det	_
4	town	town	NOUN	NN	_	2	obj	2:obj	SpaceAfter=No
4.1	ate	eat	VERB	VBD	_	_	_	2:conj	_
5	.	.	PUNCT	.	_	2	punct	2:punct	_

1	Hi	hi	INTJ	UH	_	0	root	0:root	_
`

func TestRead(t *testing.T) {
	sents, err := conllu.Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2", len(sents))
	}
	s := sents[0]
	if s.ID != "s1" || s.Text != "Rebels took the town." || len(s.Words) != 5 {
		t.Fatalf("sentence = %+v", s)
	}
	want := conllu.Word{Form: "town", Lemma: "town", UPOS: "NOUN", XPOS: "NN", Feats: "_", Head: 2, Rel: "obj", Misc: "SpaceAfter=No"}
	if !reflect.DeepEqual(s.Words[3], want) {
		t.Errorf("word 4 = %+v, want %+v", s.Words[3], want)
	}
	if !s.Projective() {
		t.Error("sample tree should be projective")
	}
}

func TestReadErrors(t *testing.T) {
	tests := map[string]string{
		"too few fields": "1\tRebels\trebel\n",
		"bad id":         "2\tRebels\trebel\tNOUN\tNNS\t_\t0\troot\t_\t_\n",
		"bad head":       "1\tRebels\trebel\tNOUN\tNNS\t_\tx\troot\t_\t_\n",
		"head outside":   "1\tRebels\trebel\tNOUN\tNNS\t_\t5\troot\t_\t_\n",
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := conllu.Read(strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), "line") && name != "head outside" {
				t.Errorf("error = %v, want one naming the line", err)
			}
		})
	}
}

func TestWriteRoundTrip(t *testing.T) {
	sents, err := conllu.Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := conllu.Write(&buf, sents); err != nil {
		t.Fatal(err)
	}
	again, err := conllu.Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(sents, again) {
		t.Errorf("round trip changed the sentences:\n%+v\n%+v", sents, again)
	}
}

func TestProjective(t *testing.T) {
	tests := []struct {
		heads []int
		want  bool
	}{
		{[]int{2, 0, 2}, true},
		{[]int{3, 4, 0, 3}, false}, // 1→3 crosses 2→4
		{[]int{0}, true},
	}
	for _, tc := range tests {
		if got := conllu.Projective(tc.heads); got != tc.want {
			t.Errorf("Projective(%v) = %v, want %v", tc.heads, got, tc.want)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > 1<<16 {
			return
		}
		sents, err := conllu.Read(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range sents {
			for _, w := range s.Words {
				if w.Head < 0 || w.Head > len(s.Words) {
					t.Fatalf("head %d outside a sentence of %d words", w.Head, len(s.Words))
				}
			}
		}
	})
}
