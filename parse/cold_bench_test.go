package parse

import (
	"os"
	"testing"

	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/internal/benchutil"
)

// BenchmarkParseTreebankCold parses EWT dev (25,000 words, gold tags) once
// per iteration with a fresh parser, whose caches start empty: the cost of
// a single pass over text as wide as the treebank (BenchmarkParseTreebank
// reuses pooled parsers, whose caches start warm after the first pass).
// It skips when ../shared is absent.
func BenchmarkParseTreebankCold(b *testing.B) {
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
	type sent struct{ forms, tags []string }
	var in []sent
	words := 0
	for _, s := range sents {
		var st sent
		for _, w := range s.Words {
			st.forms = append(st.forms, w.Form)
			st.tags = append(st.tags, w.UPOS+" "+w.XPOS)
		}
		in = append(in, st)
		words += len(st.forms)
	}
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
