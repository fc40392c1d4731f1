package pipeline_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/benchutil"
	"github.com/sitrep/sitrep/pipeline"
)

// BenchmarkStages times every stage of the default pipeline alone over the
// team's reports (testdata/reports and samples/reports). For each stage the
// stages before it run once, outside the timing; each iteration then puts
// the documents back as they were before the stage (a copy of their
// slices, not timed) and runs the stage over all of them. ms/report is the
// stage's wall time per report, reports/cpu-s its throughput per second
// of CPU time. Every stage runs once over the reports before its timing,
// so the figures are the steady state of a worker, without the indexes
// some stages build on first use. Run with -cpu 1:
//
//	go test ./pipeline -run '^$' -bench Stages -cpu 1
func BenchmarkStages(b *testing.B) {
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	paths, _ := filepath.Glob("../testdata/reports/*.txt")
	samples, _ := filepath.Glob("../samples/reports/*.txt")
	paths = append(paths, samples...)
	if len(paths) == 0 {
		b.Fatal("no reports under ../testdata/reports or ../samples/reports")
	}
	docs := make([]*sitrep.Document, len(paths))
	for i, path := range paths {
		docs[i] = sitrep.NewDocument(readReport(b, path))
	}
	ctx := context.Background()
	for _, stage := range p.Stages {
		snaps := make([]sitrep.Document, len(docs))
		for i, doc := range docs {
			snaps[i] = snapshot(doc)
			// Once untimed, so that indexes a stage builds lazily on
			// first use are not charged to the first iterations.
			if err := stage.Annotate(ctx, doc); err != nil {
				b.Fatal(err)
			}
			restore(doc, &snaps[i])
		}
		b.Run(sitrep.StageName(stage), func(b *testing.B) {
			b.ReportAllocs()
			cpu, n := int64(0), 0
			for b.Loop() {
				b.StopTimer()
				for i, doc := range docs {
					restore(doc, &snaps[i])
				}
				cpu0 := benchutil.CPU()
				b.StartTimer()
				for _, doc := range docs {
					if err := stage.Annotate(ctx, doc); err != nil {
						b.Fatal(err)
					}
				}
				cpu += int64(benchutil.CPU() - cpu0)
				n++
			}
			b.ReportMetric(b.Elapsed().Seconds()*1e3/float64(n*len(docs)), "ms/report")
			if cpu > 0 {
				b.ReportMetric(float64(n*len(docs))/(float64(cpu)/1e9), "reports/cpu-s")
			}
		})
		// Leave the documents annotated by this stage for the next one.
		for i, doc := range docs {
			restore(doc, &snaps[i])
			if err := stage.Annotate(ctx, doc); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// snapshot copies the document's slices. Only events hold slices of their
// own, and the event coder is the last stage, so copying the elements is
// enough for every stage to find the document as it was.
func snapshot(d *sitrep.Document) sitrep.Document {
	s := *d
	s.Regions = append([]sitrep.Region(nil), d.Regions...)
	s.Sentences = append([]sitrep.Sentence(nil), d.Sentences...)
	s.Tokens = append([]sitrep.Token(nil), d.Tokens...)
	s.Entities = append([]sitrep.Entity(nil), d.Entities...)
	s.Actors = append([]sitrep.Actor(nil), d.Actors...)
	s.Places = append([]sitrep.Place(nil), d.Places...)
	s.Events = append([]sitrep.Event(nil), d.Events...)
	s.Relations = append([]sitrep.Relation(nil), d.Relations...)
	s.Times = append([]sitrep.Timex(nil), d.Times...)
	s.Warnings = append([]sitrep.Warning(nil), d.Warnings...)
	return s
}

// restore puts d back to the snapshot s, reusing d's slices.
func restore(d *sitrep.Document, s *sitrep.Document) {
	d.Article = s.Article
	d.Regions = append(d.Regions[:0], s.Regions...)
	d.Sentences = append(d.Sentences[:0], s.Sentences...)
	d.Tokens = append(d.Tokens[:0], s.Tokens...)
	d.Entities = append(d.Entities[:0], s.Entities...)
	d.Actors = append(d.Actors[:0], s.Actors...)
	d.Places = append(d.Places[:0], s.Places...)
	d.Events = append(d.Events[:0], s.Events...)
	d.Relations = append(d.Relations[:0], s.Relations...)
	d.Times = append(d.Times[:0], s.Times...)
	d.Warnings = append(d.Warnings[:0], s.Warnings...)
}
