package server

import (
	"context"
	"errors"
	"log/slog"
	"net/http"

	"github.com/sitrep/sitrep"
)

// Codes of failures that belong to HTTP rather than to the domain; they
// share the error table with sitrep's codes.
const (
	eUnauthorized = "unauthorized" // a write without the right token
	eDisabled     = "disabled"     // writes are off on this server
	eMethod       = "method"       // the path exists, the method does not
	eTimeout      = "timeout"      // the query ran past its time limit
	eUnavailable  = "unavailable"  // the store cannot be reached
)

// statuses maps every error code the API returns to its HTTP status: the
// one table of them.
var statuses = map[string]int{
	sitrep.EINVALID:  http.StatusBadRequest,
	sitrep.ENOTFOUND: http.StatusNotFound,
	sitrep.ECONFLICT: http.StatusConflict,
	sitrep.ETOOLARGE: http.StatusRequestEntityTooLarge,
	sitrep.EINTERNAL: http.StatusInternalServerError,
	eUnauthorized:    http.StatusUnauthorized,
	eDisabled:        http.StatusForbidden,
	eMethod:          http.StatusMethodNotAllowed,
	eTimeout:         http.StatusServiceUnavailable,
	eUnavailable:     http.StatusServiceUnavailable,
}

// errorBody is the JSON of every error response.
type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// writeError answers with the error's status and a JSON body saying what
// failed. Internal errors are logged in full and shown only as "internal
// error"; a query cut off by its time limit says so and what to do.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := sitrep.ErrorCode(err), sitrep.ErrorMessage(err)
	switch {
	case errors.Is(err, context.DeadlineExceeded) && code == sitrep.EINTERNAL:
		code = eTimeout
		msg = "the query took longer than " + s.cfg.QueryTimeout.String() + ", the server's limit; narrow it (dates, place, type, actor) and try again"
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		// The client went away: nobody reads the answer.
		return
	}
	status, ok := statuses[code]
	if !ok {
		status = http.StatusInternalServerError
	}
	if status >= 500 {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "query", r.URL.RawQuery, "status", status, "err", err)
	}
	if code == eUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="sitrep"`)
	}
	s.writeJSON(w, r, status, errorBody{Code: code, Message: msg})
}

// apiError is an error with one of the server's own codes.
func apiError(code, format string, args ...any) error {
	return sitrep.Errorf(code, format, args...)
}

// logAttrs are the attributes every request log line carries.
func logAttrs(r *http.Request, status int) []any {
	return []any{slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Int("status", status)}
}
