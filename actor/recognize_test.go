package actor_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/actor"
	"github.com/sitrep/sitrep/segment"
	"github.com/sitrep/sitrep/tokenize"
)

// textLayer segments and tokenizes a paragraph of text without cleaning.
func run(tb testing.TB, text, published string, ents ...sitrep.Entity) *sitrep.Document {
	tb.Helper()
	a := sitrep.Article{Text: text}
	if published != "" {
		a.Published, _ = time.Parse(time.DateOnly, published)
	}
	doc := sitrep.NewDocument(a)
	doc.Regions = []sitrep.Region{{Kind: sitrep.Paragraph, Span: sitrep.Span{End: len(text)}}}
	s, err := segment.New(segment.DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	r, err := actor.New(actor.DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	ctx := context.Background()
	if err := s.Annotate(ctx, doc); err != nil {
		tb.Fatal(err)
	}
	if err := (tokenize.Tokenizer{}).Annotate(ctx, doc); err != nil {
		tb.Fatal(err)
	}
	doc.Entities = append(doc.Entities, ents...)
	if err := r.Annotate(ctx, doc); err != nil {
		tb.Fatal(err)
	}
	return doc
}

// mention is "text=actor-id".
func mentions(doc *sitrep.Document) []string {
	var out []string
	for _, e := range doc.Entities {
		out = append(out, e.Text+"="+e.ActorID)
	}
	return out
}

func TestComposition(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // mentions that must be present
		absent     []string
	}{
		{"split compound", "About 400 Chadian and Sudanese mercenary fighters withdrew.",
			[]string{"Chadian and Sudanese mercenary fighters=TCD.MERC", "Chadian and Sudanese mercenary fighters=SDN.MERC"}, nil},
		{"backed militia", "Turkey-backed Syrian militiamen attacked the town.",
			[]string{"Turkey=TUR", "Syrian militiamen=SYR.MILITIA"}, nil},
		{"title and name", "LNA spokesman Ahmed Mismari denied it.",
			[]string{"LNA=LBY-LNA", "Ahmed Mismari=_:ahmed-mismari"}, nil},
		{"agent of list", "The foreign ministers of Egypt and Qatar met.",
			[]string{"foreign ministers of Egypt and Qatar=EGY.FM", "foreign ministers of Egypt and Qatar=QAT.FM"}, nil},
		{"bloc", "Western officials say so.", []string{"Western officials=WST.OFFICIALS"}, nil},
		{"alias", "It was hired by the Wagner Company.", []string{"Wagner Company=RUS-WAGNER"}, nil},
		{"demonym is not the government", "They hit a Russian ammunition depot.", []string{"Russian=RUS"}, []string{"Russian=RUS.GOV"}},
		{"capital metonym", "Moscow denies the claim.", []string{"Moscow=RUS.GOV"}, nil},
		{"capital as place", "He flew to Moscow on Monday.", []string{"Moscow="}, []string{"Moscow=RUS.GOV"}},
		{"capital inside a longer name", "Residents of Mocimboa da Praia accused the army.", nil, []string{"Praia=CPV.GOV", "Praia="}},
		{"capital heading a longer name", "Tourists left Praia da Vitoria, said officials.", nil, []string{"Praia=CPV.GOV", "Praia="}},
		{"capital after a particle in lower case only", "Ministers of Moscow and Praia accused the envoy.", []string{"Praia=CPV.GOV"}, nil},
		{"possessive", "Sudan's army said it advanced.", []string{"Sudan's army=SDN.MIL"}, nil},
		{"adjective is not an actor", "A military intervention followed.", nil, []string{"military=.MIL"}},
		{"unknown org and acronym", "The Kordofan Liberation Front (KLF) attacked. KLF fighters withdrew.",
			[]string{"Kordofan Liberation Front=_:kordofan-liberation-front", "KLF=_:kordofan-liberation-front", "KLF fighters=_:kordofan-liberation-front.FIGHTERS"}, nil},
		{"apposition", "Salem Alaywan, Bani Walid's mayor, confirmed it. Alaywan said more.",
			[]string{"Salem Alaywan=_:salem-alaywan", "Alaywan=_:salem-alaywan"}, nil},
		{"loyal to", "Forces loyal to Khalifa Haftar advanced.",
			[]string{"Forces=PER-KHALIFA-HAFTAR.MIL", "Khalifa Haftar=PER-KHALIFA-HAFTAR"}, nil},
		{"from", "He recruited fighters from Chad and Sudan.",
			[]string{"fighters from Chad and Sudan=TCD.FIGHTERS", "fighters from Chad and Sudan=SDN.FIGHTERS"}, nil},
		{"acronym needs capitals", "Send it to us in the us.", nil, []string{"us=USA"}},
		{"a mission is no embassy", "The African Union mission in Somalia condemned the attack.",
			[]string{"African Union mission=IGO-AU.MISSION"}, []string{"African Union mission=IGO-AU.EMBASSY"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := mentions(run(t, c.text, "2020-05-25"))
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q in %q", w, got)
				}
			}
			for _, w := range c.absent {
				if slices.Contains(got, w) {
					t.Errorf("unexpected %q in %q", w, got)
				}
			}
		})
	}
}

