-- sitrep store schema, version 1 (PostgreSQL). sqlite/migrations/0001_init.sql
-- holds the same tables for SQLite; internal/storetest checks both. Full-text
-- search uses generated tsvector columns where SQLite has FTS5 tables, and
-- GiST point indexes where SQLite has R*Trees.

-- Articles: one row per distinct text; syndicated copies are rows of copies.
CREATE TABLE articles (
  seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id            TEXT    NOT NULL UNIQUE,
  content_hash  TEXT    NOT NULL,
  canonical_url TEXT    NOT NULL DEFAULT '',
  minhash       BYTEA,
  title         TEXT    NOT NULL DEFAULT '',
  url           TEXT    NOT NULL DEFAULT '',
  outlet        TEXT    NOT NULL DEFAULT '',
  language      TEXT    NOT NULL DEFAULT '',
  published     TEXT    NOT NULL DEFAULT '', -- RFC 3339 UTC, '' when unknown
  published_day TEXT    NOT NULL DEFAULT '', -- YYYY-MM-DD
  ingested      TEXT    NOT NULL,
  length        BIGINT NOT NULL,
  n_events      BIGINT NOT NULL DEFAULT 0,
  text          TEXT    NOT NULL,
  doc           TEXT    NOT NULL,           -- annotations as JSON, tokens left out
  search        tsvector GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || text)) STORED
);
CREATE INDEX articles_published ON articles (published_day DESC, seq DESC);
CREATE INDEX articles_outlet ON articles (outlet, published_day DESC, seq DESC);
CREATE INDEX articles_search ON articles USING gin (search);

-- Every publication of an article: the original and each syndicated copy.
CREATE TABLE copies (
  seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_seq   BIGINT NOT NULL REFERENCES articles (seq),
  outlet        TEXT    NOT NULL DEFAULT '',
  url           TEXT    NOT NULL DEFAULT '',
  canonical_url TEXT    NOT NULL DEFAULT '',
  content_hash  TEXT    NOT NULL,
  title         TEXT    NOT NULL DEFAULT '',
  published     TEXT    NOT NULL DEFAULT '',
  origin        TEXT    NOT NULL DEFAULT '',
  match         TEXT    NOT NULL,
  similarity    DOUBLE PRECISION    NOT NULL DEFAULT 1
);
CREATE INDEX copies_article ON copies (article_seq);
CREATE INDEX copies_hash ON copies (content_hash);
CREATE INDEX copies_url ON copies (canonical_url) WHERE canonical_url <> '';

-- MinHash LSH bands for near-duplicate lookup.
CREATE TABLE article_bands (
  band        BIGINT NOT NULL,
  article_seq BIGINT NOT NULL REFERENCES articles (seq),
  PRIMARY KEY (band, article_seq)
);

-- Corroborated events. record holds the sitrep.EventRecord without its
-- reports; the columns are what filters and sorting need.
CREATE TABLE events (
  seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id             TEXT    NOT NULL UNIQUE,
  type           TEXT    NOT NULL,
  modality       TEXT    NOT NULL,
  happened       BIGINT NOT NULL,
  date_start     TEXT    NOT NULL DEFAULT '', -- '' when undated
  date_end       TEXT    NOT NULL DEFAULT '',
  country        TEXT    NOT NULL DEFAULT '',
  admin1         TEXT    NOT NULL DEFAULT '',
  place_key      TEXT    NOT NULL DEFAULT '',
  place_name     TEXT    NOT NULL DEFAULT '',
  lat            DOUBLE PRECISION,
  lon            DOUBLE PRECISION,
  actor1         TEXT    NOT NULL DEFAULT '',
  actor2         TEXT    NOT NULL DEFAULT '',
  fatalities     BIGINT,
  n_sources      BIGINT NOT NULL,
  n_reports      BIGINT NOT NULL,
  first_reported TEXT    NOT NULL DEFAULT '',
  last_reported  TEXT    NOT NULL DEFAULT '',
  confidence     DOUBLE PRECISION    NOT NULL,
  record         BYTEA   NOT NULL, -- binary sitrep.EventRecord (internal/sqlstore/codec.go)
  body           TEXT    NOT NULL DEFAULT '', -- evidence of all reports, for text search
  search         tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED
);
-- The list order and its cursors, carrying what the common filters and
-- aggregates read so that scans need not visit the table.
CREATE INDEX events_date ON events (date_start DESC, seq DESC, date_end, lat, lon, type, fatalities);
CREATE INDEX events_type ON events (type, date_start DESC, seq DESC);
CREATE INDEX events_country ON events (country, date_start DESC, seq DESC, date_end, type, fatalities);
CREATE INDEX events_sources ON events (n_sources, date_start DESC, seq DESC);
CREATE INDEX events_geo ON events USING gist (point(lon, lat)) WHERE lat IS NOT NULL;
CREATE INDEX events_search ON events USING gin (search);

