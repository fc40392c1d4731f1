package main

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/conll"
	"github.com/sitrep/sitrep/conllu"
	"github.com/sitrep/sitrep/ner"
	"github.com/sitrep/sitrep/parse"
	"github.com/sitrep/sitrep/pos"
)

// trainCmd groups the trainers of the language models. Each writes a model
// file; the committed files under pos/model, parse/model and ner/model are
// embedded in the binary.
type trainCmd struct {
	POS   trainPOSCmd   `cmd:"" name:"pos" help:"Train the part-of-speech tagger and lemmatizer on a CoNLL-U treebank."`
	Parse trainParseCmd `cmd:"" name:"parse" help:"Train the dependency parser on a CoNLL-U treebank, with jackknifed predicted tags."`
	NER   trainNERCmd   `cmd:"" name:"ner" help:"Train the named-entity recogniser on CoNLL-2003-format corpora with gazetteer features."`
	Prune trainPruneCmd `cmd:"" name:"prune" help:"Drop the smallest weights of a tagger, parser or recogniser model file, to shrink it and speed it up."`
}

type trainPruneCmd struct {
	In   string  `required:"" type:"existingfile" help:"Model file to prune (pos, parse or ner)."`
	Out  string  `required:"" help:"Model file to write."`
	Drop float64 `required:"" help:"Share (0 to 1) of the written weights to drop, smallest first."`
}

func (c *trainPruneCmd) Run(log *slog.Logger) error {
	if c.Drop < 0 || c.Drop >= 1 {
		return sitrep.Errorf(sitrep.EINVALID, "--drop must be in [0, 1), got %g", c.Drop)
	}
	b, err := os.ReadFile(c.In)
	if err != nil {
		return sitrep.Errorf(sitrep.EINVALID, "read model: %v", err)
	}
	var out []byte
	if m, perr := pos.Decode(b); perr == nil {
		out, err = m.Pruned(c.Drop).Encode()
	} else if m, derr := parse.Decode(b); derr == nil {
		out, err = m.Pruned(c.Drop).Encode()
	} else if m, nerr := ner.Decode(b); nerr == nil {
		out, err = m.Pruned(c.Drop).Encode()
	} else {
		return sitrep.Errorf(sitrep.EINVALID, "%s is not a tagger, parser or recogniser model: %v; %v; %v", c.In, perr, derr, nerr)
	}
	if err != nil {
		return err
	}
	log.Info("pruned model", "in_bytes", len(b), "out_bytes", len(out))
	return writeFile(c.Out, out)
}

type trainParseCmd struct {
	Train     string  `required:"" type:"existingfile" help:"Training treebank (CoNLL-U)."`
	Out       string  `required:"" help:"Model file to write, e.g. parse/model/parse.model."`
	Epochs    int     `help:"Passes over the training data." default:"15"`
	Seed      uint64  `help:"Random seed for sentence order and exploration." default:"1"`
	Jackknife int     `help:"Tag the training data with taggers trained on the other folds of this many (0: train on gold tags)." default:"10"`
	Prune     float64 `help:"Share of all trained weights to drop, smallest first, before writing (0 keeps all; most are too small to be written anyway; see train prune)." default:"0.75"`
	Beam      int     `help:"Width of the beam to train for (1: the greedy parser with its dynamic oracle; wider: a global perceptron for beam search, parsed with eval ud --beam of the same width)." default:"1"`
	Update    string  `name:"beam-update" help:"How a beam wider than 1 is updated: early or max-violation." enum:"early,max-violation" default:"max-violation"`
}

func (c *trainParseCmd) Run(ctx context.Context, log *slog.Logger) error {
	sents, err := readConllu(c.Train)
	if err != nil {
		return err
	}
	start := time.Now()
	if c.Jackknife >= 2 {
		if err := jackknifeTags(ctx, sents, c.Jackknife, c.Seed, log); err != nil {
			return err
		}
	}
	cfg := parse.DefaultTrainConfig()
	cfg.Epochs, cfg.Seed, cfg.Log, cfg.Prune = c.Epochs, c.Seed, log, c.Prune
	cfg.Beam, cfg.BeamUpdate = c.Beam, c.Update
	if err := cfg.Validate(); err != nil {
		return sitrep.Errorf(sitrep.EINVALID, "%v", err)
	}
	m, err := parse.Train(ctx, sents, cfg)
	if err != nil {
		return err
	}
	b, err := m.Encode()
	if err != nil {
		return err
	}
	log.Info("trained parse model", "sentences", len(sents), "seconds", time.Since(start).Seconds(), "bytes", len(b))
	return writeFile(c.Out, b)
}

