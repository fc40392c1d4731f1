package sitrep

import (
	"strings"
	"time"
)

// publishedLayouts are the forms of a publication time sitrep accepts, most
// specific first.
var publishedLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	time.DateOnly,
	time.RFC1123Z,
	time.RFC1123,
}

// ParsePublished reads a publication time: a date (2020-05-25), a date and
// time with or without a zone, or an RFC 1123 date as feeds write them.
// Times without a zone are taken as UTC.
func ParsePublished(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range publishedLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, Errorf(EINVALID, "cannot read %q as a publication date: use YYYY-MM-DD or RFC 3339 (2020-05-25T14:30:00Z)", s)
}
