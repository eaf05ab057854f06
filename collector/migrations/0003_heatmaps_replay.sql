-- Clicks for heatmaps. `vc` is the viewport class (mobile, tablet, desktop);
-- `gfx`/`gfy` snap the offset inside the element to a 10×10 grid, `gx`/`gy`
-- the document position to 16 px: hotspots are drawn per element, so layouts
-- that differ a little still land on the right element.
CREATE TABLE IF NOT EXISTS clicks (
    site LowCardinality(String),
    day Date DEFAULT toDate(ts),
    ts DateTime64(3, 'UTC'),
    id String,
    session String,
    page_view String,
    url String,
    vc LowCardinality(String),
    selector String,
    x UInt32,
    y UInt32,
    dw UInt32,
    dh UInt32,
    gfx UInt8,
    gfy UInt8,
    gx UInt16 DEFAULT intDiv(x, 16),
    gy UInt16 DEFAULT intDiv(y, 16)
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, url, vc, day, id)
TTL day + INTERVAL 400 DAY;

-- The heatmap reads this, not the raw clicks: one row per (page, viewport
-- class, day, element, cell), so a query reads cells, not millions of clicks.
CREATE TABLE IF NOT EXISTS click_cells (
    site LowCardinality(String),
    url String,
    vc LowCardinality(String),
    day Date,
    selector String,
    gfx UInt8,
    gfy UInt8,
    clicks SimpleAggregateFunction(sum, UInt64),
    sessions AggregateFunction(uniq, String)
) ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, url, vc, day, selector, gfx, gfy)
TTL day + INTERVAL 400 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS click_cells_mv TO click_cells AS
SELECT site, url, vc, day, selector, gfx, gfy, count() AS clicks, uniqState(session) AS sessions
FROM clicks
GROUP BY site, url, vc, day, selector, gfx, gfy;

-- Scroll depth per page view: the deepest viewport bottom reached.
CREATE TABLE IF NOT EXISTS scroll_depth (
    site LowCardinality(String),
    day Date DEFAULT toDate(ts),
    ts DateTime64(3, 'UTC'),
    id String,
    session String,
    page_view String,
    url String,
    vc LowCardinality(String),
    depth UInt32,
    height UInt32
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, url, vc, day, id)
TTL day + INTERVAL 400 DAY;

-- Web vitals per page view.
CREATE TABLE IF NOT EXISTS vitals (
    site LowCardinality(String),
    day Date DEFAULT toDate(ts),
    ts DateTime64(3, 'UTC'),
    id String,
    session String,
    page_view String,
    url String,
    vc LowCardinality(String),
    name LowCardinality(String),
    value Float64,
    selector String
) ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (site, day, url, name, id)
TTL day + INTERVAL 400 DAY;

-- Masked DOM snapshots, one per page and viewport class now and then.
CREATE TABLE IF NOT EXISTS snapshots (
    site LowCardinality(String),
    url String,
    vc LowCardinality(String),
    ts DateTime64(3, 'UTC'),
    vw UInt16,
    vh UInt16,
    dw UInt32,
    dh UInt32,
    snap String CODEC(ZSTD(3))
) ENGINE = MergeTree
ORDER BY (site, url, vc, ts)
TTL toDateTime(ts) + INTERVAL 90 DAY;

-- Session replay runs (rrweb events, masked in the page).
CREATE TABLE IF NOT EXISTS replay_chunks (
    site LowCardinality(String),
    session String,
    page_view String,
    seq UInt32,
    ts DateTime64(3, 'UTC'),
    alert String,
    events String CODEC(ZSTD(3))
) ENGINE = ReplacingMergeTree
ORDER BY (site, session, page_view, seq)
TTL toDateTime(ts) + INTERVAL 30 DAY;
