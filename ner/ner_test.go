package ner_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/conll"
	"github.com/sitrep/sitrep/ner"
)

// corpus is a tiny NER corpus written for these tests (IOB1, as CoNLL-2003).
const corpus = `Salem I-PER
Alaywan I-PER
told O
Reuters I-ORG
on O
Sunday O
. O

The O
mayor O
of O
Bani I-LOC
Walid I-LOC
spoke O
to O
Al I-ORG
Jazeera I-ORG
. O

Russian I-MISC
fighters O
left O
Libya I-LOC
. O

Over O
200 O
people O
met O
on O
April O
3 O
, O
2019 O
. O
`

func tiny(t *testing.T) *ner.Model {
	t.Helper()
	sents, err := conll.Read(strings.NewReader(corpus))
	if err != nil {
		t.Fatal(err)
	}
	g := ner.NewGazetteer()
	g.Add(ner.ListPlace, "Libya")
	g.Add(ner.ListCountry, "Libya")
	g.Add(ner.ListDemonym, "Russian")
	cfg := ner.DefaultTrainConfig()
	cfg.Gazetteer = g
	m, err := ner.Train(context.Background(), sents, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestTrainRecognisesTrainingData(t *testing.T) {
	m := tiny(t)
	sents, _ := conll.Read(strings.NewReader(corpus))
	var doc [][]string
	for _, s := range sents {
		doc = append(doc, s.Words)
	}
	for i, ms := range m.Document(doc) {
		want := conll.Spans(sents[i].Tags)
		if len(ms) != len(want) {
			t.Errorf("sentence %d: %v, want %v", i, ms, want)
			continue
		}
		for k := range ms {
			if ms[k].Start != want[k].Start || ms[k].End != want[k].End || ms[k].Type != want[k].Type {
				t.Errorf("sentence %d: %v, want %v", i, ms[k], want[k])
			}
		}
	}
	b, err := m.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ner.Decode(b); err != nil {
		t.Fatal(err)
	}
}

// annotate runs a recogniser over text split on spaces, one sentence.
func annotate(t *testing.T, r *ner.Recognizer, text string) *sitrep.Document {
	t.Helper()
	doc := sitrep.NewDocument(sitrep.Article{Text: text})
	off := 0
	for _, w := range strings.Split(text, " ") {
		doc.Tokens = append(doc.Tokens, sitrep.Token{Span: sitrep.Span{Start: off, End: off + len(w)}, Text: w, Head: -1})
		off += len(w) + 1
	}
	doc.Sentences = []sitrep.Sentence{{Span: sitrep.Span{Start: 0, End: len(text)}, First: 0, Last: len(doc.Tokens)}}
	if err := r.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func entities(doc *sitrep.Document) string {
	var out []string
	for _, e := range doc.Entities {
		out = append(out, string(e.Kind)+":"+e.Text)
	}
	return strings.Join(out, " | ")
}

func TestKindsAndRules(t *testing.T) {
	r, err := ner.New(ner.Config{Model: tiny(t), Rules: true})
	if err != nil {
		t.Fatal(err)
	}
	doc := annotate(t, r, "Russian fighters left Libya on April 29 , 2019 , 1,000 of them , and three more last week .")
	want := "NORP:Russian | GPE:Libya | DATE:April 29 , 2019 | NUMBER:1,000 | NUMBER:three | DATE:last week"
	if got := entities(doc); got != want {
		t.Errorf("entities:\n got %s\nwant %s", got, want)
	}
	for _, e := range doc.Entities {
		if e.Source != "ner" || doc.Slice(e.Span) != e.Text {
			t.Errorf("entity %+v: source %q, span text %q", e, e.Source, doc.Slice(e.Span))
		}
	}
}

// TestEmbedded checks the shipped model on sentences written for it, in the
// style of the seed report.
func TestEmbedded(t *testing.T) {
	r, err := ner.New(ner.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"Omar Tantoush , the town 's mayor , told Reuters about it on Friday .", "PERSON:Omar Tantoush"},
		{"Chadian and Sudanese gunmen left Khartoum , Bloomberg reported .", "NORP:Chadian NORP:Sudanese GPE:Khartoum ORG:Bloomberg"},
		{"According to Al Jazeera , the army advanced .", "ORG:Al Jazeera"},
	}
	for _, tc := range tests {
		got := entities(annotate(t, r, tc.text))
		for _, w := range strings.Fields(tc.want) {
			if !strings.Contains(" | "+got+" | ", " | "+strings.ReplaceAll(w, "_", " ")+" | ") && !strings.Contains(got, w) {
				t.Errorf("%q: entities %s lack %s", tc.text, got, w)
			}
		}
	}
}

func TestGazetteerMatch(t *testing.T) {
	g := ner.NewGazetteer()
	g.Add(ner.ListPerson, "Khalifa Haftar")
	g.Add(ner.ListPlace, "Bani_Walid")
	g.Add(ner.ListPlace, "Walid")
	if g.Lookup("bani walid") == 0 || g.Len() != 3 {
		t.Fatalf("lookup failed, %d names", g.Len())
	}
}

func TestReadPetrarch(t *testing.T) {
	dict := "KHALIFA_HAFTAR_\n+GENERAL_HAFTAR_\n\t[LBYMIL 140101-201231]\n\nLIBYAN_NATIONAL_ARMY_ [LBYMIL]\n+LNA_ # the army\n"
	g := ner.NewGazetteer()
	if err := g.ReadPetrarch(strings.NewReader(dict), ner.ListOrg); err != nil {
		t.Fatal(err)
	}
	tests := map[string]int{"khalifa haftar": ner.ListPerson, "general haftar": ner.ListPerson, "khalifa": ner.ListFirstName, "libyan national army": ner.ListOrg, "lna": ner.ListOrg}
	for name, list := range tests {
		if g.Lookup(name)&(1<<list) == 0 {
			t.Errorf("%q not in list %d (bits %b)", name, list, g.Lookup(name))
		}
	}
}

func FuzzReadPetrarch(f *testing.F) {
	f.Add("KHALIFA_HAFTAR_\n+GENERAL_HAFTAR_\n\t[LBYMIL 140101-201231]\n\nLNA_ [LBYMIL]\n")
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > 1<<16 {
			return
		}
		g := ner.NewGazetteer()
		if err := g.ReadPetrarch(strings.NewReader(in), ner.ListOrg); err != nil {
			return
		}
		// Whatever was read must be findable as the gazetteer matches it:
		// lower-cased tokens joined by one space.
		if g.Len() > 0 && g.Lookup("") != 0 {
			t.Fatal("the empty name is in the gazetteer")
		}
	})
}

