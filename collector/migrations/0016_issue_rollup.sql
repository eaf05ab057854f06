-- What `/api/issues` reads for closed UTC days: finished counts, written by the collector
-- (collector/src/issues/IssueRollup.ts) from the per-day tables of 0015. Per (site, day,
-- goal) one row per page (`kind` 'page': its sessions, of them converted, their value),
-- one per issue (`kind` 'issue': its sessions, signals, first and last seen, converted,
-- value) and one `kind` 'day' row that says the day is rolled and holds the raw rows the
-- day had when it was (page views, signals, goals): a day whose raw counts differ now got
-- late events, and is read the per-day way until it is rolled again.
--
-- `goal` is the goal name asked for ('' any) and `patterns` a hash of the URL goals that
-- count for it (the site's settings when rolled), so a change of settings is never read
-- from an old roll. A roll writes every row of a day in one insert stamped `rolled`;
-- rolling a day again (late events, a second collector doing the same work) replaces
-- every row of the same key by the newest, so double work is harmless. Queries read it
-- with FINAL and keep only the rows of the day row's own roll.
CREATE TABLE IF NOT EXISTS issue_day_totals (
    site LowCardinality(String),
    day Date,
    goal String,
    patterns UInt64,
    kind LowCardinality(String),
    key UInt64,
    page LowCardinality(String),
    selector LowCardinality(String),
    type LowCardinality(String),
    label String,
    url String,
    sessions UInt64,
    signals UInt64,
    first DateTime64(3, 'UTC'),
    last DateTime64(3, 'UTC'),
    converted UInt64,
    value Float64,
    views UInt64,
    hits UInt64,
    goals UInt64,
    rolled DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(rolled)
PARTITION BY toYYYYMM(day)
ORDER BY (site, day, goal, patterns, kind, key)
TTL day + INTERVAL 400 DAY;

-- When a session was on a page on a day: its first and last view (or signal) there. A range
-- that starts inside a day holds the session's (day, page) if it was there at or after the
-- start (`last`), one that ends inside a day if it was there before the end (`first`), so
-- the hours of a range's first and last day are read one row per (page, session) here
-- instead of one per page view from the hour tables. Rows of one key merge (min, max), so
-- a row written twice is harmless; queries read it with FINAL.
CREATE TABLE IF NOT EXISTS page_day_spans (
    site LowCardinality(String),
    day Date,
    page LowCardinality(String),
    session UInt64,
    first SimpleAggregateFunction(min, DateTime64(3, 'UTC')),
    last SimpleAggregateFunction(max, DateTime64(3, 'UTC'))
) ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, day, page, session)
TTL day + INTERVAL 400 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS page_day_spans_views_mv TO page_day_spans AS
SELECT site, toDate(ts) AS day,
    if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))) AS page,
    cityHash64(session) AS session, min(ts) AS first, max(ts) AS last
FROM page_views
GROUP BY site, day, page, session;

CREATE MATERIALIZED VIEW IF NOT EXISTS page_day_spans_hits_mv TO page_day_spans AS
SELECT site, toDate(ts) AS day,
    if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))) AS page,
    cityHash64(session) AS session, min(ts) AS first, max(ts) AS last
FROM signals
WHERE selector != ''
GROUP BY site, day, page, session;

-- Events stored before this migration.
INSERT INTO page_day_spans
SELECT site, toDate(ts) AS day,
    if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))) AS page,
    cityHash64(session) AS session, min(ts) AS first, max(ts) AS last
FROM page_views
GROUP BY site, day, page, session;

INSERT INTO page_day_spans
SELECT site, toDate(ts) AS day,
    if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))) AS page,
    cityHash64(session) AS session, min(ts) AS first, max(ts) AS last
FROM signals
WHERE selector != ''
GROUP BY site, day, page, session;

-- How many page views, signals and goals each day of a site received, as inserted (a row
-- sent twice counts twice, and merges never lower it): a roll-up records the figures of its
-- day, and a day whose figures grew since got late events. Summed on merge; read with sum().
CREATE TABLE IF NOT EXISTS day_events (
    site LowCardinality(String),
    day Date,
    views UInt64,
    hits UInt64,
    goals UInt64
) ENGINE = SummingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, day)
TTL day + INTERVAL 400 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS day_events_views_mv TO day_events AS
SELECT site, toDate(ts) AS day, count() AS views, toUInt64(0) AS hits, toUInt64(0) AS goals
FROM page_views
GROUP BY site, day;

CREATE MATERIALIZED VIEW IF NOT EXISTS day_events_hits_mv TO day_events AS
SELECT site, toDate(ts) AS day, toUInt64(0) AS views, count() AS hits, toUInt64(0) AS goals
FROM signals
GROUP BY site, day;

CREATE MATERIALIZED VIEW IF NOT EXISTS day_events_goals_mv TO day_events AS
SELECT site, toDate(ts) AS day, toUInt64(0) AS views, toUInt64(0) AS hits, count() AS goals
FROM goals
GROUP BY site, day;

-- Events stored before this migration.
INSERT INTO day_events
SELECT site, toDate(ts) AS day, count() AS views, toUInt64(0) AS hits, toUInt64(0) AS goals
FROM page_views
GROUP BY site, day;

INSERT INTO day_events
SELECT site, toDate(ts) AS day, toUInt64(0) AS views, count() AS hits, toUInt64(0) AS goals
FROM signals
GROUP BY site, day;

INSERT INTO day_events
SELECT site, toDate(ts) AS day, toUInt64(0) AS views, toUInt64(0) AS hits, count() AS goals
FROM goals
GROUP BY site, day;
