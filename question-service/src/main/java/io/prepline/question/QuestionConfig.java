package io.prepline.question;

import java.time.Duration;
import java.util.Optional;

import io.prepline.platform.pg.PgListener;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** All settings of question-service, under {@code question.*}. */
@ConfigMapping(prefix = "question")
public interface QuestionConfig {

    Topics topics();

    Sources sources();

    Api api();

    Seed seed();

    Changes changes();

    Partners partners();

    Embed embed();

    Tracks tracks();

    Drafts drafts();
    Discussion discussion();

    Search search();

    PageReads pageReads();

    interface Topics {
        /** Full snapshots of questions with their rubric (compacted). */
        @WithDefault("catalogue.questions.v1")
        String catalogue();

        /** Final decisions on answers, for solved counts and sample-answer access. */
        @WithDefault("answers.decided.v1")
        String decided();
    }

    /**
     * The CloudEvents source ({@code ce_source}) of each service this one consumes from: a record of their topics
     * from any other source is dead-lettered, never applied.
     */
    interface Sources {
        /** Producer of {@code answers.decided.v1}. */
        @WithDefault("/answer-service")
        String answerService();
    }

    /**
     * The detail page's read ({@code PageQuery}): its own non-blocking connections to the datasource's database (the
     * same URL, user and password), so a page not cached is read and answered on the I/O thread.
     */
    interface PageReads {
        /**
         * Connections of each I/O thread's client (and of one more client, for reads from other threads); each
         * pipelines the reads sent to it, up to 256 waiting.
         */
        @WithDefault("1")
        int connectionsPerThread();

        /**
         * The longest a read may take, a free connection (or a new one) included: past it the request answers 503
         * {@code unavailable}, like a statement of the JDBC datasource past its network timeout.
         */
        @WithDefault("1s")
        Duration timeout();
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

    /**
     * Listening for changes made by any instance: of the catalogue, which retire every cached page and list, and of
     * partners and keys.
     */
    interface Changes {
        /** How long the listener waits for a notification before it checks that its connection is alive. */
        @WithDefault("5s")
        Duration checkInterval();

        /** First pause before listening again after the connection was lost (caches are bypassed meanwhile). */
        @WithDefault("500ms")
        Duration minBackoff();

        /** The pause doubles up to this while the database stays unreachable. */
        @WithDefault("10s")
        Duration maxBackoff();

        /** These settings as the platform's listener takes them. */
        default PgListener.Settings listener() {
            return new PgListener.Settings(checkInterval(), minBackoff(), maxBackoff());
        }
    }

    /**
     * Partners, their API keys and what each key may do. Key changes are listened for with the settings of
     * {@link Changes}.
     */
    interface Partners {
        /**
         * While nobody listens for key changes (a lost connection), keys loaded longer ago than this are refused with
         * 503: a revocation made meanwhile must not go unnoticed.
         */
        @WithDefault("15s")
        Duration maxStaleness();

        /** How often the requests counted per key and day are written to the database. */
        @WithDefault("5s")
        Duration usageFlushInterval();

        /** Most allowed origins of one partner. */
        @WithDefault("20")
        int maxOrigins();

        /** Overlap of a rotated key when the request names none: the old key works this long beside the new one. */
        @WithDefault("24h")
        Duration rotationOverlap();

        /** Longest overlap a rotation may ask for. */
        @WithDefault("30d")
        Duration maxRotationOverlap();

        /** Most days of usage one request reads. */
        @WithDefault("92")
        int maxUsageDays();
    }

    /** The embeddable question page and oEmbed. */
    interface Embed {
        /**
         * This service's address as partners' browsers reach it ({@code https://api.prepline.io}), used in the embed
         * page's oEmbed link and in oEmbed answers. Absent: the scheme and host of each request.
         */
        Optional<String> publicUrl();

        /** The question's page on the platform, where candidates answer it; {@code {slug}} is replaced. */
        @WithDefault("https://prepline.io/questions/{slug}")
        String answerUrl();

        /** Cache-Control max-age of embed pages (the framing policy is per key, so caches key on the URL). */
        @WithDefault("300s")
        Duration maxAge();

        /** Most embed pages kept rendered in memory (until the catalogue changes). */
        @WithDefault("2000")
        int cacheSize();

        /** oEmbed: iframe width when the consumer gives no maxwidth, and the height the iframe starts with. */
        @WithDefault("640")
        int defaultWidth();

        @WithDefault("720")
        int defaultHeight();
    }

    /** The search index every instance keeps of the catalogue, and autocomplete. */
    interface Search {
        /** How long start-up waits for the first index of the catalogue before it fails. */
        @WithDefault("120s")
        Duration buildTimeout();

        /** Characters of the body shown around the first match of a search. */
        @WithDefault("180")
        int snippetLength();

        /** Longest accepted autocomplete text, in characters. */
        @WithDefault("100")
        int maxSuggestLength();

        /** Titles, companies and topics each suggested at most. */
        @WithDefault("5")
        int suggestions();
    }

    /** Learning tracks written by authors. */
    interface Tracks {
        /** Most items (questions or parts) in one track. */
        @WithDefault("200")
        int maxItems();
    }

    /** Drafts of questions and rubrics, published by authors when reviewed. */
    interface Drafts {
        /** Most open drafts one author may hold; publish or discard one to save another. */
        @WithDefault("50")
        int maxOpenPerAuthor();

        /** Where authors score a sample answer against a draft's rubric (review-worker's score preview). */
        @WithDefault("http://127.0.0.1:8083/api/v1/score-preview")
        String scorePreviewUrl();
    }

    /** Comments on questions and their parts: what one comment may hold and how long its author may edit it. */
    interface Discussion {
        /** Longest comment, in characters of markdown. */
        @WithDefault("5000")
        int maxLength();

        /** Most lines of one comment. */
        @WithDefault("100")
        int maxLines();

        /** Deepest nesting of markdown blocks (quotes in lists in quotes ...). */
        @WithDefault("5")
        int maxDepth();

        /** Longest word (characters between white space), so one word cannot stretch a page. */
        @WithDefault("200")
        int maxWordLength();

        /** Longest reason given for hiding or restoring a comment. */
        @WithDefault("500")
        int maxReasonLength();

        /** How long after posting its author may edit a comment (deleting is always possible). */
        @WithDefault("15m")
        Duration editWindow();

        /** Replies shown with each comment of a page; the rest are read from the comment's replies. */
        @WithDefault("3")
        int repliesShown();
    }
}