func BenchmarkRecognize(b *testing.B) {
	m, err := ner.Default()
	if err != nil {
		b.Fatal(err)
	}
	sent := strings.Fields("Some 800 Chadian and Sudanese fighters hired by the LNA pulled back from the outskirts of Misrata to an airbase east of the city on Monday after days of Turkish drone strikes , Reuters reported on Monday .")
	doc := [][]string{sent}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Document(doc)
	}
	b.ReportMetric(float64(b.N*len(sent))/b.Elapsed().Seconds(), "tokens/s")
}

// report is a short conflict report written for the benchmarks, one
// sentence a line, tokens separated by spaces.
const report = `Fighting resumed on Tuesday near the southern town of Gharyan , local officials told Reuters , after a week of relative calm .
The Government of National Accord said its forces had repelled an attack by units loyal to Khalifa Haftar south of Tripoli .
A spokesman for the Libyan National Army , Ahmed al-Mismari , denied that his men had withdrawn from the airport .
At least 12 civilians were killed and 40 wounded when shells hit a market in Abu Salim on Monday , the health ministry said .
The United Nations envoy Ghassan Salame called on both sides to respect a truce agreed in Berlin in January .
Turkish drones struck a convoy near Tarhuna , according to a statement posted on Facebook by the Burkan al-Ghadab operation .
Russian and Sudanese fighters were seen moving towards Sirte and Jufra , residents said .
Egypt 's President Abdel Fattah al-Sisi warned that Cairo would not stand idle if the GNA advanced on Sirte .
In Misrata , hundreds of people protested against power cuts and the rising price of fuel .
The European Union extended its naval mission Irini in the Mediterranean to watch the arms embargo .
Officials in Benghazi said the House of Representatives would meet in Tobruk next Sunday .
Amnesty International urged the International Criminal Court to investigate mass graves found in Tarhuna .
About 600 Chadian and Sudanese mercenaries in Libya withdrew from the Misrata front , Reuters reported .
The Libya Observer said three members of the 444th Brigade were detained at a checkpoint near Bani Walid .
Omar Tantoush , Zintan 's mayor , told Al Arabiya the town had taken in 300 displaced families .`

func reportDoc() ([][]string, int) {
	var doc [][]string
	n := 0
	for _, line := range strings.Split(report, "\n") {
		doc = append(doc, strings.Fields(line))
		n += len(doc[len(doc)-1])
	}
	return doc, n
}

