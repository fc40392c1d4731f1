package pos_test

import (
	"os"
	"testing"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/internal/benchutil"
	"github.com/sitrep/sitrep/pos"
)

// devTreebank is UD English EWT dev, which the models never trained on.
const devTreebank = "../../shared/corpora/ud_english_ewt/en_ewt-ud-dev.conllu"

// BenchmarkTagTreebank tags every sentence of EWT dev (25,000 words) with
// the embedded model: a vocabulary as wide as real text, where BenchmarkTag
// repeats one sentence, so that the tagger's cache of word forms is
// measured with the misses real text gives. It skips when ../shared is
// absent.
func BenchmarkTagTreebank(b *testing.B) {
	f, err := os.Open(devTreebank)
	if err != nil {
		b.Skip("EWT dev not present:", err)
	}
	defer f.Close()
	sents, err := conllu.Read(f)
	if err != nil {
		b.Fatal(err)
	}
	m, err := pos.Default()
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
		for _, forms := range in {
			m.Tag(forms)
		}
	}
	b.ReportMetric(float64(b.N*words)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(b.N*words)/(benchutil.CPU()-cpu0).Seconds(), "tokens/cpu-s")
}
