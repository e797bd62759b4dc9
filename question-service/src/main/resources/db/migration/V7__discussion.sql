-- Discussion of a question or one of its parts: comments in markdown (kept as written, and as sanitised HTML rendered
-- once on write), replies one level deep (a reply's parent is a comment that is not itself a reply), upvotes once per
-- user. Deleting or hiding never removes a row, so a thread keeps its shape.
CREATE TABLE comment (
    id             UUID PRIMARY KEY,
    question_id    UUID        NOT NULL REFERENCES question (id),
    part_number    INTEGER     NOT NULL DEFAULT 0,  -- 0: the question as a whole
    parent_id      UUID        REFERENCES comment (id),
    author_id      TEXT        NOT NULL,
    body           TEXT        NOT NULL,            -- markdown; emptied when its author deletes it
    body_html      TEXT        NOT NULL,
    upvotes        INTEGER     NOT NULL DEFAULT 0 CHECK (upvotes >= 0),
    replies        INTEGER     NOT NULL DEFAULT 0 CHECK (replies >= 0),
    created_at     TIMESTAMPTZ NOT NULL,
    edited_at      TIMESTAMPTZ,
    deleted_at     TIMESTAMPTZ,
    hidden_at      TIMESTAMPTZ,                     -- hidden by an author or admin
    moderated_at   TIMESTAMPTZ,                     -- the last hiding or restoring, by whom and why
    moderated_by   TEXT,
    moderation_reason TEXT
);

-- the two orderings of a discussion's threads, and the replies of a thread in the order they were written
CREATE INDEX comment_newest_idx ON comment (question_id, part_number, created_at DESC, id DESC) WHERE parent_id IS NULL;
CREATE INDEX comment_top_idx ON comment (question_id, part_number, upvotes DESC, id DESC) WHERE parent_id IS NULL;
CREATE INDEX comment_replies_idx ON comment (parent_id, created_at, id) WHERE parent_id IS NOT NULL;

CREATE TABLE comment_vote (
    comment_id  UUID        NOT NULL REFERENCES comment (id),
    user_id     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (comment_id, user_id)
);

-- The comment counter of a question is derived: the number of its comments and replies that are neither deleted nor
-- hidden. Every change of a comment moves it by the change in visibility, in the same transaction, on the question's
-- row (so concurrent changes queue on that row and none is lost); the question's trigger then notifies
-- catalogue_changed with the slug, which retires the cached page on every instance.
CREATE FUNCTION comment_visible(c comment) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN c.deleted_at IS NULL AND c.hidden_at IS NULL THEN 1 ELSE 0 END
$$;

CREATE FUNCTION count_visible_comments() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    delta integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        delta := comment_visible(NEW);
    ELSIF TG_OP = 'DELETE' THEN
        delta := -comment_visible(OLD);
    ELSE
        delta := comment_visible(NEW) - comment_visible(OLD);
    END IF;
    IF delta <> 0 THEN
        UPDATE question SET comments_count = comments_count + delta WHERE id = coalesce(NEW.question_id, OLD.question_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER comment_counted AFTER INSERT OR UPDATE OF deleted_at, hidden_at OR DELETE ON comment
    FOR EACH ROW EXECUTE FUNCTION count_visible_comments();

-- Until now the seed import set the counter; there were no comments behind it.
UPDATE question SET comments_count = 0 WHERE comments_count <> 0;
