package io.prepline.review.preview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Map;
import java.util.UUID;

import io.prepline.devstack.DevStack;
import io.prepline.platform.ratelimit.RateLimits;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScorePreviewRateLimitTest {

    @Inject
    RateLimits limits;

    @Test
    void aUserOverThePreviewLimitGets429WithRetryAfter() {
        String user = "preview-rl-" + UUID.randomUUID();
        while (limits.take(ScorePreviewResource.PREVIEWS, user).allowed()) {
            // spend this user's whole budget with the limiter the resource uses
        }
        given().auth().oauth2(DevStack.shared().token(user, "author")).contentType(ContentType.JSON)
                .body(Map.of("question", "any-question", "body", "Pruning.")).post("/api/v1/score-preview").then()
                .statusCode(429).contentType("application/problem+json")
                .body("type", is("https://prepline.io/problems/too-many-requests"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*")).header("RateLimit-Remaining", "0");
    }
}
