package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/render"
	"github.com/sitrep/sitrep/source/jsonl"
)

// articleView is the answer of GET /api/v1/articles/{id}: the article's
// annotations in the document contract (docs/schema.md), its raw text, the
// outlets that carried it and the events it reports.
type articleView struct {
	Document *render.Document `json:"document"`
	// Text is the article exactly as ingested: every span of the document
	// is a byte range of it.
	Text     string        `json:"text"`
	Copies   []sitrep.Copy `json:"copies"`
	Ingested time.Time     `json:"ingested"`
	Reports  []reportRef   `json:"reports"`
}

// reportRef links one of the article's events to the corroborated event
// it belongs to.
type reportRef struct {
	ID       string           `json:"id"`
	EventID  string           `json:"event_id"`
	Type     sitrep.EventType `json:"type"`
	Modality sitrep.Modality  `json:"modality"`
	// Evidence locates the report's main sentence in Text.
	Evidence sitrep.Span `json:"evidence"`
}

func (s *Server) article(w http.ResponseWriter, r *http.Request) error {
	if _, err := readParams(r.URL); err != nil {
		return err
	}
	a, err := s.cfg.Store.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	v := articleView{Document: render.View(a.Document, render.Options{}), Text: a.Document.Article.Text,
		Copies: a.Copies, Ingested: a.Ingested, Reports: make([]reportRef, len(a.Reports))}
	if v.Copies == nil {
		v.Copies = []sitrep.Copy{}
	}
	for i, rp := range a.Reports {
		v.Reports[i] = reportRef{ID: rp.ID, EventID: rp.EventID, Type: rp.Event.Type, Modality: rp.Event.Modality, Evidence: rp.Event.Evidence.Span}
	}
	s.writeJSON(w, r, http.StatusOK, v)
	return nil
}

// articleList is the answer of GET /api/v1/articles.
type articleList struct {
	Articles []sitrep.ArticleSummary `json:"articles"`
	Next     string                  `json:"next"`
}

func (s *Server) articles(w http.ResponseWriter, r *http.Request) error {
	p, err := readParams(r.URL, []string{"since", "until", "outlet", "q", "cursor", "limit"})
	if err != nil {
		return err
	}
	f := sitrep.ArticleFilter{Since: p.get("since"), Until: p.get("until"), Outlet: p.get("outlet"), Text: p.get("q"), Cursor: p.get("cursor")}
	for _, d := range []struct{ name, v string }{{"since", f.Since}, {"until", f.Until}} {
		if _, err := time.Parse(time.DateOnly, d.v); d.v != "" && err != nil {
			return sitrep.Errorf(sitrep.EINVALID, "%s: %q is not a date; use YYYY-MM-DD", d.name, d.v)
		}
	}
	if len(f.Text) > s.cfg.MaxQueryText {
		return sitrep.Errorf(sitrep.EINVALID, "q: %d bytes is longer than the %d a text query may have", len(f.Text), s.cfg.MaxQueryText)
	}
	if f.Limit, err = p.limit(s.cfg.MaxPage); err != nil {
		return err
	}
	page, err := s.cfg.Store.Articles(r.Context(), f)
	if err != nil {
		return err
	}
	if page.Articles == nil {
		page.Articles = []sitrep.ArticleSummary{}
	}
	s.writeJSON(w, r, http.StatusOK, articleList{Articles: page.Articles, Next: page.Next})
	return nil
}

// decodeBody reads a JSON body into v, refusing unknown fields and
// trailing data.
func decodeBody(r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return sitrep.Errorf(sitrep.EINVALID, "Content-Type %q: send application/json", ct)
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if strings.Contains(err.Error(), "request body too large") {
			return err
		}
		return sitrep.Errorf(sitrep.EINVALID, "body is not the JSON object this endpoint takes: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return sitrep.Errorf(sitrep.EINVALID, "body has data after its JSON object")
	}
	return nil
}

// postArticle codes and stores one article: {"text", "title", "published",
// "url", "outlet", "language", "id"}, the JSON-lines article format.
func (s *Server) postArticle(w http.ResponseWriter, r *http.Request) error {
	var line jsonl.Line
	if err := decodeBody(r, &line); err != nil {
		return err
	}
	b, err := json.Marshal(line)
	if err != nil {
		return err
	}
	_, a, err := jsonl.Decode(b)
	if err != nil {
		return err
	}
	res, err := s.cfg.Ingester.IngestArticle(r.Context(), a)
	if err != nil {
		return err
	}
	if res.Events == nil {
		res.Events = []string{}
	}
	status := http.StatusOK
	if res.Status == sitrep.PutNew {
		status = http.StatusCreated
		w.Header().Set("Location", "/api/v1/articles/"+url.PathEscape(res.ArticleID))
	}
	s.writeJSON(w, r, status, ingestResult{Status: res.Status, ArticleID: res.ArticleID, Events: res.Events, NewEvents: res.NewEvents})
	return nil
}

// ingestResult is the answer of POST /api/v1/articles.
type ingestResult struct {
	Status    sitrep.PutStatus `json:"status"`
	ArticleID string           `json:"article_id"`
	Events    []string         `json:"events"`
	NewEvents int              `json:"new_events"`
}

// postFeed reads a feed URL and ingests its new items: {"url": "..."}.
func (s *Server) postFeed(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		URL string `json:"url"`
	}
	if err := decodeBody(r, &body); err != nil {
		return err
	}
	u, err := url.Parse(strings.TrimSpace(body.URL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return sitrep.Errorf(sitrep.EINVALID, "url: %q is not an http or https URL of a feed", body.URL)
	}
	res, err := s.cfg.Ingester.IngestFeed(r.Context(), u.String())
	if err != nil {
		return err
	}
	s.writeJSON(w, r, http.StatusOK, res)
	return nil
}