func TestRolesAndValidity(t *testing.T) {
	doc := run(t, "LNA spokesman Ahmed Mismari denied it.", "2020-05-25")
	a := doc.ActorByID("_:ahmed-mismari")
	if a == nil || a.Kind != sitrep.ActorPerson || a.Country != "LBY" || len(a.Roles) != 1 || a.Roles[0].Of != "LBY-LNA" || a.Roles[0].Title != "spokesman" {
		t.Fatalf("Mismari: %+v", a)
	}
	// The GNA ceased to exist in March 2021.
	if doc := run(t, "The Government of National Accord met.", "2023-01-01"); doc.ActorByID("LBY-GNA") != nil {
		t.Error("GNA matched after its end")
	}
	if doc := run(t, "The Government of National Accord met.", "2019-01-01"); doc.ActorByID("LBY-GNA") == nil {
		t.Error("GNA not matched during its life")
	}
}

func TestNEREntitiesResolvedNotDuplicated(t *testing.T) {
	text := "Ahmed Mismari met Vladimir Putin and the Zorgon Council."
	ner := []sitrep.Entity{
		{Span: sitrep.Span{Start: 0, End: 13}, Text: "Ahmed Mismari", Kind: sitrep.KindPerson, Source: "ner"},
		{Span: sitrep.Span{Start: 18, End: 32}, Text: "Vladimir Putin", Kind: sitrep.KindPerson, Source: "ner"},
		{Span: sitrep.Span{Start: 37, End: 55}, Text: "the Zorgon Council", Kind: sitrep.KindOrg, Source: "ner"},
	}
	doc := run(t, text, "", ner...)
	byText := map[string][]sitrep.Entity{}
	for _, e := range doc.Entities {
		byText[e.Text] = append(byText[e.Text], e)
	}
	if es := byText["Vladimir Putin"]; len(es) != 1 || es[0].ActorID != "PER-VLADIMIR-PUTIN" || es[0].Source != "ner" {
		t.Errorf("Putin: %+v", es)
	}
	if es := byText["Ahmed Mismari"]; len(es) != 1 || es[0].ActorID == "" {
		t.Errorf("an unknown NER person must become an actor: %+v", es)
	}
	if es := byText["the Zorgon Council"]; len(es) != 1 || es[0].ActorID == "" {
		t.Errorf("an unknown NER organisation must become an actor: %+v", es)
	}
}

// TestNERFragmentsWidened checks that the recogniser's fragments of a
// name the dictionary knows whole become one entity with the whole name.
func TestNERFragmentsWidened(t *testing.T) {
	text := "The Group for the Support of Islam and Muslims claimed the attack."
	at := func(s string) sitrep.Span {
		i := strings.Index(text, s)
		return sitrep.Span{Start: i, End: i + len(s)}
	}
	doc := run(t, text, "",
		sitrep.Entity{Span: at("Support of Islam"), Text: "Support of Islam", Kind: sitrep.KindOrg, Source: "ner"},
		sitrep.Entity{Span: at("Muslims"), Text: "Muslims", Kind: sitrep.KindOrg, Source: "ner"})
	var got []string
	for _, e := range doc.Entities {
		got = append(got, e.Text+" = "+e.ActorID)
	}
	if want := []string{"Group for the Support of Islam and Muslims = JNIM"}; !slices.Equal(got, want) {
		t.Errorf("entities %q, want %q", got, want)
	}
}

func TestNoTokensNoOp(t *testing.T) {
	r, err := actor.New(actor.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	doc := sitrep.NewDocument(sitrep.Article{Text: "Russia"})
	if err := r.Annotate(context.Background(), doc); err != nil || len(doc.Entities)+len(doc.Actors) != 0 {
		t.Fatalf("got %v %+v", err, doc)
	}
}

// BenchmarkRecognize measures the actor stage alone (dictionary matching,
// composition, names) on the team's reports, tokens prepared beforehand.
func BenchmarkRecognize(b *testing.B) {
	paths, _ := filepath.Glob("../testdata/reports/*.txt")
	own, _ := filepath.Glob("../relation/testdata/reports/*.txt")
	paths = append(paths, own...)
	if len(paths) == 0 {
		b.Skip("no reports")
	}
	r, err := actor.New(actor.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	var docs []*sitrep.Document
	size := 0
	for _, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		d := run(b, string(text), "2024-01-01")
		d.Entities, d.Actors = d.Entities[:0], d.Actors[:0]
		docs = append(docs, d)
		size += len(text)
	}
	ctx := context.Background()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ReportMetric(float64(r.Dictionary().Aliases()), "patterns")
	cpu0 := cpuSeconds()
	n := 0
	for b.Loop() {
		for _, d := range docs {
			d.Entities, d.Actors = d.Entities[:0], d.Actors[:0]
			if err := r.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
		n++
	}
	// Throughput per CPU second, which a busy machine does not distort
	// the way it distorts wall-clock MB/s.
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

func TestFilesFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "mine.yaml")
	if err := os.WriteFile(f, []byte("actors:\n  - {id: XYZ-KLF, name: Kordofan Liberation Front, aliases: [KLF], kind: rebel, country: SDN}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(actor.FilesEnv, f)
	cfg := actor.DefaultConfig()
	if len(cfg.Files) != 1 || cfg.Files[0] != f {
		t.Fatalf("files %q", cfg.Files)
	}
	r, err := actor.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r.Dictionary().Lookup("XYZ-KLF"); !ok {
		t.Error("the user's actor is not in the dictionary")
	}
	t.Setenv(actor.FilesEnv, filepath.Join(dir, "missing.yaml"))
	if _, err := actor.New(actor.DefaultConfig()); err == nil || !strings.Contains(err.Error(), actor.FilesEnv) {
		t.Errorf("a missing file must fail and name the variable, got %v", err)
	}
}
