package actor

import "testing"

// BenchmarkLoad measures building the shipped dictionary from the embedded
// files: parsing every file and compiling the automaton.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		d, err := Build(nil)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(d.Aliases()), "aliases")
	}
}

func BenchmarkParseShipped(b *testing.B) {
	for b.Loop() {
		if _, err := ShippedFiles(); err != nil {
			b.Fatal(err)
		}
	}
}
