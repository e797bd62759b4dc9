-- The local copy of the catalogue (from catalogue.questions.v1): just enough to validate submissions.
CREATE TABLE catalogue_question (
    id          UUID PRIMARY KEY,
    slug        TEXT    NOT NULL UNIQUE,
    status      TEXT    NOT NULL,
    version     BIGINT  NOT NULL,
    has_rubric  BOOLEAN NOT NULL,
    title       TEXT
);

CREATE TABLE catalogue_part (
    question_id UUID    NOT NULL REFERENCES catalogue_question (id) ON DELETE CASCADE,
    number      INT     NOT NULL,
    title       TEXT,
    PRIMARY KEY (question_id, number)
);

-- One row per revision: resubmitting to the same question/part adds a row, earlier revisions stay.
CREATE TABLE answer (
    id               UUID PRIMARY KEY,
    user_id          TEXT        NOT NULL,
    question_id      UUID        NOT NULL,
    question_slug    TEXT        NOT NULL,
    part             INT,
    revision         INT         NOT NULL,
    body             TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    submitted_at     TIMESTAMPTZ NOT NULL,
    idempotency_key  TEXT,
    request_hash     TEXT,
    overall          INT,
    confidence       DOUBLE PRECISION,
    verdict          TEXT,
    scorer_version   TEXT,
    rubric_version   INT,
    score            JSONB,
    scored_at        TIMESTAMPTZ,
    decision         TEXT,
    decided_by       TEXT,
    decided_at       TIMESTAMPTZ,
    reviewed_by      TEXT,
    version          BIGINT      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX answer_revision_uq ON answer (user_id, question_id, COALESCE(part, 0), revision);
CREATE UNIQUE INDEX answer_idempotency_uq ON answer (user_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX answer_user_idx ON answer (user_id, submitted_at DESC);
CREATE INDEX answer_queue_idx ON answer (status, submitted_at, id);

-- Machine score per criterion, with the reviewer's override when there is one.
CREATE TABLE answer_criterion (
    answer_id       UUID NOT NULL REFERENCES answer (id) ON DELETE CASCADE,
    key             TEXT NOT NULL,
    kind            TEXT,
    title           TEXT,
    machine_score   INT  NOT NULL,
    override_score  INT,
    PRIMARY KEY (answer_id, key)
);

-- Every status an answer went through; drives the live status stream of every instance.
CREATE TABLE answer_status_history (
    id         BIGSERIAL PRIMARY KEY,
    answer_id  UUID        NOT NULL REFERENCES answer (id) ON DELETE CASCADE,
    status     TEXT        NOT NULL,
    overall    INT,
    actor      TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX answer_status_history_answer_idx ON answer_status_history (answer_id, id);

-- Who decided what, when, and which scores they changed.
CREATE TABLE review_audit (
    id         BIGSERIAL PRIMARY KEY,
    answer_id  UUID        NOT NULL REFERENCES answer (id) ON DELETE CASCADE,
    reviewer   TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    from_status TEXT       NOT NULL,
    decision   TEXT        NOT NULL,
    comment    TEXT,
    changes    JSONB       NOT NULL
);
CREATE INDEX review_audit_answer_idx ON review_audit (answer_id, id);

-- The first approved answer of a UTC day earns XP: the primary key makes it once per user and day,
-- whatever the concurrency or redelivery.
CREATE TABLE xp_award (
    user_id    TEXT        NOT NULL,
    day        DATE        NOT NULL,
    answer_id  UUID        NOT NULL UNIQUE,
    xp         INT         NOT NULL,
    awarded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, day)
);

-- CloudEvents need a unique id per event that survives relaying it twice.
ALTER TABLE outbox_event ADD COLUMN event_id UUID NOT NULL DEFAULT gen_random_uuid();
