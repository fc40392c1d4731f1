package geo_test

import (
	"context"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval/geo"
	"github.com/sitrep/sitrep/geoparse"
	"github.com/sitrep/sitrep/segment"
	"github.com/sitrep/sitrep/tokenize"
)

func read(t *testing.T, path string) *geo.Corpus {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := geo.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestReadFormats(t *testing.T) {
	gv := read(t, "testdata/geovirus-sample.xml")
	if gv.Format != geo.GeoVirus || len(gv.Articles) != 1 {
		t.Fatalf("GeoVirus: %+v", gv)
	}
	a := gv.Articles[0]
	for _, tp := range a.Toponyms {
		if a.Text[tp.Start:tp.End] != tp.Name || (tp.Name != "Misrata" && tp.Name != "Libya") {
			t.Errorf("GeoVirus span %d-%d is %q", tp.Start, tp.End, a.Text[tp.Start:tp.End])
		}
	}
	tr := read(t, "testdata/trnews-sample.xml")
	if tr.Format != geo.TRNews || tr.Realigned != 1 {
		t.Fatalf("TR-News: format %s realigned %d", tr.Format, tr.Realigned)
	}
	if got := tr.Articles[0].Toponyms[1]; got.Name != "Afrin" || got.GeonamesID != 174186 {
		t.Errorf("TR-News realigned toponym %+v", got)
	}
	gw := read(t, "testdata/gwn-sample.xml")
	if gw.Format != geo.GWN {
		t.Fatalf("GWN: %s", gw.Format)
	}
	linked, unlinked := 0, 0
	for _, tp := range gw.Articles[0].Toponyms {
		if tp.Linked {
			linked++
		} else {
			unlinked++
		}
	}
	if linked != 3 || unlinked != 1 {
		t.Errorf("GWN: %d linked and %d unlinked toponyms, want 3 and 1 (expressions dropped)", linked, unlinked)
	}
	if _, err := geo.Read(strings.NewReader("<articles><article><text>x</text></article></articles>")); err == nil {
		t.Error("a corpus without toponyms was accepted")
	}
	if _, err := geo.Read(strings.NewReader("not xml")); err == nil {
		t.Error("non-XML was accepted")
	}
}

func TestEvaluate(t *testing.T) {
	cfg := geoparse.DefaultConfig()
	cfg.Gazetteers = nil
	r, err := geoparse.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	seg, _ := segment.New(segment.DefaultConfig())
	opt := geo.Options{Prepare: []sitrep.Stage{seg, tokenize.Tokenizer{}}}
	c := read(t, "testdata/gwn-sample.xml")
	rep, err := geo.Evaluate(context.Background(), r, c, "gwn-sample", opt)
	if err != nil {
		t.Fatal(err)
	}
	p := rep.Recognition
	if p == nil || p.TP != 3 || p.FN != 0 || rep.Resolution.Acc161 != 1 {
		t.Errorf("end to end: %+v %+v", p, rep.Resolution)
	}
	opt.GoldSpans = true
	rep, err = geo.Evaluate(context.Background(), r, c, "gwn-sample", opt)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Recognition != nil || rep.Resolution.N != 3 || rep.Resolution.Acc161 != 1 || rep.Mode != "gold-spans" {
		t.Errorf("gold spans: %+v", rep)
	}
}

// farResolver chooses a place in the Gulf of Guinea for every span, while
// offering the geoparser's candidates.
type farResolver struct{ *geoparse.Resolver }

func (f farResolver) ResolveSpans(doc *sitrep.Document, spans []sitrep.Span) []sitrep.Place {
	out := make([]sitrep.Place, len(spans))
	for i := range out {
		out[i] = sitrep.Place{Name: "Null Island", Precision: 1}
	}
	return out
}

func TestCeiling(t *testing.T) {
	cfg := geoparse.DefaultConfig()
	cfg.Gazetteers = nil
	r, err := geoparse.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	seg, _ := segment.New(segment.DefaultConfig())
	c := read(t, "testdata/gwn-sample.xml")
	opt := geo.Options{Prepare: []sitrep.Stage{seg, tokenize.Tokenizer{}}, GoldSpans: true, Ceiling: true}
	rep, err := geo.Evaluate(context.Background(), farResolver{r}, c, "gwn-sample", opt)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Resolution.Acc161 != 0 || rep.Ceiling == nil || rep.Ceiling.Acc161 != 1 || rep.Ceiling.N != 3 {
		t.Errorf("a resolver that always errs among right candidates: resolution %+v, ceiling %+v", rep.Resolution, rep.Ceiling)
	}
	opt.Ceiling = false
	if rep, _ = geo.Evaluate(context.Background(), r, c, "gwn-sample", opt); rep.Ceiling != nil {
		t.Error("a ceiling without Options.Ceiling")
	}
}

func TestPatches(t *testing.T) {
	c := read(t, "testdata/geovirus-sample.xml")
	ps, err := geo.ReadPatches(strings.NewReader("Libya \t 27 , 17 \t 26.5 , 17.5\nElsewhere\t1,1\t2,2\n"))
	if err != nil {
		t.Fatal(err)
	}
	if n := c.Apply(ps); n != 1 {
		t.Errorf("patched %d toponyms, want 1", n)
	}
	if _, err := geo.ReadPatches(strings.NewReader("only one field\n")); err == nil {
		t.Error("a bad patch line was accepted")
	}
}

func TestSummary(t *testing.T) {
	// acc@161 counts errors up to 161 km; the AUC of perfect answers is 0
	// and of the worst answers 1.
	perfect := geo.Summarise([]float64{0, 0, 0})
	worst := geo.Summarise([]float64{geo.MaxErrorKM, geo.MaxErrorKM})
	mixed := geo.Summarise([]float64{10, 100, 161, 500})
	if perfect.AUC != 0 || perfect.Acc161 != 1 || math.Abs(worst.AUC-1) > 1e-4 || worst.Acc161 != 0 {
		t.Errorf("perfect %+v worst %+v", perfect, worst)
	}
	if mixed.Acc161 != 0.75 || mixed.MedianKM != 130.5 || mixed.MeanKM != 192.75 {
		t.Errorf("mixed %+v", mixed)
	}
}

// FuzzRead: corpus files are untrusted input.
func FuzzRead(f *testing.F) {
	for _, p := range []string{"testdata/gwn-sample.xml", "testdata/geovirus-sample.xml", "testdata/trnews-sample.xml"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<15 {
			return
		}
		c, err := geo.Read(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, a := range c.Articles {
			for _, tp := range a.Toponyms {
				if tp.Start < 0 || tp.End > len(a.Text) || tp.Start > tp.End {
					t.Errorf("span %d-%d outside a text of %d bytes", tp.Start, tp.End, len(a.Text))
				}
			}
		}
	})
}
