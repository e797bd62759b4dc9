package io.prepline.review.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.prepline.platform.consumer.DeadLetterHeaders;
import io.prepline.platform.consumer.EventChecks;
import io.prepline.platform.consumer.RejectedRecord;
import io.prepline.platform.messaging.CloudEvents;
import io.prepline.platform.messaging.EventJson;
import io.prepline.platform.tracing.Spans;
import io.prepline.platform.tracing.TraceHeaders;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.jboss.logging.Logger;

import io.prepline.review.pipeline.DeadLetter.Reason;
import io.prepline.review.pipeline.RubricResolver.Found;
import io.prepline.review.pipeline.RubricResolver.NotFound;
import io.prepline.review.pipeline.RubricResolver.Resolution;
import io.prepline.review.scoring.AnswerScorer;
import io.prepline.review.scoring.ScoreDocument;

/**
 * Scores one submission against the rubric in the global catalogue store, or holds it until the rubric arrives, or
 * turns it into a dead letter. Never throws for a bad record: the worker goes on with the next one.
 * <p>
 * Kafka Streams carries no trace: each submission is handled in a span that continues the trace of its
 * {@code traceparent} header (kept with a held submission), scored in a child span, and the score or dead letter it
 * sends names that span in its own {@code traceparent}.
 */
final class ScoringProcessor implements Processor<String, String, String, Outcome> {

    private static final Logger LOG = Logger.getLogger(ScoringProcessor.class);

    static final String SOURCE = "/review-worker";
    static final String SCORED_TYPE = "io.prepline.answer.scored.v1";
    static final String DEAD_LETTER_TYPE = "io.prepline.answer.submission-rejected.v1";
    /** Largest dead letter sent with its submission: well below the producer's 1 MiB request limit. */
    static final int MAX_LETTER_CHARS = 256 * 1024;

    private final PipelineSettings settings;
    private final AnswerScorer scorer;
    private final Consumer<Reason> deadLettered;
    private final ScoringTelemetry telemetry;
    private ProcessorContext<String, Outcome> context;
    private TimestampedKeyValueStore<String, String> catalogue;
    private KeyValueStore<String, String> pending;

    /** @param deadLettered told of every dead letter, with its reason (the worker counts them) */
    ScoringProcessor(PipelineSettings settings, AnswerScorer scorer, Consumer<Reason> deadLettered,
                     ScoringTelemetry telemetry) {
        this.settings = settings;
        this.scorer = scorer;
        this.deadLettered = deadLettered;
        this.telemetry = telemetry;
    }

    /**
     * A held submission, when this worker first saw it (wall clock, ms), and the trace it came in (null when none,
     * or held before traces were kept).
     */
    record Held(String value, long firstSeenMs, String traceparent) {
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
        this.catalogue = context.getStateStore(ScoringTopology.CATALOGUE_STORE);
        this.pending = context.getStateStore(ScoringTopology.PENDING_STORE);
        context.schedule(settings.retryInterval(), PunctuationType.WALL_CLOCK_TIME, this::retryHeld);
    }

    /**
     * A submission not from answer-service or not valid is dead-lettered at once; anything unexpected while handling
     * one dead-letters it too, so no record can stop the stream.
     */
    @Override
    public void process(Record<String, String> record) {
        Span span = context.recordMetadata()
                .map(origin -> Spans.process(telemetry.tracer(), origin.topic(), origin.partition(), origin.offset(),
                        record.headers()))
                .orElseGet(Span::getInvalid);
        try (Scope scope = Spans.current(span)) {
            handle(record);
        } finally {
            span.end();
        }
    }

    private void handle(Record<String, String> record) {
        long now = context.currentSystemTimeMs();
        try {
            String source = CloudEvents.header(record.headers(), CloudEvents.SOURCE);
            if (!settings.submissionSource().equals(source)) {
                deadLetter(record.key(), Reason.UNTRUSTED_SOURCE, source == null ? "no ce_source header"
                        : "ce_source " + EventChecks.shown(source) + " is not " + settings.submissionSource(),
                        record.value(), now, record.timestamp());
                return;
            }
            AnswerSubmitted submission;
            try {
                submission = EventJson.readEvent(record.value(), AnswerSubmitted.class);
            } catch (RejectedRecord e) {
                deadLetter(record.key(), Reason.MALFORMED, e.detail(), record.value(), now, record.timestamp());
                return;
            }
            decide(submission, record.value(), now, now, record.timestamp(), false);
        } catch (RuntimeException e) {
            LOG.errorf(e, "handling the submission %s failed", record.key());
            deadLetter(record.key(), Reason.SCORING_FAILED, "unexpected " + e, record.value(), now,
                    record.timestamp());
        }
    }

