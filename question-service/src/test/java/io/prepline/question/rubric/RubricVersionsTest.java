package io.prepline.question.rubric;

import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.createdQuestion;
import static io.prepline.question.Fixtures.candidate;
import static io.prepline.question.Fixtures.rubric;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import io.prepline.devstack.DevStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Conditional rubric writes, the list of versions and what changed between two of them. */
@QuarkusTest
class RubricVersionsTest {

    private final String reviewer = DevStack.shared().token("rita", "reviewer");

    @Test
    void aRubricChangeNeedsIfMatchAndAStaleOneIsRefused() {
        String slug = createdQuestion("rubric-history");
        String etag = given().auth().oauth2(reviewer).get(path(slug)).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
        put(slug, null, rubric("definitions-2")).statusCode(428).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/precondition-required"))
                .body("errors[0].field", is("If-Match"));
        String next = put(slug, etag, rubric("definitions-2")).statusCode(200).body("questionVersion", is(2))
                .body("rubric.version", is(2)).extract().header("ETag");
        put(slug, etag, rubric("definitions-3")).statusCode(412).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/precondition-failed"));
        String pageEtag = given().get("/api/v1/questions/" + slug).then().extract().header("ETag");
        put(slug, pageEtag, rubric("definitions-3")).statusCode(200).body("rubric.version", is(3));
        put(slug, next, rubric("definitions-4")).statusCode(412);
    }

    @Test
    void versionsAreListedNewestFirstInPages() {
        String slug = createdQuestion("rubric-history");
        String etag = given().get("/api/v1/questions/" + slug).then().extract().header("ETag");
        for (int i = 2; i <= 4; i++) {
            etag = put(slug, etag, rubric("definitions-" + i)).statusCode(200).extract().header("ETag");
        }
        given().auth().oauth2(reviewer).queryParam("limit", 2).get(path(slug) + "/versions").then().statusCode(200)
                .body("part", is(0)).body("items.version", contains(4, 3)).body("nextBefore", is(3))
                .body("items[0].createdBy", is("ada")).body("items[0].criteria", is(2)).body("items[0].points", is(2));
        given().auth().oauth2(reviewer).queryParam("limit", 2).queryParam("before", 3).get(path(slug) + "/versions")
                .then().statusCode(200).body("items.version", contains(2, 1)).body("nextBefore", nullValue());
        given().auth().oauth2(reviewer).queryParam("limit", 0).get(path(slug) + "/versions").then().statusCode(400)
                .body("errors[0].field", is("limit"));
        given().auth().oauth2(reviewer).queryParam("part", "x").get(path(slug) + "/versions").then().statusCode(400)
                .body("errors[0].field", is("part"));
        given().auth().oauth2(reviewer).queryParam("part", 3).get(path(slug) + "/versions").then().statusCode(404);
        given().auth().oauth2(candidate("carol")).get(path(slug) + "/versions").then().statusCode(403);
    }

    @Test
    void theDiffNamesWhatChangedPerCriterionAndPoint() {
        String slug = createdQuestion("rubric-history");
        String etag = given().get("/api/v1/questions/" + slug).then().extract().header("ETag");
        Map<String, Object> changed = Map.of("criteria", List.of(
                Map.of("key", "definitions", "kind", "DEFINITIONS", "title", "Defines the idea precisely", "weight", 0.6,
                        "points", List.of(Map.of("id", "definitions-1", "text", "States what it is",
                                "concepts", List.of(List.of("define", "definition", "meaning"))))),
                Map.of("key", "pitfalls", "kind", "PITFALLS", "title", "Knows the pitfalls", "weight", 0.4,
                        "points", List.of(Map.of("id", "pitfalls-1", "text", "Names a pitfall",
                                "concepts", List.of(List.of("pitfall")))))));
        put(slug, etag, changed).statusCode(200);
        given().auth().oauth2(reviewer).get(path(slug) + "/versions/1/diff/2").then().statusCode(200)
                .body("from", is(1)).body("to", is(2)).body("part", is(0))
                .body("criteria.key", contains("definitions", "evaluation", "pitfalls"))
                .body("criteria.change", contains("CHANGED", "REMOVED", "ADDED"))
                .body("criteria[0].fields", contains("title", "weight"))
                .body("criteria[0].before.title", is("Defines the idea"))
                .body("criteria[0].after.title", is("Defines the idea precisely"))
                .body("criteria[0].points[0].fields", contains("concepts"))
                .body("criteria[1].points[0].change", is("REMOVED"))
                .body("criteria[2].points[0].after.text", is("Names a pitfall"));
        given().auth().oauth2(reviewer).get(path(slug) + "/versions/2/diff/2").then().statusCode(200)
                .body("criteria", hasSize(0));
        given().auth().oauth2(reviewer).get(path(slug) + "/versions/1/diff/9").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(reviewer).get(path(slug) + "/versions/one/diff/2").then().statusCode(400)
                .body("errors[0].field", is("from"));
    }

    private static ValidatableResponse put(String slug, String ifMatch, Map<String, Object> rubric) {
        var request = given().auth().oauth2(author()).contentType(ContentType.JSON).body(Map.of("rubric", rubric));
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put(path(slug)).then();
    }

    private static String path(String slug) {
        return "/api/v1/questions/" + slug + "/rubric";
    }

}
