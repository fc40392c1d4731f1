package dedup_test

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/dedup"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"not a url", ""},
		{"ftp://example.com/a", ""},
		{"https://www.Example.com/news/story-1/", "https://example.com/news/story-1"},
		{"http://example.com:80/news/story-1#comments", "https://example.com/news/story-1"},
		{"https://example.com/news/story-1?utm_source=tw&utm_medium=social&fbclid=x", "https://example.com/news/story-1"},
		{"https://amp.example.com/news/story-1/amp", "https://example.com/news/story-1"},
		{"https://example.com/item?id=2&b=1&utm_campaign=z", "https://example.com/item?b=1&id=2"},
		{"https://example.com:8443/a", "https://example.com:8443/a"},
		{"http://..", ""},
		{"http://\u0085#", ""},
		{"https://münchen.example/a", "https://münchen.example/a"},
		{"https://example.com./a", "https://example.com/a"},
		{"https://www.m.example.com/a", "https://example.com/a"},
		{"https://m.com/a", "https://m.com/a"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := dedup.CanonicalURL(tt.in); got != tt.want {
				t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestContentHash(t *testing.T) {
	a := "Militants attacked the base on Monday.\n\nThree soldiers were killed."
	same := []string{
		"Militants attacked the base on Monday.\r\n\r\nThree soldiers were killed.",
		"  militants  attacked the BASE on Monday. Three soldiers were killed.  ",
	}
	for _, s := range same {
		if dedup.ContentHash(s) != dedup.ContentHash(a) {
			t.Errorf("ContentHash(%q) differs from ContentHash(%q)", s, a)
		}
	}
	if dedup.ContentHash(a) == dedup.ContentHash("Militants attacked the base on Tuesday. Three soldiers were killed.") {
		t.Error("different texts hash the same")
	}
	if dedup.ContentHash("it’s") != dedup.ContentHash("it's") {
		t.Error("curly apostrophe not folded")
	}
}

// wire is a report long enough for a meaningful SimHash.
const wire = `Fighters loyal to the eastern commander launched an assault on the airport south of the capital on Tuesday, ` +
	`according to officials in the unity government, who said at least twelve people were killed and dozens wounded in the ` +
	`fighting that lasted several hours. Residents of nearby districts reported heavy shelling overnight and columns of ` +
	`smoke rising above the runway. The government said its forces had repelled the attack and captured several vehicles, ` +
	`while a spokesman for the attackers claimed they had taken the terminal building. The United Nations mission called ` +
	`for an immediate halt to the fighting and for safe passage for civilians trapped in the area.`

func TestNearDuplicates(t *testing.T) {
	cfg := dedup.DefaultConfig()
	base := cfg.Of(&sitrep.Article{Text: wire})
	if len(base.MinHash) != dedup.NumHashes || len(base.Bands) != dedup.NumBands {
		t.Fatalf("a 100-word report got %d hashes and %d bands", len(base.MinHash), len(base.Bands))
	}
	tests := []struct {
		name string
		text string
		near bool
	}{
		{"syndicated copy with a credit line", wire + " (Reporting by the agency's Tripoli bureau.)", true},
		{"copy with an edited word", strings.Replace(wire, "several hours", "many hours", 1), true},
		{"differently worded report", `The eastern forces attacked the airport on Tuesday and officials said twelve people died. ` +
			`Witnesses described shelling through the night. The attackers claimed to hold the terminal, which the government ` +
			`denied, saying its troops pushed them back and seized vehicles. A UN envoy urged both sides to stop and let ` +
			`civilians leave the district around the runway.`, false},
		{"the same template, other numbers and places", strings.NewReplacer("airport", "port", "south", "west", "Tuesday", "Sunday",
			"twelve", "three", "dozens", "two", "several hours", "the night", "several vehicles", "a tank", "terminal", "harbour",
			"United Nations mission", "African Union envoy", "civilians", "families").Replace(wire), false},
		{"unrelated report", strings.Repeat("Farmers gathered in the market square to protest against new grain prices. ", 6), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fp := cfg.Of(&sitrep.Article{Text: tt.text})
			sim, near := cfg.Near(base.MinHash, fp.MinHash)
			if near != tt.near {
				t.Errorf("near = %v (similarity %.2f), want %v", near, sim, tt.near)
			}
			if near && !sharesBand(base.Bands, fp.Bands) {
				t.Errorf("near-duplicates share no band: the store index would miss them")
			}
		})
	}
}

func sharesBand(a, b []int64) bool {
	for i := range a {
		if a[i] == b[i] {
			return true
		}
	}
	return false
}

func TestShortTextsMatchOnlyExactly(t *testing.T) {
	fp := dedup.DefaultConfig().Of(&sitrep.Article{Text: "Rebels seized the town on Monday."})
	if fp.MinHash != nil || fp.Bands != nil {
		t.Errorf("a 6-word text got a signature; want none (exact matching only)")
	}
	if _, near := dedup.DefaultConfig().Near(nil, nil); near {
		t.Error("two empty signatures count as near")
	}
}

func TestValidate(t *testing.T) {
	if err := dedup.DefaultConfig().Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []dedup.Config{{MinSimilarity: 0, MinWords: 40}, {MinSimilarity: 1.5, MinWords: 40}, {MinSimilarity: 0.7, MinWords: 1}} {
		if err := c.Validate(); err == nil {
			t.Errorf("Validate(%+v) = nil", c)
		}
	}
}

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{"https://www.example.com/a/?utm_source=x#f", "http://[::1]:80/", "%zz", "https://a/b?c=%ff", "http://..",
		"https://www.www.m.example.com/", "http://m.com/x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := dedup.CanonicalURL(s)
		if c == "" {
			return
		}
		if again := dedup.CanonicalURL(c); again != c {
			t.Errorf("not idempotent: %q → %q → %q", s, c, again)
		}
	})
}

func FuzzMinHash(f *testing.F) {
	f.Add(wire)
	f.Add("\xff\xfe word")
	f.Fuzz(func(t *testing.T, s string) {
		h1, n1 := dedup.MinHash(s)
		h2, n2 := dedup.MinHash(s)
		if n1 != n2 || dedup.Similarity(h1, h2) != 1 {
			t.Error("MinHash is not deterministic")
		}
		if len(dedup.Bands(h1)) != dedup.NumBands {
			t.Error("wrong number of bands")
		}
		_ = dedup.ContentHash(s)
	})
}

func BenchmarkFingerprint(b *testing.B) {
	a := &sitrep.Article{URL: "https://www.example.com/news/1?utm_source=x", Text: strings.Repeat(wire+"\n\n", 4)}
	cfg := dedup.DefaultConfig()
	b.SetBytes(int64(len(a.Text)))
	for b.Loop() {
		cfg.Of(a)
	}
}
