// Package modelio reads and writes the model files of sitrep's language
// models: a gzip stream that opens with a kind and a version, followed by
// length-prefixed strings, integers and perceptron models in an order each
// model package defines. Files are deterministic: the same model gives the
// same bytes (gzip header without name or time).
package modelio

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"

	"github.com/sitrep/sitrep/perceptron"
)

// Writer builds a model file in memory.
type Writer struct {
	b []byte
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

// Model writes a perceptron model, pruning weights below prune.
func (w *Writer) Model(m *perceptron.Model, prune float32) {
	enc := m.Encode(nil, prune)
	w.Uint(uint64(len(enc)))
	w.b = append(w.b, enc...)
}

// Bytes returns the compressed file.
func (w *Writer) Bytes() []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(w.b)
	zw.Close()
	return buf.Bytes()
}

// Reader reads a model file. The first error sticks: check Err once at the
// end.
type Reader struct {
	b   []byte
	err error
}

// NewReader decompresses a model file and checks its kind and version.
func NewReader(file []byte, kind string, version int) (*Reader, error) {
	zr, err := gzip.NewReader(bytes.NewReader(file))
	if err != nil {
		return nil, fmt.Errorf("read %s model: not gzip: %w", kind, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("read %s model: %w", kind, err)
	}
	r := &Reader{b: b}
	if m, k, v := r.String(), r.String(), r.Uint(); r.err != nil || m != "sitrep-model" || k != kind || v != uint64(version) {
		return nil, fmt.Errorf("read %s model: file is a %q model of version %d, want %q version %d; retrain or rebuild", kind, k, v, kind, version)
	}
	return r, nil
}

func (r *Reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("model file truncated or corrupt reading %s", what)
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

// Model reads a perceptron model.
func (r *Reader) Model() *perceptron.Model {
	n := r.Len()
	if r.err != nil {
		return &perceptron.Model{}
	}
	m, _, err := perceptron.Decode(r.b[:n])
	r.b = r.b[n:]
	if err != nil {
		if r.err == nil {
			r.err = err
		}
		return &perceptron.Model{}
	}
	return m
}

// Err returns the first error met, or nil.
func (r *Reader) Err() error { return r.err }
