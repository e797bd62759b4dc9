package io.prepline.answer.scoring;

import static io.prepline.answer.Fixtures.activeQuestion;
import static io.prepline.answer.Fixtures.awaitStatus;
import static io.prepline.answer.Fixtures.count;
import static io.prepline.answer.Fixtures.publishScore;
import static io.prepline.answer.Fixtures.scored;
import static io.prepline.answer.Fixtures.status;
import static io.prepline.answer.Fixtures.submitted;
import static io.prepline.answer.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.answer.Fixtures.Question;
import io.prepline.answer.publishing.SchemaCheck;
import io.prepline.devstack.DevStack;
import io.prepline.devstack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Long enough for the consumer to have handled a record sent just before (it takes milliseconds). */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private static String user() {
        return "score-" + UUID.randomUUID();
    }

    private static long history(String id, String status) {
        return count("SELECT count(*) FROM answer_status_history WHERE answer_id = ?::uuid AND status = ?", id,
                status);
    }

    @Test
    void confidentHighScoreIsApprovedAutomaticallyAndTheDecisionIsPublished() throws Exception {
        Question q = activeQuestion();
        String user = user();
        try (TopicProbe decided = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), "answers.decided.v1")) {
            String id = submitted(user, q);
            publishScore(id, scored(id, q, 1, 85, 0.9, "PASS", "1.0.0", 4));
            awaitStatus(id, "APPROVED");
            ConsumerRecord<String, String> record = decided.awaitKey(id, Duration.ofSeconds(30));
            JsonNode event = JSON.readTree(record.value());
            assertEquals("APPROVED", event.get("decision").asText());
            assertEquals("auto", event.get("decidedBy").asText());
            assertEquals(user, event.get("userId").asText());
            assertEquals(85, event.get("overall").asInt());
            SchemaCheck.assertValid("answers.decided.v1", event);
            assertEquals("io.prepline.answer.decided.v1",
                    new String(record.headers().lastHeader("ce_type").value()));
        }
        given().auth().oauth2(token(user, "candidate")).when().get("/api/v1/me/answers")
                .then().statusCode(200).body("items[0].status", is("APPROVED")).body("items[0].overall", is(85));
    }

    @Test
    void statusGoesThroughScoredToTheDecision() {
        Question q = activeQuestion();
        String id = submitted(user(), q);
        publishScore(id, scored(id, q, 1, 10, 0.95, "FAIL", "1.0.0", 0));
        awaitStatus(id, "REJECTED");
        assertEquals(List.of("SUBMITTED", "SCORED", "REJECTED"), statuses(id));
    }

    @Test
    void borderlineLowConfidenceAndNeedsHumanScoresGoToAReviewer() {
        Question q = activeQuestion();
        String borderline = submitted(user(), q);
        String unsure = submitted(user(), q);
        String human = submitted(user(), q);
        publishScore(borderline, scored(borderline, q, 1, 55, 0.9, "BORDERLINE", "1.0.0", 2));
        publishScore(unsure, scored(unsure, q, 1, 95, 0.3, "PASS", "1.0.0", 4));
        publishScore(human, scored(human, q, 1, 90, 0.95, "NEEDS_HUMAN", "1.0.0", 4));
        awaitStatus(borderline, "NEEDS_REVIEW");
        awaitStatus(unsure, "NEEDS_REVIEW");
        awaitStatus(human, "NEEDS_REVIEW");
    }

    @Test
    void duplicatedScoredEventChangesNothing() {
        Question q = activeQuestion();
        String user = user();
        String id = submitted(user, q);
        String event = scored(id, q, 1, 80, 0.9, "PASS", "1.0.0", 3);
        try (TopicProbe decided = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), "answers.decided.v1")) {
            publishScore(id, event);
            awaitStatus(id, "APPROVED");
            publishScore(id, event);
            publishScore(id, event);
            assertEquals(1, decided.collect(r -> id.equals(r.key()), SETTLE).size());
        }
        assertEquals(1, history(id, "SCORED"));
        assertEquals(1, history(id, "APPROVED"));
        assertEquals(20, count("SELECT COALESCE(SUM(xp), 0) FROM xp_award WHERE user_id = ?", user));
    }

    @Test
    void olderScorerOrOtherRevisionChangesNothingButANewerScorerRescoresWhileUndecided() {
        Question q = activeQuestion();
        String id = submitted(user(), q);
        publishScore(id, scored(id, q, 1, 60, 0.9, "BORDERLINE", "1.2.0", 2));
        awaitStatus(id, "NEEDS_REVIEW");
        publishScore(id, scored(id, q, 1, 95, 0.99, "PASS", "1.1.9", 4));
        publishScore(id, scored(id, q, 2, 95, 0.99, "PASS", "2.0.0", 4));
        publishScore(id, scored(id, q, 1, 60, 0.9, "BORDERLINE", "1.2.0", 2));
        try (TopicProbe none = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), "answers.decided.v1")) {
            none.collect(r -> false, SETTLE);
        }
        assertEquals("NEEDS_REVIEW", status(id));
        assertEquals(1, history(id, "SCORED"));
        assertEquals(60, count("SELECT overall FROM answer WHERE id = ?::uuid", id));

        publishScore(id, scored(id, q, 1, 92, 0.95, "PASS", "1.10.0", 4));
        awaitStatus(id, "APPROVED");
        assertEquals(92, count("SELECT overall FROM answer WHERE id = ?::uuid", id));
    }

    private static List<String> statuses(String id) {
        return given().auth().oauth2(token("rev-s", "reviewer")).when().get("/api/v1/reviews/" + id)
                .then().statusCode(200).extract().jsonPath().getList("history.status", String.class);
    }
}
