package perceptron

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"unsafe"
)

// Table is a frozen model laid out for scoring at run time: a hash table
// of cache-line buckets, each holding four features with their weights
// inline, so that looking up a feature costs one cache line in nearly
// every case. Weights are 16-bit integers (the model's weights quantised
// against the largest, as Encode does) and scores are summed as int32:
// argmax is the same as with the float weights they stand for.
//
// Most features have few weights; those are stored as (class, weight)
// pairs in their entry. Features with a few more (up to maxSparse) keep
// their pairs in one run outside the buckets, a cache line or two; the
// few with more still (which are the frequent ones: the bias, common words
// and tags) get a dense row of one weight per class, which adds up fast
// and lets ScoreClasses read only the classes it is asked for.
//
// A feature is known by 32 bits of its hash (its fingerprint), which also
// choose its bucket. Two features with the same fingerprint share their
// weights, as in the hashing trick; with half a million features that
// happens to a few dozen pairs of rare features and changes nothing
// measurable (docs/performance.md).
//
// A Table's bytes are used in place: ReadTable over a file held in memory
// (an embedded model) decodes nothing, so loading costs no time and no
// heap. A Table is safe for concurrent use.
type Table struct {
	classes  int
	nb       uint64 // number of buckets
	buckets  []bucket
	rows     []int16 // dense rows, classes weights each
	pairs    []overPair
	scale    float32
	features int
	weights  int
}

// bucket is one cache line: four entries.
type bucket [bucketSize]cell

const bucketSize = 4

// cell is a feature: its fingerprint (0: empty) and up to four weights
// inline, classes in c (noClass: unused). A feature with more weights has
// c[0] == sparseMark, the number of its pairs in c[1] and the index of the
// first in w[0] (low 16 bits) and w[1] (high 16 bits); or c[0] ==
// overflowMark and the index of its dense row in w[0] and w[1].
type cell struct {
	fp uint32
	c  [4]uint8
	w  [4]int16
}

// overPair is a (class, weight) pair: on its way into a table, and in a
// table's runs of pairs.
type overPair struct {
	c uint16
	w int16
}

// row returns the dense row of a cell marked overflowMark.
func (t *Table) row(e *cell) []int16 {
	i := int(cellIndex(e)) * t.classes
	return t.rows[i : i+t.classes]
}

// run returns the pairs of a cell marked sparseMark.
func (t *Table) run(e *cell) []overPair {
	i := int(cellIndex(e))
	return t.pairs[i : i+int(e.c[1])]
}

// cellIndex returns the row or run index a cell holds in its weights.
func cellIndex(e *cell) uint32 { return uint32(uint16(e.w[0])) | uint32(uint16(e.w[1]))<<16 }

const (
	noClass      = 0xff
	overflowMark = 0xfe
	sparseMark   = 0xfd
	// MaxTableClasses is the most classes a Table can score.
	MaxTableClasses = sparseMark
	// maxSparse is the most weights a feature keeps as a run of pairs
	// (64 bytes) rather than a dense row (when the run is also shorter
	// than the row): a dense row of a hundred classes costs several cache
	// lines however few of its classes are read.
	maxSparse = 16
	// tableLoad is the share of entries filled: buckets stay mostly one
	// cache line to search, and a missing feature stops at the first
	// bucket with room.
	tableLoad = 0.8
)

// fingerprint returns the 32 bits of a feature hash that identify it in a
// Table; 0 marks an empty cell, so it is mapped to 1.
func fingerprint(f uint64) uint32 {
	fp := uint32(f >> 32)
	if fp == 0 {
		fp = 1
	}
	return fp
}

// home returns the bucket a fingerprint belongs in (Lemire's range
// reduction: the high bits of fp·nb).
func (t *Table) home(fp uint32) uint64 { return uint64(fp) * t.nb >> 32 }

// Classes returns the number of classes the table scores.
func (t *Table) Classes() int { return t.classes }

// Features returns the number of features with at least one weight.
func (t *Table) Features() int { return t.features }

// Weights returns the number of stored (feature, class) weights.
func (t *Table) Weights() int { return t.weights }

// Scale returns the value of one unit of a summed score.
func (t *Table) Scale() float32 { return t.scale }

