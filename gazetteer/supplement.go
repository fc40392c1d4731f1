package gazetteer

import (
	"bytes"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// basesTable is the team's table of notable military bases
// (data/military_bases.tsv): small, written by hand, so it is embedded as
// text and built into a gazetteer layer at first use rather than rebuilt
// into data/gazetteer.bin.
//
//go:embed data/military_bases.tsv
var basesTable string

var (
	supplementOnce sync.Once
	supplementGaz  *Gazetteer
	supplementErr  error
)

// Supplement returns the layer the default set puts over the embedded
// gazetteer: the team's table of military bases (AIRB air bases, MILB
// bases), which GeoNames' cities500 does not hold.
func Supplement() (*Gazetteer, error) {
	supplementOnce.Do(func() {
		supplementGaz, supplementErr = ParseBases("(embedded) military_bases.tsv", basesTable)
	})
	return supplementGaz, supplementErr
}

// ParseBases reads a table of bases in the format of
// data/military_bases.tsv (code, names separated by "|", latitude,
// longitude, ISO alpha-2 country; "#" starts a comment line) and returns it
// as a gazetteer. name says where the table came from in errors.
func ParseBases(name, text string) (*Gazetteer, error) {
	var b Builder
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e, names, err := parseBase(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w (want code, names, lat, lon, country separated by tabs)", name, n+1, err)
		}
		b.Add(e, names...)
	}
	var buf bytes.Buffer
	if _, err := b.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return Open(name, buf.String())
}

func parseBase(line string) (Entry, []string, error) {
	f := strings.Split(line, "\t")
	if len(f) != 5 {
		return Entry{}, nil, fmt.Errorf("%d fields", len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	code := f[0]
	if code != "AIRB" && code != "MILB" {
		return Entry{}, nil, fmt.Errorf("feature code %q is not AIRB or MILB", code)
	}
	var names []string
	for _, n := range strings.Split(f[1], "|") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 || Key(names[0]) == "" {
		return Entry{}, nil, fmt.Errorf("no name")
	}
	lat, err1 := strconv.ParseFloat(f[2], 64)
	lon, err2 := strconv.ParseFloat(f[3], 64)
	if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return Entry{}, nil, fmt.Errorf("coordinates %q, %q out of range", f[2], f[3])
	}
	cc := f[4]
	if len(cc) != 2 || strings.ToUpper(cc) != cc {
		return Entry{}, nil, fmt.Errorf("country %q is not an ISO alpha-2 code", cc)
	}
	e := Entry{Name: names[0], Lat: lat, Lon: lon, Class: 'S', Code: code, Country: cc, Admin: cc}
	return e, names[1:], nil
}

// IsMilitaryCode reports whether a feature code is a military base or air
// base (GeoNames MILB, AIRB, INSM).
func IsMilitaryCode(code string) bool {
	return code == "AIRB" || code == "MILB" || code == "INSM"
}
