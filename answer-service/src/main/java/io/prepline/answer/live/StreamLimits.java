package io.prepline.answer.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.prepline.answer.AnswerConfig;
import io.prepline.platform.PlatformConfig;
import io.prepline.platform.problem.ProblemException;

/**
 * Bounds the open event streams of this instance: {@code answer.live.max-streams-per-user} per user and
 * {@code answer.live.max-streams} in all. Beyond either a new stream is refused with 429 and {@code Retry-After}
 * ({@code prepline.http.retry-after}); a place is given back when its stream ends, however it ends.
 */
@ApplicationScoped
public class StreamLimits {

    /** A place for one open stream; {@link #release()} gives it back, once however often it is called. */
    public interface Place {
        void release();
    }

    @Inject
    AnswerConfig config;

    @Inject
    PlatformConfig platform;

    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    /** A place for one more stream of {@code user}, or 429. */
    public Place take(String user) {
        if (open.incrementAndGet() > config.live().maxStreams()) {
            open.decrementAndGet();
            throw refused("this instance has as many open event streams as it serves");
        }
        int limit = config.live().maxStreamsPerUser();
        AtomicBoolean admitted = new AtomicBoolean();
        perUser.compute(user, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= limit) {
                return count;
            }
            admitted.set(true);
            return current + 1;
        });
        if (!admitted.get()) {
            open.decrementAndGet();
            throw refused("you have " + limit + " event streams open, the most one user may hold; close one first");
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                perUser.computeIfPresent(user, (key, count) -> count <= 1 ? null : count - 1);
                open.decrementAndGet();
            }
        };
    }

    private ProblemException refused(String detail) {
        return ProblemException.tooManyRequests(detail, platform.http().retryAfter());
    }
}
