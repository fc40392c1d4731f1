package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"maps"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep"
)

// Seen reports whether the fingerprint matches a stored article by
// canonical URL, content hash or near-duplicate text.
func (s *Store) Seen(ctx context.Context, fp sitrep.Fingerprint) (string, bool, error) {
	m, err := s.find(ctx, s.onDB(), fp)
	if err != nil || m.seq == 0 {
		return "", false, err
	}
	return m.id, true, nil
}

// match is a stored article a fingerprint matched.
type match struct {
	seq int64
	id  string
	how string // url, exact, near
	sim float64
}

// find looks for a stored article matching fp: same canonical URL, same
// content hash, or a near-duplicate text by MinHash.
func (s *Store) find(ctx context.Context, q q, fp sitrep.Fingerprint) (match, error) {
	var m match
	if fp.CanonicalURL != "" {
		err := q.row(ctx, `SELECT a.seq, a.id FROM copies c JOIN articles a ON a.seq = c.article_seq WHERE c.canonical_url = ? LIMIT 1`,
			fp.CanonicalURL).Scan(&m.seq, &m.id)
		if err == nil {
			m.how, m.sim = "url", 1
			return m, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return m, fmt.Errorf("%s: look up url: %w", s.name, err)
		}
	}
	err := q.row(ctx, `SELECT a.seq, a.id FROM copies c JOIN articles a ON a.seq = c.article_seq WHERE c.content_hash = ? LIMIT 1`,
		fp.ContentHash).Scan(&m.seq, &m.id)
	if err == nil {
		m.how, m.sim = "exact", 1
		return m, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return m, fmt.Errorf("%s: look up content hash: %w", s.name, err)
	}
	if len(fp.Bands) == 0 {
		return match{}, nil
	}
	args := make([]any, len(fp.Bands))
	for i, b := range fp.Bands {
		args[i] = b
	}
	rows, err := q.query(ctx, `SELECT a.seq, a.id, a.minhash FROM articles a WHERE a.seq IN (
		SELECT article_seq FROM article_bands WHERE band IN (`+placeholders(len(args))+`)) LIMIT 200`, args...)
	if err != nil {
		return m, fmt.Errorf("%s: look up near-duplicates: %w", s.name, err)
	}
	defer rows.Close()
	best := match{}
	for rows.Next() {
		var seq int64
		var id string
		var blob []byte
		if err := rows.Scan(&seq, &id, &blob); err != nil {
			return m, fmt.Errorf("%s: look up near-duplicates: %w", s.name, err)
		}
		sim, near := s.cfg.Dedup.Near(fp.MinHash, decodeMinHash(blob))
		if near && sim > best.sim {
			best = match{seq: seq, id: id, how: "near", sim: sim}
		}
	}
	return best, rows.Err()
}

func encodeMinHash(sig []uint32) []byte {
	if len(sig) == 0 {
		return nil
	}
	b := make([]byte, 4*len(sig))
	for i, v := range sig {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

func decodeMinHash(b []byte) []uint32 {
	if len(b) == 0 || len(b)%4 != 0 {
		return nil
	}
	out := make([]uint32, len(b)/4)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}

// Put stores a coded document in one transaction.
func (s *Store) Put(ctx context.Context, c sitrep.Coded) (sitrep.PutResult, error) {
	res, errs, err := s.PutBatch(ctx, []sitrep.Coded{c})
	if err != nil {
		return sitrep.PutResult{}, err
	}
	return res[0], errs[0]
}

// savepoint names the savepoint each article of a batch is written in.
const savepoint = "sitrep_article"

// PutBatch stores several coded documents in one transaction, each inside
// its own savepoint: a document that fails is rolled back alone and its
// error returned in errs, and the others commit together. One commit per
// group instead of per article saves the commit's page writes (in
// SQLite's write-ahead log, each commit rewrites every page it touched,
// and the indexes' upper pages are touched by every article).
//
// res and errs are parallel to cs, up to the first document that failed
// with an error other than bad input (sitrep.IsBadInput): the store is
// then in doubt, so the batch commits what came before it and stops
// there; the documents after it are not attempted and have no entry.
// A non-nil err means the transaction itself failed (begin, savepoint,
// commit): nothing of the batch is stored, and res and errs are nil.
// Every document is all-or-nothing, and a process killed mid-batch loses
// the batch, which an idempotent re-ingest writes again.
func (s *Store) PutBatch(ctx context.Context, cs []sitrep.Coded) (res []sitrep.PutResult, errs []error, err error) {
	res = make([]sitrep.PutResult, 0, len(cs))
	errs = make([]error, 0, len(cs))
	if len(cs) == 0 {
		return res, errs, nil
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: begin: %w", s.name, err)
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, tx.Rollback())
			res, errs = nil, nil
		}
	}()
	if err := s.d.LockWrites(ctx, tx); err != nil {
		return nil, nil, fmt.Errorf("%s: lock for writing %d articles: %w", s.name, len(cs), err)
	}
	qq := q{x: tx, d: s.d, stmts: s.stmts, bound: map[string]*sql.Stmt{}}
	var span int64
	var text textIndex
	s.states = map[int64]*mergeState{}
	defer func() { s.states = nil }()
	for _, c := range cs {
		if err := checkCoded(c); err != nil {
			res, errs = append(res, sitrep.PutResult{}), append(errs, err)
			continue
		}
		id := c.Doc.Article.ID
		if _, err := tx.ExecContext(ctx, "SAVEPOINT "+savepoint); err != nil {
			return nil, nil, fmt.Errorf("%s: savepoint for article %s: %w", s.name, id, err)
		}
		s.pendingSpan = 0
		s.pendingText.reset()
		r, perr := s.put(ctx, qq, c.Doc, c.Fingerprint, c.Origin)
		if perr != nil {
			// Undo this article alone; the savepoint stays until released.
			if _, err := tx.ExecContext(ctx, "ROLLBACK TO SAVEPOINT "+savepoint); err != nil {
				return nil, nil, fmt.Errorf("%s: roll back article %s after %v: %w", s.name, id, perr, err)
			}
			r = sitrep.PutResult{}
			clear(s.states) // it may hold what the article changed
		} else {
			span = max(span, s.pendingSpan)
			text.merge(&s.pendingText)
		}
		if _, err := tx.ExecContext(ctx, "RELEASE SAVEPOINT "+savepoint); err != nil {
			return nil, nil, fmt.Errorf("%s: release savepoint of article %s: %w", s.name, id, err)
		}
		res, errs = append(res, r), append(errs, perr)
		if perr != nil && !sitrep.IsBadInput(perr) {
			break
		}
	}
	if err := s.writeText(ctx, qq, &text); err != nil {
		return nil, nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, nil, fmt.Errorf("%s: commit %d articles: %w", s.name, len(res), err)
	}
	if span > s.maxSpan.Load() {
		s.maxSpan.Store(span)
	}
	return res, errs, nil
}

