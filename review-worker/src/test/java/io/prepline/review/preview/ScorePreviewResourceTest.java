package io.prepline.review.preview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.SharedStack;
import io.prepline.devstack.TopicProbe;
import io.prepline.review.pipeline.Fixtures;
import io.prepline.review.pipeline.Pipeline;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ScorePreviewResourceTest {

    private static final String QUESTION = UUID.randomUUID().toString();
    private static final String SLUG = "preview-" + QUESTION;
    private static final SharedStack STACK = DevStack.shared();

    private static boolean published;

    @BeforeEach
    void publishQuestion() {
        if (published) {
            return;
        }
        Pipeline.awaitReady();
        try (TopicProbe catalogue = TopicProbe.fromNow(STACK.bootstrapServers(), "catalogue.questions.v1")) {
            catalogue.sendFrom(Fixtures.QUESTION_SERVICE, QUESTION, Fixtures.question(QUESTION, SLUG));
        }
        // the global store follows the topic asynchronously
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while (preview("author", Map.of("question", SLUG, "body", "Pruning.")).extract().statusCode() != 200) {
            assertTrue(Instant.now().isBefore(end), "the question did not reach the catalogue store");
            sleep();
        }
        published = true;
    }

    @Test
    void authorScoresADraftByTheQuestionsSlug() {
        preview("author", Map.of("question", SLUG, "body", Fixtures.GOOD_ANSWER))
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("questionId", is(QUESTION))
                .body("questionSlug", is(SLUG))
                .body("part", nullValue())
                .body("rubricVersion", is(2))
                .body("criteria.key", contains("definitions", "trade-offs", "evaluation"))
                .body("criteria[0].points", hasSize(2))
                .body("answerId", nullValue());
    }

    @Test
    void reviewerAndAdminScoreAPartByTheQuestionsId() {
        for (String role : new String[] {"reviewer", "admin"}) {
            preview(role, Map.of("question", QUESTION, "part", 1, "body", "Prune gradually and fine-tune."))
                    .statusCode(200)
                    .body("part", is(1))
                    .body("rubricVersion", is(1))
                    .body("criteria.key", contains("schedule"));
        }
    }

    @Test
    void previewPublishesNothing() {
        try (TopicProbe scored = TopicProbe.fromNow(STACK.bootstrapServers(), "answers.scored.v1")) {
            preview("author", Map.of("question", SLUG, "body", Fixtures.GOOD_ANSWER)).statusCode(200);
            assertTrue(scored.collect(r -> r.value() != null && r.value().contains(QUESTION), Duration.ofSeconds(2))
                    .isEmpty());
        }
    }

    @Test
    void anonymousCallerIsUnauthorizedAndCandidateIsForbidden() {
        given().contentType(ContentType.JSON).body(Map.of("question", SLUG, "body", "x"))
                .when().post("/api/v1/score-preview").then().statusCode(401);
        preview("candidate", Map.of("question", SLUG, "body", "x")).statusCode(403);
    }

    @Test
    void missingOrBlankBodyIsAProblemNamingTheBody() {
        problem(preview("author", Map.of("question", SLUG)), 400, "invalid-request", "body");
        problem(preview("author", Map.of("question", SLUG, "body", "  \n")), 400, "invalid-request", "body");
    }

    @Test
    void bodyLongerThanTwentyThousandCharactersIsRefused() {
        problem(preview("author", Map.of("question", SLUG, "body", "a".repeat(20_001))), 400, "invalid-request",
                "body");
        preview("author", Map.of("question", SLUG, "body", "word ".repeat(4_000))).statusCode(200);
    }

    @Test
    void unknownQuestionOrPartIsAProblemNamingTheField() {
        problem(preview("author", Map.of("question", "no-such-question", "body", "x")), 422, "unknown-question",
                "question");
        problem(preview("author", Map.of("question", UUID.randomUUID().toString(), "body", "x")), 422,
                "unknown-question", "question");
        problem(preview("author", Map.of("question", SLUG, "part", 9, "body", "x")), 422, "unknown-question", "part");
        problem(preview("author", Map.of("body", "x")), 400, "invalid-request", "question");
        problem(preview("author", Map.of("question", SLUG, "part", 0, "body", "x")), 400, "invalid-request", "part");
    }

    @Test
    void invalidJsonOrWrongTypeIsAProblem() {
        problem(given().auth().oauth2(STACK.token("ann", "author")).contentType(ContentType.JSON)
                .body("{\"question\": \"" + SLUG + "\", \"body\": ").when().post("/api/v1/score-preview").then(),
                400, "invalid-json", "$");
        problem(preview("author", Map.of("question", SLUG, "part", "first", "body", "x")), 400, "invalid-json",
                "part");
        problem(given().auth().oauth2(STACK.token("ann", "author")).contentType(ContentType.JSON)
                .when().post("/api/v1/score-preview").then(), 400, "invalid-json", "$");
    }

    private static ValidatableResponse preview(String role, Map<String, ?> request) {
        return given().auth().oauth2(STACK.token("user-" + role, role)).contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/score-preview").then();
    }

    private static void problem(ValidatableResponse response, int status, String slug, String field) {
        response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/" + slug))
                .body("status", is(status))
                .body("title", org.hamcrest.Matchers.notNullValue())
                .body("detail", org.hamcrest.Matchers.notNullValue())
                .body("errors[0].field", is(field));
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
