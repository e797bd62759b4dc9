package io.prepline.platform.ratelimit;

import java.util.List;

import io.prepline.platform.problem.Problem;
import io.prepline.platform.problem.ProblemException;
import io.prepline.platform.problem.ProblemType;

/** A request over its rate limit: 429 problem+json with Retry-After and the RateLimit headers. */
public class RateLimitExceeded extends ProblemException {

    private final transient Gcra.Decision decision;

    public RateLimitExceeded(String policy, Gcra.Decision decision) {
        super(ProblemType.TOO_MANY_REQUESTS, "rate limit '" + policy + "' of " + decision.limit()
                + " requests reached; retry after " + decision.retryAfterSeconds() + " s", List.of());
        this.decision = decision;
    }

    public Gcra.Decision decision() {
        return decision;
    }

    /** The problem of a refused request answered outside REST (a route filter). */
    public static Problem problem(String policy, Gcra.Decision decision) {
        return new RateLimitExceeded(policy, decision).toProblem();
    }
}
