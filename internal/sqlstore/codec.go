package sqlstore

import (
	"encoding/binary"
	"errors"
	"math"
	"time"

	"github.com/sitrep/sitrep"
)

// The event record codec: a compact binary form of sitrep.EventRecord
// (without its reports) for the events.record column. Lists and exports
// decode one record per row, and encoding/json spent 70% of an export
// parsing them; this form decodes several times faster.
//
// Layout: a version byte, then each struct as a length-prefixed list of
// fields in declaration order: uvarint byte length, uvarint field count,
// the fields. A decoder reads the fields it knows, up to the count, and
// skips the rest by the length, so fields appended to the end of a struct
// (in the types and here, in the same commit) keep old records readable:
// they decode as zero. Never reorder or remove fields; TestCodecCovers
// fails when a type gains a field this codec does not write.
const codecVersion = 1

var errCodec = errors.New("corrupt event record")

type enc struct{ b []byte }

func (e *enc) uint(v uint64)   { e.b = binary.AppendUvarint(e.b, v) }
func (e *enc) int(v int64)     { e.b = binary.AppendVarint(e.b, v) }
func (e *enc) float(v float64) { e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(v)) }
func (e *enc) str(s string)    { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *enc) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}
func (e *enc) time(t time.Time) {
	if t.IsZero() {
		e.bool(false)
		return
	}
	e.bool(true)
	e.int(t.Unix())
	e.int(int64(t.Nanosecond()))
}
func (e *enc) strs(ss []string) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

// structure writes a struct: its fields are written by fn, then the
// length and count are put in front.
//
// The body is written in place and moved up by the length's size once
// it is known: no buffer per struct (a state of many small structs spent
// most of its encoding time allocating them).
func (e *enc) structure(fields int, fn func()) {
	start := len(e.b)
	e.uint(uint64(fields))
	fn()
	n := len(e.b) - start
	var pre [binary.MaxVarintLen64]byte
	k := binary.PutUvarint(pre[:], uint64(n))
	e.b = append(e.b, pre[:k]...)
	copy(e.b[start+k:], e.b[start:start+n])
	copy(e.b[start:], pre[:k])
}

func (e *enc) ptr(present bool, fn func()) {
	e.bool(present)
	if present {
		fn()
	}
}

func (e *enc) span(s sitrep.Span) {
	e.structure(2, func() { e.int(int64(s.Start)); e.int(int64(s.End)) })
}

func (e *enc) actor(a *sitrep.ActorRef) {
	e.structure(7, func() {
		e.str(a.ID)
		e.str(a.Name)
		e.str(a.Country)
		e.str(a.Sector)
		e.str(a.Kind)
		e.str(a.Text)
		e.ptr(a.Span != nil, func() { e.span(*a.Span) })
	})
}

func (e *enc) location(l *sitrep.Location) {
	e.structure(10, func() {
		e.str(l.Name)
		e.int(l.GeonamesID)
		e.float(l.Lat)
		e.float(l.Lon)
		e.str(l.Country)
		e.str(l.Admin1)
		e.int(int64(l.Precision))
		e.str(l.Text)
		e.ptr(l.Anchor != nil, func() {
			a := l.Anchor
			e.structure(6, func() {
				e.int(a.GeonamesID)
				e.str(a.Name)
				e.float(a.Lat)
				e.float(a.Lon)
				e.float(a.BearingDeg)
				e.float(a.DistanceKM)
			})
		})
		e.str(l.FeatureCode)
	})
}

func (e *enc) evidence(v sitrep.Evidence) {
	e.structure(2, func() { e.str(v.Text); e.span(v.Span) })
}

