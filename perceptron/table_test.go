package perceptron_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/sitrep/sitrep/perceptron"
)

// wide trains a model with many classes and features, so that its table
// has both inline entries and dense rows.
func wide(t testing.TB, classes int) *perceptron.Model {
	t.Helper()
	tr := perceptron.NewTrainer(classes)
	bias := perceptron.Template(99)
	for i := 0; i < 20000; i++ {
		f := []uint64{bias, perceptron.Mix(perceptron.Template(i%7), uint64(i%500)), perceptron.Mix(perceptron.Template(8), uint64(i))}
		gold := (i*7 + i/3) % classes
		tr.Tick()
		if p := tr.Predict(f, nil); p != gold {
			tr.Update(f, gold, 1)
			tr.Update(f, p, -1)
		}
	}
	return tr.Model()
}

// aligned returns a copy of b that starts on a TableAlign boundary, as
// modelio lays tables out.
func aligned(b []byte) []byte {
	buf := make([]byte, len(b)+perceptron.TableAlign)
	for i := range perceptron.TableAlign {
		if c := buf[i : i+len(b)]; isAligned(c) {
			copy(c, b)
			return c
		}
	}
	panic("no aligned offset")
}

func TestTableScoresAsModel(t *testing.T) {
	m := wide(t, 60)
	tab, err := m.Table()
	if err != nil {
		t.Fatal(err)
	}
	if tab.Classes() != 60 || tab.Features() == 0 || tab.Weights() < tab.Features() {
		t.Fatalf("classes %d features %d weights %d", tab.Classes(), tab.Features(), tab.Weights())
	}
	fs := make([]float32, 60)
	is := make([]int32, 60)
	for i := 0; i < 300; i++ {
		f := []uint64{perceptron.Template(99), perceptron.Mix(perceptron.Template(i%7), uint64(i%500)), perceptron.Mix(perceptron.Template(8), uint64(i)), 12345}
		clear(fs)
		clear(is)
		m.Score(f, fs)
		tab.Score(f, is)
		for c := range fs {
			// Quantised to 16 bits against the largest weight: each
			// weight is off by at most half a unit.
			if d := fs[c] - float32(is[c])*tab.Scale(); d > 2*tab.Scale() || d < -2*tab.Scale() {
				t.Fatalf("features %d class %d: model %g, table %g", i, c, fs[c], float32(is[c])*tab.Scale())
			}
		}
	}
}

func TestTableRoundTrip(t *testing.T) {
	m := wide(t, 40)
	tab, err := m.Table()
	if err != nil {
		t.Fatal(err)
	}
	b, err := tab.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != tab.Size() {
		t.Errorf("Size() = %d, binary form has %d bytes", tab.Size(), len(b))
	}
	again, _ := tab.AppendBinary(nil)
	if !bytes.Equal(b, again) {
		t.Fatal("encoding is not deterministic")
	}
	for _, in := range []struct {
		name string
		b    []byte
	}{{"in place", aligned(b)}, {"copied", aligned(append([]byte{0}, b...))[1:]}} {
		t.Run(in.name, func(t *testing.T) {
			got, rest, err := perceptron.ReadTable(append(in.b[:len(in.b):len(in.b)], 7))
			if err != nil {
				t.Fatal(err)
			}
			if len(rest) != 1 || rest[0] != 7 {
				t.Errorf("rest = %v, want [7]", rest)
			}
			s1, s2 := make([]int32, 40), make([]int32, 40)
			for i := 0; i < 200; i++ {
				f := []uint64{perceptron.Template(99), perceptron.Mix(perceptron.Template(i%7), uint64(i%500))}
				clear(s1)
				clear(s2)
				tab.Score(f, s1)
				got.Score(f, s2)
				if !equal(s1, s2) {
					t.Fatalf("scores differ after reading: %v, %v", s1, s2)
				}
			}
		})
	}
}

