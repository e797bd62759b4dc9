package io.prepline.answer;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import static io.prepline.answer.Fixtures.activeQuestion;
import static io.prepline.answer.Fixtures.count;
import static io.prepline.answer.Fixtures.json;
import static io.prepline.answer.Fixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.prepline.answer.Fixtures.Question;
import io.prepline.devstack.DevStack;
import io.prepline.devstack.SharedStack;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL frozen (SIGSTOP, as a hung host) while candidates submit: every request is answered within 2 s, 503
 * problem+json with Retry-After while the database cannot serve, 202 again after it resumes; liveness stays up; a
 * refused submission retried with its Idempotency-Key is stored exactly once.
 */
@QuarkusTest
class DatabaseOutageTest {

    static final long FAST_MILLIS = 2_000;
    static final int WORKERS = 4;
    static final Duration FROZEN = Duration.ofSeconds(5);
    static final String BODY = "Pruning removes weights that matter little, which makes the model smaller.";

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Outcome(String user, String key, Instant at, long millis, int status, String contentType,
                   String retryAfter, String body) {
    }

    @Test
    void submissionsUnderAFrozenDatabaseAnswer503WithinTwoSecondsAndRecover() throws Exception {
        Question q = activeQuestion();
        SharedStack stack = DevStack.shared();
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(WORKERS);
        for (int i = 0; i < WORKERS; i++) {
            String user = "outage-" + UUID.randomUUID();
            load.execute(() -> {
                while (running.get()) {
                    outcomes.add(submit(user, q, UUID.randomUUID().toString()));
                    pause(250);
                }
            });
        }
        pause(1_500);
        Instant frozenAt = Instant.now();
        Instant resumedAt;
        int liveness;
        long livenessMillis;
        int readiness;
        stack.freezePostgres();
        try {
            pause(1_500);
            long started = System.nanoTime();
            liveness = management("/health/live").statusCode();
            livenessMillis = (System.nanoTime() - started) / 1_000_000;
            readiness = management("/health/ready").statusCode();
            pause(FROZEN.toMillis() - 1_500);
        } finally {
            stack.resumePostgres();
            resumedAt = Instant.now();
        }
        pause(4_000);
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));

        assertEquals(200, liveness, "liveness while the database is frozen");
        assertTrue(livenessMillis < FAST_MILLIS, "liveness answered in " + livenessMillis + " ms");
        assertEquals(503, readiness, "readiness while the database is frozen");
        List<Outcome> all = List.copyOf(outcomes);
        for (Outcome o : all) {
            assertTrue(o.status == 202 || o.status == 503, "202 or 503, never " + o.status + ": " + o.body);
            assertTrue(o.millis < FAST_MILLIS, "answered in " + o.millis + " ms (status " + o.status + ")");
        }
        List<Outcome> refused = all.stream().filter(o -> o.status == 503).toList();
        System.out.printf("database frozen %d s under %d submitting users: %d requests, %d answered 503, slowest %d ms%n",
                FROZEN.toSeconds(), WORKERS, all.size(), refused.size(),
                all.stream().mapToLong(Outcome::millis).max().orElse(0));
        assertTrue(refused.size() >= 2 * WORKERS, "503s while frozen: " + refused.size());
        for (Outcome o : refused) {
            assertEquals("application/problem+json", o.contentType);
            assertEquals("https://prepline.io/problems/unavailable", JsonPath.from(o.body).getString("type"));
            assertTrue(Integer.parseInt(o.retryAfter) >= 1, "Retry-After " + o.retryAfter);
        }
        Instant frozenWell = frozenAt.plusMillis(FAST_MILLIS);
        Instant stillFrozen = resumedAt.minusMillis(FAST_MILLIS);
        assertTrue(all.stream().filter(o -> o.at.isAfter(frozenWell) && o.at.isBefore(stillFrozen))
                .allMatch(o -> o.status == 503), "nothing is accepted while the database is frozen");
        Instant recovered = resumedAt.plusSeconds(2);
        List<Outcome> after = all.stream().filter(o -> o.at.isAfter(recovered)).toList();
        assertTrue(!after.isEmpty() && after.stream().allMatch(o -> o.status == 202),
                "accepted again after the database resumed: " + after.stream().map(Outcome::status).toList());

        // a refused submission may still have committed (its COMMIT waited in the frozen server's socket): the
        // client retries with the same key and gets the one answer either way
        for (Outcome o : refused) {
            Outcome retried = submit(o.user, q, o.key);
            assertEquals(202, retried.status, retried.body);
        }
        for (Outcome o : all) {
            assertEquals(1, count("SELECT count(*) FROM answer WHERE user_id = ? AND idempotency_key = ?", o.user,
                    o.key), "answers for key " + o.key + " (first answered " + o.status + ")");
        }
    }

    private Outcome submit(String user, Question q, String key) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/answers"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user, "candidate"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json(q.slug(), null, BODY)))
                .build();
        Instant at = Instant.now();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(user, key, at, (System.nanoTime() - started) / 1_000_000, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        } catch (Exception e) {
            return new Outcome(user, key, at, (System.nanoTime() - started) / 1_000_000, -1, null, null, e.toString());
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path.substring(1))).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> management(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(TestHTTPResourceManager.getManagementUri() + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