// Score adds the weights of features to scores, which must have an entry
// per class. Unknown features add nothing.
//
// Look-ups run in two phases, first every feature's cell, then the
// weights, so that the processor waits on many cache misses at once
// instead of one after another.
func (t *Table) Score(features []uint64, scores []int32) { t.score(features, nil, scores, nil) }

// ScoreClasses is Score for the given classes only: the other entries of
// scores may or may not change. classes must hold valid class numbers.
// Scoring a handful of candidate classes (the tags a known word can have)
// reads a fraction of the weights Score reads.
func (t *Table) ScoreClasses(features []uint64, classes []uint8, scores []int32) {
	t.score(features, classes, scores, nil)
}

// ScoreClassesMemo is ScoreClasses finding the features through memo,
// which remembers where recent features are in the table (or that they
// are not): a caller that scores the same features again and again, as a
// parser does between the states of a sentence, then searches the table
// only for those it has not scored lately. The scores are the same.
// memo must not be used by two goroutines at once.
func (t *Table) ScoreClassesMemo(features []uint64, classes []uint8, scores []int32, memo *Memo) {
	t.score(features, classes, scores, memo)
}

// Memo is a small direct-mapped cache of features' cells in one Table,
// for ScoreClassesMemo. The zero Memo is ready to use; it follows the
// table it is used with, starting afresh with another.
type Memo struct {
	t     *Table
	slots []memoSlot
	// batch is ScoreClassesMemo's scratch space, kept here so that it is
	// not zeroed on every call as local arrays are (5 KB a call).
	batch batch
	miss  [lookupBatch]uint64 // the features of a batch not in slots
}

// batch is the scratch space of one batch of look-ups: the cells found,
// the dense rows among them and the features' home buckets.
type batch struct {
	found [lookupBatch]*cell
	rows  [lookupBatch]unsafe.Pointer
	homes [lookupBatch]uint64
}

// lookupBatch is the most features looked up at once.
const lookupBatch = 160

// memoSlot is a feature and its cell, nil when the table does not know it.
type memoSlot struct {
	f uint64
	e *cell
}

// memoBits is the log2 of a Memo's slots: 4,096 of 16 bytes, 64 KB, which
// holds the distinct features of a long sentence's parse.
const memoBits = 12

// reset empties m for t. Every slot holds feature 0 and its real cell, so
// that an empty slot needs no mark and answers a look-up of 0 truly.
func (m *Memo) reset(t *Table) {
	if m.slots == nil {
		m.slots = make([]memoSlot, 1<<memoBits)
	}
	zero := memoSlot{f: 0, e: t.find(fingerprint(0))}
	for i := range m.slots {
		m.slots[i] = zero
	}
	m.t = t
}

// memoIndex returns the index of f's slot (Fibonacci hashing: the high bits of
// f times the golden ratio).
func memoIndex(f uint64) uint64 { return f * 0x9e3779b97f4a7c15 >> (64 - memoBits) }

// score is Score, reading only the classes of a dense row when classes is
// not nil (short cells and runs are cheaper to add whole), and finding
// features through memo when it is not nil.
func (t *Table) score(features []uint64, classes []uint8, scores []int32, memo *Memo) {
	if t.nb == 0 {
		return
	}
	if memo != nil {
		t.scoreBatch(features, classes, scores, memo, &memo.batch)
		return
	}
	var b batch
	t.scoreBatch(features, classes, scores, nil, &b)
}

// scoreBatch is score with its scratch space in b.
func (t *Table) scoreBatch(features []uint64, classes []uint8, scores []int32, memo *Memo, b *batch) {
	scores = scores[:t.classes]
	for _, c := range classes {
		if int(c) >= t.classes {
			panic(fmt.Sprintf("perceptron: score class %d of a table of %d", c, t.classes))
		}
	}
	rows := &b.rows
	for len(features) > 0 {
		n := min(len(features), lookupBatch)
		var found []*cell
		if memo != nil {
			found = t.lookupMemo(features[:n], b.found[:0], memo, b)
		} else {
			found = t.lookup(features[:n], b.found[:0], b)
		}
		nr := 0
		for _, e := range found {
			switch e.c[0] {
			case overflowMark:
				row := t.row(e)
				if classes == nil {
					sc := scores[:len(row)]
					for c, w := range row {
						sc[c] += int32(w)
					}
				} else {
					rows[nr] = unsafe.Pointer(unsafe.SliceData(row))
					nr++
				}
				continue
			case sparseMark:
				for _, p := range t.run(e) {
					scores[p.c] += int32(p.w)
				}
				continue
			}
			for j, c := range e.c {
				if c == noClass {
					break
				}
				scores[c] += int32(e.w[j])
			}
		}
		if nr > 0 {
			// Class by class, summing down the rows in a register: every
			// row holds t.classes weights and every class was checked
			// above, so the reads stay inside the rows.
			rs := rows[:nr]
			for _, c := range classes {
				off := uintptr(c) * 2
				var sum int32
				for _, r := range rs {
					sum += int32(*(*int16)(unsafe.Add(r, off)))
				}
				scores[c] += sum
			}
		}
		features = features[n:]
	}
}

