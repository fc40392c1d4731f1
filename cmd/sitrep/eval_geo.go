package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval/geo"
	"github.com/sitrep/sitrep/geoparse"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/segment"
	"github.com/sitrep/sitrep/tokenize"
)

type evalGeoCmd struct {
	Corpus    string `required:"" type:"existingfile" help:"Corpus XML file (../shared/eval/geoparsing/GeoVirus.xml, TR-News.xml or GWN.xml)."`
	GoldSpans bool   `help:"Resolve the gold toponyms only, skipping recognition."`
	Patches   string `type:"existingfile" help:"Coordinate corrections for the gold (GeoVirus_patches.tsv)."`
	JSON      bool   `name:"json" help:"Print the report as JSON."`
	Misses    bool   `help:"List every toponym resolved more than 161 km from its gold place (with --json)."`
	Ceiling   bool   `help:"With --gold-spans, also score the best candidate of each toponym: the most any choice among the gazetteer's places can reach."`
	TextOnly  bool   `help:"Run only the sentence splitter and tokenizer before the geoparser, not the language models (tagger, parser, entity recogniser)."`
}

// analysisStages are the stages of the default pipeline that the
// geoparser reads: sentences, tokens and, when the pipeline has them,
// tags, dependencies and entities. The cleaner (it may drop text the
// corpus offsets count), the time tagger and the event coder are left out.
var analysisStages = map[string]bool{"segment": true, "tokenize": true, "tag": true, "parse": true, "ner": true, "actor": true}

// textStages returns the stages of the default pipeline that analyse the
// text before the geoparser, in pipeline order; with textOnly only the
// sentence splitter and the tokenizer.
func textStages(textOnly bool) ([]sitrep.Stage, error) {
	if textOnly {
		seg, err := segment.New(segment.DefaultConfig())
		if err != nil {
			return nil, err
		}
		return []sitrep.Stage{seg, tokenize.Tokenizer{}}, nil
	}
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		return nil, err
	}
	var out []sitrep.Stage
	for _, s := range p.Stages {
		if analysisStages[sitrep.StageName(s)] {
			out = append(out, s)
		}
	}
	return out, nil
}

func (c *evalGeoCmd) Run(ctx context.Context, log *slog.Logger) error {
	f, err := os.Open(c.Corpus)
	if err != nil {
		return err
	}
	defer f.Close()
	corpus, err := geo.Read(f)
	if err != nil {
		return fmt.Errorf("%s: %w", c.Corpus, err)
	}
	patched := 0
	if c.Patches != "" {
		pf, err := os.Open(c.Patches)
		if err != nil {
			return err
		}
		defer pf.Close()
		ps, err := geo.ReadPatches(pf)
		if err != nil {
			return fmt.Errorf("%s: %w", c.Patches, err)
		}
		patched = corpus.Apply(ps)
	}
	cfg := geoparse.DefaultConfig()
	cfg.Gazetteers = nil // the evaluation measures the embedded gazetteer
	r, err := geoparse.New(cfg)
	if err != nil {
		return err
	}
	prepare, err := textStages(c.TextOnly)
	if err != nil {
		return err
	}
	var names []string
	for _, s := range prepare {
		names = append(names, sitrep.StageName(s))
	}
	log.Info("evaluating", "corpus", c.Corpus, "format", corpus.Format, "articles", len(corpus.Articles), "gold_spans", c.GoldSpans,
		"stages", names)
	rep, err := geo.Evaluate(ctx, r, corpus, filepath.Base(c.Corpus), geo.Options{
		GoldSpans: c.GoldSpans,
		Misses:    c.Misses,
		Ceiling:   c.Ceiling,
		Prepare:   prepare,
	})
	if err != nil {
		return err
	}
	rep.Patched = patched
	if c.JSON {
		e := json.NewEncoder(os.Stdout)
		e.SetIndent("", "  ")
		return e.Encode(rep)
	}
	fmt.Printf("%s (%s, %s): %d articles, %d gold toponyms\n", rep.Corpus, rep.Format, rep.Mode, rep.Articles, rep.Toponyms)
	if p := rep.Recognition; p != nil {
		fmt.Printf("recognition  P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)\n", p.Precision, p.Recall, p.F1, p.TP, p.FP, p.FN)
	}
	res := rep.Resolution
	fmt.Printf("resolution   acc@161 %.3f  mean %.0f km  median %.1f km  AUC %.3f  (n %d, unresolved %d)\n",
		res.Acc161, res.MeanKM, res.MedianKM, res.AUC, res.N, res.Unresolved)
	if e := rep.Ceiling; e != nil {
		fmt.Printf("ceiling      acc@161 %.3f  mean %.0f km  median %.1f km  AUC %.3f  (best of the candidates; none for %d)\n",
			e.Acc161, e.MeanKM, e.MedianKM, e.AUC, e.Unresolved)
	}
	if e := rep.EndToEnd; e != nil {
		fmt.Printf("end to end   acc@161 %.3f  AUC %.3f  (missed %d of %d)\n", e.Acc161, e.AUC, e.Unresolved, e.N)
	}
	fmt.Printf("%.1f s\n", rep.Seconds)
	return nil
}
