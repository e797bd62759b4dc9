package io.prepline.platform.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class GcraTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void aKeySpendsItsWholeBudgetAtOnceThenWaitsForTheNextRequest() {
        Gcra limit = new Gcra(60, MINUTE, 1, 100);
        long now = 1_000 * SECOND;
        for (int i = 0; i < 60; i++) {
            Gcra.Decision d = limit.take("ada", now);
            assertTrue(d.allowed(), "request " + i);
            assertEquals(59 - i, d.remaining());
        }
        Gcra.Decision refused = limit.take("ada", now);
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.retryAfterSeconds(), "one request is earned back every second");
        assertEquals(60, refused.resetSeconds(), "the whole budget is back after a minute");
        assertTrue(limit.take("grace", now).allowed(), "keys have budgets of their own");
        assertFalse(limit.take("ada", now + SECOND - 1).allowed());
        assertTrue(limit.take("ada", now + SECOND).allowed());
    }

    @Test
    void aSteadyClientGetsTheLimitPerPeriodAndNoMore() {
        Gcra limit = new Gcra(100, MINUTE, 1, 100);
        int admitted = 0;
        long start = 5 * MINUTE;
        // 10 requests a second for 10 minutes: 6,000 asked, 100 + 100 per minute earned back
        for (long t = 0; t < 10 * MINUTE; t += SECOND / 10) {
            if (limit.take("bot", start + t).allowed()) {
                admitted++;
            }
        }
        assertEquals(100 + 10 * 100, admitted, 1.0);
    }

    @Test
    void twoInstancesSharingTrafficEvenlyHoldTheLimitWithinTenPercent() {
        long limit = 600;
        Gcra first = new Gcra(limit, MINUTE, 2, 100);
        Gcra second = new Gcra(limit, MINUTE, 2, 100);
        long start = 3 * MINUTE;
        int admitted = 0;
        int request = 0;
        // a client far over its limit (50 requests a second) for 5 minutes, round robin over the two instances
        for (long t = 0; t < 5 * MINUTE; t += SECOND / 50) {
            Gcra instance = request++ % 2 == 0 ? first : second;
            if (instance.take("client", start + t).allowed()) {
                admitted++;
            }
        }
        double expected = limit * 5 + limit; // the budget earned in 5 minutes plus the first full bucket
        assertTrue(Math.abs(admitted - expected) <= 0.1 * expected, "admitted " + admitted + " of " + expected);
        Gcra.Decision burst = new Gcra(limit, MINUTE, 2, 100).take("x", start);
        assertEquals(limit - 2, burst.remaining(), "headers report the limit of the whole service");
    }

    @Test
    void concurrentRequestsNeverSpendMoreThanTheBudget() throws Exception {
        Gcra limit = new Gcra(1000, TimeUnit.HOURS.toNanos(1), 1, 100);
        long now = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    int admitted = 0;
                    for (int i = 0; i < 500; i++) {
                        admitted += limit.take("shared", now).allowed() ? 1 : 0;
                    }
                    return admitted;
                }));
            }
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get();
            }
            assertEquals(1000, total);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pastMaxKeysIdleKeysAreForgottenAndNewOnesShareOneBudget() {
        Gcra limit = new Gcra(2, MINUTE, 1, 3);
        long now = 10 * MINUTE;
        limit.take("a", now);
        limit.take("b", now);
        limit.take("c", now);
        assertEquals(3, limit.keys());
        assertTrue(limit.take("d", now).allowed());
        assertTrue(limit.take("e", now).allowed());
        assertFalse(limit.take("f", now).allowed(), "d, e and f share the overflow budget of 2");
        assertTrue(limit.take("g", now + 2 * MINUTE).allowed(), "idle keys were swept");
        assertTrue(limit.keys() <= 3);
    }
}
