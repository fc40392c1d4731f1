package actor

import (
	"syscall"
	"testing"
)

// BenchmarkLoad measures building the shipped dictionary from the embedded
// files: parsing every file and compiling the automaton.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	cpu0, n := cpuSeconds(), 0
	var d *Dictionary
	for b.Loop() {
		var err error
		if d, err = Build(nil); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(d.Aliases()), "patterns")
	// CPU time per load, which a busy machine does not distort the way it
	// distorts wall-clock time.
	if cpu := cpuSeconds() - cpu0; n > 0 {
		b.ReportMetric(cpu*1000/float64(n), "cpu-ms/op")
	}
}

// BenchmarkParseShipped measures parsing the embedded YAML files alone.
func BenchmarkParseShipped(b *testing.B) {
	for b.Loop() {
		if _, err := ShippedFiles(); err != nil {
			b.Fatal(err)
		}
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