// Predict returns the best class for features, the lowest on ties, or -1
// for a table without classes. scratch, if it has room for every class,
// holds the scores.
func (t *Table) Predict(features []uint64, scratch []int32) int {
	if t.classes == 0 {
		return -1
	}
	if cap(scratch) < t.classes {
		scratch = make([]int32, t.classes)
	}
	scratch = scratch[:t.classes]
	clear(scratch)
	t.Score(features, scratch)
	return Argmax(scratch)
}

// lookup appends the cells of the features that the table knows to found.
// It first reads every feature's bucket without looking at what it holds,
// loads the processor can run all at once; the search that follows then
// finds the buckets in cache.
func (t *Table) lookup(features []uint64, found []*cell, b *batch) []*cell {
	homes := &b.homes
	var sink uint32
	for k, f := range features {
		h := t.home(fingerprint(f))
		homes[k] = h
		sink += t.buckets[h][0].fp
	}
	runtime.KeepAlive(sink)
	for k, f := range features {
		if e := t.findFrom(homes[k], fingerprint(f)); e != nil {
			found = append(found, e)
		}
	}
	return found
}

// lookupMemo is lookup through memo: the features memo holds cost no
// search, the others are searched as lookup does and then remembered.
func (t *Table) lookupMemo(features []uint64, found []*cell, memo *Memo, bt *batch) []*cell {
	if memo.t != t {
		memo.reset(t)
	}
	miss, homes := &memo.miss, &bt.homes // features not in memo, with their home buckets
	nm := 0
	var sink uint32
	slots := memo.slots[:1<<memoBits]
	for _, f := range features {
		s := &slots[memoIndex(f)&(1<<memoBits-1)]
		if s.f == f {
			if s.e != nil {
				found = append(found, s.e)
			}
			continue
		}
		b := t.home(fingerprint(f))
		miss[nm], homes[nm] = f, b
		nm++
		sink += t.buckets[b][0].fp
	}
	runtime.KeepAlive(sink)
	for k, f := range miss[:nm] {
		e := t.findFrom(homes[k], fingerprint(f))
		if e != nil {
			found = append(found, e)
		}
		slots[memoIndex(f)&(1<<memoBits-1)] = memoSlot{f: f, e: e}
	}
	return found
}

func (t *Table) find(fp uint32) *cell { return t.findFrom(t.home(fp), fp) }

func (t *Table) findFrom(b uint64, fp uint32) *cell {
	for {
		bk := &t.buckets[b]
		for j := range bk {
			e := &bk[j]
			if e.fp == fp {
				return e
			}
			if e.fp == 0 {
				return nil
			}
		}
		if b++; b == t.nb {
			b = 0
		}
	}
}

// tableFeature is a feature on its way into a table.
type tableFeature struct {
	fp uint32
	ps []overPair
}

// Table freezes the model's weights into a Table: weights are quantised
// to 16 bits against the largest magnitude and those that round to zero
// are dropped, exactly as Encode does. A model with more than
// MaxTableClasses classes cannot be frozen.
func (m *Model) Table() (*Table, error) {
	if m.classes > MaxTableClasses {
		return nil, fmt.Errorf("freeze model: %d classes, at most %d", m.classes, MaxTableClasses)
	}
	scale := m.MaxWeight() / 32767
	if scale == 0 {
		scale = 1
	}
	byFP := map[uint32]int{}
	var fs []tableFeature
	w := make([]float32, m.classes)
	for _, s := range m.slots {
		if s.n == 0 {
			continue
		}
		fp := fingerprint(s.key)
		i, ok := byFP[fp]
		if !ok {
			i = len(fs)
			byFP[fp] = i
			fs = append(fs, tableFeature{fp: fp})
		}
		// Sum into a dense row so that colliding features merge.
		clear(w)
		for _, p := range fs[i].ps {
			w[p.c] += float32(p.w) * scale
		}
		for _, p := range m.pairs[s.off : s.off+s.n] {
			w[p.class] += p.w
		}
		fs[i].ps = fs[i].ps[:0]
		for c, v := range w {
			if q := math.Round(float64(v / scale)); q != 0 {
				fs[i].ps = append(fs[i].ps, overPair{c: uint16(c), w: int16(max(-32767, min(32767, q)))})
			}
		}
	}
	return buildTable(m.classes, scale, fs), nil
}

