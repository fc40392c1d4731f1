// Package jsonl reads articles written one per line as JSON objects:
// {"id", "text", "title", "published", "url", "outlet", "language"}, of which
// only "text" is required.
package jsonl

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// Line is one article as a JSON line.
type Line struct {
	ID        string `json:"id"`
	Text      string `json:"text"`
	Title     string `json:"title"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Language  string `json:"language"`
}

// Decode parses one JSON line into an article. The returned id is the line's
// own "id", echoed by batch output even when the line is bad; the article's
// ID is that id, or the content hash when the line has none.
func Decode(b []byte) (id string, a sitrep.Article, err error) {
	var l Line
	if !utf8.Valid(b) {
		// Recover the id for the error report if the JSON still parses.
		_ = json.Unmarshal(bytes.ToValidUTF8(b, []byte("\uFFFD")), &l)
		return l.ID, a, sitrep.Errorf(sitrep.EINVALID, "line is not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&l); err != nil {
		return l.ID, a, sitrep.Errorf(sitrep.EINVALID, "line is not a JSON object: %v", err)
	}
	if l.Text == "" {
		return l.ID, a, sitrep.Errorf(sitrep.EINVALID, `line has no "text"`)
	}
	a = sitrep.Article{ID: l.ID, Text: l.Text, Title: l.Title, URL: l.URL, Outlet: l.Outlet, Language: l.Language}
	if l.Published != "" {
		t, err := sitrep.ParsePublished(l.Published)
		if err != nil {
			return l.ID, a, err
		}
		a.Published = t
	}
	if a.ID == "" {
		a.ID = sitrep.ContentID(a.Text)
	}
	if a.Language == "" {
		a.Language = "en"
	}
	return l.ID, a, nil
}