// writeText writes a batch's full-text entries, after its last savepoint:
// each new article's, and each event's latest.
func (s *Store) writeText(ctx context.Context, q q, t *textIndex) error {
	for _, a := range t.articles {
		if err := s.d.IndexArticle(ctx, q, a.seq, a.title, a.text); err != nil {
			return fmt.Errorf("%s: index article %d for text search: %w", s.name, a.seq, err)
		}
	}
	for _, seq := range slices.Sorted(maps.Keys(t.events)) {
		e := t.events[seq]
		if err := s.d.IndexEventText(ctx, q, seq, e.date, e.body, e.fresh); err != nil {
			return fmt.Errorf("%s: index event %d for text search: %w", s.name, seq, err)
		}
	}
	return nil
}

// checkCoded rejects a document Put cannot store, before any write.
func checkCoded(c sitrep.Coded) error {
	if c.Doc == nil {
		return sitrep.Errorf(sitrep.EINVALID, "put: nil document")
	}
	if c.Fingerprint.ContentHash == "" {
		return sitrep.Errorf(sitrep.EINVALID, "put article %s: fingerprint has no content hash; compute it with dedup.Config.Of", c.Doc.Article.ID)
	}
	return nil
}

func (s *Store) put(ctx context.Context, q q, doc *sitrep.Document, fp sitrep.Fingerprint, origin string) (sitrep.PutResult, error) {
	var res sitrep.PutResult
	a := doc.Article
	m, err := s.find(ctx, q, fp)
	if err != nil {
		return res, err
	}
	if m.seq != 0 {
		res.ArticleID = m.id
		res.Status = sitrep.PutDuplicate
		if m.how == "url" {
			return res, nil
		}
		var n int
		if err := q.row(ctx, `SELECT COUNT(*) FROM copies WHERE article_seq = ? AND outlet = ?`, m.seq, a.Outlet).Scan(&n); err != nil {
			return res, fmt.Errorf("%s: look up copies of %s: %w", s.name, m.id, err)
		}
		if n > 0 {
			return res, nil
		}
		if err := s.insertCopy(ctx, q, m.seq, &a, fp, origin, m.how, m.sim); err != nil {
			return res, err
		}
		res.Status = sitrep.PutCopy
		return res, s.refreshArticleEvents(ctx, q, m.seq)
	}

	// A new article. Keep the given id unless another text holds it.
	id := a.ID
	var taken int
	if err := q.row(ctx, `SELECT COUNT(*) FROM articles WHERE id = ?`, id).Scan(&taken); err != nil {
		return res, fmt.Errorf("%s: look up article id %s: %w", s.name, id, err)
	}
	if taken > 0 {
		id = id + "-" + fp.ContentHash[:8]
	}
	stored := *doc
	stored.Article.ID = id
	stored.Tokens = nil
	stored.Sentences = make([]sitrep.Sentence, len(doc.Sentences))
	for i, sn := range doc.Sentences {
		sn.First, sn.Last = 0, 0
		stored.Sentences[i] = sn
	}
	docJSON, err := json.Marshal(&stored)
	if err != nil {
		return res, fmt.Errorf("encode article %s: %w", id, err)
	}
	var seq int64
	err = q.row(ctx, `INSERT INTO articles (id, content_hash, canonical_url, minhash, title, url, outlet, language,
		published, published_day, ingested, length, n_events, text, doc)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
		id, fp.ContentHash, fp.CanonicalURL, encodeMinHash(fp.MinHash), a.Title, a.URL, a.Outlet, a.Language,
		formatTime(a.Published), day(a.Published), formatTime(s.cfg.Now()), len(a.Text), len(doc.Events), a.Text, string(docJSON),
	).Scan(&seq)
	if err != nil {
		return res, fmt.Errorf("%s: insert article %s: %w", s.name, id, err)
	}
	s.pendingText.articles = append(s.pendingText.articles, articleText{seq, a.Title, a.Text})
	bands := make([][]any, len(fp.Bands))
	for i, b := range fp.Bands {
		bands[i] = []any{b, seq}
	}
	if err := insertRows(ctx, q, `INSERT INTO article_bands (band, article_seq)`, `ON CONFLICT DO NOTHING`, bands); err != nil {
		return res, fmt.Errorf("%s: insert bands of %s: %w", s.name, id, err)
	}
	if err := s.insertCopy(ctx, q, seq, &a, fp, origin, "original", 1); err != nil {
		return res, err
	}
	res.Status, res.ArticleID = sitrep.PutNew, id

	// Actors first: linking events counts them.
	if err := s.putActors(ctx, q, doc); err != nil {
		return res, err
	}
	// Events with a place or a canonical actor first, so that the weak
	// ones (a headline's) can join what the article's strong ones joined.
	order := make([]int, 0, len(doc.Events))
	for pass := range 2 {
		for i := range doc.Events {
			if strong(&doc.Events[i]) == (pass == 0) {
				order = append(order, i)
			}
		}
	}
	res.Events = make([]string, len(doc.Events))
	mine := map[int64]*linked{} // events this article joined
	windows := windowCache{}
	var mentions, reports [][]any
	var linkedReps []linkedReport
	ids := map[string]bool{}
	for _, i := range order {
		ev := doc.Events[i]
		if ev.ID == "" || ids[ev.ID] {
			// Report ids must be unique within the article.
			ev.ID = "e" + strconv.Itoa(i+1)
			for ids[ev.ID] {
				ev.ID += "+"
			}
		}
		ids[ev.ID] = true
		rep := sitrep.Report{
			ID: id + "/" + ev.ID, ArticleID: id, Title: a.Title, URL: a.URL, Outlets: []string{a.Outlet},
			Published: a.Published, Source: independentSource(&ev, &a, id), Event: ev,
		}
		// Events of one article may join one event: a headline and the
		// body's sentence often both code the same happening.
		evSeq, repSeq, evID, isNew, err := s.link(ctx, q, &rep, seq, mine, windows, &reports)
		if err != nil {
			return res, fmt.Errorf("%s: corroborate event %s of article %s: %w", s.name, ev.ID, id, err)
		}
		res.Events[i] = evID
		if isNew {
			res.NewEvents++
		}
		linkedReps = append(linkedReps, linkedReport{rep, repSeq, evSeq})
	}
	if len(reports) > 0 {
		seqs, err := s.insertReports(ctx, q, reports)
		if err != nil {
			return res, fmt.Errorf("%s: insert reports of %s: %w", s.name, id, err)
		}
		for i := range linkedReps {
			if r := &linkedReps[i]; r.seq == 0 {
				r.seq = seqs[r.rep.ID]
			}
		}
	}
	for i := range linkedReps {
		r := &linkedReps[i]
		mentions = mentionRows(mentions, doc, &r.rep, r.seq, seq, r.event)
	}
	if err := insertRows(ctx, q, `INSERT INTO mentions (report_seq, article_seq, event_seq, sentence, start_off, end_off, main, attribution, role, text)`, "", mentions); err != nil {
		return res, fmt.Errorf("%s: insert mentions of %s: %w", s.name, id, err)
	}
	for _, seq := range slices.Sorted(maps.Keys(mine)) {
		l := mine[seq]
		if l.dirty {
			l.rec.Reports = nil
			l.state.indexed = indexHash(&l.rec, l.state.texts)
			if _, err := s.saveEvent(ctx, q, seq, &l.rec, encodeState(l.state), nil); err != nil {
				return res, fmt.Errorf("%s: save event %s: %w", s.name, l.rec.ID, err)
			}
		}
		if l.indexed != 0 && l.state.indexed == l.indexed {
			continue // the article changed nothing the indexes hold
		}
		if err := s.indexEvent(ctx, q, seq, &l.rec, l.state.texts, l.fresh); err != nil {
			return res, err
		}
	}
	if err := s.putPlaces(ctx, q, doc); err != nil {
		return res, err
	}
	for _, r := range doc.Relations {
		b, err := json.Marshal(r)
		if err != nil {
			return res, fmt.Errorf("encode relation: %w", err)
		}
		if _, err := q.exec(ctx, `INSERT INTO relations (article_seq, type, from_key, to_key, modality, relation) VALUES (?, ?, ?, ?, ?, ?)`,
			seq, string(r.Type), sitrep.ActorKey(&r.From), sitrep.ActorKey(&r.To), string(r.Modality), string(b)); err != nil {
			return res, fmt.Errorf("%s: insert relation of %s: %w", s.name, id, err)
		}
	}
	return res, nil
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

func (s *Store) insertCopy(ctx context.Context, q q, seq int64, a *sitrep.Article, fp sitrep.Fingerprint, origin, how string, sim float64) error {
	if how == "exact" {
		how = "copy"
	}
	if how != "original" && how != "near" {
		how = "copy"
	}
	_, err := q.exec(ctx, `INSERT INTO copies (article_seq, outlet, url, canonical_url, content_hash, title, published, origin, match, similarity)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		seq, a.Outlet, a.URL, fp.CanonicalURL, fp.ContentHash, a.Title, formatTime(a.Published), origin, how, sim)
	if err != nil {
		return fmt.Errorf("%s: insert copy of article %d: %w", s.name, seq, err)
	}
	return nil
}

