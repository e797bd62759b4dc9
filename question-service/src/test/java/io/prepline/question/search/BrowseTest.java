package io.prepline.question.search;

import static io.prepline.question.Fixtures.KEY_ML_AMAZON;
import static io.prepline.question.Fixtures.PRUNING_AMAZON;
import static io.prepline.question.Fixtures.PRUNING_BREX;
import static io.prepline.question.Fixtures.PRUNING_CAPITAL_ONE;
import static io.prepline.question.Fixtures.PRUNING_VS_ZILLOW;
import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.question;
import static io.prepline.question.Fixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BrowseTest {

    @Test
    void filtersByCompanyNameOrSlugRoundAndDifficulty() {
        given().queryParam("company", "Capital One").get("/api/v1/questions")
                .then().statusCode(200)
                .body("items.slug", contains(PRUNING_CAPITAL_ONE)).body("total", is(1)).body("nextCursor", nullValue());
        given().queryParam("company", "amazon").queryParam("round", "technical-screen").queryParam("difficulty", "easy")
                .get("/api/v1/questions")
                .then().statusCode(200).body("items.slug", contains(PRUNING_AMAZON));
        given().queryParam("company", "brex").queryParam("role", "Machine Learning Engineer").get("/api/v1/questions")
                .then().statusCode(200).body("items.slug", contains(PRUNING_BREX))
                .body("items[0].rounds", contains("Take-home Project"));
    }

    @Test
    void companyRoleAndRoundMustMatchTheSameReport() {
        String company = "Acme" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> doc = question(uniqueSlug("two-reports"), "Explain two reports", company, "Reports");
        doc.put("asks", List.of(Map.of("company", company, "role", "Data Scientist", "round", "Onsite"),
                Map.of("company", "Zillow", "role", "Analyst", "round", "Phone Screen")));
        given().auth().oauth2(author()).contentType(ContentType.JSON).body(doc).post("/api/v1/questions").then().statusCode(201);
        given().queryParam("company", company).queryParam("round", "onsite").get("/api/v1/questions")
                .then().statusCode(200).body("total", is(1));
        given().queryParam("company", company).queryParam("round", "phone-screen").get("/api/v1/questions")
                .then().statusCode(200).body("total", is(0));
    }

    @Test
    void searchStemsWordsAndRanksTitleMatchesAboveBodyMatches() {
        String word = "quokkafication";
        Map<String, Object> inBody = question(uniqueSlug("body-match"), "Explain a body match", "Stripe", "Search");
        inBody.put("body", "The " + word + " appears only in this body text.");
        Map<String, Object> inTitle = question(uniqueSlug("title-match"), "Explain " + word, "Stripe", "Search");
        for (Map<String, Object> doc : List.of(inBody, inTitle)) {
            given().auth().oauth2(author()).contentType(ContentType.JSON).body(doc).post("/api/v1/questions").then().statusCode(201);
        }
        given().queryParam("q", word).get("/api/v1/questions")
                .then().statusCode(200)
                .body("items.slug", contains(inTitle.get("slug"), inBody.get("slug")))
                .body("items.rank", everyItem(notNullValue()));
        // "pruned" and "pruning" share the stem "prune"
        given().queryParam("q", "pruned models").queryParam("limit", 100).get("/api/v1/questions")
                .then().statusCode(200)
                .body("items.slug", hasItems(PRUNING_AMAZON, PRUNING_CAPITAL_ONE, PRUNING_BREX, PRUNING_VS_ZILLOW));
    }

    @Test
    void cursorPagesStayStableWhenQuestionsAreAdded() {
        String company = "Pager" + UUID.randomUUID().toString().substring(0, 6);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String slug = uniqueSlug("page-" + i);
            given().auth().oauth2(author()).contentType(ContentType.JSON)
                    .body(question(slug, "Explain paging " + i, company, "Paging")).post("/api/v1/questions")
                    .then().statusCode(201);
            created.add(slug);
        }
        JsonPath first = given().queryParam("company", company).queryParam("limit", 2).queryParam("sort", "recent")
                .get("/api/v1/questions").then().statusCode(200).body("total", is(5)).extract().jsonPath();
        assertEquals(List.of(created.get(4), created.get(3)), first.getList("items.slug"));
        given().auth().oauth2(author()).contentType(ContentType.JSON)
                .body(question(uniqueSlug("page-new"), "Explain paging later", company, "Paging")).post("/api/v1/questions")
                .then().statusCode(201);
        List<String> seen = new ArrayList<>(first.getList("items.slug"));
        String cursor = first.getString("nextCursor");
        while (cursor != null) {
            JsonPath page = given().queryParam("company", company).queryParam("limit", 2).queryParam("sort", "recent")
                    .queryParam("cursor", cursor).get("/api/v1/questions").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.slug"));
            cursor = page.getString("nextCursor");
        }
        assertEquals(List.of(created.get(4), created.get(3), created.get(2), created.get(1), created.get(0)), seen);
        assertEquals(seen.size(), new HashSet<>(seen).size());
    }

    @Test
    void relevancePagesCoverEveryMatchOnceWithTheirTotal() {
        // same titles, so equal scores: pages of a ranking that skips what cannot reach them, ties broken by id
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String slug = uniqueSlug("rank-" + i);
            given().auth().oauth2(author()).contentType(ContentType.JSON)
                    .body(question(slug, "Explain " + word, "Ranker", "Ranking")).post("/api/v1/questions")
                    .then().statusCode(201);
            created.add(slug);
        }
        List<String> seen = new ArrayList<>();
        List<Float> ranks = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("q", word).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/questions").then().statusCode(200).body("total", is(5))
                    .extract().jsonPath();
            seen.addAll(page.getList("items.slug"));
            ranks.addAll(page.getList("items.rank", Float.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(new HashSet<>(created), new HashSet<>(seen));
        assertEquals(5, seen.size());
        for (int i = 1; i < ranks.size(); i++) {
            assertTrue(ranks.get(i) <= ranks.get(i - 1), "ranks in order: " + ranks);
        }
    }

    @Test
    void popularSortOrdersByLikesAcrossPages() {
        List<Integer> likes = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("category", "Machine Learning").queryParam("sort", "popular").queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/questions").then().statusCode(200).extract().jsonPath();
            likes.addAll(page.getList("items.counters.likes", Integer.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        List<Integer> sorted = new ArrayList<>(likes);
        sorted.sort((a, b) -> b - a);
        assertEquals(sorted, likes);
        assertTrue(likes.contains(183));
    }

    @Test
    void facetsCountQuestionsPerValueUnderTheCurrentFilters() {
        given().queryParam("company", "amazon").get("/api/v1/questions/facets")
                .then().statusCode(200)
                .body("company.find { it.slug == 'amazon' }.count", greaterThanOrEqualTo(7))
                .body("round.find { it.slug == 'technical-screen' }.count", is(1))
                .body("difficulty.find { it.name == 'HARD' }.count", greaterThanOrEqualTo(2))
                .body("category.find { it.slug == 'machine-learning' }.name", is("Machine Learning"))
                .body("topic.slug", hasItem("overfitting-and-underfitting"));
    }

    @Test
    void hubsListCompaniesRolesCategoriesAndTopicsWithCounts() {
        given().get("/api/v1/companies").then().statusCode(200)
                .body("items.name", hasItems("Amazon", "Capital One", "Brex", "Zillow"))
                .body("items.find { it.slug == 'capital-one' }.count", greaterThanOrEqualTo(1));
        given().get("/api/v1/roles").then().statusCode(200).body("items.slug", hasItems("data-scientist", "machine-learning-engineer"));
        given().get("/api/v1/categories").then().statusCode(200).body("items.slug", hasItem("machine-learning"));
        given().get("/api/v1/topics").then().statusCode(200)
                .body("items.find { it.slug == 'gradient-descent-and-optimization' }.count", greaterThanOrEqualTo(3));
    }

    @Test
    void tracksListAndShowTheirQuestionsInOrder() {
        given().get("/api/v1/tracks").then().statusCode(200)
                .body("items.slug", hasItems("model-compression-essentials", "amazon-mle-onsite"));
        given().get("/api/v1/tracks/amazon-mle-onsite").then().statusCode(200)
                .body("questions", hasSize(6)).body("questions[2].slug", is(KEY_ML_AMAZON))
                .body("items.position", contains(1, 2, 3, 4, 5, 6)).body("items[2].question", is(KEY_ML_AMAZON))
                .body("questions[2].parts", is(6));
        given().get("/api/v1/tracks/no-such-track").then().statusCode(404)
                .contentType("application/problem+json").body("type", is("https://prepline.io/problems/not-found"));
    }

    @Test
    void relatedPutsCuratedLinksFirstThenSharedTopicsAndText() {
        given().get("/api/v1/questions/" + PRUNING_AMAZON + "/related").then().statusCode(200)
                .body("items[0..2].slug", containsInAnyOrder(PRUNING_CAPITAL_ONE, PRUNING_BREX, PRUNING_VS_ZILLOW))
                .body("items[0].curated", is(true))
                .body("items.find { it.slug == 'explain-core-ml-interview-concepts-amazon' }.sharedTopics", greaterThanOrEqualTo(3));
    }

    @Test
    void detailCarriesAStrongETagAndAnswers304WhenUnchanged() {
        String etag = given().get("/api/v1/questions/" + PRUNING_AMAZON).then().statusCode(200)
                .header("Cache-Control", startsWith("public")).extract().header("ETag");
        assertTrue(etag.startsWith("\"") && !etag.startsWith("W/"));
        given().header("If-None-Match", etag).get("/api/v1/questions/" + PRUNING_AMAZON).then().statusCode(304);
        given().header("If-None-Match", "\"other\"").get("/api/v1/questions/" + PRUNING_AMAZON).then().statusCode(200);
        given().get("/api/v1/questions/no-such-question").then().statusCode(404).contentType("application/problem+json");
    }
}
