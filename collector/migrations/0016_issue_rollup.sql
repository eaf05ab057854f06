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
