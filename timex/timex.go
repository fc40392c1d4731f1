// Package timex finds temporal expressions in a document and resolves them
// to calendar ranges: "on Sunday", "last week", "last Thursday", "over the
// weekend", "in recent weeks", "last summer", "since 2014", "for over a
// year", "April 29, 2019", "21 March 2020", "two days ago", "next week".
//
// Expressions are resolved against the article's publication date, except
// inside a caption that carries its own date (see sitrep.Region.Date), where
// that date is the reference. Weekdays and month names without a year point
// to the most recent such day or month on or before the reference, unless
// the expression says otherwise ("next Friday", "in the coming weeks").
//
// The stage reads doc.Sentences and doc.Tokens and fills doc.Times. Without a
// publication date only absolute dates are resolved, and a warning says so.
// Precision follows ACLED's time_precision: 1 a day, 2 a week or less, 3 a
// month or longer.
package timex

import (
	"context"
	"time"

	"github.com/sitrep/sitrep"
)

// Tagger is the temporal-expression stage. It has no settings.
type Tagger struct{}

var _ sitrep.Stage = Tagger{}

// Name implements sitrep.Namer.
func (Tagger) Name() string { return "timex" }

// Annotate fills doc.Times.
func (Tagger) Annotate(_ context.Context, doc *sitrep.Document) error {
	doc.Times = doc.Times[:0]
	pub := civil(doc.Article.Published)
	warned := false
	var words []string
	var buf findBuf
	for si, s := range doc.Sentences {
		ref := pub
		if s.Region >= 0 && s.Region < len(doc.Regions) {
			if d := doc.Regions[s.Region].Date; d != "" {
				if t, err := time.Parse(time.DateOnly, d); err == nil {
					ref = t
				}
			}
		}
		toks := doc.SentenceTokens(si)
		words = words[:0]
		for i := range toks {
			words = append(words, toks[i].Text)
		}
		for _, m := range find(words, &buf) {
			r, ok := m.Resolve(ref)
			if !ok {
				if !warned && ref.IsZero() {
					doc.Warn("timex", "no publication date: relative dates are left unresolved; pass --published", sitrep.Span{})
					warned = true
				}
				continue
			}
			span := sitrep.Span{Start: toks[m.First].Start, End: toks[m.Last-1].End}
			tx := sitrep.Timex{
				Span: span, Text: doc.Slice(span), Kind: r.Kind, Future: r.Future,
				Date: r.dateRange(), Reference: ref.Format(time.DateOnly),
			}
			if nx, ok := m.ResolveNext(ref); ok && !r.Future && (!nx.Start.Equal(r.Start) || !nx.End.Equal(r.End)) {
				d := nx.dateRange()
				tx.Next = &d
			}
			doc.Times = append(doc.Times, tx)
		}
	}
	return nil
}

// civil returns t's calendar day at midnight UTC, or the zero time.
func civil(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Range is a resolved expression: the days it covers, inclusive.
type Range struct {
	Start, End time.Time
	Kind       sitrep.TimexKind
	Future     bool
}

func (r Range) dateRange() sitrep.DateRange {
	return sitrep.DateRange{Start: r.Start.Format(time.DateOnly), End: r.End.Format(time.DateOnly), Precision: r.Precision()}
}

// Precision returns the ACLED precision code of the range: 1 for a single
// day, 2 for up to a week, 3 for longer.
func (r Range) Precision() int {
	days := int(r.End.Sub(r.Start).Hours()/24) + 1
	switch {
	case days <= 1:
		return sitrep.DateDay
	case days <= 7:
		return sitrep.DateWeek
	}
	return sitrep.DateMonth
}
