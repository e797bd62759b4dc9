package io.prepline.question;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** All settings of question-service, under {@code question.*}. */
@ConfigMapping(prefix = "question")
public interface QuestionConfig {

    Topics topics();

    Relay relay();

    Api api();

    Seed seed();

    Changes changes();

    interface Topics {
        /** Full snapshots of questions with their rubric (compacted). */
        @WithDefault("catalogue.questions.v1")
        String catalogue();

        /** Final decisions on answers, for solved counts and sample-answer access. */
        @WithDefault("answers.decided.v1")
        String decided();
    }

    /** The outbox relay that moves committed events to Kafka. */
    interface Relay {
        /** Whether this instance runs a relay (only one active relay at a time holds the advisory lock). */
        @WithDefault("true")
        boolean enabled();

        /** Pause between polls of an empty outbox. */
        @WithDefault("200ms")
        Duration pollInterval();

        /** Events sent per round trip. */
        @WithDefault("500")
        int batchSize();

        /** Longest pause between attempts while the broker is unreachable (doubling from the poll interval). */
        @WithDefault("10s")
        Duration maxBackoff();

        /** Upper bound for one send to be acknowledged before the batch is retried. */
        @WithDefault("15s")
        Duration sendTimeout();

        /** PostgreSQL advisory lock id that elects the single active relay. */
        @WithDefault("7301001")
        long lockId();

        /** CloudEvents source of the published events. */
        @WithDefault("/question-service")
        String source();
    }

    /** Limits and caching of the REST API. */
    interface Api {
        /** Page size when {@code limit} is absent. */
        @WithDefault("20")
        int defaultLimit();

        /** Largest accepted {@code limit}. */
        @WithDefault("100")
        int maxLimit();

        /** Longest accepted search text, in characters. */
        @WithDefault("200")
        int maxQueryLength();

        /** Largest accepted request body, in bytes (above: 413). Keep below quarkus.http.limits.max-body-size. */
        @WithDefault("1048576")
        long maxBodyBytes();

        /** Largest bulk import, in questions. */
        @WithDefault("500")
        int maxImport();

        /** Cache-Control max-age of public catalogue reads. */
        @WithDefault("60s")
        Duration publicMaxAge();

        /** Most detail pages kept rendered in memory (until the catalogue changes). */
        @WithDefault("20000")
        int detailCacheSize();

        /** Most list, search and facet results kept serialised in memory (until the catalogue changes). */
        @WithDefault("2000")
        int listCacheSize();

        /** Characters of each sample-answer section shown to callers without access to the full answer. */
        @WithDefault("160")
        int teaserLength();

        /** Related questions returned. */
        @WithDefault("10")
        int relatedLimit();
    }

    interface Seed {
        /** Load the bundled seed catalogue into an empty database at start. */
        @WithDefault("true")
        boolean enabled();

        /** Classpath folder of the seed catalogue. */
        @WithDefault("catalogue")
        String location();
    }

    /** Listening for catalogue changes made by any instance, which retire every cached page and list. */
    interface Changes {
        /** How long the listener waits for a notification before it checks that its connection is alive. */
        @WithDefault("5s")
        Duration checkInterval();

        /** Pause before listening again after the connection was lost (caches are bypassed meanwhile). */
        @WithDefault("1s")
        Duration reconnectDelay();
    }
}
