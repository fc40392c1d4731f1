package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/pos"
)

// trainCmd groups the trainers of the language models. Each writes a model
// file; the committed files under pos/model, parse/model and ner/model are
// embedded in the binary.
type trainCmd struct {
	POS trainPOSCmd `cmd:"" name:"pos" help:"Train the part-of-speech tagger and lemmatizer on a CoNLL-U treebank."`
}

type trainPOSCmd struct {
	Train  string `required:"" type:"existingfile" help:"Training treebank (CoNLL-U), e.g. ../shared/corpora/ud_english_ewt/en_ewt-ud-train.conllu."`
	Out    string `required:"" help:"Model file to write, e.g. pos/model/pos.model."`
	Epochs int    `help:"Passes over the training data." default:"10"`
	Seed   uint64 `help:"Random seed for the order of training sentences." default:"1"`
}

func (c *trainPOSCmd) Run(ctx context.Context, log *slog.Logger) error {
	sents, err := readConllu(c.Train)
	if err != nil {
		return err
	}
	cfg := pos.DefaultTrainConfig()
	cfg.Epochs, cfg.Seed, cfg.Log = c.Epochs, c.Seed, log
	start := time.Now()
	m, err := pos.Train(ctx, sents, cfg)
	if err != nil {
		return err
	}
	b := m.Encode()
	log.Info("trained pos model", "sentences", len(sents), "seconds", time.Since(start).Seconds(), "bytes", len(b))
	return writeFile(c.Out, b)
}

func readConllu(name string) ([]conllu.Sentence, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, "open treebank: %v", err)
	}
	defer f.Close()
	sents, err := conllu.Read(f)
	if err != nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, "%s: %v", name, err)
	}
	return sents, nil
}

func writeFile(name string, b []byte) error {
	if err := os.WriteFile(name, b, 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}
