package gazetteer

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// ImportConfig filters what an import keeps.
type ImportConfig struct {
	// Countries keeps only places in these ISO alpha-2 countries; empty
	// keeps all.
	Countries []string
	// Classes keeps only these GeoNames feature classes (A, H, L, P, R, S,
	// T, U, V); empty keeps all.
	Classes string
	// SkipKnown drops dump records whose GeoNames id the base set already
	// has, so re-importing cities500 adds nothing twice.
	SkipKnown bool
	// MaxErrors is how many bad lines are kept for the report; reading goes
	// on past them either way.
	MaxErrors int
}

// DefaultImportConfig keeps everything and skips places already known.
func DefaultImportConfig() ImportConfig {
	return ImportConfig{SkipKnown: true, MaxErrors: 20}
}

// Validate checks the settings.
func (c ImportConfig) Validate() error {
	for _, cc := range c.Countries {
		if len(cc) != 2 || strings.ToUpper(cc) != cc {
			return fmt.Errorf("import config: Countries: %q is not an upper-case ISO alpha-2 code", cc)
		}
	}
	for _, r := range c.Classes {
		if !strings.ContainsRune("AHLPRSTUV", r) {
			return fmt.Errorf("import config: Classes: %q is not a GeoNames feature class (A H L P R S T U V)", r)
		}
	}
	if c.MaxErrors < 0 {
		return fmt.Errorf("import config: MaxErrors is negative")
	}
	return nil
}

// ImportStats counts what an import did.
type ImportStats struct {
	Records    int // dump records kept
	Filtered   int // dump records left out by the filters
	Known      int // dump records the base already had
	AltNames   int // alternate names added
	AltUnknown int // alternate names of places neither the dump nor the base has
	BadLines   int
	// Errors are the first MaxErrors bad lines.
	Errors []error
}

// Importer builds a gazetteer file from GeoNames dumps, to be layered over
// the default gazetteer in a Set.
type Importer struct {
	cfg   ImportConfig
	base  *Set
	b     Builder
	byID  map[int64]int
	known map[int64]Ref
	Stats ImportStats
}

// NewImporter returns an importer that layers over base (which may be nil).
func NewImporter(base *Set, cfg ImportConfig) (*Importer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	im := &Importer{cfg: cfg, base: base, byID: map[int64]int{}}
	if base != nil {
		im.known = map[int64]Ref{}
		for li, g := range base.layers {
			for i := range g.Len() {
				if id := g.Entry(i).ID; id != 0 {
					im.known[id] = Ref{li, i}
				}
			}
		}
	}
	return im, nil
}

func (im *Importer) badLine(err error) {
	im.Stats.BadLines++
	if len(im.Stats.Errors) < im.cfg.MaxErrors {
		im.Stats.Errors = append(im.Stats.Errors, err)
	}
}

// AddDump reads a 19-column GeoNames dump. progress, when not nil, is
// called every 100,000 lines with the number of records read.
func (im *Importer) AddDump(r io.Reader, name string, progress func(records int)) error {
	d := NewDumpReader(r, name)
	n := 0
	for {
		rec, err := d.Next()
		if err == io.EOF {
			return nil
		}
		var le *LineError
		if errors.As(err, &le) {
			im.badLine(err)
			continue
		}
		if err != nil {
			return fmt.Errorf("import %s: %w", name, err)
		}
		n++
		if progress != nil && n%100000 == 0 {
			progress(n)
		}
		if len(im.cfg.Countries) > 0 && !slices.Contains(im.cfg.Countries, rec.Country) ||
			im.cfg.Classes != "" && (rec.Class == "" || !strings.Contains(im.cfg.Classes, rec.Class)) {
			im.Stats.Filtered++
			continue
		}
		if _, ok := im.known[rec.ID]; ok && im.cfg.SkipKnown {
			im.Stats.Known++
			continue
		}
		if i, ok := im.byID[rec.ID]; ok {
			im.b.SetEntry(i, rec.Entry())
			im.b.AddNames(i, rec.ASCIIName)
			im.b.AddNames(i, rec.AlternateNames...)
			continue
		}
		names := append([]string{rec.ASCIIName}, rec.AlternateNames...)
		im.byID[rec.ID] = im.b.Add(rec.Entry(), names...)
		im.Stats.Records++
	}
}

// AddAltNames reads alternateNamesV2.txt (or alternateNames.txt) and adds
// each useful name to its place: one from the dumps read so far, or one of
// the base set, which the file then carries with the new names.
func (im *Importer) AddAltNames(r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		a, err := ParseAltName(t)
		if err != nil {
			im.badLine(&LineError{File: name, Line: line, Err: err})
			continue
		}
		if !UsefulAltName(a) {
			continue
		}
		i, ok := im.byID[a.ID]
		if !ok {
			ref, known := im.known[a.ID]
			if !known {
				im.Stats.AltUnknown++
				continue
			}
			e := im.base.Entry(ref)
			i = im.b.Add(e)
			im.byID[a.ID] = i
		}
		im.b.AddNames(i, a.Name)
		im.Stats.AltNames++
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("import %s: line %d: %w", name, line+1, err)
	}
	return nil
}

// Len returns the number of places the file will hold.
func (im *Importer) Len() int { return im.b.Len() }

// WriteTo writes the gazetteer file.
func (im *Importer) WriteTo(w io.Writer) (int64, error) { return im.b.WriteTo(w) }