    private void retryHeld(long now) {
        List<KeyValue<String, String>> held = new ArrayList<>();
        try (KeyValueIterator<String, String> all = pending.all()) {
            all.forEachRemaining(held::add);
        }
        for (KeyValue<String, String> entry : held) {
            retry(entry, now);
        }
    }

    private void retry(KeyValue<String, String> entry, long now) {
        Held h;
        AnswerSubmitted submission;
        try {
            h = Json.read(entry.value, Held.class);
            submission = EventJson.readEvent(h.value(), AnswerSubmitted.class);
        } catch (JsonProcessingException | RejectedRecord e) {
            // only readable submissions are held; drop an entry that cannot be read back rather than loop on it
            LOG.errorf("dropping unreadable held submission %s", entry.key);
            pending.delete(entry.key);
            return;
        }
        try (Scope scope = Spans.current(TraceHeaders.context(h.traceparent()))) {
            if (!decide(submission, h.value(), h.firstSeenMs(), now, now, true)) {
                pending.delete(entry.key);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "handling the held submission %s failed", submission.answerId());
            deadLetter(submission.answerId(), Reason.SCORING_FAILED, "unexpected " + e, h.value(), now, now);
            pending.delete(entry.key);
        }
    }

    /** Scores, dead-letters or holds the submission; true when it is (still) held. */
    private boolean decide(AnswerSubmitted submission, String raw, long firstSeenMs, long now, long timestamp,
                           boolean alreadyHeld) {
        Resolution resolution = lookup(submission);
        if (resolution instanceof NotFound notFound) {
            boolean retired = notFound.reason() == Reason.QUESTION_RETIRED;
            if (!retired && now - firstSeenMs < settings.rubricGracePeriod().toMillis()) {
                // a redelivered copy keeps the first copy's deadline
                if (!alreadyHeld && pending.get(heldKey(submission)) == null) {
                    pending.put(heldKey(submission), Json.write(new Held(raw, firstSeenMs, TraceHeaders.current())));
                }
                return true;
            }
            String detail = retired ? notFound.detail()
                    : notFound.detail() + " (waited " + (now - firstSeenMs) / 1000 + " s)";
            deadLetter(submission.answerId(), notFound.reason(), detail, raw, now, timestamp);
            return false;
        }
        Span span = telemetry.tracer().spanBuilder("score answer").startSpan();
        try (Scope scope = Spans.current(span)) {
            score(submission, (Found) resolution, raw, now, timestamp);
        } finally {
            span.end();
        }
        return false;
    }

