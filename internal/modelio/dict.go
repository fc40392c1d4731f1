package modelio

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"unsafe"
)

// Dict is a read-only map from strings to uint32 values that model files
// hold in place: an open-addressing table of 8-byte slots (32 bits of the
// key's hash and the value), so reading one from an embedded file decodes
// nothing. Keys themselves are not stored: a key is known by 64 bits of
// hash (the slot it starts from and the 32 bits it keeps), so a string
// that was never added is taken for one that was with a probability of
// about 2^-32 per look-up. The zero Dict is empty. A Dict is safe for
// concurrent use.
type Dict struct {
	n     uint64 // number of slots
	slots []dictSlot
	count int
}

type dictSlot struct {
	check uint32 // 0: empty
	value uint32
}

const dictLoad = 0.7

// NewDict returns a Dict holding m.
func NewDict(m map[string]uint32) *Dict {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	d := &Dict{count: len(keys)}
	d.n = uint64(math.Ceil(float64(len(keys))/dictLoad)) + 1
	d.slots = make([]dictSlot, d.n)
	for _, k := range keys {
		h := dictHash(k)
		i := d.home(h)
		for d.slots[i].check != 0 {
			if i++; i == d.n {
				i = 0
			}
		}
		d.slots[i] = dictSlot{check: dictCheck(h), value: m[k]}
	}
	return d
}

// dictHash is 64-bit FNV-1a with a final mix, stable across runs and
// machines.
func dictHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

func dictCheck(h uint64) uint32 {
	c := uint32(h >> 32)
	if c == 0 {
		c = 1
	}
	return c
}

func (d *Dict) home(h uint64) uint64 { return uint64(uint32(h)) * d.n >> 32 }

// Len returns the number of keys.
func (d *Dict) Len() int {
	if d == nil {
		return 0
	}
	return d.count
}

// Get returns the value of key and whether it is present.
func (d *Dict) Get(key string) (uint32, bool) {
	if d == nil || d.n == 0 {
		return 0, false
	}
	h := dictHash(key)
	c := dictCheck(h)
	i := d.home(h)
	for {
		s := &d.slots[i]
		if s.check == c {
			return s.value, true
		}
		if s.check == 0 {
			return 0, false
		}
		if i++; i == d.n {
			i = 0
		}
	}
}

// GetBytes is Get for a key held in a byte slice; it does not allocate.
func (d *Dict) GetBytes(key []byte) (uint32, bool) {
	return d.Get(unsafe.String(unsafe.SliceData(key), len(key)))
}

// The binary form of a Dict, all integers little-endian: magic "SRDC",
// version u32, slots u64, keys u64, then the slots (check u32, value
// u32).
const (
	dictMagic   = "SRDC"
	dictVersion = 1
	dictHeader  = 24
)

func (d *Dict) appendBinary(dst []byte) []byte {
	var h [dictHeader]byte
	copy(h[:], dictMagic)
	binary.LittleEndian.PutUint32(h[4:], dictVersion)
	binary.LittleEndian.PutUint64(h[8:], d.n)
	binary.LittleEndian.PutUint64(h[16:], uint64(d.count))
	dst = append(dst, h[:]...)
	for _, s := range d.slots {
		dst = binary.LittleEndian.AppendUint32(dst, s.check)
		dst = binary.LittleEndian.AppendUint32(dst, s.value)
	}
	return dst
}

// readDict reads a Dict from the front of b, in place when b is 8-byte
// aligned on a little-endian machine, and returns the rest of b.
func readDict(b []byte) (*Dict, []byte, error) {
	if len(b) < dictHeader || string(b[:4]) != dictMagic || binary.LittleEndian.Uint32(b[4:]) != dictVersion {
		return nil, nil, fmt.Errorf("bad word table header")
	}
	d := &Dict{n: binary.LittleEndian.Uint64(b[8:]), count: int(binary.LittleEndian.Uint64(b[16:]))}
	b = b[dictHeader:]
	if d.n == 0 || d.n > uint64(len(b))/8 || d.count < 0 || uint64(d.count) >= d.n {
		return nil, nil, fmt.Errorf("bad word table size")
	}
	sb := b[:d.n*8]
	if littleEndian && uintptr(unsafe.Pointer(unsafe.SliceData(sb)))%8 == 0 {
		d.slots = unsafe.Slice((*dictSlot)(unsafe.Pointer(unsafe.SliceData(sb))), d.n)
	} else {
		d.slots = make([]dictSlot, d.n)
		for i := range d.slots {
			d.slots[i] = dictSlot{check: binary.LittleEndian.Uint32(sb[8*i:]), value: binary.LittleEndian.Uint32(sb[8*i+4:])}
		}
	}
	// A full table would make a missing key probe forever.
	used := 0
	for _, s := range d.slots {
		if s.check != 0 {
			used++
		}
	}
	if used != d.count {
		return nil, nil, fmt.Errorf("word table holds %d keys, header says %d", used, d.count)
	}
	return d, b[d.n*8:], nil
}

var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// Max returns the largest value, 0 for an empty Dict.
func (d *Dict) Max() uint32 {
	var m uint32
	if d == nil {
		return 0
	}
	for _, s := range d.slots {
		if s.check != 0 {
			m = max(m, s.value)
		}
	}
	return m
}
