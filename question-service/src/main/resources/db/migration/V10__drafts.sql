-- Drafts: a new question, or a change of an existing question and/or its rubrics, saved but not published. Nothing of
-- a draft reaches the question, its rubric versions or the outbox until it is published; publishing applies it as one
-- change (one version, one event) and keeps the draft as PUBLISHED with the version it became.
CREATE TABLE question_draft (
    id                 UUID PRIMARY KEY,
    question_id        UUID        REFERENCES question (id),   -- null: a new question
    base_version       INTEGER,                                -- the question's version the draft was made from
    document           JSONB,                                  -- the whole question as it would be; null: unchanged
    rubrics            JSONB,                                  -- new rubrics {rubric, parts}; null: unchanged
    status             TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'PUBLISHED')),
    revision           INTEGER     NOT NULL DEFAULT 1,
    published_version  INTEGER,
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (document IS NOT NULL OR rubrics IS NOT NULL),
    CHECK (question_id IS NOT NULL OR document IS NOT NULL)
);
CREATE INDEX question_draft_open_idx ON question_draft (updated_at DESC) WHERE status = 'OPEN';
CREATE INDEX question_draft_author_idx ON question_draft (created_by) WHERE status = 'OPEN';
