package io.prepline.answer.review;

import static io.prepline.answer.Fixtures.activeQuestion;
import static io.prepline.answer.Fixtures.awaitStatus;
import static io.prepline.answer.Fixtures.publishScore;
import static io.prepline.answer.Fixtures.scored;
import static io.prepline.answer.Fixtures.submitted;
import static io.prepline.answer.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import io.prepline.answer.Fixtures.Question;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewStatsTest {

    @Test
    void statsShowAgreementPerScorerVersionMeanOverridePerCriterionAndDecisionsPerReviewer() {
        // a scorer version of this test alone, so the figures are exact
        String scorer = "9." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000) + ".0";
        String reviewer = "st-rev-" + UUID.randomUUID();
        Question q = activeQuestion();
        String[][] cases = {
                {"PASS", "APPROVED"},   // agrees
                {"PASS", "REJECTED"},   // disagrees
                {"FAIL", "REJECTED"},   // agrees
                {"BORDERLINE", "APPROVED"}, // the machine made no call
        };
        for (String[] c : cases) {
            String id = submitted("st-" + UUID.randomUUID(), q);
            // low confidence: every one goes to a reviewer whatever the verdict
            publishScore(id, scored(id, q, 1, 60, 0.5, c[0], scorer, 2));
            awaitStatus(id, "NEEDS_REVIEW");
            given().auth().oauth2(token(reviewer, "reviewer")).contentType(ContentType.JSON)
                    .body("{\"decision\":\"" + c[1] + "\",\"overrides\":[{\"criterion\":\"tradeoffs\",\"score\":3}]}")
                    .when().post("/api/v1/reviews/" + id + "/decision").then().statusCode(200);
        }
        given().auth().oauth2(token("st-reader", "reviewer")).when().get("/api/v1/reviews/stats")
                .then().statusCode(200)
                .body("scorers.find { it.scorerVersion == '" + scorer + "' }.decisions", is(4))
                .body("scorers.find { it.scorerVersion == '" + scorer + "' }.agreed", is(2))
                .body("scorers.find { it.scorerVersion == '" + scorer + "' }.disagreed", is(1))
                .body("scorers.find { it.scorerVersion == '" + scorer + "' }.noVerdict", is(1))
                .body("scorers.find { it.scorerVersion == '" + scorer + "' }.agreement", is(0.667f))
                .body("criteria.find { it.criterion == 'tradeoffs' }.overrides", notNullValue())
                .body("reviewers.find { it.reviewer == '" + reviewer + "' }.decisions", is(4))
                .body("reviewers.find { it.reviewer == '" + reviewer + "' }.approved", is(2))
                .body("reviewers.find { it.reviewer == '" + reviewer + "' }.rejected", is(2));
        given().auth().oauth2(token("st-cand", "candidate")).when().get("/api/v1/reviews/stats")
                .then().statusCode(403);
    }
}
