// Package plover scores sitrep's event typing against the PLOVER gold
// standard record (PLOVER_GSR_CAMEO.json): sentences hand-coded with a
// PLOVER event type and their source and target actors. It reports type
// accuracy, macro-F1 over the types present, per-type precision and recall,
// and how often actor1 matches the gold source.
//
// The gold file predates POLECAT's sixteen types; its older labels are
// mapped with ontology.GSRType (FIGHT → ASSAULT, DEMAND → REQUEST,
// DISAPPROVE and INVESTIGATE → ACCUSE).
package plover

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/ontology"
)

// Record is one gold sentence.
type Record struct {
	ID     string
	Text   string
	Label  string           // the file's label
	Type   sitrep.EventType // the label mapped to the 16 types
	Source []string         // gold source actor texts
	Target []string
	Date   string
}

type rawActor struct {
	ActorText string `json:"actorText"`
}

type rawRecord struct {
	ID     string          `json:"id"`
	Event  string          `json:"event"`
	Text   string          `json:"text"`
	Date   string          `json:"date"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

// actors reads an actor list, which the file writes as a list of objects
// or, in a few records, as a bare string.
func actors(raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	var list []rawActor
	if err := json.Unmarshal(raw, &list); err == nil {
		var out []string
		for _, a := range list {
			if t := strings.TrimSpace(a.ActorText); t != "" {
				out = append(out, t)
			}
		}
		return out
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil && strings.TrimSpace(s) != "" {
		return []string{strings.TrimSpace(s)}
	}
	return nil
}

// Read parses the gold file, skipping records that are no event
// (DOCUMENT) or have no text.
func Read(r io.Reader) ([]Record, error) {
	var raw []rawRecord
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, fmt.Errorf("read PLOVER gold file: %w", err)
	}
	var out []Record
	for _, x := range raw {
		t, ok := ontology.GSRType(x.Event)
		if !ok || strings.TrimSpace(x.Text) == "" {
			continue
		}
		rec := Record{ID: x.ID, Text: x.Text, Label: x.Event, Type: t, Date: x.Date}
		rec.Source = actors(x.Source)
		rec.Target = actors(x.Target)
		out = append(out, rec)
	}
	return out, nil
}

// Prediction is what the coder made of one sentence.
type Prediction struct {
	ID     string           `json:"id"`
	Gold   sitrep.EventType `json:"gold"`
	Got    sitrep.EventType `json:"got"`
	Actor1 string           `json:"actor1,omitempty"`
	// ActorOK is set when the gold sentence has a source actor and actor1
	// matches one of them.
	ActorOK bool `json:"actor_ok"`
}

// TypeScore is precision, recall and F1 for one type.
type TypeScore struct {
	Type      sitrep.EventType `json:"type"`
	Gold      int              `json:"gold"`
	Predicted int              `json:"predicted"`
	Correct   int              `json:"correct"`
	Precision float64          `json:"precision"`
	Recall    float64          `json:"recall"`
	F1        float64          `json:"f1"`
}

// Result is the score of a run.
type Result struct {
	Sentences   int          `json:"sentences"`
	Coded       int          `json:"coded"` // sentences given any type
	Accuracy    float64      `json:"type_accuracy"`
	MacroF1     float64      `json:"macro_f1"`
	ActorGold   int          `json:"actor_gold"` // sentences with a gold source
	ActorMatch  float64      `json:"actor1_match"`
	PerType     []TypeScore  `json:"per_type"`
	Predictions []Prediction `json:"predictions,omitempty"`
	// Failed lists the sentences a stage panicked on (a bug), which count
	// as uncoded: "stage event on article ID: panic: …".
	Failed []string `json:"failed,omitempty"`
}

// Main picks the event a sentence is coded as: its first event in text
// order, which is the governing one ("threatened to launch" is THREATEN).
// Events that did not happen are coded as PLOVER codes intentions: an act
// intended or offered that helps its target (aid, cooperation, yielding,
// meeting, withdrawing) is AGREE unless it is held out as an ultimatum
// ("unless"), one that harms it (force, coercion, sanctions, protest) is
// THREATEN, and an act refused or said not to happen is REJECT.
func Main(events []sitrep.Event) (sitrep.Event, bool) {
	if len(events) == 0 {
		return sitrep.Event{}, false
	}
	best := events[0]
	for _, e := range events[1:] {
		if e.Evidence.Start < best.Evidence.Start {
			best = e
		}
	}
	best.Type = ontology.IntentType(best.Type, best.Modality, ultimatum(best.Evidence.Text))
	return best, true
}

// ultimatum reports whether a sentence holds out its act on an
// "unless" condition.
func ultimatum(text string) bool {
	for _, w := range strings.Fields(strings.ToLower(text)) {
		if w == "unless" {
			return true
		}
	}
	return false
}

// Score codes every record with p (published on the record's date, or a
// fixed date when it has none) and scores the types.
func Score(ctx context.Context, p *sitrep.Pipeline, recs []Record, keep bool) (Result, error) {
	res := Result{Sentences: len(recs)}
	gold := map[sitrep.EventType]int{}
	pred := map[sitrep.EventType]int{}
	correct := map[sitrep.EventType]int{}
	right, actorOK := 0, 0
	for _, rec := range recs {
		pub, err := time.Parse(time.DateOnly, rec.Date)
		if err != nil {
			pub = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		doc := sitrep.NewDocument(sitrep.Article{ID: rec.ID, Text: rec.Text, Published: pub})
		if err := p.Run(ctx, doc); err != nil {
			line, ok := sitrep.PanicLine(err)
			if !ok {
				return res, fmt.Errorf("code %s: %w", rec.ID, err)
			}
			// a bug the text reached: it counts as uncoded
			res.Failed = append(res.Failed, line)
			doc.Events = nil
		}
		pr := Prediction{ID: rec.ID, Gold: rec.Type}
		if ev, ok := Main(doc.Events); ok {
			pr.Got = ev.Type
			res.Coded++
			if ev.Actor1 != nil {
				pr.Actor1 = ev.Actor1.Name
				if pr.Actor1 == "" {
					pr.Actor1 = ev.Actor1.Text
				}
				pr.ActorOK = actorMatch(ev.Actor1, rec.Source)
			}
		}
		gold[rec.Type]++
		if pr.Got != "" {
			pred[pr.Got]++
		}
		if pr.Got == rec.Type {
			right++
			correct[rec.Type]++
		}
		if len(rec.Source) > 0 {
			res.ActorGold++
			if pr.ActorOK {
				actorOK++
			}
		}
		if keep {
			res.Predictions = append(res.Predictions, pr)
		}
	}
	if res.Sentences > 0 {
		res.Accuracy = float64(right) / float64(res.Sentences)
	}
	if res.ActorGold > 0 {
		res.ActorMatch = float64(actorOK) / float64(res.ActorGold)
	}
	// in type order, so the sum (and macro-F1's last digits) is the same
	// on every run
	var sum float64
	for _, t := range slices.Sorted(maps.Keys(gold)) {
		g := gold[t]
		ts := TypeScore{Type: t, Gold: g, Predicted: pred[t], Correct: correct[t]}
		if ts.Predicted > 0 {
			ts.Precision = float64(ts.Correct) / float64(ts.Predicted)
		}
		ts.Recall = float64(ts.Correct) / float64(g)
		if ts.Precision+ts.Recall > 0 {
			ts.F1 = 2 * ts.Precision * ts.Recall / (ts.Precision + ts.Recall)
		}
		sum += ts.F1
		res.PerType = append(res.PerType, ts)
	}
	if len(gold) > 0 {
		res.MacroF1 = sum / float64(len(gold))
	}
	return res, nil
}

// actorMatch reports whether an actor names one of the gold actors: one
// text contains the other, case-insensitively.
func actorMatch(a *sitrep.ActorRef, gold []string) bool {
	for _, g := range gold {
		g = strings.ToLower(strings.TrimSpace(g))
		if g == "" {
			continue
		}
		for _, s := range []string{a.Name, a.Text} {
			s = strings.ToLower(s)
			if s != "" && (strings.Contains(s, g) || strings.Contains(g, s)) {
				return true
			}
		}
	}
	return false
}
