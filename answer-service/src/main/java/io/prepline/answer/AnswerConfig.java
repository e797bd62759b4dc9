package io.prepline.answer;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** All settings of answer-service, under {@code answer.*}. */
@ConfigMapping(prefix = "answer")
public interface AnswerConfig {

    Topics topics();

    Sources sources();

    Submission submission();

    Decision decision();

    Review review();

    Progress progress();

    Live live();

    Identity identity();

    Rescore rescore();

    WarmUp warmUp();

    interface Topics {
        /** The catalogue of questions and rubrics, kept locally to validate submissions. */
        @WithDefault("catalogue.questions.v1")
        String catalogue();

        @WithDefault("answers.submitted.v1")
        String submitted();

        @WithDefault("answers.scored.v1")
        String scored();

        @WithDefault("answers.decided.v1")
        String decided();

        /** Submissions the review-worker could not score, with the reason. */
        @WithDefault("answers.submitted.v1.dlq")
        String deadLetters();
    }

    /**
     * The CloudEvents source ({@code ce_source}) of each service this one consumes from: a record of their topics
     * from any other source is dead-lettered, never applied.
     */
    interface Sources {
        /** Producer of {@code catalogue.questions.v1}. */
        @WithDefault("/question-service")
        String questionService();

        /** Producer of {@code answers.scored.v1} and {@code answers.submitted.v1.dlq}. */
        @WithDefault("/review-worker")
        String reviewWorker();
    }

    interface Submission {
        /** Longest accepted answer body, in characters (code points) after trimming. */
        @WithDefault("20000")
        int maxBodyChars();
    }

    /** How a machine score becomes a decision without a human. */
    interface Decision {
        /** Overall score (0-100) at or above which a confident score is approved. */
        @WithDefault("70")
        int approveAt();

        /** Overall score below which a confident score is rejected. */
        @WithDefault("40")
        int rejectBelow();

        /** Scores less confident than this always go to a reviewer. */
        @WithDefault("0.7")
        double minConfidence();
    }

    interface Review {
        /** Highest per-criterion score (the scorer's scale is 0-4). */
        @WithDefault("4")
        int maxCriterionScore();

        @WithDefault("20")
        int defaultLimit();

        @WithDefault("100")
        int maxLimit();

        /** How long a reviewer's claim on an answer holds unless renewed or released. */
        @WithDefault("15m")
        Duration claimLease();

        /** Overall from which a recomputed score is a PASS (the scorer's band). */
        @WithDefault("60")
        int passFrom();

        /** Overall from which a recomputed score is BORDERLINE, below it FAIL (the scorer's band). */
        @WithDefault("40")
        int borderlineFrom();
    }

    /** Re-scores (a new rubric version, a reviewer's request) are published in batches at a bounded rate. */
    interface Rescore {
        /** How often a batch is published. */
        @WithDefault("1s")
        Duration interval();

        /** Most re-scores published per batch: the rate is at most batch-size per interval. */
        @WithDefault("20")
        int batchSize();
    }

    interface Progress {
        /** XP earned by the first approved answer of each UTC day. */
        @WithDefault("20")
        int dailyXp();
    }

    /** The live status streams: woken by PostgreSQL notifications, with a slow re-check as a safety net. */
    interface Live {
        /**
         * How often the open streams are checked against the history even without a notification (one query for all
         * of them), so that a lost notification delays an event by at most this long.
         */
        @WithDefault("5s")
        Duration recheckInterval();

        /** Most streams one user (token subject) may hold open on this instance; beyond it 429. */
        @WithDefault("5")
        int maxStreamsPerUser();

        /** Most streams open on this instance, all users together; beyond it 429. */
        @WithDefault("500")
        int maxStreams();

        /** First wait before the notification listener reconnects after losing its connection; doubles up to max. */
        @WithDefault("500ms")
        Duration minBackoff();

        @WithDefault("10s")
        Duration maxBackoff();

        /** A stream closes after this long; clients reconnect with Last-Event-ID. */
        @WithDefault("10m")
        Duration maxDuration();
    }

    /** Bearer tokens: each distinct token is verified once and reused until it expires. */
    interface Identity {
        /** Most verified tokens kept. */
        @WithDefault("10000")
        int verifiedTokens();

        /** Longest a verified token is reused before its signature is checked again (its expiry is checked on every use). */
        @WithDefault("5m")
        Duration verifiedTokenTtl();
    }

    /**
     * Before the service reports ready it runs its own hot paths (a submission, its score and decision, the reads, in a
     * transaction that is rolled back, and refused requests over HTTP), so that the first submissions after a start
     * do not wait for cold code.
     */
    interface WarmUp {
        @WithDefault("true")
        boolean enabled();

        /** How many times the paths are run. */
        @WithDefault("60")
        int rounds();

        /** The warm-up ends after this long even if rounds are left: readiness never waits longer for it. */
        @WithDefault("10s")
        Duration max();
    }
}
