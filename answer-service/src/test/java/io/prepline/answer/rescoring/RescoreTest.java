package io.prepline.answer.rescoring;

import static io.prepline.answer.Fixtures.awaitStatus;
import static io.prepline.answer.Fixtures.awaitTrue;
import static io.prepline.answer.Fixtures.count;
import static io.prepline.answer.Fixtures.publishScore;
import static io.prepline.answer.Fixtures.publishWithRubric;
import static io.prepline.answer.Fixtures.questionWithRubric;
import static io.prepline.answer.Fixtures.scored;
import static io.prepline.answer.Fixtures.submitted;
import static io.prepline.answer.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.answer.Fixtures;
import io.prepline.answer.Fixtures.Question;
import io.prepline.answer.publishing.SchemaCheck;
import io.prepline.devstack.DevStack;
import io.prepline.devstack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RescoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static long history(String id, String status) {
        return count("SELECT count(*) FROM answer_status_history WHERE answer_id = ?::uuid AND status = ?", id, status);
    }

    private static String user() {
        return "rs-" + UUID.randomUUID();
    }

    @Test
    void aNewRubricVersionRescoresUndecidedAnswersOnceAndDecidedOnesKeepTheirDecision() throws Exception {
        Question q = questionWithRubric();
        String waiting = submitted(user(), q);
        publishScore(waiting, scored(waiting, q, 1, 55, 0.9, "BORDERLINE", "1.0.0", 2));
        String autoApproved = submitted(user(), q);
        publishScore(autoApproved, scored(autoApproved, q, 1, 85, 0.9, "PASS", "1.0.0", 4));
        String decided = submitted(user(), q);
        publishScore(decided, scored(decided, q, 1, 55, 0.9, "BORDERLINE", "1.0.0", 2));
        awaitStatus(waiting, "NEEDS_REVIEW");
        awaitStatus(autoApproved, "APPROVED");
        awaitStatus(decided, "NEEDS_REVIEW");
        given().auth().oauth2(token("rs-rev", "reviewer")).contentType(ContentType.JSON)
                .body("{\"decision\":\"REJECTED\"}").when().post("/api/v1/reviews/" + decided + "/decision")
                .then().statusCode(200);

        try (TopicProbe submittedTopic = TopicProbe.fromNow(DevStack.shared().bootstrapServers(),
                "answers.submitted.v1")) {
            publishWithRubric(q, 2, 2);
            JsonNode again = JSON.readTree(submittedTopic.awaitKey(waiting, Duration.ofSeconds(30)).value());
            assertEquals(waiting, again.get("answerId").asText());
            assertEquals(1, again.get("revision").asInt());
            SchemaCheck.assertValid("answers.submitted.v1", again);
            submittedTopic.awaitKey(autoApproved, Duration.ofSeconds(30));
        }
        awaitTrue(() -> history(waiting, "RESCORING") == 1 && history(autoApproved, "RESCORING") == 1,
                "RESCORING in both histories");
        assertEquals(0, history(decided, "RESCORING"));
        assertEquals(0, count("SELECT count(*) FROM rescore_request WHERE answer_id = ?::uuid", decided));

        // the same rubric version published again asks for nothing
        publishWithRubric(q, 3, 2);
        // (a request would still be waiting, or, once published, have added a second RESCORING)
        assertEquals(0, count("SELECT count(*) FROM rescore_request WHERE answer_id IN (?::uuid, ?::uuid)",
                waiting, autoApproved));
        assertEquals(1, history(waiting, "RESCORING"));
        assertEquals(1, history(autoApproved, "RESCORING"));

        // a stale score (the old rubric) changes nothing; the new rubric's score replaces the old one
        publishScore(waiting, scored(waiting, q, 1, 20, 0.9, "FAIL", "1.0.0", 0, 1));
        publishScore(waiting, scored(waiting, q, 1, 90, 0.9, "PASS", "1.0.0", 4, 2));
        awaitStatus(waiting, "APPROVED");
        given().auth().oauth2(token("rs-rev", "reviewer")).when().get("/api/v1/reviews/" + waiting)
                .then().statusCode(200)
                .body("answer.score.overall", is(90))
                .body("history.status", hasItem("RESCORING"))
                .body("history.status", org.hamcrest.Matchers.contains("SUBMITTED", "SCORED", "NEEDS_REVIEW",
                        "RESCORING", "SCORED", "APPROVED"));
        String owner = given().auth().oauth2(token("rs-rev", "reviewer")).when().get("/api/v1/answers/" + waiting)
                .then().extract().path("userId");
        given().auth().oauth2(token(owner, "candidate")).when().get("/api/v1/answers/" + waiting)
                .then().statusCode(200).body("feedback.rubricVersion", is(2)).body("feedback.overall", is(90));
    }

    @Test
    void aRubricChangeIsPublishedInBatchesOfAtMostTheBatchSizeOnceForEachAnswer() {
        Question q = questionWithRubric();
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String id = submitted(user(), q);
            publishScore(id, scored(id, q, 1, 55, 0.9, "BORDERLINE", "1.0.0", 2));
            ids.add(id);
        }
        for (String id : ids) {
            awaitStatus(id, "NEEDS_REVIEW");
        }
        publishWithRubric(q, 2, 2);
        String rescored = """
                SELECT count(*) FROM answer_status_history h JOIN answer a ON a.id = h.answer_id
                WHERE a.question_id = ?::uuid AND h.status = 'RESCORING'""";
        awaitTrue(() -> count(rescored, q.id().toString()) >= 25, "25 re-scores published");
        // every batch is one transaction (one now()): at most batch-size (20) rows each, so at least two batches
        String largestBatch = """
                SELECT max(n) FROM (SELECT count(*) AS n FROM answer_status_history h JOIN answer a ON a.id = h.answer_id
                                    WHERE a.question_id = ?::uuid AND h.status = 'RESCORING' GROUP BY h.at) b""";
        String batches = """
                SELECT count(DISTINCT h.at) FROM answer_status_history h JOIN answer a ON a.id = h.answer_id
                WHERE a.question_id = ?::uuid AND h.status = 'RESCORING'""";
        org.junit.jupiter.api.Assertions.assertTrue(count(largestBatch, q.id().toString()) <= 20);
        org.junit.jupiter.api.Assertions.assertTrue(count(batches, q.id().toString()) >= 2);
        for (String id : ids) {
            assertEquals(1, history(id, "RESCORING"), id);
        }
    }

    @Test
    void aReviewerAsksForARescoreOfOneAnswer() throws Exception {
        Question q = questionWithRubric();
        String id = submitted(user(), q);
        publishScore(id, scored(id, q, 1, 55, 0.9, "BORDERLINE", "1.0.0", 2));
        awaitStatus(id, "NEEDS_REVIEW");
        try (TopicProbe submittedTopic = TopicProbe.fromNow(DevStack.shared().bootstrapServers(),
                "answers.submitted.v1")) {
            given().auth().oauth2(token("rs-rev", "reviewer")).when().post("/api/v1/reviews/" + id + "/rescore")
                    .then().statusCode(202).body("answerId", is(id)).body("status", is("NEEDS_REVIEW"));
            submittedTopic.awaitKey(id, Duration.ofSeconds(30));
        }
        awaitTrue(() -> history(id, "RESCORING") == 1, "RESCORING in the history");
        // the same scorer and rubric: taken because it was asked for
        publishScore(id, scored(id, q, 1, 30, 0.9, "FAIL", "1.0.0", 1));
        awaitStatus(id, "REJECTED");
        given().auth().oauth2(token("rs-rev", "reviewer")).when().get("/api/v1/reviews/" + id)
                .then().statusCode(200).body("audit.action", hasItem("RESCORE"));
        // a human decision is final: no re-score after it
        String other = submitted(user(), q);
        publishScore(other, scored(other, q, 1, 55, 0.9, "BORDERLINE", "1.0.0", 2));
        awaitStatus(other, "NEEDS_REVIEW");
        given().auth().oauth2(token("rs-rev", "reviewer")).contentType(ContentType.JSON)
                .body("{\"decision\":\"APPROVED\"}").when().post("/api/v1/reviews/" + other + "/decision")
                .then().statusCode(200);
        given().auth().oauth2(token("rs-rev2", "reviewer")).when().post("/api/v1/reviews/" + other + "/rescore")
                .then().statusCode(409).body("type", is("https://prepline.io/problems/already-decided"));
    }
}
