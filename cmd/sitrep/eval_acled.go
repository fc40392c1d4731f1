package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval/acled"
	"github.com/sitrep/sitrep/pipeline"
)

type evalACLEDCmd struct {
	CSV     string `name:"csv" required:"" help:"An ACLED CSV export with a notes column." type:"path"`
	JSON    bool   `name:"json" help:"Print the result as JSON."`
	Details bool   `help:"Include every row's prediction."`
}

func (c *evalACLEDCmd) Run(ctx context.Context, log *slog.Logger) error {
	f, err := os.Open(c.CSV)
	if err != nil {
		return sitrep.Errorf(sitrep.ENOTFOUND, "open ACLED file: %v", err)
	}
	defer f.Close()
	rows, err := acled.Read(f)
	if err != nil {
		return sitrep.Errorf(sitrep.EINVALID, "%s: %v", c.CSV, err)
	}
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		return err
	}
	log.Info("coding ACLED notes", "file", c.CSV, "rows", len(rows), "legacy_types", acled.Legacy(rows))
	res, err := acled.Score(ctx, p, rows, c.Details)
	if err != nil {
		return err
	}
	if c.JSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	fmt.Printf("ACLED %s: %d rows (%d coded), legacy types: %v\n", c.CSV, res.Rows, res.Coded, res.Legacy)
	fmt.Printf("event type %.3f  sub-event %.3f  actor1 %.3f  location<=25km %.3f (%d located)  fatalities %.3f  date %.3f  interaction %.3f\n",
		res.EventType, res.SubEventType, res.Actor1, res.Location25km, res.Located, res.Fatalities, res.Date, res.Interaction)
	for i, cf := range res.TypeConfusion {
		if i == 8 {
			break
		}
		fmt.Printf("  %3d× gold %q got %q\n", cf.Count, cf.Gold, cf.Got)
	}
	return nil
}