// buildTable lays out features (any order; each with its weights sorted by
// class, none zero) as a table. The layout depends only on the features,
// so equal models give equal bytes.
func buildTable(classes int, scale float32, fs []tableFeature) *Table {
	fs = slices.DeleteFunc(slices.Clone(fs), func(f tableFeature) bool { return len(f.ps) == 0 })
	slices.SortFunc(fs, func(a, b tableFeature) int {
		switch {
		case a.fp < b.fp:
			return -1
		case a.fp > b.fp:
			return 1
		}
		return 0
	})
	nb := uint64(math.Ceil(float64(len(fs)) / (bucketSize * tableLoad)))
	t := &Table{classes: classes, nb: max(nb, 1), scale: scale, features: len(fs)}
	t.buckets = make([]bucket, t.nb)
	for _, f := range fs {
		var e cell
		e.fp = f.fp
		t.weights += len(f.ps)
		if len(f.ps) <= len(e.c) {
			for j := range e.c {
				e.c[j] = noClass
				if j < len(f.ps) {
					e.c[j], e.w[j] = uint8(f.ps[j].c), f.ps[j].w
				}
			}
		} else if len(f.ps) <= maxSparse && 2*len(f.ps) <= classes {
			// A run no longer than the dense row would be.
			off := uint32(len(t.pairs))
			t.pairs = append(t.pairs, f.ps...)
			e.c = [4]uint8{sparseMark, uint8(len(f.ps)), 0, 0}
			e.w[0], e.w[1] = int16(uint16(off)), int16(uint16(off>>16))
		} else {
			off := uint32(len(t.rows) / classes)
			row := make([]int16, classes)
			for _, p := range f.ps {
				row[p.c] = p.w
			}
			t.rows = append(t.rows, row...)
			e.c = [4]uint8{overflowMark, 0, 0, 0}
			e.w[0], e.w[1] = int16(uint16(off)), int16(uint16(off>>16))
		}
		b := t.home(f.fp)
	place:
		for {
			for j := range t.buckets[b] {
				if t.buckets[b][j].fp == 0 {
					t.buckets[b][j] = e
					break place
				}
			}
			if b++; b == t.nb {
				b = 0
			}
		}
	}
	return t
}

// entries returns the table's features, in no particular order.
func (t *Table) entries() []tableFeature {
	var fs []tableFeature
	for bi := range t.buckets {
		for _, e := range t.buckets[bi] {
			if e.fp == 0 {
				continue
			}
			f := tableFeature{fp: e.fp}
			switch e.c[0] {
			case overflowMark:
				for c, w := range t.row(&e) {
					if w != 0 {
						f.ps = append(f.ps, overPair{c: uint16(c), w: w})
					}
				}
			case sparseMark:
				f.ps = append(f.ps, t.run(&e)...)
			default:
				for j, c := range e.c {
					if c == noClass {
						break
					}
					f.ps = append(f.ps, overPair{c: uint16(c), w: e.w[j]})
				}
			}
			fs = append(fs, f)
		}
	}
	return fs
}

// Prune returns a copy of the table without the given share (0 to 1) of
// its weights, smallest magnitude first, and without the features left
// with none. Small weights rarely change a decision; dropping them
// shrinks the table and speeds up scoring.
func (t *Table) Prune(share float64) *Table {
	fs := t.entries()
	var mags []int
	for _, f := range fs {
		for _, p := range f.ps {
			mags = append(mags, abs16(p.w))
		}
	}
	if len(mags) == 0 || share <= 0 {
		return buildTable(t.classes, t.scale, fs)
	}
	slices.Sort(mags)
	k := min(int(share*float64(len(mags))), len(mags)-1)
	threshold := mags[k]
	for i := range fs {
		fs[i].ps = slices.DeleteFunc(fs[i].ps, func(p overPair) bool { return abs16(p.w) < threshold })
	}
	return buildTable(t.classes, t.scale, fs)
}

