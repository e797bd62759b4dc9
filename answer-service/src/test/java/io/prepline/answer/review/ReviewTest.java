package io.prepline.answer.review;

import static io.prepline.answer.Fixtures.activeQuestion;
import static io.prepline.answer.Fixtures.awaitStatus;
import static io.prepline.answer.Fixtures.publishScore;
import static io.prepline.answer.Fixtures.scored;
import static io.prepline.answer.Fixtures.submitted;
import static io.prepline.answer.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.answer.Fixtures.Question;
import io.prepline.devstack.DevStack;
import io.prepline.devstack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestSpecification reviewer(String name) {
        return given().auth().oauth2(token(name, "reviewer")).contentType(ContentType.JSON);
    }

    /** An answer the scorer sent to a human. */
    private static String needsReview(Question q, int overall) {
        String id = submitted("rq-" + UUID.randomUUID(), q);
        publishScore(id, scored(id, q, 1, overall, 0.9, "BORDERLINE", "1.0.0", 2));
        awaitStatus(id, "NEEDS_REVIEW");
        return id;
    }

    @Test
    void queueListsAnswersOldestFirstPageByPage() {
        Question q = activeQuestion();
        String first = needsReview(q, 50);
        String second = needsReview(q, 60);
        String third = needsReview(q, 65);
        String cursor = reviewer("rev-q").queryParam("question", q.slug()).queryParam("limit", 2)
                .when().get("/api/v1/reviews")
                .then().statusCode(200)
                .body("items.answerId", contains(first, second))
                .body("items[0].status", is("NEEDS_REVIEW"))
                .body("items[0].overall", is(50))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        reviewer("rev-q").queryParam("question", q.id().toString()).queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .when().get("/api/v1/reviews")
                .then().statusCode(200).body("items.answerId", contains(third)).body("nextCursor", nullValue());
    }

    @Test
    void queueFiltersByScoreRangeAndStatus() {
        Question q = activeQuestion();
        needsReview(q, 45);
        String mid = needsReview(q, 58);
        needsReview(q, 69);
        reviewer("rev-q").queryParam("question", q.slug()).queryParam("minScore", 50).queryParam("maxScore", 60)
                .when().get("/api/v1/reviews")
                .then().statusCode(200).body("items.answerId", contains(mid));
        reviewer("rev-q").queryParam("question", q.slug()).queryParam("status", "approved")
                .when().get("/api/v1/reviews")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void badQueueParametersAreRefusedNamingTheParameter() {
        for (String[] bad : new String[][] {{"status", "LOST"}, {"minScore", "-1"}, {"maxScore", "abc"},
                {"limit", "0"}, {"limit", "101"}, {"cursor", "nonsense"}}) {
            reviewer("rev-q").queryParam(bad[0], bad[1]).when().get("/api/v1/reviews")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(bad[0]));
        }
        reviewer("rev-q").queryParam("minScore", 70).queryParam("maxScore", 20).when().get("/api/v1/reviews")
                .then().statusCode(400).body("errors.field", hasItem("minScore"));
    }

    @Test
    void detailShowsTheMachineScorePerCriterionWithEvidenceAndComments() {
        Question q = activeQuestion();
        String id = needsReview(q, 55);
        reviewer("rev-d").when().get("/api/v1/reviews/" + id)
                .then().statusCode(200)
                .body("answer.id", is(id))
                .body("answer.score.overall", is(55))
                .body("criteria.key", contains("definitions", "tradeoffs"))
                .body("criteria[0].machineScore", is(2))
                .body("criteria[0].overrideScore", nullValue())
                .body("criteria[0].points[0].evidence", is("removes weights"))
                .body("criteria[0].points[0].coverage", is("COVERED"))
                .body("criteria[0].comments[0].text", is("Name a pruning method."))
                .body("comments[0].type", is("essential"))
                .body("history.status", contains("SUBMITTED", "SCORED", "NEEDS_REVIEW"))
                .body("audit", hasSize(0));
        reviewer("rev-d").when().get("/api/v1/reviews/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void decisionWithOverrideIsAuditedAndPublished() throws Exception {
        Question q = activeQuestion();
        String id = needsReview(q, 62);
        try (TopicProbe decided = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), "answers.decided.v1")) {
            reviewer("rev-a").body("""
                            {"decision":"APPROVED","comment":"Covers the trade-offs after all.",
                             "overrides":[{"criterion":"tradeoffs","score":3}]}""")
                    .when().post("/api/v1/reviews/" + id + "/decision")
                    .then().statusCode(200).body("status", is("APPROVED"))
                    .body("decision.decidedBy", is("rev-a"));
            JsonNode event = JSON.readTree(decided.awaitKey(id, Duration.ofSeconds(30)).value());
            assertEquals("rev-a", event.get("decidedBy").asText());
            assertEquals("APPROVED", event.get("decision").asText());
        }
        reviewer("rev-a").when().get("/api/v1/reviews/" + id)
                .then().statusCode(200)
                .body("criteria.find { it.key == 'tradeoffs' }.overrideScore", is(3))
                .body("criteria.find { it.key == 'tradeoffs' }.machineScore", is(1))
                .body("audit", hasSize(1))
                .body("audit[0].reviewer", is("rev-a"))
                .body("audit[0].at", notNullValue())
                .body("audit[0].fromStatus", is("NEEDS_REVIEW"))
                .body("audit[0].decision", is("APPROVED"))
                .body("audit[0].comment", is("Covers the trade-offs after all."))
                .body("audit[0].changes.status.to", is("APPROVED"))
                .body("audit[0].changes.scores[0].criterion", is("tradeoffs"))
                .body("audit[0].changes.scores[0].from", is(1))
                .body("audit[0].changes.scores[0].to", is(3))
                .body("history.status", contains("SUBMITTED", "SCORED", "NEEDS_REVIEW", "APPROVED"));
    }

    @Test
    void twoReviewersDecidingAtOnceOneWinsTheOtherGets409() throws Exception {
        Question q = activeQuestion();
        for (int round = 0; round < 3; round++) {
            String id = needsReview(q, 55);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> calls = new ArrayList<>();
                for (String[] r : new String[][] {{"rev-x", "APPROVED"}, {"rev-y", "REJECTED"}}) {
                    Callable<Integer> call = () -> {
                        start.await();
                        return reviewer(r[0]).body("{\"decision\":\"" + r[1] + "\"}")
                                .when().post("/api/v1/reviews/" + id + "/decision").then().extract().statusCode();
                    };
                    calls.add(pool.submit(call));
                }
                start.countDown();
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> call : calls) {
                    codes.add(call.get());
                }
                codes.sort(Integer::compare);
                assertEquals(List.of(200, 409), codes);
            } finally {
                pool.shutdownNow();
            }
            reviewer("rev-z").when().get("/api/v1/reviews/" + id).then().statusCode(200).body("audit", hasSize(1));
        }
    }

    @Test
    void badDecisionsAreRefusedAndChangeNothing() {
        Question q = activeQuestion();
        String id = needsReview(q, 55);
        String path = "/api/v1/reviews/" + id + "/decision";
        reviewer("rev-b").body("{\"decision\":\"MAYBE\"}").when().post(path)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("decision"));
        reviewer("rev-b").body("{\"decision\":\"APPROVED\",\"overrides\":[{\"criterion\":\"nope\",\"score\":2}]}")
                .when().post(path).then().statusCode(422).body("errors.field", hasItem("overrides[0].criterion"));
        reviewer("rev-b").body("{\"decision\":\"APPROVED\",\"overrides\":[{\"criterion\":\"definitions\",\"score\":9}]}")
                .when().post(path).then().statusCode(400).body("errors.field", hasItem("overrides[0].score"));
        reviewer("rev-b").body("{\"decision\":\"APPROVED\",\"status\":\"APPROVED\"}").when().post(path)
                .then().statusCode(400).body("errors.field", hasItem("status"));
        reviewer("rev-b").body("{\"decision\":").when().post(path).then().statusCode(400);
        given().auth().oauth2(token("cand-b", "candidate")).contentType(ContentType.JSON)
                .body("{\"decision\":\"APPROVED\"}").when().post(path).then().statusCode(403);
        reviewer("rev-b").when().get("/api/v1/reviews/" + id)
                .then().statusCode(200).body("answer.status", is("NEEDS_REVIEW")).body("audit", hasSize(0));
    }

    @Test
    void unscoredAnswerCannotBeDecided() {
        Question q = activeQuestion();
        String id = submitted("rq-" + UUID.randomUUID(), q);
        reviewer("rev-u").body("{\"decision\":\"APPROVED\"}").when().post("/api/v1/reviews/" + id + "/decision")
                .then().statusCode(409).body("type", is("https://prepline.io/problems/not-scored-yet"));
    }
}
