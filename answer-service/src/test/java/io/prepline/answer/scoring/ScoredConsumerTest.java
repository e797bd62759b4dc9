package io.prepline.answer.scoring;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import static io.prepline.answer.Fixtures.activeQuestion;
import static io.prepline.answer.Fixtures.awaitDeadLetter;
import static io.prepline.answer.Fixtures.awaitStatus;
import static io.prepline.answer.Fixtures.awaitTrue;
import static io.prepline.answer.Fixtures.count;
import static io.prepline.answer.Fixtures.deadLetters;
import static io.prepline.answer.Fixtures.metric;
import static io.prepline.answer.Fixtures.publishScore;
import static io.prepline.answer.Fixtures.scored;
import static io.prepline.answer.Fixtures.status;
import static io.prepline.answer.Fixtures.submitted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.prepline.answer.Fixtures;
import io.prepline.answer.Fixtures.Question;
import io.prepline.devstack.DevStack;
import io.prepline.devstack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The consumer of {@code answers.scored.v1} never applies a bad score and never stops on one. */
@QuarkusTest
class ScoredConsumerTest {

    private static final String TOPIC = "answers.scored.v1";
    private static final String DLQ = "answer-service.dlq";

    private static TopicProbe deadLetterTopic() {
        return TopicProbe.fromNow(DevStack.shared().bootstrapServers(), DLQ);
    }

