package io.prepline.answer;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.SharedStack;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BrokerOutageReadinessTest {

    @Test
    void readinessGoesDownWhileTheBrokerIsStoppedAndRecovers() {
        SharedStack stack = DevStack.shared();
        awaitReadiness(200);
        stack.stopKafka();
        try {
            awaitReadiness(503);
        } finally {
            stack.startKafka();
        }
        awaitReadiness(200);
    }

    private static void awaitReadiness(int status) {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        int last;
        do {
            last = given().baseUri(TestHTTPResourceManager.getManagementUri()).when().get("/health/ready").then().extract().statusCode();
            if (last == status) {
                return;
            }
            sleep();
        } while (Instant.now().isBefore(end));
        throw new AssertionError("readiness stayed " + last + ", expected " + status);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
