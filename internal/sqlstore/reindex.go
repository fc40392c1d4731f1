package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"

	"github.com/sitrep/sitrep"
)

// reindexBatch is the number of events reindexText rewrites per
// transaction.
const reindexBatch = 500

// reindexText writes every event's full-text rows in the layout of
// migration 0006 (EventText), from the event's merge state (or its
// reports, for an event without one), and rewrites the state without its
// texts. The migration leaves meta 'reindex_text' holding the last event
// seq done; each transaction does the next events and moves it on, and
// the last removes it, so a process killed midway goes on from there at
// the next open.
func (s *Store) reindexText(ctx context.Context) error {
	total, done := 0, 0
	for {
		n, more, err := s.reindexNext(ctx)
		if err != nil {
			return fmt.Errorf("%s: rebuild the events' full-text index (migration 0006): %w", s.name, err)
		}
		if n > 0 && total == 0 {
			if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM events`).Scan(&total); err != nil {
				return fmt.Errorf("%s: count events: %w", s.name, err)
			}
		}
		done += n
		if !more {
			if done > 0 {
				slog.Info("rebuilt the events' full-text index", "store", s.name, "events", done)
			}
			return nil
		}
		slog.Info("rebuilding the events' full-text index", "store", s.name, "done", done, "events", total)
	}
}

// reindexNext rewrites the next reindexBatch events in one transaction;
// more says whether any are left.
func (s *Store) reindexNext(ctx context.Context) (n int, more bool, err error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, false, err
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, tx.Rollback())
		}
	}()
	if err := s.d.LockWrites(ctx, tx); err != nil {
		return 0, false, err
	}
	qq := q{x: tx, d: s.d, stmts: nil}
	var after int64
	if err := qq.row(ctx, `SELECT n FROM meta WHERE key = 'reindex_text'`).Scan(&after); errors.Is(err, sql.ErrNoRows) {
		return 0, false, tx.Rollback()
	} else if err != nil {
		return 0, false, err
	}
	type row struct {
		seq        int64
		rec, tally []byte
	}
	rows, err := qq.query(ctx, `SELECT seq, record, tally FROM events WHERE seq > ? ORDER BY seq LIMIT `+fmt.Sprint(reindexBatch), after)
	if err != nil {
		return 0, false, err
	}
	var todo []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.seq, &r.rec, &r.tally); err != nil {
			rows.Close()
			return 0, false, err
		}
		todo = append(todo, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, false, err
	}
	for _, r := range todo {
		var rec sitrep.EventRecord
		if err := decodeRecord(r.rec, &rec); err != nil {
			return 0, false, fmt.Errorf("decode event %d: %w", r.seq, err)
		}
		st := &mergeState{}
		var chunks map[int]string
		if len(r.tally) > 0 {
			if err := decodeState(r.tally, st); err != nil {
				return 0, false, fmt.Errorf("decode merge state of event %d: %w", r.seq, err)
			}
			if st.legacy() {
				chunks = st.fromTexts(st.tail)
			} else if chunks, err = s.allChunks(ctx, qq, r.seq); err != nil {
				return 0, false, err
			}
		} else {
			if chunks, err = s.allChunks(ctx, qq, r.seq); err != nil {
				return 0, false, err
			}
		}
		total := len(chunks)
		if len(st.hashes) > 0 {
			total = min(len(st.hashes), MaxTextChunk)
		}
		date, _, _ := indexEntry(&rec)
		t := &EventText{Date: date, Header: eventHeader(&rec, total > 0), Chunks: chunks, Total: total,
			All: func(ctx context.Context) (map[int]string, error) { return chunks, nil }}
		if err := s.d.IndexEventText(ctx, qq, r.seq, t); err != nil {
			return 0, false, fmt.Errorf("index event %d: %w", r.seq, err)
		}
		if len(r.tally) > 0 {
			st.indexed = indexHash(&rec, len(st.hashes))
			if _, err := qq.exec(ctx, `UPDATE events SET tally = ? WHERE seq = ?`, encodeState(st), r.seq); err != nil {
				return 0, false, fmt.Errorf("save merge state of event %d: %w", r.seq, err)
			}
		}
	}
	more = len(todo) == reindexBatch
	if more {
		_, err = qq.exec(ctx, `UPDATE meta SET n = ? WHERE key = 'reindex_text'`, todo[len(todo)-1].seq)
	} else {
		_, err = qq.exec(ctx, `DELETE FROM meta WHERE key = 'reindex_text'`)
	}
	if err != nil {
		return 0, false, err
	}
	return len(todo), more, tx.Commit()
}
