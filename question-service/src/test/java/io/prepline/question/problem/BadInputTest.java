package io.prepline.question.problem;

import static io.prepline.question.Fixtures.PRUNING_AMAZON;
import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.question;
import static io.prepline.question.Fixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.platform.http.CursorToken;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BadInputTest {

    private final ObjectMapper json = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Test
    void unknownFilterValuesAreNamedInTheProblem() {
        problem(given().queryParam("company", "Initech").get("/api/v1/questions"), 400, "invalid-request")
                .body("errors[0].field", is("company"));
        problem(given().queryParam("topic", "astrology").queryParam("role", "Wizard").get("/api/v1/questions/facets"),
                400, "invalid-request")
                .body("errors.field", hasItems("topic", "role"));
        problem(given().queryParam("difficulty", "extreme").get("/api/v1/questions"), 400, "invalid-request")
                .body("errors[0].field", is("difficulty"));
        problem(given().queryParam("sort", "oldest").get("/api/v1/questions"), 400, "invalid-request")
                .body("errors[0].field", is("sort"));
        problem(given().queryParam("q", "x".repeat(201)).get("/api/v1/questions"), 400, "invalid-request")
                .body("errors[0].field", is("q"));
    }

    @Test
    void limitOutsideOneToHundredIsRefused() {
        for (String limit : new String[] {"0", "101", "-5", "ten", "1e3"}) {
            problem(given().queryParam("limit", limit).get("/api/v1/questions"), 400, "invalid-request")
                    .body("errors[0].field", is("limit"));
        }
        given().queryParam("limit", 100).get("/api/v1/questions").then().statusCode(200);
    }

    @Test
    void malformedOrForeignCursorsAreRefused() {
        problem(given().queryParam("cursor", "%%%not-base64").get("/api/v1/questions"), 400, "invalid-request")
                .body("errors[0].field", is("cursor"));
        problem(given().queryParam("cursor", "aGVsbG8").get("/api/v1/questions"), 400, "invalid-request")
                .body("errors[0].field", is("cursor"));
        String popular = given().queryParam("sort", "popular").queryParam("limit", 1).get("/api/v1/questions")
                .then().statusCode(200).extract().jsonPath().getString("nextCursor");
        problem(given().queryParam("sort", "recent").queryParam("cursor", popular).get("/api/v1/questions"), 400, "invalid-request")
                .body("errors[0].field", is("cursor"));
    }

    @Test
    void editedCursorsAreRefusedBeforeAnyQuery() {
        String recent = cursor("recent", null);
        String popular = cursor("popular", null);
        String relevance = cursor(null, "pruning");
        for (String time : new String[] {"2026-13-45T99:00:00Z", "yesterday", "+99999-01-01T00:00:00Z", ""}) {
            refusedCursor(Map.of("sort", "recent"), edit(recent, 2, time));
        }
        for (String count : new String[] {"many", "-1", "99999999999", "1e3", "+5"}) {
            refusedCursor(Map.of("sort", "popular"), edit(popular, 2, count));
        }
        for (String rank : new String[] {"NaN", "Infinity", "1f", "0x1p3", "-0.5"}) {
            refusedCursor(Map.of("q", "pruning"), edit(relevance, 2, rank));
        }
        for (String id : new String[] {"1-1-1-1-1", "not-an-id", "7B0C1C52-6F3E-4D2A-9A51-2D8C0F6E4B11x"}) {
            refusedCursor(Map.of("sort", "recent"), edit(recent, 3, id));
        }
        String[] recentFields = fields(recent);
        refusedCursor(Map.of("sort", "recent"), CursorToken.encode(recentFields[0], recentFields[1], recentFields[2],
                recentFields[3], "extra"));
        refusedCursor(Map.of("sort", "recent"), "not base64!");
        refusedCursor(Map.of("sort", "recent"), recent + "=");
        refusedCursor(Map.of("sort", "recent"), "A".repeat(CursorToken.MAX_LENGTH + 1));
        // the unedited cursors still page on
        given().queryParam("sort", "recent").queryParam("cursor", recent).get("/api/v1/questions").then().statusCode(200);
        given().queryParam("q", "pruning").queryParam("cursor", relevance).get("/api/v1/questions").then().statusCode(200);
    }

    private static String cursor(String sort, String q) {
        var request = given().queryParam("limit", 1);
        if (sort != null) {
            request.queryParam("sort", sort);
        }
        if (q != null) {
            request.queryParam("q", q);
        }
        String cursor = request.get("/api/v1/questions").then().statusCode(200).extract().jsonPath().getString("nextCursor");
        return cursor;
    }

    private static String edit(String cursor, int field, String value) {
        String[] fields = fields(cursor);
        fields[field] = value;
        return CursorToken.encode((Object[]) fields);
    }

    /** Sort, filters, key and id, as the service wrote them. */
    private static String[] fields(String cursor) {
        CursorToken token = CursorToken.decode(cursor, 4);
        return IntStream.range(0, 4).mapToObj(token::text).toArray(String[]::new);
    }

    private static void refusedCursor(Map<String, String> params, String cursor) {
        problem(given().queryParams(params).queryParam("cursor", cursor).get("/api/v1/questions"), 400,
                "invalid-request").body("errors[0].field", is("cursor"));
    }

    @Test
    void invalidJsonWrongTypesAndUnknownFieldsAreNamed() {
        problem(given().auth().oauth2(author()).contentType(ContentType.JSON).body("{\"slug\": \"a\", ")
                .post("/api/v1/questions"), 400, "invalid-json").body("errors[0].field", is("$"));
        Map<String, Object> wrongType = question(uniqueSlug("wrong-type"), "Explain types", "Stripe", "Types");
        wrongType.put("difficulty", "IMPOSSIBLE");
        problem(given().auth().oauth2(author()).contentType(ContentType.JSON).body(wrongType)
                .post("/api/v1/questions"), 400, "invalid-json").body("errors[0].field", is("difficulty"));
        Map<String, Object> unknown = question(uniqueSlug("unknown"), "Explain unknown", "Stripe", "Types");
        unknown.put("colour", "blue");
        problem(given().auth().oauth2(author()).contentType(ContentType.JSON).body(unknown)
                .post("/api/v1/questions"), 400, "unknown-field").body("errors[0].field", is("colour"));
        problem(given().auth().oauth2(author()).contentType(ContentType.JSON).body("")
                .post("/api/v1/questions"), 400, "invalid-json").body("errors[0].field", is("$"));
    }

    @Test
    void missingAndInvalidFieldsAreEachNamedAndNothingIsStored() {
        String slug = uniqueSlug("missing");
        Map<String, Object> doc = question(slug, "Explain missing fields", "Stripe", "Validation");
        doc.remove("title");
        doc.remove("asks");
        doc.put("topics", java.util.List.of(""));
        problem(given().auth().oauth2(author()).contentType(ContentType.JSON).body(doc)
                .post("/api/v1/questions"), 400, "invalid-request")
                .body("errors.field", hasItems("title", "asks", "topics[0]"));
        given().get("/api/v1/questions/" + slug).then().statusCode(404);
        doc = question("Not A Slug", "Explain slugs", "Stripe", "Validation");
        problem(given().auth().oauth2(author()).contentType(ContentType.JSON).body(doc)
                .post("/api/v1/questions"), 400, "invalid-request").body("errors[0].field", is("slug"));
        doc = question(PRUNING_AMAZON, "Explain duplicates", "Stripe", "Validation");
        problem(given().auth().oauth2(author()).contentType(ContentType.JSON).body(doc)
                .post("/api/v1/questions"), 400, "invalid-request").body("errors[0].field", is("slug"));
    }

    @Test
    void oversizedBodiesAnswer413() {
        Map<String, Object> doc = question(uniqueSlug("huge"), "Explain size limits", "Stripe", "Limits");
        doc.put("body", "x".repeat(1_100_000));
        problem(given().auth().oauth2(author()).contentType(ContentType.JSON).body(doc)
                .post("/api/v1/questions"), 413, "payload-too-large").body("errors[0].field", is("$"));
    }

    @Test
    void chunkedBodiesOverTheLimitAnswer413ProblemAndNothingIsStored() throws Exception {
        String slug = uniqueSlug("chunked-huge");
        Map<String, Object> doc = question(slug, "Explain chunked limits", "Stripe", "Limits");
        doc.put("body", "x".repeat(1_500_000)); // over prepline.http.max-body-bytes, under the server limit
        HttpResponse<String> refused = postChunked(json.writeValueAsString(doc));
        assertEquals(413, refused.statusCode());
        assertEquals(Optional.of("application/problem+json"), refused.headers().firstValue("Content-Type"));
        JsonPath problem = JsonPath.from(refused.body());
        assertEquals("https://prepline.io/problems/payload-too-large", problem.getString("type"));
        assertEquals("$", problem.getString("errors[0].field"));
        given().get("/api/v1/questions/" + slug).then().statusCode(404);
        String small = uniqueSlug("chunked-small");
        assertEquals(201, postChunked(json.writeValueAsString(
                question(small, "Explain chunked bodies", "Stripe", "Limits"))).statusCode());
        given().get("/api/v1/questions/" + small).then().statusCode(200);
    }

    /** Sends the body as a stream of unknown length: chunked, without Content-Length. */
    private HttpResponse<String> postChunked(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/questions"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Authorization", "Bearer " + author())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void unknownPathsAnswerProblemJson() {
        problem(given().get("/api/v1/questions/" + PRUNING_AMAZON + "/nothing-here"), 404, "not-found");
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status, String type) {
        return response.then().statusCode(status).contentType(startsWith("application/problem+json"))
                .body("type", is("https://prepline.io/problems/" + type)).body("status", is(status))
                .body("title", notNullValue()).body("detail", notNullValue());
    }
}
