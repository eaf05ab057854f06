-- Visitors' answers to agents' offers, kept beside the offers: what followed an
-- offer ("did help help?") is read from here, whichever collector took the answer.
CREATE TABLE IF NOT EXISTS offer_answers (
    site LowCardinality(String),
    session String,
    offer_id String,
    at DateTime64(3, 'UTC'),
    answer LowCardinality(String)
) ENGINE = ReplacingMergeTree(at)
ORDER BY (site, session, offer_id)
TTL toDateTime(at) + INTERVAL 30 DAY;
