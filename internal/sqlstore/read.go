package sqlstore

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
)

// cursor is a position in a keyset-paginated list: the sort key and the
// row's seq.
func encodeCursor(key string, seq int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(key + "\x00" + strconv.FormatInt(seq, 10)))
}

func decodeCursor(c string) (string, int64, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil {
		if key, seqS, ok := strings.Cut(string(b), "\x00"); ok {
			if seq, err := strconv.ParseInt(seqS, 10, 64); err == nil && seq > 0 {
				return key, seq, nil
			}
		}
	}
	return "", 0, sitrep.Errorf(sitrep.EINVALID, "cursor %q is not one this store handed out; start again without it", c)
}

// probeLimit is the number of matches above which a membership filter is
// checked during the date-ordered scan rather than driving the query.
const probeLimit = 2000

// member returns the condition "e.seq IN (sub)", written so that the
// database drives the query from the subquery only when it is selective.
// When it is not and wide is set, wide (a plain condition on the row)
// replaces the subquery altogether.
func (s *Store) member(ctx context.Context, q q, sub string, args []any, wide string, wideArgs []any) (string, []any, error) {
	if !s.d.ProbeMembership() {
		return "e.seq IN (" + sub + ")", args, nil
	}
	var n int
	if err := q.row(ctx, "SELECT COUNT(*) FROM ("+sub+" LIMIT "+strconv.Itoa(probeLimit)+")", args...).Scan(&n); err != nil {
		return "", nil, fmt.Errorf("%s: probe filter: %w", s.name, err)
	}
	switch {
	case n < probeLimit:
		return "e.seq IN (" + sub + ")", args, nil
	case wide != "":
		return wide, wideArgs, nil
	}
	return "+e.seq IN (" + sub + ")", args, nil
}

// eventQuery returns the FROM, WHERE and ORDER BY clauses (with a leading
// space) that select a filter's events in list order. An actor filter
// drives the query from the actor's date-ordered index of events, which
// gives an actor's latest events without sorting all of them.
func (s *Store) eventQuery(ctx context.Context, q q, f *sitrep.EventFilter) (string, []any, error) {
	if t := strings.TrimSpace(f.Text); t != "" && f.Actor == "" {
		if ts, ok := s.d.TextOrdered(t); ok {
			// The text index streams matches latest first: no sort, and
			// the scan stops at the page's end.
			g := *f
			g.Text, g.Cursor = "", ""
			where, args, err := s.eventWhere(ctx, q, &g, "")
			if err != nil {
				return "", nil, err
			}
			conds := []string{ts.Cond}
			args = append(append([]any{}, ts.Args...), args...)
			if where != "" {
				conds = append(conds, strings.TrimPrefix(where, " WHERE "))
			}
			if f.Cursor != "" {
				key, seq, err := decodeCursor(f.Cursor)
				if err != nil {
					return "", nil, err
				}
				c, a := ts.Cursor(key, seq)
				conds, args = append(conds, c), append(args, a...)
			}
			return " " + ts.From + " WHERE " + strings.Join(conds, " AND ") + " ORDER BY " + ts.Order, args, nil
		}
	}
	if f.Actor == "" {
		where, args, err := s.eventWhere(ctx, q, f, "")
		return " FROM events e" + where + " ORDER BY e.date_start DESC, e.seq DESC", args, err
	}
	key := f.Actor
	var one int
	err := q.row(ctx, `SELECT 1 FROM event_actors WHERE actor_key = ? LIMIT 1`, key).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		key = sitrep.ActorKey(&sitrep.ActorRef{Name: f.Actor})
	} else if err != nil {
		return "", nil, fmt.Errorf("%s: look up actor %s: %w", s.name, f.Actor, err)
	}
	where, args, err := s.eventWhere(ctx, q, f, key)
	return " FROM event_actors ea JOIN events e ON e.seq = ea.event_seq" + where +
		" ORDER BY ea.date_start DESC, ea.event_seq DESC", args, err
}

