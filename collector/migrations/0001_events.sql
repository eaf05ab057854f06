-- Raw events, one table per kind. Order keys start (site, day, url): every
-- dashboard query filters by site and a date range and most group by page.
-- ReplacingMergeTree on the client-made id lets a re-sent event collapse.
CREATE TABLE IF NOT EXISTS signals (
    site LowCardinality(String),
    day Date DEFAULT toDate(ts),
    ts DateTime64(3, 'UTC'),
    id String,
    session String,
    page_view String,
    url String,
    type LowCardinality(String),
    selector String,
    label String,
    x Int32,
    y Int32,
    n UInt32,
    ms UInt32,
    why String
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, day, url, type, id)
TTL day + INTERVAL 400 DAY;

CREATE TABLE IF NOT EXISTS page_views (
    site LowCardinality(String),
    day Date DEFAULT toDate(ts),
    ts DateTime64(3, 'UTC'),
    id String,
    session String,
    page_view String,
    url String,
    ref String,
    vw UInt16,
    vh UInt16
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, day, url, id)
TTL day + INTERVAL 400 DAY;

CREATE TABLE IF NOT EXISTS alerts (
    site LowCardinality(String),
    day Date DEFAULT toDate(ts),
    ts DateTime64(3, 'UTC'),
    id String,
    session String,
    page_view String,
    url String,
    score Float32,
    reasons String
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, day, id)
TTL day + INTERVAL 400 DAY;
