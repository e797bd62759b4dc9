package io.prepline.review.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
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
 */
final class ScoringProcessor implements Processor<String, String, String, Outcome> {

    private static final Logger LOG = Logger.getLogger(ScoringProcessor.class);

    static final String SOURCE = "/review-worker";
    static final String SCORED_TYPE = "io.prepline.answer.scored.v1";
    static final String DEAD_LETTER_TYPE = "io.prepline.answer.submission-rejected.v1";

    private final PipelineSettings settings;
    private final AnswerScorer scorer;
    private ProcessorContext<String, Outcome> context;
    private TimestampedKeyValueStore<String, String> catalogue;
    private KeyValueStore<String, String> pending;

    ScoringProcessor(PipelineSettings settings, AnswerScorer scorer) {
        this.settings = settings;
        this.scorer = scorer;
    }

    /** A held submission and when this worker first saw it (wall clock, ms). */
    record Held(String value, long firstSeenMs) {
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
        this.catalogue = context.getStateStore(ScoringTopology.CATALOGUE_STORE);
        this.pending = context.getStateStore(ScoringTopology.PENDING_STORE);
        context.schedule(settings.retryInterval(), PunctuationType.WALL_CLOCK_TIME, this::retryHeld);
    }

    @Override
    public void process(Record<String, String> record) {
        long now = context.currentSystemTimeMs();
        AnswerSubmitted submission;
        try {
            submission = parse(record.value());
        } catch (MalformedSubmission e) {
            deadLetter(record.key(), Reason.MALFORMED, e.getMessage(), record.value(), now, record.timestamp());
            return;
        }
        decide(submission, record.value(), now, now, record.timestamp(), false);
    }

    private void retryHeld(long now) {
        List<KeyValue<String, String>> held = new ArrayList<>();
        try (KeyValueIterator<String, String> all = pending.all()) {
            all.forEachRemaining(held::add);
        }
        for (KeyValue<String, String> entry : held) {
            Held h;
            AnswerSubmitted submission;
            try {
                h = Json.read(entry.value, Held.class);
                submission = parse(h.value());
            } catch (JsonProcessingException | MalformedSubmission e) {
                // only readable submissions are held; drop an entry that cannot be read back rather than loop on it
                LOG.errorf("dropping unreadable held submission %s", entry.key);
                pending.delete(entry.key);
                continue;
            }
            if (!decide(submission, h.value(), h.firstSeenMs(), now, now, true)) {
                pending.delete(entry.key);
            }
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
                    pending.put(heldKey(submission), Json.write(new Held(raw, firstSeenMs)));
                }
                return true;
            }
            String detail = retired ? notFound.detail()
                    : notFound.detail() + " (waited " + (now - firstSeenMs) / 1000 + " s)";
            deadLetter(submission.answerId(), notFound.reason(), detail, raw, now, timestamp);
            return false;
        }
        Found found = (Found) resolution;
        ScoreDocument doc;
        try {
            doc = scorer.score(found.rubric(), submission.body());
        } catch (Throwable e) {
            // any failure, a stack overflow included, is this record's: dead-letter it and go on with the next one
            LOG.errorf(e, "scoring answer %s failed", submission.answerId());
            deadLetter(submission.answerId(), Reason.SCORING_FAILED,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), raw, now, timestamp);
            return false;
        }
        Instant scoredAt = Instant.ofEpochMilli(now);
        AnswerScored event = ScoreMapping.toEvent(submission, doc, scoredAt);
        forward(submission.answerId(), new Outcome(false, Json.write(event)), timestamp,
                scoredHeaders(submission, doc, scoredAt));
        return false;
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

    private static AnswerSubmitted parse(String value) throws MalformedSubmission {
        if (value == null) {
            throw new MalformedSubmission("the record has no value");
        }
        AnswerSubmitted s;
        try {
            s = Json.read(value, AnswerSubmitted.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining("."));
            throw new MalformedSubmission((field.isEmpty() ? "not a submission" : field + " has the wrong type")
                    + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new MalformedSubmission("not JSON: " + e.getOriginalMessage());
        }
        if (s == null) {
            throw new MalformedSubmission("the value is JSON null");
        }
        List<String> missing = new ArrayList<>();
        if (s.answerId() == null || s.answerId().isBlank()) {
            missing.add("answerId");
        }
        if (s.questionId() == null || s.questionId().isBlank()) {
            missing.add("questionId");
        }
        if (s.revision() == null) {
            missing.add("revision");
        }
        if (s.body() == null) {
            missing.add("body");
        }
        if (!missing.isEmpty()) {
            throw new MalformedSubmission("missing " + String.join(", ", missing));
        }
        return s;
    }

    private static String heldKey(AnswerSubmitted s) {
        return s.answerId() + "#" + s.revision();
    }

    private void deadLetter(String key, Reason reason, String detail, String raw, long now, long timestamp) {
        // the detail, not the submission: answers stay out of the logs
        LOG.warnf("answer %s goes to the dead-letter topic: %s, %s", key, reason, detail);
        Outcome outcome = new Outcome(true, Json.write(new DeadLetter(reason, detail, Json.asNode(raw),
                Instant.ofEpochMilli(now))));
        forward(key, outcome, timestamp, ceHeaders(UUID.randomUUID().toString(), DEAD_LETTER_TYPE,
                Instant.ofEpochMilli(now)));
    }

    private void forward(String key, Outcome outcome, long timestamp, Headers headers) {
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
        headers.add("ce_source", bytes(SOURCE));
        headers.add("ce_type", bytes(type));
        headers.add("ce_time", bytes(time.truncatedTo(ChronoUnit.MILLIS).toString()));
        headers.add("content-type", bytes("application/json"));
        return headers;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static final class MalformedSubmission extends Exception {
        MalformedSubmission(String message) {
            super(message, null, false, false);
        }
    }
}
