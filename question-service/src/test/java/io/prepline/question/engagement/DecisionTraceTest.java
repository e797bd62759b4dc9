package io.prepline.question.engagement;

import static io.prepline.question.Fixtures.eventually;
import static io.prepline.question.engagement.EngagementTest.ANSWER_SERVICE;
import static io.prepline.question.engagement.EngagementTest.created;
import static io.prepline.question.engagement.EngagementTest.decision;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.prepline.devstack.DevStack;
import io.prepline.devstack.TopicProbe;
import io.prepline.platform.tracing.FinishedSpans;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** question-service's part of one answer's trace: the decided record's trace goes on into the solved count. */
@QuarkusTest
class DecisionTraceTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aDecisionContinuesItsTraceIntoTheSolvedCount() {
        String slug = created();
        String questionId = given().get("/api/v1/questions/" + slug).jsonPath().getString("id");
        String answer = UUID.randomUUID().toString();
        String traceparent = FinishedSpans.newTraceparent();
        SpanContext upstream = FinishedSpans.of(traceparent);
        try (TopicProbe decided = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), "answers.decided.v1")) {
            decided.sendFrom(ANSWER_SERVICE, answer, decision(answer, "traced-" + answer, questionId, "APPROVED"),
                    traceparent);
        }
        eventually(Duration.ofSeconds(60), () ->
                given().get("/api/v1/questions/" + slug).then().body("counters.solved", is(1)));

        SpanData consumed = FinishedSpans.await(spans, upstream.getTraceId(), "answers.decided.v1 process");
        assertEquals(SpanKind.CONSUMER, consumed.getKind());
        assertEquals(upstream.getSpanId(), consumed.getParentSpanId());
        SpanData solved = FinishedSpans.await(spans, upstream.getTraceId(), "solved count");
        assertEquals(consumed.getSpanId(), solved.getParentSpanId());
    }
}
