package pos_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/internal/benchutil"
	"github.com/sitrep/sitrep/pos"
)

// treebank is a tiny treebank written for these tests.
const treebank = `1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	seized	seize	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	town	town	NOUN	NN	_	2	obj	_	_
5	.	.	PUNCT	.	_	2	punct	_	_

1	The	the	DET	DT	_	2	det	_	_
2	army	army	NOUN	NN	_	3	nsubj	_	_
3	shelled	shell	VERB	VBD	_	0	root	_	_
4	villages	village	NOUN	NNS	_	3	obj	_	_
5	.	.	PUNCT	.	_	3	punct	_	_

1	Fighters	fighter	NOUN	NNS	_	3	nsubj:pass	_	_
2	were	be	AUX	VBD	_	3	aux:pass	_	_
3	flown	fly	VERB	VBN	_	0	root	_	_
4	to	to	ADP	IN	_	5	case	_	_
5	Jufra	Jufra	PROPN	NNP	_	3	obl	_	_
6	.	.	PUNCT	.	_	3	punct	_	_
`

func tiny(t *testing.T) (*pos.Model, []conllu.Sentence) {
	t.Helper()
	sents, err := conllu.Read(strings.NewReader(treebank))
	if err != nil {
		t.Fatal(err)
	}
	cfg := pos.DefaultTrainConfig()
	cfg.AmbMinCount = 1
	cfg.Folds = 0
	// Ten copies, so that "the" and "." are frequent enough to be tagged
	// from the dictionary: training must keep gold tags aligned with words
	// it does not score.
	var many []conllu.Sentence
	for i := 0; i < 10; i++ {
		many = append(many, sents...)
	}
	m, err := pos.Train(context.Background(), many, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return m, sents
}

func TestTrainTagsTrainingData(t *testing.T) {
	m, sents := tiny(t)
	for _, s := range sents {
		forms := make([]string, len(s.Words))
		for i, w := range s.Words {
			forms[i] = w.Form
		}
		for i, tag := range m.Tag(forms) {
			w := s.Words[i]
			if tag.UPOS != w.UPOS || tag.XPOS != w.XPOS || tag.Lemma != w.Lemma {
				t.Errorf("%s: got %s/%s/%s, want %s/%s/%s", w.Form, tag.UPOS, tag.XPOS, tag.Lemma, w.UPOS, w.XPOS, w.Lemma)
			}
		}
	}
}

func TestEncodeDecode(t *testing.T) {
	m, _ := tiny(t)
	b, err := m.Encode()
	if err != nil {
		t.Fatal(err)
	}
	d, err := pos.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	forms := []string{"Rebels", "shelled", "the", "town", "."}
	a, c := m.Tag(forms), d.Tag(forms)
	for i := range a {
		if a[i] != c[i] {
			t.Errorf("word %d: %v before encoding, %v after", i, a[i], c[i])
		}
	}
	if _, err := pos.Decode(b[:len(b)/2]); err == nil {
		t.Error("a truncated model decoded without error")
	}
}

func TestTrainConfigValidate(t *testing.T) {
	for _, cfg := range []pos.TrainConfig{{Epochs: 0, AmbMinCount: 1}, {Epochs: 1, AmbMinCount: 0}, {Epochs: 1, AmbMinCount: 1, Folds: -1}} {
		if cfg.Validate() == nil {
			t.Errorf("%+v validated", cfg)
		}
	}
}

// TestEmbedded checks the shipped model on news sentences written for it.
func TestEmbedded(t *testing.T) {
	m, err := pos.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sentence string
		want     string // word/XPOS/lemma for the words that matter
	}{
		{"The rebels attacked the town on Sunday .", "attacked/VBD/attack town/NN/town"},
		{"Over 500 gunmen in Chad withdrew from Abeche .", "Over/RB/over gunmen/NNS/gunman withdrew/VBD/withdraw Abeche/NNP/Abeche"},
		{"They were flown in two cargo planes to Sebha .", "were/VBD/be flown/VBN/fly planes/NNS/plane"},
		// verb forms the treebank lacks, which the suffix rules mangled
		// ("shet", "fl", "fink", "shel")
		{"They shot him and fled .", "shot/VBD/shoot fled/VBD/flee"},
		{"Militias fought for hours and shelled the town .", "fought/VBD/fight shelled/VBD/shell"},
		{"They blamed the army and raided the base .", "blamed/VBD/blame raided/VBD/raid"},
	}
	for _, tc := range tests {
		forms := strings.Fields(tc.sentence)
		tags := m.Tag(forms)
		got := map[string]string{}
		for i, tg := range tags {
			got[forms[i]] = forms[i] + "/" + tg.XPOS + "/" + tg.Lemma
		}
		for _, w := range strings.Fields(tc.want) {
			form := w[:strings.IndexByte(w, '/')]
			if got[form] != w {
				t.Errorf("%q: got %s, want %s", tc.sentence, got[form], w)
			}
		}
	}
}

