-- Live messages (alerts, alert updates, offers, answers) shared by every
-- collector process that uses this store: each inserts its own and polls for
-- the others', so a dashboard connected to any instance sees them all.
CREATE TABLE IF NOT EXISTS live_events (
    at DateTime64(3, 'UTC'),
    id String,
    origin String,
    kind LowCardinality(String),
    site LowCardinality(String),
    session String,
    data String
) ENGINE = MergeTree
ORDER BY (at, id)
TTL toDateTime(at) + INTERVAL 7 DAY;

-- What agents did with alerts: claimed, resolved, dismissed (feedback on the detection).
CREATE TABLE IF NOT EXISTS alert_actions (
    site LowCardinality(String),
    alert_id String,
    at DateTime64(3, 'UTC'),
    state LowCardinality(String),
    by String,
    note String
) ENGINE = MergeTree
ORDER BY (site, alert_id, at)
TTL toDateTime(at) + INTERVAL 400 DAY;
