package io.prepline.answer;

import static io.prepline.answer.Fixtures.activeQuestion;
import static io.prepline.answer.Fixtures.awaitStatus;
import static io.prepline.answer.Fixtures.scored;
import static io.prepline.answer.Fixtures.submit;
import static io.prepline.answer.Fixtures.submitted;
import static io.prepline.answer.Fixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.prepline.answer.Fixtures.Question;
import io.prepline.devstack.DevStack;
import io.prepline.devstack.TopicProbe;
import io.prepline.platform.tracing.FinishedSpans;
import io.prepline.platform.tracing.TraceHeaders;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * answer-service's part of one answer's trace: the request that submits it stores its trace with the outbox row and
 * the relay sends it on as the record's traceparent; a score comes back in that trace and the decision and the
 * decided record continue it.
 */
@QuarkusTest
class TracingTest {

    /** prepline.outbox.lock-key: while a test holds it, the relay leaves the outbox alone. */
    private static final long RELAY_LOCK = 7301001;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theSubmittingRequestsTraceIsStoredWithTheOutboxRowAndSentAsTheRecordsTraceparent() throws Exception {
        Question q = activeQuestion();
        String id;
        String stored;
        try (TopicProbe submittedTopic = TopicProbe.fromNow(DevStack.shared().bootstrapServers(),
                "answers.submitted.v1")) {
            try (Connection relayLock = Fixtures.connection()) {
                lock(relayLock, "pg_advisory_lock");
                id = submit(token("trace-" + UUID.randomUUID(), "candidate"), q.slug(), null,
                        "Pruning removes weights that matter little.").then().statusCode(202).extract().path("id");
                stored = outboxTraceparent(id);
                lock(relayLock, "pg_advisory_unlock");
            }
            SpanData post = FinishedSpans.await(spans, "POST /api/v1/answers of " + id,
                    s -> s.getKind() == SpanKind.SERVER && s.getName().equals("POST /api/v1/answers")
                            && s.getTraceId().equals(FinishedSpans.of(stored).getTraceId()));
            assertEquals(post.getSpanId(), FinishedSpans.of(stored).getSpanId(), "the row names the request's span");

            ConsumerRecord<String, String> record = submittedTopic.awaitKey(id, WAIT);
            SpanContext sent = FinishedSpans.of(TopicProbe.header(record, TraceHeaders.TRACEPARENT));
            assertEquals(post.getTraceId(), sent.getTraceId());
            SpanData publish = FinishedSpans.await(spans, post.getTraceId(), "answers.submitted.v1 publish");
            assertEquals(SpanKind.PRODUCER, publish.getKind());
            assertEquals(post.getSpanId(), publish.getParentSpanId());
            assertEquals(publish.getSpanId(), sent.getSpanId(), "the scorer continues the publish span");
        }
    }

    @Test
    void aScoreContinuesItsTraceIntoTheDecisionAndTheDecidedRecord() {
        Question q = activeQuestion();
        String id = submitted("trace-" + UUID.randomUUID(), q);
        String scorer = FinishedSpans.newTraceparent();
        SpanContext upstream = FinishedSpans.of(scorer);
        try (TopicProbe scoredTopic = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), "answers.scored.v1");
             TopicProbe decidedTopic = TopicProbe.fromNow(DevStack.shared().bootstrapServers(),
                     "answers.decided.v1")) {
            scoredTopic.sendFrom("/review-worker", id, scored(id, q, 1, 90, 0.95, "PASS", "1.0.0", 4), scorer);
            awaitStatus(id, "APPROVED");

            SpanData consumed = FinishedSpans.await(spans, upstream.getTraceId(), "answers.scored.v1 process");
            assertEquals(SpanKind.CONSUMER, consumed.getKind());
            assertEquals(upstream.getSpanId(), consumed.getParentSpanId());
            SpanData decision = FinishedSpans.await(spans, upstream.getTraceId(), "auto decision");
            assertEquals(consumed.getSpanId(), decision.getParentSpanId());
            assertEquals("APPROVED", decision.getAttributes().get(AttributeKey.stringKey("prepline.decision")));

            ConsumerRecord<String, String> decided = decidedTopic.awaitKey(id, WAIT);
            SpanContext sent = FinishedSpans.of(TopicProbe.header(decided, TraceHeaders.TRACEPARENT));
            assertEquals(upstream.getTraceId(), sent.getTraceId(), "question-service continues the same trace");
            SpanData publish = FinishedSpans.await(spans, upstream.getTraceId(), "answers.decided.v1 publish");
            assertEquals(decision.getSpanId(), publish.getParentSpanId());
            assertEquals(publish.getSpanId(), sent.getSpanId());
        }
    }

    private static void lock(Connection db, String function) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("SELECT " + function + "(" + RELAY_LOCK + ")");
        }
    }

    private static String outboxTraceparent(String answerId) throws Exception {
        try (Connection db = Fixtures.connection(); PreparedStatement select = db.prepareStatement(
                "SELECT traceparent FROM outbox_event WHERE record_key = ? AND topic = 'answers.submitted.v1'")) {
            select.setString(1, answerId);
            try (ResultSet rs = select.executeQuery()) {
                assertEquals(true, rs.next(), "the outbox row waits while the relay is locked out");
                return rs.getString(1);
            }
        }
    }
}
