package io.prepline.platform.messaging;

import java.time.Duration;

/** A wait that doubles from {@code min} up to {@code max} with each failure and returns to {@code min} on success. */
public final class Backoff {

    private final Duration min;
    private final Duration max;
    private Duration current;

    public Backoff(Duration min, Duration max) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + " and " + max);
        }
        this.min = min;
        this.max = max;
        this.current = min;
    }

    /** The wait after this failure; the next one is twice as long, up to the maximum. */
    public synchronized Duration next() {
        Duration wait = current;
        Duration doubled = current.multipliedBy(2);
        current = doubled.compareTo(max) > 0 ? max : doubled;
        return wait;
    }

    public synchronized void reset() {
        current = min;
    }

    /** Sleeps for {@link #next()}; false when interrupted (the interrupt flag is set again). */
    public boolean pause() {
        return sleep(next());
    }

    /** Sleeps; false when interrupted (the interrupt flag is set again). */
    public static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
