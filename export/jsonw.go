package export

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// jsonBuf appends JSON to a byte slice without reflection: PLOVER JSON
// lines are the largest export, and encoding/json spent most of its time
// looking at struct tags. The bytes are the same as encoding/json's with
// HTML escaping off (TestPloverMatchesEncodingJSON and FuzzPloverJSON hold
// it to that).
type jsonBuf struct {
	b     []byte
	first []bool // per open object or array: nothing written in it yet
	err   error
}

func (j *jsonBuf) open(c byte) {
	j.b = append(j.b, c)
	j.first = append(j.first, true)
}

func (j *jsonBuf) close(c byte) {
	j.b = append(j.b, c)
	j.first = j.first[:len(j.first)-1]
}

// sep writes the comma before every element but the first.
func (j *jsonBuf) sep() {
	n := len(j.first) - 1
	if !j.first[n] {
		j.b = append(j.b, ',')
	}
	j.first[n] = false
}

// key writes a member name; k is a literal that needs no escaping.
func (j *jsonBuf) key(k string) {
	j.sep()
	j.b = append(j.b, '"')
	j.b = append(j.b, k...)
	j.b = append(j.b, '"', ':')
}

func (j *jsonBuf) str(k, v string) {
	j.key(k)
	j.b = appendJSONString(j.b, v)
}

func (j *jsonBuf) strOmit(k, v string) {
	if v != "" {
		j.str(k, v)
	}
}

func (j *jsonBuf) int(k string, v int64) {
	j.key(k)
	j.b = strconv.AppendInt(j.b, v, 10)
}

func (j *jsonBuf) intOmit(k string, v int64) {
	if v != 0 {
		j.int(k, v)
	}
}

func (j *jsonBuf) intPtr(k string, v *int) {
	if v != nil {
		j.int(k, int64(*v))
	}
}

func (j *jsonBuf) bool(k string, v bool) {
	j.key(k)
	j.b = strconv.AppendBool(j.b, v)
}

func (j *jsonBuf) float(k string, v float64) {
	j.key(k)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		if j.err == nil {
			j.err = fmt.Errorf("json: unsupported value %v in %q", v, k)
		}
		j.b = append(j.b, '0')
		return
	}
	j.b = appendJSONFloat(j.b, v)
}

// strings writes an array of strings; a nil slice is null, as
// encoding/json writes it.
func (j *jsonBuf) strings(k string, v []string) {
	j.key(k)
	if v == nil {
		j.b = append(j.b, "null"...)
		return
	}
	j.open('[')
	for _, s := range v {
		j.sep()
		j.b = appendJSONString(j.b, s)
	}
	j.close(']')
}

// appendJSONFloat formats a float as encoding/json does: the shortest
// decimal that reads back the same, in exponent form only for very small
// or very large magnitudes, with a one-digit negative exponent unpadded.
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-07 → e-7
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as a JSON string: quote, backslash and control
// characters escaped, invalid UTF-8 replaced by U+FFFD, and U+2028 and
// U+2029 escaped so the output is also valid JavaScript. <, > and & are
// written as they are.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plover writes p as one JSON object, the members in the order of
// the Plover struct's fields.
func (j *jsonBuf) plover(p *Plover) {
	j.open('{')
	j.str("id", p.ID)
	j.strOmit("date", p.Date)
	j.strOmit("date_end", p.DateEnd)
	j.intOmit("date_precision", int64(p.DatePrecision))
	j.str("event_type", string(p.EventType))
	j.strOmit("mode", p.Mode)
	j.strOmit("source_actor", p.SourceActor)
	j.strOmit("source_actor_id", p.SourceActorID)
	j.strOmit("source_agent", p.SourceAgent)
	j.strOmit("source_country", p.SourceCountry)
	j.strOmit("target_actor", p.TargetActor)
	j.strOmit("target_actor_id", p.TargetActorID)
	j.strOmit("target_agent", p.TargetAgent)
	j.strOmit("target_country", p.TargetCountry)
	if len(p.Associated) > 0 {
		j.strings("associated", p.Associated)
	}
	if p.Location != nil {
		j.key("location")
		j.location(p.Location)
	}
	j.intPtr("fatalities", p.Fatalities)
	j.intPtr("injuries", p.Injuries)
	if len(p.Quantities) > 0 {
		j.key("quantities")
		j.open('[')
		for i := range p.Quantities {
			q := &p.Quantities[i]
			j.sep()
			j.open('{')
			j.int("value", q.Value)
			j.int("min", q.Min)
			j.intOmit("max", q.Max)
			j.str("unit", q.Unit)
			j.strOmit("text", q.Text)
			j.close('}')
		}
		j.close(']')
	}
	j.str("modality", string(p.Modality))
	j.bool("happened", p.Happened)
	j.strings("sources", p.Sources)
	j.strings("outlets", p.Outlets)
	j.int("reports", int64(p.Reports))
	j.strOmit("first_reported", p.FirstReported)
	j.strOmit("last_reported", p.LastReported)
	j.float("confidence", p.Confidence)
	if len(p.Conflicts) > 0 {
		j.key("conflicts")
		j.open('[')
		for _, c := range p.Conflicts {
			j.sep()
			j.open('{')
			j.str("field", c.Field)
			j.key("values")
			if c.Values == nil {
				j.b = append(j.b, "null"...)
			} else {
				j.open('[')
				for _, v := range c.Values {
					j.sep()
					j.open('{')
					j.str("value", v.Value)
					j.strings("reports", v.Reports)
					j.close('}')
				}
				j.close(']')
			}
			j.close('}')
		}
		j.close(']')
	}
	j.strOmit("evidence", p.Evidence)
	j.strOmit("acled_event_type", p.ACLEDEventType)
	j.strOmit("acled_sub_event_type", p.ACLEDSubType)
	j.close('}')
}

func (j *jsonBuf) location(l *sitrep.Location) {
	j.open('{')
	j.str("name", l.Name)
	j.intOmit("geonames_id", l.GeonamesID)
	j.float("lat", l.Lat)
	j.float("lon", l.Lon)
	j.strOmit("country", l.Country)
	j.strOmit("admin1", l.Admin1)
	j.int("precision", int64(l.Precision))
	j.strOmit("text", l.Text)
	if a := l.Anchor; a != nil {
		j.key("anchor")
		j.open('{')
		j.intOmit("geonames_id", a.GeonamesID)
		j.str("name", a.Name)
		j.float("lat", a.Lat)
		j.float("lon", a.Lon)
		j.float("bearing_deg", a.BearingDeg)
		j.float("distance_km", a.DistanceKM)
		j.close('}')
	}
	j.strOmit("feature_code", l.FeatureCode)
	j.close('}')
}
