// Package ud scores tagging, lemmatisation and dependency parsing against a
// Universal Dependencies treebank on gold tokenization, the way the CoNLL
// 2018 shared task's evaluation script does on gold words: UPOS, XPOS and
// lemma accuracy, UAS (head right), LAS (head and universal relation right,
// subtypes ignored) and LAS with full relations, all over every word,
// punctuation included.
package ud

import (
	"fmt"
	"strings"

	"github.com/sitrep/sitrep/conllu"
)

// Scores are percentages over words, except the counts.
type Scores struct {
	Sentences int     `json:"sentences"`
	Words     int     `json:"words"`
	UPOS      float64 `json:"upos"`
	XPOS      float64 `json:"xpos"`
	Lemma     float64 `json:"lemma"`
	UAS       float64 `json:"uas"`
	LAS       float64 `json:"las"`
	// LASFull counts a relation right only with its subtype ("nmod:poss").
	LASFull float64 `json:"las_full"`
	// Exact is the share of sentences whose every head and relation is right.
	Exact float64 `json:"exact_las"`
}

// Score compares predicted sentences with gold ones, word by word. Both
// must have the same words in the same order.
func Score(gold, pred []conllu.Sentence) (Scores, error) {
	if len(gold) != len(pred) {
		return Scores{}, fmt.Errorf("ud score: %d gold sentences but %d predicted", len(gold), len(pred))
	}
	var s Scores
	var upos, xpos, lemma, uas, las, full, exact int
	for i := range gold {
		g, p := gold[i].Words, pred[i].Words
		if len(g) != len(p) {
			return Scores{}, fmt.Errorf("ud score: sentence %d (%s): %d gold words but %d predicted", i+1, gold[i].ID, len(g), len(p))
		}
		allRight := true
		for j := range g {
			s.Words++
			if g[j].UPOS == p[j].UPOS {
				upos++
			}
			if g[j].XPOS == p[j].XPOS {
				xpos++
			}
			if g[j].Lemma == p[j].Lemma {
				lemma++
			}
			if g[j].Head == p[j].Head {
				uas++
				if universal(g[j].Rel) == universal(p[j].Rel) {
					las++
				}
				if g[j].Rel == p[j].Rel {
					full++
					continue
				}
			}
			allRight = false
		}
		if allRight {
			exact++
		}
		s.Sentences++
	}
	pct := func(n, d int) float64 {
		if d == 0 {
			return 0
		}
		return 100 * float64(n) / float64(d)
	}
	s.UPOS, s.XPOS, s.Lemma = pct(upos, s.Words), pct(xpos, s.Words), pct(lemma, s.Words)
	s.UAS, s.LAS, s.LASFull = pct(uas, s.Words), pct(las, s.Words), pct(full, s.Words)
	s.Exact = pct(exact, s.Sentences)
	return s, nil
}

// universal strips the language-specific subtype of a relation.
func universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}
