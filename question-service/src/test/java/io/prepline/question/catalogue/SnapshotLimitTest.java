package io.prepline.question.catalogue;

import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.etag;
import static io.prepline.question.Fixtures.question;
import static io.prepline.question.Fixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** A question whose published snapshot the broker could never take is refused before anything is written. */
@QuarkusTest
class SnapshotLimitTest {

    /** Fits the 1 MiB request limit, but with the rest of the question the snapshot passes the 1,000,000-byte limit. */
    private static Map<String, Object> hugeRubric() {
        return Map.of("criteria", List.of(Map.of("key", "definitions", "kind", "DEFINITIONS", "title", "Defines it",
                "weight", 1.0, "points", List.of(Map.of("id", "definitions-1", "text", "x".repeat(1_005_000),
                        "concepts", List.of(List.of("define")))))));
    }

    @Test
    void aQuestionWhoseSnapshotWouldExceedTheEventLimitIsRefusedNamingTheRubric() {
        String slug = uniqueSlug("huge-rubric");
        Map<String, Object> q = question(slug, "Explain huge rubrics", "Stripe", "Rubrics");
        q.put("rubric", hugeRubric());
        given().auth().oauth2(author()).contentType(ContentType.JSON).body(q).post("/api/v1/questions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/too-large-to-publish"))
                .body("errors.field", hasItem("rubric"));
        given().get("/api/v1/questions/" + slug).then().statusCode(404);
    }

    @Test
    void aRubricWhoseSnapshotWouldExceedTheEventLimitIsRefusedAndTheRubricStays() {
        String slug = uniqueSlug("huge-rubric-put");
        given().auth().oauth2(author()).contentType(ContentType.JSON)
                .body(question(slug, "Explain rubric limits", "Stripe", "Rubrics")).post("/api/v1/questions")
                .then().statusCode(201);
        given().auth().oauth2(author()).contentType(ContentType.JSON).header("If-Match", etag(slug))
                .body(Map.of("rubric", hugeRubric())).put("/api/v1/questions/" + slug + "/rubric")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/too-large-to-publish"))
                .body("errors.field", hasItem("rubric"))
                .body("detail", containsString("bytes"));
        given().auth().oauth2(author()).get("/api/v1/questions/" + slug + "/rubric")
                .then().statusCode(200).body("rubric.version", is(1)).body("questionVersion", is(1));
    }
}
