package pos

import (
	"os"
	"testing"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/internal/benchutil"
)

// BenchmarkTagTreebankCold tags EWT dev (25,000 words) once per iteration
// with a fresh tagger, whose cache of word forms starts empty: the cost of
// a single pass over text as wide as the treebank, every form's first
// occurrence paying for its cache entry (BenchmarkTagTreebank reuses one
// tagger, so its cache starts warm after the first pass). It skips when
// ../shared is absent.
func BenchmarkTagTreebankCold(b *testing.B) {
	f, err := os.Open("../../shared/corpora/ud_english_ewt/en_ewt-ud-dev.conllu")
	if err != nil {
		b.Skip("EWT dev not present:", err)
	}
	defer f.Close()
	sents, err := conllu.Read(f)
	if err != nil {
		b.Fatal(err)
	}
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var in [][]string
	words := 0
	for _, s := range sents {
		var forms []string
		for _, w := range s.Words {
			forms = append(forms, w.Form)
		}
		in = append(in, forms)
		words += len(forms)
	}
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