func abs16(w int16) int {
	if w < 0 {
		return -int(w)
	}
	return int(w)
}

// The binary form of a Table, all integers little-endian:
//
//	magic "SRPT", version u32, classes u32, scale f32 bits, buckets u64,
//	dense rows u64, features u64, weights u64, pairs u64, padding to 64
//	bytes; then the buckets (64 bytes each: four entries of fingerprint
//	u32, classes [4]u8, weights [4]i16), the dense rows (classes i16
//	weights each), padding to a multiple of four bytes, and the runs of
//	pairs (class u16, weight i16).
//
// The header is 64 bytes, so a table that starts 64-byte aligned has
// every bucket on its own cache line.
const (
	tableMagic   = "SRPT"
	tableVersion = 2
	tableHeader  = 64
	// TableAlign is the alignment a table's bytes should start at in
	// memory for ReadTable to use them in place.
	TableAlign = 64
)

// Size returns the length of the table's binary form.
func (t *Table) Size() int {
	return tableHeader + len(t.buckets)*int(unsafe.Sizeof(bucket{})) + rowsSize(len(t.rows)) + 4*len(t.pairs)
}

// rowsSize is the length of n dense-row weights with their padding.
func rowsSize(n int) int { return (2*n + 3) &^ 3 }

// AppendBinary appends the table's binary form to dst.
func (t *Table) AppendBinary(dst []byte) ([]byte, error) {
	var h [tableHeader]byte
	copy(h[:], tableMagic)
	binary.LittleEndian.PutUint32(h[4:], tableVersion)
	binary.LittleEndian.PutUint32(h[8:], uint32(t.classes))
	binary.LittleEndian.PutUint32(h[12:], math.Float32bits(t.scale))
	binary.LittleEndian.PutUint64(h[16:], t.nb)
	binary.LittleEndian.PutUint64(h[24:], uint64(len(t.rows)/max(t.classes, 1)))
	binary.LittleEndian.PutUint64(h[32:], uint64(t.features))
	binary.LittleEndian.PutUint64(h[40:], uint64(t.weights))
	binary.LittleEndian.PutUint64(h[48:], uint64(len(t.pairs)))
	dst = append(dst, h[:]...)
	for bi := range t.buckets {
		for _, e := range t.buckets[bi] {
			dst = binary.LittleEndian.AppendUint32(dst, e.fp)
			dst = append(dst, e.c[:]...)
			for _, w := range e.w {
				dst = binary.LittleEndian.AppendUint16(dst, uint16(w))
			}
		}
	}
	for _, w := range t.rows {
		dst = binary.LittleEndian.AppendUint16(dst, uint16(w))
	}
	for range rowsSize(len(t.rows)) - 2*len(t.rows) {
		dst = append(dst, 0)
	}
	for _, p := range t.pairs {
		dst = binary.LittleEndian.AppendUint16(dst, p.c)
		dst = binary.LittleEndian.AppendUint16(dst, uint16(p.w))
	}
	return dst, nil
}

// ErrTable is returned (wrapped) when bytes are not a table.
var ErrTable = errors.New("not a perceptron table")

