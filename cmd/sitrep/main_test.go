package main_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/schema"
)

var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sitrep-bin")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "sitrep")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		panic("build sitrep: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

const fixture = "../../testdata/reports/sudan-el-fasher.txt"

func TestExtractJSON(t *testing.T) {
	out, errs, code := run(t, "", "extract", "--tokens", fixture)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if err := schema.Validate([]byte(out)); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Article struct {
			Title, Published string
			Regions          []struct{ Kind, Date string }
		}
		Sentences []struct{ Text string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	// Metadata comes from the sidecar file.
	if doc.Article.Published != "2024-01-17" || !strings.HasPrefix(doc.Article.Title, "RSF Fighters") {
		t.Errorf("metadata not read from the sidecar: %+v", doc.Article)
	}
	if len(doc.Sentences) == 0 || doc.Article.Regions[0].Kind != "headline" {
		t.Errorf("unexpected document: %+v", doc)
	}
}

func TestExtractFlagsOverrideSidecar(t *testing.T) {
	out, errs, code := run(t, "", "extract", "--published", "2024-02-01", "--outlet", "Wire", fixture)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"published":"2024-02-01"`) || !strings.Contains(out, `"outlet":"Wire"`) {
		t.Errorf("flags did not win over the sidecar: %.300s", out)
	}
}

func TestExtractText(t *testing.T) {
	out, errs, code := run(t, "", "extract", "--format", "text", fixture)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"RSF Fighters Pull Back", "caption dated 2024-01-14", "dropped byline", "sentences:"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

func TestExtractStdin(t *testing.T) {
	out, errs, code := run(t, "Troops withdrew from the town. Shelling resumed.", "extract", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if err := schema.Validate([]byte(out)); err != nil {
		t.Fatal(err)
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing file", []string{"extract", "no/such/file.txt"}, "open report"},
		{"bad date", []string{"extract", "--published", "soon", fixture}, "--published"},
		{"too large", []string{"extract", "--max-bytes", "10", fixture}, "larger than 10 bytes"},
		{"bad format", []string{"extract", "--format", "xml", fixture}, "format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, code := run(t, "", tt.args...)
			if code == 0 || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want failure mentioning %q", code, errs, tt.want)
			}
		})
	}
}

func TestExtractJSONLBatch(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"one","text":"Rebels seized the town on Monday.","published":"2024-01-02"}`,
		`not json`,
		``,
		`{"id":"three","text":"The army withdrew. Talks resumed in Geneva."}`,
		"{\"id\":\"four\",\"text\":\"bad \xff byte\"}",
		`{"id":"five"}`,
	}, "\n")
	out, errs, code := run(t, in, "extract", "--jsonl", "--workers", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got []map[string]any
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("output line is not JSON: %v", err)
		}
		got = append(got, m)
	}
	if len(got) != 5 {
		t.Fatalf("got %d output lines, want 5 (blank input skipped):\n%s", len(got), out)
	}
	wantIDs := []any{"one", nil, "three", "four", "five"}
	wantErr := []bool{false, true, false, true, true}
	for i, m := range got {
		if m["id"] != wantIDs[i] {
			t.Errorf("line %d id = %v, want %v", i, m["id"], wantIDs[i])
		}
		if _, isErr := m["error"]; isErr != wantErr[i] {
			t.Errorf("line %d error = %v, want error %v", i, m["error"], wantErr[i])
		}
		if !wantErr[i] {
			b, _ := json.Marshal(m)
			if err := schema.Validate(b); err != nil {
				t.Errorf("line %d: %v", i, err)
			}
		}
	}
	if got[1]["line"] != float64(2) {
		t.Errorf("error line does not name input line 2: %v", got[1])
	}
}
