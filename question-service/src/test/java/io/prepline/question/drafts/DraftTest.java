package io.prepline.question.drafts;

import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.createdQuestion;
import static io.prepline.question.Fixtures.candidate;
import static io.prepline.question.Fixtures.question;
import static io.prepline.question.Fixtures.rubric;
import static io.prepline.question.Fixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.devstack.DevStack;
import io.prepline.devstack.TopicProbe;
import io.prepline.question.EventSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Drafts are stored and previewed, never published, until an author publishes them as one change. */
@QuarkusTest
class DraftTest {

    private static final String TOPIC = "catalogue.questions.v1";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final ObjectMapper json = new ObjectMapper();
    private final String reviewer = DevStack.shared().token("rita", "reviewer");

    @Test
    void aNewQuestionStaysUnpublishedUntilItsDraftIsPublished() throws Exception {
        String slug = uniqueSlug("drafted");
        try (TopicProbe topic = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), TOPIC)) {
            ExtractableResponse<Response> saved = send("POST", "/api/v1/drafts", null,
                    Map.of("document", question(slug, "Explain drafts", "Stripe", "Drafts")))
                    .statusCode(201).header("Location", containsString("/api/v1/drafts/")).body("kind", is("NEW"))
                    .body("status", is("OPEN")).body("question", is(slug)).body("revision", is(1)).extract();
            String id = saved.path("id");
            given().get("/api/v1/questions/" + slug).then().statusCode(404);
            given().auth().oauth2(reviewer).get("/api/v1/drafts/" + id + "/preview").then().statusCode(200)
                    .body("page.slug", is(slug)).body("page.version", is(1)).body("page.status", is("ACTIVE"))
                    .body("page.criteria.key", contains("definitions", "evaluation"))
                    .body("page.sampleAnswerTeaser[0].title", is("Core Concept Explanation"))
                    .body("scorePreview.url", endsWith("/api/v1/score-preview"))
                    .body("scorePreview.requests[0].question", nullValue())
                    .body("scorePreview.requests[0].prompt", org.hamcrest.Matchers.startsWith("Explain drafts"))
                    .body("scorePreview.requests[0].rubric.criteria[0].points[0].id", is("definitions-1"));
            assertTrue(topic.collect(r -> r.value() != null && r.value().contains(slug), Duration.ofSeconds(2)).isEmpty(),
                    "nothing of a draft is published");

            send("POST", "/api/v1/drafts/" + id + "/publish", null, null).statusCode(428);
            String page = send("POST", "/api/v1/drafts/" + id + "/publish", saved.header("ETag"), null)
                    .statusCode(201).header("Location", endsWith("/api/v1/questions/" + slug))
                    .body("slug", is(slug)).body("version", is(1)).extract().path("id");
            ConsumerRecord<String, String> record = topic.awaitKey(page, WAIT);
            EventSchemas.assertCatalogueQuestion(record.value());
            assertEquals(1, json.readTree(record.value()).get("version").asInt());
        }
        given().get("/api/v1/questions/" + slug).then().statusCode(200).body("title", is("Explain drafts"));
    }

    @Test
    void aRubricChangeIsPreviewedAndPublishedAsOneNewVersion() throws Exception {
        String slug = createdQuestion("draft-base");
        Map<String, Object> newRubric = Map.of("criteria", List.of(
                Map.of("key", "definitions", "kind", "DEFINITIONS", "title", "Defines the idea", "weight", 0.4,
                        "points", List.of(Map.of("id", "definitions-1", "text", "States what it is",
                                "concepts", List.of(List.of("define"))))),
                Map.of("key", "trade-offs", "kind", "TRADE_OFFS", "title", "Weighs trade-offs", "weight", 0.6,
                        "points", List.of(Map.of("id", "trade-offs-1", "text", "Names a cost",
                                "concepts", List.of(List.of("cost")))))));
        Map<String, Object> document = question(slug, "Explain drafts of changes", "Stripe", "Drafts");
        document.remove("rubric");
        String id;
        try (TopicProbe topic = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), TOPIC)) {
            ExtractableResponse<Response> saved = send("POST", "/api/v1/drafts", null,
                    Map.of("question", slug, "document", document, "rubrics", Map.of("rubric", newRubric)))
                    .statusCode(201).body("kind", is("CHANGE")).body("baseVersion", is(1)).extract();
            id = saved.path("id");
            given().auth().oauth2(reviewer).get("/api/v1/questions/" + slug + "/rubric").then()
                    .body("rubric.version", is(1)).body("questionVersion", is(1));
            given().get("/api/v1/questions/" + slug).then().body("title", not(is("Explain drafts of changes")));
            given().auth().oauth2(reviewer).get("/api/v1/drafts/" + id + "/preview").then().statusCode(200)
                    .body("page.version", is(2)).body("page.title", is("Explain drafts of changes"))
                    .body("page.criteria.key", contains("definitions", "trade-offs"))
                    .body("scorePreview.requests[0].question", is(slug))
                    .body("scorePreview.requests[0].rubric.criteria[1].key", is("trade-offs"));
            given().auth().oauth2(reviewer).queryParam("question", slug).get("/api/v1/drafts").then().statusCode(200)
                    .body("items.id", contains(id));

            String questionId = send("POST", "/api/v1/drafts/" + id + "/publish", saved.header("ETag"), null)
                    .statusCode(200).header("Content-Location", endsWith("/api/v1/questions/" + slug))
                    .body("version", is(2)).body("title", is("Explain drafts of changes"))
                    .body("criteria.key", contains("definitions", "trade-offs")).extract().path("id");
            // the question's creation (version 1) may be relayed after the probe opened: only later versions count
            List<ConsumerRecord<String, String>> events = topic.collect(r -> questionId.equals(r.key())
                    && versionOf(r.value()) > 1, Duration.ofSeconds(3));
            assertEquals(1, events.size(), "one change, one event");
            JsonNode snapshot = json.readTree(events.get(0).value());
            assertEquals(2, snapshot.get("version").asInt());
            assertEquals(2, snapshot.at("/rubric/version").asInt());
            assertEquals("trade-offs", snapshot.at("/rubric/criteria/1/key").asText());
        }
        given().auth().oauth2(reviewer).get("/api/v1/drafts/" + id).then().statusCode(200)
                .body("status", is("PUBLISHED")).body("publishedVersion", is(2));
        given().auth().oauth2(reviewer).queryParam("question", slug).get("/api/v1/drafts").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void aDraftOfAQuestionChangedSinceIsAConflictUntilSavedAgain() {
        String slug = createdQuestion("draft-base");
        Map<String, Object> body = Map.of("question", slug, "rubrics", Map.of("rubric", rubric("definitions-draft")));
        String etag = send("POST", "/api/v1/drafts", null, body).statusCode(201).extract().header("ETag");
        String id = idOfLast(slug);
        String page = given().get("/api/v1/questions/" + slug).then().extract().header("ETag");
        given().auth().oauth2(author()).contentType(ContentType.JSON).header("If-Match", page)
                .body(Map.of("rubric", rubric("definitions-direct"))).put("/api/v1/questions/" + slug + "/rubric")
                .then().statusCode(200);
        send("POST", "/api/v1/drafts/" + id + "/publish", etag, null).statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", is("baseVersion"));
        String saved = send("PUT", "/api/v1/drafts/" + id, etag, body).statusCode(200).body("revision", is(2))
                .body("baseVersion", is(2)).extract().header("ETag");
        send("POST", "/api/v1/drafts/" + id + "/publish", etag, null).statusCode(412);
        send("POST", "/api/v1/drafts/" + id + "/publish", saved, null).statusCode(200).body("version", is(3));
        send("PUT", "/api/v1/drafts/" + id, saved, body).statusCode(409);
        given().auth().oauth2(reviewer).queryParam("version", 3).get("/api/v1/questions/" + slug + "/rubric")
                .then().statusCode(200).body("criteria[0].points[0].id", is("definitions-draft"));
    }

    @Test
    void badDraftsAreProblemsNamingTheFieldAndNothingIsStored() {
        String slug = createdQuestion("draft-base");
        Map<String, Object> untitled = question(uniqueSlug("untitled"), "Explain", "Stripe", "Drafts");
        untitled.remove("title");
        problem(send("POST", "/api/v1/drafts", null, Map.of("document", untitled)), "document.title");
        problem(send("POST", "/api/v1/drafts", null, Map.of("question", slug)), "document");
        problem(send("POST", "/api/v1/drafts", null, Map.of("question", slug,
                "rubrics", Map.of("parts", List.of(Map.of("number", 4, "rubric", rubric("x-1")))))), "rubrics.parts[0].number");
        problem(send("POST", "/api/v1/drafts", null, Map.of("question", slug, "rubrics", Map.of("rubric",
                Map.of("criteria", List.of())))), "rubrics.rubric.criteria");
        problem(send("POST", "/api/v1/drafts", null, Map.of("document",
                question(uniqueSlug("x"), "Explain x", "Stripe", "Drafts"), "rubrics", Map.of("rubric", rubric("x")))), "rubrics");
        send("POST", "/api/v1/drafts", null, Map.of("question", "no-such-question", "rubrics",
                Map.of("rubric", rubric("x")))).statusCode(404);
        given().auth().oauth2(reviewer).queryParam("question", slug).get("/api/v1/drafts").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(0));
        given().auth().oauth2(reviewer).get("/api/v1/drafts/not-a-uuid").then().statusCode(400)
                .body("errors[0].field", is("id"));
        given().auth().oauth2(reviewer).get("/api/v1/drafts/" + java.util.UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(reviewer).queryParam("limit", 101).get("/api/v1/drafts").then().statusCode(400)
                .body("errors[0].field", is("limit"));
    }

    @Test
    void reviewersReadDraftsAndOnlyAuthorsWriteOrPublish() {
        String slug = createdQuestion("draft-base");
        String etag = send("POST", "/api/v1/drafts", null,
                Map.of("question", slug, "rubrics", Map.of("rubric", rubric("definitions-r")))).statusCode(201)
                .extract().header("ETag");
        String id = idOfLast(slug);
        given().auth().oauth2(reviewer).get("/api/v1/drafts").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.status", everyItem(is("OPEN")));
        given().auth().oauth2(reviewer).header("If-Match", etag).post("/api/v1/drafts/" + id + "/publish")
                .then().statusCode(403);
        given().auth().oauth2(candidate("carol")).get("/api/v1/drafts/" + id).then().statusCode(403);
        given().get("/api/v1/drafts/" + id).then().statusCode(401);
        given().auth().oauth2(author()).delete("/api/v1/drafts/" + id).then().statusCode(428);
        given().auth().oauth2(author()).header("If-Match", etag).delete("/api/v1/drafts/" + id).then().statusCode(204);
        given().auth().oauth2(reviewer).get("/api/v1/drafts/" + id).then().statusCode(404);
    }

    private String idOfLast(String slug) {
        return given().auth().oauth2(reviewer).queryParam("question", slug).get("/api/v1/drafts").then()
                .statusCode(200).extract().path("items[0].id");
    }

    private static ValidatableResponse send(String method, String path, String ifMatch, Object body) {
        var request = given().auth().oauth2(author());
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.request(method, path).then();
    }

    private static void problem(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/invalid-request"))
                .body("errors.field", hasItem(field));
    }


    private int versionOf(String snapshot) {
        try {
            return json.readTree(snapshot).get("version").asInt();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