    private void score(AnswerSubmitted submission, Found found, String raw, long now, long timestamp) {
        Span.current().setAttribute("prepline.answer.id", submission.answerId());
        ScoreDocument doc;
        try {
            long started = System.nanoTime();
            AnswerScorer.Counted scored = scorer.scoreCounted(found.rubric(), submission.body());
            telemetry.scored(System.nanoTime() - started, scored.units());
            doc = scored.document();
        } catch (Throwable e) {
            // any failure, a stack overflow included, is this record's: dead-letter it and go on with the next one
            LOG.errorf(e, "scoring answer %s failed", submission.answerId());
            Span.current().recordException(e);
            deadLetter(submission.answerId(), Reason.SCORING_FAILED,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), raw, now, timestamp);
            return;
        }
        Span.current().setAttribute("prepline.score.verdict", doc.verdict().name());
        Instant scoredAt = Instant.ofEpochMilli(now);
        AnswerScored event = ScoreMapping.toEvent(submission, doc, scoredAt);
        forward(submission.answerId(), new Outcome(false, Json.write(event)), timestamp,
                scoredHeaders(submission, doc, scoredAt));
    }

    private Resolution lookup(AnswerSubmitted submission) {
        ValueAndTimestamp<String> stored = catalogue.get(submission.questionId());
        if (stored == null || stored.value() == null) {
            return new NotFound(Reason.UNKNOWN_QUESTION,
                    "question " + submission.questionId() + " is not in the catalogue");
        }
        CatalogueQuestion question;
        try {
            question = Json.read(stored.value(), CatalogueQuestion.class);
        } catch (JsonProcessingException e) {
            return new NotFound(Reason.RUBRIC_MISSING,
                    "the catalogue record of question " + submission.questionId() + " cannot be read");
        }
        // An answer submitted before the retirement is still scored against the rubric it was written for.
        if (question.retired() && (submission.submittedAt() == null || question.updatedAt() == null
                || submission.submittedAt().isAfter(question.updatedAt()))) {
            return new NotFound(Reason.QUESTION_RETIRED, "question " + question.id() + " was retired at "
                    + question.updatedAt() + ", before the answer was submitted");
        }
        return RubricResolver.resolve(question, submission.part());
    }

    private static String heldKey(AnswerSubmitted s) {
        return s.answerId() + "#" + s.revision();
    }

    private void deadLetter(String key, Reason reason, String detail, String raw, long now, long timestamp) {
        // the detail, not the submission: answers stay out of the logs
        LOG.warnf("answer %s goes to the dead-letter topic: %s, %s", key, reason, detail);
        deadLettered.accept(reason);
        Span.current().setAttribute("prepline.dead_letter.reason", reason.name());
        Instant failedAt = Instant.ofEpochMilli(now);
        String letter = Json.write(new DeadLetter(reason, detail, Json.asNode(raw), failedAt));
        if (letter.length() > MAX_LETTER_CHARS) {
            // the broker would refuse it, and under exactly-once the failed send would abort the task's transaction
            // and bring the same record back again and again: the letter goes without the submission
            letter = Json.write(new DeadLetter(reason, detail + " (the submission, " + raw.length()
                    + " characters, is left out)", null, failedAt));
        }
        Outcome outcome = new Outcome(true, letter);
        Headers headers = ceHeaders(UUID.randomUUID().toString(), DEAD_LETTER_TYPE, failedAt);
        headers.add(DeadLetterHeaders.REASON, bytes(reason.name()));
        // where it came from, when a consumed record (not a held one retried by the clock) is being handled
        context.recordMetadata().filter(origin -> origin.topic() != null).ifPresent(origin -> {
            headers.add(DeadLetterHeaders.TOPIC, bytes(origin.topic()));
            headers.add(DeadLetterHeaders.PARTITION, bytes(String.valueOf(origin.partition())));
            headers.add(DeadLetterHeaders.OFFSET, bytes(String.valueOf(origin.offset())));
        });
        forward(key, outcome, timestamp, headers);
    }

    /** Sends the outcome in the current trace: its {@code traceparent} names the current span. */
    private void forward(String key, Outcome outcome, long timestamp, Headers headers) {
        TraceHeaders.set(headers, Context.current());
        context.forward(new Record<>(key, outcome, timestamp, headers));
    }

    /**
     * The event id is derived from what determines the score, so a submission scored again (redelivery, another
     * instance) yields an event with the same id and consumers can drop the duplicate.
     */
    private static Headers scoredHeaders(AnswerSubmitted s, ScoreDocument doc, Instant scoredAt) {
        String identity = String.join("|", s.answerId(), String.valueOf(s.revision()),
                String.valueOf(doc.rubricVersion()), doc.scorerVersion());
        String id = UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
        Headers headers = ceHeaders(id, SCORED_TYPE, scoredAt);
        headers.add("ce_subject", s.answerId().getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static Headers ceHeaders(String id, String type, Instant time) {
        Headers headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(id));
        headers.add(CloudEvents.SOURCE, bytes(SOURCE));
        headers.add("ce_type", bytes(type));
        headers.add("ce_time", bytes(time.truncatedTo(ChronoUnit.MILLIS).toString()));
        headers.add("content-type", bytes("application/json"));
        return headers;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
