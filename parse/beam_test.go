package parse

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/internal/benchutil"
	"github.com/sitrep/sitrep/perceptron"
)

// beamTreebank is a small treebank written for these tests: a passive,
// a coordination, an apposition, a relative clause and reported speech.
const beamTreebank = `1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
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

1	Alaywan	Alaywan	PROPN	NNP	_	6	nsubj	_	_
2	,	,	PUNCT	,	_	4	punct	_	_
3	the	the	DET	DT	_	4	det	_	_
4	mayor	mayor	NOUN	NN	_	1	appos	_	_
5	,	,	PUNCT	,	_	1	punct	_	_
6	said	say	VERB	VBD	_	0	root	_	_
7	troops	troop	NOUN	NNS	_	8	nsubj	_	_
8	left	leave	VERB	VBD	_	6	ccomp	_	_
9	.	.	PUNCT	.	_	6	punct	_	_

1	Men	man	NOUN	NNS	_	5	nsubj	_	_
2	who	who	PRON	WP	_	3	nsubj	_	_
3	fought	fight	VERB	VBD	_	1	acl:relcl	_	_
4	were	be	AUX	VBD	_	5	aux:pass	_	_
5	killed	kill	VERB	VBN	_	0	root	_	_
6	.	.	PUNCT	.	_	5	punct	_	_
`

