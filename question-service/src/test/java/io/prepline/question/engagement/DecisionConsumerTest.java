package io.prepline.question.engagement;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import static io.prepline.question.Fixtures.candidate;
import static io.prepline.question.Fixtures.eventually;
import static io.prepline.question.engagement.EngagementTest.ANSWER_SERVICE;
import static io.prepline.question.engagement.EngagementTest.created;
import static io.prepline.question.engagement.EngagementTest.decision;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.PostgresServer;
import io.prepline.devstack.PrometheusText;
import io.prepline.devstack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The consumer of {@code answers.decided.v1} never applies a bad decision and never stops on one. */
@QuarkusTest
class DecisionConsumerTest {

    private static final String TOPIC = "answers.decided.v1";
    private static final String DLQ = "question-service.dlq";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void badDecisionsGoToTheDeadLetterTopicWithTheirReasonAndTheNextDecisionIsApplied() {
        String slug = created();
        String questionId = given().get("/api/v1/questions/" + slug).jsonPath().getString("id");
        String forger = "forger-" + UUID.randomUUID();
        String honest = "honest-" + UUID.randomUUID();
        String malformed = UUID.randomUUID().toString();
        String forged = UUID.randomUUID().toString();
        String unsigned = UUID.randomUUID().toString();
        String outOfRange = UUID.randomUUID().toString();
        String unknownQuestion = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        double untrusted = deadLetters("UNTRUSTED_SOURCE");
        double invalid = deadLetters("INVALID");
        try (TopicProbe dlq = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), DLQ);
             TopicProbe decided = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), TOPIC)) {
            decided.sendFrom(ANSWER_SERVICE, malformed, "{\"answerId\":\"" + malformed + "\",");
            decided.sendFrom("/review-worker", forged, decision(forged, forger, questionId, "APPROVED"));
            decided.send(unsigned, decision(unsigned, forger, questionId, "APPROVED"));
            decided.sendFrom(ANSWER_SERVICE, outOfRange, decision(outOfRange, forger, questionId, "APPROVED")
                    .replace("\"overall\":80", "\"overall\":140").replace("\"APPROVED\"", "\"MAYBE\""));
            decided.sendFrom(ANSWER_SERVICE, unknownQuestion,
                    decision(unknownQuestion, forger, UUID.randomUUID().toString(), "APPROVED"));
            decided.sendFrom(ANSWER_SERVICE, good, decision(good, honest, questionId, "APPROVED"));

            ConsumerRecord<String, String> letter = dlq.awaitHeader(malformed, "dead-letter-reason", "MALFORMED", WAIT);
            assertEquals(TOPIC, TopicProbe.header(letter, "dead-letter-topic"));
            assertEquals("decided", TopicProbe.header(letter, "dead-letter-channel"));
            assertEquals("{\"answerId\":\"" + malformed + "\",", letter.value());
            dlq.awaitHeader(forged, "dead-letter-reason", "UNTRUSTED_SOURCE", WAIT);
            dlq.awaitHeader(unsigned, "dead-letter-reason", "UNTRUSTED_SOURCE", WAIT);
            String detail = TopicProbe.header(dlq.awaitHeader(outOfRange, "dead-letter-reason", "INVALID", WAIT),
                    "dead-letter-detail");
            assertTrue(detail.contains("decision \"MAYBE\" is not one of") && detail.contains("overall 140"), detail);
            dlq.awaitHeader(unknownQuestion, "dead-letter-reason", "UNKNOWN_REFERENCE", WAIT);
        }
        eventually(WAIT, () -> given().auth().oauth2(candidate(honest)).get("/api/v1/questions/" + slug
                + "/sample-answer").then().statusCode(200).body("full", is(true)));
        given().auth().oauth2(candidate(forger)).get("/api/v1/questions/" + slug + "/sample-answer")
                .then().statusCode(200).body("full", is(false)).body("gate", is("APPROVED_ANSWER_REQUIRED"));
        assertEquals(0, count("SELECT count(*) FROM processed_decision WHERE user_id = ?", forger),
                "nothing of a rejected decision was applied");
        assertEquals(untrusted + 2, deadLetters("UNTRUSTED_SOURCE"));
        assertEquals(invalid + 1, deadLetters("INVALID"));
        given().baseUri(TestHTTPResourceManager.getManagementUri()).when().get("/health/ready").then().statusCode(200).body("status", is("UP"));
        given().baseUri(TestHTTPResourceManager.getManagementUri()).when().get("/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void aDecisionWaitsForARowLockHeldLongerThanOneAttemptAndIsAppliedOnceItIsReleased() throws Exception {
        String slug = created();
        String questionId = given().get("/api/v1/questions/" + slug).jsonPath().getString("id");
        String answer = UUID.randomUUID().toString();
        double retries = retries();
        try (TopicProbe dlq = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), DLQ)) {
            try (Connection holder = connection(); Statement lock = holder.createStatement()) {
                holder.setAutoCommit(false);
                lock.execute("SELECT 1 FROM question WHERE id = '" + questionId + "' FOR UPDATE");
                try (TopicProbe decided = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), TOPIC)) {
                    decided.sendFrom(ANSWER_SERVICE, answer, decision(answer, "locked-" + answer, questionId,
                            "APPROVED"));
                }
                // each attempt gives up after prepline.consumer.lock-timeout (1 s in tests) and is tried again
                eventually(WAIT, () -> assertTrue(retries() >= retries + 2, "the consumer tries again"));
                assertEquals(0, count("SELECT count(*) FROM question_solver WHERE answer_id = ?::uuid", answer));
                given().baseUri(TestHTTPResourceManager.getManagementUri()).when().get("/health/ready").then().statusCode(200);
                holder.rollback();
            }
            eventually(WAIT, () -> assertEquals(1,
                    count("SELECT count(*) FROM question_solver WHERE answer_id = ?::uuid", answer)));
            assertEquals(0, dlq.collect(r -> answer.equals(r.key()), Duration.ofSeconds(2)).size(),
                    "a transient failure is never dead-lettered");
        }
    }

    private static double deadLetters(String reason) {
        return metric("prepline_consumer_dead_letters_total", "channel", "decided", "reason", reason);
    }

    private static double retries() {
        return metric("prepline_consumer_retries_total", "channel", "decided");
    }

    private static double metric(String name, String... labels) {
        return PrometheusText.value(given().baseUri(TestHTTPResourceManager.getManagementUri()).get("/metrics").then().statusCode(200).extract().asString(), name,
                labels);
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(DevStack.shared().jdbcUrl("questions"), PostgresServer.USER, "");
    }

    private static long count(String sql, String arg) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
