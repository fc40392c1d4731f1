package relation_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/actor"
	"github.com/sitrep/sitrep/clean"
	"github.com/sitrep/sitrep/coref"
	"github.com/sitrep/sitrep/relation"
	"github.com/sitrep/sitrep/segment"
	"github.com/sitrep/sitrep/tokenize"
)

var update = flag.Bool("update", false, "rewrite golden files")

// who is the actor layer: text layer, then actor → coref → relation.
func who(tb testing.TB) *sitrep.Pipeline {
	tb.Helper()
	c, err := clean.New(clean.DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	s, err := segment.New(segment.DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	a, err := actor.New(actor.DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	return &sitrep.Pipeline{Stages: []sitrep.Stage{c, s, tokenize.Tokenizer{}, a, coref.Resolver{}, relation.Reader{}}}
}

func readReport(tb testing.TB, path string) sitrep.Article {
	tb.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	a := sitrep.Article{Text: string(text), Language: "en"}
	if m, err := os.ReadFile(strings.TrimSuffix(path, ".txt") + ".meta.json"); err == nil {
		var meta struct{ Published string }
		if err := json.Unmarshal(m, &meta); err != nil {
			tb.Fatal(err)
		}
		if meta.Published != "" {
			if a.Published, err = sitrep.ParsePublished(meta.Published); err != nil {
				tb.Fatal(err)
			}
		}
	}
	return a
}

// view is what the golden files hold, one readable line per item.
type view struct {
	Entities  []string `json:"entities"`
	Actors    []string `json:"actors"`
	Relations []string `json:"relations"`
}

func render(doc *sitrep.Document) view {
	var v view
	for _, e := range doc.Entities {
		s := fmt.Sprintf("%s %q %s", e.Kind, e.Text, e.ActorID)
		if e.Antecedent != nil {
			s += fmt.Sprintf(" -> %q", doc.Entities[*e.Antecedent].Text)
		}
		v.Entities = append(v.Entities, s)
	}
	for _, a := range doc.Actors {
		s := fmt.Sprintf("%s %q %s %s %s", a.ID, a.Name, a.Kind, a.Country, a.Sector)
		for _, r := range a.Roles {
			s += fmt.Sprintf(" [%s of %s%s]", r.Title, r.Of, r.OfName)
		}
		v.Actors = append(v.Actors, strings.Join(strings.Fields(s), " "))
	}
	for _, r := range doc.Relations {
		v.Relations = append(v.Relations, fmt.Sprintf("%s %s -> %s (%s) %q -> %q", r.Type, r.From.Name, r.To.Name, r.Modality, r.From.Text, r.To.Text))
	}
	return v
}

// reportPaths lists the shared fixture reports and this package's own.
func reportPaths(tb testing.TB) []string {
	tb.Helper()
	shared, err := filepath.Glob("../testdata/reports/*.txt")
	if err != nil || len(shared) == 0 {
		tb.Fatalf("no reports under ../testdata/reports: %v", err)
	}
	own, _ := filepath.Glob("testdata/reports/*.txt")
	return append(shared, own...)
}

// TestGolden runs the actor layer on every report in testdata/reports and
// compares a readable summary with relation/testdata/NAME.golden.json.
func TestGolden(t *testing.T) {
	reports := reportPaths(t)
	p := who(t)
	for _, path := range reports {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			doc := sitrep.NewDocument(readReport(t, path))
			if err := p.Run(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(render(doc), "", " ")
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
				t.Errorf("actors of %s differ from %s; rerun with -update after checking the diff", name, golden)
			}
		})
	}
}

// TestReports checks, report by report, the readings an analyst would
// insist on, so that a golden file accepted by mistake cannot hide them.
func TestReports(t *testing.T) {
	p := who(t)
	cases := []struct {
		report string
		// relations that must be read, as "TYPE from -> to" with names
		relations []string
		// entity text → actor id that must be resolved
		actors map[string]string
	}{
		{"drc-goma", []string{"SUPPORT Rwanda -> March 23 Movement", "LEADS Sultani Makenga -> March 23 Movement", "MEMBER_OF Guillaume Ndjike -> Armed Forces of the Democratic Republic of the Congo"},
			map[string]string{"FARDC": "COD-FARDC", "Congo River Alliance": "COD-AFC", "Félix Tshisekedi": "PER-FELIX-TSHISEKEDI", "MONUSCO": "IGO-MONUSCO"}},
		{"myanmar-rakhine", []string{"LOYAL_TO People's Defence Force", "MEMBER_OF Arakan Army -> Three Brotherhood Alliance"},
			map[string]string{"Arakan Army": "MMR-AA", "Min Aung Hlaing": "PER-MIN-AUNG-HLAING", "China": "CHN"}},
		{"gaza-rafah", []string{"SUPPORT Iran -> Houthi fighters"},
			map[string]string{"Israel Defense Forces": "ISR-IDF", "Hamas": "PSE-HAMAS", "UNRWA": "IGO-UNRWA", "Benjamin Netanyahu": "PER-BENJAMIN-NETANYAHU", "Israeli forces": "ISR.MIL"}},
		{"yemen-hodeidah", []string{"SUPPORT Saudi Arabia -> government"},
			map[string]string{"Houthi military spokesman Yahya Saree": "", "Yahya Saree": "PER-YAHYA-SAREE", "CENTCOM": "USA-CENTCOM", "Hans Grundberg": "PER-HANS-GRUNDBERG"}},
		{"sudan-el-fasher", nil,
			map[string]string{"Rapid Support Forces (RSF) fighters": "SDN-RSF.FIGHTERS", "RSF": "SDN-RSF", "SAF": "SDN-SAF", "Mohamed Hamdan Dagalo": "PER-HEMEDTI"}},
		{"mali-menaka", nil,
			map[string]string{"Wagner Group": "RUS-WAGNER", "MINUSMA": "IGO-MINUSMA", "Malian soldiers": "MLI.MIL"}},
		{"ukraine-kharkiv", nil,
			map[string]string{"Russian forces": "RUS.MIL", "Vladimir Putin": "PER-VLADIMIR-PUTIN", "European Union": "IGO-EU"}},
	}
	for _, c := range cases {
		t.Run(c.report, func(t *testing.T) {
			path := "../testdata/reports/" + c.report + ".txt"
			if _, err := os.Stat(path); err != nil {
				path = "testdata/reports/" + c.report + ".txt"
			}
			doc := sitrep.NewDocument(readReport(t, path))
			if err := p.Run(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			var rels []string
			for _, r := range doc.Relations {
				rels = append(rels, fmt.Sprintf("%s %s -> %s", r.Type, r.From.Name, r.To.Name))
			}
			for _, want := range c.relations {
				found := false
				for _, r := range rels {
					if strings.HasPrefix(r, want) {
						found = true
					}
				}
				if !found {
					t.Errorf("relation %q not read; got %q", want, rels)
				}
			}
			for text, id := range c.actors {
				if id == "" {
					continue
				}
				found := false
				for _, e := range doc.Entities {
					if e.Text == text && e.ActorID == id {
						found = true
					}
				}
				if !found {
					t.Errorf("%q not resolved to %s", text, id)
				}
			}
		})
	}
}

// BenchmarkActorLayer measures the actor, coref and relation stages
// together on the team's reports, the text layer run beforehand.
func BenchmarkActorLayer(b *testing.B) {
	paths := reportPaths(b)
	full := who(b)
	text, stages := full.Stages[:3], full.Stages[3:]
	var docs []*sitrep.Document
	size := 0
	for _, p := range paths {
		doc := sitrep.NewDocument(readReport(b, p))
		if err := (&sitrep.Pipeline{Stages: text}).Run(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
		size += len(doc.Article.Text)
	}
	layer := &sitrep.Pipeline{Stages: stages}
	ctx := context.Background()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu0, n := cpuSeconds(), 0
	for b.Loop() {
		for _, d := range docs {
			d.Entities, d.Actors, d.Relations = d.Entities[:0], d.Actors[:0], d.Relations[:0]
			if err := layer.Run(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
		n++
	}
	// Throughput per CPU second, which a busy machine does not distort.
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		b.ReportMetric(float64(size*n)/1e6/cpu, "MB/cpu-s")
	}
}

// cpuSeconds is the CPU time (user and system) the process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
