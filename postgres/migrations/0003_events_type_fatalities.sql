-- Counting events by type (the UI's first view, /api/v1/stats) summed
-- fatalities through a lookup in the events table for every event; with
-- fatalities in the type index the count reads the index alone
-- (BenchmarkCountsAll in sqlite/).
DROP INDEX events_type;
CREATE INDEX events_type ON events (type, date_start DESC, seq DESC, fatalities);
