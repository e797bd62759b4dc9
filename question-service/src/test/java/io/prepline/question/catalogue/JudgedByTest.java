package io.prepline.question.catalogue;

import static io.prepline.question.Fixtures.KEY_ML_AMAZON;
import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.etag;
import static io.prepline.question.Fixtures.question;
import static io.prepline.question.Fixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JudgedByTest {

    @Test
    void thePageShowsTheCriteriaAnswersAreJudgedByWithoutTheirPoints() {
        String slug = uniqueSlug("judged-by");
        given().auth().oauth2(author()).contentType(ContentType.JSON)
                .body(question(slug, "Explain how answers are judged", "Stripe", "Rubrics")).post("/api/v1/questions")
                .then().statusCode(201);
        given().when().get("/api/v1/questions/" + slug)
                .then().statusCode(200)
                .body("criteria.key", contains("definitions", "evaluation"))
                .body("criteria.title", contains("Defines the idea", "Evaluates it"))
                .body("criteria.kind", contains("DEFINITIONS", "EVALUATION"))
                .body("criteria.weight", contains(0.5f, 0.5f))
                .body("criteria[0].part", nullValue())
                .body("criteria[0].points", nullValue())
                .body(not(containsString("States what it is")))
                .body(not(containsString("concepts")));
        // a new rubric version shows on the page at once
        Map<String, Object> changed = Map.of("criteria", List.of(
                Map.of("key", "definitions", "kind", "DEFINITIONS", "title", "Defines it precisely", "weight", 0.7,
                        "points", List.of(Map.of("id", "definitions-2", "text", "States what it is",
                                "concepts", List.of(List.of("define"))))),
                Map.of("key", "pitfalls", "kind", "PITFALLS", "title", "Knows the pitfalls", "weight", 0.3,
                        "points", List.of(Map.of("id", "pitfalls-1", "text", "Names a pitfall",
                                "concepts", List.of(List.of("pitfall")))))));
        given().auth().oauth2(author()).contentType(ContentType.JSON).header("If-Match", etag(slug))
                .body(Map.of("rubric", changed)).put("/api/v1/questions/" + slug + "/rubric")
                .then().statusCode(200);
        given().when().get("/api/v1/questions/" + slug)
                .then().statusCode(200).body("criteria.key", contains("definitions", "pitfalls"))
                .body("criteria.title", contains("Defines it precisely", "Knows the pitfalls"))
                .body("criteria.weight", contains(0.7f, 0.3f));
    }

    @Test
    void aMultiPartQuestionNamesThePartOfEachCriterion() {
        given().when().get("/api/v1/questions/" + KEY_ML_AMAZON)
                .then().statusCode(200)
                .body("criteria.part", everyItem(org.hamcrest.Matchers.notNullValue()))
                .body("criteria.part.unique()", hasItems(1, 2, 3, 4, 5, 6))
                .body("criteria.kind.unique()", hasItems("DEFINITIONS", "TRADE_OFFS", "PITFALLS", "EVALUATION"))
                .body("criteria[0].title", is(org.hamcrest.Matchers.notNullValue()));
    }
}
