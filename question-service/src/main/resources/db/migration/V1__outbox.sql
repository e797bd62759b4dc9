-- Events are written here in the same transaction as the change they describe, then relayed to Kafka
-- in id order (per-key order is kept); a row is deleted once the broker has acknowledged it.
CREATE TABLE outbox_event (
    id          BIGSERIAL PRIMARY KEY,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    payload     JSONB       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
