package io.prepline.review.pipeline;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;

/** Waits for the worker's pipeline in {@code @QuarkusTest}s: it starts in the background with the application. */
public final class Pipeline {

    private Pipeline() {
    }

    public static void awaitReady() {
        Instant end = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(end)) {
            if (given().when().get("/q/health/ready").statusCode() == 200) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("the scoring pipeline was not ready within 90 s: "
                + given().when().get("/q/health/ready").asString());
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
