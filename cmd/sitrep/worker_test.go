package main_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/internal/natstest"
)

// TestQueueWorkers publishes the fixture reports to a NATS JetStream
// queue and lets two worker processes drain it into one SQLite file: every
// report is stored once, and publishing again adds nothing.
func TestQueueWorkers(t *testing.T) {
	url := natstest.Start(t)

	dir := t.TempDir()
	bad := filepath.Join(dir, "latin1.txt")
	if err := os.WriteFile(bad, []byte("Caf\xe9 attack"), 0o644); err != nil {
		t.Fatal(err)
	}
	reports, _ := filepath.Glob("../../testdata/reports/*.txt")
	_, errs, code := runEnv(t, nil, "", "ingest", "--queue", url, "../../testdata/reports", bad)
	if code != 0 || !strings.Contains(errs, fmt.Sprintf("published %d articles", len(reports))) || !strings.Contains(errs, "1 bad inputs") {
		t.Fatalf("publish (exit %d): %s", code, errs)
	}

	db := filepath.Join(dir, "s.db")
	var wg sync.WaitGroup
	outs := make([]string, 2)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(bin, "worker", "--queue", url, "--db", db, "--drain", "--workers", "1")
			b, err := cmd.CombinedOutput()
			if err != nil {
				t.Errorf("worker %d: %v\n%s", i, err, b)
			}
			outs[i] = string(b)
		}()
	}
	wg.Wait()
	s := openDB(t, db)
	defer s.Close()
	page, err := s.Articles(context.Background(), sitrep.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Articles) != len(reports) {
		t.Fatalf("%d articles stored, want %d; workers said:\n%s\n%s", len(page.Articles), len(reports), outs[0], outs[1])
	}
	events, err := s.Events(context.Background(), sitrep.EventFilter{})
	if err != nil || len(events.Events) == 0 {
		t.Errorf("no events stored (%v)", err)
	}

	// Publishing the same reports again: the broker drops them.
	_, errs, code = runEnv(t, nil, "", "ingest", "--queue", url, "../../testdata/reports")
	if code != 0 || !strings.Contains(errs, fmt.Sprintf("published 0 articles to %s (%d already queued", url, len(reports))) {
		t.Errorf("republish (exit %d): %s", code, errs)
	}
	_, errs, code = runEnv(t, nil, "", "worker", "--queue", "nats://127.0.0.1:1", "--db", db, "--drain")
	if code != 2 || !strings.Contains(errs, "cannot reach NATS") {
		t.Errorf("worker without a server: exit %d, %s", code, errs)
	}
}