func TestScoreClasses(t *testing.T) {
	tab, err := wide(t, 30).Table()
	if err != nil {
		t.Fatal(err)
	}
	classes := []uint8{2, 5, 29, 0}
	all, some := make([]int32, 30), make([]int32, 30)
	for i := 0; i < 200; i++ {
		f := []uint64{perceptron.Template(99), perceptron.Mix(perceptron.Template(i%7), uint64(i%500)), perceptron.Mix(perceptron.Template(8), uint64(i))}
		clear(all)
		clear(some)
		tab.Score(f, all)
		tab.ScoreClasses(f, classes, some)
		for _, c := range classes {
			if all[c] != some[c] {
				t.Fatalf("class %d: Score %d, ScoreClasses %d", c, all[c], some[c])
			}
		}
	}
}

// TestScoreClassesOutOfRange checks that a class past the table's is
// refused before any weight is read: the dense rows are read without
// bounds checks.
func TestScoreClassesOutOfRange(t *testing.T) {
	tab, err := wide(t, 30).Table()
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if recover() == nil {
			t.Fatal("ScoreClasses with class 30 of 30 did not panic")
		}
	}()
	tab.ScoreClasses([]uint64{perceptron.Template(99)}, []uint8{1, 30}, make([]int32, 30))
}

func TestTablePrune(t *testing.T) {
	tab, err := wide(t, 30).Table()
	if err != nil {
		t.Fatal(err)
	}
	p := tab.Prune(0.5)
	if p.Weights() > tab.Weights()/2+tab.Weights()/10 || p.Weights() == 0 {
		t.Errorf("pruning half of %d weights left %d", tab.Weights(), p.Weights())
	}
	if p.Features() > tab.Features() {
		t.Errorf("pruning added features: %d → %d", tab.Features(), p.Features())
	}
}

func TestReadTableRejectsGarbage(t *testing.T) {
	tab, _ := wide(t, 10).Table()
	b, _ := tab.AppendBinary(nil)
	for _, bad := range [][]byte{nil, []byte("SRPT"), b[:100], append([]byte("XXXX"), b[4:]...)} {
		if _, _, err := perceptron.ReadTable(bad); !errors.Is(err, perceptron.ErrTable) {
			t.Errorf("ReadTable(%d bytes) error = %v, want ErrTable", len(bad), err)
		}
	}
}

func FuzzReadTable(f *testing.F) {
	tr := perceptron.NewTrainer(6)
	for i := 0; i < 50; i++ {
		tr.Tick()
		tr.Update([]uint64{uint64(i) << 33, 1 << 40}, i%6, 1)
	}
	tab, _ := tr.Model().Table()
	b, _ := tab.AppendBinary(nil)
	f.Add(b)
	f.Add([]byte("SRPT"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 1<<16 {
			return
		}
		tab, _, err := perceptron.ReadTable(b)
		if err != nil {
			return
		}
		s := make([]int32, tab.Classes())
		fs := []uint64{1 << 40, 2 << 33, 3, 4 << 50}
		tab.Score(fs, s)
		tab.ScoreClasses(fs, []uint8{0}, s)
		tab.Prune(0.5)
	})
}

// benchTable is the table and the 80 features of the scoring benchmarks.
func benchTable(b *testing.B) (*perceptron.Table, []uint64) {
	tab, err := wide(b, 100).Table()
	if err != nil {
		b.Fatal(err)
	}
	var fs []uint64
	for i := 0; i < 80; i++ {
		fs = append(fs, perceptron.Mix(perceptron.Template(i%7), uint64(i*13%500)))
	}
	return tab, fs
}

func BenchmarkTableScore(b *testing.B) {
	tab, fs := benchTable(b)
	s := make([]int32, 100)
	for b.Loop() {
		clear(s)
		tab.Score(fs, s)
	}
}

// BenchmarkTableScoreClasses is BenchmarkTableScore for a third of the
// classes, as the parser and tagger ask: the dense rows are summed class
// by class.
func BenchmarkTableScoreClasses(b *testing.B) {
	tab, fs := benchTable(b)
	var classes []uint8
	for c := 0; c < 100; c += 3 {
		classes = append(classes, uint8(c))
	}
	s := make([]int32, 100)
	for b.Loop() {
		clear(s)
		tab.ScoreClasses(fs, classes, s)
	}
}

func equal(a, b []int32) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}
