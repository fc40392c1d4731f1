package tokenize_test

import (
	"os"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/tokenize"
)

func BenchmarkTmp(b *testing.B) {
	t1, _ := os.ReadFile("../../shared/seed/libya-report.txt")
	s := string(t1)
	b.SetBytes(int64(len(s)))
	var buf []sitrep.Token
	for b.Loop() {
		buf = tokenize.Append(buf[:0], s, sitrep.Span{Start: 0, End: len(s)})
	}
}
