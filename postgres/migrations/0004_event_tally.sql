-- What merging needs of an event's reports (corroborate.Tally and the
-- texts of its full-text entry, internal/sqlstore/tally.go), so that
-- linking a report to an event costs what the report holds instead of
-- re-reading every report the event has. Events written before this
-- migration have none; the first report linked to one rebuilds it from
-- the event's reports.
ALTER TABLE events ADD COLUMN tally BYTEA;
