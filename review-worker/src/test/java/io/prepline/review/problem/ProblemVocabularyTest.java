package io.prepline.review.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.SharedStack;
import io.prepline.platform.problem.MalformedUriRequests;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every status this service answers is application/problem+json with the shared type for it (see the README). */
@QuarkusTest
class ProblemVocabularyTest {

    private static final SharedStack STACK = DevStack.shared();

    private static void problem(Response response, int status, String slug) {
        response.then().statusCode(status).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/" + slug)).body("status", is(status));
    }

    @Test
    void aMalformedUriOrANulCharacterIs400NamingTheParameterOrThePath() {
        String bearer = "Authorization: Bearer " + STACK.token("ann", "author");
        MalformedUriRequests.assertRefused(RestAssured.port, "/api/v1/score-preview?part=%%%x", "part", bearer);
        MalformedUriRequests.assertRefused(RestAssured.port, "/api/v1/score-preview/%zz", "path", bearer);
        MalformedUriRequests.assertRefused(RestAssured.port, "/api/v1/score-preview?part=%00", "part", bearer);
    }

    @Test
    void missingOrInvalidTokenIs401AndAWrongRoleIs403() {
        problem(given().contentType(ContentType.JSON).body("{}").post("/api/v1/score-preview"), 401, "unauthorized");
        problem(given().auth().oauth2("not-a-token").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/score-preview"), 401, "unauthorized");
        problem(given().auth().oauth2(STACK.token("cat", "candidate")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/score-preview"), 403, "forbidden");
    }

    @Test
    void frameworkRefusalsAreProblems() {
        String author = STACK.token("ann", "author");
        problem(given().auth().oauth2(author).get("/api/v1/no-such-thing"), 404, "not-found");
        problem(given().auth().oauth2(author).get("/api/v1/score-preview"), 405, "method-not-allowed");
        problem(given().auth().oauth2(author).accept("application/xml").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/score-preview"), 406, "not-acceptable");
        problem(given().auth().oauth2(author).contentType(ContentType.TEXT).body("plain")
                .post("/api/v1/score-preview"), 415, "unsupported-media-type");
        problem(given().auth().oauth2(author).contentType(ContentType.JSON).body("{" + " ".repeat(1_100_000) + "}")
                .post("/api/v1/score-preview"), 413, "payload-too-large");
        problem(given().auth().oauth2(author).contentType(ContentType.JSON).body("{\"question\":")
                .post("/api/v1/score-preview"), 400, "invalid-json");
    }

    @Test
    void headersOverTheLimitAre431NamingTheLargest() {
        Response response = given().auth().oauth2(STACK.token("ann", "author")).header("X-Padding", "x".repeat(25_000))
                .contentType(ContentType.JSON).body("{}").post("/api/v1/score-preview");
        problem(response, 431, "request-headers-too-large");
        response.then().body("errors[0].field", is("X-Padding"));
    }
}
