-- Every status change wakes the live status streams of every instance: the notification carries the answer id and is
-- delivered when the transaction that wrote the history row commits (never for a rolled-back one).
CREATE FUNCTION notify_answer_status() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('answer_status', NEW.answer_id::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER answer_status_history_notify
    AFTER INSERT ON answer_status_history
    FOR EACH ROW EXECUTE FUNCTION notify_answer_status();
