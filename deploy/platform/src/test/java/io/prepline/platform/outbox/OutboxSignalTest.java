package io.prepline.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class OutboxSignalTest {

    private static final Duration LONG = Duration.ofMinutes(10);

    private final OutboxSignal signal = new OutboxSignal();

    @Test
    void aCommitSignalledBeforeTheWaitEndsItAtOnce() {
        signal.committed();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertTrue(signal.await(LONG)));
    }

    @Test
    void aCommitEndsAWaitInProgress() throws Exception {
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> signal.await(LONG));
        while (!waiting.isDone()) {
            signal.committed();
            Thread.sleep(10);
        }
        assertTrue(waiting.get(30, TimeUnit.SECONDS));
    }

    @Test
    void commitsThatCameTogetherEndOneWaitOnly() {
        signal.committed();
        signal.committed();
        signal.committed();
        assertTrue(signal.await(LONG));
        assertWaitsItsLongestPause(Duration.ofMillis(200));
    }

    @Test
    void withoutACommitTheWaitLastsItsLongestPause() {
        assertWaitsItsLongestPause(Duration.ofMillis(50));
    }

    @Test
    void anInterruptedWaitSaysSoAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        assertFalse(signal.await(LONG));
        assertTrue(Thread.interrupted());
    }

    private void assertWaitsItsLongestPause(Duration pause) {
        long started = System.nanoTime();
        assertTrue(signal.await(pause));
        assertTrue(System.nanoTime() - started >= pause.toNanos(), "the wait ended before its longest pause");
    }
}
