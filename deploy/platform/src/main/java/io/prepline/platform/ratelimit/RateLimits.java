package io.prepline.platform.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.prepline.platform.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The rate limits of this instance, one {@link Gcra} per policy of {@code prepline.rate-limit.policies}. A resource
 * calls {@link #require} with its policy and the caller's key; a refusal leaves as 429 problem+json with
 * {@code Retry-After} and the {@code RateLimit-*} headers ({@link RateLimitExceeded}). Refusals are counted in
 * {@code prepline_rate_limited_total{policy}}.
 */
@ApplicationScoped
public class RateLimits {

    @Inject
    PlatformConfig config;
    @Inject
    MeterRegistry metrics;

    private final Map<String, Gcra> limiters = new ConcurrentHashMap<>();

    public boolean enabled() {
        return config.rateLimit().enabled();
    }

    /** Spends one request of {@code key} under {@code policy}; null when limits are off. */
    public Gcra.Decision take(String policy, String key) {
        if (!enabled()) {
            return null;
        }
        Gcra.Decision decision = limiter(policy).take(key, System.nanoTime());
        if (!decision.allowed()) {
            Counter.builder("prepline.rate.limited").description("Requests refused by a rate limit")
                    .tag("policy", policy).register(metrics).increment();
        }
        return decision;
    }

    /** Spends one request of {@code key} under {@code policy}, or refuses it with 429. */
    public void require(String policy, String key) {
        Gcra.Decision decision = take(policy, key);
        if (decision != null && !decision.allowed()) {
            throw new RateLimitExceeded(policy, decision);
        }
    }

    private Gcra limiter(String policy) {
        Gcra known = limiters.get(policy);
        return known != null ? known : limiters.computeIfAbsent(policy, this::create);
    }

    private Gcra create(String policy) {
        PlatformConfig.RateLimit settings = config.rateLimit();
        PlatformConfig.RateLimit.Policy limit = settings.policies().get(policy);
        if (limit == null) {
            throw new IllegalStateException("no rate limit policy '" + policy + "': set prepline.rate-limit.policies."
                    + policy + ".limit");
        }
        return new Gcra(limit.limit(), limit.period().toNanos(), settings.instances(), settings.maxKeys());
    }

    /** The RateLimit headers of a decision (and Retry-After when refused), for any kind of response. */
    public static void headers(Gcra.Decision decision, BiConsumer<String, String> header) {
        header.accept("RateLimit-Limit", Long.toString(decision.limit()));
        header.accept("RateLimit-Remaining", Long.toString(decision.remaining()));
        header.accept("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            header.accept("Retry-After", Long.toString(decision.retryAfterSeconds()));
        }
    }
}
