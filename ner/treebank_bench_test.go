package ner

import (
	"os"
	"testing"

	"github.com/sitrep/sitrep/conll"
	"github.com/sitrep/sitrep/internal/benchutil"
)

// BenchmarkTestb recognises CoNLL-2003 eng.testb (46,000 tokens, 231
// documents), a vocabulary as wide as real news: "cold" with a fresh
// recogniser per pass, whose cache of words starts empty (every word's
// first occurrence pays for its entry), "warm" with one recogniser for
// every pass. It skips when ../shared is absent.
func BenchmarkTestb(b *testing.B) {
	f, err := os.Open("../../shared/corpora/conll2003/eng.testb")
	if err != nil {
		b.Skip("eng.testb not present:", err)
	}
	defer f.Close()
	sents, err := conll.Read(f)
	if err != nil {
		b.Fatal(err)
	}
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var docs [][][]string
	tokens := 0
	for _, s := range sents {
		if s.DocStart || len(docs) == 0 {
			docs = append(docs, nil)
		}
		docs[len(docs)-1] = append(docs[len(docs)-1], s.Words)
		tokens += len(s.Words)
	}
	run := func(r *recognizer) {
		for _, d := range docs {
			h := newHistory()
			for i, forms := range d {
				m.sentence(nil, r, forms, h, nil, i)
			}
		}
	}
	for _, cold := range []bool{true, false} {
		name := "warm"
		if cold {
			name = "cold"
		}
		b.Run(name, func(b *testing.B) {
			r := &recognizer{}
			cpu0 := benchutil.CPU()
			for b.Loop() {
				if cold {
					r = &recognizer{}
				}
				run(r)
			}
			b.ReportMetric(float64(b.N*tokens)/b.Elapsed().Seconds(), "tokens/s")
			b.ReportMetric(float64(b.N*tokens)/(benchutil.CPU()-cpu0).Seconds(), "tokens/cpu-s")
		})
	}
}