func (e *enc) event(v *sitrep.Event) {
	e.structure(22, func() {
		e.str(v.ID)
		e.str(string(v.Type))
		e.str(v.Mode)
		e.str(v.ACLEDEventType)
		e.str(v.ACLEDSubEventType)
		e.int(int64(v.Interaction))
		e.ptr(v.Actor1 != nil, func() { e.actor(v.Actor1) })
		e.ptr(v.Actor2 != nil, func() { e.actor(v.Actor2) })
		e.uint(uint64(len(v.Associated)))
		for i := range v.Associated {
			e.actor(&v.Associated[i])
		}
		e.ptr(v.Location != nil, func() { e.location(v.Location) })
		e.uint(uint64(len(v.OtherPlaces)))
		for i := range v.OtherPlaces {
			e.location(&v.OtherPlaces[i])
		}
		e.ptr(v.Date != nil, func() {
			d := v.Date
			e.structure(4, func() { e.str(d.Start); e.str(d.End); e.int(int64(d.Precision)); e.str(d.Text) })
		})
		e.uint(uint64(len(v.Quantities)))
		for _, q := range v.Quantities {
			e.structure(5, func() { e.int(q.Value); e.int(q.Min); e.int(q.Max); e.str(q.Unit); e.str(q.Text) })
		}
		e.ptr(v.Fatalities != nil, func() { e.int(int64(*v.Fatalities)) })
		e.ptr(v.Injuries != nil, func() { e.int(int64(*v.Injuries)) })
		e.str(string(v.Modality))
		e.uint(uint64(len(v.Sources)))
		for _, a := range v.Sources {
			e.structure(4, func() {
				e.str(a.Name)
				e.str(string(a.Role))
				e.str(a.ActorID)
				e.ptr(a.Span != nil, func() { e.span(*a.Span) })
			})
		}
		e.evidence(v.Evidence)
		e.uint(uint64(len(v.Mentions)))
		for _, m := range v.Mentions {
			e.evidence(m)
		}
		e.float(v.Confidence)
		e.int(int64(v.Inter1))
		e.int(int64(v.Inter2))
	})
}

// encodeEvent returns the binary form of one report's event, as the
// reports table keeps it.
func encodeEvent(v *sitrep.Event) []byte {
	e := &enc{b: make([]byte, 0, 256)}
	e.b = append(e.b, codecVersion)
	e.event(v)
	return e.b
}

// decodeEvent reads what encodeEvent wrote.
func decodeEvent(b []byte, v *sitrep.Event) error {
	if len(b) == 0 || b[0] != codecVersion {
		return errCodec
	}
	d := &dec{b: b[1:]}
	d.event(v)
	return d.err
}

// EncodeRecord returns the binary form of an event record, reports left
// out, as stores keep it; for tools and benchmarks that fill a store
// directly.
func EncodeRecord(r *sitrep.EventRecord) []byte { return encodeRecord(r) }

// encodeRecord returns the binary form of an event record, reports left
// out.
func encodeRecord(r *sitrep.EventRecord) []byte {
	e := &enc{b: make([]byte, 0, 512)}
	e.b = append(e.b, codecVersion)
	e.structure(10, func() {
		e.str(r.ID)
		e.event(&r.Event)
		e.bool(r.Happened)
		e.strs(r.Sources)
		e.strs(r.Outlets)
		e.int(int64(r.ReportCount))
		e.int(int64(r.ArticleCount))
		e.time(r.FirstReported)
		e.time(r.LastReported)
		e.uint(uint64(len(r.Conflicts)))
		for _, c := range r.Conflicts {
			e.structure(2, func() {
				e.str(c.Field)
				e.uint(uint64(len(c.Values)))
				for _, v := range c.Values {
					e.structure(2, func() { e.str(v.Value); e.strs(v.Reports) })
				}
			})
		}
	})
	return e.b
}

type dec struct {
	b   []byte
	err error
}

func (d *dec) fail() {
	if d.err == nil {
		d.err = errCodec
	}
	d.b = nil
}

func (d *dec) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *dec) int() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *dec) float() float64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}

func (d *dec) str() string {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *dec) bool() bool {
	if len(d.b) < 1 {
		d.fail()
		return false
	}
	v := d.b[0] != 0
	d.b = d.b[1:]
	return v
}

func (d *dec) time() time.Time {
	if !d.bool() {
		return time.Time{}
	}
	sec := d.int()
	nsec := d.int()
	return time.Unix(sec, nsec).UTC()
}

// count reads a slice length, refusing one the remaining bytes cannot
// hold (each element takes at least one byte).
func (d *dec) count() int {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *dec) strs() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

// structure reads a struct: fields[i] reads field i for the fields the
// record has; the rest of the struct's bytes are skipped.
func (d *dec) structure(fields ...func()) {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return
	}
	body, rest := d.b[:n], d.b[n:]
	d.b = body
	count := d.uint()
	for i := 0; i < len(fields) && uint64(i) < count && d.err == nil; i++ {
		fields[i]()
	}
	if d.err == nil {
		d.b = rest
	}
}

