package main_test

import (
	"encoding/json"
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
