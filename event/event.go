// Package event is sitrep's event coder, the last stage of the pipeline. It
// reads what the earlier stages found — sentences and tokens, part of
// speech and the dependency parse when present, entities with their actor
// ids and antecedents, resolved places and temporal expressions — and adds
// doc.Events: who did what to whom, where, when and how many, with the
// event's modality (asserted, reported, claimed, alleged, denied, planned,
// hypothetical, negated), its attribution chain (outlet → cited outlet →
// speaker) and every stretch of the report that speaks of it.
//
// Triggers come from a hand-written table of conflict and political verbs
// and event nouns, backed by a lexicon generated from the PETRARCH2 CAMEO
// verb dictionary and the PLOVER manual's CAMEO table (see lexicon.go and
// internal/lexgen). Each event is typed with PLOVER's sixteen categories and
// a mode, and, where ACLED would record it, ACLED's event and sub-event type
// and interaction code (package ontology).
//
// Arguments are read from the dependency parse when the parser has run
// (nsubj, obj, obl:agent, nmod:poss, conj); without a parse the coder falls
// back to a shallow reading: actor phrases ordered around the trigger, a
// passive's "by" phrase, possessives, "with" and "of" phrases. Without
// entities from the NER and actor stages it finds actor phrases itself
// (proper-name runs, group nouns such as "security forces", "X loyal to Y").
// Without places from the geoparser events carry no location.
//
// Within one report, the headline, the lede and later paragraphs about the
// same happening merge into one event with all of its mentions.
//
// Settings: Config.MinConfidence drops events the coder is least sure of.
package event

import (
	"context"
	"fmt"
	"sync"

	"github.com/sitrep/sitrep"
)

// Config holds the coder's settings.
type Config struct {
	// MinConfidence drops events whose confidence is below it, in [0,1].
	MinConfidence float64
}

// DefaultConfig returns the settings sitrep extract uses.
func DefaultConfig() Config { return Config{MinConfidence: 0.2} }

// Validate reports a setting out of range.
func (c Config) Validate() error {
	if c.MinConfidence < 0 || c.MinConfidence > 1 {
		return sitrep.Errorf(sitrep.EINVALID, "event: Config.MinConfidence %v is outside [0,1]", c.MinConfidence)
	}
	return nil
}

// Coder is the event stage.
type Coder struct {
	cfg Config
	lex *lexicon
}

var _ sitrep.Stage = (*Coder)(nil)

var (
	lexOnce sync.Once
	lexData *lexicon
)

// New returns a coder with the given settings.
func New(cfg Config) (*Coder, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	lexOnce.Do(func() { lexData = loadLexicon() })
	if len(lexData.byFirst) == 0 {
		return nil, fmt.Errorf("event: the embedded trigger lexicon is empty: run go generate ./event")
	}
	return &Coder{cfg: cfg, lex: lexData}, nil
}

// Name implements sitrep.Namer.
func (*Coder) Name() string { return "event" }

// Annotate codes the events of doc and appends them to doc.Events. It reads
// doc.Sentences and doc.Tokens (required: a document without tokens gets no
// events and a warning), and doc.Entities, doc.Places, doc.Times when
// earlier stages filled them. It returns an error only when ctx is done.
func (c *Coder) Annotate(ctx context.Context, doc *sitrep.Document) error {
	if len(doc.Sentences) > 0 && len(doc.Tokens) == 0 {
		doc.Warn("event", "no tokens: run the tokenizer before the event coder", sitrep.Span{})
		return nil
	}
	r := newReader(c, doc)
	for si := range doc.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		r.sentence(si)
	}
	r.finish()
	return nil
}
