package io.prepline.review;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** All settings of review-worker, under {@code review.*}. */
@ConfigMapping(prefix = "review")
public interface ReviewConfig {

    Topics topics();

    Sources sources();

    Streams streams();

    Preview preview();

    interface Topics {
        @WithDefault("catalogue.questions.v1")
        String catalogue();

        @WithDefault("answers.submitted.v1")
        String submitted();

        @WithDefault("answers.scored.v1")
        String scored();

        @WithDefault("answers.submitted.v1.dlq")
        String deadLetter();
    }

    /**
     * The CloudEvents source ({@code ce_source}) of each service this one consumes from: a submission from any other
     * source is dead-lettered ({@code UNTRUSTED_SOURCE}), never scored; a catalogue record from any other source is
     * skipped, never stored.
     */
    interface Sources {
        /** Producer of {@code answers.submitted.v1}. */
        @WithDefault("/answer-service")
        String answerService();

        /** Producer of {@code catalogue.questions.v1}. */
        @WithDefault("/question-service")
        String questionService();
    }

    /** The scoring pipeline (Kafka Streams). */
    interface Streams {
        /** Consumer group and prefix of internal topics: every instance of the worker uses the same one. */
        @WithDefault("review-worker")
        String applicationId();

        /** Folder for the local state (lock files, changelog checkpoints) of this instance. */
        @WithDefault("${java.io.tmpdir}/prepline/review-worker/streams")
        String stateDir();

        /**
         * Stream threads, each scoring its share of the partitions: more than one per partition of the submissions
         * topic stay idle. On cores shared with other busy processes, more threads get the worker a larger share.
         */
        @WithDefault("2")
        int threads();

        /** Record cache shared by all threads; kept small to bound memory (results leave at every commit anyway). */
        @WithDefault("1048576")
        long cacheMaxBytes();

        /**
         * How long a submission whose question, part or rubric is not (yet) in the catalogue is held before it goes
         * to the dead-letter topic: the catalogue event may arrive after the submission.
         */
        @WithDefault("PT2M")
        Duration rubricGracePeriod();

        /**
         * How long start-up waits for the pipeline to run before the service starts serving anyway (readiness says
         * when it runs). Zero: do not wait.
         */
        @WithDefault("PT0S")
        Duration startupWait();

        /**
         * Answers the scorer scores at start-up, before the pipeline starts, so that the JIT has compiled its code
         * before the first submission (0: only load the model).
         */
        @WithDefault("40")
        int warmUpAnswers();

        /**
         * Exactly-once commits (aborted transactions of a producer of its own, see {@code TransactionWarmUp}) run
         * after the answers, within the same {@code warm-up-max}, so the broker and this JVM have done them before
         * the stream threads' first commits (0: none).
         */
        @WithDefault("20")
        int warmUpTransactions();

        /** The longest the warm-up may take; the pipeline starts after it even if fewer answers were scored. */
        @WithDefault("PT15S")
        Duration warmUpMax();

        /**
         * How often the catalogue store is checked for questions whose rubric the scorer has not prepared yet (it
         * prepares each rubric version once, ahead of the first answer to it). Zero: prepare on the first answer.
         */
        @WithDefault("PT2S")
        Duration rubricPrepareInterval();

        /** How often held submissions are looked up again. */
        @WithDefault("PT1S")
        Duration retryInterval();

        /**
         * How long the group waits for an instance that has gone silent (killed, frozen, cut off) before the others
         * take over its partitions. At least the broker's {@code group.min.session.timeout.ms} (6 s by default).
         */
        @WithDefault("PT6S")
        Duration sessionTimeout();

        /** How often each instance tells the group it is alive: a third of the session timeout or less. */
        @WithDefault("PT2S")
        Duration heartbeatInterval();

        /**
         * How long a transaction may stay open before the broker aborts it. The partitions of an instance killed in
         * the middle of one cannot be taken over (their offsets are not stable) until the broker has aborted it.
         */
        @WithDefault("PT5S")
        Duration transactionTimeout();

        /**
         * How often a stream thread commits its transaction: a score is published (readable with read_committed)
         * only at the commit after it, so this is the most a score waits; each commit costs the broker a transaction.
         */
        @WithDefault("PT0.02S")
        Duration commitInterval();
    }

    interface Preview {
        /** Longest body accepted by the preview endpoint, in characters. */
        @WithDefault("20000")
        int maxBodyChars();

        /** Longest question text (prompt) sent with an inline draft rubric, in characters. */
        @WithDefault("30000")
        int maxPromptChars();

        /** Most criteria of an inline draft rubric. */
        @WithDefault("20")
        int maxCriteria();

        /** Most expected points of an inline draft rubric, over all its criteria. */
        @WithDefault("100")
        int maxPoints();

        /** Longest key, kind, title or point text of an inline draft rubric, in characters. */
        @WithDefault("1000")
        int maxTextChars();

        /** Most concept groups of one point, and most terms of one group. */
        @WithDefault("30")
        int maxConceptGroups();

        @WithDefault("20")
        int maxConceptTerms();
    }
}
