package io.prepline.review.pipeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.PrometheusText;
import io.prepline.devstack.TopicProbe;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;

/** The running worker against the real broker: catalogue and submissions in, scores and dead letters out. */
@QuarkusTest
class PipelineRoundTripTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private final String bootstrap = DevStack.shared().bootstrapServers();

    @BeforeEach
    void ready() {
        Pipeline.awaitReady();
    }

    @Test
    void readinessReportsTheRunningPipelineWithItsCatalogueLoaded() {
        given().baseUri(TestHTTPResourceManager.getManagementUri()).when().get("/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Scoring pipeline' }.status", is("UP"))
                .body("checks.find { it.name == 'Scoring pipeline' }.data.state", is("RUNNING"))
                .body("checks.find { it.name == 'Scoring pipeline' }.data.catalogueLoaded", is(true));
    }

    @Test
    void submissionOnTheSubmittedTopicComesBackScoredOnTheScoredTopic() {
        String question = UUID.randomUUID().toString();
        String answer = UUID.randomUUID().toString();
        try (TopicProbe catalogue = TopicProbe.fromNow(bootstrap, "catalogue.questions.v1");
             TopicProbe submitted = TopicProbe.fromNow(bootstrap, "answers.submitted.v1");
             TopicProbe scored = TopicProbe.fromNow(bootstrap, "answers.scored.v1")) {
            catalogue.sendFrom(Fixtures.QUESTION_SERVICE, question, Fixtures.question(question, "round-trip-" + question));
            submitted.sendFrom(Fixtures.ANSWER_SERVICE, answer, Fixtures.submission(answer, question, null, Fixtures.GOOD_ANSWER));

            ConsumerRecord<String, String> record = scored.awaitKey(answer, WAIT);

            JsonSchemas.assertValid("answers-scored.v1.json", record.value());
            JsonNode event = Fixtures.read(record.value());
            assertEquals(question, event.get("questionId").asText());
            assertEquals(2, event.get("rubricVersion").asInt());
            assertEquals(3, event.get("criteria").size());
            assertEquals("io.prepline.answer.scored.v1", header(record, "ce_type"));
            assertEquals("/review-worker", header(record, "ce_source"));
            assertEquals("application/json", header(record, "content-type"));
            List<ConsumerRecord<String, String>> copies = scored.collect(r -> answer.equals(r.key()),
                    Duration.ofSeconds(2));
            assertEquals(1, copies.size(), "one score per submission");
        }
        given().baseUri(TestHTTPResourceManager.getManagementUri()).when().get("/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("kafka_stream_thread_process_total"));
    }

    @Test
    void malformedForgedAndUnscorableSubmissionsGoToTheDeadLetterTopicAndTheWorkerGoesOn() {
        String question = UUID.randomUUID().toString();
        String malformed = UUID.randomUUID().toString();
        String forged = UUID.randomUUID().toString();
        String outOfRange = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        double untrusted = deadLetters("UNTRUSTED_SOURCE");
        double malformedBefore = deadLetters("MALFORMED");
        try (TopicProbe catalogue = TopicProbe.fromNow(bootstrap, "catalogue.questions.v1");
             TopicProbe submitted = TopicProbe.fromNow(bootstrap, "answers.submitted.v1");
             TopicProbe scored = TopicProbe.fromNow(bootstrap, "answers.scored.v1");
             TopicProbe deadLetters = TopicProbe.fromNow(bootstrap, "answers.submitted.v1.dlq")) {
            catalogue.sendFrom(Fixtures.QUESTION_SERVICE, question, Fixtures.question(question, "dead-letters-" + question));
            submitted.sendFrom(Fixtures.ANSWER_SERVICE, malformed, "{\"answerId\": \"" + malformed + "\", \"body\": ");
            submitted.sendFrom("/someone-else", forged, Fixtures.submission(forged, question, null, Fixtures.GOOD_ANSWER));
            submitted.sendFrom(Fixtures.ANSWER_SERVICE, outOfRange, Fixtures.submission(outOfRange, question, null,
                    Fixtures.GOOD_ANSWER).replace("\"revision\":1", "\"revision\":0"));
            submitted.sendFrom(Fixtures.ANSWER_SERVICE, unknown, Fixtures.submission(unknown,
                    UUID.randomUUID().toString(), null, "An answer."));
            submitted.sendFrom(Fixtures.ANSWER_SERVICE, good, Fixtures.submission(good, question, null,
                    Fixtures.GOOD_ANSWER));

            ConsumerRecord<String, String> first = deadLetters.awaitKey(malformed, WAIT);
            JsonSchemas.assertValid("answers-submitted-dlq.v1.json", first.value());
            assertEquals("MALFORMED", Fixtures.read(first.value()).get("reason").asText());
            assertEquals("MALFORMED", header(first, "dead-letter-reason"));
            assertEquals("answers.submitted.v1", header(first, "dead-letter-topic"));
            ConsumerRecord<String, String> forgery = deadLetters.awaitKey(forged, WAIT);
            JsonSchemas.assertValid("answers-submitted-dlq.v1.json", forgery.value());
            assertEquals("UNTRUSTED_SOURCE", Fixtures.read(forgery.value()).get("reason").asText());
            JsonNode range = Fixtures.read(deadLetters.awaitKey(outOfRange, WAIT).value());
            assertEquals("MALFORMED", range.get("reason").asText());
            assertTrue(range.get("detail").asText().contains("revision 0 is not 1 or more"), range::toString);
            scored.awaitKey(good, WAIT);

            // held for the grace period (a few seconds in tests), then given up on
            ConsumerRecord<String, String> second = deadLetters.awaitKey(unknown, WAIT);
            JsonNode letter = Fixtures.read(second.value());
            JsonSchemas.assertValid("answers-submitted-dlq.v1.json", second.value());
            assertEquals("UNKNOWN_QUESTION", letter.get("reason").asText());
            assertEquals(unknown, letter.at("/submission/answerId").asText());
            assertTrue(scored.collect(r -> List.of(unknown, malformed, forged, outOfRange).contains(r.key()),
                    Duration.ofSeconds(1)).isEmpty(), "nothing bad was scored");
        }
        assertEquals(untrusted + 1, deadLetters("UNTRUSTED_SOURCE"));
        assertEquals(malformedBefore + 2, deadLetters("MALFORMED"));
        given().baseUri(TestHTTPResourceManager.getManagementUri()).when().get("/health/ready").then().statusCode(200);
    }

    private static double deadLetters(String reason) {
        return PrometheusText.value(given().baseUri(TestHTTPResourceManager.getManagementUri()).get("/metrics").then().statusCode(200).extract().asString(),
                "prepline_consumer_dead_letters_total", "channel", "submitted", "reason", reason);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
