package io.prepline.review.preview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    private static final Map<String, Object> DRAFT_CRITERION = Map.of("key", "fine-tuning", "kind", "EVALUATION",
            "title", "Fine-tunes after pruning", "weight", 1.0, "points", List.of(Map.of("id", "fine-tuning-1",
                    "text", "Fine-tune the pruned network to recover accuracy",
                    "concepts", List.of(List.of("fine-tune", "fine-tuning", "retrain"), List.of("accuracy")))));
    private static final Map<String, Object> DRAFT_RUBRIC = Map.of("criteria", List.of(DRAFT_CRITERION));

    @Test
    void anInlineDraftRubricIsScoredInsteadOfThePublishedOneAndNothingIsPublished() {
        try (TopicProbe scored = TopicProbe.fromNow(STACK.bootstrapServers(), "answers.scored.v1")) {
            preview("author", Map.of("question", SLUG, "body", "After pruning, fine-tune the network to recover "
                    + "accuracy.", "rubric", DRAFT_RUBRIC))
                    .statusCode(200)
                    .body("questionSlug", is(SLUG))
                    .body("rubricVersion", is(0))
                    .body("criteria.key", contains("fine-tuning"))
                    .body("criteria[0].points[0].coverage", is("COVERED"));
            assertTrue(scored.collect(r -> r.value() != null && r.value().contains(QUESTION), Duration.ofSeconds(2))
                    .isEmpty());
        }
        // the published rubric is untouched
        preview("author", Map.of("question", SLUG, "body", Fixtures.GOOD_ANSWER)).statusCode(200)
                .body("rubricVersion", is(2)).body("criteria.key", contains("definitions", "trade-offs", "evaluation"));
    }

    @Test
    void aDraftRubricOfAQuestionNotPublishedYetNeedsNoQuestion() {
        preview("author", Map.of("body", "Fine-tune the pruned model to recover its accuracy.", "rubric", DRAFT_RUBRIC,
                "prompt", "Explain how to recover accuracy after pruning."))
                .statusCode(200).body("questionId", nullValue()).body("questionSlug", nullValue())
                .body("rubricVersion", is(0)).body("criteria.key", contains("fine-tuning"));
        preview("reviewer", Map.of("part", 4, "body", "Fine-tune it.", "rubric", DRAFT_RUBRIC,
                "prompt", "Part four: recovering accuracy.")).statusCode(200).body("part", is(4));
    }

    @Test
    void aHostileDraftRubricIsRefusedNamingTheField() {
        refused(draft(List.of()), "rubric.criteria");
        refused(draft(java.util.Collections.nCopies(21, DRAFT_CRITERION)), "rubric.criteria");
        refused(draft(List.of(Map.of("key", "k", "points", List.of(Map.of("id", "p", "text", "t".repeat(1001)))))),
                "rubric.criteria[0].points[0].text");
        refused(draft(List.of(Map.of("key", "k", "weight", 3, "points", List.of(Map.of("text", "t"))))),
                "rubric.criteria[0].weight");
        refused(draft(List.of(Map.of("key", "k", "points",
                List.of(Map.of("text", "t", "concepts", List.of(List.of(" "))))))),
                "rubric.criteria[0].points[0].concepts[0][0]");
        refused(draft(List.of(Map.of("key", "k", "points", java.util.Collections.nCopies(101, Map.of("text", "t"))))),
                "rubric.criteria[0].points");
        refused(Map.of("body", "x", "rubric", DRAFT_RUBRIC, "prompt", "p".repeat(30_001)), "prompt");
        refused(Map.of("question", SLUG, "body", "x", "prompt", "p"), "prompt");
        problem(preview("author", Map.of("body", "x", "rubric", "all of them")), 400, "invalid-json", "rubric");
        problem(preview("author", Map.of("question", "no-such-question", "body", "x", "rubric", DRAFT_RUBRIC)), 422,
                "unknown-question", "question");
    }

    /** A preview request with a draft rubric of these criteria. */
    private static Map<String, Object> draft(List<?> criteria) {
        return Map.of("body", "x", "rubric", Map.of("criteria", criteria));
    }

    private static void refused(Map<String, ?> request, String field) {
        problem(preview("author", request), 400, "invalid-request", field);
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