// BenchmarkDocument recognises a whole report, as the stage does.
func BenchmarkDocument(b *testing.B) {
	m, err := ner.Default()
	if err != nil {
		b.Fatal(err)
	}
	doc, n := reportDoc()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Document(doc)
	}
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "tokens/s")
}

func FuzzDecode(f *testing.F) {
	sents, _ := conll.Read(strings.NewReader(corpus))
	cfg := ner.DefaultTrainConfig()
	cfg.Epochs, cfg.Folds = 2, 2
	m, err := ner.Train(context.Background(), sents, cfg)
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
		m, err := ner.Decode(b)
		if err != nil {
			return
		}
		m.Document([][]string{{"Salem", "Alaywan", "told", "Reuters", "."}})
	})
}

func TestAnnotateSkipsEntitiesAlreadyFound(t *testing.T) {
	r, err := ner.New(ner.Config{Model: tiny(t), Rules: true})
	if err != nil {
		t.Fatal(err)
	}
	text := "Russian fighters left Libya ."
	doc := sitrep.NewDocument(sitrep.Article{Text: text})
	off := 0
	for _, w := range strings.Split(text, " ") {
		doc.Tokens = append(doc.Tokens, sitrep.Token{Span: sitrep.Span{Start: off, End: off + len(w)}, Text: w, Head: -1})
		off += len(w) + 1
	}
	doc.Sentences = []sitrep.Sentence{{Span: sitrep.Span{Start: 0, End: len(text)}, First: 0, Last: len(doc.Tokens)}}
	libya := sitrep.Entity{Span: sitrep.Span{Start: 22, End: 27}, Text: "Libya", Kind: sitrep.KindGPE, Source: "actor"}
	doc.Entities = []sitrep.Entity{libya}
	if err := r.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if got := entities(doc); got != "GPE:Libya | NORP:Russian" || doc.Entities[0] != libya {
		t.Errorf("entities %s; want the actor's Libya kept first and not repeated", got)
	}
}

// reportDocument is the benchmark report as a tokenized document.
func reportDocument() (*sitrep.Document, int) {
	text := strings.ReplaceAll(report, "\n", " ")
	doc := sitrep.NewDocument(sitrep.Article{Text: text})
	off := 0
	first := 0
	for _, w := range strings.Split(text, " ") {
		doc.Tokens = append(doc.Tokens, sitrep.Token{Span: sitrep.Span{Start: off, End: off + len(w)}, Text: w, Head: -1})
		off += len(w) + 1
		if w == "." {
			s := doc.Tokens[first].Start
			doc.Sentences = append(doc.Sentences, sitrep.Sentence{Span: sitrep.Span{Start: s, End: off - 1}, First: first, Last: len(doc.Tokens)})
			first = len(doc.Tokens)
		}
	}
	return doc, len(doc.Tokens)
}

// BenchmarkAnnotate runs the stage, dates and numbers included, on the
// benchmark report.
func BenchmarkAnnotate(b *testing.B) {
	r, err := ner.New(ner.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	doc, n := reportDocument()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc.Entities = doc.Entities[:0]
		if err := r.Annotate(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "tokens/s")
}

func TestMixedTrainingIsDeterministicAndLearns(t *testing.T) {
	sents, err := conll.Read(strings.NewReader(corpus))
	if err != nil {
		t.Fatal(err)
	}
	train := func() []byte {
		cfg := ner.DefaultTrainConfig()
		cfg.Epochs, cfg.Mix = 5, 3
		m, err := ner.Train(context.Background(), sents, cfg)
		if err != nil {
			t.Fatal(err)
		}
		var doc [][]string
		for _, s := range sents {
			doc = append(doc, s.Words)
		}
		got := m.Document(doc)
		for i, s := range sents {
			want := conll.Spans(s.Tags)
			if len(got[i]) != len(want) {
				t.Errorf("sentence %d: %v, want %v", i, got[i], want)
			}
		}
		b, err := m.Encode()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	if a, b := train(), train(); !bytes.Equal(a, b) {
		t.Error("two mixed trainings with the same settings wrote different model files")
	}
}

func TestPrunedNothingIsTheSameModel(t *testing.T) {
	m := tiny(t)
	a, err := m.Encode()
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.Pruned(0).Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("Pruned(0) changed the model file")
	}
	half, err := m.Pruned(0.5).Encode()
	if err != nil {
		t.Fatal(err)
	}
	if len(half) >= len(a) {
		t.Errorf("Pruned(0.5) wrote %d bytes, not fewer than %d", len(half), len(a))
	}
}
