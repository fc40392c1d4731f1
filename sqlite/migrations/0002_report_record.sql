-- A report's event in the binary record codec (internal/sqlstore/codec.go):
-- linking a report to an event re-reads every report the event has, and
-- decoding their JSON was half of that. Reports written before this
-- migration keep their JSON in event; new ones leave it empty.
ALTER TABLE reports ADD COLUMN record BLOB;
