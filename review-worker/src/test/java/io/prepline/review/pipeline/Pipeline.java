package io.prepline.review.pipeline;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.response.Response;

/** Waits for the worker's pipeline in {@code @QuarkusTest}s: it starts in the background with the application. */
public final class Pipeline {

    private Pipeline() {
    }

    public static void awaitReady() {
        Instant end = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(end)) {
            if (readiness().statusCode() == 200) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("the scoring pipeline was not ready within 90 s: "
                + readiness().asString());
    }

    /** Readiness, from the management interface (a free port in tests). */
    private static Response readiness() {
        return given().baseUri(TestHTTPResourceManager.getManagementUri()).when().get("/health/ready");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
