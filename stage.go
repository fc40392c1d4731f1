package sitrep

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
)

// Stage is one step of the pipeline. Annotate reads what earlier stages put
// into the document and adds its own annotations; it must not remove or
// rewrite what others found, and it must leave its slice empty rather than
// guess when it finds nothing. An error means the stage could not run on
// this document at all (a model failed to load, the context was cancelled);
// ambiguity and bad spots in the text are warnings on the document.
type Stage interface {
	Annotate(ctx context.Context, doc *Document) error
}

// Namer is implemented by stages that name themselves in errors and
// warnings. Stages that do not are named by their Go type.
type Namer interface {
	Name() string
}

// StageName returns the name of a stage.
func StageName(s Stage) string {
	if n, ok := s.(Namer); ok {
		return n.Name()
	}
	return fmt.Sprintf("%T", s)
}

// Pipeline runs stages over a document in order. It is a plain list: build
// one by hand, or take the default from package pipeline.
type Pipeline struct {
	Stages []Stage
}

// Run passes the document through every stage in order and stops at the
// first error, which it returns as a *StageError. A stage that panics (a
// bug that some report's text reached) fails this document with an
// internal error that wraps ErrPanic and holds the panic and its stack, so
// that a batch loses only that report.
func (p *Pipeline) Run(ctx context.Context, doc *Document) error {
	for _, s := range p.Stages {
		if err := ctx.Err(); err != nil {
			return &StageError{Stage: StageName(s), ArticleID: doc.Article.ID, Err: err}
		}
		if err := annotate(ctx, s, doc); err != nil {
			return &StageError{Stage: StageName(s), ArticleID: doc.Article.ID, Err: err}
		}
	}
	return nil
}

// ErrPanic marks the error of a stage that panicked on a document.
var ErrPanic = errors.New("panic")

// PanicLine returns the first line of err, without the stack, when err is
// a stage's panic (it wraps ErrPanic), for reports that list the articles
// a bug failed and go on; ok is false for any other error.
func PanicLine(err error) (line string, ok bool) {
	if !errors.Is(err, ErrPanic) {
		return "", false
	}
	line, _, _ = strings.Cut(err.Error(), "\n")
	return line, true
}

// annotate runs one stage, turning a panic into an error.
func annotate(ctx context.Context, s Stage, doc *Document) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%w: %v (a bug: please report it with the article's text)\n%s", ErrPanic, v, debug.Stack())
		}
	}()
	return s.Annotate(ctx, doc)
}

// Names lists the names of the pipeline's stages in order.
func (p *Pipeline) Names() []string {
	out := make([]string, len(p.Stages))
	for i, s := range p.Stages {
		out[i] = StageName(s)
	}
	return out
}
