package server

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/export"
)

func (s *Server) actor(w http.ResponseWriter, r *http.Request) error {
	if _, err := readParams(r.URL); err != nil {
		return err
	}
	a, err := s.cfg.Store.Actor(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	s.writeJSON(w, r, http.StatusOK, a)
	return nil
}

// actorList is the answer of GET /api/v1/actors.
type actorList struct {
	Actors []sitrep.ActorRecord `json:"actors"`
	Next   string               `json:"next"`
}

func (s *Server) actors(w http.ResponseWriter, r *http.Request) error {
	p, err := readParams(r.URL, []string{"q", "country", "cursor", "limit"})
	if err != nil {
		return err
	}
	f := sitrep.ActorFilter{Query: p.get("q"), Country: strings.ToUpper(p.get("country")), Cursor: p.get("cursor")}
	if len(f.Query) > s.cfg.MaxQueryText {
		return sitrep.Errorf(sitrep.EINVALID, "q: %d bytes is longer than the %d a query may have", len(f.Query), s.cfg.MaxQueryText)
	}
	if f.Limit, err = p.limit(s.cfg.MaxPage); err != nil {
		return err
	}
	page, err := s.cfg.Store.Actors(r.Context(), f)
	if err != nil {
		return err
	}
	if page.Actors == nil {
		page.Actors = []sitrep.ActorRecord{}
	}
	s.writeJSON(w, r, http.StatusOK, actorList{Actors: page.Actors, Next: page.Next})
	return nil
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) error {
	if _, err := readParams(r.URL); err != nil {
		return err
	}
	st, err := s.cfg.Store.Stats(r.Context())
	if err != nil {
		return err
	}
	s.writeJSON(w, r, http.StatusOK, st)
	return nil
}

// infoBody is the answer of GET /api/v1/info: what this server offers, so
// a client need not hard-code it.
type infoBody struct {
	Version       string             `json:"version"`
	Demo          bool               `json:"demo"`
	Writes        bool               `json:"writes"`
	MaxPage       int                `json:"max_page"`
	DefaultPage   int                `json:"default_page"`
	MaxQueryText  int                `json:"max_query_text"`
	QueryTimeout  string             `json:"query_timeout"`
	EventTypes    []sitrep.EventType `json:"event_types"`
	Modalities    []modalityInfo     `json:"modalities"`
	CountBy       []sitrep.CountBy   `json:"count_by"`
	ExportFormats []export.Format    `json:"export_formats"`
}

type modalityInfo struct {
	Name     sitrep.Modality `json:"name"`
	Happened bool            `json:"happened"`
}

func (s *Server) info(w http.ResponseWriter, r *http.Request) {
	if _, err := readParams(r.URL); err != nil {
		s.writeError(w, r, err)
		return
	}
	b := infoBody{Version: s.cfg.Version, Demo: s.cfg.Demo, Writes: s.Writes(), MaxPage: s.cfg.MaxPage,
		DefaultPage: min(sitrep.DefaultLimit, s.cfg.MaxPage), MaxQueryText: s.cfg.MaxQueryText, QueryTimeout: s.cfg.QueryTimeout.String(),
		EventTypes: sitrep.EventTypes, CountBy: sitrep.CountBys, ExportFormats: export.Formats}
	for _, m := range sitrep.Modalities {
		b.Modalities = append(b.Modalities, modalityInfo{Name: m, Happened: m.Happened()})
	}
	s.writeJSON(w, r, http.StatusOK, b)
}

// healthz answers 200 when the store answers a one-event query within two
// seconds, 503 otherwise.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if _, err := s.cfg.Store.Events(ctx, sitrep.EventFilter{Limit: 1}); err != nil {
		s.log.Warn("health check failed", "err", err)
		s.writeError(w, r, apiError(eUnavailable, "the store does not answer: %s", sitrep.ErrorMessage(err)))
		return
	}
	s.writeJSON(w, r, http.StatusOK, map[string]string{"status": "ok", "version": s.cfg.Version})
}
