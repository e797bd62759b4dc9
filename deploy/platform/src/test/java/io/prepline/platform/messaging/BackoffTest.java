package io.prepline.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsDoubleUpToTheMaximumAndStartOverAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(350));
        assertEquals(Duration.ofMillis(100), backoff.next());
        assertEquals(Duration.ofMillis(200), backoff.next());
        assertEquals(Duration.ofMillis(350), backoff.next());
        assertEquals(Duration.ofMillis(350), backoff.next());
        backoff.reset();
        assertEquals(Duration.ofMillis(100), backoff.next());
    }

    private static final Backoff QUICK = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1));

    @Test
    void retryReturnsTheFirstSuccessAndRethrowsTheLastFailure() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals("ok", Retry.run("flaky", 3, QUICK, e -> Retry.Failure.RETRIABLE, () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
            }
            return "ok";
        }));
        calls.set(0);
        IllegalStateException last = assertThrows(IllegalStateException.class,
                () -> Retry.run("broken", 3, QUICK, e -> Retry.Failure.RETRIABLE, () -> {
                    throw new IllegalStateException("failure " + calls.incrementAndGet());
                }));
        assertEquals("failure 3", last.getMessage());
    }

    @Test
    void transientFailuresAreRetriedBeyondTheAttemptsAndPermanentOnesNotAtAll() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals("ok", Retry.run("waiting for the database", 2, QUICK,
                e -> e instanceof IllegalStateException ? Retry.Failure.TRANSIENT : Retry.Failure.RETRIABLE, () -> {
                    if (calls.incrementAndGet() < 10) {
                        throw new IllegalStateException("database unreachable");
                    }
                    return "ok";
                }));
        assertEquals(10, calls.get());
        calls.set(0);
        assertThrows(IllegalArgumentException.class, () -> Retry.run("refused", 5, QUICK,
                e -> Retry.Failure.PERMANENT, () -> {
                    calls.incrementAndGet();
                    throw new IllegalArgumentException("never");
                }));
        assertEquals(1, calls.get());
    }
}
