package io.prepline.answer.feedback;

import static io.prepline.answer.Fixtures.GUIDANCE;
import static io.prepline.answer.Fixtures.awaitStatus;
import static io.prepline.answer.Fixtures.publishScore;
import static io.prepline.answer.Fixtures.questionWithRubric;
import static io.prepline.answer.Fixtures.scored;
import static io.prepline.answer.Fixtures.submitted;
import static io.prepline.answer.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.answer.Fixtures;
import io.prepline.answer.Fixtures.Question;
import io.prepline.answer.live.EventStream;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeedbackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    private static String user() {
        return "fb-" + UUID.randomUUID();
    }

    @Test
    void ownerSeesEveryCriterionWithPointsInTheRubricsWordsEvidenceAndCommentsButNoGuidance() {
        Question q = questionWithRubric();
        String user = user();
        String id = submitted(user, q);
        publishScore(id, scored(id, q, 1, 85, 0.9, "PASS", "1.0.0", 3));
        awaitStatus(id, "APPROVED");
        String body = given().auth().oauth2(token(user, "candidate")).when().get("/api/v1/answers/" + id)
                .then().statusCode(200)
                .body("feedback.overall", is(85))
                .body("feedback.verdict", is("PASS"))
                .body("feedback.confidence", is(0.9f))
                .body("feedback.rubricVersion", is(1))
                .body("feedback.criteria.key", contains("definitions", "tradeoffs"))
                .body("feedback.criteria[0].kind", is("DEFINITIONS"))
                .body("feedback.criteria[0].title", is("Defines it"))
                .body("feedback.criteria[0].weight", is(0.5f))
                .body("feedback.criteria[0].score", is(3))
                .body("feedback.criteria[0].points[0].text", is("Pruning removes weights that contribute little"))
                .body("feedback.criteria[0].points[0].coverage", is("COVERED"))
                .body("feedback.criteria[0].points[0].evidence", is("removes weights"))
                .body("feedback.criteria[0].comments[0].type", is("actionable"))
                .body("feedback.criteria[0].comments[0].text", is("Name a pruning method."))
                .body("feedback.criteria[1].score", is(1))
                .body("feedback.comments[0].type", is("essential"))
                .body("feedback.comments[0].text", is("Good start."))
                .body("feedback.review", nullValue())
                .body("decision.decidedBy", is("auto"))
                .body("reviewReason", nullValue())
                .extract().asString();
        assertFalse(body.contains(GUIDANCE), "reviewer-only guidance never reaches the candidate");
        assertFalse(body.contains("guidance"), body);
    }

    @Test
    void myAnswersCarriesTheSummaryOfTheFeedback() {
        Question q = questionWithRubric();
        String user = user();
        String id = submitted(user, q);
        publishScore(id, scored(id, q, 1, 30, 0.9, "FAIL", "1.0.0", 1));
        awaitStatus(id, "REJECTED");
        given().auth().oauth2(token(user, "candidate")).when().get("/api/v1/me/answers")
                .then().statusCode(200)
                .body("items[0].feedback.overall", is(30))
                .body("items[0].feedback.verdict", is("FAIL"))
                .body("items[0].feedback.confidence", is(0.9f))
                .body("items[0].feedback.criteria.key", contains("definitions", "tradeoffs"))
                .body("items[0].feedback.criteria[0].score", is(1))
                .body("items[0].feedback.criteria[0].weight", is(0.5f))
                .body("items[0].feedback.criteria[0].title", is("Defines it"));
    }

    @Test
    void afterAHumanDecisionTheOwnerSeesTheCommentAndOverridesAndTheReviewerOnlyAsARole() throws Exception {
        Question q = questionWithRubric();
        String user = user();
        String reviewer = "fb-rev-" + UUID.randomUUID();
        String id = submitted(user, q);
        publishScore(id, scored(id, q, 1, 55, 0.9, "BORDERLINE", "1.0.0", 2));
        awaitStatus(id, "NEEDS_REVIEW");
        given().auth().oauth2(token(reviewer, "reviewer")).contentType(ContentType.JSON)
                .body("""
                        {"decision":"APPROVED","comment":"Covers the trade-offs after all.",
                         "overrides":[{"criterion":"tradeoffs","score":3,"comment":"Latency is discussed."}]}""")
                .when().post("/api/v1/reviews/" + id + "/decision").then().statusCode(200);
        String body = given().auth().oauth2(token(user, "candidate")).when().get("/api/v1/answers/" + id)
                .then().statusCode(200)
                .body("decision.decidedBy", is("reviewer"))
                .body("feedback.review.by", is("reviewer"))
                .body("feedback.review.decision", is("APPROVED"))
                .body("feedback.review.comment", is("Covers the trade-offs after all."))
                .body("feedback.review.overrides[0].criterion", is("tradeoffs"))
                .body("feedback.review.overrides[0].from", is(1))
                .body("feedback.review.overrides[0].to", is(3))
                .body("feedback.review.overrides[0].comment", is("Latency is discussed."))
                .body("feedback.criteria[1].score", is(3))
                .body("feedback.criteria[1].machineScore", is(1))
                // 55 + 100 * 0.5 * (3 - 1) / 4
                .body("feedback.overall", is(80))
                .body("feedback.verdict", is("PASS"))
                .extract().asString();
        assertFalse(body.contains(reviewer), "the reviewer's id never reaches the candidate");

        EventStream stream = new EventStream(base, id, token(user, "candidate"), null);
        assertEquals(200, stream.awaitEnd());
        assertEquals(java.util.List.of("SUBMITTED", "SCORED", "NEEDS_REVIEW", "APPROVED"), stream.names);
        for (String data : stream.data) {
            assertFalse(data.contains(reviewer), data);
            assertFalse(data.contains(user), data);
        }
        JsonNode decided = JSON.readTree(stream.data.get(3));
        assertEquals("reviewer", decided.get("actor").asText());
        assertEquals("Covers the trade-offs after all.", decided.at("/feedback/review/comment").asText());
        assertEquals(80, decided.at("/feedback/overall").asInt());
        JsonNode scoredEvent = JSON.readTree(stream.data.get(1));
        assertEquals("definitions", scoredEvent.at("/feedback/criteria/0/key").asText());
        assertTrue(scoredEvent.at("/feedback/criteria/0/points/0/evidence").isTextual());
        assertTrue(JSON.readTree(stream.data.get(0)).path("feedback").isMissingNode(), "no feedback before a score");

        // a reviewer still sees who decided
        given().auth().oauth2(token("fb-other-rev", "reviewer")).when().get("/api/v1/answers/" + id)
                .then().statusCode(200).body("decision.decidedBy", is(reviewer))
                .body(not(Matchers.containsString(Fixtures.GUIDANCE)));
    }
}
