package main_test

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

func TestEvalUD(t *testing.T) {
	out, errs, code := run(t, "", "eval", "ud", "--conllu", "../../eval/ud/testdata/tiny.conllu", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res map[string]float64
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for _, k := range []string{"upos", "xpos", "uas", "las"} {
		if v, ok := res[k]; !ok || v < 50 || v > 100 {
			t.Errorf("%s = %v (present %v), want a percentage the embedded models should reach on easy sentences", k, v, ok)
		}
	}
}

func TestEvalNER(t *testing.T) {
	out, errs, code := run(t, "", "eval", "ner", "--conll", "../../eval/ner/testdata/tiny.conll", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res struct {
		F1    float64                       `json:"f1"`
		Types map[string]map[string]float64 `json:"types"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if res.F1 < 50 || len(res.Types) != 3 || res.Types["PER"]["gold"] != 1 {
		t.Errorf("f1 %.1f, types %v", res.F1, res.Types)
	}
}

func TestTrainRejectsMissingCorpus(t *testing.T) {
	_, errs, code := run(t, "", "train", "pos", "--train", "no-such.conllu", "--out", "x")
	if code == 0 || errs == "" {
		t.Fatalf("exit %d, stderr %q; want a failure naming the file", code, errs)
	}
}

// TestTrainParseBeam trains an unpruned parser for a beam of 4 on the tiny
// treebank, evaluates it with that beam, and checks that widths out of
// range are refused.
func TestTrainParseBeam(t *testing.T) {
	model := filepath.Join(t.TempDir(), "beam.model")
	tiny := "../../eval/ud/testdata/tiny.conllu"
	if _, errs, code := run(t, "", "train", "parse", "--train", tiny, "--jackknife", "0", "--prune", "0", "--beam", "4", "--out", model); code != 0 {
		t.Fatalf("train parse --beam 4: exit %d: %s", code, errs)
	}
	out, errs, code := run(t, "", "eval", "ud", "--conllu", tiny, "--parse-model", model, "--beam", "4", "--gold-tags", "--json")
	if code != 0 {
		t.Fatalf("eval ud --beam 4: exit %d: %s", code, errs)
	}
	var res map[string]float64
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if res["las"] != 100 {
		t.Errorf("LAS %v on the training sentences with gold tags, want 100", res["las"])
	}
	for _, args := range [][]string{
		{"eval", "ud", "--conllu", tiny, "--beam", "65"},
		{"train", "parse", "--train", tiny, "--jackknife", "0", "--beam", "-1", "--out", model},
		{"train", "parse", "--train", tiny, "--jackknife", "0", "--beam", "4", "--beam-update", "late", "--out", model},
	} {
		if _, errs, code := run(t, "", args...); code == 0 || errs == "" {
			t.Errorf("%q: exit %d, stderr %q; want a failure", args, code, errs)
		}
	}
}
