package main_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runEnv runs the binary with extra environment variables.
func runEnv(t *testing.T, env []string, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = strings.NewReader(stdin)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

// TestGazetteerImport imports a small dump into a user gazetteer
// directory and checks that lookup and extract then know its places.
func TestGazetteerImport(t *testing.T) {
	env := []string{"SITREP_GAZETTEER_DIR=" + t.TempDir()}
	_, errs, code := runEnv(t, env, "", "gazetteer", "import", "--countries", "LY",
		"--alternate-names", "../../gazetteer/testdata/altnames.txt", "../../gazetteer/testdata/dump.txt")
	if code != 0 {
		t.Fatalf("import exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "skipped bad line") || !strings.Contains(errs, "wrote gazetteer") {
		t.Errorf("import log does not report bad lines and the file: %s", errs)
	}
	out, errs, code := runEnv(t, env, "", "gazetteer", "lookup", "--json", "Bir Testah")
	if code != 0 {
		t.Fatalf("lookup exit %d: %s", code, errs)
	}
	var m struct {
		GeonamesID int64 `json:"geonames_id"`
		Name       string
	}
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &m); err != nil || m.GeonamesID != 99000001 {
		t.Fatalf("lookup: %q (%v)", out, err)
	}
	out, errs, code = runEnv(t, env, "Shelling was reported in Bir Testa, west of Tarhuna, on Monday.\n", "extract", "-")
	if code != 0 {
		t.Fatalf("extract exit %d: %s", code, errs)
	}
	var doc struct {
		Places []struct {
			Text       string
			GeonamesID int64 `json:"geonames_id"`
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range doc.Places {
		found = found || p.Text == "Bir Testa" && p.GeonamesID == 99000001
	}
	if !found {
		t.Errorf("extract does not use the imported gazetteer: %+v", doc.Places)
	}
	info, _, _ := runEnv(t, env, "", "gazetteer", "info")
	if !strings.Contains(info, filepath.Join("dump.gaz")) {
		t.Errorf("info does not list the imported file: %s", info)
	}
}

func TestGazetteerImportNothing(t *testing.T) {
	env := []string{"SITREP_GAZETTEER_DIR=" + t.TempDir()}
	_, errs, code := runEnv(t, env, "", "gazetteer", "import", "--countries", "FR", "../../gazetteer/testdata/dump.txt")
	if code == 0 || !strings.Contains(errs, "nothing to add") {
		t.Errorf("import of nothing: exit %d, %s", code, errs)
	}
}

func TestEvalGeoNeedsCorpus(t *testing.T) {
	_, _, code := run(t, "", "eval", "geo", "--corpus", "/nonexistent.xml")
	if code == 0 {
		t.Error("eval geo with a missing corpus succeeded")
	}
	out, errs, code := run(t, "", "eval", "geo", "--json", "--corpus", "../../eval/geo/testdata/gwn-sample.xml")
	if code != 0 || !strings.Contains(out, `"recognition"`) {
		t.Errorf("eval geo on a sample: exit %d %s %s", code, out, errs)
	}
}
