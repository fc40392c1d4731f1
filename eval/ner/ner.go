// Package ner scores named-entity recognition the CoNLL-2003 way (conlleval):
// an entity counts as found only when its span and type both match a gold
// entity exactly. Precision, recall and F1 are given per type and micro-
// averaged over all entities.
package ner

import (
	"fmt"
	"sort"

	"github.com/sitrep/sitrep/conll"
)

// PRF is precision, recall and F1 in percent, with the counts behind them.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
}

// Scores are the micro-averaged figures and one row per type.
type Scores struct {
	Sentences int            `json:"sentences"`
	Tokens    int            `json:"tokens"`
	Precision float64        `json:"precision"`
	Recall    float64        `json:"recall"`
	F1        float64        `json:"f1"`
	Types     map[string]PRF `json:"types"`
}

func (p *PRF) finish() {
	if p.Predicted > 0 {
		p.Precision = 100 * float64(p.Correct) / float64(p.Predicted)
	}
	if p.Gold > 0 {
		p.Recall = 100 * float64(p.Correct) / float64(p.Gold)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

// Score compares predicted entity spans with gold ones, sentence by
// sentence. tokens[i] is the length of sentence i.
func Score(gold, pred [][]conll.Span, tokens []int) (Scores, error) {
	if len(gold) != len(pred) {
		return Scores{}, fmt.Errorf("ner score: %d gold sentences but %d predicted", len(gold), len(pred))
	}
	rows := map[string]*PRF{}
	row := func(t string) *PRF {
		if rows[t] == nil {
			rows[t] = &PRF{}
		}
		return rows[t]
	}
	var all PRF
	s := Scores{Sentences: len(gold)}
	for i := range gold {
		if i < len(tokens) {
			s.Tokens += tokens[i]
		}
		g := map[conll.Span]bool{}
		for _, sp := range gold[i] {
			g[sp] = true
			row(sp.Type).Gold++
			all.Gold++
		}
		for _, sp := range pred[i] {
			row(sp.Type).Predicted++
			all.Predicted++
			if g[sp] {
				row(sp.Type).Correct++
				all.Correct++
			}
		}
	}
	all.finish()
	s.Precision, s.Recall, s.F1 = all.Precision, all.Recall, all.F1
	s.Types = map[string]PRF{}
	keys := make([]string, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		rows[k].finish()
		s.Types[k] = *rows[k]
	}
	return s, nil
}
