package geoparse_test

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/sitrep/sitrep"
)

// BenchmarkAnnotate measures the geoparser alone, after load, on the team's
// fixture reports (and the seed report when ../shared is present), the text
// layer having run beforehand. Reports per second per core is
// 1e9 / (ns/op) × reports/op on a quiet machine; reports/cpu-s is the same
// per second of CPU time, which other jobs on the machine do not distort.
func BenchmarkAnnotate(b *testing.B) {
	r := resolver(b)
	files, _ := filepath.Glob("../testdata/reports/*.txt")
	files = append(files, "../../shared/seed/libya-report.txt")
	var docs []*sitrep.Document
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		d := annotate(b, r, string(t))
		d.Places = d.Places[:0]
		d.Warnings = d.Warnings[:0]
		docs = append(docs, d)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for b.Loop() {
		for _, d := range docs {
			d.Places = d.Places[:0]
			d.Warnings = d.Warnings[:0]
			if err := r.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(docs)), "reports/op")
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "reports/s")
	// Reports per second of CPU time the process used: on a machine
	// shared with other jobs, wall-clock reports/s measures the queue.
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		b.ReportMetric(float64(len(docs))*float64(b.N)/cpu, "reports/cpu-s")
	}
}

// cpuSeconds is the CPU time (user and system) the process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
