package io.prepline.answer.scoring;

import static io.prepline.answer.Fixtures.activeQuestion;
import static io.prepline.answer.Fixtures.awaitDeadLetter;
import static io.prepline.answer.Fixtures.awaitStatus;
import static io.prepline.answer.Fixtures.count;
import static io.prepline.answer.Fixtures.deadLetter;
import static io.prepline.answer.Fixtures.deadLetters;
import static io.prepline.answer.Fixtures.send;
import static io.prepline.answer.Fixtures.submitted;
import static io.prepline.answer.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import io.prepline.answer.Fixtures.Question;
import io.prepline.devstack.DevStack;
import io.prepline.devstack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeadLetterTest {

    private static final String DLQ = "answers.submitted.v1.dlq";

    @Test
    void deadLetteredSubmissionGoesToAReviewerWithTheReasonExactlyOnce() {
        Question q = activeQuestion();
        String id = submitted("dl-" + UUID.randomUUID(), q);
        String letter = deadLetter(id, "RUBRIC_MISSING", "2026-11-23T19:05:00Z");
        send(DLQ, id, letter);
        awaitStatus(id, "NEEDS_REVIEW");
        send(DLQ, id, letter); // redelivered
        // a marker behind the redelivery on the same partition (same key): once it is handled, so is the redelivery
        send(DLQ, id, deadLetter(id, "SCORING_FAILED", "2026-11-23T19:06:00Z"));
        io.prepline.answer.Fixtures.awaitTrue(() -> count("SELECT count(*) FROM dead_letter WHERE answer_id = ?::uuid",
                id) == 2, "both dead letters recorded");
        assertEquals(1, count("""
                SELECT count(*) FROM answer_status_history WHERE answer_id = ?::uuid AND status = 'NEEDS_REVIEW'""", id));
        given().auth().oauth2(token("dl-rev", "reviewer")).when().get("/api/v1/reviews/" + id)
                .then().statusCode(200)
                .body("answer.reviewReason", is("RUBRIC_MISSING: question has no rubric after the grace period"))
                .body("history.status", org.hamcrest.Matchers.contains("SUBMITTED", "NEEDS_REVIEW"))
                .body("history[1].actor", is("dead-letter"));
        given().auth().oauth2(token("dl-rev", "reviewer")).queryParam("question", q.slug())
                .when().get("/api/v1/reviews")
                .then().statusCode(200)
                .body("items.answerId", hasItem(id))
                .body("items.find { it.answerId == '" + id + "' }.reviewReason",
                        is("RUBRIC_MISSING: question has no rubric after the grace period"));
        // the reviewer decides it without a score
        given().auth().oauth2(token("dl-rev", "reviewer")).contentType(ContentType.JSON)
                .body("{\"decision\":\"REJECTED\",\"comment\":\"Off topic.\"}")
                .when().post("/api/v1/reviews/" + id + "/decision").then().statusCode(200)
                .body("status", is("REJECTED"));
    }

    @Test
    void badDeadLettersGoToThisServicesDeadLetterTopicAndTheConsumerGoesOn() {
        Question q = activeQuestion();
        String id = submitted("dl-" + UUID.randomUUID(), q);
        String ghost = UUID.randomUUID().toString();
        double invalid = deadLetters("dead-letters", "INVALID");
        try (TopicProbe dlq = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), "answer-service.dlq");
             TopicProbe letters = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), DLQ)) {
            send(DLQ, id, "not json");
            send(DLQ, id, "{\"reason\":\"NO_SUCH_REASON\",\"detail\":\"x\",\"submission\":null,\"failedAt\":\"2026-11-23T19:05:00Z\"}");
            send(DLQ, id, "{\"reason\":\"MALFORMED\",\"detail\":\"x\",\"submission\":\"not json\"}");
            send(DLQ, "not-a-uuid", "{\"reason\":\"MALFORMED\",\"detail\":\"x\",\"submission\":\"not json\",\"failedAt\":\"2026-11-23T19:05:00Z\"}");
            send(DLQ, ghost, deadLetter(ghost, "UNKNOWN_QUESTION", "2026-11-23T19:05:00Z"));
            letters.sendFrom("/question-service", id, deadLetter(id, "SCORING_FAILED", "2026-11-23T19:05:00Z"));
            // a valid dead letter with the answer id only in the key (the submission was not JSON)
            send(DLQ, id, "{\"reason\":\"MALFORMED\",\"detail\":\"not JSON\",\"submission\":\"{oops\",\"failedAt\":\"2026-11-23T19:05:00Z\"}");
            awaitStatus(id, "NEEDS_REVIEW");

            awaitDeadLetter(dlq, id, "MALFORMED");
            assertTrue(TopicProbe.header(awaitDeadLetter(dlq, id, "INVALID"), "dead-letter-detail")
                    .contains("reason \"NO_SUCH_REASON\" is not one of"));
            assertTrue(TopicProbe.header(awaitDeadLetter(dlq, "not-a-uuid", "INVALID"), "dead-letter-detail")
                    .contains("is not an id"));
            awaitDeadLetter(dlq, id, "UNTRUSTED_SOURCE");
            awaitDeadLetter(dlq, ghost, "UNKNOWN_REFERENCE");
        }
        given().auth().oauth2(token("dl-rev", "reviewer")).when().get("/api/v1/reviews/" + id)
                .then().statusCode(200).body("answer.reviewReason", is("MALFORMED: not JSON"));
        assertEquals(invalid + 3, deadLetters("dead-letters", "INVALID"), "unknown reason, no failedAt, no id");
    }

    @Test
    void aForgedSubmissionRefusedByTheWorkerIsRecordedButDoesNotMoveTheAnswer() {
        Question q = activeQuestion();
        String id = submitted("dl-" + UUID.randomUUID(), q);
        send(DLQ, id, deadLetter(id, "UNTRUSTED_SOURCE", "2026-11-23T19:05:00Z"));
        io.prepline.answer.Fixtures.awaitTrue(() -> count("SELECT count(*) FROM dead_letter WHERE answer_id = ?::uuid",
                id) == 1, "the dead letter recorded");
        assertEquals("SUBMITTED", io.prepline.answer.Fixtures.status(id));
    }

    @Test
    void deadLetterForAnAnswerThatWasScoredMeanwhileChangesNothing() {
        Question q = activeQuestion();
        String id = submitted("dl-" + UUID.randomUUID(), q);
        io.prepline.answer.Fixtures.publishScore(id,
                io.prepline.answer.Fixtures.scored(id, q, 1, 85, 0.9, "PASS", "1.0.0", 4));
        awaitStatus(id, "APPROVED");
        send(DLQ, id, deadLetter(id, "SCORING_FAILED", "2026-11-23T19:07:00Z"));
        io.prepline.answer.Fixtures.awaitTrue(() -> count("SELECT count(*) FROM dead_letter WHERE answer_id = ?::uuid",
                id) == 1, "the dead letter recorded");
        assertEquals("APPROVED", io.prepline.answer.Fixtures.status(id));
    }
}
