package io.prepline.question.catalogue;

import static io.prepline.question.Fixtures.KEY_ML_AMAZON;
import static io.prepline.question.Fixtures.PRUNING_AMAZON;
import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.candidate;
import static io.prepline.question.Fixtures.etag;
import static io.prepline.question.Fixtures.question;
import static io.prepline.question.Fixtures.rubric;
import static io.prepline.question.Fixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.prepline.devstack.DevStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthoringTest {

    @Test
    void creatingAQuestionAnswers201WithLocationAndETag() {
        String slug = uniqueSlug("feature-scaling");
        given().auth().oauth2(author()).contentType(ContentType.JSON)
                .body(question(slug, "Explain feature scaling", "Stripe", "Feature engineering"))
                .post("/api/v1/questions")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/questions/" + slug))
                .header("ETag", notNullValue())
                .body("slug", is(slug)).body("version", is(1)).body("status", is("ACTIVE"))
                .body("counters.likes", is(0));
        given().get("/api/v1/questions/" + slug).then().statusCode(200).body("title", is("Explain feature scaling"));
    }

    @Test
    void aPageReadFromTheDetailWithANewSlugAndTitleIsAcceptedByCreate() {
        Map<String, Object> page = new HashMap<>(given().get("/api/v1/questions/" + KEY_ML_AMAZON).then().statusCode(200)
                .extract().jsonPath().getMap(""));
        String slug = uniqueSlug("key-ml-copy");
        page.put("slug", slug);
        page.put("title", "Explain key ML theory and techniques (copy)");
        given().auth().oauth2(author()).contentType(ContentType.JSON).body(page).post("/api/v1/questions")
                .then().statusCode(201)
                .body("parts", hasSize(6)).body("asks[0].company", is("Amazon"))
                .body("related", hasSize(5)).body("counters.likes", is(0)).body("version", is(1))
                .body("id", not(is(page.get("id"))));
    }

    @Test
    void updateNeedsIfMatchAndRefusesAStaleETag() {
        String slug = uniqueSlug("dropout");
        Map<String, Object> doc = question(slug, "Explain dropout", "Stripe", "Regularization");
        String etag = given().auth().oauth2(author()).contentType(ContentType.JSON).body(doc).post("/api/v1/questions")
                .then().statusCode(201).extract().header("ETag");
        doc.put("title", "Explain dropout regularisation");
        given().auth().oauth2(author()).contentType(ContentType.JSON).body(doc).put("/api/v1/questions/" + slug)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/precondition-required"))
                .body("errors[0].field", is("If-Match"));
        given().auth().oauth2(author()).contentType(ContentType.JSON).header("If-Match", etag).body(doc)
                .put("/api/v1/questions/" + slug)
                .then().statusCode(200).body("version", is(2)).body("title", is("Explain dropout regularisation"));
        given().auth().oauth2(author()).contentType(ContentType.JSON).header("If-Match", etag).body(doc)
                .put("/api/v1/questions/" + slug)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/precondition-failed"));
    }

    @Test
    void likesBetweenReadingAndSavingDoNotConflictWithTheEdit() {
        String slug = uniqueSlug("liked-while-editing");
        Map<String, Object> doc = question(slug, "Explain early stopping", "Stripe", "Regularization");
        given().auth().oauth2(author()).contentType(ContentType.JSON).body(doc).post("/api/v1/questions").then().statusCode(201);
        String read = given().get("/api/v1/questions/" + slug).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(candidate("liker")).post("/api/v1/questions/" + slug + "/likes").then().statusCode(200);
        String afterLike = given().get("/api/v1/questions/" + slug).then().statusCode(200)
                .body("counters.likes", is(1)).extract().header("ETag");
        assertNotEquals(read, afterLike, "the page changed, so its ETag did");
        doc.put("title", "Explain early stopping and patience");
        given().auth().oauth2(author()).contentType(ContentType.JSON).header("If-Match", read).body(doc)
                .put("/api/v1/questions/" + slug)
                .then().statusCode(200).body("version", is(2)).body("counters.likes", is(1));
    }

    @Test
    void retiringHidesTheQuestionFromListsButKeepsItsPage() {
        String company = "Retiro" + System.nanoTime();
        String slug = uniqueSlug("retire-me");
        String etag = given().auth().oauth2(author()).contentType(ContentType.JSON)
                .body(question(slug, "Explain retirement", company, "Lifecycle")).post("/api/v1/questions")
                .then().statusCode(201).extract().header("ETag");
        given().auth().oauth2(author()).delete("/api/v1/questions/" + slug).then().statusCode(428);
        given().auth().oauth2(author()).header("If-Match", etag).delete("/api/v1/questions/" + slug).then().statusCode(204);
        given().get("/api/v1/questions/" + slug).then().statusCode(200).body("status", is("RETIRED")).body("version", is(2));
        given().queryParam("company", company).get("/api/v1/questions").then().statusCode(200).body("total", is(0));
    }

    @Test
    void importStoresNothingWhenAnyItemIsInvalidAndReportsEachItem() {
        String a = uniqueSlug("import-a");
        String b = uniqueSlug("import-b");
        Map<String, Object> first = question(a, "Explain import A", "Stripe", "Imports");
        first.put("related", List.of(Map.of("slug", b)));
        Map<String, Object> second = question(b, "Explain import B", "Stripe", "Imports");
        Map<String, Object> broken = question(uniqueSlug("import-c"), "Explain import C", "Stripe", "Imports");
        broken.remove("title");
        broken.put("rubric", Map.of("criteria", List.of(Map.of("key", "definitions", "kind", "DEFINITIONS",
                "title", "Defines", "weight", 0.4, "points", List.of(Map.of("id", "d-1", "text", "States it",
                        "concepts", List.of(List.of("state"))))))));
        given().auth().oauth2(author()).contentType(ContentType.JSON)
                .body(Map.of("questions", List.of(first, second, broken))).post("/api/v1/questions/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/invalid-import"))
                .body("items", hasSize(1)).body("items[0].index", is(2))
                .body("items[0].errors.field", hasItems("questions[2].title", "questions[2].rubric.criteria"));
        given().get("/api/v1/questions/" + a).then().statusCode(404);

        given().auth().oauth2(author()).contentType(ContentType.JSON)
                .body(Map.of("questions", List.of(first, second))).post("/api/v1/questions/import")
                .then().statusCode(201).body("imported", is(2)).body("questions.slug", contains(a, b));
        given().get("/api/v1/questions/" + a).then().statusCode(200).body("related.slug", contains(b));
        given().auth().oauth2(author()).contentType(ContentType.JSON)
                .body(Map.of("questions", List.of(second))).post("/api/v1/questions/import")
                .then().statusCode(400).body("items[0].errors[0].field", is("questions[0].slug"));
        // an item without a slug is reported by its index alone
        given().auth().oauth2(author()).contentType(ContentType.JSON)
                .body("{\"questions\": [null]}").post("/api/v1/questions/import")
                .then().statusCode(400).body("items[0].index", is(0)).body("items[0]", not(hasKey("slug")))
                .body("items[0].errors[0].field", is("questions[0]"));
    }

    @Test
    void onlyAuthorsAndAdminsWrite() {
        Map<String, Object> doc = question(uniqueSlug("forbidden"), "Explain permissions", "Stripe", "Security");
        given().contentType(ContentType.JSON).body(doc).post("/api/v1/questions")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(candidate("carol")).contentType(ContentType.JSON).body(doc).post("/api/v1/questions")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/forbidden"));
        given().auth().oauth2(DevStack.shared().token("root", "admin")).contentType(ContentType.JSON).body(doc)
                .post("/api/v1/questions").then().statusCode(201);
    }

    @Test
    void everyRubricChangeIsANewVersionAndOldVersionsStayReadable() {
        String reviewer = DevStack.shared().token("rita", "reviewer");
        String slug = uniqueSlug("rubric-versions");
        given().auth().oauth2(author()).contentType(ContentType.JSON)
                .body(question(slug, "Explain rubric versions", "Stripe", "Rubrics")).post("/api/v1/questions")
                .then().statusCode(201);
        given().auth().oauth2(reviewer).get("/api/v1/questions/" + slug + "/rubric")
                .then().statusCode(200).body("rubric.version", is(1)).body("questionVersion", is(1));
        given().auth().oauth2(author()).contentType(ContentType.JSON).header("If-Match", etag(slug))
                .body(Map.of("rubric", rubric("definitions-v2"))).put("/api/v1/questions/" + slug + "/rubric")
                .then().statusCode(200).body("rubric.version", is(2)).body("questionVersion", is(2));
        given().auth().oauth2(author()).contentType(ContentType.JSON).header("If-Match", etag(slug))
                .body(Map.of("rubric", rubric("definitions-v2"))).put("/api/v1/questions/" + slug + "/rubric")
                .then().statusCode(200).body("rubric.version", is(3));
        given().auth().oauth2(reviewer).queryParam("version", 1).get("/api/v1/questions/" + slug + "/rubric")
                .then().statusCode(200).body("version", is(1))
                .body("criteria[0].points[0].id", is("definitions-1"));
        given().auth().oauth2(candidate("carol")).get("/api/v1/questions/" + slug + "/rubric").then().statusCode(403);
    }

    @Test
    void multiPartSeedServesOneRubricPerPartAndAcceptsANewPartVersion() {
        String reviewer = DevStack.shared().token("rita", "reviewer");
        given().auth().oauth2(reviewer).get("/api/v1/questions/" + KEY_ML_AMAZON + "/rubric")
                .then().statusCode(200)
                .body("parts", hasSize(6))
                .body("parts.rubric.criteria.kind.flatten().unique()", hasItems("DEFINITIONS", "TRADE_OFFS", "PITFALLS", "EVALUATION"))
                .body("parts[5].title", is("Logistic regression"));
        given().auth().oauth2(reviewer).get("/api/v1/questions/" + PRUNING_AMAZON + "/rubric")
                .then().statusCode(200)
                .body("rubric.criteria.kind", contains("DEFINITIONS", "TRADE_OFFS", "PITFALLS", "EVALUATION"))
                .body("rubric.criteria[0].points[0].concepts[0]", hasItems("prune", "pruning"));
        given().auth().oauth2(author()).contentType(ContentType.JSON).header("If-Match", etag(KEY_ML_AMAZON))
                .body(Map.of("parts", List.of(Map.of("number", 9, "rubric", rubric("x-1")))))
                .put("/api/v1/questions/" + KEY_ML_AMAZON + "/rubric")
                .then().statusCode(400).body("errors[0].field", is("parts[0].number"));
    }
}
