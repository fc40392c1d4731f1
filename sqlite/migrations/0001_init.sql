-- sitrep store schema, version 1 (SQLite). postgres/migrations/0001_init.sql
-- holds the same tables for PostgreSQL; internal/storetest checks both.

-- Articles: one row per distinct text; syndicated copies are rows of copies.
CREATE TABLE articles (
  seq           INTEGER PRIMARY KEY,
  id            TEXT    NOT NULL UNIQUE,
  content_hash  TEXT    NOT NULL,
  canonical_url TEXT    NOT NULL DEFAULT '',
  minhash       BLOB,
  title         TEXT    NOT NULL DEFAULT '',
  url           TEXT    NOT NULL DEFAULT '',
  outlet        TEXT    NOT NULL DEFAULT '',
  language      TEXT    NOT NULL DEFAULT '',
  published     TEXT    NOT NULL DEFAULT '', -- RFC 3339 UTC, '' when unknown
  published_day TEXT    NOT NULL DEFAULT '', -- YYYY-MM-DD
  ingested      TEXT    NOT NULL,
  length        INTEGER NOT NULL,
  n_events      INTEGER NOT NULL DEFAULT 0,
  text          TEXT    NOT NULL,
  doc           TEXT    NOT NULL            -- annotations as JSON, tokens left out
);
CREATE INDEX articles_published ON articles (published_day DESC, seq DESC);
CREATE INDEX articles_outlet ON articles (outlet, published_day DESC, seq DESC);
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content='articles', content_rowid='seq', tokenize='porter unicode61');

-- Every publication of an article: the original and each syndicated copy.
CREATE TABLE copies (
  seq           INTEGER PRIMARY KEY,
  article_seq   INTEGER NOT NULL REFERENCES articles (seq),
  outlet        TEXT    NOT NULL DEFAULT '',
  url           TEXT    NOT NULL DEFAULT '',
  canonical_url TEXT    NOT NULL DEFAULT '',
  content_hash  TEXT    NOT NULL,
  title         TEXT    NOT NULL DEFAULT '',
  published     TEXT    NOT NULL DEFAULT '',
  origin        TEXT    NOT NULL DEFAULT '',
  match         TEXT    NOT NULL,
  similarity    REAL    NOT NULL DEFAULT 1
);
CREATE INDEX copies_article ON copies (article_seq);
CREATE INDEX copies_hash ON copies (content_hash);
CREATE INDEX copies_url ON copies (canonical_url) WHERE canonical_url <> '';

-- MinHash LSH bands for near-duplicate lookup.
CREATE TABLE article_bands (
  band        INTEGER NOT NULL,
  article_seq INTEGER NOT NULL REFERENCES articles (seq),
  PRIMARY KEY (band, article_seq)
) WITHOUT ROWID;

-- Corroborated events. record holds the sitrep.EventRecord without its
-- reports; the columns are what filters and sorting need.
CREATE TABLE events (
  seq            INTEGER PRIMARY KEY,
  id             TEXT    NOT NULL UNIQUE,
  type           TEXT    NOT NULL,
  modality       TEXT    NOT NULL,
  happened       INTEGER NOT NULL,
  date_start     TEXT    NOT NULL DEFAULT '', -- '' when undated
  date_end       TEXT    NOT NULL DEFAULT '',
  country        TEXT    NOT NULL DEFAULT '',
  admin1         TEXT    NOT NULL DEFAULT '',
  place_key      TEXT    NOT NULL DEFAULT '',
  place_name     TEXT    NOT NULL DEFAULT '',
  lat            REAL,
  lon            REAL,
  actor1         TEXT    NOT NULL DEFAULT '',
  actor2         TEXT    NOT NULL DEFAULT '',
  fatalities     INTEGER,
  n_sources      INTEGER NOT NULL,
  n_reports      INTEGER NOT NULL,
  first_reported TEXT    NOT NULL DEFAULT '',
  last_reported  TEXT    NOT NULL DEFAULT '',
  confidence     REAL    NOT NULL,
  record         BLOB    NOT NULL, -- binary sitrep.EventRecord (internal/sqlstore/codec.go)
  fts_key        INTEGER NOT NULL DEFAULT 0 -- the event's rowid in events_fts: date above seq
);
-- The list order and its cursors, carrying what the common filters and
-- aggregates read so that scans need not visit the table.
CREATE INDEX events_date ON events (date_start DESC, seq DESC, date_end, lat, lon, type, fatalities);
CREATE INDEX events_type ON events (type, date_start DESC, seq DESC);
CREATE INDEX events_country ON events (country, date_start DESC, seq DESC, date_end, type, fatalities);
CREATE INDEX events_sources ON events (n_sources, date_start DESC, seq DESC);
CREATE VIRTUAL TABLE events_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat);
CREATE VIRTUAL TABLE events_fts USING fts5 (body, tokenize='porter unicode61');

