package perceptron

import "testing"

func TestSlab(t *testing.T) {
	var s Slab
	a := s.Alloc(3, 4)
	b := s.Alloc(1, 4)
	c := s.Alloc(2, 4) // does not fit the first chunk: a new one
	for _, v := range [][]int32{a, b, c} {
		for _, x := range v {
			if x != 0 {
				t.Fatalf("vector not zeroed: %v", v)
			}
		}
	}
	if len(a) != 3 || cap(a) != 3 || len(b) != 1 || len(c) != 2 {
		t.Fatalf("lengths %d/%d %d %d", len(a), cap(a), len(b), len(c))
	}
	a[0], b[0], c[0] = 1, 2, 3
	if a[0] != 1 || b[0] != 2 || c[0] != 3 {
		t.Fatal("vectors overlap")
	}
	big := s.Alloc(10, 4) // larger than a chunk
	if len(big) != 10 {
		t.Fatalf("len %d", len(big))
	}
	s.Reset()
	if d := s.Alloc(2, 4); d[0] != 0 || a[0] != 1 {
		t.Fatal("reset changed handed-out vectors or gave a dirty one")
	}
}
