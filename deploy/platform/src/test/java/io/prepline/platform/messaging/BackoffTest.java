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

    @Test
    void retryReturnsTheFirstSuccessAndRethrowsTheLastFailure() {
        AtomicInteger calls = new AtomicInteger();
        Backoff quick = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1));
        assertEquals("ok", Retry.run("flaky", 3, quick, () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
            }
            return "ok";
        }));
        calls.set(0);
        IllegalStateException last = assertThrows(IllegalStateException.class, () -> Retry.run("broken", 3, quick, () -> {
            throw new IllegalStateException("failure " + calls.incrementAndGet());
        }));
        assertEquals("failure 3", last.getMessage());
    }
}
