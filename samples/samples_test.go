package samples_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/samples"
)

// TestReports checks every sample has the metadata the demo shows: a
// title, a publication date, an outlet and a URL under .invalid, so no
// sample passes for real reporting.
func TestReports(t *testing.T) {
	names := samples.Reports()
	if len(names) < 10 {
		t.Fatalf("%d sample reports; the demo needs at least 10", len(names))
	}
	src := samples.Source()
	defer src.Close()
	n := 0
	outlets := map[string]bool{}
	for {
		it, ok := src.Next(context.Background())
		if !ok {
			break
		}
		n++
		t.Run(it.Origin, func(t *testing.T) {
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			a := it.Article
			switch {
			case a.Title == "":
				t.Error("no title")
			case a.Published.IsZero() || a.Published.Before(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)):
				t.Errorf("published %v", a.Published)
			case a.Outlet == "" || !strings.HasPrefix(a.Outlet, "Demo "):
				t.Errorf("outlet %q must be named as a demonstration outlet", a.Outlet)
			case !strings.HasSuffix(strings.SplitN(strings.TrimPrefix(a.URL, "https://"), "/", 2)[0], ".invalid"):
				t.Errorf("url %q must be under the reserved .invalid domain", a.URL)
			case !strings.HasPrefix(a.Text, a.Title):
				t.Errorf("the text does not open with the title %q", a.Title)
			}
			outlets[a.Outlet] = true
		})
	}
	if n != len(names) || src.Err() != nil {
		t.Fatalf("read %d of %d; err %v", n, len(names), src.Err())
	}
	if len(outlets) < 5 {
		t.Errorf("%d outlets; the demo shows sources from several", len(outlets))
	}
}

func TestReadMissing(t *testing.T) {
	if _, err := samples.Read("reports/nope.txt"); err == nil {
		t.Fatal("no error for a missing sample")
	}
}
