package io.prepline.question.catalogue;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import static io.prepline.question.Fixtures.PRUNING_AMAZON;
import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.eventually;
import static io.prepline.question.Fixtures.question;
import static io.prepline.question.Fixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.SharedStack;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL frozen (SIGSTOP, as a hung host): cached pages and lists, and new searches (from the search index), are
 * still served, also after the change listener
 * has lost its connection; what needs the database answers 503 problem+json with Retry-After within 2 s; liveness
 * stays up and readiness goes down; everything works again after the database resumes. The test profile's change
 * listeners check their connection every second, so they notice the freeze within about two seconds.
 */
@QuarkusTest
class DatabaseOutageTest {

    static final long FAST_MILLIS = 2_000;
    static final Duration FROZEN = Duration.ofSeconds(5);

    @Inject
    CatalogueChanges changes;

    @Test
    void cachedReadsAndSearchesGoOnWhileTheDatabaseIsFrozenAndWhatNeedsItAnswers503Fast() {
        eventually(Duration.ofSeconds(15), () -> assertTrue(changes.listening(), "listening for changes"));
        String title = cachedReads();
        SharedStack stack = DevStack.shared();
        boolean listenerLost = false;
        int readsAfterLoss = 0;
        stack.freezePostgres();
        try {
            long end = System.nanoTime() + FROZEN.toNanos();
            while (System.nanoTime() < end) {
                boolean lost = !changes.listening();
                assertEquals(title, timed(this::detail, 200).path("title"), "cached page while frozen");
                timed(this::list, 200);
                unavailable(timed(() -> given().get("/api/v1/questions/no-such-question-" + UUID.randomUUID()), 503));
                // a search never made before comes from the search index, which needs no database
                int limit = 1 + (int) (Math.random() * 100);
                timed(() -> given().queryParam("q", "pruned models").queryParam("limit", limit)
                        .get("/api/v1/questions"), 200).then().body("total", greaterThanOrEqualTo(4));
                if (lost) {
                    listenerLost = true;
                    readsAfterLoss++;
                }
            }
            unavailable(timed(() -> given().auth().oauth2(author()).contentType(ContentType.JSON)
                    .body(question(uniqueSlug("outage"), "Explain outages", "Stripe", "Reliability"))
                    .post("/api/v1/questions"), 503));
            timed(() -> given().baseUri(TestHTTPResourceManager.getManagementUri()).get("/health/live"), 200);
            given().baseUri(TestHTTPResourceManager.getManagementUri()).get("/health/ready").then().statusCode(503);
        } finally {
            stack.resumePostgres();
        }
        assertTrue(listenerLost && readsAfterLoss > 0, "cached reads went on after the listener lost its connection");

        eventually(Duration.ofSeconds(30), () -> {
            given().get("/api/v1/questions/no-such-question").then().statusCode(404);
            assertTrue(changes.listening(), "listening again");
        });
        given().baseUri(TestHTTPResourceManager.getManagementUri()).get("/health/ready").then().statusCode(200);
        assertEquals(title, detail().then().statusCode(200).extract().path("title"));
    }

    /** Reads a page and a list twice, so they are cached; the page's title. */
    private String cachedReads() {
        String title = detail().then().statusCode(200).extract().path("title");
        list().then().statusCode(200);
        detail().then().statusCode(200);
        list().then().statusCode(200);
        assertFalse(title.isBlank());
        return title;
    }

    private Response detail() {
        return given().get("/api/v1/questions/" + PRUNING_AMAZON);
    }

    private Response list() {
        return given().queryParam("company", "Amazon").get("/api/v1/questions");
    }

    /** The response, checked for its status and for coming within 2 s. */
    private static Response timed(Supplier<Response> request, int status) {
        long started = System.nanoTime();
        Response response = request.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(millis < FAST_MILLIS, "answered " + status + " in " + millis + " ms");
        return response;
    }

    private static void unavailable(Response response) {
        response.then().contentType(startsWith("application/problem+json"))
                .body("type", is("https://prepline.io/problems/unavailable")).body("status", is(503));
        assertTrue(Integer.parseInt(response.header("Retry-After")) >= 1, "Retry-After");
    }
}