    @Test
    void badScoresGoToTheDeadLetterTopicWithTheirReasonAndTheNextScoreIsApplied() {
        Question q = activeQuestion();
        Question other = activeQuestion();
        String id = submitted("sc-" + UUID.randomUUID(), q);
        String ghost = UUID.randomUUID().toString();
        Map<String, Double> before = Map.of("MALFORMED", deadLetters("scored", "MALFORMED"),
                "UNTRUSTED_SOURCE", deadLetters("scored", "UNTRUSTED_SOURCE"),
                "INVALID", deadLetters("scored", "INVALID"),
                "UNKNOWN_REFERENCE", deadLetters("scored", "UNKNOWN_REFERENCE"));
        String perfect = scored(id, q, 1, 100, 0.99, "PASS", "1.0.0", 4);
        try (TopicProbe dlq = deadLetterTopic();
             TopicProbe scores = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), TOPIC)) {
            publishScore(id, "{\"answerId\":\"" + id + "\",\"overall\":");
            scores.sendFrom("/someone-else", id, perfect);
            scores.send(id, perfect);
            publishScore(id, scored(id, q, 1, 140, 0.9, "PASS", "1.0.0", 9));
            publishScore(id, scored(id, other, 1, 100, 0.99, "PASS", "1.0.0", 4));
            publishScore(ghost, scored(ghost, q, 1, 100, 0.99, "PASS", "1.0.0", 4));
            publishScore(id, scored(id, q, 1, 30, 0.9, "FAIL", "1.0.0", 1));
            awaitStatus(id, "REJECTED");

            ConsumerRecord<String, String> malformed = awaitDeadLetter(dlq, id, "MALFORMED");
            assertEquals("{\"answerId\":\"" + id + "\",\"overall\":", malformed.value());
            assertEquals(TOPIC, TopicProbe.header(malformed, "dead-letter-topic"));
            assertEquals("scored", TopicProbe.header(malformed, "dead-letter-channel"));
            assertNotNull(TopicProbe.header(malformed, "dead-letter-partition"));
            assertNotNull(TopicProbe.header(malformed, "dead-letter-offset"));
            assertTrue(TopicProbe.header(malformed, "dead-letter-detail").startsWith("not JSON"));
            ConsumerRecord<String, String> forged = awaitDeadLetter(dlq, id, "UNTRUSTED_SOURCE");
            assertEquals(perfect, forged.value());
            assertEquals("/someone-else", TopicProbe.header(forged, "ce_source"), "the original headers are kept");
            String outOfRange = TopicProbe.header(awaitDeadLetter(dlq, id, "INVALID"), "dead-letter-detail");
            assertTrue(outOfRange.contains("overall 140 is not within 0-100")
                    && outOfRange.contains("criteria[0].score 9 is not within 0-4"), outOfRange);
            assertEquals(2, dlq.collect(r -> id.equals(r.key())
                    && "INVALID".equals(TopicProbe.header(r, "dead-letter-reason")), Duration.ofMillis(500)).size(),
                    "the score of another question is invalid too");
            assertTrue(TopicProbe.header(awaitDeadLetter(dlq, ghost, "UNKNOWN_REFERENCE"), "dead-letter-detail")
                    .contains("does not exist"));
        }
        assertEquals(30, count("SELECT overall FROM answer WHERE id = ?::uuid", id), "no bad score was applied");
        assertEquals(1, count("""
                SELECT count(*) FROM answer_status_history WHERE answer_id = ?::uuid AND status = 'SCORED'""", id));
        assertEquals(before.get("MALFORMED") + 1, deadLetters("scored", "MALFORMED"));
        assertEquals(before.get("UNTRUSTED_SOURCE") + 2, deadLetters("scored", "UNTRUSTED_SOURCE"));
        assertEquals(before.get("INVALID") + 2, deadLetters("scored", "INVALID"));
        assertEquals(before.get("UNKNOWN_REFERENCE") + 1, deadLetters("scored", "UNKNOWN_REFERENCE"));
        given().baseUri(TestHTTPResourceManager.getManagementUri()).when().get("/health/ready").then().statusCode(200).body("status", is("UP"));
        given().baseUri(TestHTTPResourceManager.getManagementUri()).when().get("/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void aScoreWhoseTransactionWasAbortedIsNeverApplied() {
        Question q = activeQuestion();
        String id = submitted("aborted-" + UUID.randomUUID(), q);
        // as a worker that dies (or is fenced) after sending the score, before its transaction commits
        TopicProbe.sendAborted(DevStack.shared().bootstrapServers(), TOPIC, Fixtures.producer(TOPIC), id,
                scored(id, q, 1, 100, 0.99, "PASS", "1.0.0", 4));
        publishScore(id, scored(id, q, 1, 30, 0.9, "FAIL", "1.0.0", 1));
        awaitStatus(id, "REJECTED");
        assertEquals(30, count("SELECT overall FROM answer WHERE id = ?::uuid", id));
        assertEquals(1, count("""
                SELECT count(*) FROM answer_status_history WHERE answer_id = ?::uuid AND status = 'SCORED'""", id),
                "only the committed score was applied");
    }

    @Test
    void aScoreWaitsForARowLockHeldLongerThanOneAttemptAndIsAppliedOnceItIsReleased() throws Exception {
        Question q = activeQuestion();
        String id = submitted("lock-" + UUID.randomUUID(), q);
        awaitQuiet();
        double retries = metric("prepline_consumer_retries_total", "channel", "scored");
        try (TopicProbe dlq = deadLetterTopic()) {
            try (Connection holder = Fixtures.connection(); Statement lock = holder.createStatement()) {
                holder.setAutoCommit(false);
                lock.execute("SELECT 1 FROM answer WHERE id = '" + id + "' FOR UPDATE");
                publishScore(id, scored(id, q, 1, 85, 0.9, "PASS", "1.0.0", 4));
                // each attempt gives up after prepline.consumer.lock-timeout (1 s in tests) and is tried again
                awaitTrue(() -> metric("prepline_consumer_retries_total", "channel", "scored") >= retries + 2,
                        "the consumer to try again while the row is locked");
                assertEquals("SUBMITTED", status(id));
                given().baseUri(TestHTTPResourceManager.getManagementUri()).when().get("/health/ready").then().statusCode(200);
                holder.rollback();
            }
            awaitStatus(id, "APPROVED");
            assertEquals(0, dlq.collect(r -> id.equals(r.key()), Duration.ofSeconds(2)).size(),
                    "a transient failure is never dead-lettered");
        }
    }

    /** Waits until no other record is being retried on the channel, so the retries counted are this test's. */
    private static void awaitQuiet() throws InterruptedException {
        double last = -1;
        double now = metric("prepline_consumer_retries_total", "channel", "scored");
        while (now != last) {
            Thread.sleep(2000);
            last = now;
            now = metric("prepline_consumer_retries_total", "channel", "scored");
        }
    }
}
