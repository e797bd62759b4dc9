-- The catalogue. Filterable facets (asks, topics) live in JSONB arrays with GIN indexes: one row per question
-- keeps detail reads to a single index lookup, and containment (@>) matches company, role and round of the
-- same ask. Slug columns hold the normalised filter values; display names stay in the documents.
CREATE TABLE question (
    id              UUID PRIMARY KEY,
    slug            TEXT        NOT NULL UNIQUE,
    title           TEXT        NOT NULL,
    overview        TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    category        TEXT        NOT NULL,
    category_slug   TEXT        NOT NULL,
    difficulty      TEXT        NOT NULL CHECK (difficulty IN ('EASY', 'MEDIUM', 'HARD')),
    status          TEXT        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RETIRED')),
    version         INTEGER     NOT NULL,
    asks            JSONB       NOT NULL,  -- [{company, role, round, difficulty, askedOn}]
    ask_keys        JSONB       NOT NULL,  -- [{"company":"amazon","role":"data-scientist","round":"onsite"}]
    topics          JSONB       NOT NULL,  -- display names
    topic_slugs     JSONB       NOT NULL,
    guidance        JSONB       NOT NULL,  -- interviewer expects, approach, follow-ups, constraints, ...
    sample_answer   JSONB,                 -- [{title, body}]
    parts           JSONB       NOT NULL,  -- [{number, title, prompt}]
    related_ids     JSONB       NOT NULL,  -- curated related questions, in order
    likes_count     INTEGER     NOT NULL DEFAULT 0,
    comments_count  INTEGER     NOT NULL DEFAULT 0,
    solved_count    INTEGER     NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    search          TSVECTOR
);

-- Title weighs most (A), then the overview and topics (B), then the body and part prompts (C).
CREATE FUNCTION question_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search :=
        setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(NEW.overview, '') || ' ' ||
            coalesce((SELECT string_agg(t, ' ') FROM jsonb_array_elements_text(NEW.topics) t), '')), 'B') ||
        setweight(to_tsvector('english', coalesce(NEW.body, '') || ' ' ||
            coalesce((SELECT string_agg(p ->> 'title' || ' ' || (p ->> 'prompt'), ' ')
                      FROM jsonb_array_elements(NEW.parts) p), '')), 'C');
    RETURN NEW;
END $$;

CREATE TRIGGER question_search_vector BEFORE INSERT OR UPDATE OF title, overview, topics, body, parts ON question
    FOR EACH ROW EXECUTE FUNCTION question_search_vector();

CREATE INDEX question_search_idx ON question USING GIN (search);
CREATE INDEX question_ask_keys_idx ON question USING GIN (ask_keys jsonb_path_ops);
CREATE INDEX question_topic_slugs_idx ON question USING GIN (topic_slugs);
CREATE INDEX question_recent_idx ON question (updated_at DESC, id DESC) WHERE status = 'ACTIVE';
CREATE INDEX question_popular_idx ON question (likes_count DESC, id DESC) WHERE status = 'ACTIVE';
CREATE INDEX question_solved_idx ON question (solved_count DESC, id DESC) WHERE status = 'ACTIVE';
CREATE INDEX question_category_idx ON question (category_slug);

-- A rubric version is never changed: every edit inserts the next version, so a score names what it was
-- measured against. part_number 0 is the rubric of the question as a whole.
CREATE TABLE rubric_version (
    id           BIGSERIAL PRIMARY KEY,
    question_id  UUID        NOT NULL REFERENCES question (id),
    part_number  INTEGER     NOT NULL,
    version      INTEGER     NOT NULL,
    criteria     JSONB       NOT NULL,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (question_id, part_number, version)
);

CREATE FUNCTION rubric_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'rubric versions are immutable';
END $$;

CREATE TRIGGER rubric_version_immutable BEFORE UPDATE OR DELETE ON rubric_version
    FOR EACH ROW EXECUTE FUNCTION rubric_version_immutable();

CREATE TABLE question_like (
    question_id  UUID        NOT NULL REFERENCES question (id),
    user_id      TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (question_id, user_id)
);

-- Users with an approved answer to a question: the solved count and the key to the full sample answer.
CREATE TABLE question_solver (
    question_id  UUID        NOT NULL REFERENCES question (id),
    user_id      TEXT        NOT NULL,
    answer_id    UUID        NOT NULL,
    solved_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (question_id, user_id)
);

-- Decisions already applied, so a redelivered answers.decided.v1 record changes nothing.
CREATE TABLE processed_decision (
    answer_id     UUID PRIMARY KEY,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE track (
    id            UUID PRIMARY KEY,
    slug          TEXT  NOT NULL UNIQUE,
    title         TEXT  NOT NULL,
    description   TEXT  NOT NULL,
    question_ids  JSONB NOT NULL
);

-- Seed catalogues already loaded (the load runs once per database, whichever instance gets there first).
CREATE TABLE catalogue_seed (
    name       TEXT PRIMARY KEY,
    loaded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

ALTER TABLE outbox_event ADD COLUMN event_id UUID NOT NULL DEFAULT gen_random_uuid();
