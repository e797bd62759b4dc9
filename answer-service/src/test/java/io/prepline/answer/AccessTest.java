package io.prepline.answer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.prepline.devstack.DevStack;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessTest {

    @Test
    void meNeedsASignedInUser() {
        given().when().get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2("not-a-token").when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void meReturnsTheTokenSubjectAndRoles() {
        String token = DevStack.shared().token("user-17", "candidate");
        given().auth().oauth2(token).when().get("/api/v1/me")
                .then().statusCode(200)
                .body("user", is("user-17"))
                .body("roles", hasItem("candidate"));
    }

    @Test
    void reviewQueueIsForbiddenToCandidates() {
        given().auth().oauth2(DevStack.shared().token("user-17", "candidate"))
                .when().get("/api/v1/reviews").then().statusCode(403);
        given().when().get("/api/v1/reviews").then().statusCode(401);
    }

    @Test
    void reviewQueueIsOpenToReviewers() {
        given().auth().oauth2(DevStack.shared().token("rev-1", "reviewer"))
                .when().get("/api/v1/reviews").then().statusCode(200);
    }
}
