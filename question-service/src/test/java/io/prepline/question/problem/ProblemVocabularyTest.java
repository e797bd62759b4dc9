package io.prepline.question.problem;

import static io.prepline.question.Fixtures.PRUNING_AMAZON;
import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.candidate;
import static io.prepline.question.Fixtures.question;
import static io.prepline.question.Fixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.JwtKeys;
import io.prepline.platform.problem.MalformedUriRequests;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every status this service answers is application/problem+json with the shared type for it (see the README). */
@QuarkusTest
class ProblemVocabularyTest {

    private static void problem(Response response, int status, String slug) {
        response.then().statusCode(status).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/" + slug)).body("status", is(status));
    }

    @Test
    void aMalformedUriOrANulCharacterIs400NamingTheParameterOrThePath() {
        MalformedUriRequests.assertRefused(RestAssured.port, "/api/v1/questions?limit=5&cursor=%%%x", "cursor");
        MalformedUriRequests.assertRefused(RestAssured.port, "/api/v1/questions/%%%x", "path");
        MalformedUriRequests.assertRefused(RestAssured.port, "/api/v1/questions/%zz/related", "path");
        MalformedUriRequests.assertRefused(RestAssured.port, "/api/v1/questions?q=a%00b", "q");
        MalformedUriRequests.assertRefused(RestAssured.port, "/api/v1/questions/%00", "path");
    }

    @Test
    void missingOrInvalidTokenIs401AndAWrongRoleIs403() {
        problem(given().contentType(ContentType.JSON).body("{}").post("/api/v1/questions"), 401, "unauthorized");
        problem(given().auth().oauth2("not-a-token").get("/api/v1/questions"), 401, "unauthorized");
        problem(given().auth().oauth2(candidate("vocab")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/questions"), 403, "forbidden");
    }

    @Test
    void aTokenIssuedForAnotherAudienceIs401() throws Exception {
        String elsewhere = JwtKeys.loadOrCreate(DevStack.shared().publicKeyFile().getParent()).mint("vocab", List.of("author"), Duration.ofHours(1),
                "another-product");
        problem(given().auth().oauth2(elsewhere).contentType(ContentType.JSON).body("{}").post("/api/v1/questions"),
                401, "unauthorized");
    }

    @Test
    void apiResponsesCarryTheStandardSecurityHeaders() {
        given().get("/api/v1/questions").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        given().get("/api/v1/no-such-thing").then().statusCode(404).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void frameworkRefusalsAreProblems() {
        problem(given().get("/api/v1/no-such-thing"), 404, "not-found");
        problem(given().delete("/api/v1/questions"), 405, "method-not-allowed");
        problem(given().accept("application/xml").get("/api/v1/questions"), 406, "not-acceptable");
        problem(given().auth().oauth2(author()).contentType(ContentType.TEXT).body("plain")
                .post("/api/v1/questions"), 415, "unsupported-media-type");
        problem(given().auth().oauth2(author()).contentType(ContentType.JSON).body("{\"slug\": \"x\"," + " ".repeat(1_100_000) + "}")
                .post("/api/v1/questions"), 413, "payload-too-large");
    }

    @Test
    void conditionalWritesAre412And428() {
        String slug = uniqueSlug("vocab");
        given().auth().oauth2(author()).contentType(ContentType.JSON)
                .body(question(slug, "Explain vocabularies", "Stripe", "Errors")).post("/api/v1/questions")
                .then().statusCode(201);
        problem(given().auth().oauth2(author()).contentType(ContentType.JSON)
                .body(question(slug, "Explain vocabularies", "Stripe", "Errors")).put("/api/v1/questions/" + slug),
                428, "precondition-required");
        problem(given().auth().oauth2(author()).header("If-Match", "\"no-such-version\"").contentType(ContentType.JSON)
                .body(question(slug, "Explain vocabularies", "Stripe", "Errors")).put("/api/v1/questions/" + slug),
                412, "precondition-failed");
        problem(given().get("/api/v1/questions/" + PRUNING_AMAZON + "-nope"), 404, "not-found");
    }

    @Test
    void headersOverTheLimitAre431NamingTheLargest() {
        Response response = given().header("X-Padding", "x".repeat(25_000)).get("/api/v1/questions");
        problem(response, 431, "request-headers-too-large");
        response.then().body("errors[0].field", is("X-Padding"));
    }
}
