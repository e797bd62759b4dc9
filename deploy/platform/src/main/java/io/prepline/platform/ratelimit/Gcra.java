package io.prepline.platform.ratelimit;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One limit (so many requests per period) for many keys, with the generic cell rate algorithm: per key a single
 * "theoretical arrival time" moved forward by one emission interval per admitted request, so a key may spend its whole
 * budget at once and then earns it back evenly. Lock-free (one compare-and-set per request) and bounded: past
 * {@code maxKeys} idle keys are swept, and keys that still do not fit share one bucket (stricter, never looser).
 */
public final class Gcra {

    static final String OVERFLOW = "\u0000overflow";

    /** The outcome of one request: admitted or not, and the values of the RateLimit headers. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final long limit;
    private final long periodNanos;
    private final long emissionNanos;
    private final int instances;
    private final int maxKeys;
    private final ConcurrentHashMap<String, AtomicLong> arrivals = new ConcurrentHashMap<>();

    /**
     * {@code limit} requests per {@code periodNanos} across {@code instances} instances that share the traffic
     * evenly: this instance admits its share, {@code limit / instances}.
     */
    public Gcra(long limit, long periodNanos, int instances, int maxKeys) {
        if (limit < 1 || periodNanos < 1 || instances < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("limit, period, instances and maxKeys must be positive");
        }
        this.limit = limit;
        this.periodNanos = periodNanos;
        this.instances = instances;
        this.maxKeys = maxKeys;
        this.emissionNanos = Math.max(1, Math.round(periodNanos * (double) instances / limit));
    }

    public long limit() {
        return limit;
    }

    /** Spends one request of {@code key}'s budget at {@code now} (nanoTime), if there is one left. */
    public Decision take(String key, long now) {
        AtomicLong arrival = bucket(key, now);
        while (true) {
            long tat = arrival.get();
            long start = tat - now > 0 ? tat : now;
            long next = start + emissionNanos;
            long ahead = next - now;
            if (ahead > periodNanos) {
                return refused(start - now);
            }
            if (arrival.compareAndSet(tat, next)) {
                return admitted(ahead);
            }
        }
    }

    private Decision admitted(long ahead) {
        long left = (periodNanos - ahead) / emissionNanos;
        return new Decision(true, limit, Math.min(limit, left * instances), seconds(ahead), 0);
    }

    private Decision refused(long ahead) {
        long wait = ahead + emissionNanos - periodNanos;
        return new Decision(false, limit, 0, seconds(ahead), Math.max(1, seconds(wait)));
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    private AtomicLong bucket(String key, long now) {
        AtomicLong known = arrivals.get(key);
        if (known != null) {
            return known;
        }
        if (arrivals.size() >= maxKeys) {
            sweep(now);
            if (arrivals.size() >= maxKeys) {
                return arrivals.computeIfAbsent(OVERFLOW, ignored -> new AtomicLong(now));
            }
        }
        return arrivals.computeIfAbsent(key, ignored -> new AtomicLong(now));
    }

    /** Forgets keys whose budget is whole again: they would start from a full bucket anyway. */
    private void sweep(long now) {
        for (Iterator<Map.Entry<String, AtomicLong>> it = arrivals.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue().get() - now <= 0) {
                it.remove();
            }
        }
    }

    int keys() {
        return arrivals.size();
    }
}
