-- What an agent needs to know of a struggling visitor, kept with the alert:
-- the problem it is about (issue id, shared with /api/issues), the device,
-- browser and OS families, language, entry page, referrer host, pages so far
-- and when the session began (0 when this collector did not see it begin).
ALTER TABLE alerts
    ADD COLUMN IF NOT EXISTS issue String DEFAULT '',
    ADD COLUMN IF NOT EXISTS device LowCardinality(String) DEFAULT '',
    ADD COLUMN IF NOT EXISTS browser LowCardinality(String) DEFAULT '',
    ADD COLUMN IF NOT EXISTS os LowCardinality(String) DEFAULT '',
    ADD COLUMN IF NOT EXISTS lang LowCardinality(String) DEFAULT '',
    ADD COLUMN IF NOT EXISTS entry String DEFAULT '',
    ADD COLUMN IF NOT EXISTS referrer String DEFAULT '',
    ADD COLUMN IF NOT EXISTS pages UInt16 DEFAULT 0,
    ADD COLUMN IF NOT EXISTS started_at Int64 DEFAULT 0;

-- Visitors who pressed the help prompt's agent button, one row per alert
-- (a second press of the same episode collapses into the first).
CREATE TABLE IF NOT EXISTS help_requests (
    site LowCardinality(String),
    alert_id String,
    session String,
    at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree
ORDER BY (site, alert_id)
TTL toDateTime(at) + INTERVAL 400 DAY;
