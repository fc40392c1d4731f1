package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestActorsShowAndList(t *testing.T) {
	out, errs, code := run(t, "", "actors", "show", "Wagner Company")
	if code != 0 || !strings.Contains(out, "id:       RUS-WAGNER") || !strings.Contains(out, "kind:     mercenary") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	out, errs, code = run(t, "", "actors", "list", "--country", "LBY", "--kind", "military")
	if code != 0 || !strings.Contains(out, "LBY-LNA") || strings.Contains(out, "LBY-GNA") || !strings.Contains(errs, "patterns") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if _, errs, code := run(t, "", "actors", "show", "Nobody At All"); code != 2 || !strings.Contains(errs, "no actor") {
		t.Fatalf("exit %d, stderr %q; want 2 and a clear message", code, errs)
	}
}

func TestActorsCheck(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(good, []byte("actors:\n  - {id: XYZ-KLF, name: Kordofan Liberation Front, aliases: [KLF], kind: rebel, country: SDN}\n  - {id: LBY-LNA, aliases: [Haftar's army]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("id,name,kind\nA-B,Alpha,rebel\nA-C,Gamma,gang\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "", "actors", "check", good)
	if code != 0 || !strings.Contains(out, "ok: 2 actors (1 new, 1 overriding shipped ones)") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	_, errs, code = run(t, "", "actors", "check", bad)
	if code != 2 || !strings.Contains(errs, "bad.csv:3: actor A-C: unknown kind \"gang\"") {
		t.Fatalf("exit %d, stderr %q; want 2 and the line of the error", code, errs)
	}
	out, errs, code = run(t, "", "actors", "show", "--dict", good, "KLF")
	if code != 0 || !strings.Contains(out, "XYZ-KLF") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestExtractFillsActors(t *testing.T) {
	out, errs, code := run(t, "", "extract", fixture)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{`"actors":[`, `"id":"SDN-RSF"`, `"actor_id":"SDN-SAF"`, `"type":"LEADS"`} {
		if !strings.Contains(out, want) {
			t.Errorf("extract output lacks %s", want)
		}
	}
}

// TestExtractWithOwnActors gives extract a user dictionary with --actors:
// its new actor is recognised, and a file that does not exist is refused.
func TestExtractWithOwnActors(t *testing.T) {
	dir := t.TempDir()
	dict := filepath.Join(dir, "mine.yaml")
	if err := os.WriteFile(dict, []byte("actors:\n  - {id: SDN-XBR, name: Kordofan Border Brigade, aliases: [Border Brigade], kind: militia, country: SDN}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(dir, "r.txt")
	if err := os.WriteFile(report, []byte("Fighters of the Border Brigade attacked a market in Kadugli on Monday, witnesses said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := run(t, "", "extract", "--published", "2024-03-04", report)
	if code != 0 || strings.Contains(out, `"SDN-XBR"`) {
		t.Fatalf("without the file: exit %d, %s; the actor must be unknown", code, errs)
	}
	out, errs, code = run(t, "", "extract", "--actors", dict, "--published", "2024-03-04", report)
	if code != 0 || !strings.Contains(out, `"id":"SDN-XBR"`) {
		t.Fatalf("with --actors: exit %d, %s; want the actor SDN-XBR in the output", code, errs)
	}
	if _, errs, code = run(t, "", "extract", "--actors", filepath.Join(dir, "missing.yaml"), report); code == 0 || !strings.Contains(errs, "missing.yaml") {
		t.Fatalf("a missing dictionary: exit %d, %s", code, errs)
	}
}
