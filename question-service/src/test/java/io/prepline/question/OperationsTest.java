package io.prepline.question;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.UUID;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.TopicProbe;
import io.prepline.platform.http.ManagementEndpoints;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    /** Health, metrics and OpenAPI are on the management interface (a free port in tests), under {@code /q}. */
    private static String management() {
        return TestHTTPResourceManager.getManagementUri();
    }

    @Test
    void readinessIsUpWhenDatabaseAndBrokerAreReachable() {
        given().baseUri(management()).when().get("/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", is("UP"))
                .body("checks.find { it.name == 'Kafka connection health check' }.status", is("UP"));
    }

    @Test
    void healthMetricsOpenApiAndSwaggerUiAreServedOnTheManagementPortOnly() {
        ManagementEndpoints.assertOnlyOnTheManagementPort(management(), RestAssured.port);
    }

    @Test
    void recordSentToTheBrokerIsReadBack() {
        String key = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), "answers.decided.v1")) {
            probe.send(key, "{\"probe\":true}");
            probe.awaitKey(key, Duration.ofSeconds(20));
        }
    }
}
