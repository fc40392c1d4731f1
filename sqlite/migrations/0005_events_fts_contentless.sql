-- The events' full-text index without a copy of its text: an event's
-- entry is rewritten each time a report adds to it, and deleting an entry
-- from an FTS5 table that keeps its content re-reads and re-tokenizes the
-- old text first, half the cost of every re-index. Nothing reads the text
-- back (queries use MATCH and the rowid), so the index keeps only its
-- terms (contentless_delete, SQLite 3.43).
CREATE VIRTUAL TABLE events_fts_new USING fts5 (body, content='', contentless_delete=1, tokenize='porter unicode61');
INSERT INTO events_fts_new (rowid, body) SELECT rowid, body FROM events_fts;
DROP TABLE events_fts;
ALTER TABLE events_fts_new RENAME TO events_fts;
