package sqlstore

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
)

// fill sets every field reachable from v to a distinct non-zero value:
// strings, numbers, bools, pointers, two-element slices, times.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprint("s", *n))
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(int64(*n))
	case reflect.Float64:
		v.SetFloat(float64(*n) + 0.25)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), n)
		v.Set(p)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(s.Index(i), n)
		}
		v.Set(s)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Unix(int64(*n)*1000, int64(*n)).UTC()))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), n)
			}
		}
	default:
		panic("fill: unhandled kind " + v.Kind().String())
	}
}

// diff names the first field where a and b differ.
func diff(a, b reflect.Value, path string) string {
	if a.Kind() == reflect.Struct && a.Type() != reflect.TypeFor[time.Time]() {
		for i := range a.NumField() {
			if d := diff(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); d != "" {
				return d
			}
		}
		return ""
	}
	if a.Kind() == reflect.Pointer && !a.IsNil() && !b.IsNil() {
		return diff(a.Elem(), b.Elem(), path)
	}
	if a.Kind() == reflect.Slice && a.Len() == b.Len() {
		for i := range a.Len() {
			if d := diff(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
		return ""
	}
	if !reflect.DeepEqual(a.Interface(), b.Interface()) {
		return path
	}
	return ""
}

// TestCodecCovers fails when sitrep.EventRecord or a type inside it gains
// a field the codec does not write: append it to the end of its struct in
// codec.go (encoder and decoder) and raise the struct's field count.
func TestCodecCovers(t *testing.T) {
	var in sitrep.EventRecord
	n := 0
	fill(reflect.ValueOf(&in).Elem(), &n)
	in.Reports = nil // not stored in the record
	var out sitrep.EventRecord
	if err := decodeRecord(encodeRecord(&in), &out); err != nil {
		t.Fatal(err)
	}
	if d := diff(reflect.ValueOf(in), reflect.ValueOf(out), "EventRecord"); d != "" {
		t.Errorf("%s does not survive the record codec: add it to internal/sqlstore/codec.go", d)
	}
}

func TestCodecZeroAndOldRecords(t *testing.T) {
	var zero, out sitrep.EventRecord
	if err := decodeRecord(encodeRecord(&zero), &out); err != nil || !reflect.DeepEqual(zero, out) {
		t.Errorf("zero record: %v %+v", err, out)
	}
	// A record written when the top struct had fewer fields decodes with
	// the later fields zero.
	e := &enc{}
	e.b = append(e.b, codecVersion)
	e.structure(1, func() { e.str("ev-old") })
	if err := decodeRecord(e.b, &out); err != nil || out.ID != "ev-old" || out.ReportCount != 0 {
		t.Errorf("old record: %v %+v", err, out)
	}
	// And one from a newer sitrep with an extra field is read too.
	e = &enc{}
	e.b = append(e.b, codecVersion)
	e.structure(11, func() {
		e.str("ev-new")
		e.event(&sitrep.Event{Type: sitrep.Assault})
		e.bool(true)
		e.strs(nil)
		e.strs(nil)
		e.int(3)
		e.int(2)
		e.time(time.Time{})
		e.time(time.Time{})
		e.uint(0)
		e.str("a field from the future")
	})
	out = sitrep.EventRecord{}
	if err := decodeRecord(e.b, &out); err != nil || out.ID != "ev-new" || out.ReportCount != 3 || out.Event.Type != sitrep.Assault {
		t.Errorf("newer record: %v %+v", err, out)
	}
}

func FuzzDecodeRecord(f *testing.F) {
	var in sitrep.EventRecord
	n := 0
	fill(reflect.ValueOf(&in).Elem(), &n)
	in.Reports = nil
	f.Add(encodeRecord(&in))
	f.Add([]byte{codecVersion, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		var r sitrep.EventRecord
		if err := decodeRecord(b, &r); err != nil {
			return
		}
		var again sitrep.EventRecord
		if err := decodeRecord(encodeRecord(&r), &again); err != nil {
			t.Errorf("re-encoded record does not decode: %v", err)
		}
	})
}

func BenchmarkRecordCodec(b *testing.B) {
	var in sitrep.EventRecord
	n := 0
	fill(reflect.ValueOf(&in).Elem(), &n)
	in.Reports = nil
	buf := encodeRecord(&in)
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(int64(len(buf)))
		for b.Loop() {
			var r sitrep.EventRecord
			if err := decodeRecord(buf, &r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encode", func(b *testing.B) {
		for b.Loop() {
			encodeRecord(&in)
		}
	})
}

// TestEventCodec checks the form a report's event is stored in: every
// field survives, and a damaged or foreign value is an error.
func TestEventCodec(t *testing.T) {
	var in sitrep.Event
	n := 0
	fill(reflect.ValueOf(&in).Elem(), &n)
	var out sitrep.Event
	if err := decodeEvent(encodeEvent(&in), &out); err != nil {
		t.Fatal(err)
	}
	if d := diff(reflect.ValueOf(in), reflect.ValueOf(out), "Event"); d != "" {
		t.Errorf("%s does not survive the report codec", d)
	}
	for _, bad := range [][]byte{nil, {}, []byte(`{"type":"ASSAULT"}`), encodeEvent(&in)[:7]} {
		if err := decodeEvent(bad, &out); err == nil {
			t.Errorf("decodeEvent(%q) = nil error", bad)
		}
	}
}

// TestStateCodecCovers fails when corroborate.Tally or a type inside it
// gains a field the merge state codec does not write (tally.go).
func TestStateCodecCovers(t *testing.T) {
	var in mergeState
	n := 0
	fill(reflect.ValueOf(&in.tally).Elem(), &n)
	in.texts = []string{"one sentence", "another"}
	in.indexed = 1<<63 | 12345
	var out mergeState
	if err := decodeState(encodeState(&in), &out); err != nil {
		t.Fatal(err)
	}
	if d := diff(reflect.ValueOf(in.tally), reflect.ValueOf(out.tally), "Tally"); d != "" {
		t.Errorf("%s does not survive the state codec: add it to internal/sqlstore/tally.go", d)
	}
	if !reflect.DeepEqual(in.texts, out.texts) || out.indexed != in.indexed {
		t.Errorf("texts %q, want %q", out.texts, in.texts)
	}
	var zero, got mergeState
	if err := decodeState(encodeState(&zero), &got); err != nil || !reflect.DeepEqual(zero, got) {
		t.Errorf("zero state: %v %+v", err, got)
	}
	if err := decodeState([]byte{codecVersion, 200}, &got); err == nil {
		t.Error("a truncated state decodes without error")
	}
}

// TestDecodeCandidate: the light decoding of a candidate event gives the
// fields Score reads as the full decoding does.
func TestDecodeCandidate(t *testing.T) {
	var in sitrep.EventRecord
	n := 0
	fill(reflect.ValueOf(&in).Elem(), &n)
	in.Reports = nil
	var out sitrep.EventRecord
	if err := decodeCandidate(encodeRecord(&in), &out); err != nil {
		t.Fatal(err)
	}
	want := sitrep.EventRecord{ID: in.ID, Happened: in.Happened, ReportCount: in.ReportCount, ArticleCount: in.ArticleCount, FirstReported: in.FirstReported}
	e := &want.Event
	e.Type, e.Actor1, e.Actor2, e.Associated, e.Location, e.Fatalities, e.Injuries, e.Modality = in.Event.Type, in.Event.Actor1, in.Event.Actor2,
		in.Event.Associated, in.Event.Location, in.Event.Fatalities, in.Event.Injuries, in.Event.Modality
	d := *in.Event.Date
	d.Text = ""
	e.Date = &d
	if !reflect.DeepEqual(out, want) {
		t.Errorf("candidate\n%+v\nwant\n%+v", out, want)
	}
	if err := decodeCandidate(encodeRecord(&in)[:40], &out); err == nil {
		t.Error("a truncated record decodes without error")
	}
}
