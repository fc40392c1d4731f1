// Package clean marks the regions of a raw scraped report: the headline, photo
// captions (with the date a caption carries), body paragraphs, and the
// boilerplate that later stages must skip — comment prompts, share and
// subscribe lines, bylines, "Read more" links, copyright notices, and the
// truncated teaser a caption often ends with.
//
// Cleaning never rewrites the text. It only adds sitrep.Region spans over
// Article.Text; normalisation of quotes, dashes and spaces happens on copies
// (see package fold).
//
// Settings: Config.MaxBoilerplateWords bounds how long a paragraph can be
// and still be dropped as boilerplate, so that a real paragraph that happens
// to mention "subscribe" is never lost.
package clean

import (
	"context"
	"strings"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/fold"
)

// Config holds the cleaner's settings.
type Config struct {
	// MaxBoilerplateWords is the longest paragraph, in words, that may be
	// dropped as boilerplate.
	MaxBoilerplateWords int
	// MaxHeadlineBytes is the longest first line taken as a headline when
	// it does not match the article's title.
	MaxHeadlineBytes int
}

// DefaultConfig returns the settings used by sitrep extract.
func DefaultConfig() Config {
	return Config{MaxBoilerplateWords: 40, MaxHeadlineBytes: 220}
}

// Validate reports the first setting that cannot work.
func (c Config) Validate() error {
	if c.MaxBoilerplateWords < 1 {
		return sitrep.Errorf(sitrep.EINVALID, "clean: MaxBoilerplateWords must be at least 1, got %d", c.MaxBoilerplateWords)
	}
	if c.MaxHeadlineBytes < 1 {
		return sitrep.Errorf(sitrep.EINVALID, "clean: MaxHeadlineBytes must be at least 1, got %d", c.MaxHeadlineBytes)
	}
	return nil
}

// Cleaner is the stage that marks regions.
type Cleaner struct {
	cfg Config
}

var _ sitrep.Stage = (*Cleaner)(nil)

// New returns a cleaner with the given settings.
func New(cfg Config) (*Cleaner, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &Cleaner{cfg: cfg}, nil
}

// Name implements sitrep.Namer.
func (*Cleaner) Name() string { return "clean" }

// Annotate fills doc.Regions. A document whose source already marked its
// regions (an HTML extractor that saw the markup) is left as it is. Text with
// no paragraphs at all yields no regions.
func (c *Cleaner) Annotate(_ context.Context, doc *sitrep.Document) error {
	if len(doc.Regions) > 0 {
		return nil
	}
	doc.Regions = c.Regions(doc.Article.Text, doc.Article.Title)
	return nil
}

// Regions classifies the paragraphs of text. title is the article's title
// from its metadata, or empty.
func (c *Cleaner) Regions(text, title string) []sitrep.Region {
	paras := paragraphs(text)
	out := make([]sitrep.Region, 0, len(paras)+2)
	seenBody := false // a body paragraph or caption has been seen
	for i, p := range paras {
		s := text[p.Start:p.End]
		n := wordCount(s, maxCaptionWords+1)
		if reason := c.boilerplate(s, n); reason != "" {
			out = append(out, sitrep.Region{Kind: sitrep.Boilerplate, Span: p, Reason: reason})
			continue
		}
		if !seenBody && i == firstContent(out) && c.isHeadline(s, title, i+1 < len(paras)) {
			out = append(out, sitrep.Region{Kind: sitrep.Headline, Span: p})
			continue
		}
		if cap, ok := caption(s, n, !seenBody); ok {
			r := sitrep.Region{Kind: sitrep.Caption, Span: sitrep.Span{Start: p.Start, End: p.Start + cap.end}, Date: cap.date}
			out = append(out, r)
			if cap.credit.End > 0 {
				out = append(out, sitrep.Region{Kind: sitrep.Boilerplate,
					Span: sitrep.Span{Start: p.Start + cap.credit.Start, End: p.Start + cap.credit.End}, Reason: "photo credit"})
			}
			if cap.teaser > 0 {
				out = append(out, sitrep.Region{Kind: sitrep.Boilerplate,
					Span: sitrep.Span{Start: p.Start + cap.teaser, End: p.End}, Reason: "truncated teaser"})
			}
			seenBody = true
			continue
		}
		out = append(out, sitrep.Region{Kind: sitrep.Paragraph, Span: p})
		seenBody = true
	}
	return out
}

// firstContent returns the number of regions before the first
// non-boilerplate one, which is where a headline may stand.
func firstContent(rs []sitrep.Region) int {
	for i, r := range rs {
		if r.Kind != sitrep.Boilerplate {
			return i
		}
	}
	return len(rs)
}

// isHeadline reports whether the first paragraph s is the headline: it
// matches the title, or it is one short line without a closing full stop
// followed by more text.
func (c *Cleaner) isHeadline(s, title string, more bool) bool {
	if title != "" {
		ks, kt := fold.Key(strings.TrimSpace(s)), fold.Key(strings.TrimSpace(title))
		if ks == kt || (len(kt) > 20 && strings.HasPrefix(ks, kt)) {
			return true
		}
	}
	if !more || len(s) > c.cfg.MaxHeadlineBytes || strings.ContainsAny(s, "\n") {
		return false
	}
	t := strings.TrimRight(s, " \t\r")
	if strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "...") {
		return false
	}
	return len(strings.Fields(t)) >= 2
}
