package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"sort"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/conll"
	evalner "github.com/sitrep/sitrep/eval/ner"
	"github.com/sitrep/sitrep/ner"
)

type evalNERCmd struct {
	CoNLL string `name:"conll" required:"" type:"existingfile" help:"Gold entities in CoNLL-2003 format, e.g. ../shared/corpora/conll2003/eng.testb."`
	JSON  bool   `name:"json" help:"Print the scores as JSON."`
	Model string `type:"existingfile" help:"Recogniser model file (default: the embedded one)."`
}

func (c *evalNERCmd) Run(ctx context.Context, log *slog.Logger) error {
	sents, err := readCoNLL(c.CoNLL)
	if err != nil {
		return err
	}
	m, err := loadNER(c.Model)
	if err != nil {
		return err
	}
	// Documents: -DOCSTART- blocks when the file has them, else the whole
	// file as one stream (the model forgets old words after a while).
	var docs [][][]string
	var cur [][]string
	for _, s := range sents {
		if s.DocStart && len(cur) > 0 {
			docs = append(docs, cur)
			cur = nil
		}
		cur = append(cur, s.Words)
	}
	if len(cur) > 0 {
		docs = append(docs, cur)
	}
	start := time.Now()
	var pred, gold [][]conll.Span
	var lens []int
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, ms := range m.Document(d) {
			var sp []conll.Span
			for _, x := range ms {
				sp = append(sp, conll.Span{Start: x.Start, End: x.End, Type: x.Type})
			}
			pred = append(pred, sp)
		}
	}
	elapsed := time.Since(start)
	for _, s := range sents {
		gold = append(gold, conll.Spans(s.Tags))
		lens = append(lens, len(s.Words))
	}
	sc, err := evalner.Score(gold, pred, lens)
	if err != nil {
		return err
	}
	log.Info("eval ner", "seconds", elapsed.Seconds(), "tokens_per_second", int(float64(sc.Tokens)/elapsed.Seconds()))
	if c.JSON {
		return printJSON(sc)
	}
	fmt.Printf("%s: %d sentences, %d tokens\n", c.CoNLL, sc.Sentences, sc.Tokens)
	fmt.Printf("%-6s %9s %9s %9s %7s\n", "type", "precision", "recall", "F1", "gold")
	types := make([]string, 0, len(sc.Types))
	for t := range sc.Types {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		r := sc.Types[t]
		fmt.Printf("%-6s %9.2f %9.2f %9.2f %7d\n", t, r.Precision, r.Recall, r.F1, r.Gold)
	}
	fmt.Printf("%-6s %9.2f %9.2f %9.2f\n", "micro", sc.Precision, sc.Recall, sc.F1)
	return nil
}

func readCoNLL(name string) ([]conll.Sentence, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, "open corpus: %v", err)
	}
	defer f.Close()
	sents, err := conll.Read(f)
	if err != nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, "%s: %v", name, err)
	}
	return sents, nil
}

func loadNER(file string) (*ner.Model, error) {
	if file == "" {
		return ner.Default()
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, "read recogniser model: %v", err)
	}
	return ner.Decode(b)
}
