package gazetteer

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Record is one line of a GeoNames dump (allCountries.txt, a country file
// such as LY.txt, cities500.txt): 19 tab-separated columns.
type Record struct {
	ID             int64
	Name           string
	ASCIIName      string
	AlternateNames []string
	Lat, Lon       float64
	Class          string
	Code           string
	Country        string
	Admin1, Admin2 string
	Population     int64
}

// AdminPath returns the record's GeoNames admin path: "CC", "CC.A1" or
// "CC.A1.A2", as deep as its codes go.
func (r Record) AdminPath() string {
	switch {
	case r.Country == "":
		return ""
	case r.Admin1 == "" || r.Admin1 == "00":
		return r.Country
	case r.Admin2 == "":
		return r.Country + "." + r.Admin1
	}
	return r.Country + "." + r.Admin1 + "." + r.Admin2
}

// Entry converts the record to a gazetteer entry. Admin units get their own
// path as far as their level goes (an ADM1 "LY.64", not deeper).
func (r Record) Entry() Entry {
	admin := r.AdminPath()
	if r.Code == "ADM1" && r.Admin1 != "" {
		admin = r.Country + "." + r.Admin1
	}
	return Entry{
		ID: r.ID, Name: r.Name, Lat: r.Lat, Lon: r.Lon,
		Code: r.Code, Class: classOf(r.Code), Country: r.Country, Admin: admin,
		Population: r.Population,
	}
}

// LineError is a dump line that could not be read. Readers report it and
// go on with the next line.
type LineError struct {
	File string
	Line int
	Err  error
}

func (e *LineError) Error() string {
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

func (e *LineError) Unwrap() error { return e.Err }

// maxLine bounds a dump line; GeoNames' longest are a few tens of
// kilobytes (alternate names of capitals).
const maxLine = 1 << 20

// DumpReader reads the 19-column GeoNames dump format.
type DumpReader struct {
	file string
	sc   *bufio.Scanner
	line int
}

// NewDumpReader returns a reader of a GeoNames dump; file names the input
// in errors.
func NewDumpReader(r io.Reader, file string) *DumpReader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	return &DumpReader{file: file, sc: sc}
}

// Next returns the next record. At the end of input it returns io.EOF. A
// malformed line yields a *LineError; the caller may go on calling Next.
func (d *DumpReader) Next() (Record, error) {
	for d.sc.Scan() {
		d.line++
		line := d.sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		rec, err := ParseRecord(line)
		if err != nil {
			return Record{}, &LineError{File: d.file, Line: d.line, Err: err}
		}
		return rec, nil
	}
	if err := d.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return Record{}, fmt.Errorf("%s:%d: line longer than %d bytes; is this a GeoNames dump?", d.file, d.line+1, maxLine)
		}
		return Record{}, fmt.Errorf("%s: %w", d.file, err)
	}
	return Record{}, io.EOF
}

// ParseRecord parses one line of the 19-column dump format.
func ParseRecord(line string) (Record, error) {
	var f [19]string
	n := 0
	for n < 18 {
		i := strings.IndexByte(line, '\t')
		if i < 0 {
			break
		}
		f[n] = line[:i]
		line = line[i+1:]
		n++
	}
	f[n] = strings.TrimRight(line, "\r")
	n++
	if n != 19 || strings.IndexByte(f[18], '\t') >= 0 {
		return Record{}, fmt.Errorf("want 19 tab-separated columns (the GeoNames dump format), got %d", n+strings.Count(f[18], "\t"))
	}
	id, err := strconv.ParseInt(f[0], 10, 64)
	if err != nil || id <= 0 || id > 1<<32-1 {
		return Record{}, fmt.Errorf("column 1 (geonameid) %q is not a positive 32-bit integer", f[0])
	}
	lat, err := strconv.ParseFloat(f[4], 64)
	if err != nil || lat < -90 || lat > 90 {
		return Record{}, fmt.Errorf("column 5 (latitude) %q is not a latitude", f[4])
	}
	lon, err := strconv.ParseFloat(f[5], 64)
	if err != nil || lon < -180 || lon > 180 {
		return Record{}, fmt.Errorf("column 6 (longitude) %q is not a longitude", f[5])
	}
	var pop int64
	if f[14] != "" {
		pop, err = strconv.ParseInt(f[14], 10, 64)
		if err != nil || pop < 0 {
			return Record{}, fmt.Errorf("column 15 (population) %q is not a count", f[14])
		}
	}
	if f[1] == "" {
		return Record{}, fmt.Errorf("column 2 (name) is empty")
	}
	if len(f[8]) != 0 && len(f[8]) != 2 {
		return Record{}, fmt.Errorf("column 9 (country code) %q is not an ISO alpha-2 code", f[8])
	}
	if len(f[7]) > 10 {
		return Record{}, fmt.Errorf("column 8 (feature code) %q is too long", f[7])
	}
	r := Record{
		ID: id, Name: f[1], ASCIIName: f[2], Lat: lat, Lon: lon,
		Class: f[6], Code: f[7], Country: f[8], Admin1: f[10], Admin2: f[11],
		Population: pop,
	}
	if f[3] != "" {
		r.AlternateNames = strings.Split(f[3], ",")
	}
	return r, nil
}

// AltName is one line of alternateNamesV2.txt (or the older
// alternateNames.txt).
type AltName struct {
	ID         int64 // the place's geonameid
	Language   string
	Name       string
	Preferred  bool
	Short      bool
	Colloquial bool
	Historic   bool
}

// ParseAltName parses one line of alternateNamesV2.txt (10 columns) or
// alternateNames.txt (8 columns).
func ParseAltName(line string) (AltName, error) {
	f := strings.Split(strings.TrimRight(line, "\r"), "\t")
	if len(f) != 8 && len(f) != 10 {
		return AltName{}, fmt.Errorf("want 10 tab-separated columns (alternateNamesV2) or 8 (alternateNames), got %d", len(f))
	}
	id, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil || id <= 0 || id > 1<<32-1 {
		return AltName{}, fmt.Errorf("column 2 (geonameid) %q is not a positive 32-bit integer", f[1])
	}
	if f[3] == "" {
		return AltName{}, fmt.Errorf("column 4 (alternate name) is empty")
	}
	return AltName{
		ID: id, Language: f[2], Name: f[3],
		Preferred: f[4] == "1", Short: f[5] == "1", Colloquial: f[6] == "1", Historic: f[7] == "1",
	}, nil
}

// UsefulAltName reports whether an alternate name helps find the place in
// English news: not a link, a postal or airport code, or a name in a
// script that folds to nothing.
func UsefulAltName(a AltName) bool {
	switch a.Language {
	case "link", "wkdt", "post", "iata", "icao", "faac", "unlc", "fr_1793", "tcid", "phon", "piny":
		return false
	}
	return Fold(a.Name) != ""
}
