package io.prepline.question.tracks;

import static io.prepline.question.Fixtures.KEY_ML_AMAZON;
import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.createdQuestion;
import static io.prepline.question.Fixtures.candidate;
import static io.prepline.question.Fixtures.eventually;
import static io.prepline.question.Fixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.TopicProbe;
import io.prepline.question.EventSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Tracks written by authors, read by anyone, and a candidate's progress from the decisions consumed. */
@QuarkusTest
class TrackTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void authorsCreateOrderAndRetireATrackOfQuestionsAndParts() {
        String first = createdQuestion("track-question");
        String slug = uniqueSlug("track");
        String etag = write("POST", "/api/v1/tracks", null,
                track(slug, item(first, null), item(KEY_ML_AMAZON, 2), item(KEY_ML_AMAZON, 1)))
                .statusCode(201).header("Location", endsWith("/api/v1/tracks/" + slug))
                .body("version", is(1))
                .body("items.question", contains(first, KEY_ML_AMAZON, KEY_ML_AMAZON))
                .body("items.part", contains(null, 2, 1))
                .body("items[1].partTitle", is(partTitle(KEY_ML_AMAZON, 2)))
                .body("questions.slug", contains(first, KEY_ML_AMAZON))
                .extract().header("ETag");
        given().get("/api/v1/tracks").then().statusCode(200)
                .body("items.find { it.slug == '" + slug + "' }.questionCount", is(2))
                .body("items.find { it.slug == '" + slug + "' }.itemCount", is(3));

        Map<String, Object> reordered = track(slug, item(KEY_ML_AMAZON, 1), item(KEY_ML_AMAZON, 2), item(first, null));
        problem(write("PUT", "/api/v1/tracks/" + slug, null, reordered), 428, "precondition-required", "If-Match");
        String next = write("PUT", "/api/v1/tracks/" + slug, etag, reordered).statusCode(200)
                .body("version", is(2)).body("items.part", contains(1, 2, null))
                .body("items.position", contains(1, 2, 3)).extract().header("ETag");
        problem(write("PUT", "/api/v1/tracks/" + slug, etag, reordered), 412, "precondition-failed", "If-Match");
        given().get("/api/v1/tracks/" + slug).then().statusCode(200).header("ETag", is(next));