// ReadTable reads a table from the front of b and returns it with the rest
// of b. On a little-endian machine, with b starting at a TableAlign
// boundary, the table uses b's memory in place, decoding nothing: b must
// then not change while the table is in use. Otherwise the table is
// copied. Every entry is checked, so corrupt bytes give an error, never a
// table that could fail while scoring.
func ReadTable(b []byte) (*Table, []byte, error) {
	if len(b) < tableHeader || string(b[:4]) != tableMagic {
		return nil, nil, fmt.Errorf("read table: %w: bad magic", ErrTable)
	}
	if v := binary.LittleEndian.Uint32(b[4:]); v != tableVersion {
		return nil, nil, fmt.Errorf("read table: %w: version %d, want %d", ErrTable, v, tableVersion)
	}
	t := &Table{
		classes:  int(binary.LittleEndian.Uint32(b[8:])),
		scale:    math.Float32frombits(binary.LittleEndian.Uint32(b[12:])),
		nb:       binary.LittleEndian.Uint64(b[16:]),
		features: int(binary.LittleEndian.Uint64(b[32:])),
		weights:  int(binary.LittleEndian.Uint64(b[40:])),
	}
	nrows := binary.LittleEndian.Uint64(b[24:])
	npairs := binary.LittleEndian.Uint64(b[48:])
	rest := b[tableHeader:]
	const bs = uint64(unsafe.Sizeof(bucket{}))
	if t.classes < 1 || t.classes > MaxTableClasses || t.nb == 0 || t.nb > uint64(len(rest))/bs ||
		nrows > (uint64(len(rest))-t.nb*bs)/(2*uint64(t.classes)) || t.features < 0 || t.weights < 0 {
		return nil, nil, fmt.Errorf("read table: %w: bad header", ErrTable)
	}
	nw := nrows * uint64(t.classes)
	rs := uint64(rowsSize(int(nw)))
	if rs > uint64(len(rest))-t.nb*bs || npairs > (uint64(len(rest))-t.nb*bs-rs)/4 {
		return nil, nil, fmt.Errorf("read table: %w: bad header", ErrTable)
	}
	bb, rb, pb := rest[:t.nb*bs], rest[t.nb*bs:t.nb*bs+nw*2], rest[t.nb*bs+rs:t.nb*bs+rs+npairs*4]
	rest = rest[t.nb*bs+rs+npairs*4:]
	if littleEndian && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%TableAlign == 0 {
		t.buckets = unsafe.Slice((*bucket)(unsafe.Pointer(unsafe.SliceData(bb))), t.nb)
		if nw > 0 {
			t.rows = unsafe.Slice((*int16)(unsafe.Pointer(unsafe.SliceData(rb))), nw)
		}
		if npairs > 0 {
			t.pairs = unsafe.Slice((*overPair)(unsafe.Pointer(unsafe.SliceData(pb))), npairs)
		}
	} else {
		t.buckets = make([]bucket, t.nb)
		for i := range t.buckets {
			for j := range t.buckets[i] {
				p := bb[(uint64(i)*bucketSize+uint64(j))*16:]
				e := &t.buckets[i][j]
				e.fp = binary.LittleEndian.Uint32(p)
				copy(e.c[:], p[4:8])
				for k := range e.w {
					e.w[k] = int16(binary.LittleEndian.Uint16(p[8+2*k:]))
				}
			}
		}
		t.rows = make([]int16, nw)
		for i := range t.rows {
			t.rows[i] = int16(binary.LittleEndian.Uint16(rb[2*i:]))
		}
		t.pairs = make([]overPair, npairs)
		for i := range t.pairs {
			t.pairs[i] = overPair{c: binary.LittleEndian.Uint16(pb[4*i:]), w: int16(binary.LittleEndian.Uint16(pb[4*i+2:]))}
		}
	}
	if err := t.check(); err != nil {
		return nil, nil, err
	}
	return t, rest, nil
}

// check verifies that scoring cannot go out of bounds or loop forever:
// classes in range, dense rows and runs of pairs inside their sections,
// at least one empty cell.
func (t *Table) check() error {
	empty := false
	for bi := range t.buckets {
		for j := range t.buckets[bi] {
			e := &t.buckets[bi][j]
			if e.fp == 0 {
				empty = true
				continue
			}
			switch e.c[0] {
			case overflowMark:
				if (uint64(cellIndex(e))+1)*uint64(t.classes) > uint64(len(t.rows)) {
					return fmt.Errorf("read table: %w: dense row out of range", ErrTable)
				}
				continue
			case sparseMark:
				if e.c[1] == 0 || e.c[1] > maxSparse || uint64(cellIndex(e))+uint64(e.c[1]) > uint64(len(t.pairs)) {
					return fmt.Errorf("read table: %w: run of pairs out of range", ErrTable)
				}
				for _, p := range t.run(e) {
					if int(p.c) >= t.classes {
						return fmt.Errorf("read table: %w: class %d of %d", ErrTable, p.c, t.classes)
					}
				}
				continue
			}
			for _, c := range e.c {
				if c != noClass && int(c) >= t.classes {
					return fmt.Errorf("read table: %w: class %d of %d", ErrTable, c, t.classes)
				}
			}
		}
	}
	if !empty {
		return fmt.Errorf("read table: %w: no empty cell", ErrTable)
	}
	return nil
}

var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()