-- Store-wide facts the queries use: max_span_days, the longest event date
-- range, bounds date filters from below.
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  n   INTEGER NOT NULL
);

-- Actors of each event, for the actor filter: one row per actor and event
-- (its first role), with the event's date so that an actor's latest events
-- come straight off an index.
CREATE TABLE event_actors (
  actor_key  TEXT    NOT NULL,
  event_seq  INTEGER NOT NULL REFERENCES events (seq),
  role       TEXT    NOT NULL, -- actor1, actor2, associated
  date_start TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (actor_key, event_seq)
) WITHOUT ROWID;
CREATE INDEX event_actors_event ON event_actors (event_seq);
CREATE INDEX event_actors_date ON event_actors (actor_key, date_start DESC, event_seq DESC);

-- Reports: one article's coding of one event, linked to the corroborated
-- event. event holds the sitrep.Event as coded, as JSON.
CREATE TABLE reports (
  seq         INTEGER PRIMARY KEY,
  id          TEXT    NOT NULL UNIQUE,
  article_seq INTEGER NOT NULL REFERENCES articles (seq),
  event_seq   INTEGER NOT NULL REFERENCES events (seq),
  type        TEXT    NOT NULL,
  modality    TEXT    NOT NULL,
  source      TEXT    NOT NULL DEFAULT '',
  score       REAL    NOT NULL,
  event       TEXT    NOT NULL
);
CREATE INDEX reports_event ON reports (event_seq);
CREATE INDEX reports_article ON reports (article_seq);

-- Mentions, as GDELT's mention table: article x sentence x span x
-- attribution, one row per stretch of text about an event.
CREATE TABLE mentions (
  report_seq  INTEGER NOT NULL REFERENCES reports (seq),
  article_seq INTEGER NOT NULL,
  event_seq   INTEGER NOT NULL,
  sentence    INTEGER NOT NULL, -- index into the article's sentences, -1 outside any
  start_off   INTEGER NOT NULL,
  end_off     INTEGER NOT NULL,
  main        INTEGER NOT NULL, -- 1 for the event's evidence sentence
  attribution TEXT    NOT NULL DEFAULT '', -- innermost source: speaker, document, cited outlet or outlet
  role        TEXT    NOT NULL DEFAULT '',
  text        TEXT    NOT NULL
);
CREATE INDEX mentions_event ON mentions (event_seq);
CREATE INDEX mentions_article ON mentions (article_seq);

-- Actors across all articles.
CREATE TABLE actors (
  key        TEXT    PRIMARY KEY,
  id         TEXT    NOT NULL DEFAULT '',
  name       TEXT    NOT NULL,
  name_fold  TEXT    NOT NULL,
  country    TEXT    NOT NULL DEFAULT '',
  sector     TEXT    NOT NULL DEFAULT '',
  kind       TEXT    NOT NULL DEFAULT '',
  n_events   INTEGER NOT NULL DEFAULT 0,
  n_articles INTEGER NOT NULL DEFAULT 0,
  first_seen TEXT    NOT NULL DEFAULT '',
  last_seen  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX actors_events ON actors (n_events DESC, key);
CREATE INDEX actors_name ON actors (name_fold);

-- Relations read from each article.
CREATE TABLE relations (
  seq         INTEGER PRIMARY KEY,
  article_seq INTEGER NOT NULL REFERENCES articles (seq),
  type        TEXT    NOT NULL,
  from_key    TEXT    NOT NULL,
  to_key      TEXT    NOT NULL,
  modality    TEXT    NOT NULL DEFAULT '',
  relation    TEXT    NOT NULL
);
CREATE INDEX relations_from ON relations (from_key);
CREATE INDEX relations_to ON relations (to_key);

-- Places resolved in any article.
CREATE TABLE places (
  seq          INTEGER PRIMARY KEY,
  key          TEXT    NOT NULL UNIQUE,
  geonames_id  INTEGER NOT NULL DEFAULT 0,
  name         TEXT    NOT NULL,
  country      TEXT    NOT NULL DEFAULT '',
  admin1       TEXT    NOT NULL DEFAULT '',
  feature_code TEXT    NOT NULL DEFAULT '',
  lat          REAL    NOT NULL,
  lon          REAL    NOT NULL,
  precision    INTEGER NOT NULL,
  n_articles   INTEGER NOT NULL DEFAULT 0
);
CREATE VIRTUAL TABLE places_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat);
