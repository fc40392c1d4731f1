package main_test

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestEvalACLED(t *testing.T) {
	out, errs, code := run(t, "", "eval", "acled", "--csv", "../../eval/acled/testdata/rows.csv", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res struct {
		Rows      int     `json:"rows"`
		EventType float64 `json:"event_type"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if res.Rows != 3 || res.EventType != 1 {
		t.Errorf("rows %d, event type %.2f; want 3 and 1", res.Rows, res.EventType)
	}
}

func TestEvalPlover(t *testing.T) {
	out, errs, code := run(t, "", "eval", "plover", "--file", "../../eval/plover/testdata/gold.json")
	if code != 0 || !strings.Contains(out, "type accuracy 1.000") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestEvalMissingFile(t *testing.T) {
	_, errs, code := run(t, "", "eval", "acled", "--csv", "no-such-file.csv")
	if code != 2 || !strings.Contains(errs, "no-such-file.csv") {
		t.Fatalf("exit %d, stderr %q; want 2 and the file named", code, errs)
	}
}