// eventWhere turns a filter into a WHERE clause on events e (with a
// leading space), including the cursor position. With actorKey set, the
// query joins event_actors ea for that key (see eventQuery).
func (s *Store) eventWhere(ctx context.Context, q q, f *sitrep.EventFilter, actorKey string) (string, []any, error) {
	if err := f.Validate(); err != nil {
		return "", nil, err
	}
	var conds []string
	var args []any
	add := func(c string, a ...any) {
		conds = append(conds, c)
		args = append(args, a...)
	}
	var err error
	addMember := func(sub string, a []any, wide string, wideArgs ...any) {
		if err != nil {
			return
		}
		var c string
		if c, a, err = s.member(ctx, q, sub, a, wide, wideArgs); err == nil {
			add(c, a...)
		}
	}
	if f.Since != "" {
		// Overlap with [since, ...): the end is on or after since, and so
		// the start is no earlier than since less the longest span any
		// event has, a bound the date indexes can use.
		var span int
		if err := q.row(ctx, `SELECT n FROM meta WHERE key = 'max_span_days'`).Scan(&span); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return "", nil, fmt.Errorf("%s: read date span: %w", s.name, err)
		}
		since, _ := time.Parse(time.DateOnly, f.Since)
		add("e.date_end >= ? AND e.date_start >= ?", f.Since, since.AddDate(0, 0, -span).Format(time.DateOnly))
	}
	if f.Until != "" {
		add("e.date_start <= ?", f.Until)
	}
	if f.BBox != nil {
		b := *f.BBox
		if q.plainBox {
			add("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?", b.MinLat, b.MaxLat, b.MinLon, b.MaxLon)
		} else {
			sub, a := s.d.EventBBox(b)
			addMember(sub, a, "e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?", b.MinLat, b.MaxLat, b.MinLon, b.MaxLon)
		}
	}
	switch {
	case actorKey != "":
		add("ea.actor_key = ?", actorKey)
	case f.Actor != "":
		name := sitrep.ActorKey(&sitrep.ActorRef{Name: f.Actor})
		addMember("SELECT event_seq FROM event_actors WHERE actor_key IN (?, ?)", []any{f.Actor, name}, "")
	}
	if f.Country != "" {
		add("e.country = ?", strings.ToUpper(f.Country))
	}
	if len(f.Types) > 0 {
		a := make([]any, len(f.Types))
		for i, t := range f.Types {
			a[i] = string(t)
		}
		if len(a) == 1 {
			add("e.type = ?", a...) // lets SQLite test it on the index entry
		} else {
			add("e.type IN ("+placeholders(len(a))+")", a...)
		}
	}
	if len(f.Modalities) > 0 {
		a := make([]any, len(f.Modalities))
		for i, m := range f.Modalities {
			a[i] = string(m)
		}
		if len(a) == 1 {
			add("e.modality = ?", a...)
		} else {
			add("e.modality IN ("+placeholders(len(a))+")", a...)
		}
	}
	if f.HappenedOnly {
		add("e.happened = 1")
	}
	if f.MinSources > 0 {
		add("e.n_sources >= ?", f.MinSources)
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		sub, a := s.d.EventText(t)
		addMember(sub, a, "")
	}
	if f.ArticleID != "" {
		add("e.seq IN (SELECT r.event_seq FROM reports r JOIN articles a ON a.seq = r.article_seq WHERE a.id = ?)", f.ArticleID)
	}
	if err != nil {
		return "", nil, err
	}
	if f.Cursor != "" {
		key, seq, err := decodeCursor(f.Cursor)
		if err != nil {
			return "", nil, err
		}
		if actorKey != "" {
			add("(ea.date_start < ? OR (ea.date_start = ? AND ea.event_seq < ?))", key, key, seq)
		} else {
			add("(e.date_start < ? OR (e.date_start = ? AND e.seq < ?))", key, key, seq)
		}
	}
	if len(conds) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

