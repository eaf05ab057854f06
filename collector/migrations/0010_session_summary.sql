-- What the issues ranking reads instead of the raw events: per hour, which sessions
-- viewed which page, and which signals each session met on which element. Narrow rows
-- (the session as a 64-bit hash, paths and elements as dictionaries) sorted by page, so
-- `/api/issues` counts distinct sessions over small columns instead of grouping every
-- page view and signal by strings. Whole hours of a range are read here, the minutes
-- at either end from the raw tables, so the figures stay exact for any range.

-- A session's pages in an hour: `page` as issues name it (no trailing slash), `path`
-- as seen (URL goals match that). Duplicate rows collapse on merge; queries count
-- distinct sessions, so rows not merged yet count once as well.
CREATE TABLE IF NOT EXISTS session_pages (
    site LowCardinality(String),
    hour DateTime('UTC'),
    page LowCardinality(String),
    path LowCardinality(String),
    session UInt64
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (site, hour, page, path, session)
TTL toDate(hour) + INTERVAL 400 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS session_pages_mv TO session_pages AS
SELECT site, toStartOfHour(ts) AS hour,
    if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))) AS page,
    path(url) AS path, cityHash64(session) AS session
FROM page_views;

-- The signals a session met on an element, one row per signal id (hashed), so a
-- re-sent signal counts once as in `signals FINAL`.
CREATE TABLE IF NOT EXISTS session_hits (
    site LowCardinality(String),
    hour DateTime('UTC'),
    page LowCardinality(String),
    selector LowCardinality(String),
    type LowCardinality(String),
    session UInt64,
    id UInt64,
    ts DateTime64(3, 'UTC'),
    label LowCardinality(String),
    url String
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (site, hour, page, selector, type, session, id)
TTL toDate(hour) + INTERVAL 400 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS session_hits_mv TO session_hits AS
SELECT site, toStartOfHour(ts) AS hour,
    if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))) AS page,
    selector, type, cityHash64(session) AS session, cityHash64(id) AS id, ts, label, url
FROM signals
WHERE selector != '';

-- Events stored before this migration.
INSERT INTO session_pages
SELECT site, toStartOfHour(ts) AS hour,
    if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))) AS page,
    path(url) AS path, cityHash64(session) AS session
FROM page_views;

INSERT INTO session_hits
SELECT site, toStartOfHour(ts) AS hour,
    if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))) AS page,
    selector, type, cityHash64(session) AS session, cityHash64(id) AS id, ts, label, url
FROM signals
WHERE selector != '';

-- "Take a new snapshot": a page's stored snapshots older than its latest request are
-- stale, so the next page views are asked for a fresh one (with the site's current
-- text setting). Kept in the store, so every collector process reads the same answer.
CREATE TABLE IF NOT EXISTS snapshot_refresh (
    site LowCardinality(String),
    url String,
    at DateTime64(3, 'UTC'),
    by String
) ENGINE = MergeTree
ORDER BY (site, url, at)
TTL toDateTime(at) + INTERVAL 90 DAY;
