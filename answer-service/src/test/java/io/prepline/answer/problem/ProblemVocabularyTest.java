package io.prepline.answer.problem;

import static io.prepline.answer.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.util.UUID;

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
        String bearer = "Authorization: Bearer " + token("vocab-" + UUID.randomUUID(), "candidate");
        MalformedUriRequests.assertRefused(RestAssured.port, "/api/v1/me/answers?cursor=%%%x", "cursor", bearer);
        MalformedUriRequests.assertRefused(RestAssured.port, "/api/v1/answers/%zz", "path", bearer);
        MalformedUriRequests.assertRefused(RestAssured.port, "/api/v1/me/answers?status=%00", "status", bearer);
    }

    @Test
    void missingOrInvalidTokenIs401AndAWrongRoleIs403() {
        problem(given().get("/api/v1/me/answers"), 401, "unauthorized");
        problem(given().auth().oauth2("not-a-token").get("/api/v1/me/answers"), 401, "unauthorized");
        problem(given().contentType(ContentType.JSON).body("{}").post("/api/v1/answers"), 401, "unauthorized");
        problem(given().auth().oauth2(token("vocab", "candidate")).get("/api/v1/reviews"), 403, "forbidden");
        problem(given().auth().oauth2(token("vocab", "reviewer")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/answers"), 403, "forbidden");
    }

    @Test
    void frameworkRefusalsAreProblems() {
        String candidate = token("vocab-" + UUID.randomUUID(), "candidate");
        problem(given().auth().oauth2(candidate).get("/api/v1/no-such-thing"), 404, "not-found");
        problem(given().auth().oauth2(candidate).get("/api/v1/answers/" + UUID.randomUUID()), 404, "not-found");
        problem(given().auth().oauth2(candidate).delete("/api/v1/answers"), 405, "method-not-allowed");
        problem(given().auth().oauth2(candidate).accept("application/xml").get("/api/v1/me/answers"), 406,
                "not-acceptable");
        problem(given().auth().oauth2(candidate).contentType(ContentType.TEXT).body("plain").post("/api/v1/answers"),
                415, "unsupported-media-type");
        problem(given().auth().oauth2(candidate).contentType(ContentType.JSON).body("{" + " ".repeat(200_000) + "}")
                .post("/api/v1/answers"), 413, "payload-too-large");
        problem(given().auth().oauth2(candidate).contentType(ContentType.JSON).body("{\"question\":")
                .post("/api/v1/answers"), 400, "invalid-json");
    }

    @Test
    void headersOverTheLimitAre431NamingTheLargest() {
        Response response = given().header("X-Padding", "x".repeat(25_000)).get("/api/v1/me/answers");
        problem(response, 431, "request-headers-too-large");
        response.then().body("errors[0].field", is("X-Padding"));
    }
}
