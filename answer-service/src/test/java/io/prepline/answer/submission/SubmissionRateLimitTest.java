package io.prepline.answer.submission;

import static io.prepline.answer.Fixtures.metric;
import static io.prepline.answer.Fixtures.submit;
import static io.prepline.answer.Fixtures.token;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import io.prepline.platform.ratelimit.RateLimits;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubmissionRateLimitTest {

    @Inject
    RateLimits limits;

    @Test
    void aUserOverTheSubmissionsLimitGets429WithRetryAfterAndOthersAreNotAffected() {
        String user = "rl-" + UUID.randomUUID();
        double refused = metric("prepline_rate_limited_total", "policy", AnswerResource.SUBMISSIONS);
        // the same limiter the resource uses: spend this user's whole budget
        while (limits.take(AnswerResource.SUBMISSIONS, user).allowed()) {
            // spending
        }
        submit(token(user, "candidate"), "any-question", null, "An answer.").then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/too-many-requests"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*")).header("RateLimit-Limit", "1000")
                .header("RateLimit-Remaining", "0").header("RateLimit-Reset", matchesPattern("[1-9][0-9]*"));
        submit(token("rl-" + UUID.randomUUID(), "candidate"), "no-such-question", null, "An answer.").then()
                .statusCode(422);
        assertEquals(refused + 2, metric("prepline_rate_limited_total", "policy", AnswerResource.SUBMISSIONS),
                "the refusal that ended the spending and the 429");
    }
}