const eventCols = `e.seq, e.date_start, e.record`

func scanEvent(rows *sql.Rows) (int64, string, sitrep.EventRecord, error) {
	var seq int64
	var date string
	var rec []byte
	var e sitrep.EventRecord
	if err := rows.Scan(&seq, &date, &rec); err != nil {
		return 0, "", e, err
	}
	if err := decodeRecord(rec, &e); err != nil {
		return 0, "", e, fmt.Errorf("decode event %d: %w", seq, err)
	}
	return seq, date, e, nil
}

// Events lists a page of events, latest event date first.
func (s *Store) Events(ctx context.Context, f sitrep.EventFilter) (sitrep.EventPage, error) {
	var page sitrep.EventPage
	from, args, err := s.eventQuery(ctx, s.onDB(), &f)
	if err != nil {
		return page, err
	}
	limit := sitrep.PageLimit(f.Limit)
	rows, err := s.onDB().query(ctx, `SELECT `+eventCols+from+` LIMIT `+strconv.Itoa(limit+1), args...)
	if err != nil {
		return page, fmt.Errorf("%s: list events: %w", s.name, err)
	}
	defer rows.Close()
	page.Events = make([]sitrep.EventRecord, 0, min(limit, 128))
	var lastSeq int64
	var lastDate string
	for rows.Next() {
		seq, date, e, err := scanEvent(rows)
		if err != nil {
			return page, fmt.Errorf("%s: list events: %w", s.name, err)
		}
		if len(page.Events) == limit {
			page.Next = encodeCursor(lastDate, lastSeq)
			break
		}
		page.Events = append(page.Events, e)
		lastSeq, lastDate = seq, date
	}
	if err := rows.Err(); err != nil {
		return page, fmt.Errorf("%s: list events: %w", s.name, err)
	}
	return page, nil
}

// EachEvent streams every event matching the filter. Rows are read from
// the database on one goroutine and decoded and handed to fn on the
// caller's, in batches, so that an export keeps two cores busy; memory
// stays bounded by two batches.
func (s *Store) EachEvent(ctx context.Context, f sitrep.EventFilter, fn func(*sitrep.EventRecord) error) error {
	from, args, err := s.eventQuery(ctx, s.onDB(), &f)
	if err != nil {
		return err
	}
	query := `SELECT e.record` + from
	if f.Limit > 0 {
		query += ` LIMIT ` + strconv.Itoa(f.Limit)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	rows, err := s.onDB().query(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("%s: walk events: %w", s.name, err)
	}
	const batch = 256
	batches := make(chan [][]byte, 1)
	var readErr error
	go func() {
		defer close(batches)
		defer rows.Close()
		buf := make([][]byte, 0, batch)
		for rows.Next() {
			var rec []byte
			if err := rows.Scan(&rec); err != nil {
				readErr = err
				return
			}
			buf = append(buf, rec)
			if len(buf) == batch {
				select {
				case batches <- buf:
				case <-ctx.Done():
					return
				}
				buf = make([][]byte, 0, batch)
			}
		}
		if err := rows.Err(); err != nil {
			readErr = err
			return
		}
		if len(buf) > 0 {
			select {
			case batches <- buf:
			case <-ctx.Done():
			}
		}
	}()
	var fnErr error
	for b := range batches {
		if fnErr != nil {
			continue
		}
		for _, rec := range b {
			var e sitrep.EventRecord
			if err := decodeRecord(rec, &e); err != nil {
				fnErr = fmt.Errorf("%s: walk events: %w", s.name, err)
				cancel()
				break
			}
			if err := fn(&e); err != nil {
				fnErr = err
				cancel()
				break
			}
		}
	}
	if fnErr != nil {
		return fnErr
	}
	if readErr != nil {
		return fmt.Errorf("%s: walk events: %w", s.name, readErr)
	}
	return ctx.Err()
}

// Event returns an event with all its reports.
func (s *Store) Event(ctx context.Context, id string) (*sitrep.EventRecord, error) {
	qq := s.onDB()
	var seq int64
	var rec []byte
	err := qq.row(ctx, `SELECT seq, record FROM events WHERE id = ?`, id).Scan(&seq, &rec)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("event", id)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: event %s: %w", s.name, id, err)
	}
	var e sitrep.EventRecord
	if err := decodeRecord(rec, &e); err != nil {
		return nil, fmt.Errorf("%s: decode event %s: %w", s.name, id, err)
	}
	if e.Reports, err = s.loadReports(ctx, qq, `r.event_seq = ?`, seq); err != nil {
		return nil, err
	}
	return &e, nil
}

