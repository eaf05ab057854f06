-- What `/api/issues` counts over whole UTC days: one row per (day, page, session) and per
-- (day, issue, session), so the sessions on a page or meeting an issue are a count of
-- rows, which adds up across days, instead of distinct sessions taken over every page
-- view and signal of the range (the narrow per-hour tables of 0010 keep one row per page
-- view; they still serve the hours at either end of a range). A session seen on the same
-- page on two days counts once per day (see the README, "Goals, issues and what they cost").
-- Rows of one key collapse on merge; queries read them with FINAL.

-- The sessions that viewed a page on a day, or met an issue on it (a signal on a page is
-- a view of it too). `page` as issues name it (no trailing slash), the session hashed.
CREATE TABLE IF NOT EXISTS page_day_sessions (
    site LowCardinality(String),
    day Date,
    page LowCardinality(String),
    session UInt64
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, day, page, session)
TTL day + INTERVAL 400 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS page_day_sessions_views_mv TO page_day_sessions AS
SELECT site, toDate(ts) AS day,
    if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))) AS page,
    cityHash64(session) AS session
FROM page_views;

CREATE MATERIALIZED VIEW IF NOT EXISTS page_day_sessions_hits_mv TO page_day_sessions AS
SELECT site, toDate(ts) AS day,
    if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))) AS page,
    cityHash64(session) AS session
FROM signals
WHERE selector != '';

-- A session's meeting with an issue on a day: `issue` hashes (page, selector, type), one
-- key to group by instead of three strings (which follow from it, so any row's will do); of the URLs a page was seen
-- at, the least (as the raw query picks it); the signal ids (hashed) are kept as a set,
-- so a re-sent signal counts once after merge as in `signals FINAL`.
CREATE TABLE IF NOT EXISTS issue_day_sessions (
    site LowCardinality(String),
    day Date,
    issue UInt64,
    session UInt64,
    page SimpleAggregateFunction(any, LowCardinality(String)),
    selector SimpleAggregateFunction(any, LowCardinality(String)),
    type SimpleAggregateFunction(any, LowCardinality(String)),
    ids SimpleAggregateFunction(groupUniqArrayArray, Array(UInt64)),
    first SimpleAggregateFunction(min, DateTime64(3, 'UTC')),
    last SimpleAggregateFunction(max, DateTime64(3, 'UTC')),
    label SimpleAggregateFunction(any, String),
    url SimpleAggregateFunction(min, String)
) ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, day, issue, session)
TTL day + INTERVAL 400 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS issue_day_sessions_mv TO issue_day_sessions AS
SELECT site, toDate(ts) AS day, cityHash64(page, selector, type) AS issue, cityHash64(session) AS session, page, selector, type,
    groupUniqArray(cityHash64(id)) AS ids, min(ts) AS first, max(ts) AS last, any(label) AS label, min(url) AS url
FROM (
    SELECT site, ts, session, id, selector, type, label, url,
        if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))) AS page
    FROM signals
    WHERE selector != ''
)
GROUP BY site, day, issue, session, page, selector, type;

-- A session's day in one row: the pages it viewed (`cityHash64(page)`) and the issues it
-- met (`issue` as above), as numbers so the two count in one pass. Conversions are
-- known only at query time (a goal comes after the pages, and URL goals follow the site's
-- settings), so the converted sessions are looked up here, one row per session and day,
-- instead of in every (page, session) and (issue, session) row.
CREATE TABLE IF NOT EXISTS session_days (
    site LowCardinality(String),
    day Date,
    session UInt64,
    pages SimpleAggregateFunction(groupUniqArrayArray, Array(UInt64)),
    issues SimpleAggregateFunction(groupUniqArrayArray, Array(UInt64))
) ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, day, session)
TTL day + INTERVAL 400 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS session_days_views_mv TO session_days AS
SELECT site, toDate(ts) AS day, cityHash64(session) AS session, groupUniqArray(cityHash64(if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))))) AS pages, CAST([], 'Array(UInt64)') AS issues
FROM page_views
GROUP BY site, day, session;

CREATE MATERIALIZED VIEW IF NOT EXISTS session_days_hits_mv TO session_days AS
SELECT site, toDate(ts) AS day, cityHash64(session) AS session, groupUniqArray(cityHash64(page)) AS pages, groupUniqArray(cityHash64(page, selector, type)) AS issues
FROM (
    SELECT site, ts, session, selector, type, if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))) AS page
    FROM signals
    WHERE selector != ''
)
GROUP BY site, day, session;

-- Events stored before this migration.
INSERT INTO page_day_sessions
SELECT site, toDate(ts) AS day,
    if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))) AS page,
    cityHash64(session) AS session
FROM page_views;

INSERT INTO page_day_sessions
SELECT site, toDate(ts) AS day,
    if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))) AS page,
    cityHash64(session) AS session
FROM signals
WHERE selector != '';

INSERT INTO issue_day_sessions
SELECT site, toDate(ts) AS day, cityHash64(page, selector, type) AS issue, cityHash64(session) AS session, page, selector, type,
    groupUniqArray(cityHash64(id)) AS ids, min(ts) AS first, max(ts) AS last, any(label) AS label, min(url) AS url
FROM (
    SELECT site, ts, session, id, selector, type, label, url,
        if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))) AS page
    FROM signals FINAL
    WHERE selector != ''
)
GROUP BY site, day, issue, session, page, selector, type;

INSERT INTO session_days
SELECT site, day, session, groupUniqArrayArray(pages) AS pages, groupUniqArrayArray(issues) AS issues
FROM (
    SELECT site, toDate(ts) AS day, cityHash64(session) AS session, [cityHash64(if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))))] AS pages, CAST([], 'Array(UInt64)') AS issues
    FROM page_views
    UNION ALL
    SELECT site, toDate(ts) AS day, cityHash64(session) AS session, [cityHash64(if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))))] AS pages, [cityHash64(if(path(url) = '', '/', if(length(path(url)) > 1 AND endsWith(path(url), '/'), substring(path(url), 1, length(path(url)) - 1), path(url))), selector, type)] AS issues
    FROM signals
    WHERE selector != ''
)
GROUP BY site, day, session;