func TestStage(t *testing.T) {
	m, _ := tiny(t)
	tg, err := pos.New(pos.Config{Model: m})
	if err != nil {
		t.Fatal(err)
	}
	doc := sitrep.NewDocument(sitrep.Article{Text: "Rebels seized the town."})
	doc.Sentences = []sitrep.Sentence{{Span: sitrep.Span{Start: 0, End: 23}, First: 0, Last: 5}}
	for _, w := range [][3]int{{0, 6}, {7, 13}, {14, 17}, {18, 22}, {22, 23}} {
		doc.Tokens = append(doc.Tokens, sitrep.Token{Span: sitrep.Span{Start: w[0], End: w[1]}, Text: doc.Article.Text[w[0]:w[1]], Head: -1})
	}
	if err := tg.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if tk := doc.Tokens[1]; tk.UPOS != "VERB" || tk.XPOS != "VBD" || tk.Lemma != "seize" {
		t.Errorf("seized: %+v", tk)
	}
	empty := sitrep.NewDocument(sitrep.Article{Text: ""})
	if err := tg.Annotate(context.Background(), empty); err != nil || len(empty.Tokens) != 0 {
		t.Errorf("empty document: %v, %d tokens", err, len(empty.Tokens))
	}
}

func BenchmarkTag(b *testing.B) {
	m, err := pos.Default()
	if err != nil {
		b.Fatal(err)
	}
	forms := strings.Fields("Some 800 Chadian and Sudanese fighters hired by the LNA pulled back from the outskirts of Misrata to an airbase east of the city on Monday after days of Turkish drone strikes , Reuters reported on Monday .")
	b.ResetTimer()
	cpu0 := benchutil.CPU()
	for i := 0; i < b.N; i++ {
		m.Tag(forms)
	}
	b.ReportMetric(float64(b.N*len(forms))/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(b.N*len(forms))/(benchutil.CPU()-cpu0).Seconds(), "tokens/cpu-s")
}

func FuzzDecode(f *testing.F) {
	sents, _ := conllu.Read(strings.NewReader(treebank))
	cfg := pos.DefaultTrainConfig()
	cfg.Folds, cfg.Epochs = 0, 2
	m, err := pos.Train(context.Background(), sents, cfg)
	if err != nil {
		f.Fatal(err)
	}
	b, err := m.Encode()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 1<<16 {
			return
		}
		m, err := pos.Decode(b)
		if err != nil {
			return
		}
		m.Tag([]string{"Rebels", "seized", "the", "town", "."})
	})
}

func ExampleModel_Tag() {
	m, err := pos.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range m.Tag([]string{"The", "rebels", "seized", "two", "towns", "."}) {
		fmt.Print(t.UPOS, "/", t.XPOS, "/", t.Lemma, " ")
	}
	fmt.Println()
	// Output: DET/DT/the NOUN/NNS/rebel VERB/VBD/seize NUM/CD/two NOUN/NNS/town PUNCT/./.
}