// loadReports reads reports matching a condition on reports r, in the
// order they were stored, with their articles' outlets.
func (s *Store) loadReports(ctx context.Context, q q, cond string, args ...any) ([]sitrep.Report, error) {
	rows, err := q.query(ctx, `SELECT r.id, r.source, r.score, r.event, r.record, a.seq, a.id, a.title, a.url, a.published, e.id
		FROM reports r JOIN articles a ON a.seq = r.article_seq JOIN events e ON e.seq = r.event_seq
		WHERE `+cond+` ORDER BY r.seq`, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: read reports: %w", s.name, err)
	}
	var out []sitrep.Report
	var seqs []int64
	for rows.Next() {
		var r sitrep.Report
		var ev, published string
		var rec []byte
		var seq int64
		if err := rows.Scan(&r.ID, &r.Source, &r.Score, &ev, &rec, &seq, &r.ArticleID, &r.Title, &r.URL, &published, &r.EventID); err != nil {
			rows.Close()
			return nil, fmt.Errorf("%s: read reports: %w", s.name, err)
		}
		var err error
		if len(rec) > 0 {
			err = decodeEvent(rec, &r.Event)
		} else {
			err = json.Unmarshal([]byte(ev), &r.Event) // written before migration 0002
		}
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("%s: decode report %s: %w", s.name, r.ID, err)
		}
		r.Published = parseTime(published)
		out = append(out, r)
		seqs = append(seqs, seq)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: read reports: %w", s.name, err)
	}
	outlets, err := s.outlets(ctx, q, seqs)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Outlets = outlets[seqs[i]]
	}
	return out, nil
}

