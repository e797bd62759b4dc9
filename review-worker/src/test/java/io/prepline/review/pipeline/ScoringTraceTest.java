package io.prepline.review.pipeline;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.prepline.devstack.DevStack;
import io.prepline.devstack.PrometheusText;
import io.prepline.devstack.TopicProbe;
import io.prepline.platform.tracing.FinishedSpans;
import io.prepline.platform.tracing.TraceHeaders;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's part of one answer's trace (Kafka Streams carries none by itself): a submission's traceparent goes on
 * into its scoring span and the score's own traceparent, also for a submission held until its question arrives; the
 * scoring is timed per answer and per unit.
 */
@QuarkusTest
class ScoringTraceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final String bootstrap = DevStack.shared().bootstrapServers();

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void ready() {
        Pipeline.awaitReady();
    }

    @Test
    void aSubmissionsTraceGoesOnIntoItsScoringAndItsScore() {
        double answers = metric("prepline_scoring_seconds_count");
        double units = metric("prepline_scoring_unit_seconds_count");
        String question = UUID.randomUUID().toString();
        String answer = UUID.randomUUID().toString();
        String traceparent = FinishedSpans.newTraceparent();
        SpanContext upstream = FinishedSpans.of(traceparent);
        try (TopicProbe catalogue = TopicProbe.fromNow(bootstrap, "catalogue.questions.v1");
             TopicProbe submitted = TopicProbe.fromNow(bootstrap, "answers.submitted.v1");
             TopicProbe scored = TopicProbe.fromNow(bootstrap, "answers.scored.v1")) {
            catalogue.sendFrom(Fixtures.QUESTION_SERVICE, question, Fixtures.question(question, "traced-" + question));
            submitted.sendFrom(Fixtures.ANSWER_SERVICE, answer,
                    Fixtures.submission(answer, question, null, Fixtures.GOOD_ANSWER), traceparent);

            ConsumerRecord<String, String> score = scored.awaitKey(answer, WAIT);
            SpanData consumed = FinishedSpans.await(spans, upstream.getTraceId(), "answers.submitted.v1 process");
            assertEquals(SpanKind.CONSUMER, consumed.getKind());
            assertEquals(upstream.getSpanId(), consumed.getParentSpanId());
            SpanData scoring = FinishedSpans.await(spans, upstream.getTraceId(), "score answer");
            assertEquals(consumed.getSpanId(), scoring.getParentSpanId());
            SpanContext sent = FinishedSpans.of(TopicProbe.header(score, TraceHeaders.TRACEPARENT));
            assertEquals(upstream.getTraceId(), sent.getTraceId(), "answer-service continues the same trace");
            assertEquals(scoring.getSpanId(), sent.getSpanId());
        }
        assertEquals(answers + 1, metric("prepline_scoring_seconds_count"));
        assertTrue(metric("prepline_scoring_unit_seconds_count") >= units + 1);
        assertTrue(metric("prepline_scoring_seconds_sum") > 0);
        assertTrue(metric("prepline_scoring_seconds_bucket", "le", "10.0") >= answers + 1, "scored within 10 s");
    }

    @Test
    void aSubmissionHeldUntilItsQuestionArrivesIsScoredInItsOwnTrace() throws Exception {
        String question = UUID.randomUUID().toString();
        String answer = UUID.randomUUID().toString();
        String traceparent = FinishedSpans.newTraceparent();
        SpanContext upstream = FinishedSpans.of(traceparent);
        try (TopicProbe catalogue = TopicProbe.fromNow(bootstrap, "catalogue.questions.v1");
             TopicProbe submitted = TopicProbe.fromNow(bootstrap, "answers.submitted.v1");
             TopicProbe scored = TopicProbe.fromNow(bootstrap, "answers.scored.v1")) {
            submitted.sendFrom(Fixtures.ANSWER_SERVICE, answer,
                    Fixtures.submission(answer, question, null, Fixtures.GOOD_ANSWER), traceparent);
            SpanData held = FinishedSpans.await(spans, upstream.getTraceId(), "answers.submitted.v1 process");
            catalogue.sendFrom(Fixtures.QUESTION_SERVICE, question, Fixtures.question(question, "held-" + question));

            ConsumerRecord<String, String> score = scored.awaitKey(answer, WAIT);
            SpanData scoring = FinishedSpans.await(spans, upstream.getTraceId(), "score answer");
            assertEquals(held.getSpanId(), scoring.getParentSpanId(), "a held submission's scoring continues "
                    + "the span it came in");
            assertEquals(scoring.getSpanId(), FinishedSpans.of(TopicProbe.header(score, TraceHeaders.TRACEPARENT))
                    .getSpanId());
        }
    }

    private static double metric(String name, String... labels) {
        return PrometheusText.value(given().baseUri(TestHTTPResourceManager.getManagementUri()).get("/metrics").then()
                .statusCode(200).extract().asString(), name, labels);
    }
}
