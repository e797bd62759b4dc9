-- Partner platforms that embed questions, their API keys and the requests made with each key per day.
-- Keys are stored as the SHA-256 of the whole key; the id (pk_... or sk_...) is the part shown in lists.
CREATE TABLE partner (
    id              uuid PRIMARY KEY,
    name            text        NOT NULL,
    plan            text        NOT NULL,
    allowed_origins jsonb       NOT NULL DEFAULT '[]',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE partner_key (
    id          text PRIMARY KEY,
    partner_id  uuid        NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
    kind        text        NOT NULL CHECK (kind IN ('SECRET', 'PUBLISHABLE')),
    key_hash    bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz,
    revoked_at  timestamptz,
    replaced_by text REFERENCES partner_key (id)
);
CREATE INDEX partner_key_partner ON partner_key (partner_id);

CREATE TABLE partner_key_usage (
    key_id   text   NOT NULL REFERENCES partner_key (id) ON DELETE CASCADE,
    day      date   NOT NULL,
    requests bigint NOT NULL DEFAULT 0,
    refused  bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (key_id, day)
);

-- Every instance keeps the valid keys and the partners' origins in memory; any change of either, by any instance or
-- by hand, notifies the channel on commit and every instance reloads them (a revoked key stops working everywhere).
CREATE FUNCTION notify_partners_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('partners_changed', '');
    RETURN NULL;
END $$;

CREATE TRIGGER partner_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON partner
    FOR EACH STATEMENT EXECUTE FUNCTION notify_partners_changed();
CREATE TRIGGER partner_key_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON partner_key
    FOR EACH STATEMENT EXECUTE FUNCTION notify_partners_changed();
