package perceptron

// Slab hands out zeroed int32 vectors cut from a few large allocations, for
// caches of per-word score vectors (the tagger's and the recogniser's):
// thousands of small vectors cost a few allocations instead of thousands.
// The zero Slab is ready to use; a Slab must not be used by two goroutines
// at once.
type Slab struct {
	buf []int32
}

// Alloc returns n zeroed int32s. When the current allocation is full it
// starts another of at least chunk values.
func (s *Slab) Alloc(n, chunk int) []int32 {
	if len(s.buf)+n > cap(s.buf) {
		s.buf = make([]int32, 0, max(n, chunk))
	}
	v := s.buf[len(s.buf) : len(s.buf)+n : len(s.buf)+n]
	s.buf = s.buf[:len(s.buf)+n]
	return v
}

// Reset lets go of the allocations, for a cache that empties itself; the
// vectors handed out stay valid as long as they are referenced.
func (s *Slab) Reset() { s.buf = nil }
