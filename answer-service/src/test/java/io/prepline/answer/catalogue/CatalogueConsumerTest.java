package io.prepline.answer.catalogue;

import static io.prepline.answer.Fixtures.awaitDeadLetter;
import static io.prepline.answer.Fixtures.awaitTrue;
import static io.prepline.answer.Fixtures.catalogueVersion;
import static io.prepline.answer.Fixtures.count;
import static io.prepline.answer.Fixtures.deadLetters;
import static io.prepline.answer.Fixtures.json;
import static io.prepline.answer.Fixtures.publishQuestion;
import static io.prepline.answer.Fixtures.publishSnapshot;
import static io.prepline.answer.Fixtures.send;
import static io.prepline.answer.Fixtures.snapshot;
import static io.prepline.answer.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import io.prepline.answer.Fixtures.Question;
import io.prepline.devstack.DevStack;
import io.prepline.devstack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogueConsumerTest {

    private static final String TOPIC = "catalogue.questions.v1";

    private static int submitStatus(Question q, Integer part) {
        return given().auth().oauth2(token("cat-user", "candidate")).contentType(ContentType.JSON)
                .body(json(q.slug(), part, "An answer")).when().post("/api/v1/answers").then().extract().statusCode();
    }

    @Test
    void olderOrRedeliveredSnapshotsChangeNothing() {
        Question q = publishQuestion("ACTIVE", 5, 2, false);
        // an older version arriving late must not bring back what version 5 changed (parts 1 and 2 only)
        send("catalogue.questions.v1", q.id().toString(), snapshot(q, "RETIRED", 4, 3, false));
        send("catalogue.questions.v1", q.id().toString(), snapshot(q, "ACTIVE", 5, 2, false));
        publishSnapshot(q, "ACTIVE", 6, 2, false); // a marker: once 6 is stored, 4 and the repeated 5 were consumed
        assertEquals(6, catalogueVersion(q.id()));
        assertEquals(2, count("SELECT count(*) FROM catalogue_part WHERE question_id = ?", q.id()));
        assertEquals(202, submitStatus(q, 2));
        assertEquals(422, submitStatus(q, 3));
    }

    @Test
    void retirementSnapshotClosesTheQuestion() {
        Question q = publishQuestion("ACTIVE", 1, 0, true);
        assertEquals(202, submitStatus(q, null));
        publishSnapshot(q, "RETIRED", 2, 0, true);
        assertEquals(422, submitStatus(q, null));
    }

    @Test
    void tombstoneRemovesTheQuestion() {
        Question q = publishQuestion("ACTIVE", 1, 1, true);
        send("catalogue.questions.v1", q.id().toString(), null);
        awaitTrue(() -> catalogueVersion(q.id()) == -1, "tombstone of " + q.slug());
        assertEquals(0, count("SELECT count(*) FROM catalogue_part WHERE question_id = ?", q.id()));
        assertEquals(422, submitStatus(q, null));
    }

    @Test
    void badSnapshotsGoToTheDeadLetterTopicWithTheirReasonAndLaterOnesStillApply() {
        Question q = publishQuestion("ACTIVE", 1, 0, true);
        Question other = publishQuestion("ACTIVE", 1, 0, true);
        String key = q.id().toString();
        double malformed = deadLetters("catalogue", "MALFORMED");
        double untrusted = deadLetters("catalogue", "UNTRUSTED_SOURCE");
        double invalid = deadLetters("catalogue", "INVALID");
        try (TopicProbe dlq = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), "answer-service.dlq");
             TopicProbe catalogue = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), TOPIC)) {
            send(TOPIC, key, "{not json");
            catalogue.sendFrom("/answer-service", key, snapshot(q, "RETIRED", 9, 0, true));
            catalogue.send(key, null);
            send(TOPIC, key, snapshot(q, "ACTIVE", 3, 0, true).replace("\"ACTIVE\"", "\"OPEN\""));
            send(TOPIC, key, snapshot(other, "RETIRED", 4, 0, true));
            publishSnapshot(q, "ACTIVE", 2, 1, true);

            awaitDeadLetter(dlq, key, "MALFORMED");
            assertEquals(2, dlq.collect(r -> key.equals(r.key())
                    && "UNTRUSTED_SOURCE".equals(TopicProbe.header(r, "dead-letter-reason")), Duration.ofSeconds(2))
                    .size(), "a forged retirement and a forged tombstone");
            assertTrue(TopicProbe.header(awaitDeadLetter(dlq, key, "INVALID"), "dead-letter-detail")
                    .contains("status \"OPEN\" is not one of"));
            assertEquals(2, dlq.collect(r -> key.equals(r.key())
                    && "INVALID".equals(TopicProbe.header(r, "dead-letter-reason")), Duration.ZERO).size(),
                    "a snapshot of another question under this key");
        }
        assertEquals(2, catalogueVersion(q.id()));
        assertEquals(202, submitStatus(q, 1));
        assertEquals(1, catalogueVersion(other.id()), "the other question is untouched");
        assertEquals(malformed + 1, deadLetters("catalogue", "MALFORMED"));
        assertEquals(untrusted + 2, deadLetters("catalogue", "UNTRUSTED_SOURCE"));
        assertEquals(invalid + 2, deadLetters("catalogue", "INVALID"));
    }

    @Test
    void slugTakenOverByAnotherQuestionPointsToTheNewQuestion() {
        Question old = publishQuestion("ACTIVE", 1, 0, true);
        Question renamed = new Question(java.util.UUID.randomUUID(), old.slug());
        publishSnapshot(renamed, "ACTIVE", 1, 2, false);
        assertEquals(202, submitStatus(renamed, 2));
        assertEquals(1, count("SELECT count(*) FROM catalogue_question WHERE slug = ? AND id = ?::uuid",
                old.slug(), renamed.id().toString()));
    }
}
