-- Every instance caches rendered pages and lists until the catalogue changes. A change to a question, by any
-- instance or by hand, notifies the channel; PostgreSQL delivers notifications when the transaction commits, and
-- identical ones of one transaction arrive once. The payload is the slug when only the counters of that question
-- changed (its page and every list are stale), and empty for any other change (every page may show it: related
-- questions list titles).
CREATE FUNCTION notify_catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - '{likes_count,comments_count,solved_count}'::text[])
                          = (to_jsonb(NEW) - '{likes_count,comments_count,solved_count}'::text[]) THEN
        PERFORM pg_notify('catalogue_changed', NEW.slug);
    ELSE
        PERFORM pg_notify('catalogue_changed', '');
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER question_changed AFTER INSERT OR UPDATE OR DELETE ON question
    FOR EACH ROW EXECUTE FUNCTION notify_catalogue_changed();
CREATE TRIGGER question_truncated AFTER TRUNCATE ON question
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
