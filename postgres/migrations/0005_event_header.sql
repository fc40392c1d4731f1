-- An event's place and actor names move from its search body to their own
-- column, so that a report joining the event appends its new texts to the
-- body instead of the store rebuilding the whole body from every report
-- (the SQLite store's migration 0006 keeps one row per text instead).
-- Bodies written before keep the names they had then.
ALTER TABLE events ADD COLUMN header TEXT NOT NULL DEFAULT '';
DROP INDEX events_search;
ALTER TABLE events DROP COLUMN search;
ALTER TABLE events ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', header || ' ' || body)) STORED;
CREATE INDEX events_search ON events USING gin (search);
