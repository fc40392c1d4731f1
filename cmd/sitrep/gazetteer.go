package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/sitrep/sitrep/gazetteer"
)

// gazetteerCmd groups the gazetteer commands.
type gazetteerCmd struct {
	Lookup gazetteerLookupCmd `cmd:"" help:"List the places a name may refer to, best known first."`
	Import gazetteerImportCmd `cmd:"" help:"Add places from GeoNames dumps (allCountries.txt, LY.txt, alternateNamesV2.txt) to the gazetteer extract uses."`
	Info   gazetteerInfoCmd   `cmd:"" help:"Describe the gazetteers in use."`
}

type gazetteerLookupCmd struct {
	Names []string `arg:"" help:"Place names to look up."`
	Fuzzy bool     `help:"Also list notable places one or two edits away."`
	JSON  bool     `name:"json" help:"Print JSON lines."`
	Limit int      `help:"Most places listed per name." default:"10"`
}

func (c *gazetteerLookupCmd) Run() error {
	set, err := gazetteer.OpenSet(gazetteer.UserFiles()...)
	if err != nil {
		return err
	}
	for _, name := range c.Names {
		key := gazetteer.Key(name)
		ms := set.Lookup(nil, key)
		if c.Fuzzy {
			ms = set.Fuzzy(ms, key)
		}
		sortMatches(ms)
		if len(ms) > c.Limit {
			ms = ms[:c.Limit]
		}
		if !c.JSON {
			fmt.Printf("%s (key %q): %d\n", name, key, len(ms))
		}
		for _, m := range ms {
			admin1 := ""
			if a, ok := set.Admin1(m.Entry); ok && a.Name != m.Name {
				admin1 = a.Name
			}
			if c.JSON {
				b, _ := json.Marshal(map[string]any{"query": name, "geonames_id": m.ID, "name": m.Name, "code": m.Code,
					"country": m.Country, "admin1": admin1, "lat": m.Lat, "lon": m.Lon, "population": m.Population,
					"precision": m.Precision(), "own_name": m.Primary, "edits": m.Edits})
				fmt.Println(string(b))
				continue
			}
			fmt.Printf("  %-9d %-28s %-5s %-2s %-24s %9.5f %10.5f  pop %-9d prec %d", m.ID, m.Name, m.Code, m.Country, admin1, m.Lat, m.Lon, m.Population, m.Precision())
			if m.Edits > 0 {
				fmt.Printf("  (%d edits)", m.Edits)
			}
			fmt.Println()
		}
	}
	return nil
}

// sortMatches orders matches by how well known the place is: countries,
// then admin units and regions, then by population.
func sortMatches(ms []gazetteer.Match) {
	rank := func(m gazetteer.Match) int {
		switch {
		case m.Code == "DEM" || gazetteer.IsCountryCode(m.Code):
			return 0
		case m.Code == "ADM1" || m.Code == "CONT" || m.Class == 'H' || m.Class == 'L':
			return 1
		}
		return 2
	}
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0; j-- {
			a, b := ms[j-1], ms[j]
			if rank(a) < rank(b) || rank(a) == rank(b) && (a.Edits < b.Edits || a.Edits == b.Edits && a.Population >= b.Population) {
				break
			}
			ms[j-1], ms[j] = b, a
		}
	}
}

type gazetteerImportCmd struct {
	Files     []string `arg:"" type:"existingfile" help:"GeoNames dumps in the 19-column format (allCountries.txt, a country file such as LY.txt, cities500.txt), plain or gzip."`
	AltNames  []string `name:"alternate-names" type:"existingfile" help:"alternateNamesV2.txt (or alternateNames.txt) files whose names to add."`
	Countries []string `help:"Keep only places in these countries (ISO alpha-2 codes)."`
	Classes   string   `help:"Keep only these GeoNames feature classes, e.g. PSTH (towns, sites, terrain, water)."`
	Out       string   `help:"Write the gazetteer file here instead of the user gazetteer directory (see sitrep gazetteer info), whose files extract reads."`
	Name      string   `help:"Name of the file in the user gazetteer directory (default: the first dump's name)."`
	Keep      bool     `name:"keep-known" help:"Keep records of places the gazetteer already has (by GeoNames id), replacing them."`
}

func (c *gazetteerImportCmd) Run(ctx context.Context, log *slog.Logger) error {
	base, err := gazetteer.OpenSet(gazetteer.UserFiles()...)
	if err != nil {
		return err
	}
	cfg := gazetteer.DefaultImportConfig()
	for _, cc := range c.Countries {
		cfg.Countries = append(cfg.Countries, strings.ToUpper(strings.TrimSpace(cc)))
	}
	cfg.Classes = strings.ToUpper(c.Classes)
	cfg.SkipKnown = !c.Keep
	im, err := gazetteer.NewImporter(base, cfg)
	if err != nil {
		return err
	}
	read := func(path string, fn func(io.Reader) error) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		var r io.Reader = bufio.NewReaderSize(f, 1<<20)
		if strings.HasSuffix(path, ".gz") {
			gz, err := gzip.NewReader(r)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			defer gz.Close()
			r = gz
		}
		return fn(r)
	}
	for _, path := range c.Files {
		if err := ctx.Err(); err != nil {
			return err
		}
		log.Info("reading dump", "file", path)
		if err := read(path, func(r io.Reader) error {
			return im.AddDump(r, path, func(n int) { log.Info("reading dump", "file", path, "records", n) })
		}); err != nil {
			return err
		}
	}
	for _, path := range c.AltNames {
		log.Info("reading alternate names", "file", path)
		if err := read(path, func(r io.Reader) error { return im.AddAltNames(r, path) }); err != nil {
			return err
		}
	}
	st := im.Stats
	for _, e := range st.Errors {
		log.Warn("skipped bad line", "error", e)
	}
	if im.Len() == 0 {
		return fmt.Errorf("import: nothing to add (%d records read were filtered out or already known); check --countries and --classes", st.Filtered+st.Known)
	}
	out := c.Out
	if out == "" {
		dir, err := gazetteer.UserDir()
		if err != nil {
			return err
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("import: %w", err)
		}
		name := c.Name
		if name == "" {
			name = strings.TrimSuffix(strings.TrimSuffix(filepath.Base(c.Files[0]), ".gz"), ".txt")
		}
		out = filepath.Join(dir, name+".gaz")
	}
	tmp := out + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	n, err := im.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("import: %w", err)
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	log.Info("wrote gazetteer", "file", out, "bytes", n, "places", im.Len(), "kept", st.Records,
		"filtered", st.Filtered, "already_known", st.Known, "alternate_names", st.AltNames, "bad_lines", st.BadLines)
	return nil
}

type gazetteerInfoCmd struct{}

func (c *gazetteerInfoCmd) Run() error {
	set, err := gazetteer.OpenSet(gazetteer.UserFiles()...)
	if err != nil {
		return err
	}
	dir, _ := gazetteer.UserDir()
	fmt.Printf("user gazetteer directory: %s\n", dir)
	for _, g := range set.Layers() {
		fmt.Printf("%s: %d places, %d name keys, %d bytes\n", g.Name(), g.Len(), g.Keys(), g.Size())
	}
	return nil
}
