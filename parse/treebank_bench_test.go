package parse_test

import (
	"os"
	"testing"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/internal/benchutil"
	"github.com/sitrep/sitrep/parse"
)

// devTreebank is UD English EWT dev, which the models never trained on.
const devTreebank = "../../shared/corpora/ud_english_ewt/en_ewt-ud-dev.conllu"

// BenchmarkParseTreebank parses every sentence of EWT dev (25,000 words,
// gold tags) with the embedded model: a working set as wide as real text,
// where BenchmarkParse repeats one sentence from the caches. It skips
// when ../shared is absent.
func BenchmarkParseTreebank(b *testing.B) {
	f, err := os.Open(devTreebank)
	if err != nil {
		b.Skip("EWT dev not present:", err)
	}
	defer f.Close()
	sents, err := conllu.Read(f)
	if err != nil {
		b.Fatal(err)
	}
	m, err := parse.Default()
	if err != nil {
		b.Fatal(err)
	}
	type sent struct{ forms, tags []string }
	var in []sent
	words := 0
	for _, s := range sents {
		forms, tags := split(s)
		in = append(in, sent{forms, tags})
		words += len(forms)
	}
	cpu0 := benchutil.CPU()
	for b.Loop() {
		for _, s := range in {
			m.Parse(s.forms, s.tags)
		}
	}
	b.ReportMetric(float64(b.N*words)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(b.N*words)/(benchutil.CPU()-cpu0).Seconds(), "tokens/cpu-s")
}
