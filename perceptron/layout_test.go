package perceptron

import (
	"testing"
	"unsafe"
)

// TestTableLayouts checks each way a feature's weights are stored (inline,
// a run of pairs, a dense row) scores the same, before and after the
// binary round trip, in place and copied.
func TestTableLayouts(t *testing.T) {
	const classes = 40
	tests := []struct {
		name string
		n    int // weights of the feature
		mark uint8
	}{
		{"inline", 3, 0},
		{"run of pairs", 9, sparseMark},
		{"largest run", maxSparse, sparseMark},
		{"dense row", maxSparse + 1, overflowMark},
		{"every class", classes, overflowMark},
	}
	var fs []tableFeature
	want := map[uint32][]int32{}
	for i, tt := range tests {
		f := tableFeature{fp: uint32(i+1) * 0x9e3779b1}
		w := make([]int32, classes)
		for k := range tt.n {
			c := (k*7 + i) % classes
			f.ps = append(f.ps, overPair{c: uint16(c), w: int16(k*100 - 500 + i)})
			w[c] = int32(k*100 - 500 + i)
		}
		// pairs sorted by class, none zero
		sortPairs(f.ps)
		f.ps = dropZero(f.ps)
		fs = append(fs, f)
		want[f.fp] = w
	}
	tab := buildTable(classes, 1, fs)
	b, err := tab.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != tab.Size() {
		t.Fatalf("Size() = %d, binary form has %d bytes", tab.Size(), len(b))
	}
	at := func(shift int) []byte {
		buf := make([]byte, len(b)+2*TableAlign)
		off := (TableAlign-int(uintptr(unsafe.Pointer(&buf[0]))%TableAlign))%TableAlign + shift
		copy(buf[off:], b)
		return buf[off : off+len(b)]
	}
	inPlace, copied := at(0), at(1)
	for _, src := range []struct {
		name string
		b    []byte
	}{{"built", nil}, {"in place", inPlace}, {"copied", copied}} {
		tb := tab
		if src.b != nil {
			if tb, _, err = ReadTable(src.b); err != nil {
				t.Fatalf("%s: %v", src.name, err)
			}
		}
		for i, tt := range tests {
			f := fs[i]
			e := tb.find(f.fp)
			if e == nil {
				t.Fatalf("%s %s: feature not found", src.name, tt.name)
			}
			if e.c[0] != tt.mark && !(tt.mark == 0 && e.c[0] < sparseMark) {
				t.Errorf("%s %s: stored as %#x, want %#x", src.name, tt.name, e.c[0], tt.mark)
			}
			feats := []uint64{uint64(f.fp) << 32}
			got := make([]int32, classes)
			tb.Score(feats, got)
			for c := range got {
				if got[c] != want[f.fp][c] {
					t.Fatalf("%s %s: Score class %d = %d, want %d", src.name, tt.name, c, got[c], want[f.fp][c])
				}
			}
			some := make([]int32, classes)
			cands := []uint8{0, 5, 39}
			tb.ScoreClasses(feats, cands, some)
			for _, c := range cands {
				if some[c] != want[f.fp][c] {
					t.Fatalf("%s %s: ScoreClasses class %d = %d, want %d", src.name, tt.name, c, some[c], want[f.fp][c])
				}
			}
		}
		if got := len(tb.entries()); got != len(fs) {
			t.Errorf("%s: %d entries, want %d", src.name, got, len(fs))
		}
	}
}

func sortPairs(ps []overPair) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j].c < ps[j-1].c; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

func dropZero(ps []overPair) []overPair {
	out := ps[:0]
	for _, p := range ps {
		if p.w != 0 {
			out = append(out, p)
		}
	}
	return out
}
