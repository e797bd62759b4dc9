package io.prepline.answer.warmup;

import static io.prepline.answer.Fixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.net.URL;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The warm-up (off at start-up in tests, run here) rehearses every round and leaves nothing behind. */
@QuarkusTest
class WarmUpTest {

    /** The loopback requests of one round, each refused with the status it expects. */
    private static final int REQUESTS_PER_ROUND = 5;

    @Inject
    WarmUp warmUp;

    @Inject
    MeterRegistry metrics;

    @TestHTTPResource("/")
    URL http;

    @Test
    void everyRoundRunsAndNothingItWroteStays() throws URISyntaxException {
        WarmUp.Report report = warmUp.run(http.toURI());

        assertEquals(3, report.rounds(), "answer.warm-up.rounds in tests (each with a valid token verified)");
        assertEquals(3 * REQUESTS_PER_ROUND, report.requests(), "loopback requests refused as expected");
        assertEquals(0, count("SELECT count(*) FROM answer WHERE user_id = ?", Rehearsal.USER));
        assertEquals(0, count("SELECT count(*) FROM xp_award WHERE user_id = ?", Rehearsal.USER));
        assertEquals(0, count("SELECT count(*) FROM catalogue_question WHERE slug LIKE ?", Rehearsal.SLUG_PREFIX + "%"));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE payload->>'userId' = ?", Rehearsal.USER));
        // refused requests are counted under their raw path (there is no route template before authentication):
        // the same paths every round, so a warm-up never fills the HTTP metrics' limit of distinct paths
        Set<String> refusedPaths = metrics.find("http.server.requests").tag("status", "401").meters().stream()
                .map(meter -> meter.getId().getTag("uri")).filter(uri -> uri.contains("00000000-0000"))
                .collect(Collectors.toSet());
        assertEquals(2, refusedPaths.size(), refusedPaths.toString());
    }
}
