// Package sitrep holds the domain of the sitrep event coder: articles, the
// documents the pipeline annotates, the annotations themselves (regions,
// sentences, tokens, entities, places, events, relations), the Stage
// interface every annotator implements, and the Pipeline that runs them.
//
// The package imports only the standard library. Technologies (models,
// gazetteers, stores, HTTP) live in subpackages that implement the interfaces
// defined here and meet only through these types.
//
// Every annotation carries byte offsets into Article.Text exactly as it was
// given: stages mark and label text, they never rewrite it, so any span can be
// found again in the source with Article.Text[Start:End].
package sitrep

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Article is one report as it arrived: its text and what is known about it.
type Article struct {
	// ID is a stable content hash of Text (see ContentID) unless the
	// source supplied its own identifier.
	ID       string `json:"id"`
	URL      string `json:"url,omitempty"`
	Outlet   string `json:"outlet,omitempty"`
	Title    string `json:"title,omitempty"`
	Language string `json:"language,omitempty"`
	// Published is the publication time; relative dates ("on Sunday") are
	// resolved against it. The zero time means unknown.
	Published time.Time `json:"-"`
	// Text is the input exactly as given. Offsets of every annotation point
	// into it.
	Text string `json:"-"`
}

// ContentID returns the stable identifier of a text: the first 128 bits of
// its SHA-256, in hex. The same bytes always get the same id.
func ContentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:16])
}

// Span is a half-open byte range [Start, End) of Article.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies entirely inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Document is an article together with everything the pipeline has found in
// it. Stages append to its slices; a stage that has not run leaves its slice
// empty, and no stage invents content another stage did not find.
type Document struct {
	Article Article

	Regions   []Region
	Sentences []Sentence
	// Tokens of all sentences, in text order. Sentence.First and
	// Sentence.Last index into this slice.
	Tokens   []Token
	Entities []Entity
	// Actors lists every actor the document mentions, once each: dictionary
	// actors, actors composed from the text ("Syrian mercenaries") and
	// unknown named organisations and persons. Entity.ActorID and the
	// relations point into it by id.
	Actors    []Actor
	Places    []Place
	Events    []Event
	Relations []Relation
	// Times are the temporal expressions found in the text, resolved.
	Times []Timex
	// Warnings record ambiguity and recoverable trouble. They are not errors:
	// a document with warnings is still a valid result.
	Warnings []Warning
}

// NewDocument returns a document for the article, filling in its ID from
// the content hash when the article has none.
func NewDocument(a Article) *Document {
	if a.ID == "" {
		a.ID = ContentID(a.Text)
	}
	return &Document{Article: a}
}

// Reset makes d a fresh document for article a, keeping the capacity of
// its slices so that a worker coding many articles allocates less. Nothing
// from the previous article may be used after Reset.
func (d *Document) Reset(a Article) {
	if a.ID == "" {
		a.ID = ContentID(a.Text)
	}
	*d = Document{
		Article:   a,
		Regions:   d.Regions[:0],
		Sentences: d.Sentences[:0],
		Tokens:    d.Tokens[:0],
		Entities:  d.Entities[:0],
		Actors:    d.Actors[:0],
		Places:    d.Places[:0],
		Events:    d.Events[:0],
		Relations: d.Relations[:0],
		Times:     d.Times[:0],
		Warnings:  d.Warnings[:0],
	}
}

// Slice returns the raw text of a span, clamped to the article text so that
// it never panics.
func (d *Document) Slice(s Span) string {
	n := len(d.Article.Text)
	if s.Start < 0 {
		s.Start = 0
	}
	if s.End > n {
		s.End = n
	}
	if s.Start >= s.End {
		return ""
	}
	return d.Article.Text[s.Start:s.End]
}

// Warn records a warning from a stage.
func (d *Document) Warn(stage, message string, at Span) {
	d.Warnings = append(d.Warnings, Warning{Stage: stage, Message: message, Span: at})
}

// SentenceAt returns the index of the sentence containing byte offset off,
// or -1.
func (d *Document) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch s := d.Sentences[m].Span; {
		case off < s.Start:
			hi = m
		case off >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// RegionAt returns the region containing byte offset off, or nil.
func (d *Document) RegionAt(off int) *Region {
	for i := range d.Regions {
		if d.Regions[i].Start <= off && off < d.Regions[i].End {
			return &d.Regions[i]
		}
	}
	return nil
}

// SentenceTokens returns the tokens of sentence i.
func (d *Document) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.First:s.Last]
}

// Warning is something a stage wants a reader to know about a document.
type Warning struct {
	Stage   string `json:"stage"`
	Message string `json:"message"`
	Span
}
