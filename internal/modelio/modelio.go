// Package modelio reads and writes the model files of sitrep's language
// models. A file opens with a kind and a version, followed by
// length-prefixed strings, integers, word tables (Dict) and perceptron
// tables in an order each model package defines. Files are not compressed:
// the tables, which are nearly all of a file, start on 64-byte boundaries
// and are used where they lie, so loading an embedded model decodes only
// the few small values around them (docs/performance.md). Files are
// deterministic: the same model gives the same bytes.
package modelio

import (
	"fmt"
	"unsafe"

	"github.com/sitrep/sitrep/perceptron"
)

// Align is the boundary, from the start of the file, that tables start
// on. A file held in memory at an Align boundary has its tables used in
// place.
const Align = perceptron.TableAlign

// Writer builds a model file in memory.
type Writer struct {
	b   []byte
	err error
}

// NewWriter starts a file of the given kind ("pos", "parse", "ner") and
// format version.
func NewWriter(kind string, version int) *Writer {
	w := &Writer{}
	w.String("sitrep-model")
	w.String(kind)
	w.Uint(uint64(version))
	return w
}

// Uint writes an unsigned integer.
func (w *Writer) Uint(v uint64) {
	for v >= 0x80 {
		w.b = append(w.b, byte(v)|0x80)
		v >>= 7
	}
	w.b = append(w.b, byte(v))
}

// Int writes a signed integer.
func (w *Writer) Int(v int64) { w.Uint(uint64(v<<1) ^ uint64(v>>63)) }

// String writes a string.
func (w *Writer) String(s string) {
	w.Uint(uint64(len(s)))
	w.b = append(w.b, s...)
}

// Strings writes a list of strings.
func (w *Writer) Strings(ss []string) {
	w.Uint(uint64(len(ss)))
	for _, s := range ss {
		w.String(s)
	}
}

// pad writes zero bytes up to the next Align boundary.
func (w *Writer) pad() {
	for len(w.b)%Align != 0 {
		w.b = append(w.b, 0)
	}
}

// Table writes a perceptron table, starting on an Align boundary.
func (w *Writer) Table(t *perceptron.Table) {
	w.pad()
	b, err := t.AppendBinary(w.b)
	if err != nil && w.err == nil {
		w.err = err
	}
	w.b = b
}

// Dict writes a word table, starting on an Align boundary. A nil Dict is
// written as an empty one.
func (w *Writer) Dict(d *Dict) {
	if d == nil {
		d = NewDict(nil)
	}
	w.pad()
	w.b = d.appendBinary(w.b)
}

// Bytes returns the file, or the first error met writing it.
func (w *Writer) Bytes() ([]byte, error) { return w.b, w.err }

// Reader reads a model file. The first error sticks: check Err once at the
// end.
type Reader struct {
	file []byte
	b    []byte
	err  error
}

// NewReader checks a model file's kind and version and returns a reader
// positioned after them. Tables and word tables use file's memory in place
// (when it starts at an Align boundary), so file must not change while the
// model is in use.
func NewReader(file []byte, kind string, version int) (*Reader, error) {
	r := &Reader{file: file, b: file}
	m, k, v := r.String(), r.String(), r.Uint()
	if r.err != nil || m != "sitrep-model" {
		head := file[:min(len(file), 8)]
		return nil, fmt.Errorf("read %s model: not a sitrep model file (it begins % x; older sitrep model files were gzip-compressed); retrain or rebuild", kind, head)
	}
	if k != kind || v != uint64(version) {
		return nil, fmt.Errorf("read %s model: file is a %q model of version %d, want %q version %d; retrain or rebuild", kind, k, v, kind, version)
	}
	return r, nil
}

func (r *Reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("model file truncated or corrupt reading %s at byte %d", what, len(r.file)-len(r.b))
	}
}

// Uint reads an unsigned integer.
func (r *Reader) Uint() uint64 {
	var v uint64
	for s := uint(0); s < 64; s += 7 {
		if len(r.b) == 0 {
			r.fail("an integer")
			return 0
		}
		c := r.b[0]
		r.b = r.b[1:]
		v |= uint64(c&0x7f) << s
		if c < 0x80 {
			return v
		}
	}
	r.fail("an integer")
	return 0
}

// Int reads a signed integer.
func (r *Reader) Int() int64 {
	u := r.Uint()
	return int64(u>>1) ^ -int64(u&1)
}

// Len reads a count that must not exceed what is left in the file.
func (r *Reader) Len() int {
	n := r.Uint()
	if n > uint64(len(r.b)) {
		r.fail("a length")
		return 0
	}
	return int(n)
}

// String reads a string.
func (r *Reader) String() string {
	n := r.Len()
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// Strings reads a list of strings.
func (r *Reader) Strings() []string {
	n := r.Len()
	out := make([]string, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		out = append(out, r.String())
	}
	return out
}

// skipPad skips the padding before a table.
func (r *Reader) skipPad() {
	off := len(r.file) - len(r.b)
	n := (Align - off%Align) % Align
	if n > len(r.b) {
		r.fail("padding")
		return
	}
	r.b = r.b[n:]
}

// Table reads a perceptron table.
func (r *Reader) Table() *perceptron.Table {
	if r.err != nil {
		return &perceptron.Table{}
	}
	r.skipPad()
	if r.err != nil {
		return &perceptron.Table{}
	}
	t, rest, err := perceptron.ReadTable(r.b)
	if err != nil {
		r.err = fmt.Errorf("model file: %w", err)
		return &perceptron.Table{}
	}
	r.b = rest
	return t
}

// Dict reads a word table.
func (r *Reader) Dict() *Dict {
	if r.err != nil {
		return &Dict{}
	}
	r.skipPad()
	if r.err != nil {
		return &Dict{}
	}
	d, rest, err := readDict(r.b)
	if err != nil {
		r.err = fmt.Errorf("model file: %w", err)
		return &Dict{}
	}
	r.b = rest
	return d
}

// Err returns the first error met, or nil.
func (r *Reader) Err() error { return r.err }

// Aligned returns b itself when it starts at an Align boundary in memory,
// else a copy that does, so that the tables of a model file read from it
// are used in place.
func Aligned(b []byte) []byte {
	if len(b) == 0 || uintptr(unsafe.Pointer(unsafe.SliceData(b)))%Align == 0 {
		return b
	}
	c := make([]byte, len(b)+Align)
	off := (Align - int(uintptr(unsafe.Pointer(unsafe.SliceData(c)))%Align)) % Align
	c = c[off : off+len(b)]
	copy(c, b)
	return c
}
