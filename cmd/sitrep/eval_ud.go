package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/eval/ud"
	"github.com/sitrep/sitrep/parse"
	"github.com/sitrep/sitrep/pos"
)

type evalUDCmd struct {
	Conllu     string `required:"" type:"existingfile" help:"Gold treebank (CoNLL-U), e.g. ../shared/corpora/ud_english_ewt/en_ewt-ud-test.conllu."`
	JSON       bool   `name:"json" help:"Print the scores as JSON."`
	POSModel   string `name:"pos-model" type:"existingfile" help:"Tagger model file (default: the embedded one)."`
	ParseModel string `name:"parse-model" type:"existingfile" help:"Parser model file (default: the embedded one)."`
	GoldTags   bool   `help:"Parse with the gold tags instead of the tagger's (to measure the parser alone)."`
	Output     string `help:"Also write the predictions to this CoNLL-U file."`
	Beam       int    `help:"Width of the parser's beam (1: greedy, as sitrep extract parses; wider suits a model trained with train parse --beam)." default:"1"`

	// The tagger's finite-verb rule, off by default (docs/evaluation.md,
	// "Tagger: verbs read as nouns").
	POSFiniteMargin float64 `name:"pos-finite-margin" help:"Give a sentence the tagger leaves without a verb the closest finite verb reading of a noun after a noun or pronoun, when it trails by at most this (weight units; 0: off)."`
}

func (c *evalUDCmd) Run(ctx context.Context, log *slog.Logger) error {
	gold, err := readConllu(c.Conllu)
	if err != nil {
		return err
	}
	tagger, err := loadPOS(c.POSModel)
	if err != nil {
		return err
	}
	if c.POSFiniteMargin < 0 {
		return sitrep.Errorf(sitrep.EINVALID, "--pos-finite-margin must not be negative, got %g", c.POSFiniteMargin)
	}
	tagger = tagger.WithFiniteMargin(c.POSFiniteMargin)
	parser, err := loadParse(c.ParseModel)
	if err != nil {
		return err
	}
	if err := (parse.Config{Beam: c.Beam}).Validate(); err != nil {
		return sitrep.Errorf(sitrep.EINVALID, "--beam: %v", err)
	}
	start := time.Now()
	pred := make([]conllu.Sentence, len(gold))
	forms := []string{}
	for i, s := range gold {
		if err := ctx.Err(); err != nil {
			return err
		}
		forms = forms[:0]
		for _, w := range s.Words {
			forms = append(forms, w.Form)
		}
		tags := tagger.Tag(forms)
		p := conllu.Sentence{ID: s.ID, Text: s.Text, Words: make([]conllu.Word, len(forms))}
		joint := make([]string, len(forms))
		for j, t := range tags {
			p.Words[j] = conllu.Word{Form: forms[j], UPOS: t.UPOS, XPOS: t.XPOS, Lemma: t.Lemma}
			joint[j] = t.UPOS + " " + t.XPOS
			if c.GoldTags {
				joint[j] = s.Words[j].UPOS + " " + s.Words[j].XPOS
			}
		}
		var heads []int
		var rels []string
		if c.Beam > 1 {
			heads, rels = parser.ParseBeam(forms, joint, c.Beam)
		} else {
			heads, rels = parser.Parse(forms, joint)
		}
		for j := range heads {
			p.Words[j].Head, p.Words[j].Rel = heads[j], rels[j]
		}
		pred[i] = p
	}
	elapsed := time.Since(start)
	sc, err := ud.Score(gold, pred)
	if err != nil {
		return err
	}
	log.Info("eval ud", "beam", c.Beam, "seconds", elapsed.Seconds(), "words_per_second", int(float64(sc.Words)/elapsed.Seconds()))
	if c.Output != "" {
		f, err := os.Create(c.Output)
		if err != nil {
			return fmt.Errorf("write predictions: %w", err)
		}
		if err := conllu.Write(f, pred); err != nil {
			f.Close()
			return fmt.Errorf("write predictions: %w", err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("write predictions: %w", err)
		}
	}
	if c.JSON {
		return printJSON(sc)
	}
	fmt.Printf("%s: %d sentences, %d words\n", c.Conllu, sc.Sentences, sc.Words)
	fmt.Printf("UPOS %.2f  XPOS %.2f  lemma %.2f  UAS %.2f  LAS %.2f  LAS (with subtypes) %.2f\n", sc.UPOS, sc.XPOS, sc.Lemma, sc.UAS, sc.LAS, sc.LASFull)
	return nil
}

func loadParse(file string) (*parse.Model, error) {
	if file == "" {
		return parse.Default()
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, "read parser model: %v", err)
	}
	return parse.Decode(b)
}

func loadPOS(file string) (*pos.Model, error) {
	if file == "" {
		return pos.Default()
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, "read tagger model: %v", err)
	}
	return pos.Decode(b)
}

// printJSON writes v as indented JSON to standard output.
func printJSON(v any) error {
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
