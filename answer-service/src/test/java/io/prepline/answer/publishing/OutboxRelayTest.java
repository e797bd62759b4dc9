package io.prepline.answer.publishing;

import static io.prepline.answer.Fixtures.activeQuestion;
import static io.prepline.answer.Fixtures.count;
import static io.prepline.answer.Fixtures.submit;
import static io.prepline.answer.Fixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.answer.Fixtures.Question;
import io.prepline.devstack.DevStack;
import io.prepline.devstack.SharedStack;
import io.prepline.devstack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRelayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertNotNull(header, "header " + name);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void acceptedAnswerIsPublishedWithCloudEventsHeadersAndTheOutboxRowIsDeleted() throws Exception {
        Question q = activeQuestion();
        String user = "pub-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), "answers.submitted.v1")) {
            String id = submit(token(user, "candidate"), q.slug(), null, "Published body").then().statusCode(202)
                    .extract().path("id");
            ConsumerRecord<String, String> record = probe.awaitKey(id, Duration.ofSeconds(30));
            assertEquals("1.0", header(record, "ce_specversion"));
            assertEquals("/answer-service", header(record, "ce_source"));
            assertEquals("io.prepline.answer.submitted.v1", header(record, "ce_type"));
            assertEquals("application/json", header(record, "content-type"));
            UUID.fromString(header(record, "ce_id"));
            assertTrue(header(record, "ce_time").contains("T"));
            JsonNode event = JSON.readTree(record.value());
            assertEquals(id, event.get("answerId").asText());
            assertEquals(user, event.get("userId").asText());
            assertEquals(q.id().toString(), event.get("questionId").asText());
            assertEquals(q.slug(), event.get("questionSlug").asText());
            assertTrue(event.get("part").isNull());
            assertEquals(1, event.get("revision").asInt());
            assertEquals("Published body", event.get("body").asText());
            assertTrue(event.get("submittedAt").asText().endsWith("Z"));
            SchemaCheck.assertValid("answers.submitted.v1", event);
            io.prepline.answer.Fixtures.awaitTrue(
                    () -> count("SELECT count(*) FROM outbox_event WHERE record_key = ?", id) == 0,
                    "outbox row of " + id + " to be deleted");
        }
    }

    @Test
    void answerSubmittedWhileTheBrokerIsDownIsPublishedWhenItReturns() {
        Question q = activeQuestion();
        String user = "outage-" + UUID.randomUUID();
        SharedStack stack = DevStack.shared();
        String id;
        stack.stopKafka();
        try {
            id = submit(token(user, "candidate"), q.slug(), null, "Written during the outage")
                    .then().statusCode(202).extract().path("id");
            assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE record_key = ?", id));
        } finally {
            stack.startKafka();
        }
        try (TopicProbe probe = TopicProbe.fromBeginning(stack.bootstrapServers(), "answers.submitted.v1")) {
            ConsumerRecord<String, String> record = probe.awaitKey(id, Duration.ofSeconds(60));
            assertTrue(record.value().contains("Written during the outage"));
        }
    }
}