func beamSentences(t testing.TB) []conllu.Sentence {
	t.Helper()
	sents, err := conllu.Read(strings.NewReader(beamTreebank))
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// train trains a model on the test treebank with the given beam.
func train(t testing.TB, beam int, update string, epochs int) *Model {
	t.Helper()
	cfg := DefaultTrainConfig()
	cfg.Epochs, cfg.Beam, cfg.BeamUpdate = epochs, beam, update
	m, err := Train(context.Background(), beamSentences(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestBeamOfOneIsGreedy checks that the beam search of width 1 makes the
// greedy parser's parse, with the embedded model, on the test sentences
// and on EWT dev when it is present.
func TestBeamOfOneIsGreedy(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sents := beamSentences(t)
	if f, err := readDev(); err == nil {
		sents = append(sents, f[:min(len(f), 400)]...)
	}
	p, q := &parser{}, &parser{}
	for _, s := range sents {
		forms, tags := goldTagged(s)
		m.parse(p, forms, tags)
		m.prepare(q, forms, tags)
		m.search(q, 1)
		if !slices.Equal(p.s.heads, q.s.heads) || !slices.Equal(p.s.labels, q.s.labels) {
			t.Fatalf("%q: beam of 1 gives heads %v labels %v, greedy %v %v", forms, q.s.heads, q.s.labels, p.s.heads, p.s.labels)
		}
	}
}

// TestGoldSequence checks that the gold sequence of every projective
// test sentence builds its tree.
func TestGoldSequence(t *testing.T) {
	m := train(t, 1, MaxViolation, 10)
	id := map[string]int{}
	for i, l := range m.labels {
		id[l] = i
	}
	for _, s := range beamSentences(t) {
		heads, rels := []int{-1}, []int{-1}
		for _, w := range s.Words {
			heads, rels = append(heads, w.Head), append(rels, id[w.Rel])
		}
		var st state
		seq := m.goldSequence(&st, heads, rels, make([]int, m.w.Classes()))
		st.reset(len(s.Words))
		for _, c := range seq {
			if !st.valid(int(c), m.rootLabel) {
				t.Fatalf("%s: gold transition %d invalid", s.Words[0].Form, c)
			}
			st.apply(int(c))
		}
		if !st.terminal() || !slices.Equal(st.heads[1:], heads[1:]) || !slices.Equal(st.labels[1:], rels[1:]) {
			t.Errorf("%s: gold sequence builds heads %v labels %v, want %v %v", s.Words[0].Form, st.heads, st.labels, heads, rels)
		}
	}
}

// TestBeamTrainedFindsGold trains with beams of several widths and both
// updates and checks that a beam of the same width finds the gold tree
// of every training sentence.
func TestBeamTrainedFindsGold(t *testing.T) {
	for _, tc := range []struct {
		beam   int
		update string
		epochs int
	}{{2, EarlyUpdate, 30}, {4, EarlyUpdate, 30}, {4, MaxViolation, 10}, {8, MaxViolation, 10}} {
		t.Run(fmt.Sprintf("%d-%s", tc.beam, tc.update), func(t *testing.T) {
			m := train(t, tc.beam, tc.update, tc.epochs)
			for _, s := range beamSentences(t) {
				forms, tags := goldTagged(s)
				heads, rels := m.ParseBeam(forms, tags, tc.beam)
				for i, w := range s.Words {
					if heads[i] != w.Head || rels[i] != w.Rel {
						t.Errorf("%s: head %d %s, want %d %s", w.Form, heads[i], rels[i], w.Head, w.Rel)
					}
				}
			}
		})
	}
}

// TestBeamUpdateStep checks where the two updates happen with weights
// all zero, where every score ties and the beam keeps the lowest
// transitions: shift first. In "Rebels seized the town ." the gold
// sequence shifts "Rebels" and then takes the left arc to "seized": a
// beam of one falls off the gold at the second step. Early update stops
// there, updating the second state's features (up for the left arc, down
// for shift); max-violation runs to the end of the gold sequence and
// updates at the first step where the beam's best exceeds the gold prefix
// the most: with every score 0, the same step.
func TestBeamUpdateStep(t *testing.T) {
	sents := beamSentences(t)
	for _, tc := range []struct {
		update    string
		steps     int // steps the beam ran (the gold sequence has 8)
		updatedAt int // the update's step
	}{
		{EarlyUpdate, 2, 1},
		{MaxViolation, 8, 1}, // all violations are 0: the first is taken
	} {
		t.Run(tc.update, func(t *testing.T) {
			m := train(t, 1, MaxViolation, 10)
			tr := perceptron.NewTrainer(m.w.Classes())
			bt := &beamTrainer{m: m, tr: tr, width: 1, maxViolation: tc.update == MaxViolation,
				p: &parser{scores: make([]float32, m.w.Classes())}}
			e := sents[0]
			id := map[string]int{}
			for i, l := range m.labels {
				id[l] = i
			}
			heads, rels := []int{-1}, []int{-1}
			var forms, tags []string
			for _, w := range e.Words {
				heads, rels = append(heads, w.Head), append(rels, id[w.Rel])
				forms, tags = append(forms, w.Form), append(tags, w.UPOS+" "+w.XPOS)
			}
			seq := m.goldSequence(&bt.p.s, heads, rels, make([]int, m.w.Classes()))
			if seq[0] != shift || int(seq[1]) != 2+2*id["nsubj"] {
				t.Fatalf("gold sequence starts %v, want shift, left arc nsubj", seq[:2])
			}
			m.prepareTrain(bt.p, forms, tags, m.w.Classes())
			correct, updated := bt.sentence(seq)
			if correct || !updated {
				t.Fatalf("sentence: correct %v updated %v, want false true", correct, updated)
			}
			if len(bt.steps) != tc.steps {
				t.Errorf("beam ran %d steps, want %d", len(bt.steps), tc.steps)
			}
			// The state after shifting "Rebels": its features moved up
			// for the left arc and down for shift, by one each.
			var s state
			s.reset(len(forms))
			s.apply(shift)
			feats := features(nil, &s, &bt.p.a, m.labelAtom)
			scores := make([]float32, m.w.Classes())
			tr.Score(feats, scores)
			left := 2 + 2*id["nsubj"]
			if want := float32(len(feats)); scores[left] != want || scores[shift] != -want {
				t.Errorf("after the update the second state scores left arc %g, shift %g; want %g, %g", scores[left], scores[shift], want, -want)
			}
			if bt.updatedAt != tc.updatedAt {
				t.Errorf("updated at step %d, want %d", bt.updatedAt, tc.updatedAt)
			}
		})
	}
}

func TestBeamConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		beam int
		ok   bool
	}{{0, true}, {1, true}, {8, true}, {MaxBeam, true}, {-1, false}, {MaxBeam + 1, false}} {
		if err := (Config{Beam: tc.beam}).Validate(); (err == nil) != tc.ok {
			t.Errorf("Config{Beam: %d}.Validate() = %v", tc.beam, err)
		}
		cfg := DefaultTrainConfig()
		cfg.Beam = tc.beam
		if err := cfg.Validate(); (err == nil) != tc.ok {
			t.Errorf("TrainConfig{Beam: %d}.Validate() = %v", tc.beam, err)
		}
	}
	cfg := DefaultTrainConfig()
	cfg.Beam, cfg.BeamUpdate = 4, "late"
	if err := cfg.Validate(); err == nil {
		t.Error("BeamUpdate late: no error")
	}
}

// readDev reads EWT dev, or fails when ../shared is absent.
func readDev() ([]conllu.Sentence, error) {
	f, err := os.Open(devTreebank)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return conllu.Read(f)
}

// BenchmarkParseTreebankBeam parses EWT dev (gold tags) with beams of
// several widths (width 1 is the beam search's own path, not the greedy
// parser's), with the embedded model or the model file named by
// $SITREP_PARSE_MODEL (a model trained for the beam, whose table differs
// in size). It skips when ../shared is absent.
func BenchmarkParseTreebankBeam(b *testing.B) {
	m, in, words := devParses(b)
	if file := os.Getenv("SITREP_PARSE_MODEL"); file != "" {
		buf, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		if m, err = Decode(buf); err != nil {
			b.Fatalf("%s: %v", file, err)
		}
	}
	for _, width := range []int{1, 4, 8, 16, 32} {
		b.Run(fmt.Sprintf("beam=%d", width), func(b *testing.B) {
			p := &parser{}
			cpu0 := benchutil.CPU()
			for b.Loop() {
				for _, s := range in {
					m.prepare(p, s.forms, s.tags)
					m.search(p, width)
				}
			}
			b.ReportMetric(float64(b.N*words)/b.Elapsed().Seconds(), "tokens/s")
			b.ReportMetric(float64(b.N*words)/(benchutil.CPU()-cpu0).Seconds(), "tokens/cpu-s")
		})
	}
}

// BenchmarkParseBeam parses the test treebank's sentences with the
// embedded model and beams of several widths (ParseBeam; width 1 is the
// beam search's own path). BenchmarkParseTreebankBeam measures the same
// on EWT dev.
func BenchmarkParseBeam(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var in []devSent
	words := 0
	for _, s := range beamSentences(b) {
		forms, tags := goldTagged(s)
		in, words = append(in, devSent{forms, tags}), words+len(forms)
	}
	for _, width := range []int{1, 4, 8} {
		b.Run(fmt.Sprintf("beam=%d", width), func(b *testing.B) {
			cpu0 := benchutil.CPU()
			for b.Loop() {
				for _, s := range in {
					m.ParseBeam(s.forms, s.tags, width)
				}
			}
			b.ReportMetric(float64(b.N*words)/(benchutil.CPU()-cpu0).Seconds(), "tokens/cpu-s")
		})
	}
}

// TestBeamStage checks that the stage with Config.Beam parses as
// ParseBeam does, in document indexes.
func TestBeamStage(t *testing.T) {
	m := train(t, 4, MaxViolation, 10)
	ps, err := New(Config{Model: m, Beam: 4})
	if err != nil {
		t.Fatal(err)
	}
	s := beamSentences(t)[3]
	forms, tags := goldTagged(s)
	text := strings.Join(forms, " ")
	doc := sitrep.NewDocument(sitrep.Article{Text: "Intro. " + text})
	doc.Tokens = append(doc.Tokens, sitrep.Token{Span: sitrep.Span{Start: 0, End: 6}, Text: "Intro.", UPOS: "NOUN", XPOS: "NN", Head: -1})
	off := 7
	for i, f := range forms {
		u, x, _ := strings.Cut(tags[i], " ")
		doc.Tokens = append(doc.Tokens, sitrep.Token{Span: sitrep.Span{Start: off, End: off + len(f)}, Text: f, UPOS: u, XPOS: x, Head: -1})
		off += len(f) + 1
	}
	doc.Sentences = []sitrep.Sentence{{Span: sitrep.Span{Start: 0, End: 6}, First: 0, Last: 1}, {Span: sitrep.Span{Start: 7, End: off - 1}, First: 1, Last: len(doc.Tokens)}}
	if err := ps.Annotate(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	heads, rels := m.ParseBeam(forms, tags, 4)
	for i, w := range s.Words {
		want := heads[i] // 1-based in the sentence; the sentence starts at token 1
		if heads[i] == 0 {
			want = -1
		}
		if tk := doc.Tokens[i+1]; tk.Head != want || tk.Rel != rels[i] || rels[i] != w.Rel {
			t.Errorf("%s: head %d %s, want %d %s (gold %s)", w.Form, tk.Head, tk.Rel, want, rels[i], w.Rel)
		}
	}
}

// TestBeamShortSentences parses sentences of no word and of one word.
func TestBeamShortSentences(t *testing.T) {
	m := train(t, 4, MaxViolation, 10)
	for _, width := range []int{1, 4, MaxBeam} {
		for _, forms := range [][]string{nil, {"Fighters"}} {
			tags := make([]string, len(forms))
			for i := range tags {
				tags[i] = "NOUN NNS"
			}
			heads, rels := m.ParseBeam(forms, tags, width)
			if len(heads) != len(forms) || len(rels) != len(forms) {
				t.Fatalf("beam %d, %q: %d heads %d relations", width, forms, len(heads), len(rels))
			}
			if len(forms) == 1 && (heads[0] != 0 || rels[0] != "root") {
				t.Errorf("beam %d, %q: head %d %s, want 0 root", width, forms, heads[0], rels[0])
			}
		}
	}
}
