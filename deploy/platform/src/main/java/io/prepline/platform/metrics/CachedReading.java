package io.prepline.platform.metrics;

import java.time.Duration;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * A reading that costs a query (a backlog, a queue's depth), taken at most once per {@code maxAge} however many gauges
 * read it and however often Prometheus scrapes: each gauge of a reading reads the same cached value. A failed reading
 * keeps the last value (null before the first one), and is tried again only after {@code maxAge}, so a database that
 * does not answer costs a scrape at most one timeout per period.
 */
public final class CachedReading<T> {

    private static final Logger LOG = Logger.getLogger(CachedReading.class);

    private final String name;
    private final Supplier<T> read;
    private final long maxAgeNanos;
    private T value;
    private long readAt;
    private boolean tried;

    public CachedReading(String name, Duration maxAge, Supplier<T> read) {
        this.name = name;
        this.read = read;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The last reading, read again when it is older than {@code maxAge}; null when none succeeded yet. */
    public synchronized T get() {
        long now = System.nanoTime();
        if (!tried || now - readAt >= maxAgeNanos) {
            tried = true;
            readAt = now;
            try {
                value = read.get();
            } catch (RuntimeException e) {
                LOG.debugf(e, "reading %s for the metrics failed; the last value stays", name);
            }
        }
        return value;
    }
}