// strong reports whether an event has what can link it beyond its own
// article: a place or a canonical actor.
func strong(ev *sitrep.Event) bool {
	if ev.Location != nil {
		return true
	}
	for _, a := range append([]*sitrep.ActorRef{ev.Actor1, ev.Actor2}, refs(ev.Associated)...) {
		if a != nil && a.ID != "" {
			return true
		}
	}
	return false
}

func refs(as []sitrep.ActorRef) []*sitrep.ActorRef {
	out := make([]*sitrep.ActorRef, len(as))
	for i := range as {
		out[i] = &as[i]
	}
	return out
}

// independentSource is the source a report counts as: the first cited
// outlet of its attribution chain, else the publishing outlet, else the
// URL's host, else the article itself.
func independentSource(ev *sitrep.Event, a *sitrep.Article, id string) string {
	for _, at := range ev.Sources {
		if at.Role == sitrep.RoleCitedOutlet && at.Name != "" {
			return at.Name
		}
	}
	if a.Outlet != "" {
		return a.Outlet
	}
	if u, err := url.Parse(a.URL); err == nil && u.Hostname() != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return "article:" + id
}

// linked is an event an article has joined during its Put: the record
// as last saved, with in Reports the article's own reports (Score
// counts them as the same article's), and its merge state.
type linked struct {
	seq   int64
	rec   sitrep.EventRecord
	state *mergeState // nil without an Incremental corroborator
	// indexed is the hash of the event's index entry before this article
	// (0 for a new event or without a state).
	indexed uint64
	// dirty is set when the event changed since it was last written.
	dirty bool
	// fresh is set when the article created the event.
	fresh bool
}

