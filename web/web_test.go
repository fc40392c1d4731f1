package web_test

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/web"
)

// TestAssets checks the embedded build: index.html loads only files that
// are embedded, from the server itself, and holds no inline script or
// style, which the server's content security policy would refuse.
func TestAssets(t *testing.T) {
	a := web.Assets()
	b, err := fs.ReadFile(a, "index.html")
	if err != nil {
		t.Fatalf("no index.html in web/dist: rebuild with (cd web && npm ci && npm run build): %v", err)
	}
	html := string(b)
	refs := regexp.MustCompile(`(?:src|href)="([^"]*)"`).FindAllStringSubmatch(html, -1)
	var js, css int
	for _, m := range refs {
		ref := m[1]
		switch {
		case ref == "data:,": // the empty favicon
			continue
		case !strings.HasPrefix(ref, "/assets/"):
			t.Errorf("index.html loads %q, not from /assets/ on the server", ref)
			continue
		}
		name := strings.TrimPrefix(ref, "/")
		if _, err := fs.Stat(a, name); err != nil {
			t.Errorf("index.html loads %s, which is not embedded: %v", ref, err)
		}
		if strings.HasSuffix(ref, ".js") {
			js++
		}
		if strings.HasSuffix(ref, ".css") {
			css++
		}
	}
	if js != 1 || css != 1 {
		t.Errorf("index.html loads %d scripts and %d style sheets; want the one bundle of each", js, css)
	}
	if regexp.MustCompile(`<script>|<style|style="|\son[a-z]+=`).MatchString(html) {
		t.Error("index.html holds inline script or style, which the content security policy refuses")
	}
	if strings.Contains(html, "{{") {
		t.Error("index.html still holds a template placeholder")
	}
	// Nothing in the bundle reaches out of the server for tiles or code.
	err = fs.WalkDir(a, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".js") {
			return err
		}
		b, err := fs.ReadFile(a, p)
		if err != nil {
			return err
		}
		for _, host := range []string{"tile.openstreetmap.org", "unpkg.com", "cdn.jsdelivr.net", "api.mapbox.com"} {
			if strings.Contains(string(b), host) {
				t.Errorf("%s names %s: the UI must load nothing from outside", p, host)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
