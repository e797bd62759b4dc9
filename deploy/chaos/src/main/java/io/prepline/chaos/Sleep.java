package io.prepline.chaos;

import java.time.Duration;

/** Sleeping that keeps the thread's interrupt. */
final class Sleep {

    private Sleep() {
    }

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void of(Duration duration) {
        millis(Math.max(0, duration.toMillis()));
    }
}
