package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/benchutil"
	"github.com/sitrep/sitrep/ner"
	"github.com/sitrep/sitrep/parse"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/pos"
)

// TestSeedLanguageModels checks the language-model acceptance traps on the
// shared seed report. It skips when ../shared is absent.
func TestSeedLanguageModels(t *testing.T) {
	const path = "../../shared/seed/libya-report.txt"
	if _, err := os.Stat(path); err != nil {
		t.Skip("shared seed report not present:", err)
	}
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	doc := sitrep.NewDocument(readReport(t, path))
	if err := p.Run(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	// In the seed's sentence on the mercenaries' retreat, fighters is the
	// subject of retreated; the two demonyms before it, Russian and Syrian,
	// hang from fighters (Syrian directly or as a conjunct of Russian).
	idx := func(from int, text string) int {
		for i := from; i < len(doc.Tokens); i++ {
			if doc.Tokens[i].Text == text {
				return i
			}
		}
		return -1
	}
	retreated := idx(0, "retreated")
	start := retreated - 12
	fighters, russian, syrian := idx(start, "fighters"), idx(start, "Russian"), idx(start, "Syrian")
	if retreated < 0 || fighters < 0 || russian < 0 || syrian < 0 {
		t.Fatal("seed sentence not found in the tokens")
	}
	tk := doc.Tokens
	if tk[fighters].Head != retreated || tk[fighters].Rel != "nsubj" {
		t.Errorf("fighters: head %q rel %s, want retreated nsubj", headText(doc, fighters), tk[fighters].Rel)
	}
	if tk[russian].Head != fighters {
		t.Errorf("Russian: head %q, want fighters", headText(doc, russian))
	}
	if h := tk[syrian].Head; h != fighters && !(h == russian && tk[syrian].Rel == "conj") {
		t.Errorf("Syrian: head %q rel %s, want fighters, or Russian as conj", headText(doc, syrian), tk[syrian].Rel)
	}
	want := map[string]sitrep.EntityKind{
		"Salem Alaywan": sitrep.KindPerson, "Bloomberg": sitrep.KindOrg, "Reuters": sitrep.KindOrg,
		"Al Jazeera": sitrep.KindOrg, "Libya Observer": sitrep.KindOrg,
	}
	got := map[string][]sitrep.EntityKind{}
	for _, e := range doc.Entities {
		got[e.Text] = append(got[e.Text], e.Kind)
	}
	for name, kind := range want {
		ok := false
		for _, k := range got[name] {
			ok = ok || k == kind
		}
		if !ok {
			t.Errorf("%s: kinds %v, want %s", name, got[name], kind)
		}
	}
}

func headText(doc *sitrep.Document, i int) string {
	if h := doc.Tokens[i].Head; h >= 0 && h < len(doc.Tokens) {
		return doc.Tokens[h].Text
	}
	return "ROOT"
}

// lmFixture runs the text layer over the project's own reports and
// returns the documents, their token count and the three language-model
// stages.
func lmFixture(b *testing.B) (docs []*sitrep.Document, tokens int, stages []sitrep.Stage) {
	reports, _ := filepath.Glob("../testdata/reports/*.txt")
	text := textLayer(b)
	tg, err := pos.New(pos.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	ps, err := parse.New(parse.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	nr, err := ner.New(ner.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	for _, path := range reports {
		doc := sitrep.NewDocument(readReport(b, path))
		if err := text.Run(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
		tokens += len(doc.Tokens)
	}
	return docs, tokens, []sitrep.Stage{tg, ps, nr}
}

// runStages runs stages over docs as many times as the benchmark asks and
// reports tokens per second of wall time and of CPU time.
func runStages(b *testing.B, docs []*sitrep.Document, tokens int, stages ...sitrep.Stage) {
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, n := cpuSeconds(), 0
	for b.Loop() {
		for _, doc := range docs {
			doc.Entities = doc.Entities[:0]
			for _, s := range stages {
				if err := s.Annotate(ctx, doc); err != nil {
					b.Fatal(err)
				}
			}
		}
		n++
	}
	b.ReportMetric(float64(n*tokens)/b.Elapsed().Seconds(), "tokens/s")
	// Throughput per CPU second, which a busy machine distorts less.
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n*tokens)/cpu, "tokens/cpu-s")
	}
}

// BenchmarkLanguageModels measures tag + parse + NER throughput on the
// project's own reports, in tokens per second (run with -cpu 1 for one
// core). The text layer runs once, outside the timing.
func BenchmarkLanguageModels(b *testing.B) {
	docs, tokens, stages := lmFixture(b)
	runStages(b, docs, tokens, stages...)
}

// BenchmarkLanguageModelStages measures each of the three stages alone on
// the same reports; the stages before it have run once, outside the
// timing, so the parser has its tags.
func BenchmarkLanguageModelStages(b *testing.B) {
	docs, tokens, stages := lmFixture(b)
	for _, doc := range docs {
		for _, s := range stages {
			if err := s.Annotate(context.Background(), doc); err != nil {
				b.Fatal(err)
			}
		}
	}
	for i, name := range []string{"tag", "parse", "ner"} {
		b.Run(name, func(b *testing.B) { runStages(b, docs, tokens, stages[i]) })
	}
}

// cpuSeconds is the CPU time (user and system) the process has used.
func cpuSeconds() float64 { return benchutil.CPU().Seconds() }

// BenchmarkModelLoad measures decoding all three embedded models, and the
// heap they hold once loaded (MB-heap).
func BenchmarkModelLoad(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var keep []any
	cpu0, n := cpuSeconds(), 0
	for b.Loop() {
		n++
		pm, err := pos.Load()
		if err != nil {
			b.Fatal(err)
		}
		dm, err := parse.Load()
		if err != nil {
			b.Fatal(err)
		}
		nm, err := ner.Load()
		if err != nil {
			b.Fatal(err)
		}
		keep = []any{pm, dm, nm}
	}
	b.StopTimer()
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		b.ReportMetric(cpu*1e3/float64(n), "cpu-ms/op")
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-heap")
	runtime.KeepAlive(keep)
}

// BenchmarkNewModelsConcurrently measures loading the three models the way
// pipeline.New does: decoding concurrently, one goroutine per model.
// Each iteration decodes afresh, so this is the start-up cost of sitrep
// extract's models on all cores.
func BenchmarkNewModelsConcurrently(b *testing.B) {
	for b.Loop() {
		var wg sync.WaitGroup
		for _, load := range []func() error{
			func() error { _, err := pos.Load(); return err },
			func() error { _, err := parse.Load(); return err },
			func() error { _, err := ner.Load(); return err },
		} {
			wg.Go(func() {
				if err := load(); err != nil {
					b.Error(err)
				}
			})
		}
		wg.Wait()
	}
}
