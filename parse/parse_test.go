package parse_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/internal/benchutil"
	"github.com/sitrep/sitrep/parse"
)

const treebank = `1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	seized	seize	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	town	town	NOUN	NN	_	2	obj	_	_
5	.	.	PUNCT	.	_	2	punct	_	_

1	Fighters	fighter	NOUN	NNS	_	3	nsubj:pass	_	_
2	were	be	AUX	VBD	_	3	aux:pass	_	_
3	flown	fly	VERB	VBN	_	0	root	_	_
4	to	to	ADP	IN	_	5	case	_	_
5	Jufra	Jufra	PROPN	NNP	_	3	obl	_	_
6	.	.	PUNCT	.	_	3	punct	_	_

1	Russian	Russian	ADJ	JJ	_	4	amod	_	_
2	and	and	CCONJ	CC	_	3	cc	_	_
3	Syrian	Syrian	ADJ	JJ	_	1	conj	_	_
4	fighters	fighter	NOUN	NNS	_	5	nsubj	_	_
5	retreated	retreat	VERB	VBD	_	0	root	_	_
6	.	.	PUNCT	.	_	5	punct	_	_
`

func tiny(t *testing.T) (*parse.Model, []conllu.Sentence) {
	t.Helper()
	sents, err := conllu.Read(strings.NewReader(treebank))
	if err != nil {
		t.Fatal(err)
	}
	cfg := parse.DefaultTrainConfig()
	cfg.Epochs = 10
	m, err := parse.Train(context.Background(), sents, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return m, sents
}

func split(s conllu.Sentence) (forms, tags []string) {
	for _, w := range s.Words {
		forms = append(forms, w.Form)
		tags = append(tags, w.UPOS+" "+w.XPOS)
	}
	return
}

func TestTrainParsesTrainingData(t *testing.T) {
	m, sents := tiny(t)
	for _, s := range sents {
		heads, rels := m.Parse(split(s))
		for i, w := range s.Words {
			if heads[i] != w.Head || rels[i] != w.Rel {
				t.Errorf("%s: head %d %s, want %d %s", w.Form, heads[i], rels[i], w.Head, w.Rel)
			}
		}
	}
}

func TestEncodeDecode(t *testing.T) {
	m, sents := tiny(t)
	b, err := m.Encode()
	if err != nil {
		t.Fatal(err)
	}
	d, err := parse.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	h1, r1 := m.Parse(split(sents[2]))
	h2, r2 := d.Parse(split(sents[2]))
	for i := range h1 {
		if h1[i] != h2[i] || r1[i] != r2[i] {
			t.Errorf("word %d: %d %s before encoding, %d %s after", i, h1[i], r1[i], h2[i], r2[i])
		}
	}
	if _, err := parse.Decode(b[:len(b)/2]); err == nil {
		t.Error("a truncated model decoded without error")
	}
}

// TestEmbedded checks the shipped model on the constructions the issue
// names, in sentences written for the test, with the tags the tagger gives.
func TestEmbedded(t *testing.T) {
	m, err := parse.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words string // word/UPOS/XPOS
		want  string // dependent>head:rel
	}{
		{"Over/ADV/RB 1,000/NUM/CD Russian/ADJ/JJ and/CCONJ/CC Syrian/ADJ/JJ mercenary/NOUN/NN fighters/NOUN/NNS retreated/VERB/VBD from/ADP/IN the/DET/DT town/NOUN/NN ./PUNCT/.",
			"fighters>retreated:nsubj Russian>fighters:amod Syrian>Russian:conj"},
		{"The/DET/DT fighters/NOUN/NNS were/AUX/VBD flown/VERB/VBN to/ADP/IN Jufra/PROPN/NNP ./PUNCT/.",
			"fighters>flown:nsubj:pass were>flown:aux:pass Jufra>flown:obl"},
	}
	for _, tc := range tests {
		var forms, tags []string
		for _, w := range strings.Fields(tc.words) {
			p := strings.Split(w, "/")
			forms = append(forms, p[0])
			tags = append(tags, p[1]+" "+p[2])
		}
		heads, rels := m.Parse(forms, tags)
		got := map[string]string{}
		for i := range forms {
			h := "ROOT"
			if heads[i] > 0 {
				h = forms[heads[i]-1]
			}
			got[forms[i]] = forms[i] + ">" + h + ":" + rels[i]
		}
		for _, w := range strings.Fields(tc.want) {
			form := w[:strings.IndexByte(w, '>')]
			if got[form] != w {
				t.Errorf("%s: got %s, want %s", forms, got[form], w)
			}
		}
	}
}

func TestStage(t *testing.T) {
	m, _ := tiny(t)
	p, err := parse.New(parse.Config{Model: m})
	if err != nil {
		t.Fatal(err)
	}
	text := "Intro. Rebels seized the town."
	doc := sitrep.NewDocument(sitrep.Article{Text: text})
	doc.Sentences = []sitrep.Sentence{{Span: sitrep.Span{Start: 0, End: 6}, First: 0, Last: 2}, {Span: sitrep.Span{Start: 7, End: 30}, First: 2, Last: 7}}
	add := func(a, b int, upos, xpos string) {
		doc.Tokens = append(doc.Tokens, sitrep.Token{Span: sitrep.Span{Start: a, End: b}, Text: text[a:b], UPOS: upos, XPOS: xpos, Head: -1})
	}
	add(0, 5, "", "")
	add(5, 6, "", "")
	add(7, 13, "NOUN", "NNS")
	add(14, 20, "VERB", "VBD")
	add(21, 24, "DET", "DT")
	add(25, 29, "NOUN", "NN")
	add(29, 30, "PUNCT", ".")
	if err := p.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if doc.Tokens[0].Rel != "" || len(doc.Warnings) != 1 {
		t.Errorf("untagged sentence: rel %q, warnings %v", doc.Tokens[0].Rel, doc.Warnings)
	}
	if tk := doc.Tokens[2]; tk.Head != 3 || tk.Rel != "nsubj" {
		t.Errorf("Rebels: head %d rel %s, want 3 nsubj (document index)", tk.Head, tk.Rel)
	}
	if tk := doc.Tokens[3]; tk.Head != -1 || tk.Rel != "root" {
		t.Errorf("seized: head %d rel %s, want -1 root", tk.Head, tk.Rel)
	}
}

func BenchmarkParse(b *testing.B) {
	m, err := parse.Default()
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields("Over/ADV/RB 1,000/NUM/CD Russian/ADJ/JJ and/CCONJ/CC Syrian/ADJ/JJ mercenary/NOUN/NN fighters/NOUN/NNS in/ADP/IN Libya/PROPN/NNP retreated/VERB/VBD from/ADP/IN Tripoli/PROPN/NNP 's/PART/POS frontlines/NOUN/NNS to/ADP/IN a/DET/DT town/NOUN/NN south/ADV/RB of/ADP/IN the/DET/DT capital/NOUN/NN on/ADP/IN Sunday/PROPN/NNP ./PUNCT/.")
	var forms, tags []string
	for _, w := range words {
		p := strings.Split(w, "/")
		forms = append(forms, p[0])
		tags = append(tags, p[1]+" "+p[2])
	}
	b.ResetTimer()
	cpu0 := benchutil.CPU()
	for i := 0; i < b.N; i++ {
		m.Parse(forms, tags)
	}
	b.ReportMetric(float64(b.N*len(forms))/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(b.N*len(forms))/(benchutil.CPU()-cpu0).Seconds(), "tokens/cpu-s")
}
