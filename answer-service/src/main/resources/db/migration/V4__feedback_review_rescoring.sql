-- The rubrics of the local catalogue: what candidates are judged by (titles, kinds, weights, point texts) and the
-- version a new score must be compared with. part = 0 is the rubric of the whole question.
CREATE TABLE catalogue_rubric (
    question_id UUID    NOT NULL REFERENCES catalogue_question (id) ON DELETE CASCADE,
    part        INT     NOT NULL,
    version     INT     NOT NULL,
    rubric      JSONB   NOT NULL,
    PRIMARY KEY (question_id, part)
);

-- Reviewer claims (a lease), why an answer went to a reviewer without a score, and a pending re-score.
ALTER TABLE answer
    ADD COLUMN claimed_by           TEXT,
    ADD COLUMN claimed_until        TIMESTAMPTZ,
    ADD COLUMN review_reason        TEXT,
    ADD COLUMN rescore_requested_at TIMESTAMPTZ,
    ADD COLUMN rescore_rubric_version INT;
CREATE INDEX answer_question_part_idx ON answer (question_id, COALESCE(part, 0));

-- The audit trail records claims, releases, overrides and re-score requests besides decisions.
ALTER TABLE review_audit
    ADD COLUMN action TEXT NOT NULL DEFAULT 'DECISION',
    ALTER COLUMN decision DROP NOT NULL;

-- Re-scores waiting to be published (a new rubric version or a reviewer's request); a batch job publishes them at a
-- bounded rate. One row per answer: a second request before the first is published changes nothing.
CREATE TABLE rescore_request (
    answer_id      UUID        PRIMARY KEY REFERENCES answer (id) ON DELETE CASCADE,
    rubric_version INT,
    reason         TEXT        NOT NULL,
    requested_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX rescore_request_order_idx ON rescore_request (requested_at, answer_id);

-- Dead letters already handled (one per Kafka record position), so a redelivery changes nothing.
CREATE TABLE dead_letter (
    answer_id  UUID        NOT NULL,
    reason     TEXT        NOT NULL,
    detail     TEXT,
    failed_at  TIMESTAMPTZ,
    handled_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (answer_id, failed_at)
);

-- Parts published before rubrics were kept were accepted as scorable; new snapshots say whether a part has one.
ALTER TABLE catalogue_part ADD COLUMN has_rubric BOOLEAN NOT NULL DEFAULT TRUE;

-- A reviewer's override of one criterion comes with its reason.
ALTER TABLE answer_criterion
    ADD COLUMN override_comment TEXT,
    ADD COLUMN overridden_by    TEXT;