// jackknifeTags replaces the gold tags of sents with tags predicted by
// one-pass taggers, each trained on the other folds, so the parser learns
// from tags as wrong as the tagger's at run time.
func jackknifeTags(ctx context.Context, sents []conllu.Sentence, folds int, seed uint64, log *slog.Logger) error {
	cfg := pos.DefaultTrainConfig()
	cfg.Folds, cfg.Seed = 0, seed
	pred := make([][]pos.Tag, len(sents))
	for k := 0; k < folds; k++ {
		var in []conllu.Sentence
		for i, s := range sents {
			if i%folds != k {
				in = append(in, s)
			}
		}
		m, err := pos.Train(ctx, in, cfg)
		if err != nil {
			return fmt.Errorf("jackknife fold %d: %w", k+1, err)
		}
		for i, s := range sents {
			if i%folds == k {
				forms := make([]string, len(s.Words))
				for j, w := range s.Words {
					forms[j] = w.Form
				}
				pred[i] = m.Tag(forms)
			}
		}
		log.Info("jackknife fold tagged", "fold", k+1, "of", folds)
	}
	right, total := 0, 0
	for i, s := range sents {
		for j := range s.Words {
			if s.Words[j].UPOS == pred[i][j].UPOS {
				right++
			}
			total++
			s.Words[j].UPOS, s.Words[j].XPOS = pred[i][j].UPOS, pred[i][j].XPOS
		}
	}
	log.Info("jackknifed tags", "upos_accuracy", fmt.Sprintf("%.2f", 100*float64(right)/float64(max(total, 1))))
	return nil
}

type trainPOSCmd struct {
	Train  string   `required:"" type:"existingfile" help:"Training treebank (CoNLL-U), e.g. ../shared/corpora/ud_english_ewt/en_ewt-ud-train.conllu."`
	Out    string   `required:"" help:"Model file to write, e.g. pos/model/pos.model."`
	Epochs int      `help:"Passes over the training data." default:"10"`
	Seed   uint64   `help:"Random seed for the order of training sentences." default:"1"`
	Extra  []string `type:"existingfile" help:"Extra news text with Penn Treebank tags in CoNLL column format (CoNLL-2000 zip or files, CoNLL-2003), added to the training data for tags only."`
	Prune  float64  `help:"Share of all trained weights to drop, smallest first, before writing (0 keeps all; most are too small to be written anyway; see train prune)." default:"0.75"`
	// Off by default: the shipped model was trained without them
	// (docs/evaluation.md, "Tagger: verbs read as nouns").
	Paradigms bool `help:"Let dictionary words take the tags their form also serves in verb inflection (VB and VBP; VBZ for an -s plural whose stem is a verb, NNS for a VBZ whose stem is a noun)."`
	Clause    bool `help:"Add second-pass features telling whether a finite verb is tagged elsewhere in the sentence, with the word's ambiguity class and first-pass tag."`
}

func (c *trainPOSCmd) Run(ctx context.Context, log *slog.Logger) error {
	sents, err := readConllu(c.Train)
	if err != nil {
		return err
	}
	extra, err := readExtra(c.Extra, sents)
	if err != nil {
		return err
	}
	log.Info("training data", "treebank_sentences", len(sents), "extra_sentences", len(extra))
	cfg := pos.DefaultTrainConfig()
	cfg.Epochs, cfg.Seed, cfg.Log, cfg.News, cfg.Prune = c.Epochs, c.Seed, log, extra, c.Prune
	cfg.Paradigms, cfg.ClauseFeatures = c.Paradigms, c.Clause
	start := time.Now()
	m, err := pos.Train(ctx, sents, cfg)
	if err != nil {
		return err
	}
	b, err := m.Encode()
	if err != nil {
		return err
	}
	log.Info("trained pos model", "sentences", len(sents), "seconds", time.Since(start).Seconds(), "bytes", len(b))
	return writeFile(c.Out, b)
}

// readExtra reads Penn-tagged CoNLL files (a .zip is read for every .txt
// inside it) and turns them into tagger training sentences.
func readExtra(files []string, treebank []conllu.Sentence) ([]conllu.Sentence, error) {
	var words, tags [][]string
	for _, f := range files {
		ss, err := readColumns(f)
		if err != nil {
			return nil, err
		}
		for _, s := range ss {
			if s.POS == nil {
				return nil, sitrep.Errorf(sitrep.EINVALID, "%s: no part-of-speech column", f)
			}
			words, tags = append(words, s.Words), append(tags, s.POS)
		}
	}
	return pos.FromPTB(words, tags, treebank), nil
}

// readExtraWords reads the word forms of CoNLL column files or zips.
func readExtraWords(f string) ([][]string, error) {
	ss, err := readColumns(f)
	if err != nil {
		return nil, err
	}
	out := make([][]string, len(ss))
	for i, s := range ss {
		out[i] = s.Words
	}
	return out, nil
}

// readColumns reads a CoNLL column file, or every .txt file in a zip.
func readColumns(f string) ([]conll.Sentence, error) {
	var out []conll.Sentence
	add := func(name string, r io.Reader) error {
		ss, err := conll.Read(r)
		if err != nil {
			return sitrep.Errorf(sitrep.EINVALID, "%s: %v", name, err)
		}
		out = append(out, ss...)
		return nil
	}
	{
		if strings.HasSuffix(f, ".zip") {
			z, err := zip.OpenReader(f)
			if err != nil {
				return nil, sitrep.Errorf(sitrep.EINVALID, "open %s: %v", f, err)
			}
			for _, zf := range z.File {
				if !strings.HasSuffix(zf.Name, ".txt") {
					continue
				}
				rc, err := zf.Open()
				if err != nil {
					z.Close()
					return nil, fmt.Errorf("%s: %s: %w", f, zf.Name, err)
				}
				err = add(f+":"+zf.Name, rc)
				rc.Close()
				if err != nil {
					z.Close()
					return nil, err
				}
			}
			z.Close()
			return out, nil
		}
		r, err := os.Open(f)
		if err != nil {
			return nil, sitrep.Errorf(sitrep.EINVALID, "open %s: %v", f, err)
		}
		err = add(f, r)
		r.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
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
