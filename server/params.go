package server

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// Query parameters of the event filter, shared by every endpoint that
// selects events.
var filterParams = []string{"since", "until", "bbox", "actor", "country", "type", "modality", "happened", "min_sources", "q", "article"}

// params reads a request's query, refusing parameters an endpoint does not
// know, so a misspelt filter ("sinse") is an error rather than silently
// ignored.
type params struct {
	v url.Values
}

func readParams(u *url.URL, allowed ...[]string) (params, error) {
	v, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return params{}, sitrep.Errorf(sitrep.EINVALID, "query string: %v", err)
	}
	var all []string
	for _, a := range allowed {
		all = append(all, a...)
	}
	for k, vs := range v {
		if !slices.Contains(all, k) {
			slices.Sort(all)
			return params{}, sitrep.Errorf(sitrep.EINVALID, "unknown parameter %q; this endpoint takes %s", k, strings.Join(all, ", "))
		}
		for _, s := range vs {
			if !utf8.ValidString(s) || strings.ContainsFunc(s, unicode.IsControl) {
				return params{}, sitrep.Errorf(sitrep.EINVALID, "%s: the value holds control characters or is not UTF-8", k)
			}
		}
	}
	return params{v}, nil
}

// get returns the last value of a parameter, trimmed.
func (p params) get(k string) string {
	vs := p.v[k]
	if len(vs) == 0 {
		return ""
	}
	return strings.TrimSpace(vs[len(vs)-1])
}

// list returns every value of a repeated or comma-separated parameter.
func (p params) list(k string) []string {
	var out []string
	for _, v := range p.v[k] {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

func (p params) integer(k string, min int) (int, error) {
	s := p.get(k)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min {
		return 0, sitrep.Errorf(sitrep.EINVALID, "%s: %q is not a whole number of at least %d", k, s, min)
	}
	return n, nil
}

func (p params) boolean(k string) (bool, error) {
	switch strings.ToLower(p.get(k)) {
	case "", "false", "0", "no":
		return false, nil
	case "true", "1", "yes":
		return true, nil
	}
	return false, sitrep.Errorf(sitrep.EINVALID, "%s: %q is not true or false", k, p.get(k))
}

// limit reads the page size: the default when absent, an error above the
// largest page rather than a silent clamp.
func (p params) limit(max int) (int, error) {
	n, err := p.integer("limit", 1)
	if err != nil {
		return 0, err
	}
	if n > max {
		return 0, sitrep.Errorf(sitrep.EINVALID, "limit: %d is over the largest page, %d; follow the next cursor for more", n, max)
	}
	return n, nil
}

// eventFilter reads the event filter of docs/serve.md from the query.
func (p params) eventFilter(maxText int) (sitrep.EventFilter, error) {
	f := sitrep.EventFilter{Since: p.get("since"), Until: p.get("until"), Actor: p.get("actor"), Text: p.get("q"), ArticleID: p.get("article")}
	if s := p.get("bbox"); s != "" {
		b, err := sitrep.ParseBBox(s)
		if err != nil {
			return f, err
		}
		f.BBox = &b
	}
	if c := p.get("country"); c != "" {
		c = strings.ToUpper(c)
		if len(c) != 3 || strings.Trim(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
			return f, sitrep.Errorf(sitrep.EINVALID, "country: %q is not an ISO 3166 alpha-3 code (SDN, UKR, COD)", p.get("country"))
		}
		f.Country = c
	}
	for _, t := range p.list("type") {
		f.Types = append(f.Types, sitrep.EventType(strings.ToUpper(t)))
	}
	for _, m := range p.list("modality") {
		f.Modalities = append(f.Modalities, sitrep.Modality(strings.ToLower(m)))
	}
	var err error
	if f.HappenedOnly, err = p.boolean("happened"); err != nil {
		return f, err
	}
	if f.MinSources, err = p.integer("min_sources", 0); err != nil {
		return f, err
	}
	if len(f.Text) > maxText {
		return f, sitrep.Errorf(sitrep.EINVALID, "q: %d bytes is longer than the %d a text query may have", len(f.Text), maxText)
	}
	if len(f.Actor) > maxText {
		return f, sitrep.Errorf(sitrep.EINVALID, "actor: %d bytes is longer than the %d an actor may have", len(f.Actor), maxText)
	}
	return f, f.Validate()
}
