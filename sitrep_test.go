package sitrep_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep"
)

func TestTokenParts(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"al-Watiya", []string{"al", "Watiya"}},
		{"U.N.-backed", []string{"U.N.", "backed"}},
		{"Abu\u2010Bakr", []string{"Abu", "Bakr"}},
		{"-lead", nil},
		{"trail-", nil},
		{"plain", nil},
		{"a--b", []string{"a", "b"}},
	}
	for _, tt := range tests {
		tok := sitrep.Token{Span: sitrep.Span{Start: 0, End: len(tt.text)}}
		var got []string
		for _, p := range tok.Parts(tt.text) {
			got = append(got, tt.text[p.Start:p.End])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parts(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestSpan(t *testing.T) {
	a, b := sitrep.Span{Start: 0, End: 10}, sitrep.Span{Start: 5, End: 8}
	if !a.Contains(b) || b.Contains(a) || !a.Overlaps(b) || a.Len() != 10 {
		t.Error("span predicates wrong")
	}
	if (sitrep.Span{Start: 0, End: 5}).Overlaps(sitrep.Span{Start: 5, End: 6}) {
		t.Error("adjacent spans overlap")
	}
}

func TestDocumentLookups(t *testing.T) {
	doc := sitrep.NewDocument(sitrep.Article{Text: "One. Two. Three."})
	if doc.Article.ID != sitrep.ContentID("One. Two. Three.") {
		t.Error("NewDocument did not set the content id")
	}
	doc.Sentences = []sitrep.Sentence{{Span: sitrep.Span{Start: 0, End: 4}}, {Span: sitrep.Span{Start: 5, End: 9}}, {Span: sitrep.Span{Start: 10, End: 16}}}
	for off, want := range map[int]int{0: 0, 3: 0, 4: -1, 5: 1, 12: 2, 16: -1} {
		if got := doc.SentenceAt(off); got != want {
			t.Errorf("SentenceAt(%d) = %d, want %d", off, got, want)
		}
	}
	if got := doc.Slice(sitrep.Span{Start: -3, End: 100}); got != doc.Article.Text {
		t.Errorf("Slice did not clamp: %q", got)
	}
	doc.Reset(sitrep.Article{Text: "x"})
	if len(doc.Sentences) != 0 || doc.Article.ID == "" {
		t.Error("Reset left state behind")
	}
}

func TestContentIDIsStable(t *testing.T) {
	if sitrep.ContentID("abc") != "ba7816bf8f01cfea414140de5dae2223" {
		t.Errorf("ContentID changed: %s", sitrep.ContentID("abc"))
	}
}

func TestParsePublished(t *testing.T) {
	for in, want := range map[string]time.Time{
		"2020-05-25":                      time.Date(2020, 5, 25, 0, 0, 0, 0, time.UTC),
		"2020-05-25T14:30:00Z":            time.Date(2020, 5, 25, 14, 30, 0, 0, time.UTC),
		"2020-05-25 14:30":                time.Date(2020, 5, 25, 14, 30, 0, 0, time.UTC),
		"Mon, 25 May 2020 14:30:00 +0000": time.Date(2020, 5, 25, 14, 30, 0, 0, time.UTC),
	} {
		got, err := sitrep.ParsePublished(in)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParsePublished(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := sitrep.ParsePublished("last Tuesday"); sitrep.ErrorCode(err) != sitrep.EINVALID {
		t.Errorf("bad date gave %v", err)
	}
}

type stage struct {
	name string
	err  error
	ran  *[]string
}

func (s stage) Name() string { return s.name }
func (s stage) Annotate(_ context.Context, _ *sitrep.Document) error {
	*s.ran = append(*s.ran, s.name)
	return s.err
}

func TestPipelineRunsInOrderAndStopsAtError(t *testing.T) {
	var ran []string
	boom := errors.New("boom")
	p := &sitrep.Pipeline{Stages: []sitrep.Stage{stage{"a", nil, &ran}, stage{"b", boom, &ran}, stage{"c", nil, &ran}}}
	err := p.Run(context.Background(), sitrep.NewDocument(sitrep.Article{ID: "x", Text: "t"}))
	var se *sitrep.StageError
	if !errors.As(err, &se) || se.Stage != "b" || se.ArticleID != "x" || !errors.Is(err, boom) {
		t.Errorf("err = %v, want a StageError for b wrapping boom", err)
	}
	if !reflect.DeepEqual(ran, []string{"a", "b"}) {
		t.Errorf("ran %v", ran)
	}
	if !reflect.DeepEqual(p.Names(), []string{"a", "b", "c"}) {
		t.Errorf("Names = %v", p.Names())
	}
}

// panicker is a stage with a bug that one article's text reaches.
type panicker struct{}

func (panicker) Name() string { return "buggy" }
func (panicker) Annotate(_ context.Context, doc *sitrep.Document) error {
	if doc.Article.Text == "trigger" {
		panic(errors.New("a word the stage did not expect"))
	}
	return nil
}

func TestPipelineTurnsAPanicIntoThatArticlesError(t *testing.T) {
	p := &sitrep.Pipeline{Stages: []sitrep.Stage{panicker{}}}
	err := p.Run(context.Background(), sitrep.NewDocument(sitrep.Article{ID: "bad", Text: "trigger"}))
	var se *sitrep.StageError
	if !errors.As(err, &se) || se.Stage != "buggy" || se.ArticleID != "bad" || sitrep.ErrorCode(err) != sitrep.EINTERNAL || !errors.Is(err, sitrep.ErrPanic) ||
		!strings.Contains(err.Error(), "panic: a word the stage did not expect") {
		t.Errorf("err = %v, want an internal StageError of stage buggy naming the panic", err)
	}
	if line, ok := sitrep.PanicLine(err); !ok || strings.Contains(line, "\n") || !strings.Contains(line, "a word the stage did not expect") {
		t.Errorf("PanicLine = %q, %v; want the panic on one line", line, ok)
	}
	if _, ok := sitrep.PanicLine(errors.New("boom")); ok {
		t.Error("PanicLine took an ordinary error for a panic")
	}
	if err := p.Run(context.Background(), sitrep.NewDocument(sitrep.Article{ID: "ok", Text: "fine"})); err != nil {
		t.Errorf("the next article: %v", err)
	}
}

func TestErrorCodes(t *testing.T) {
	err := fmt.Errorf("wrapped: %w", sitrep.Errorf(sitrep.ENOTFOUND, "no event %q", "e1"))
	if sitrep.ErrorCode(err) != sitrep.ENOTFOUND || sitrep.ErrorMessage(err) != `no event "e1"` {
		t.Errorf("code %q message %q", sitrep.ErrorCode(err), sitrep.ErrorMessage(err))
	}
	if sitrep.ErrorCode(errors.New("x")) != sitrep.EINTERNAL || sitrep.ErrorMessage(errors.New("x")) != "internal error" {
		t.Error("plain errors are not internal")
	}
	if sitrep.ErrorCode(nil) != "" {
		t.Error("nil has a code")
	}
	for _, tt := range []struct {
		err  error
		want bool
	}{
		{sitrep.Errorf(sitrep.EINVALID, "x"), true},
		{fmt.Errorf("file a: %w", sitrep.Errorf(sitrep.ETOOLARGE, "x")), true},
		{sitrep.Errorf(sitrep.ENOTFOUND, "x"), false},
		{errors.New("disk full"), false},
		{nil, false},
	} {
		if got := sitrep.IsBadInput(tt.err); got != tt.want {
			t.Errorf("IsBadInput(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

func TestModalityHappened(t *testing.T) {
	for m, want := range map[sitrep.Modality]bool{sitrep.Asserted: true, sitrep.Reported: true, sitrep.Claimed: true,
		sitrep.Alleged: true, sitrep.Denied: false, sitrep.Planned: false, sitrep.Hypothetical: false, sitrep.Negated: false} {
		if m.Happened() != want {
			t.Errorf("%s.Happened() = %v", m, !want)
		}
	}
}
