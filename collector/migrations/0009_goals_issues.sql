-- Segments: device class, browser and OS families per page view, parsed from the
-- User-Agent at ingest (ua-parser-js, families only: enough to segment, too coarse
-- to fingerprint). Rows written before this migration read as ''.
ALTER TABLE page_views ADD COLUMN IF NOT EXISTS device LowCardinality(String) DEFAULT '';
ALTER TABLE page_views ADD COLUMN IF NOT EXISTS browser LowCardinality(String) DEFAULT '';
ALTER TABLE page_views ADD COLUMN IF NOT EXISTS os LowCardinality(String) DEFAULT '';

-- Goals a page reported with `wince('goal', name, value?)`. Goals defined by URL
-- glob in the site settings are read from page_views at query time, so a new goal
-- applies to past data too.
CREATE TABLE IF NOT EXISTS goals (
    site LowCardinality(String),
    day Date DEFAULT toDate(ts),
    ts DateTime64(3, 'UTC'),
    id String,
    session String,
    page_view String,
    url String,
    name String,
    value Float64
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, day, name, id)
TTL day + INTERVAL 400 DAY;

-- What a team decided about an issue (open, fixed, ignored): the latest row wins.
CREATE TABLE IF NOT EXISTS issue_status (
    site LowCardinality(String),
    issue String,
    at DateTime64(3, 'UTC'),
    status LowCardinality(String),
    by String
) ENGINE = MergeTree
ORDER BY (site, issue, at);
