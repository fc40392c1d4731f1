package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/actor"
	"github.com/sitrep/sitrep/eval/plover"
	"github.com/sitrep/sitrep/pipeline"
)

type evalPloverCmd struct {
	File    string `help:"The PLOVER gold file." default:"../shared/eval/eventcoding/PLOVER_GSR_CAMEO.json" type:"path"`
	JSON    bool   `name:"json" help:"Print the result as JSON."`
	Details bool   `help:"Include every sentence's prediction."`
	Misses  bool   `help:"List the records whose gold source or target country no recognised actor has."`
}

func (c *evalPloverCmd) Run(ctx context.Context, log *slog.Logger) error {
	f, err := os.Open(c.File)
	if err != nil {
		return sitrep.Errorf(sitrep.ENOTFOUND, "open PLOVER gold file %s: %v (pass --file)", c.File, err)
	}
	defer f.Close()
	recs, err := plover.Read(f)
	if err != nil {
		return sitrep.Errorf(sitrep.EINVALID, "%s: %v", c.File, err)
	}
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		return err
	}
	log.Info("coding PLOVER gold sentences", "file", c.File, "sentences", len(recs))
	res, err := plover.Score(ctx, p, recs, c.Details)
	if err != nil {
		return err
	}
	actors, err := c.actors(ctx, p, recs)
	if err != nil {
		return err
	}
	if !c.Misses {
		actors.Misses = nil
	}
	if c.JSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			plover.Result
			Actors plover.ActorResult `json:"actors"`
		}{res, actors})
	}
	fmt.Printf("PLOVER GSR: %d sentences, %d coded\n", res.Sentences, res.Coded)
	fmt.Printf("type accuracy %.3f  macro-F1 %.3f  actor1 match %.3f (%d with a gold source)\n", res.Accuracy, res.MacroF1, res.ActorMatch, res.ActorGold)
	for _, t := range res.PerType {
		fmt.Printf("  %-10s gold %3d  predicted %3d  P %.2f  R %.2f  F1 %.2f\n", t.Type, t.Gold, t.Predicted, t.Precision, t.Recall, t.F1)
	}
	if err := actors.Report(os.Stdout); err != nil {
		return err
	}
	for _, m := range actors.Misses {
		fmt.Println("  miss " + m)
	}
	return nil
}

// actors scores actor recognition: the gold countries among the actors
// recognised in each sentence.
func (c *evalPloverCmd) actors(ctx context.Context, p *sitrep.Pipeline, recs []plover.Record) (plover.ActorResult, error) {
	f, err := os.Open(c.File)
	if err != nil {
		return plover.ActorResult{}, sitrep.Errorf(sitrep.ENOTFOUND, "open PLOVER gold file %s: %v", c.File, err)
	}
	defer f.Close()
	codes, err := plover.ReadCodes(f)
	if err != nil {
		return plover.ActorResult{}, sitrep.Errorf(sitrep.EINVALID, "%s: %v", c.File, err)
	}
	dict, err := actor.Default()
	if err != nil {
		return plover.ActorResult{}, err
	}
	isState := func(code string) bool {
		e, ok := dict.Lookup(code)
		return ok && e.Kind == sitrep.ActorState
	}
	return plover.ScoreActors(ctx, p, recs, codes, isState)
}
