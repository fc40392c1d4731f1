// Package pipeline assembles sitrep's default pipeline: the stages, in order,
// that turn an article into an annotated document. It only wires; every stage
// lives in its own package and can be used alone.
package pipeline

import (
	"sync"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/actor"
	"github.com/sitrep/sitrep/clean"
	"github.com/sitrep/sitrep/coref"
	"github.com/sitrep/sitrep/event"
	"github.com/sitrep/sitrep/geoparse"
	"github.com/sitrep/sitrep/ner"
	"github.com/sitrep/sitrep/parse"
	"github.com/sitrep/sitrep/pos"
	"github.com/sitrep/sitrep/relation"
	"github.com/sitrep/sitrep/segment"
	"github.com/sitrep/sitrep/timex"
	"github.com/sitrep/sitrep/tokenize"
)

// Config holds the settings of every stage of the default pipeline.
type Config struct {
	Clean    clean.Config
	Segment  segment.Config
	Actor    actor.Config
	Tag      pos.Config
	Parse    parse.Config
	NER      ner.Config
	Geoparse geoparse.Config
	Event    event.Config
}

// DefaultConfig returns the settings sitrep extract uses.
func DefaultConfig() Config {
	return Config{
		Clean:    clean.DefaultConfig(),
		Segment:  segment.DefaultConfig(),
		Actor:    actor.DefaultConfig(),
		Tag:      pos.DefaultConfig(),
		Parse:    parse.DefaultConfig(),
		NER:      ner.DefaultConfig(),
		Geoparse: geoparse.DefaultConfig(),
		Event:    event.DefaultConfig(),
	}
}

// New returns the default pipeline: clean → segment → tokenize → tag →
// parse → ner → actor → coref → relation → timex → geoparse → event. Every
// stage reads what the stages before it found; the event coder comes last
// because it reads all of them: tags and the parse for its arguments,
// entities and actors for who, relations for sources, time expressions for
// when and the geoparser's places (with their roles) for where.
func New(cfg Config) (*sitrep.Pipeline, error) {
	c, err := clean.New(cfg.Clean)
	if err != nil {
		return nil, err
	}
	s, err := segment.New(cfg.Segment)
	if err != nil {
		return nil, err
	}
	preload(cfg)
	tg, err := pos.New(cfg.Tag)
	if err != nil {
		return nil, err
	}
	ps, err := parse.New(cfg.Parse)
	if err != nil {
		return nil, err
	}
	nr, err := ner.New(cfg.NER)
	if err != nil {
		return nil, err
	}
	a, err := actor.New(cfg.Actor)
	if err != nil {
		return nil, err
	}
	g, err := geoparse.New(cfg.Geoparse)
	if err != nil {
		return nil, err
	}
	ev, err := event.New(cfg.Event)
	if err != nil {
		return nil, err
	}
	return &sitrep.Pipeline{Stages: []sitrep.Stage{c, s, tokenize.Tokenizer{}, tg, ps, nr, a, coref.Resolver{}, relation.Reader{}, timex.Tagger{}, g, ev}}, nil
}

// preload decodes the embedded language models that cfg leaves to their
// defaults, all at once: on a machine with several cores that takes the
// time of the slowest rather than of the three together. Errors surface
// again, with context, when each stage is built.
func preload(cfg Config) {
	var loads []func()
	if cfg.Tag.Model == nil {
		loads = append(loads, func() { _, _ = pos.Default() })
	}
	if cfg.Parse.Model == nil {
		loads = append(loads, func() { _, _ = parse.Default() })
	}
	if cfg.NER.Model == nil {
		loads = append(loads, func() { _, _ = ner.Default() })
	}
	var wg sync.WaitGroup
	for _, load := range loads {
		wg.Go(load)
	}
	wg.Wait()
}
