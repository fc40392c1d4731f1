package modelio_test

import (
	"fmt"
	"testing"

	"github.com/sitrep/sitrep/internal/modelio"
	"github.com/sitrep/sitrep/perceptron"
)

func TestDict(t *testing.T) {
	m := map[string]uint32{}
	for i := 0; i < 5000; i++ {
		m[fmt.Sprintf("word%d", i)] = uint32(i * 3)
	}
	m[""] = 7
	d := modelio.NewDict(m)
	if d.Len() != len(m) {
		t.Errorf("Len() = %d, want %d", d.Len(), len(m))
	}
	for k, v := range m {
		if got, ok := d.Get(k); !ok || got != v {
			t.Fatalf("Get(%q) = %d, %v, want %d", k, got, ok, v)
		}
		if got, ok := d.GetBytes([]byte(k)); !ok || got != v {
			t.Fatalf("GetBytes(%q) = %d, %v, want %d", k, got, ok, v)
		}
	}
	for i := 0; i < 5000; i++ {
		if _, ok := d.Get(fmt.Sprintf("other%d", i)); ok {
			t.Fatalf("Get(other%d) found a key never added", i)
		}
	}
	if d.Max() != 4999*3 {
		t.Errorf("Max() = %d", d.Max())
	}
	var empty *modelio.Dict
	if _, ok := empty.Get("x"); ok || empty.Len() != 0 {
		t.Error("a nil Dict is not empty")
	}
}

// file writes a model file with every kind of value, as the model packages
// do.
func file(t testing.TB) []byte {
	tr := perceptron.NewTrainer(5)
	for i := 0; i < 100; i++ {
		tr.Tick()
		tr.Update([]uint64{uint64(i) << 32, 1 << 50}, i%5, 1)
	}
	tab, err := tr.Model().Table()
	if err != nil {
		t.Fatal(err)
	}
	w := modelio.NewWriter("test", 3)
	w.String("hello")
	w.Uint(300)
	w.Int(-5)
	w.Dict(modelio.NewDict(map[string]uint32{"a": 1, "b c": 2}))
	w.Strings([]string{"x", "", "z"})
	w.Table(tab)
	w.Dict(nil)
	b, err := w.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestFileRoundTrip(t *testing.T) {
	b := modelio.Aligned(file(t))
	r, err := modelio.NewReader(b, "test", 3)
	if err != nil {
		t.Fatal(err)
	}
	s, u, i := r.String(), r.Uint(), r.Int()
	d := r.Dict()
	ss := r.Strings()
	tab := r.Table()
	empty := r.Dict()
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if s != "hello" || u != 300 || i != -5 || len(ss) != 3 || ss[2] != "z" {
		t.Errorf("read %q %d %d %q", s, u, i, ss)
	}
	if v, ok := d.Get("b c"); !ok || v != 2 {
		t.Errorf(`Get("b c") = %d, %v`, v, ok)
	}
	if tab.Classes() != 5 || empty.Len() != 0 {
		t.Errorf("table of %d classes, empty dict of %d", tab.Classes(), empty.Len())
	}
	if _, err := modelio.NewReader(b, "other", 3); err == nil {
		t.Error("a file of another kind was accepted")
	}
	if _, err := modelio.NewReader(b, "test", 4); err == nil {
		t.Error("a file of another version was accepted")
	}
}

func FuzzReader(f *testing.F) {
	f.Add(file(f))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 1<<16 {
			return
		}
		r, err := modelio.NewReader(modelio.Aligned(b), "test", 3)
		if err != nil {
			return
		}
		_ = r.String()
		r.Uint()
		r.Int()
		d := r.Dict()
		r.Strings()
		tab := r.Table()
		r.Dict()
		d.Get("a")
		if r.Err() == nil {
			tab.Score([]uint64{1 << 50, 3 << 32}, make([]int32, tab.Classes()))
		}
	})
}
