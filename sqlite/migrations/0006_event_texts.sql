-- The events' full text as one row per distinct evidence or mention text
-- of their reports (and one of the event's place and actor names), each
-- tokenized once when it comes, instead of one row per event holding all
-- of them, which was tokenized whole again each time a report joined.
-- The rowid is the event's fts_key (its date above its seq) above the
-- row's chunk number (12 bits); fts_chunks counts an event's text rows.
-- events_fts kept only terms, so its text cannot be moved here: the store
-- rebuilds every event's rows from its merge state when it opens the file
-- (meta reindex_text holds the last event seq done), internal/sqlstore
-- reindexText.
CREATE VIRTUAL TABLE event_texts USING fts5 (body, content='', contentless_delete=1, tokenize='porter unicode61');
ALTER TABLE events ADD COLUMN fts_chunks INTEGER NOT NULL DEFAULT 0;
UPDATE events SET fts_key = 0;
DROP TABLE events_fts;
INSERT INTO meta (key, n) SELECT 'reindex_text', 0 WHERE EXISTS (SELECT 1 FROM events);
