-- Events the broker can never take (too large, rejected), moved here by the relay with the error so that the events
-- behind them go on; see deploy/platform.
CREATE TABLE outbox_dead (
    id          BIGINT      PRIMARY KEY,
    event_id    UUID        NOT NULL,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    payload     JSONB       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    error       TEXT        NOT NULL,
    failed_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
