package io.prepline.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A rate limit held by two instances of a service together: one client's anonymous reads, spread round robin over two
 * question-service processes (as a load balancer spreads them), at three times the limit's rate.
 */
@ExtendWith(TestStack.class)
class RateLimitIT {

    /** The service's limit: requests per period for one client address, whatever the instance count. */
    private static final int LIMIT = 100;
    private static final Duration PERIOD = Duration.ofSeconds(5);
    private static final Duration LOAD = Duration.ofSeconds(10);
    private static final int REQUESTS_PER_SECOND = 3 * LIMIT / (int) PERIOD.toSeconds();

    @Test
    void twoInstancesTogetherAdmitTheServiceLimitWithinTenPercent() throws Exception {
        List<ServiceProcess> instances = TestStack.get().startQuestionServices("question-service-limited", 2, Map.of(
                "PREPLINE_RATE_LIMIT_INSTANCES", "2",
                "PREPLINE_RATE_LIMIT_POLICIES_ANONYMOUS_READS_LIMIT", String.valueOf(LIMIT),
                "PREPLINE_RATE_LIMIT_POLICIES_ANONYMOUS_READS_PERIOD", PERIOD.toSeconds() + "s",
                "PREPLINE_OUTBOX_RELAY", "false"));
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            int total = (int) (REQUESTS_PER_SECOND * LOAD.toSeconds());
            List<CompletableFuture<HttpResponse<Void>>> responses = new ArrayList<>(total);
            AtomicReference<HttpResponse<Void>> refused = new AtomicReference<>();
            long periodNanos = 1_000_000_000L / REQUESTS_PER_SECOND;
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long wait = start + i * periodNanos - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                HttpRequest get = HttpRequest.newBuilder(URI.create(instances.get(i % 2).url() + "/api/v1/questions"))
                        .timeout(Duration.ofSeconds(10)).GET().build();
                responses.add(http.sendAsync(get, HttpResponse.BodyHandlers.discarding()));
            }
            int admitted = 0;
            for (CompletableFuture<HttpResponse<Void>> f : responses) {
                HttpResponse<Void> response = f.join();
                assertTrue(response.statusCode() == 200 || response.statusCode() == 429, "status " + response.statusCode());
                if (response.statusCode() == 200) {
                    admitted++;
                } else {
                    refused.set(response);
                }
            }
            // the whole budget at once, then the limit's rate for the rest of the load
            long expected = LIMIT + LIMIT * LOAD.toSeconds() / PERIOD.toSeconds();
            System.out.printf("two instances, %d requests at %d/s round robin: %d admitted, %d expected%n", total,
                    REQUESTS_PER_SECOND, admitted, expected);
            assertTrue(Math.abs(admitted - expected) <= 0.1 * expected,
                    "admitted " + admitted + " of " + total + ", the limit allows " + expected);
            HttpResponse<Void> last = refused.get();
            assertEquals(String.valueOf(LIMIT), last.headers().firstValue("RateLimit-Limit").orElse(null),
                    "the headers give the service's limit, not an instance's share");
            assertTrue(last.headers().firstValue("Retry-After").isPresent(), "a refusal says when to come back");
        } finally {
            ServiceProcess.stopAll(instances);
        }
    }
}
