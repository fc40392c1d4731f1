package plover

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/sitrep/sitrep"
)

// The actor measure: are the gold source and target countries among the
// countries of the actors the pipeline recognises in the sentence? It
// scores actor recognition on its own, before and apart from the event
// coder's choice of actor1 and actor2.

// Codes are the gold CAMEO codes of one record's source and target actors.
type Codes struct {
	Source, Target []string
}

type rawCodes struct {
	ID     string          `json:"id"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
}

// ReadCodes reads the gold actors' CAMEO codes of every record, by id.
func ReadCodes(r io.Reader) (map[string]Codes, error) {
	var raw []rawCodes
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, fmt.Errorf("read PLOVER gold codes: %w", err)
	}
	out := make(map[string]Codes, len(raw))
	for _, x := range raw {
		out[x.ID] = Codes{Source: codesOf(x.Source), Target: codesOf(x.Target)}
	}
	return out, nil
}

func codesOf(raw json.RawMessage) []string {
	var list []struct {
		Code string `json:"code"`
	}
	if len(raw) == 0 || raw[0] != '[' || json.Unmarshal(raw, &list) != nil {
		return nil // absent, or a free-text note
	}
	var out []string
	for _, a := range list {
		if a.Code != "" {
			out = append(out, a.Code)
		}
	}
	return out
}

// cameoISO maps the CAMEO country codes that differ from ISO 3166 alpha-3.
var cameoISO = map[string]string{"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

// Country returns the ISO alpha-3 code of a gold CAMEO code, or "" for
// codes that are not countries (IGO, NGO, IMG ...); isState says which
// three-letter codes are countries.
func Country(code string, isState func(string) bool) string {
	if iso, ok := cameoISO[code]; ok {
		return iso
	}
	if len(code) == 3 && isState != nil && isState(code) {
		return code
	}
	return ""
}

// RoleScore counts one role (source or target).
type RoleScore struct {
	// Records with at least one gold country, and those where one of them
	// is among the recognised countries.
	Records int `json:"records"`
	Matched int `json:"matched"`
	// Gold country codes, and those recognised.
	Codes      int     `json:"codes"`
	CodesFound int     `json:"codes_found"`
	Rate       float64 `json:"rate"`
	Recall     float64 `json:"recall"`
}

// ActorResult is the actor measure of a run.
type ActorResult struct {
	Source RoleScore `json:"source"`
	Target RoleScore `json:"target"`
	// Recognised countries in records with a gold country, and those that
	// are a gold country of either role.
	Recognised int     `json:"recognised"`
	Good       int     `json:"good"`
	Precision  float64 `json:"precision"`
	// Misses lists records whose gold country was not recognised.
	Misses []string `json:"misses,omitempty"`
}

// ScoreActors codes every record with p (without a publication date: the
// file's dates are a placeholder, so actors' validity dates do not apply)
// and scores the countries of the recognised actors against the gold codes.
func ScoreActors(ctx context.Context, p *sitrep.Pipeline, recs []Record, codes map[string]Codes, isState func(string) bool) (ActorResult, error) {
	var res ActorResult
	doc := &sitrep.Document{}
	for _, rec := range recs {
		c, ok := codes[rec.ID]
		if !ok {
			continue
		}
		doc.Reset(sitrep.Article{ID: rec.ID, Text: rec.Text, Language: "en"})
		if err := p.Run(ctx, doc); err != nil {
			return res, fmt.Errorf("code %s: %w", rec.ID, err)
		}
		got := map[string]bool{}
		for i := range doc.Entities {
			if a := doc.EntityActor(i); a != nil && a.Country != "" {
				got[a.Country] = true
			}
		}
		gold := map[string]bool{}
		role := func(rs *RoleScore, cameo []string, name string) {
			var cs []string
			for _, code := range cameo {
				if iso := Country(code, isState); iso != "" && !slices.Contains(cs, iso) {
					cs = append(cs, iso)
				}
			}
			if len(cs) == 0 {
				return
			}
			rs.Records++
			rs.Codes += len(cs)
			hit := false
			for _, iso := range cs {
				gold[iso] = true
				if got[iso] {
					rs.CodesFound++
					hit = true
				}
			}
			if hit {
				rs.Matched++
			} else {
				res.Misses = append(res.Misses, fmt.Sprintf("%s %s %v: %.90s", rec.ID, name, cs, rec.Text))
			}
		}
		role(&res.Source, c.Source, "source")
		role(&res.Target, c.Target, "target")
		if len(gold) == 0 {
			continue
		}
		for iso := range got {
			res.Recognised++
			if gold[iso] {
				res.Good++
			}
		}
	}
	for _, rs := range []*RoleScore{&res.Source, &res.Target} {
		rs.Rate = ratio(rs.Matched, rs.Records)
		rs.Recall = ratio(rs.CodesFound, rs.Codes)
	}
	res.Precision = ratio(res.Good, res.Recognised)
	return res, nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Report writes the actor measure for people.
func (r ActorResult) Report(w io.Writer) error {
	both := ratio(r.Source.Matched+r.Target.Matched, r.Source.Records+r.Target.Records)
	_, err := fmt.Fprintf(w, `actor countries (gold source/target country among the actors recognised in the sentence)
  source: %d/%d records matched (%.1f%%), country recall %d/%d (%.1f%%)
  target: %d/%d records matched (%.1f%%), country recall %d/%d (%.1f%%)
  both roles: %.1f%% of records matched
  precision: %d/%d recognised countries are gold countries of the record (%.1f%%)
`,
		r.Source.Matched, r.Source.Records, 100*r.Source.Rate, r.Source.CodesFound, r.Source.Codes, 100*r.Source.Recall,
		r.Target.Matched, r.Target.Records, 100*r.Target.Rate, r.Target.CodesFound, r.Target.Codes, 100*r.Target.Recall,
		100*both, r.Good, r.Recognised, 100*r.Precision)
	return err
}
