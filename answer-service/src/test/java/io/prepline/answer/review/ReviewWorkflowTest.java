package io.prepline.answer.review;

import static io.prepline.answer.Fixtures.awaitStatus;
import static io.prepline.answer.Fixtures.connection;
import static io.prepline.answer.Fixtures.publishScore;
import static io.prepline.answer.Fixtures.questionWithRubric;
import static io.prepline.answer.Fixtures.scored;
import static io.prepline.answer.Fixtures.submit;
import static io.prepline.answer.Fixtures.submitted;
import static io.prepline.answer.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.stream.IntStream;

import io.prepline.answer.Fixtures.Question;
import io.prepline.platform.http.CursorToken;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewWorkflowTest {

    private static RequestSpecification as(String name) {
        return given().auth().oauth2(token(name, "reviewer")).contentType(ContentType.JSON);
    }

    private static String needsReview(Question q, String user, int overall, double confidence) {
        String id = submitted(user, q);
        publishScore(id, scored(id, q, 1, overall, confidence, "BORDERLINE", "1.0.0", 2));
        awaitStatus(id, "NEEDS_REVIEW");
        return id;
    }

    @Test
    void aClaimHoldsOffOtherReviewersUntilReleasedAndIsAudited() {
        Question q = questionWithRubric();
        String id = needsReview(q, "wf-" + UUID.randomUUID(), 55, 0.9);
        String path = "/api/v1/reviews/" + id;
        as("wf-ann").when().post(path + "/claim").then().statusCode(200)
                .body("claimedBy", is("wf-ann")).body("claimedUntil", notNullValue());
        as("wf-bob").when().post(path + "/claim").then().statusCode(409).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/claimed"));
        as("wf-bob").body("{\"decision\":\"APPROVED\"}").when().post(path + "/decision").then().statusCode(409)
                .body("type", is("https://prepline.io/problems/claimed"));
        as("wf-bob").body("{\"criterion\":\"tradeoffs\",\"score\":3,\"comment\":\"x\"}")
                .when().post(path + "/overrides").then().statusCode(409);
        as("wf-bob").when().delete(path + "/claim").then().statusCode(409);
        as("wf-bob").queryParam("question", q.slug()).when().get("/api/v1/reviews")
                .then().statusCode(200)
                .body("items[0].claimedBy", is("wf-ann"))
                .body("counts.NEEDS_REVIEW", is(1))
                .body("counts.CLAIMED", is(1));
        as("wf-ann").when().post(path + "/claim").then().statusCode(200); // renewed
        as("wf-ann").when().delete(path + "/claim").then().statusCode(204);
        as("wf-bob").when().post(path + "/claim").then().statusCode(200).body("claimedBy", is("wf-bob"));
        as("wf-bob").body("{\"decision\":\"APPROVED\"}").when().post(path + "/decision").then().statusCode(200);
        as("wf-ann").when().get(path).then().statusCode(200)
                .body("claim", nullValue())
                .body("audit.action", contains("CLAIM", "CLAIM", "RELEASE", "CLAIM", "DECISION"))
                .body("audit.reviewer", contains("wf-ann", "wf-ann", "wf-ann", "wf-bob", "wf-bob"));
    }

    @Test
    void anExpiredClaimNoLongerHoldsOffOthers() throws Exception {
        Question q = questionWithRubric();
        String id = needsReview(q, "wf-" + UUID.randomUUID(), 55, 0.9);
        as("wf-ann").when().post("/api/v1/reviews/" + id + "/claim").then().statusCode(200);
        // the lease ran out (written as time passing would leave it)
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE answer SET claimed_until = now() - interval '1 second' WHERE id = ?::uuid")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        as("wf-bob").queryParam("question", q.slug()).when().get("/api/v1/reviews")
                .then().statusCode(200).body("items[0].claimedBy", nullValue());
        as("wf-bob").when().post("/api/v1/reviews/" + id + "/claim").then().statusCode(200)
                .body("claimedBy", is("wf-bob"));
    }

    @Test
    void nobodyReviewsTheirOwnAnswer() {
        Question q = questionWithRubric();
        String both = "wf-both-" + UUID.randomUUID();
        String id = submit(token(both, "candidate", "reviewer"), q.slug(), null,
                "Bei der Pruning-Methode werden Gewichte entfernt.")
                .then().statusCode(202).extract().path("id");
        publishScore(id, scored(id, q, 1, 50, 0.4, "NEEDS_HUMAN", "1.0.0", 2));
        awaitStatus(id, "NEEDS_REVIEW");
        RequestSpecification self = given().auth().oauth2(token(both, "candidate", "reviewer"))
                .contentType(ContentType.JSON);
        String path = "/api/v1/reviews/" + id;
        self.body("{\"decision\":\"APPROVED\"}").when().post(path + "/decision").then().statusCode(403)
                .contentType("application/problem+json").body("type", is("https://prepline.io/problems/own-answer"));
        given().auth().oauth2(token(both, "candidate", "reviewer")).when().post(path + "/claim").then().statusCode(403);
        given().auth().oauth2(token(both, "candidate", "reviewer")).contentType(ContentType.JSON)
                .body("{\"criterion\":\"definitions\",\"score\":4,\"comment\":\"mine\"}")
                .when().post(path + "/overrides").then().statusCode(403);
        given().auth().oauth2(token(both, "candidate", "reviewer")).when().post(path + "/rescore").then().statusCode(403);
        given().auth().oauth2(token(both, "candidate")).when().get("/api/v1/me/progress")
                .then().statusCode(200).body("xp", is(0)).body("solvedQuestions", is(0));
        as("wf-other").when().get(path).then().statusCode(200).body("answer.status", is("NEEDS_REVIEW"));
    }

    @Test
    void anOverrideWithItsCommentRecomputesTheCriterionTheOverallAndTheVerdict() {
        Question q = questionWithRubric();
        String id = needsReview(q, "wf-" + UUID.randomUUID(), 55, 0.9);
        String path = "/api/v1/reviews/" + id;
        as("wf-ann").body("{\"criterion\":\"tradeoffs\",\"score\":3}").when().post(path + "/overrides")
                .then().statusCode(400).body("errors.field", hasItem("comment"));
        as("wf-ann").body("{\"criterion\":\"nope\",\"score\":3,\"comment\":\"x\"}").when().post(path + "/overrides")
                .then().statusCode(422).body("errors.field", hasItem("criterion"));
        as("wf-ann").body("{\"criterion\":\"tradeoffs\",\"score\":5,\"comment\":\"x\"}").when().post(path + "/overrides")
                .then().statusCode(400).body("errors.field", hasItem("score"));
        as("wf-ann").body("{\"criterion\":\"tradeoffs\",\"score\":4,\"comment\":\"Discusses latency and accuracy.\"}")
                .when().post(path + "/overrides")
                .then().statusCode(200)
                .body("criteria.find { it.key == 'tradeoffs' }.overrideScore", is(4))
                .body("criteria.find { it.key == 'tradeoffs' }.overrideComment", is("Discusses latency and accuracy."))
                .body("criteria.find { it.key == 'tradeoffs' }.overriddenBy", is("wf-ann"))
                .body("criteria.find { it.key == 'tradeoffs' }.weight", is(0.5f))
                // 55 + 100 * 0.5 * (4 - 1) / 4 = 92.5
                .body("answer.score.overall", is(93))
                .body("answer.score.verdict", is("PASS"))
                .body("audit[0].action", is("OVERRIDE"))
                .body("audit[0].comment", is("Discusses latency and accuracy."))
                .body("audit[0].changes.scores[0].from", is(1))
                .body("audit[0].changes.scores[0].to", is(4))
                .body("audit[0].changes.overall.from", is(55))
                .body("audit[0].changes.overall.to", is(93))
                .body("audit[0].changes.verdict.to", is("PASS"));
        as("wf-ann").body("{\"criterion\":\"definitions\",\"score\":0,\"comment\":\"Wrong definition.\"}")
                .when().post(path + "/overrides")
                .then().statusCode(200)
                // 55 + 100 * 0.5 * ((0 - 2) + (4 - 1)) / 4 = 67.5
                .body("answer.score.overall", is(68))
                .body("answer.score.verdict", is("PASS"));
    }

    @Test
    void theReviewerReadsTheAnswerAsSanitisedHtml() {
        Question q = questionWithRubric();
        String markdown = """
                **Pruning** removes weights.

                <script>alert('xss')</script>
                <img src=x onerror="alert(1)">
                [click](javascript:alert(1))
                <a href="https://example.org" onclick="steal()">link</a>
                """;
        String id = submit(token("wf-" + UUID.randomUUID(), "candidate"), q.slug(), null, markdown)
                .then().statusCode(202).extract().path("id");
        as("wf-ann").when().get("/api/v1/reviews/" + id).then().statusCode(200)
                .body("bodyHtml", containsString("<strong>Pruning</strong>"))
                .body("bodyHtml", containsString("https://example.org"))
                .body("bodyHtml", not(containsString("<script")))
                .body("bodyHtml", not(containsString("onerror")))
                .body("bodyHtml", not(containsString("onclick")))
                .body("bodyHtml", not(containsString("href=\"javascript")))
                .body("bodyHtml", not(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*<[^>]*\\s[a-z-]+\\s*=\\s*\"[^\"]*javascript:.*")))
                .body("answer.body", is(markdown.strip()));
    }

    @Test
    void theQueueOrdersByLowConfidenceOnRequestAndCountsPerStatus() {
        Question q = questionWithRubric();
        String sure = needsReview(q, "wf-" + UUID.randomUUID(), 55, 0.9);
        String unsure = needsReview(q, "wf-" + UUID.randomUUID(), 55, 0.3);
        String middle = needsReview(q, "wf-" + UUID.randomUUID(), 55, 0.6);
        as("wf-ann").queryParam("question", q.slug()).when().get("/api/v1/reviews")
                .then().statusCode(200).body("items.answerId", contains(sure, unsure, middle))
                .body("counts.NEEDS_REVIEW", is(3)).body("counts.APPROVED", is(0));
        String cursor = as("wf-ann").queryParam("question", q.slug()).queryParam("order", "confidence")
                .queryParam("limit", 2).when().get("/api/v1/reviews")
                .then().statusCode(200).body("items.answerId", contains(unsure, middle))
                .extract().path("nextCursor");
        as("wf-ann").queryParam("question", q.slug()).queryParam("order", "confidence").queryParam("limit", 2)
                .queryParam("cursor", cursor).when().get("/api/v1/reviews")
                .then().statusCode(200).body("items.answerId", contains(sure));
        as("wf-ann").queryParam("order", "random").when().get("/api/v1/reviews")
                .then().statusCode(400).body("errors.field", hasItem("order"));
        as("wf-ann").when().get("/api/v1/reviews").then().statusCode(200)
                .body("counts.NEEDS_REVIEW", greaterThanOrEqualTo(3));
    }

    @Test
    void editedQueueCursorsAreRefusedNamingTheCursor() {
        Question q = questionWithRubric();
        needsReview(q, "wf-" + UUID.randomUUID(), 55, 0.9);
        needsReview(q, "wf-" + UUID.randomUUID(), 55, 0.4);
        String cursor = as("wf-ann").queryParam("question", q.slug()).queryParam("order", "confidence")
                .queryParam("limit", 1).when().get("/api/v1/reviews").then().statusCode(200)
                .extract().path("nextCursor");
        CursorToken token = CursorToken.decode(cursor, 4);
        String[] fields = IntStream.range(0, 4).mapToObj(token::text).toArray(String[]::new); // order, rank, time, id
        for (String time : new String[] {"1764615600.0", "2026-02-30T10:00:00Z", "+99999-01-01T00:00:00Z", ""}) {
            refusedCursor(q, edit(fields, 2, time));
        }
        for (String rank : new String[] {"NaN", "Infinity", "2.5", "0x1p-1", "0.4d"}) {
            refusedCursor(q, edit(fields, 1, rank));
        }
        for (String id : new String[] {"1-1-1-1-1", "not-an-id", ""}) {
            refusedCursor(q, edit(fields, 3, id));
        }
        refusedCursor(q, edit(fields, 0, "AGE")); // another order than the request's
        refusedCursor(q, CursorToken.encode(fields[0], fields[1], fields[2], fields[3], "extra"));
        refusedCursor(q, "not base64!");
        refusedCursor(q, cursor + "=");
        refusedCursor(q, "A".repeat(CursorToken.MAX_LENGTH + 1));
        as("wf-ann").queryParam("question", q.slug()).queryParam("order", "confidence").queryParam("limit", 1)
                .queryParam("cursor", cursor).when().get("/api/v1/reviews").then().statusCode(200);
    }

    private static void refusedCursor(Question q, String cursor) {
        as("wf-ann").queryParam("question", q.slug()).queryParam("order", "confidence").queryParam("cursor", cursor)
                .when().get("/api/v1/reviews").then().statusCode(400).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/invalid-request"))
                .body("errors[0].field", is("cursor"));
    }

    private static String edit(String[] fields, int index, String value) {
        String[] edited = fields.clone();
        edited[index] = value;
        return CursorToken.encode((Object[]) edited);
    }
}