func (d *dec) span() sitrep.Span {
	var s sitrep.Span
	d.structure(func() { s.Start = int(d.int()) }, func() { s.End = int(d.int()) })
	return s
}

func (d *dec) spanPtr() *sitrep.Span {
	if !d.bool() {
		return nil
	}
	s := d.span()
	return &s
}

func (d *dec) actor(a *sitrep.ActorRef) {
	d.structure(
		func() { a.ID = d.str() }, func() { a.Name = d.str() }, func() { a.Country = d.str() },
		func() { a.Sector = d.str() }, func() { a.Kind = d.str() }, func() { a.Text = d.str() },
		func() { a.Span = d.spanPtr() })
}

func (d *dec) actorPtr() *sitrep.ActorRef {
	if !d.bool() {
		return nil
	}
	a := &sitrep.ActorRef{}
	d.actor(a)
	return a
}

func (d *dec) location(l *sitrep.Location) {
	d.structure(
		func() { l.Name = d.str() }, func() { l.GeonamesID = d.int() }, func() { l.Lat = d.float() },
		func() { l.Lon = d.float() }, func() { l.Country = d.str() }, func() { l.Admin1 = d.str() },
		func() { l.Precision = int(d.int()) }, func() { l.Text = d.str() },
		func() {
			if d.bool() {
				a := &sitrep.Anchor{}
				d.structure(func() { a.GeonamesID = d.int() }, func() { a.Name = d.str() }, func() { a.Lat = d.float() },
					func() { a.Lon = d.float() }, func() { a.BearingDeg = d.float() }, func() { a.DistanceKM = d.float() })
				l.Anchor = a
			}
		},
		func() { l.FeatureCode = d.str() })
}

func (d *dec) evidence(v *sitrep.Evidence) {
	d.structure(func() { v.Text = d.str() }, func() { v.Span = d.span() })
}

// actors reads a list of actor references; nil when empty.
func (d *dec) actors() []sitrep.ActorRef {
	n := d.count()
	if n <= 0 {
		return nil
	}
	as := make([]sitrep.ActorRef, n)
	for i := range as {
		d.actor(&as[i])
	}
	return as
}

func (d *dec) locationPtr() *sitrep.Location {
	if !d.bool() {
		return nil
	}
	l := &sitrep.Location{}
	d.location(l)
	return l
}

func (d *dec) datePtr() *sitrep.DateRange {
	if !d.bool() {
		return nil
	}
	r := &sitrep.DateRange{}
	d.dateRange(r)
	return r
}

func (d *dec) dateRange(r *sitrep.DateRange) {
	d.structure(func() { r.Start = d.str() }, func() { r.End = d.str() }, func() { r.Precision = int(d.int()) }, func() { r.Text = d.str() })
}

func (d *dec) intPtr() *int {
	if !d.bool() {
		return nil
	}
	v := int(d.int())
	return &v
}

func (d *dec) event(v *sitrep.Event) {
	d.structure(
		func() { v.ID = d.str() },
		func() { v.Type = sitrep.EventType(d.str()) },
		func() { v.Mode = d.str() },
		func() { v.ACLEDEventType = d.str() },
		func() { v.ACLEDSubEventType = d.str() },
		func() { v.Interaction = int(d.int()) },
		func() { v.Actor1 = d.actorPtr() },
		func() { v.Actor2 = d.actorPtr() },
		func() { v.Associated = d.actors() },
		func() { v.Location = d.locationPtr() },
		func() {
			if n := d.count(); n > 0 {
				v.OtherPlaces = make([]sitrep.Location, n)
				for i := range v.OtherPlaces {
					d.location(&v.OtherPlaces[i])
				}
			}
		},
		func() { v.Date = d.datePtr() },
		func() {
			if n := d.count(); n > 0 {
				v.Quantities = make([]sitrep.Quantity, n)
				for i := range v.Quantities {
					q := &v.Quantities[i]
					d.structure(func() { q.Value = d.int() }, func() { q.Min = d.int() }, func() { q.Max = d.int() },
						func() { q.Unit = d.str() }, func() { q.Text = d.str() })
				}
			}
		},
		func() { v.Fatalities = d.intPtr() },
		func() { v.Injuries = d.intPtr() },
		func() { v.Modality = sitrep.Modality(d.str()) },
		func() {
			if n := d.count(); n > 0 {
				v.Sources = make([]sitrep.Attribution, n)
				for i := range v.Sources {
					a := &v.Sources[i]
					d.structure(func() { a.Name = d.str() }, func() { a.Role = sitrep.SourceRole(d.str()) },
						func() { a.ActorID = d.str() }, func() { a.Span = d.spanPtr() })
				}
			}
		},
		func() { d.evidence(&v.Evidence) },
		func() {
			if n := d.count(); n > 0 {
				v.Mentions = make([]sitrep.Evidence, n)
				for i := range v.Mentions {
					d.evidence(&v.Mentions[i])
				}
			}
		},
		func() { v.Confidence = d.float() },
		func() { v.Inter1 = int(d.int()) },
		func() { v.Inter2 = int(d.int()) },
	)
}

