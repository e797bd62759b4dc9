package io.prepline.answer.submission;

import static io.prepline.answer.Fixtures.activeQuestion;
import static io.prepline.answer.Fixtures.count;
import static io.prepline.answer.Fixtures.json;
import static io.prepline.answer.Fixtures.publishQuestion;
import static io.prepline.answer.Fixtures.submit;
import static io.prepline.answer.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.prepline.answer.Fixtures.Question;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubmissionTest {

    @TestHTTPResource("/")
    URL base;

    private static String newUser() {
        return "cand-" + UUID.randomUUID();
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user, "candidate")).contentType(ContentType.JSON);
    }

    private static long answersOf(String user) {
        return count("SELECT count(*) FROM answer WHERE user_id = ?", user);
    }

    @Test
    void submittingReturns202WithTheAnswerAndItsLocation() {
        Question q = activeQuestion();
        String user = newUser();
        String location = as(user).body(json(q.slug(), null, "  Pruning removes weights.  "))
                .when().post("/api/v1/answers")
                .then().statusCode(202)
                .header("Location", containsString("/api/v1/answers/"))
                .body("status", is("SUBMITTED"))
                .body("revision", is(1))
                .body("questionId", is(q.id().toString()))
                .body("questionSlug", is(q.slug()))
                .body("body", is("Pruning removes weights."))
                .body("score", nullValue())
                .extract().header("Location");
        given().auth().oauth2(token(user, "candidate")).when().get(location)
                .then().statusCode(200).body("userId", is(user)).body("status", is("SUBMITTED"));
    }

    @Test
    void questionMayBeNamedByIdAndPartsAreAnsweredSeparately() {
        Question q = publishQuestion("ACTIVE", 1, 2, false);
        String user = newUser();
        as(user).body(json(q.id().toString(), 2, "Part two answer")).when().post("/api/v1/answers")
                .then().statusCode(202).body("part", is(2)).body("revision", is(1));
        as(user).body(json(q.slug(), 1, "Part one answer")).when().post("/api/v1/answers")
                .then().statusCode(202).body("part", is(1)).body("revision", is(1));
    }

    @Test
    void resubmittingToTheSameQuestionMakesANewRevisionAndKeepsTheFirst() {
        Question q = activeQuestion();
        String user = newUser();
        String first = as(user).body(json(q.slug(), null, "First try")).when().post("/api/v1/answers")
                .then().statusCode(202).body("revision", is(1)).extract().path("id");
        as(user).body(json(q.slug(), null, "Second try")).when().post("/api/v1/answers")
                .then().statusCode(202).body("revision", is(2));
        given().auth().oauth2(token(user, "candidate")).when().get("/api/v1/answers/" + first)
                .then().statusCode(200).body("body", is("First try")).body("revision", is(1));
        assertEquals(2, answersOf(user));
    }

    @Test
    void submittingTwiceWithSameKeyReturnsFirstAnswer() {
        Question q = activeQuestion();
        String user = newUser();
        String key = UUID.randomUUID().toString();
        String first = as(user).header("Idempotency-Key", key).body(json(q.slug(), null, "Same body"))
                .when().post("/api/v1/answers").then().statusCode(202).extract().path("id");
        as(user).header("Idempotency-Key", key).body(json(q.slug(), null, "Same body"))
                .when().post("/api/v1/answers").then().statusCode(202)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith(first))
                .body("id", is(first)).body("revision", is(1));
        assertEquals(1, answersOf(user));
    }

    @Test
    void concurrentRequestsWithTheSameKeyCreateOneAnswer() throws Exception {
        Question q = activeQuestion();
        String user = newUser();
        String key = UUID.randomUUID().toString();
        List<String> ids = parallel(8, () -> as(user).header("Idempotency-Key", key)
                .body(json(q.slug(), null, "Raced body")).when().post("/api/v1/answers")
                .then().statusCode(202).extract().path("id"));
        assertEquals(1, new HashSet<>(ids).size());
        assertEquals(1, answersOf(user));
    }

    @Test
    void concurrentSubmissionsGetDistinctConsecutiveRevisions() throws Exception {
        Question q = activeQuestion();
        String user = newUser();
        List<Integer> revisions = parallel(8, () -> as(user).body(json(q.slug(), null, "Again"))
                .when().post("/api/v1/answers").then().statusCode(202).extract().<Integer>path("revision"));
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8), new HashSet<>(revisions));
    }

    private static <T> List<T> parallel(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reusingAKeyForADifferentBodyIsRefusedWith422() {
        Question q = activeQuestion();
        String user = newUser();
        String key = UUID.randomUUID().toString();
        as(user).header("Idempotency-Key", key).body(json(q.slug(), null, "One body"))
                .when().post("/api/v1/answers").then().statusCode(202);
        as(user).header("Idempotency-Key", key).body(json(q.slug(), null, "Another body"))
                .when().post("/api/v1/answers").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/idempotency-key-reused"))
                .body("errors.field", hasItem("Idempotency-Key"));
        assertEquals(1, answersOf(user));
    }

    @Test
    void emptyBodyIsRefusedNamingTheFieldAndNothingIsWritten() {
        Question q = activeQuestion();
        String user = newUser();
        // an empty body breaks the rule; a body of white space only is refused while it is read (the field's format)
        Map<String, String> refusals = Map.of("", "invalid-request", "   \n\t ", "invalid-json");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            as(user).body(json(q.slug(), null, refusal.getKey())).when().post("/api/v1/answers")
                    .then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                    .body("type", is("https://prepline.io/problems/" + refusal.getValue()))
                    .body("status", is(400))
                    .body("errors.field", hasItem("body"));
        }
        as(user).body("{\"question\":\"" + q.slug() + "\"}").when().post("/api/v1/answers")
                .then().statusCode(400).body("errors.field", hasItem("body"));
        assertEquals(0, answersOf(user));
    }

    @Test
    void bodyLongerThan20000CharactersIsRefusedAndOversizedRequestsGet413() {
        Question q = activeQuestion();
        String user = newUser();
        as(user).body(json(q.slug(), null, "é".repeat(20_000))).when().post("/api/v1/answers")
                .then().statusCode(202);
        as(user).body(json(q.slug(), null, "x".repeat(20_001))).when().post("/api/v1/answers")
                .then().statusCode(400).body("errors.field", hasItem("body"));
        as(user).body(json(q.slug(), null, "x".repeat(200_000))).when().post("/api/v1/answers")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/payload-too-large"));
        assertEquals(1, answersOf(user));
    }

    @Test
    void chunkedBodyOverTheLimitGets413ProblemAndNothingIsWritten() throws Exception {
        Question q = activeQuestion();
        String user = newUser();
        HttpResponse<String> refused = postChunked(user, json(q.slug(), null, "x".repeat(200_000)));
        assertEquals(413, refused.statusCode());
        assertEquals(Optional.of("application/problem+json"), refused.headers().firstValue("Content-Type"));
        JsonPath problem = JsonPath.from(refused.body());
        assertEquals("https://prepline.io/problems/payload-too-large", problem.getString("type"));
        assertEquals("$", problem.getString("errors[0].field"));
        assertEquals(0, answersOf(user));
        HttpResponse<String> accepted = postChunked(user, json(q.slug(), null, "Pruning removes weights."));
        assertEquals(202, accepted.statusCode());
        assertEquals("Pruning removes weights.", JsonPath.from(accepted.body()).getString("body"));
        assertEquals(1, answersOf(user));
    }

    /** Sends the body as a stream of unknown length (chunked, without Content-Length) after 100 Continue. */
    private HttpResponse<String> postChunked(String user, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/answers"))
                .version(HttpClient.Version.HTTP_1_1)
                .expectContinue(true)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user, "candidate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void unknownQuestionOrPartIsRefusedNamingTheField() {
        Question single = activeQuestion();
        Question multi = publishQuestion("ACTIVE", 1, 2, false);
        String user = newUser();
        as(user).body(json("no-such-question", null, "x")).when().post("/api/v1/answers")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/unknown-question"))
                .body("errors.field", hasItem("question"));
        as(user).body(json(UUID.randomUUID().toString(), null, "x")).when().post("/api/v1/answers")
                .then().statusCode(422).body("errors.field", hasItem("question"));
        as(user).body(json(single.slug(), 1, "x")).when().post("/api/v1/answers")
                .then().statusCode(422).body("errors.field", hasItem("part"));
        as(user).body(json(multi.slug(), 3, "x")).when().post("/api/v1/answers")
                .then().statusCode(422).body("type", is("https://prepline.io/problems/unknown-part"))
                .body("errors.field", hasItem("part"));
        as(user).body(json(multi.slug(), null, "x")).when().post("/api/v1/answers")
                .then().statusCode(422).body("errors.field", hasItem("part"));
        as(user).body(json(multi.slug(), 0, "x")).when().post("/api/v1/answers")
                .then().statusCode(400).body("errors.field", hasItem("part"));
        assertEquals(0, answersOf(user));
    }

    @Test
    void retiredQuestionTakesNoAnswers() {
        Question q = publishQuestion("RETIRED", 3, 0, true);
        String user = newUser();
        as(user).body(json(q.slug(), null, "x")).when().post("/api/v1/answers")
                .then().statusCode(422).body("type", is("https://prepline.io/problems/question-not-open"))
                .body("errors.field", hasItem("question"));
        assertEquals(0, answersOf(user));
    }

    @Test
    void invalidJsonAndWrongTypesAreRefusedNamingTheField() {
        Question q = activeQuestion();
        String user = newUser();
        as(user).body("{\"question\":").when().post("/api/v1/answers")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("$"));
        as(user).body("{\"question\":\"" + q.slug() + "\",\"part\":\"two\",\"body\":\"x\"}")
                .when().post("/api/v1/answers")
                .then().statusCode(400).body("errors.field", hasItem("part"));
        as(user).body("{\"question\":\"" + q.slug() + "\",\"part\":1.5,\"body\":\"x\"}")
                .when().post("/api/v1/answers")
                .then().statusCode(400).body("errors.field", hasItem("part"));
        as(user).body("{\"question\":\"" + q.slug() + "\",\"body\":42}")
                .when().post("/api/v1/answers")
                .then().statusCode(400).body("errors.field", hasItem("body"));
        as(user).body("[1,2]").when().post("/api/v1/answers").then().statusCode(400);
        as(user).body("").when().post("/api/v1/answers")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(0, answersOf(user));
    }

    @Test
    void candidatesCannotSetServerOwnedFields() {
        Question q = activeQuestion();
        String user = newUser();
        for (String field : new String[] {"status", "score", "xp", "overall", "id", "userId"}) {
            as(user).body("{\"question\":\"" + q.slug() + "\",\"body\":\"x\",\"" + field + "\":\"APPROVED\"}")
                    .when().post("/api/v1/answers")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(field));
        }
        assertEquals(0, answersOf(user));
    }

    @Test
    void onlyCandidatesSubmit() {
        Question q = activeQuestion();
        given().contentType(ContentType.JSON).body(json(q.slug(), null, "x")).when().post("/api/v1/answers")
                .then().statusCode(401);
        given().auth().oauth2(token("rev-9", "reviewer")).contentType(ContentType.JSON)
                .body(json(q.slug(), null, "x")).when().post("/api/v1/answers").then().statusCode(403);
    }

    @Test
    void anotherCandidatesAnswerIsNotFoundButReviewersSeeIt() {
        Question q = activeQuestion();
        String id = submit(token(newUser(), "candidate"), q.slug(), null, "Mine").then().statusCode(202)
                .extract().path("id");
        given().auth().oauth2(token(newUser(), "candidate")).when().get("/api/v1/answers/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token("rev-2", "reviewer")).when().get("/api/v1/answers/" + id)
                .then().statusCode(200).body("id", is(id));
        given().auth().oauth2(token("rev-2", "reviewer")).when().get("/api/v1/answers/not-a-uuid")
                .then().statusCode(404);
    }
}
