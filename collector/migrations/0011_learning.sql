-- What agents said about an alert or an issue: a real problem or not (and why),
-- kept per problem (page path, element, signal type; `issue` is their id, as in
-- /api/issues) with who and when. Suppression proposals and calibration read it.
CREATE TABLE IF NOT EXISTS verdicts (
    site LowCardinality(String),
    issue String,
    url String,
    selector String,
    type LowCardinality(String),
    alert_id String,
    verdict LowCardinality(String),
    reason LowCardinality(String),
    by String,
    at DateTime64(3, 'UTC')
) ENGINE = MergeTree
ORDER BY (site, issue, at)
TTL toDateTime(at) + INTERVAL 400 DAY;

-- What admins decided about Wince's proposals: suppress one element's signals of
-- one type, or tune the struggle score's threshold and weights. One row per
-- decision (applied, rejected, reverted); the latest row of a rule wins. `spec`
-- is the rule as JSON. Every collector reads them, so all apply the same rules.
CREATE TABLE IF NOT EXISTS learning_rules (
    site LowCardinality(String),
    id String,
    kind LowCardinality(String),
    spec String,
    status LowCardinality(String),
    why String,
    by String,
    at DateTime64(3, 'UTC')
) ENGINE = MergeTree
ORDER BY (site, id, at);

-- The applied rule that suppressed a signal (still stored, not scored), or ''.
ALTER TABLE signals ADD COLUMN IF NOT EXISTS suppressed String DEFAULT '';

-- The rules that took points off an alert's reasons ('' when none), and what the
-- collector weighed it with (JSON: threshold, weights, rules): an alert explains itself.
ALTER TABLE alerts
    ADD COLUMN IF NOT EXISTS suppressed String DEFAULT '',
    ADD COLUMN IF NOT EXISTS explain String DEFAULT '';
