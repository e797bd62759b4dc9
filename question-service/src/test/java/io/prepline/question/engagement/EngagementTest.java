package io.prepline.question.engagement;

import static io.prepline.question.Fixtures.author;
import static io.prepline.question.Fixtures.candidate;
import static io.prepline.question.Fixtures.question;
import static io.prepline.question.Fixtures.uniqueSlug;
import static io.restassured.RestAssured.given;
import static io.prepline.question.Fixtures.eventually;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class EngagementTest {

    /** The CloudEvents source of answers.decided.v1. */
    static final String ANSWER_SERVICE = "/answer-service";

    @Test
    void likingIsOncePerUserAndIdempotent() {
        String slug = created();
        String alice = candidate("alice-" + UUID.randomUUID());
        String bob = candidate("bob-" + UUID.randomUUID());
        given().auth().oauth2(alice).post("/api/v1/questions/" + slug + "/likes").then().statusCode(200)
                .body("liked", is(true)).body("likes", is(1));
        given().auth().oauth2(alice).post("/api/v1/questions/" + slug + "/likes").then().statusCode(200).body("likes", is(1));
        given().auth().oauth2(bob).post("/api/v1/questions/" + slug + "/likes").then().statusCode(200).body("likes", is(2));
        given().get("/api/v1/questions/" + slug).then().statusCode(200).body("counters.likes", is(2));
        given().auth().oauth2(alice).delete("/api/v1/questions/" + slug + "/likes").then().statusCode(200)
                .body("liked", is(false)).body("likes", is(1));
        given().auth().oauth2(alice).delete("/api/v1/questions/" + slug + "/likes").then().statusCode(200).body("likes", is(1));
        given().post("/api/v1/questions/" + slug + "/likes").then().statusCode(401);
    }

    @Test
    void approvedDecisionsCountOncePerUserAndUnlockTheFullSampleAnswer() {
        String slug = created();
        String id = given().get("/api/v1/questions/" + slug).jsonPath().getString("id");
        String user = "dana-" + UUID.randomUUID();
        String dana = candidate(user);

        given().get("/api/v1/questions/" + slug + "/sample-answer").then().statusCode(200)
                .body("full", is(false)).body("gate", is("SIGN_IN")).body("sections[0].body", endsWith("..."));
        given().auth().oauth2(dana).get("/api/v1/questions/" + slug + "/sample-answer").then().statusCode(200)
                .body("full", is(false)).body("gate", is("APPROVED_ANSWER_REQUIRED"));
        given().auth().oauth2(DevStack.shared().token("rita", "reviewer")).get("/api/v1/questions/" + slug + "/sample-answer")
                .then().statusCode(200).body("full", is(true)).body("gate", nullValue())
                .body("sections[0].body", endsWith("only approved candidates may read."));

        String rejected = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        try (TopicProbe decided = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), "answers.decided.v1")) {
            decided.sendFrom(ANSWER_SERVICE, rejected, decision(rejected, user, id, "REJECTED"));
            decided.sendFrom(ANSWER_SERVICE, first, decision(first, user, id, "APPROVED"));
            decided.sendFrom(ANSWER_SERVICE, first, decision(first, user, id, "APPROVED"));      // redelivery
            decided.sendFrom(ANSWER_SERVICE, second, decision(second, user, id, "APPROVED"));    // a second approved answer, same user
            decided.sendFrom(ANSWER_SERVICE, "garbage", "not json at all");
        }
        eventually(Duration.ofSeconds(90), () ->
                given().auth().oauth2(dana).get("/api/v1/questions/" + slug + "/sample-answer").then().statusCode(200)
                        .body("full", is(true)));
        eventually(Duration.ofSeconds(90), () ->
                given().get("/api/v1/questions/" + slug).then().body("counters.solved", is(1)));

        String other = "erin-" + UUID.randomUUID();
        String third = UUID.randomUUID().toString();
        try (TopicProbe decided = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), "answers.decided.v1")) {
            decided.sendFrom(ANSWER_SERVICE, third, decision(third, other, id, "APPROVED"));
        }
        eventually(Duration.ofSeconds(90), () ->
                given().get("/api/v1/questions/" + slug).then().body("counters.solved", is(2)));
    }

    @Test
    void anOverturnedApprovalWithdrawsTheSolveAndTheFullSampleAnswer() {
        String slug = created();
        String id = given().get("/api/v1/questions/" + slug).jsonPath().getString("id");
        String user = "fay-" + UUID.randomUUID();
        String answer = UUID.randomUUID().toString();
        try (TopicProbe decided = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), "answers.decided.v1")) {
            decided.sendFrom(ANSWER_SERVICE, answer, decision(answer, user, id, "APPROVED"));
        }
        eventually(Duration.ofSeconds(90), () ->
                given().get("/api/v1/questions/" + slug).then().body("counters.solved", is(1)));
        try (TopicProbe decided = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), "answers.decided.v1")) {
            decided.sendFrom(ANSWER_SERVICE, answer, decision(answer, user, id, "REJECTED"));
        }
        eventually(Duration.ofSeconds(90), () ->
                given().get("/api/v1/questions/" + slug).then().body("counters.solved", is(0)));
        given().auth().oauth2(candidate(user)).get("/api/v1/questions/" + slug + "/sample-answer").then().statusCode(200)
                .body("full", is(false));
    }

    public static String decision(String answerId, String user, String questionId, String outcome) {
        String value = "{\"answerId\":\"" + answerId + "\",\"userId\":\"" + user + "\",\"questionId\":\"" + questionId
                + "\",\"part\":null,\"decision\":\"" + outcome + "\",\"decidedBy\":\"auto\",\"overall\":80,"
                + "\"decidedAt\":\"" + Instant.now() + "\",\"futureField\":{\"ignored\":true}}";
        io.prepline.question.EventSchemas.assertAnswerDecided(value);
        return value;
    }

    static String created() {
        String slug = uniqueSlug("engagement");
        given().auth().oauth2(author()).contentType(ContentType.JSON)
                .body(question(slug, "Explain engagement", "Stripe", "Engagement")).post("/api/v1/questions")
                .then().statusCode(201);
        return slug;
    }
}
