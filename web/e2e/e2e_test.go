// Package e2e runs the web UI's browser tests (ui.test.mjs, playwright-core
// driving Chromium) against a real server: a SQLite store holding the
// sample reports, as sitrep demo codes them, a hostile article whose title
// and text carry a <script> and an onerror attribute, and, when ../shared is
// beside the repository, the project's seed report.
//
// They need node, Chromium (/usr/bin/chromium, or SITREP_CHROMIUM) and
// playwright-core installed in web/ (cd web && npm ci). Without them the
// test skips and says what is missing; with SITREP_REQUIRE_BROWSER=1 (set
// by .ci/run) it fails instead.
package e2e

import (
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/sitrep/sitrep/corroborate"
	"github.com/sitrep/sitrep/dedup"
	"github.com/sitrep/sitrep/ingest"
	"github.com/sitrep/sitrep/samples"
	"github.com/sitrep/sitrep/server"
	"github.com/sitrep/sitrep/source/text"
	"github.com/sitrep/sitrep/sqlite"
	"github.com/sitrep/sitrep/web"
)

// need skips the test, or fails it when browsers are required, when a
// tool is missing.
func need(t *testing.T, what, how string, ok bool) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("SITREP_REQUIRE_BROWSER") != "" {
		t.Fatalf("browser tests need %s (%s); SITREP_REQUIRE_BROWSER is set, so this fails instead of skipping", what, how)
	}
	t.Skipf("browser tests skipped: no %s (%s)", what, how)
}

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	node, err := exec.LookPath("node")
	need(t, "node", "apt-get install nodejs npm", err == nil)
	chromium := os.Getenv("SITREP_CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	_, err = os.Stat(chromium)
	need(t, "Chromium at "+chromium, "apt-get install chromium, or set SITREP_CHROMIUM", err == nil)
	webDir, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	_, err = os.Stat(filepath.Join(webDir, "node_modules", "playwright-core", "package.json"))
	need(t, "playwright-core", "cd web && npm ci", err == nil)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dd := dedup.DefaultConfig()
	rule, err := corroborate.New(corroborate.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "e2e.db"), sqlite.Config{Dedup: dd, Corroborator: rule})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	more := []ingest.Named{{Name: "xss", Source: text.Open(filepath.Join("testdata", "xss.txt"), text.DefaultConfig())}}
	// The project's seed report, read from ../shared when it is there (it
	// is never copied into the repository): its events must be on the map.
	seedID := ""
	seed := filepath.Join(webDir, "..", "..", "shared", "seed", "libya-report.txt")
	if a, err := text.ReadFile(seed, text.DefaultConfig()); err == nil {
		seedID = a.ID
		more = append(more, ingest.Named{Name: "seed", Source: text.Open(seed, text.DefaultConfig())})
	} else {
		t.Logf("no seed report at %s (%v): its browser test skips", seed, err)
	}
	st, err := samples.Ingest(ctx, store, dd, nil, more...)
	if err != nil {
		t.Fatal(err)
	}
	if want := int64(len(samples.Reports()) + len(more)); st.New != want || st.Bad != 0 {
		t.Fatalf("ingest: %+v; want %d new articles and none bad", st, want)
	}

	cfg := server.DefaultConfig()
	cfg.Store, cfg.Assets, cfg.Demo = store, web.Assets(), true
	srv, err := server.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln, nil) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("server: %v", err)
		}
	}()

	shots := os.Getenv("SITREP_SHOTS")
	if shots == "" {
		shots = filepath.Join(webDir, "test-results")
	}
	tctx, tcancel := context.WithTimeout(ctx, 3*time.Minute)
	defer tcancel()
	cmd := exec.CommandContext(tctx, node, "--test", "--test-reporter=spec", filepath.Join("e2e", "ui.test.mjs"))
	cmd.Dir = webDir
	cmd.Env = append(os.Environ(), "SITREP_URL=http://"+ln.Addr().String(), "SITREP_CHROMIUM="+chromium, "SITREP_SHOTS="+shots, "SITREP_SEED_ARTICLE="+seedID)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	t.Logf("node --test e2e/ui.test.mjs:\n%s", out.String())
	if err != nil {
		t.Fatalf("browser tests failed: %v (screenshots in %s)", err, shots)
	}
	t.Logf("screenshots in %s", shots)
}
