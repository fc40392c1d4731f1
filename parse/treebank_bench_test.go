package parse

import (
	"os"
	"testing"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/internal/benchutil"
)

// devTreebank is UD English EWT dev, which the models never trained on.
const devTreebank = "../../shared/corpora/ud_english_ewt/en_ewt-ud-dev.conllu"

// devSentences reads EWT dev, skipping tb when ../shared is absent.
func devSentences(tb testing.TB) []conllu.Sentence {
	tb.Helper()
	f, err := os.Open(devTreebank)
	if err != nil {
		tb.Skip("EWT dev not present:", err)
	}
	defer f.Close()
	sents, err := conllu.Read(f)
	if err != nil {
		tb.Fatal(err)
	}
	return sents
}

// goldTagged returns a sentence's forms and gold tags as Parse takes them
// ("UPOS XPOS").
func goldTagged(s conllu.Sentence) (forms, tags []string) {
	for _, w := range s.Words {
		forms = append(forms, w.Form)
		tags = append(tags, w.UPOS+" "+w.XPOS)
	}
	return forms, tags
}

// devSent is a sentence of EWT dev as Parse takes it.
type devSent struct{ forms, tags []string }

// devParses returns the embedded model and EWT dev's sentences with gold
// tags and their word count, skipping b when ../shared is absent.
func devParses(b *testing.B) (m *Model, in []devSent, words int) {
	sents := devSentences(b)
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range sents {
		forms, tags := goldTagged(s)
		in = append(in, devSent{forms, tags})
		words += len(forms)
	}
	return m, in, words
}

// BenchmarkParseTreebank parses every sentence of EWT dev (25,000 words,
// gold tags) with the embedded model: a working set as wide as real text,
// where BenchmarkParse repeats one sentence from the caches. It skips
// when ../shared is absent.
func BenchmarkParseTreebank(b *testing.B) {
	m, in, words := devParses(b)
	cpu0 := benchutil.CPU()
	for b.Loop() {
		for _, s := range in {
			m.Parse(s.forms, s.tags)
		}
	}
	b.ReportMetric(float64(b.N*words)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(b.N*words)/(benchutil.CPU()-cpu0).Seconds(), "tokens/cpu-s")
}

// BenchmarkParseTreebankCold parses EWT dev once per iteration with a
// fresh parser, whose caches start empty: the cost of a single pass over
// text as wide as the treebank (BenchmarkParseTreebank reuses pooled
// parsers, whose caches start warm after the first pass). It skips when
// ../shared is absent.
func BenchmarkParseTreebankCold(b *testing.B) {
	m, in, words := devParses(b)
	cpu0 := benchutil.CPU()
	for b.Loop() {
		p := &parser{}
		for _, s := range in {
			m.parse(p, s.forms, s.tags)
		}
	}
	b.ReportMetric(float64(b.N*words)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(b.N*words)/(benchutil.CPU()-cpu0).Seconds(), "tokens/cpu-s")
}
