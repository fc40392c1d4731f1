package gazetteer_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/gazetteer"
)

func TestParseRecord(t *testing.T) {
	line := "2210221\tTarhuna\tTarhuna\tTarhouna,Tarhunah,ترهونة\t32.43501\t13.6332\tP\tPPL\tLY\t\t82\t\t\t\t210697\t\t349\tAfrica/Tripoli\t2019-09-05"
	r, err := gazetteer.ParseRecord(line)
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != 2210221 || r.Name != "Tarhuna" || len(r.AlternateNames) != 3 || r.Lat != 32.43501 || r.Code != "PPL" ||
		r.Country != "LY" || r.Admin1 != "82" || r.Population != 210697 || r.AdminPath() != "LY.82" {
		t.Errorf("parsed %+v", r)
	}
	bad := map[string]string{
		"columns":    "1\tx",
		"id":         strings.Replace(line, "2210221", "x", 1),
		"latitude":   strings.Replace(line, "32.43501", "91", 1),
		"longitude":  strings.Replace(line, "13.6332", "east", 1),
		"population": strings.Replace(line, "210697", "-5", 1),
		"country":    strings.Replace(line, "\tLY\t", "\tLBY\t", 1),
		"extra":      line + "\textra",
	}
	for name, l := range bad {
		if _, err := gazetteer.ParseRecord(l); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestParseAltName(t *testing.T) {
	a, err := gazetteer.ParseAltName("1\t2210221\ten\tTarhunah\t1\t\t\t\t\t")
	if err != nil || a.ID != 2210221 || a.Name != "Tarhunah" || !a.Preferred || !gazetteer.UsefulAltName(a) {
		t.Errorf("parsed %+v, %v", a, err)
	}
	if a, _ := gazetteer.ParseAltName("2\t2210221\tlink\thttps://x\t\t\t\t\t\t"); gazetteer.UsefulAltName(a) {
		t.Error("a link is not a useful name")
	}
	if _, err := gazetteer.ParseAltName("broken"); err == nil {
		t.Error("no error on a broken line")
	}
}

func TestDumpReaderSkipsBadLines(t *testing.T) {
	f, err := os.Open("testdata/dump.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d := gazetteer.NewDumpReader(f, "dump.txt")
	var ok, bad int
	for {
		_, err := d.Next()
		if err == io.EOF {
			break
		}
		var le *gazetteer.LineError
		if errors.As(err, &le) {
			bad++
			if le.Line == 0 || !strings.Contains(le.Error(), "dump.txt:") {
				t.Errorf("line error %q has no position", le)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		ok++
	}
	if ok != 4 || bad != 2 {
		t.Errorf("read %d records and %d bad lines, want 4 and 2", ok, bad)
	}
}

func TestImport(t *testing.T) {
	base, err := gazetteer.OpenSet()
	if err != nil {
		t.Fatal(err)
	}
	cfg := gazetteer.DefaultImportConfig()
	cfg.Countries = []string{"LY"}
	im, err := gazetteer.NewImporter(base, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"testdata/dump.txt", "testdata/altnames.txt"} {
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, "dump.txt") {
			err = im.AddDump(r, f, nil)
		} else {
			err = im.AddAltNames(r, f)
		}
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	st := im.Stats
	if st.Records != 3 || st.Filtered != 1 || st.BadLines != 3 || st.AltNames != 2 || st.AltUnknown != 1 {
		t.Errorf("stats %+v", st)
	}
	var buf bytes.Buffer
	if _, err := im.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	over, err := gazetteer.Open("import", buf.String())
	if err != nil {
		t.Fatal(err)
	}
	s := gazetteer.NewSet(base.Layers()[0], over)
	for name, id := range map[string]int64{
		"Bir Testa": 99000001, "Bir Testah": 99000001, "Bi'r Tasta": 99000001,
		"Wadi Samplah": 99000002, "Testbase Air Base": 99000003, "Tarhunah Town": 2210221,
	} {
		ms := s.Lookup(nil, gazetteer.Key(name))
		if len(ms) != 1 || ms[0].ID != id {
			t.Errorf("%s: %+v, want id %d", name, ms, id)
		}
	}
	if ms := s.Lookup(nil, gazetteer.Key("Camp Examplia")); len(ms) != 0 {
		t.Errorf("a place outside --countries was imported: %+v", ms)
	}
	e := s.Lookup(nil, gazetteer.Key("Testbase Airfield"))[0]
	if e.Class != 'S' || e.Precision() != 1 || e.Admin != "LY.72" {
		t.Errorf("airfield %+v", e.Entry)
	}
	if a, ok := s.Admin1(e.Entry); !ok || a.ID != 2214845 {
		t.Errorf("airfield admin1 %+v %v, want Misratah district", a, ok)
	}
}

func TestImportConfigValidate(t *testing.T) {
	for name, c := range map[string]gazetteer.ImportConfig{
		"country": {Countries: []string{"Libya"}},
		"class":   {Classes: "PX"},
		"errors":  {MaxErrors: -1},
	} {
		if err := c.Validate(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// FuzzParseRecord: no input may panic the dump parser, and what it
// accepts is in range.
func FuzzParseRecord(f *testing.F) {
	f.Add("2210221\tTarhuna\tTarhuna\tTarhouna\t32.43501\t13.6332\tP\tPPL\tLY\t\t82\t\t\t\t210697\t\t349\tAfrica/Tripoli\t2019-09-05")
	f.Add("1\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t")
	f.Fuzz(func(t *testing.T, line string) {
		if len(line) > 1<<14 {
			return
		}
		r, err := gazetteer.ParseRecord(line)
		if err != nil {
			return
		}
		if r.Lat < -90 || r.Lat > 90 || r.Lon < -180 || r.Lon > 180 || r.ID <= 0 || r.Population < 0 {
			t.Errorf("accepted out-of-range record %+v", r)
		}
		var b gazetteer.Builder
		b.Add(r.Entry(), r.AlternateNames...)
		if _, err := b.WriteTo(io.Discard); err != nil {
			t.Errorf("a parsed record does not build: %v", err)
		}
	})
}
