// Package render writes an annotated document in the forms sitrep promises:
// the JSON contract of docs/schema.md (schema/document.schema.json), and a
// plain-text summary for people.
//
// The JSON contract is stable: arrays are always present (empty when a stage
// found nothing or has not run), offsets are bytes into the input text as
// given, and tokens appear only when asked for.
package render

import (
	"encoding/json"
	"io"
	"time"

	"github.com/sitrep/sitrep"
)

// SchemaID names the version of the document contract.
const SchemaID = "sitrep.document/v1"

// Options control what the JSON form includes.
type Options struct {
	// Tokens adds each sentence's tokens with their tags and dependencies.
	Tokens bool
	// Indent pretty-prints the JSON.
	Indent bool
	// ID, when set, is echoed at the top level (batch mode echoes the
	// input line's id).
	ID string
}

// Document is the JSON form of an annotated document.
type Document struct {
	ID        string            `json:"id,omitempty"`
	Schema    string            `json:"schema"`
	Article   Article           `json:"article"`
	Sentences []Sentence        `json:"sentences"`
	Entities  []sitrep.Entity   `json:"entities"`
	Actors    []sitrep.Actor    `json:"actors"`
	Places    []sitrep.Place    `json:"places"`
	Events    []sitrep.Event    `json:"events"`
	Relations []sitrep.Relation `json:"relations"`
	Times     []sitrep.Timex    `json:"times"`
	Warnings  []sitrep.Warning  `json:"warnings"`
}

// Article is the JSON form of the article's metadata and regions.
type Article struct {
	ID        string          `json:"id"`
	URL       string          `json:"url,omitempty"`
	Outlet    string          `json:"outlet,omitempty"`
	Title     string          `json:"title,omitempty"`
	Published string          `json:"published,omitempty"`
	Language  string          `json:"language,omitempty"`
	Length    int             `json:"length"`
	Regions   []sitrep.Region `json:"regions"`
}

// Sentence is the JSON form of a sentence, with its tokens when asked for.
type Sentence struct {
	sitrep.Span
	Region int     `json:"region"`
	Text   string  `json:"text"`
	Tokens []Token `json:"tokens,omitempty"`
}

// Token is the JSON form of a token. ID and Head count from 1 within the
// sentence, as in CoNLL-U; Head 0 is the root.
type Token struct {
	ID int `json:"id"`
	sitrep.Span
	Text  string        `json:"text"`
	Parts []sitrep.Span `json:"parts,omitempty"`
	UPOS  string        `json:"upos,omitempty"`
	XPOS  string        `json:"xpos,omitempty"`
	Lemma string        `json:"lemma,omitempty"`
	Head  *int          `json:"head,omitempty"`
	Rel   string        `json:"deprel,omitempty"`
}

// FormatPublished writes a publication time as a date when it has no time of
// day, and as RFC 3339 otherwise; "" for the zero time.
func FormatPublished(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// View returns the JSON form of doc.
func View(doc *sitrep.Document, opt Options) *Document {
	a := doc.Article
	out := &Document{
		ID:     opt.ID,
		Schema: SchemaID,
		Article: Article{
			ID: a.ID, URL: a.URL, Outlet: a.Outlet, Title: a.Title, Language: a.Language,
			Published: FormatPublished(a.Published), Length: len(a.Text),
			Regions: nonNil(doc.Regions),
		},
		Sentences: make([]Sentence, len(doc.Sentences)),
		Entities:  nonNil(doc.Entities),
		Actors:    documentActors(doc.Actors),
		Places:    nonNil(doc.Places),
		Events:    nonNil(doc.Events),
		Relations: nonNil(doc.Relations),
		Times:     nonNil(doc.Times),
		Warnings:  nonNil(doc.Warnings),
	}
	for i, s := range doc.Sentences {
		out.Sentences[i] = Sentence{Span: s.Span, Region: s.Region, Text: doc.Slice(s.Span)}
		if opt.Tokens && s.Last > s.First && s.Last <= len(doc.Tokens) {
			out.Sentences[i].Tokens = tokens(doc.Article.Text, doc.Tokens[s.First:s.Last], s.First)
		}
	}
	return out
}

func tokens(text string, ts []sitrep.Token, first int) []Token {
	out := make([]Token, len(ts))
	for i, t := range ts {
		out[i] = Token{ID: i + 1, Span: t.Span, Text: t.Text, Parts: t.Parts(text),
			UPOS: t.UPOS, XPOS: t.XPOS, Lemma: t.Lemma, Rel: t.Rel}
		if t.Rel != "" {
			h := 0
			if t.Head >= 0 {
				h = t.Head - first + 1
			}
			out[i].Head = &h
		}
	}
	return out
}

// documentActors returns the document's actors without their aliases, which
// belong to the dictionary rather than to the document.
func documentActors(as []sitrep.Actor) []sitrep.Actor {
	out := make([]sitrep.Actor, len(as))
	for i, a := range as {
		a.Aliases = nil
		out[i] = a
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// JSON writes the JSON form of doc to w, followed by a newline.
func JSON(w io.Writer, doc *sitrep.Document, opt Options) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if opt.Indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(View(doc, opt))
}