        given().auth().oauth2(author()).delete("/api/v1/tracks/" + slug).then().statusCode(428);
        given().auth().oauth2(author()).header("If-Match", next).delete("/api/v1/tracks/" + slug).then().statusCode(204);
        given().get("/api/v1/tracks/" + slug).then().statusCode(200).body("status", is("RETIRED"));
        given().get("/api/v1/tracks").then().statusCode(200).body("items.slug", not(hasItem(slug)));
    }

    @Test
    void onlyAuthorsAndAdminsWriteTracks() {
        Map<String, Object> body = track(uniqueSlug("track"), item(KEY_ML_AMAZON, null));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/tracks").then().statusCode(401);
        given().auth().oauth2(candidate("carol")).contentType(ContentType.JSON).body(body).post("/api/v1/tracks")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void badTracksAreProblemsNamingEachField() {
        String taken = "amazon-mle-onsite";
        problem(write("POST", "/api/v1/tracks", null, track(taken, item(KEY_ML_AMAZON, null))), 400,
                "invalid-request", "slug");
        problem(write("POST", "/api/v1/tracks", null, track(uniqueSlug("t"), item("no-such-question", null))), 400,
                "invalid-request", "items[0].question");
        problem(write("POST", "/api/v1/tracks", null, track(uniqueSlug("t"), item(KEY_ML_AMAZON, 9))), 400,
                "invalid-request", "items[0].part");
        problem(write("POST", "/api/v1/tracks", null,
                track(uniqueSlug("t"), item(KEY_ML_AMAZON, 1), item(KEY_ML_AMAZON, 1))), 400, "invalid-request", "items[1]");
        problem(write("POST", "/api/v1/tracks", null, track(uniqueSlug("t"))), 400, "invalid-request", "items");
        problem(write("POST", "/api/v1/tracks", null, track("Not A Slug", item(KEY_ML_AMAZON, 0))), 400,
                "invalid-request", "items[0].part");
        Map<String, Object> tooMany = track(uniqueSlug("t"));
        tooMany.put("items", java.util.Collections.nCopies(201, item(KEY_ML_AMAZON, null)));
        problem(write("POST", "/api/v1/tracks", null, tooMany), 400, "invalid-request", "items");
        Map<String, Object> unknownField = track(uniqueSlug("t"), item(KEY_ML_AMAZON, null));
        unknownField.put("owner", "me");
        write("POST", "/api/v1/tracks", null, unknownField).statusCode(400)
                .body("type", is("https://prepline.io/problems/unknown-field"));
    }

    @Test
    void progressCountsApprovedAnswersToEachQuestionAndPartAndNamesTheNextItem() {
        String first = createdQuestion("track-question");
        String second = createdQuestion("track-question");
        String slug = uniqueSlug("progress");
        write("POST", "/api/v1/tracks", null,
                track(slug, item(first, null), item(KEY_ML_AMAZON, 3), item(second, null))).statusCode(201);
        String user = "learner-" + UUID.randomUUID();
        progress(slug, user).statusCode(200).body("solved", is(0)).body("total", is(3))
                .body("next.question", is(first)).body("items.solved", contains(false, false, false));

        String keyMlId = given().get("/api/v1/questions/" + KEY_ML_AMAZON).jsonPath().getString("id");
        try (TopicProbe decided = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), "answers.decided.v1")) {
            decide(decided, user, id(first), null, "APPROVED");
            decide(decided, user, keyMlId, 2, "APPROVED");  // another part: not an item of the track
            decide(decided, user, keyMlId, 3, "REJECTED");
        }
        eventually(WAIT, () -> progress(slug, user).statusCode(200).body("solved", is(1))
                .body("next.question", is(KEY_ML_AMAZON)).body("next.part", is(3))
                .body("next.partTitle", is(partTitle(KEY_ML_AMAZON, 3))));
        try (TopicProbe decided = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), "answers.decided.v1")) {
            decide(decided, user, keyMlId, 3, "APPROVED");
        }
        eventually(WAIT, () -> progress(slug, user).statusCode(200).body("solved", is(2))
                .body("next.question", is(second)).body("items.solved", contains(true, true, false)));
        given().auth().oauth2(candidate(user)).get("/api/v1/me/tracks").then().statusCode(200)
                .header("Cache-Control", is("private, no-store"))
                .body("items.find { it.track == '" + slug + "' }.solved", is(2))
                .body("items.find { it.track == '" + slug + "' }.total", is(3))
                .body("items.find { it.track == '" + slug + "' }.items", nullValue());
        progress(slug, "someone-else-" + UUID.randomUUID()).statusCode(200).body("solved", is(0));
        given().get("/api/v1/me/tracks").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(candidate(user)).get("/api/v1/tracks/no-such-track/progress").then().statusCode(404);
    }

    private static ValidatableResponse progress(String slug, String user) {
        return given().auth().oauth2(candidate(user)).get("/api/v1/tracks/" + slug + "/progress").then();
    }

    private static void decide(TopicProbe decided, String user, String questionId, Integer part, String outcome) {
        String answerId = UUID.randomUUID().toString();
        String value = "{\"answerId\":\"" + answerId + "\",\"userId\":\"" + user + "\",\"questionId\":\"" + questionId
                + "\",\"part\":" + part + ",\"decision\":\"" + outcome + "\",\"decidedBy\":\"auto\",\"overall\":80,"
                + "\"decidedAt\":\"" + Instant.now() + "\"}";
        EventSchemas.assertAnswerDecided(value);
        decided.sendFrom("/answer-service", answerId, value);
    }


    private static String partTitle(String slug, int part) {
        return given().get("/api/v1/questions/" + slug).jsonPath().getString("parts[" + (part - 1) + "].title");
    }

    private static String id(String slug) {
        return given().get("/api/v1/questions/" + slug).jsonPath().getString("id");
    }

    static Map<String, Object> track(String slug, Map<?, ?>... items) {
        Map<String, Object> track = new LinkedHashMap<>();
        track.put("slug", slug);
        track.put("title", "Track " + slug);
        track.put("description", "Questions in order.");
        track.put("items", List.of(items));
        return track;
    }

    static Map<String, Object> item(String question, Integer part) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("question", question);
        if (part != null) {
            item.put("part", part);
        }
        return item;
    }

    private static ValidatableResponse write(String method, String path, String ifMatch, Map<String, Object> body) {
        var request = given().auth().oauth2(author()).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.request(method, path).then();
    }

    static void problem(ValidatableResponse response, int status, String type, String field) {
        response.statusCode(status).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/" + type))
                .body("errors.field", hasItem(field));
    }
}