// decodeRecord reads a record written by encodeRecord.
func decodeRecord(b []byte, r *sitrep.EventRecord) error {
	if len(b) == 0 || b[0] != codecVersion {
		return errCodec
	}
	d := &dec{b: b[1:]}
	d.structure(
		func() { r.ID = d.str() },
		func() { d.event(&r.Event) },
		func() { r.Happened = d.bool() },
		func() { r.Sources = d.strs() },
		func() { r.Outlets = d.strs() },
		func() { r.ReportCount = int(d.int()) },
		func() { r.ArticleCount = int(d.int()) },
		func() { r.FirstReported = d.time() },
		func() { r.LastReported = d.time() },
		func() {
			if n := d.count(); n > 0 {
				r.Conflicts = make([]sitrep.Conflict, n)
				for i := range r.Conflicts {
					c := &r.Conflicts[i]
					d.structure(func() { c.Field = d.str() }, func() {
						if m := d.count(); m > 0 {
							c.Values = make([]sitrep.ConflictValue, m)
							for j := range c.Values {
								cv := &c.Values[j]
								d.structure(func() { cv.Value = d.str() }, func() { cv.Reports = d.strs() })
							}
						}
					})
				}
			}
		},
	)
	return d.err
}

func (d *dec) skipStr() {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return
	}
	d.b = d.b[n:]
}

// skipStructs skips a counted list of structs.
func (d *dec) skipStructs() {
	for n := d.count(); n > 0 && d.err == nil; n-- {
		d.structure()
	}
}

// decodeCandidate reads of a record only what corroboration reads of a
// candidate event: its id, first report time, and the type, modality,
// actors, place and date of its consensus coding (Rule.Score). Linking a
// report decodes every event in its windows, and most are not chosen;
// the chosen one's other fields are recomputed from its tally.
func decodeCandidate(b []byte, r *sitrep.EventRecord) error {
	if len(b) == 0 || b[0] != codecVersion {
		return errCodec
	}
	d := &dec{b: b[1:]}
	v := &r.Event
	skipStrs := func() {
		for n := d.count(); n > 0 && d.err == nil; n-- {
			d.skipStr()
		}
	}
	d.structure(
		func() { r.ID = d.str() },
		func() {
			d.structure(
				d.skipStr,
				func() { v.Type = sitrep.EventType(d.str()) },
				d.skipStr, d.skipStr, d.skipStr,
				func() { d.int() },
				func() { v.Actor1 = d.actorPtr() },
				func() { v.Actor2 = d.actorPtr() },
				func() { v.Associated = d.actors() },
				func() { v.Location = d.locationPtr() },
				d.skipStructs,
				func() {
					if d.bool() {
						dr := &sitrep.DateRange{}
						d.structure(func() { dr.Start = d.str() }, func() { dr.End = d.str() }, func() { dr.Precision = int(d.int()) })
						v.Date = dr // without its text, which Score does not read
					}
				},
				d.skipStructs,
				func() { v.Fatalities = d.intPtr() },
				func() { v.Injuries = d.intPtr() },
				func() { v.Modality = sitrep.Modality(d.str()) },
			)
		},
		func() { r.Happened = d.bool() },
		skipStrs,
		skipStrs,
		func() { r.ReportCount = int(d.int()) },
		func() { r.ArticleCount = int(d.int()) },
		func() { r.FirstReported = d.time() },
	)
	return d.err
}
