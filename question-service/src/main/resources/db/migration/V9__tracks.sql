-- Tracks written by authors: an ordered list of items, each a question or one part of it. The seed tracks (and any
-- track of an older database) move from track.question_ids into track_item, in their order.
ALTER TABLE track ADD COLUMN status     TEXT        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RETIRED'));
ALTER TABLE track ADD COLUMN version    INTEGER     NOT NULL DEFAULT 1;
ALTER TABLE track ADD COLUMN created_by TEXT        NOT NULL DEFAULT 'seed';
ALTER TABLE track ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();

CREATE TABLE track_item (
    track_id     UUID    NOT NULL REFERENCES track (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL CHECK (position >= 1),
    question_id  UUID    NOT NULL REFERENCES question (id),
    part_number  INTEGER CHECK (part_number >= 1),  -- null: the question as a whole
    PRIMARY KEY (track_id, position)
);
CREATE UNIQUE INDEX track_item_once ON track_item (track_id, question_id, coalesce(part_number, 0));

INSERT INTO track_item (track_id, position, question_id, part_number)
SELECT t.id, e.position, e.question_id::uuid, NULL
FROM track t, jsonb_array_elements_text(t.question_ids) WITH ORDINALITY AS e (question_id, position);

ALTER TABLE track DROP COLUMN question_ids;

-- The part a decision was about, so that a track item naming one part of a question counts as solved by an approved
-- answer to that part. Decisions applied before this column existed have none.
ALTER TABLE processed_decision ADD COLUMN part_number INTEGER;
CREATE INDEX processed_decision_user_idx ON processed_decision (user_id, question_id) WHERE decision = 'APPROVED';
