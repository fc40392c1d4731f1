package main

import (
	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/pipeline"
)

// pipelineFlags are the settings of the coding pipeline, for every
// command that codes reports.
type pipelineFlags struct {
	Actors []string `name:"actors" type:"existingfile" placeholder:"FILE" help:"Your own actor dictionary (YAML or CSV, docs/actors.md), applied after the shipped one and $SITREP_ACTOR_FILES; repeat the flag for several. Check a file first with sitrep actors check."`
}

// pipeline builds the default pipeline with the flags' settings.
func (f pipelineFlags) pipeline() (*sitrep.Pipeline, error) {
	cfg := pipeline.DefaultConfig()
	cfg.Actor.Files = append(cfg.Actor.Files, f.Actors...)
	return pipeline.New(cfg)
}
