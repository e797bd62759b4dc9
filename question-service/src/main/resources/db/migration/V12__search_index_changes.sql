-- Every instance keeps a search index of the catalogue in memory. It learns which question changed from a
-- notification per changed row on 'question_changed' (the question's id; empty after a TRUNCATE: rebuild), delivered
-- on commit like 'catalogue_changed'. change_seq orders changes: after its own commit an instance indexes every row
-- past the last it indexed, so a writer finds their change in the next search; notifications cover the rest.
CREATE SEQUENCE question_change_seq;
ALTER TABLE question ADD COLUMN change_seq BIGINT NOT NULL DEFAULT nextval('question_change_seq');
CREATE INDEX question_change_seq_idx ON question (change_seq);

CREATE FUNCTION question_change_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_seq := nextval('question_change_seq');
    RETURN NEW;
END $$;

CREATE TRIGGER question_change_seq BEFORE UPDATE ON question
    FOR EACH ROW EXECUTE FUNCTION question_change_seq();

CREATE FUNCTION notify_question_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify('question_changed', '');
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('question_changed', OLD.id::text);
    ELSE
        PERFORM pg_notify('question_changed', NEW.id::text);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER question_indexed AFTER INSERT OR UPDATE OR DELETE ON question
    FOR EACH ROW EXECUTE FUNCTION notify_question_changed();
CREATE TRIGGER question_index_truncated AFTER TRUNCATE ON question
    FOR EACH STATEMENT EXECUTE FUNCTION notify_question_changed();

-- change_seq moves with every update: it is not content, so a change of counters alone still names its slug.
CREATE OR REPLACE FUNCTION notify_catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - '{likes_count,comments_count,solved_count,change_seq}'::text[])
                          = (to_jsonb(NEW) - '{likes_count,comments_count,solved_count,change_seq}'::text[]) THEN
        PERFORM pg_notify('catalogue_changed', NEW.slug);
    ELSE
        PERFORM pg_notify('catalogue_changed', '');
    END IF;
    RETURN NULL;
END $$;
