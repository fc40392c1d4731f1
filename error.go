package sitrep

import (
	"errors"
	"fmt"
)

// Error codes, shared by every package so the CLI and the HTTP API can map
// them in one table.
const (
	EINVALID  = "invalid"  // bad input: a malformed report, flag, file
	ENOTFOUND = "notfound" // no such article, event, actor
	ECONFLICT = "conflict" // the thing already exists or changed underneath
	ETOOLARGE = "toolarge" // input over a configured limit
	EINTERNAL = "internal" // a bug or an unexpected failure
)

// Error is a domain error: a code for machines and a message for people.
// Messages say what failed and, where it helps, what to do.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// IsBadInput reports whether err blames the input (EINVALID, ETOOLARGE):
// what a batch reports and skips, where other errors stop it or are
// retried.
func IsBadInput(err error) bool {
	c := ErrorCode(err)
	return c == EINVALID || c == ETOOLARGE
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, or a
// generic message for other errors so internals are not leaked to users.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// StageError is the failure of one stage on one article.
type StageError struct {
	Stage     string
	ArticleID string
	Err       error
}

func (e *StageError) Error() string {
	return fmt.Sprintf("stage %s on article %s: %v", e.Stage, e.ArticleID, e.Err)
}

func (e *StageError) Unwrap() error { return e.Err }
