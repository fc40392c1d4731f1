package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/clean"
	"github.com/sitrep/sitrep/fold"
	"github.com/sitrep/sitrep/pipeline"
	"github.com/sitrep/sitrep/render"
	"github.com/sitrep/sitrep/schema"
	"github.com/sitrep/sitrep/segment"
	"github.com/sitrep/sitrep/tokenize"
)

var update = flag.Bool("update", false, "rewrite golden files")

// textLayer is the clean → segment → tokenize pipeline alone, so the golden
// files of the text layer do not change when later stages improve.
func textLayer(tb testing.TB) *sitrep.Pipeline {
	tb.Helper()
	c, err := clean.New(clean.DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	s, err := segment.New(segment.DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	return &sitrep.Pipeline{Stages: []sitrep.Stage{c, s, tokenize.Tokenizer{}}}
}

func readReport(tb testing.TB, path string) sitrep.Article {
	tb.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	a := sitrep.Article{Text: string(text), Language: "en"}
	if m, err := os.ReadFile(strings.TrimSuffix(path, ".txt") + ".meta.json"); err == nil {
		var meta struct{ Title, Published string }
		if err := json.Unmarshal(m, &meta); err != nil {
			tb.Fatal(err)
		}
		a.Title = meta.Title
		if meta.Published != "" {
			if a.Published, err = sitrep.ParsePublished(meta.Published); err != nil {
				tb.Fatal(err)
			}
		}
	}
	return a
}

// layerView is what the text-layer golden files hold: regions, and each
// sentence with its tokens, as text.
type layerView struct {
	Regions   []sitrep.Region `json:"regions"`
	Sentences []struct {
		Text   string   `json:"text"`
		Tokens []string `json:"tokens"`
	} `json:"sentences"`
}

func view(doc *sitrep.Document) layerView {
	v := layerView{Regions: doc.Regions}
	for i, s := range doc.Sentences {
		var toks []string
		for _, t := range doc.SentenceTokens(i) {
			toks = append(toks, t.Text)
		}
		v.Sentences = append(v.Sentences, struct {
			Text   string   `json:"text"`
			Tokens []string `json:"tokens"`
		}{doc.Slice(s.Span), toks})
	}
	return v
}

func TestTextLayerGolden(t *testing.T) {
	reports, err := filepath.Glob("../testdata/reports/*.txt")
	if err != nil || len(reports) == 0 {
		t.Fatalf("no reports under ../testdata/reports: %v", err)
	}
	p := textLayer(t)
	for _, path := range reports {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			doc := sitrep.NewDocument(readReport(t, path))
			if err := p.Run(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(view(doc), "", " ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
				t.Errorf("text layer of %s differs from %s; rerun with -update after checking the change", name, golden)
			}
		})
	}
}

// TestDefaultPipelineOutputMatchesSchema runs the full default pipeline and
// validates its JSON against the contract.
func TestDefaultPipelineOutputMatchesSchema(t *testing.T) {
	p, err := pipeline.New(pipeline.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	reports, _ := filepath.Glob("../testdata/reports/*.txt")
	for _, path := range reports {
		doc := sitrep.NewDocument(readReport(t, path))
		if err := p.Run(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := render.JSON(&buf, doc, render.Options{Tokens: true}); err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(buf.Bytes()); err != nil {
			t.Errorf("%s: %v", path, err)
		}
		checkOffsets(t, doc)
	}
}

// checkOffsets asserts that every span of the document slices the input.
func checkOffsets(t *testing.T, doc *sitrep.Document) {
	t.Helper()
	n := len(doc.Article.Text)
	bad := func(what string, s sitrep.Span) {
		if s.Start < 0 || s.End > n || s.Start > s.End {
			t.Errorf("%s span %v outside text of %d bytes", what, s, n)
		}
	}
	for _, r := range doc.Regions {
		bad("region", r.Span)
	}
	for _, s := range doc.Sentences {
		bad("sentence", s.Span)
	}
	for _, tk := range doc.Tokens {
		bad("token", tk.Span)
	}
	for _, e := range doc.Entities {
		bad("entity", e.Span)
		if doc.Slice(e.Span) != e.Text && !strings.Contains(e.Text, "\n") && len(e.Text) == e.Len() {
			t.Errorf("entity text %q does not match its span %q", e.Text, doc.Slice(e.Span))
		}
	}
	for _, p := range doc.Places {
		bad("place", p.Span)
	}
	for _, e := range doc.Events {
		bad("event evidence", e.Evidence.Span)
	}
}

// TestSeedReport checks the acceptance traps of the foundation on the shared
// seed report. It skips when ../shared is absent.
func TestSeedReport(t *testing.T) {
	const path = "../../shared/seed/libya-report.txt"
	if _, err := os.Stat(path); err != nil {
		t.Skip("shared seed report not present:", err)
	}
	a := readReport(t, path)
	doc := sitrep.NewDocument(a)
	if err := textLayer(t).Run(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	kinds := map[sitrep.RegionKind][]sitrep.Region{}
	for _, r := range doc.Regions {
		kinds[r.Kind] = append(kinds[r.Kind], r)
	}
	if h := kinds[sitrep.Headline]; len(h) != 1 || doc.Slice(h[0].Span) != a.Title {
		t.Errorf("headline = %v, want the title line", h)
	}
	if c := kinds[sitrep.Caption]; len(c) != 1 || c[0].Date != "2019-04-29" || !strings.HasPrefix(doc.Slice(c[0].Span), "Fighters loyal") {
		t.Errorf("caption = %+v, want the first paragraph dated 2019-04-29", c)
	}
	footer := false
	for _, r := range kinds[sitrep.Boilerplate] {
		if strings.Contains(doc.Slice(r.Span), "issues with commenting") {
			footer = true
		}
	}
	if !footer {
		t.Error("comment footer not marked as boilerplate")
	}
	var sents []string
	for _, s := range doc.Sentences {
		sents = append(sents, doc.Slice(s.Span))
		if strings.Contains(doc.Slice(s.Span), "commenting") {
			t.Error("boilerplate was segmented")
		}
	}
	// Sentence ends the seed must get right.
	ends := []string{
		"Retreat from Libyan Capital",
		"Tripoli on April 29, 2019.",
		"Bloomberg reported on Sunday.",
		"also supported by Turkey.",
		"Alaywan said.",
		"according to Reuters’ report.",
		"Al Jazeera’s report.",
		"Hamza, Yarmouk, and al-Sawarikh.",
		"auspices of the U.N.”",
	}
	for _, e := range ends {
		found := false
		for _, s := range sents {
			if strings.HasSuffix(fold.String(s), fold.String(e)) {
				found = true
			}
		}
		if !found {
			t.Errorf("no sentence ends with %q", e)
		}
	}
	if len(sents) != 20 {
		t.Errorf("got %d sentences, want 20:\n%s", len(sents), strings.Join(sents, "\n"))
	}
}

// BenchmarkTextLayer measures clean + segment + tokenize throughput on the
// project's own reports, in MB/s of input.
func BenchmarkTextLayer(b *testing.B) {
	reports, _ := filepath.Glob("../testdata/reports/*.txt")
	var arts []sitrep.Article
	total := 0
	for _, path := range reports {
		a := readReport(b, path)
		arts = append(arts, a)
		total += len(a.Text)
	}
	p := textLayer(b)
	ctx := context.Background()
	b.SetBytes(int64(total))
	b.ReportAllocs()
	doc := &sitrep.Document{}
	for b.Loop() {
		for _, a := range arts {
			doc.Reset(a)
			if err := p.Run(ctx, doc); err != nil {
				b.Fatal(err)
			}
		}
	}
}
