package io.prepline.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** What the clients saw: every answer accepted (202), with its idempotency key, and the requests that failed. */
final class Ledger {

    /** An answer the service accepted: the client holds its id. */
    record Accepted(String userId, String idempotencyKey, String answerId, String question, Instant acceptedAt,
                    int attempts) {
    }

    private final ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();

    void accepted(Accepted answer) {
        accepted.add(answer);
    }

    /** A request the service refused for good (4xx): the load is wrong, or the service is. */
    void refused(String why) {
        refused.add(why);
    }

    void retried() {
        retries.incrementAndGet();
    }

    /** A submission still not accepted when its client gave up. */
    void gaveUp() {
        abandoned.incrementAndGet();
    }

    List<Accepted> accepted() {
        return new ArrayList<>(accepted);
    }

    List<String> refused() {
        return new ArrayList<>(refused);
    }

    int retries() {
        return retries.get();
    }

    int abandoned() {
        return abandoned.get();
    }
}