-- Store-wide facts the queries use: max_span_days, the longest event date
-- range, bounds date filters from below.
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  n   BIGINT NOT NULL
);

-- Actors of each event, for the actor filter: one row per actor and event
-- (its first role), with the event's date so that an actor's latest events
-- come straight off an index.
CREATE TABLE event_actors (
  actor_key  TEXT    NOT NULL,
  event_seq  BIGINT NOT NULL REFERENCES events (seq),
  role       TEXT    NOT NULL, -- actor1, actor2, associated
  date_start TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (actor_key, event_seq)
);
CREATE INDEX event_actors_event ON event_actors (event_seq);
CREATE INDEX event_actors_date ON event_actors (actor_key, date_start DESC, event_seq DESC);

-- Reports: one article's coding of one event, linked to the corroborated
-- event. event holds the sitrep.Event as coded, as JSON.
CREATE TABLE reports (
  seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id          TEXT    NOT NULL UNIQUE,
  article_seq BIGINT NOT NULL REFERENCES articles (seq),
  event_seq   BIGINT NOT NULL REFERENCES events (seq),
  type        TEXT    NOT NULL,
  modality    TEXT    NOT NULL,
  source      TEXT    NOT NULL DEFAULT '',
  score       DOUBLE PRECISION    NOT NULL,
  event       TEXT    NOT NULL
);
CREATE INDEX reports_event ON reports (event_seq);
CREATE INDEX reports_article ON reports (article_seq);

-- Mentions, as GDELT's mention table: article x sentence x span x
-- attribution, one row per stretch of text about an event.
CREATE TABLE mentions (
  report_seq  BIGINT NOT NULL REFERENCES reports (seq),
  article_seq BIGINT NOT NULL,
  event_seq   BIGINT NOT NULL,
  sentence    BIGINT NOT NULL, -- index into the article's sentences, -1 outside any
  start_off   BIGINT NOT NULL,
  end_off     BIGINT NOT NULL,
  main        BIGINT NOT NULL, -- 1 for the event's evidence sentence
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
  n_events   BIGINT NOT NULL DEFAULT 0,
  n_articles BIGINT NOT NULL DEFAULT 0,
  first_seen TEXT    NOT NULL DEFAULT '',
  last_seen  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX actors_events ON actors (n_events DESC, key);
CREATE INDEX actors_name ON actors (name_fold);

-- Relations read from each article.
CREATE TABLE relations (
  seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_seq BIGINT NOT NULL REFERENCES articles (seq),
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
  seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key          TEXT    NOT NULL UNIQUE,
  geonames_id  BIGINT NOT NULL DEFAULT 0,
  name         TEXT    NOT NULL,
  country      TEXT    NOT NULL DEFAULT '',
  admin1       TEXT    NOT NULL DEFAULT '',
  feature_code TEXT    NOT NULL DEFAULT '',
  lat          DOUBLE PRECISION    NOT NULL,
  lon          DOUBLE PRECISION    NOT NULL,
  precision    BIGINT NOT NULL,
  n_articles   BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX places_geo ON places USING gist (point(lon, lat));
