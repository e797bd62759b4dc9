-- The tables of the outbox, as every service with an outbox creates them in its own migrations.
-- Events are written to outbox_event in the same transaction as the change they describe, relayed to Kafka in id
-- order (per-key order is kept) and deleted once the broker has acknowledged them.
CREATE TABLE outbox_event (
    id          BIGSERIAL PRIMARY KEY,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    payload     JSONB       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    event_id    UUID        NOT NULL DEFAULT gen_random_uuid(),
    -- the W3C trace context of the transaction that wrote the event; null when it was not traced
    traceparent TEXT
);

-- Events the broker can never take (too large, rejected), with the error; the relay goes on without them.
CREATE TABLE outbox_dead (
    id          BIGINT      PRIMARY KEY,
    event_id    UUID        NOT NULL,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    payload     JSONB       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    error       TEXT        NOT NULL,
    failed_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    traceparent TEXT
);