// link attaches a report to the best-scoring candidate event or starts a
// new one, stores the report and updates the event. With an Incremental
// corroborator the event's tally takes the report; otherwise every
// report of the event is read and merged again.
//
// With an Incremental corroborator the report's row is appended to
// reports for put to insert with the article's others (repSeq is then
// 0); otherwise it is inserted at once, since merging the event again
// reads its reports.
func (s *Store) link(ctx context.Context, q q, rep *sitrep.Report, articleSeq int64, mine map[int64]*linked, windows windowCache, reports *[][]any) (evSeq, repSeq int64, evID string, isNew bool, err error) {
	var cands []candidate
	got := map[int64]bool{}
	// The article's own events first, in a fixed order: the first of
	// equal scores wins.
	for _, seq := range slices.Sorted(maps.Keys(mine)) {
		got[seq] = true
		cands = append(cands, candidate{seq: seq, rec: mine[seq].rec})
	}
	for _, f := range s.cfg.Corroborator.Windows(rep) {
		key := windowKey(&f)
		cs, ok := windows[key]
		if !ok {
			if cs, err = s.candidates(ctx, q, f); err != nil {
				return 0, 0, "", false, err
			}
			windows[key] = cs
		}
		for _, c := range cs {
			if !got[c.seq] {
				got[c.seq] = true
				cands = append(cands, c)
			}
		}
	}
	var best *candidate
	bestScore := 0.0
	for i := range cands {
		c := &cands[i]
		if sc := s.cfg.Corroborator.Score(rep, &c.rec); sc > bestScore {
			best, bestScore = c, sc
		}
	}
	inc, incremental := s.cfg.Corroborator.(Incremental)
	l := &linked{}
	isNew = best == nil
	if isNew {
		rep.Score = 1
		sum := sha256.Sum256([]byte(rep.ID))
		l.rec = sitrep.EventRecord{ID: "ev-" + hex.EncodeToString(sum[:8])}
		l.fresh = true
		if incremental {
			l.state = &mergeState{}
		}
	} else {
		rep.Score = bestScore
		evSeq = best.seq
		if m, ok := mine[evSeq]; ok {
			// Joined earlier in this article: its state is at hand.
			l = m
		} else {
			l.rec = best.rec
			if incremental {
				if l.state = s.states[evSeq]; l.state == nil {
					if l.state, err = s.loadState(ctx, q, evSeq, inc); err != nil {
						return 0, 0, "", false, err
					}
					s.cacheState(evSeq, l.state)
				}
				l.indexed = l.state.indexed
			}
		}
	}
	l.seq = evSeq
	own := append(l.rec.Reports[:len(l.rec.Reports):len(l.rec.Reports)], *rep)
	if incremental {
		inc.Add(&l.state.tally, rep)
		l.state.texts = addTexts(l.state.texts, rep)
		l.rec.Reports = nil
		inc.Apply(&l.state.tally, &l.rec)
		// A stored event is written once per article, at the end of put
		// (an article often reports one happening several times); a new
		// one now, for its seq.
		l.dirty = !isNew
		if isNew {
			l.state.indexed = indexHash(&l.rec, l.state.texts)
			if evSeq, err = s.saveEvent(ctx, q, 0, &l.rec, encodeState(l.state), nil); err != nil {
				return 0, 0, "", false, err
			}
			s.cacheState(evSeq, l.state)
		}
		l.rec.Reports = own
	} else {
		if !isNew {
			if l.rec.Reports, err = s.loadReports(ctx, q, `r.event_seq = ?`, evSeq); err != nil {
				return 0, 0, "", false, err
			}
		}
		l.rec.Reports = append(l.rec.Reports, *rep)
		s.cfg.Corroborator.Merge(&l.rec)
		l.state = &mergeState{}
		for i := range l.rec.Reports {
			l.state.texts = addTexts(l.state.texts, &l.rec.Reports[i])
		}
		if evSeq, err = s.saveEvent(ctx, q, evSeq, &l.rec, nil, nil); err != nil { // indexed once, at the end of put
			return 0, 0, "", false, err
		}
	}
	l.seq = evSeq
	mine[evSeq] = l
	row := []any{rep.ID, articleSeq, evSeq, string(rep.Event.Type), string(rep.Event.Modality), rep.Source, rep.Score, encodeEvent(&rep.Event)}
	if incremental {
		*reports = append(*reports, row)
		return evSeq, 0, l.rec.ID, isNew, nil
	}
	if err := q.row(ctx, `INSERT INTO reports (id, article_seq, event_seq, type, modality, source, score, event, record) VALUES `+reportRow+` RETURNING seq`,
		row...).Scan(&repSeq); err != nil {
		return 0, 0, "", false, fmt.Errorf("insert report %s: %w", rep.ID, err)
	}
	return evSeq, repSeq, l.rec.ID, isNew, nil
}

// reportRow is the values of a report row: the event as JSON is no
// longer written (migration 0002), the record is.
const reportRow = `(?, ?, ?, ?, ?, ?, ?, '', ?)`

// linkedReport is a report put linked, with its seq once inserted.
type linkedReport struct {
	rep        sitrep.Report
	seq, event int64
}

// insertReports inserts report rows (link's) in multi-row statements
// and returns their seqs by report id.
func (s *Store) insertReports(ctx context.Context, q q, rows [][]any) (map[string]int64, error) {
	seqs := make(map[string]int64, len(rows))
	err := eachInsert(`INSERT INTO reports (id, article_seq, event_seq, type, modality, source, score, event, record)`, reportRow,
		`RETURNING seq, id`, rows, func(query string, args []any) error {
			rs, err := q.query(ctx, query, args...)
			if err != nil {
				return err
			}
			defer rs.Close()
			for rs.Next() {
				var seq int64
				var id string
				if err := rs.Scan(&seq, &id); err != nil {
					return err
				}
				seqs[id] = seq
			}
			return rs.Err()
		})
	if err != nil {
		return nil, err
	}
	return seqs, nil
}

// cacheState keeps an event's merge state for the rest of the batch
// (Store.states).
func (s *Store) cacheState(seq int64, st *mergeState) {
	if s.states != nil {
		s.states[seq] = st
	}
}

