-- Every instance caches rendered pages and lists until the catalogue changes. A change to any question, by any
-- instance or by hand, notifies the channel; PostgreSQL delivers it to the listeners when the transaction commits
-- (several changes in one transaction arrive as one notification).
CREATE FUNCTION notify_catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('catalogue_changed', '');
    RETURN NULL;
END $$;

CREATE TRIGGER question_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON question
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
