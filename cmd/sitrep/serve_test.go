package main_test

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// started runs the binary with args until the test ends and returns the
// URL it says it serves on.
func started(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	urlc := make(chan string, 1)
	var log strings.Builder
	go func() {
		re := regexp.MustCompile(`serving (http://127\.0\.0\.1:\d+/)`)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			log.WriteString(sc.Text() + "\n")
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				urlc <- m[1]
			}
		}
		exited <- cmd.Wait()
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGINT)
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("%v exited with %v after SIGINT:\n%s", args, err, log.String())
			}
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			t.Errorf("%v did not stop within 10s of SIGINT", args)
		}
	})
	select {
	case u := <-urlc:
		return u
	case err := <-exited:
		t.Fatalf("%v exited before serving: %v\n%s", args, err, log.String())
	case <-time.After(60 * time.Second):
		t.Fatalf("%v did not serve within 60s:\n%s", args, log.String())
	}
	return ""
}

func get(t *testing.T, method, u string, header ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(`{"text": "x"}`))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestDemoThenServe runs README's first command (sitrep demo) on a free
// port with a store file, checks it serves the sample events and the UI,
// then serves that file again with sitrep serve, writes off and on.
func TestDemoThenServe(t *testing.T) {
	if testing.Short() {
		t.Skip("starts servers")
	}
	db := filepath.Join(t.TempDir(), "demo.db")
	t.Run("demo", func(t *testing.T) {
		base := started(t, "demo", "--db", db, "--addr", "127.0.0.1:0")
		code, body := get(t, "GET", base+"api/v1/events.geojson?limit=1000")
		if code != 200 {
			t.Fatalf("events.geojson: %d %s", code, body)
		}
		var fc struct {
			Features []struct {
				Geometry   *struct{ Coordinates [2]float64 }
				Properties struct{ Place string }
			}
		}
		if err := json.Unmarshal([]byte(body), &fc); err != nil {
			t.Fatal(err)
		}
		located, tripoli := 0, false
		for _, f := range fc.Features {
			if f.Geometry != nil {
				located++
				tripoli = tripoli || f.Properties.Place == "Tripoli"
			}
		}
		if len(fc.Features) < 20 || located < 10 || !tripoli {
			t.Errorf("demo serves %d events, %d located, Tripoli among them: %v; want the sample reports' events on a map", len(fc.Features), located, tripoli)
		}
		code, body = get(t, "GET", base)
		if code != 200 || !strings.Contains(body, `<div id="map"`) {
			t.Errorf("GET /: %d %.200s", code, body)
		}
		if code, body = get(t, "GET", base+"api/v1/info"); code != 200 || !strings.Contains(body, `"demo":true`) {
			t.Errorf("info: %d %s", code, body)
		}
	})
	t.Run("serve", func(t *testing.T) {
		base := started(t, "serve", "--db", db, "--addr", "127.0.0.1:0")
		if code, body := get(t, "GET", base+"healthz"); code != 200 {
			t.Errorf("healthz: %d %s", code, body)
		}
		if code, body := get(t, "GET", base+"api/v1/info"); code != 200 || !strings.Contains(body, `"demo":false`) || !strings.Contains(body, `"writes":false`) {
			t.Errorf("info: %d %s", code, body)
		}
		if code, body := get(t, "POST", base+"api/v1/articles", "Content-Type", "application/json"); code != 403 || !strings.Contains(body, "writes are off") {
			t.Errorf("POST without a token configured: %d %s; want 403, writes are off", code, body)
		}
	})
	t.Run("serve-writes", func(t *testing.T) {
		token := "serve-test-token-0123456789"
		base := started(t, "serve", "--db", db, "--addr", "127.0.0.1:0", "--token", token)
		if code, body := get(t, "POST", base+"api/v1/articles", "Content-Type", "application/json"); code != 401 {
			t.Errorf("POST without the token: %d %s; want 401", code, body)
		}
		text := "Fighters shelled the town of Sirte on Monday, killing four people, officials said on Tuesday."
		req := `{"text": "` + text + `", "title": "Shelling in Sirte", "published": "2024-07-02", "outlet": "Demo Test Desk"}`
		r, err := http.NewRequest("POST", base+"api/v1/articles", strings.NewReader(req))
		if err != nil {
			t.Fatal(err)
		}
		r.Header.Set("Authorization", "Bearer "+token)
		r.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(r)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 201 || !strings.Contains(string(b), `"status":"new"`) {
			t.Fatalf("POST an article: %d %s", resp.StatusCode, b)
		}
		if code, body := get(t, "GET", base+"api/v1/articles?q=Sirte&outlet=Demo+Test+Desk"); code != 200 || !strings.Contains(body, "Shelling in Sirte") {
			t.Errorf("the posted article is not listed: %d %s", code, body)
		}
	})
}

// TestServeNeedsAStore checks serve refuses a store that does not exist
// rather than serving an empty one.
func TestServeNeedsAStore(t *testing.T) {
	_, errs, code := run(t, "", "serve", "--db", filepath.Join(t.TempDir(), "none.db"))
	if code != 2 || !strings.Contains(errs, "ingest something first") {
		t.Errorf("exit %d: %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(t.TempDir(), "none.db")); err == nil {
		t.Error("serve created a store")
	}
}