// loadState reads an event's merge state, or rebuilds it from the
// event's reports when it has none (written before migration 0004).
func (s *Store) loadState(ctx context.Context, q q, seq int64, inc Incremental) (*mergeState, error) {
	var b []byte
	if err := q.row(ctx, `SELECT tally FROM events WHERE seq = ?`, seq).Scan(&b); err != nil {
		return nil, fmt.Errorf("read merge state of event %d: %w", seq, err)
	}
	st := &mergeState{}
	if len(b) > 0 {
		if err := decodeState(b, st); err != nil {
			return nil, fmt.Errorf("decode merge state of event %d: %w", seq, err)
		}
		return st, nil
	}
	reps, err := s.loadReports(ctx, q, `r.event_seq = ?`, seq)
	if err != nil {
		return nil, err
	}
	sortReports(reps)
	for i := range reps {
		inc.Add(&st.tally, &reps[i])
		st.texts = addTexts(st.texts, &reps[i])
	}
	return st, nil
}

// sortReports puts reports in the order Merge reads them.
func sortReports(reps []sitrep.Report) {
	slices.SortStableFunc(reps, func(a, b sitrep.Report) int {
		if c := a.Published.Compare(b.Published); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

type candidate struct {
	seq int64
	rec sitrep.EventRecord
}

// windowCache holds the candidates of the corroboration windows an
// article's reports asked for, by windowKey: an article's events mostly
// share place, dates and actors, so its reports ask for the same windows.
// Within the article the stored events a window holds change only by
// the article's own links, and those events come from mine instead (link
// takes them first), so a window need be read once per article.
type windowCache map[string][]candidate

// windowKey identifies a corroboration window.
func windowKey(f *sitrep.EventFilter) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%s|%s|%s|%d|%d|%d|%t|%q|%q|%q", f.Since, f.Until, f.Country, f.Actor, f.Limit, f.MinSources, len(f.Types), f.HappenedOnly, f.Text, f.ArticleID, f.Cursor)
	for _, t := range f.Types {
		b.WriteString("|" + string(t))
	}
	for _, m := range f.Modalities {
		b.WriteString("|m:" + string(m))
	}
	if f.BBox != nil {
		fmt.Fprintf(&b, "|%v", *f.BBox)
	}
	return b.String()
}

// candidates returns the events in a corroboration window.
func (s *Store) candidates(ctx context.Context, q q, f sitrep.EventFilter) ([]candidate, error) {
	f.Cursor = ""
	// A window spans a few days, which the date indexes find at once: its
	// box is checked on those rows rather than read from the spatial
	// index, which SQLite would read whole (every event ever near the
	// place) into a temporary list first, with a probe of its size
	// before.
	q.plainBox = true
	from, args, err := s.eventQuery(ctx, q, &f)
	if err != nil {
		return nil, err
	}
	rows, err := q.query(ctx, `SELECT e.seq, e.record`+from+` LIMIT `+strconv.Itoa(sitrep.PageLimit(f.Limit)), args...)
	if err != nil {
		return nil, fmt.Errorf("candidate events: %w", err)
	}
	defer rows.Close()
	var out []candidate
	for rows.Next() {
		var c candidate
		var rec []byte
		if err := rows.Scan(&c.seq, &rec); err != nil {
			return nil, fmt.Errorf("candidate events: %w", err)
		}
		if err := decodeCandidate(rec, &c.rec); err != nil {
			return nil, fmt.Errorf("decode event %d: %w", c.seq, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// saveEvent inserts (seq 0) or updates an event row with its merge state
// (nil when the corroborator keeps none), its actors and their counts,
// and, when index is set, its search index; it returns the event's seq.
func (s *Store) saveEvent(ctx context.Context, q q, seq int64, rec *sitrep.EventRecord, state []byte, index *mergeState) (int64, error) {
	ev := &rec.Event
	recBytes := encodeRecord(rec)
	var err error
	dateStart, dateEnd := "", ""
	if ev.Date != nil {
		dateStart, dateEnd = ev.Date.Start, ev.Date.End
		if dateEnd == "" {
			dateEnd = dateStart
		}
	} else if !rec.FirstReported.IsZero() {
		// An undated event is filed under the week up to its first report,
		// the window corroboration gives it (corroborate's UndatedDays).
		dateStart, dateEnd = day(rec.FirstReported.AddDate(0, 0, -undatedDays)), day(rec.FirstReported)
	}
	var country, admin1, placeKey, placeName string
	var lat, lon *float64
	if l := ev.Location; l != nil {
		country, admin1, placeName = l.Country, l.Admin1, l.Name
		placeKey = locationKey(l)
		la, lo := l.Lat, l.Lon
		lat, lon = &la, &lo
	}
	var fat any
	if ev.Fatalities != nil {
		fat = *ev.Fatalities
	}
	args := []any{string(ev.Type), string(ev.Modality), boolInt(rec.Happened), dateStart, dateEnd, country, admin1, placeKey, placeName,
		nullFloat(lat), nullFloat(lon), sitrep.ActorKey(ev.Actor1), sitrep.ActorKey(ev.Actor2), fat, len(rec.Sources), rec.ReportCount,
		formatTime(rec.FirstReported), formatTime(rec.LastReported), ev.Confidence, recBytes, state}
	if span := int64(spanDays(dateStart, dateEnd)); span > s.maxSpan.Load() {
		// The stored maximum is at least what this process wrote (it only
		// grows), so smaller spans need no write. The cache is raised
		// only after the transaction commits (see Put).
		if _, err := q.exec(ctx, `INSERT INTO meta (key, n) VALUES ('max_span_days', ?)
			ON CONFLICT (key) DO UPDATE SET n = excluded.n WHERE meta.n < excluded.n`, span); err != nil {
			return 0, fmt.Errorf("record date span: %w", err)
		}
		s.pendingSpan = max(s.pendingSpan, span)
	}
	// The event's actors, one row each with the first role it has here,
	// dated like the event. An update writes only what changed: an event
	// of many reports names many actors, and rewriting all of them for
	// each report linked was a quarter of the store's time.
	type actorRow struct{ key, role string }
	var want []actorRow
	wanted := map[string]bool{"": true}
	add := func(a *sitrep.ActorRef, role string) {
		if k := sitrep.ActorKey(a); !wanted[k] {
			wanted[k] = true
			want = append(want, actorRow{k, role})
		}
	}
	add(ev.Actor1, "actor1")
	add(ev.Actor2, "actor2")
	for i := range ev.Associated {
		add(&ev.Associated[i], "associated")
	}
	oldRoles := map[string]string{}
	oldStart, oldEnd := "", ""
	if seq == 0 {
		err = q.row(ctx, `INSERT INTO events (type, modality, happened, date_start, date_end, country, admin1, place_key, place_name,
			lat, lon, actor1, actor2, fatalities, n_sources, n_reports, first_reported, last_reported, confidence, record, tally, id)
			VALUES (`+placeholders(len(args)+1)+`) RETURNING seq`, append(args, rec.ID)...).Scan(&seq)
		if err != nil {
			return 0, fmt.Errorf("insert event %s: %w", rec.ID, err)
		}
	} else {
		if err := q.row(ctx, `SELECT date_start, date_end FROM events WHERE seq = ?`, seq).Scan(&oldStart, &oldEnd); err != nil {
			return 0, fmt.Errorf("read event %s: %w", rec.ID, err)
		}
		if _, err := q.exec(ctx, `UPDATE events SET type = ?, modality = ?, happened = ?, date_start = ?, date_end = ?, country = ?,
			admin1 = ?, place_key = ?, place_name = ?, lat = ?, lon = ?, actor1 = ?, actor2 = ?, fatalities = ?, n_sources = ?,
			n_reports = ?, first_reported = ?, last_reported = ?, confidence = ?, record = ?, tally = ? WHERE seq = ?`, append(args, seq)...); err != nil {
			return 0, fmt.Errorf("update event %s: %w", rec.ID, err)
		}
		rows, err := q.query(ctx, `SELECT actor_key, role FROM event_actors WHERE event_seq = ?`, seq)
		if err != nil {
			return 0, fmt.Errorf("read actors of event %s: %w", rec.ID, err)
		}
		for rows.Next() {
			var k, role string
			if err := rows.Scan(&k, &role); err != nil {
				rows.Close()
				return 0, fmt.Errorf("read actors of event %s: %w", rec.ID, err)
			}
			oldRoles[k] = role
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, fmt.Errorf("read actors of event %s: %w", rec.ID, err)
		}
		if dateStart != oldStart && len(oldRoles) > 0 {
			if _, err := q.exec(ctx, `UPDATE event_actors SET date_start = ? WHERE event_seq = ?`, dateStart, seq); err != nil {
				return 0, fmt.Errorf("update actors of event %s: %w", rec.ID, err)
			}
		}
	}
	redated := dateStart != oldStart || dateEnd != oldEnd
	// New rows in one statement, and the actors' counts in one per
	// change (+1 for actors the event gains, +0 for the dates of those it
	// had when they moved): a new event's actors cost two statements.
	var added [][]any
	var gained, moved []any
	for _, a := range want {
		role, had := oldRoles[a.key]
		switch {
		case !had:
			added = append(added, []any{a.key, seq, a.role, dateStart})
			gained = append(gained, a.key)
		case role != a.role:
			if _, err := q.exec(ctx, `UPDATE event_actors SET role = ? WHERE actor_key = ? AND event_seq = ?`, a.role, a.key, seq); err != nil {
				return 0, fmt.Errorf("update actor %s of event %s: %w", a.key, rec.ID, err)
			}
		}
		if had && redated {
			moved = append(moved, a.key)
		}
	}
	if err := insertRows(ctx, q, `INSERT INTO event_actors (actor_key, event_seq, role, date_start)`, `ON CONFLICT DO NOTHING`, added); err != nil {
		return 0, fmt.Errorf("add actors to event %s: %w", rec.ID, err)
	}
	// Actor counts, incrementally: an actor's event count follows the
	// events it joins and leaves; its first and last seen dates widen
	// (for an actor the event had, only when the event's dates moved).
	for _, c := range []struct {
		delta int
		keys  []any
	}{{1, gained}, {0, moved}} {
		if len(c.keys) == 0 {
			continue
		}
		if _, err := q.exec(ctx, `UPDATE actors SET n_events = n_events + ?,
			first_seen = CASE WHEN first_seen = '' OR first_seen > ? THEN ? ELSE first_seen END,
			last_seen = CASE WHEN last_seen < ? THEN ? ELSE last_seen END WHERE key IN (`+placeholders(len(c.keys))+`)`,
			append([]any{c.delta, dateStart, dateStart, dateEnd, dateEnd}, c.keys...)...); err != nil {
			return 0, fmt.Errorf("count events of the actors of event %s: %w", rec.ID, err)
		}
	}
	for k := range oldRoles {
		if wanted[k] {
			continue
		}
		if _, err := q.exec(ctx, `DELETE FROM event_actors WHERE actor_key = ? AND event_seq = ?`, k, seq); err != nil {
			return 0, fmt.Errorf("remove actor %s from event %s: %w", k, rec.ID, err)
		}
		if _, err := q.exec(ctx, `UPDATE actors SET n_events = n_events - 1 WHERE key = ?`, k); err != nil {
			return 0, fmt.Errorf("count events of actor %s: %w", k, err)
		}
	}
	if index != nil {
		if err := s.indexEvent(ctx, q, seq, rec, index.texts, false); err != nil {
			return 0, err
		}
	}
	return seq, nil
}

// indexEvent (re)indexes an event's point, and queues its text and date
// for the end of the batch (textIndex).
func (s *Store) indexEvent(ctx context.Context, q q, seq int64, rec *sitrep.EventRecord, texts []string, fresh bool) error {
	date, body, lat, lon := indexEntry(rec, texts)
	if err := s.d.IndexEventPoint(ctx, q, seq, lat, lon); err != nil {
		return fmt.Errorf("index event %s: %w", rec.ID, err)
	}
	if s.pendingText.events == nil {
		s.pendingText.events = map[int64]eventText{}
	}
	fresh = fresh || s.pendingText.events[seq].fresh
	s.pendingText.events[seq] = eventText{date, body, fresh}
	return nil
}

// indexEntry is what the search indexes hold of an event: the date it is
// filed under, its text, its point.
func indexEntry(rec *sitrep.EventRecord, texts []string) (date, body string, lat, lon *float64) {
	if d := rec.Event.Date; d != nil {
		date = d.Start
	} else if !rec.FirstReported.IsZero() {
		date = day(rec.FirstReported.AddDate(0, 0, -undatedDays))
	}
	if l := rec.Event.Location; l != nil {
		lat, lon = &l.Lat, &l.Lon
	}
	return date, eventBody(rec, texts), lat, lon
}

// indexHash identifies an event's index entry, so that an event whose
// entry a report leaves as it was is not indexed again (re-indexing
// tokenizes the whole text of every report). The texts of a merge state
// only grow, so their number stands for them. Never 0.
func indexHash(rec *sitrep.EventRecord, texts []string) uint64 {
	h := fnv.New64a()
	w := func(s string) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	date, _, lat, lon := indexEntry(rec, nil)
	w(date)
	ev := &rec.Event
	if ev.Location != nil {
		w(ev.Location.Name)
	}
	for _, a := range []*sitrep.ActorRef{ev.Actor1, ev.Actor2} {
		if a != nil {
			w(a.Name)
		}
	}
	for _, a := range ev.Associated {
		w(a.Name)
	}
	if len(texts) == 0 {
		w(ev.Evidence.Text)
	}
	var b [24]byte
	binary.LittleEndian.PutUint64(b[:], uint64(len(texts)))
	if lat != nil {
		binary.LittleEndian.PutUint64(b[8:], math.Float64bits(*lat))
		binary.LittleEndian.PutUint64(b[16:], math.Float64bits(*lon))
	}
	h.Write(b[:])
	return h.Sum64() | 1
}

// spanDays is the length of a date range in days, 0 when unreadable.
func spanDays(start, end string) int {
	a, err1 := time.Parse(time.DateOnly, start)
	b, err2 := time.Parse(time.DateOnly, end)
	if err1 != nil || err2 != nil || b.Before(a) {
		return 0
	}
	return int(b.Sub(a).Hours() / 24)
}

// undatedDays is the span before its first report an undated event is
// filed under; corroborate.DefaultConfig().UndatedDays.
const undatedDays = 7

func nullFloat(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// eventBody is the text an event is found by: its place and actors and
// the evidence and mentions of every report (texts, distinct).
func eventBody(rec *sitrep.EventRecord, texts []string) string {
	var b strings.Builder
	ev := &rec.Event
	if ev.Location != nil {
		b.WriteString(ev.Location.Name)
		b.WriteByte('\n')
	}
	for _, a := range []*sitrep.ActorRef{ev.Actor1, ev.Actor2} {
		if a != nil {
			b.WriteString(a.Name)
			b.WriteByte('\n')
		}
	}
	for _, a := range ev.Associated {
		b.WriteString(a.Name)
		b.WriteByte('\n')
	}
	for _, t := range texts {
		b.WriteString(t)
		b.WriteByte('\n')
	}
	if len(texts) == 0 {
		b.WriteString(ev.Evidence.Text)
	}
	return b.String()
}

func locationKey(l *sitrep.Location) string {
	if l.GeonamesID != 0 {
		return "gn:" + strconv.FormatInt(l.GeonamesID, 10)
	}
	return fmt.Sprintf("name:%s|%s|%.3f,%.3f", strings.ToLower(l.Name), l.Country, l.Lat, l.Lon)
}

func placeKey(p *sitrep.Place) string {
	return locationKey(&sitrep.Location{Name: p.Name, GeonamesID: p.GeonamesID, Country: p.Country, Lat: p.Lat, Lon: p.Lon})
}

// refreshArticleEvents re-merges the events an article reports after a
// copy added outlets to it.
func (s *Store) refreshArticleEvents(ctx context.Context, q q, articleSeq int64) error {
	rows, err := q.query(ctx, `SELECT DISTINCT e.seq, e.record FROM events e JOIN reports r ON r.event_seq = e.seq WHERE r.article_seq = ?`, articleSeq)
	if err != nil {
		return fmt.Errorf("%s: events of article %d: %w", s.name, articleSeq, err)
	}
	var cands []candidate
	for rows.Next() {
		var c candidate
		var rec []byte
		if err := rows.Scan(&c.seq, &rec); err != nil {
			rows.Close()
			return err
		}
		if err := decodeRecord(rec, &c.rec); err != nil {
			rows.Close()
			return fmt.Errorf("decode event %d: %w", c.seq, err)
		}
		cands = append(cands, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	inc, incremental := s.cfg.Corroborator.(Incremental)
	for i := range cands {
		c := &cands[i]
		reps, err := s.loadReports(ctx, q, `r.event_seq = ?`, c.seq)
		if err != nil {
			return err
		}
		sortReports(reps)
		st := &mergeState{}
		for i := range reps {
			st.texts = addTexts(st.texts, &reps[i])
		}
		var state []byte
		if incremental {
			for i := range reps {
				inc.Add(&st.tally, &reps[i])
			}
			inc.Apply(&st.tally, &c.rec)
			st.indexed = indexHash(&c.rec, st.texts)
			state = encodeState(st)
		} else {
			c.rec.Reports = reps
			s.cfg.Corroborator.Merge(&c.rec)
			c.rec.Reports = nil
		}
		delete(s.states, c.seq)
		if _, err := s.saveEvent(ctx, q, c.seq, &c.rec, state, st); err != nil {
			return err
		}
	}
	return nil
}

// mentionRows appends the GDELT-style mention rows of a report to rows:
// the evidence sentence and every other stretch about the event, each
// with its sentence and the innermost source of the attribution chain.
// put writes an article's rows together (insertRows).
func mentionRows(rows [][]any, doc *sitrep.Document, rep *sitrep.Report, repSeq, articleSeq, eventSeq int64) [][]any {
	attr, role := doc.Article.Outlet, string(sitrep.RoleOutlet)
	if n := len(rep.Event.Sources); n > 0 {
		attr, role = rep.Event.Sources[n-1].Name, string(rep.Event.Sources[n-1].Role)
	}
	ev := &rep.Event
	spans := append([]sitrep.Evidence{ev.Evidence}, ev.Mentions...)
	seen := map[sitrep.Span]bool{}
	for i, m := range spans {
		if m.Text == "" && m.Span == (sitrep.Span{}) || seen[m.Span] {
			continue
		}
		seen[m.Span] = true
		rows = append(rows, []any{repSeq, articleSeq, eventSeq, doc.SentenceAt(m.Start), m.Start, m.End, boolInt(i == 0), attr, role, m.Text})
	}
	return rows
}

// maxRows is the most rows eachInsert puts in one statement.
const maxRows = 32

// insertRows inserts rows of the same columns with multi-row INSERT
// statements (eachInsert): head is "INSERT INTO t (a, b)", tail what
// follows the values ("ON CONFLICT DO NOTHING", or "").
func insertRows(ctx context.Context, q q, head, tail string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	return eachInsert(head, "("+placeholders(len(rows[0]))+")", tail, rows, func(query string, args []any) error {
		_, err := q.exec(ctx, query, args...)
		return err
	})
}

// eachInsert calls run with the multi-row INSERT statements that insert
// rows, and their arguments, stopping at its first error: head is
// "INSERT INTO t (a, b)", row the values of one row ("(?, ?)"), tail what
// follows the values (or ""). The statements take 32, 16, 8, 4, 2 or 1
// rows, so that a few prepared statements serve every count.
func eachInsert(head, row, tail string, rows [][]any, run func(query string, args []any) error) error {
	for len(rows) > 0 {
		n := maxRows
		for n > len(rows) {
			n /= 2
		}
		var b strings.Builder
		b.WriteString(head)
		b.WriteString(" VALUES ")
		args := make([]any, 0, n*len(rows[0]))
		for i, r := range rows[:n] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(row)
			args = append(args, r...)
		}
		if tail != "" {
			b.WriteString(" " + tail)
		}
		if err := run(b.String(), args); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// putActors files every actor the document names — in events, relations
// and resolved entities — counting the article for each.
func (s *Store) putActors(ctx context.Context, q q, doc *sitrep.Document) error {
	refs := map[string]sitrep.ActorRef{}
	var order []string
	add := func(a *sitrep.ActorRef) {
		k := sitrep.ActorKey(a)
		if k == "" {
			return
		}
		if _, ok := refs[k]; !ok {
			order = append(order, k)
			refs[k] = *a
		}
	}
	for i := range doc.Events {
		ev := &doc.Events[i]
		if ev.Actor1 != nil {
			add(ev.Actor1)
		}
		if ev.Actor2 != nil {
			add(ev.Actor2)
		}
		for j := range ev.Associated {
			add(&ev.Associated[j])
		}
	}
	for i := range doc.Relations {
		add(&doc.Relations[i].From)
		add(&doc.Relations[i].To)
	}
	for i := range doc.Entities {
		if e := &doc.Entities[i]; e.ActorID != "" && !strings.HasPrefix(e.ActorID, "_:") {
			add(&sitrep.ActorRef{ID: e.ActorID, Name: e.Text})
		}
	}
	rows := make([][]any, len(order))
	for i, k := range order {
		a := refs[k]
		name := a.Name
		if name == "" {
			name = a.ID
		}
		rows[i] = []any{k, a.ID, name, strings.ToLower(name), a.Country, a.Sector, a.Kind, 1}
	}
	if err := insertRows(ctx, q, `INSERT INTO actors (key, id, name, name_fold, country, sector, kind, n_articles)`,
		`ON CONFLICT (key) DO UPDATE SET n_articles = actors.n_articles + 1`, rows); err != nil {
		return fmt.Errorf("%s: file the actors of %s: %w", s.name, doc.Article.ID, err)
	}
	return nil
}

// putPlaces files the document's resolved places and event locations,
// counting each place once per article.
func (s *Store) putPlaces(ctx context.Context, q q, doc *sitrep.Document) error {
	seen := map[string]bool{}
	file := func(key string, p sitrep.Place) error {
		if seen[key] {
			return nil
		}
		seen[key] = true
		var seq int64
		err := q.row(ctx, `INSERT INTO places (key, geonames_id, name, country, admin1, feature_code, lat, lon, precision, n_articles)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (key) DO NOTHING RETURNING seq`,
			key, p.GeonamesID, p.Name, p.Country, p.Admin1, p.FeatureCode, p.Lat, p.Lon, p.Precision).Scan(&seq)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			_, err = q.exec(ctx, `UPDATE places SET n_articles = n_articles + 1 WHERE key = ?`, key)
		case err == nil:
			err = s.d.IndexPlace(ctx, q.x, seq, p.Lat, p.Lon)
		}
		if err != nil {
			return fmt.Errorf("%s: file place %s: %w", s.name, key, err)
		}
		return nil
	}
	for i := range doc.Places {
		if err := file(placeKey(&doc.Places[i]), doc.Places[i]); err != nil {
			return err
		}
	}
	for i := range doc.Events {
		if l := doc.Events[i].Location; l != nil {
			p := sitrep.Place{Name: l.Name, GeonamesID: l.GeonamesID, Country: l.Country, Admin1: l.Admin1,
				FeatureCode: l.FeatureCode, Lat: l.Lat, Lon: l.Lon, Precision: l.Precision}
			if err := file(locationKey(l), p); err != nil {
				return err
			}
		}
	}
	return nil
}
