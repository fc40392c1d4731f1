package pos

import (
	"os"
	"testing"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/internal/benchutil"
)

// devTreebank is UD English EWT dev, which the models never trained on.
const devTreebank = "../../shared/corpora/ud_english_ewt/en_ewt-ud-dev.conllu"

// devForms returns the embedded model and the word forms of EWT dev's
// sentences with their count, skipping b when ../shared is absent.
func devForms(b *testing.B) (m *Model, in [][]string, words int) {
	f, err := os.Open(devTreebank)
	if err != nil {
		b.Skip("EWT dev not present:", err)
	}
	defer f.Close()
	sents, err := conllu.Read(f)
	if err != nil {
		b.Fatal(err)
	}
	m, err = Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range sents {
		var forms []string
		for _, w := range s.Words {
			forms = append(forms, w.Form)
		}
		in = append(in, forms)
		words += len(forms)
	}
	return m, in, words
}

// BenchmarkTagTreebank tags every sentence of EWT dev (25,000 words) with
// the embedded model: a vocabulary as wide as real text, where BenchmarkTag
// repeats one sentence, so that the tagger's cache of word forms is
// measured with the misses real text gives. It skips when ../shared is
// absent.
func BenchmarkTagTreebank(b *testing.B) {
	m, in, words := devForms(b)
	cpu0 := benchutil.CPU()
	for b.Loop() {
		for _, forms := range in {
			m.Tag(forms)
		}
	}
	b.ReportMetric(float64(b.N*words)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(b.N*words)/(benchutil.CPU()-cpu0).Seconds(), "tokens/cpu-s")
}

// BenchmarkTagTreebankCold tags EWT dev once per iteration with a fresh
// tagger, whose cache of word forms starts empty: the cost of a single
// pass over text as wide as the treebank, every form's first occurrence
// paying for its cache entry (BenchmarkTagTreebank reuses one tagger, so
// its cache starts warm after the first pass). It skips when ../shared is
// absent.
func BenchmarkTagTreebankCold(b *testing.B) {
	m, in, words := devForms(b)
	cpu0 := benchutil.CPU()
	for b.Loop() {
		t := &tagger{}
		for _, forms := range in {
			m.run(t, forms)
		}
	}
	b.ReportMetric(float64(b.N*words)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(b.N*words)/(benchutil.CPU()-cpu0).Seconds(), "tokens/cpu-s")
}