// outlets returns the outlets of articles, original publisher first.
func (s *Store) outlets(ctx context.Context, q q, seqs []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	uniq := map[int64]bool{}
	var args []any
	for _, seq := range seqs {
		if !uniq[seq] {
			uniq[seq] = true
			args = append(args, seq)
		}
	}
	for len(args) > 0 {
		n := min(len(args), 500)
		rows, err := q.query(ctx, `SELECT article_seq, outlet FROM copies WHERE article_seq IN (`+placeholders(n)+`) ORDER BY seq`, args[:n]...)
		if err != nil {
			return nil, fmt.Errorf("%s: read outlets: %w", s.name, err)
		}
		for rows.Next() {
			var seq int64
			var o string
			if err := rows.Scan(&seq, &o); err != nil {
				rows.Close()
				return nil, err
			}
			if o != "" && !contains(out[seq], o) {
				out[seq] = append(out[seq], o)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		args = args[n:]
	}
	return out, nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Article returns a stored article with its annotations, copies and
// reports.
func (s *Store) Article(ctx context.Context, id string) (*sitrep.ArticleRecord, error) {
	qq := s.onDB()
	var seq int64
	var text, doc, ingested, published string
	var mh []byte
	rec := &sitrep.ArticleRecord{}
	err := qq.row(ctx, `SELECT seq, content_hash, canonical_url, minhash, published, ingested, text, doc FROM articles WHERE id = ?`, id).
		Scan(&seq, &rec.Fingerprint.ContentHash, &rec.Fingerprint.CanonicalURL, &mh, &published, &ingested, &text, &doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("article", id)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: article %s: %w", s.name, id, err)
	}
	rec.Fingerprint.MinHash = decodeMinHash(mh)
	rec.Ingested = parseTime(ingested)
	d := &sitrep.Document{}
	if err := json.Unmarshal([]byte(doc), d); err != nil {
		return nil, fmt.Errorf("%s: decode article %s: %w", s.name, id, err)
	}
	d.Article.Text = text
	d.Article.Published = parseTime(published)
	rec.Document = d
	rows, err := qq.query(ctx, `SELECT outlet, url, title, published, origin, match, similarity FROM copies WHERE article_seq = ? ORDER BY seq`, seq)
	if err != nil {
		return nil, fmt.Errorf("%s: copies of %s: %w", s.name, id, err)
	}
	for rows.Next() {
		var c sitrep.Copy
		var p string
		var sim float64
		if err := rows.Scan(&c.Outlet, &c.URL, &c.Title, &p, &c.Origin, &c.Match, &sim); err != nil {
			rows.Close()
			return nil, err
		}
		c.Published = parseTime(p)
		c.Similarity = sim
		rec.Copies = append(rec.Copies, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if rec.Reports, err = s.loadReports(ctx, qq, `r.article_seq = ?`, seq); err != nil {
		return nil, err
	}
	return rec, nil
}

// Articles lists articles, newest publication first.
func (s *Store) Articles(ctx context.Context, f sitrep.ArticleFilter) (sitrep.ArticlePage, error) {
	var page sitrep.ArticlePage
	var conds []string
	var args []any
	for _, d := range []struct{ name, v string }{{"since", f.Since}, {"until", f.Until}} {
		if d.v != "" && !isDate(d.v) {
			return page, sitrep.Errorf(sitrep.EINVALID, "%s: %q is not a date; use YYYY-MM-DD", d.name, d.v)
		}
	}
	if f.Since != "" {
		conds, args = append(conds, "a.published_day >= ?"), append(args, f.Since)
	}
	if f.Until != "" {
		conds, args = append(conds, "a.published_day <= ?"), append(args, f.Until)
	}
	if f.Outlet != "" {
		conds, args = append(conds, "a.seq IN (SELECT article_seq FROM copies WHERE outlet = ?)"), append(args, f.Outlet)
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		c, a := s.d.ArticleText(t)
		conds, args = append(conds, c), append(args, a...)
	}
	if f.Cursor != "" {
		key, seq, err := decodeCursor(f.Cursor)
		if err != nil {
			return page, err
		}
		conds, args = append(conds, "(a.published_day < ? OR (a.published_day = ? AND a.seq < ?))"), append(args, key, key, seq)
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	limit := sitrep.PageLimit(f.Limit)
	qq := s.onDB()
	rows, err := qq.query(ctx, `SELECT a.seq, a.id, a.title, a.url, a.published, a.published_day, a.ingested, a.length, a.n_events
		FROM articles a`+where+` ORDER BY a.published_day DESC, a.seq DESC LIMIT `+strconv.Itoa(limit+1), args...)
	if err != nil {
		return page, fmt.Errorf("%s: list articles: %w", s.name, err)
	}
	var seqs []int64
	var lastDay string
	for rows.Next() {
		var a sitrep.ArticleSummary
		var seq int64
		var published, pday, ingested string
		if err := rows.Scan(&seq, &a.ID, &a.Title, &a.URL, &published, &pday, &ingested, &a.Length, &a.Events); err != nil {
			rows.Close()
			return page, fmt.Errorf("%s: list articles: %w", s.name, err)
		}
		if len(page.Articles) == limit {
			page.Next = encodeCursor(lastDay, seqs[len(seqs)-1])
			break
		}
		a.Published, a.Ingested = parseTime(published), parseTime(ingested)
		page.Articles = append(page.Articles, a)
		seqs = append(seqs, seq)
		lastDay = pday
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return page, err
	}
	outlets, err := s.outlets(ctx, qq, seqs)
	if err != nil {
		return page, err
	}
	for i := range page.Articles {
		page.Articles[i].Outlets = outlets[seqs[i]]
		if page.Articles[i].Outlets == nil {
			page.Articles[i].Outlets = []string{}
		}
	}
	return page, nil
}

func isDate(s string) bool {
	f := sitrep.EventFilter{Since: s}
	return f.Validate() == nil
}

// Counts aggregates events.
func (s *Store) Counts(ctx context.Context, f sitrep.EventFilter, by sitrep.CountBy) ([]sitrep.Count, error) {
	if !by.Valid() {
		return nil, sitrep.Errorf(sitrep.EINVALID, "count by %q: want one of day, week, month, type, country, admin1, place, actor, modality", by)
	}
	f.Cursor, f.Limit = "", 0
	where, args, err := s.eventWhere(ctx, s.onDB(), &f, "")
	if err != nil {
		return nil, err
	}
	var query string
	order := " ORDER BY 3 DESC, 1"
	switch by {
	case sitrep.ByDay:
		query = `SELECT e.date_start, '', COUNT(*), COALESCE(SUM(e.fatalities), 0), NULL, NULL FROM events e` + where + ` GROUP BY e.date_start`
		order = " ORDER BY 1"
	case sitrep.ByWeek:
		w := s.d.Week("e.date_start")
		query = `SELECT ` + w + `, '', COUNT(*), COALESCE(SUM(e.fatalities), 0), NULL, NULL FROM events e` + where + ` GROUP BY ` + w
		order = " ORDER BY 1"
	case sitrep.ByMonth:
		query = `SELECT substr(e.date_start, 1, 7), '', COUNT(*), COALESCE(SUM(e.fatalities), 0), NULL, NULL FROM events e` + where + ` GROUP BY substr(e.date_start, 1, 7)`
		order = " ORDER BY 1"
	case sitrep.ByType, sitrep.ByCountry, sitrep.ByAdmin1, sitrep.ByModality:
		col := "e." + string(by)
		query = `SELECT ` + col + `, '', COUNT(*), COALESCE(SUM(e.fatalities), 0), NULL, NULL FROM events e` + where + ` GROUP BY ` + col
	case sitrep.ByPlace:
		query = `SELECT e.place_key, MIN(e.place_name), COUNT(*), COALESCE(SUM(e.fatalities), 0), AVG(e.lat), AVG(e.lon) FROM events e` + where + ` GROUP BY e.place_key`
	case sitrep.ByActor:
		query = `SELECT x.k, COALESCE(MIN(ac.name), ''), COUNT(*), COALESCE(SUM(x.f), 0), NULL, NULL FROM (
			SELECT e.actor1 AS k, e.fatalities AS f FROM events e` + where + `
			UNION ALL SELECT e.actor2 AS k, e.fatalities AS f FROM events e` + where + `) x
			LEFT JOIN actors ac ON ac.key = x.k GROUP BY x.k`
		args = append(args, args...)
	}
	rows, err := s.onDB().query(ctx, query+order, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: count events by %s: %w", s.name, by, err)
	}
	defer rows.Close()
	out := []sitrep.Count{}
	for rows.Next() {
		var c sitrep.Count
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&c.Key, &c.Label, &c.Events, &c.Fatalities, &lat, &lon); err != nil {
			return nil, fmt.Errorf("%s: count events by %s: %w", s.name, by, err)
		}
		if c.Key == "" {
			continue
		}
		if lat.Valid && lon.Valid {
			c.Lat, c.Lon = &lat.Float64, &lon.Float64
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

const actorCols = `key, id, name, country, sector, kind, n_events, n_articles, first_seen, last_seen`

func scanActor(sc interface{ Scan(...any) error }) (string, sitrep.ActorRecord, error) {
	var a sitrep.ActorRecord
	var key string
	err := sc.Scan(&key, &a.ID, &a.Name, &a.Country, &a.Sector, &a.Kind, &a.Events, &a.Articles, &a.FirstSeen, &a.LastSeen)
	return key, a, err
}

// Actor returns an actor by canonical id or key ("name:..." for one no
// dictionary knows), with its relations.
func (s *Store) Actor(ctx context.Context, id string) (*sitrep.ActorRecord, error) {
	qq := s.onDB()
	key, a, err := scanActor(qq.row(ctx, `SELECT `+actorCols+` FROM actors WHERE key = ? OR key = ? LIMIT 1`,
		id, sitrep.ActorKey(&sitrep.ActorRef{Name: id})))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("actor", id)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: actor %s: %w", s.name, id, err)
	}
	rows, err := qq.query(ctx, `SELECT r.relation, a.id, a.published FROM relations r JOIN articles a ON a.seq = r.article_seq
		WHERE r.from_key = ? OR r.to_key = ? ORDER BY r.seq`, key, key)
	if err != nil {
		return nil, fmt.Errorf("%s: relations of %s: %w", s.name, id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var rr sitrep.RelationRecord
		var rel, published string
		if err := rows.Scan(&rel, &rr.ArticleID, &published); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(rel), &rr.Relation); err != nil {
			return nil, fmt.Errorf("%s: decode relation of %s: %w", s.name, id, err)
		}
		rr.Published = parseTime(published)
		a.Relations = append(a.Relations, rr)
	}
	return &a, rows.Err()
}

// Actors lists actors, most events first.
func (s *Store) Actors(ctx context.Context, f sitrep.ActorFilter) (sitrep.ActorPage, error) {
	var page sitrep.ActorPage
	var conds []string
	var args []any
	if qs := strings.ToLower(strings.TrimSpace(f.Query)); qs != "" {
		p := likePrefix(qs)
		conds, args = append(conds, `(lower(key) LIKE ? ESCAPE '\' OR name_fold LIKE ? ESCAPE '\')`), append(args, p, p)
	}
	if f.Country != "" {
		conds, args = append(conds, "country = ?"), append(args, strings.ToUpper(f.Country))
	}
	if f.Cursor != "" {
		key, seq, err := decodeCursor(f.Cursor)
		if err != nil {
			return page, err
		}
		// seq carries the event count, offset by one to stay positive.
		conds, args = append(conds, "(n_events < ? OR (n_events = ? AND key > ?))"), append(args, seq-1, seq-1, key)
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	limit := sitrep.PageLimit(f.Limit)
	rows, err := s.onDB().query(ctx, `SELECT `+actorCols+` FROM actors`+where+` ORDER BY n_events DESC, key LIMIT `+strconv.Itoa(limit+1), args...)
	if err != nil {
		return page, fmt.Errorf("%s: list actors: %w", s.name, err)
	}
	defer rows.Close()
	var lastKey string
	for rows.Next() {
		key, a, err := scanActor(rows)
		if err != nil {
			return page, fmt.Errorf("%s: list actors: %w", s.name, err)
		}
		if len(page.Actors) == limit {
			last := page.Actors[len(page.Actors)-1]
			page.Next = encodeCursor(lastKey, int64(last.Events)+1)
			break
		}
		page.Actors = append(page.Actors, a)
		lastKey = key
	}
	return page, rows.Err()
}

func likePrefix(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s) + "%"
}

// Stats counts what the store holds.
func (s *Store) Stats(ctx context.Context) (sitrep.Stats, error) {
	var st sitrep.Stats
	var last sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM copies), (SELECT COUNT(*) FROM reports),
		(SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM actors), (SELECT COUNT(*) FROM places),
		(SELECT COUNT(*) FROM relations), (SELECT MAX(ingested) FROM articles)`).
		Scan(&st.Articles, &st.Copies, &st.Reports, &st.Events, &st.Actors, &st.Places, &st.Relations, &last)
	if err != nil {
		return st, fmt.Errorf("%s: stats: %w", s.name, err)
	}
	st.LastIngest = parseTime(last.String)
	return st, nil
}
