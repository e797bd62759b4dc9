package io.prepline.answer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.UUID;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessIsUpWhenDatabaseAndBrokerAreReachable() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", is("UP"))
                .body("checks.find { it.name == 'Kafka connection health check' }.status", is("UP"));
    }

    @Test
    void metricsOpenApiAndSwaggerUiAreServed() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200).body("openapi", is("3.1.0"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
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
