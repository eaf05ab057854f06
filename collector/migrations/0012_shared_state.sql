-- Offers agents made to visitors: a visitor may answer only an offer made to
-- their session, whichever collector it was made on.
CREATE TABLE IF NOT EXISTS offers (
    site LowCardinality(String),
    session String,
    id String,
    at DateTime64(3, 'UTC'),
    by String,
    message String
) ENGINE = ReplacingMergeTree
ORDER BY (site, session, id)
TTL toDateTime(at) + INTERVAL 30 DAY;

-- What every collector of one ClickHouse must agree on, when it is a server:
-- sites, agent tokens (hashed), sign-outs, the generated admin token. One row
-- per change; the latest per (kind, key) wins, `deleted` = 1 removes it.
CREATE TABLE IF NOT EXISTS shared_state (
    kind LowCardinality(String),
    key String,
    at DateTime64(3, 'UTC'),
    value String,
    deleted UInt8 DEFAULT 0
) ENGINE = ReplacingMergeTree(at)
ORDER BY (kind, key);

-- Live messages travel through Redis (several collectors) or memory (one):
-- no collector polls a table for them any more.
DROP TABLE IF EXISTS live_events;
