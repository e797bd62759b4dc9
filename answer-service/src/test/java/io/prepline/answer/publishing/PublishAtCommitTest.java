package io.prepline.answer.publishing;

import static io.prepline.answer.Fixtures.activeQuestion;
import static io.prepline.answer.Fixtures.submit;
import static io.prepline.answer.Fixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.prepline.answer.Fixtures.Question;
import io.prepline.devstack.DevStack;
import io.prepline.devstack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The relay publishes an event when the transaction that wrote it commits: with the poll of an empty outbox an hour
 * apart, every accepted answer still reaches the topic.
 */
@QuarkusTest
@TestProfile(PublishAtCommitTest.RarePolls.class)
class PublishAtCommitTest {

    public static class RarePolls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("prepline.outbox.interval", "1h");
        }
    }

    @Test
    void eachAcceptedAnswerIsPublishedAtItsCommitNotAtTheNextPoll() throws Exception {
        Question q = activeQuestion();
        String candidate = token("commit-" + UUID.randomUUID(), "candidate");
        try (TopicProbe probe = TopicProbe.fromNow(DevStack.shared().bootstrapServers(), "answers.submitted.v1")) {
            for (int i = 0; i < 3; i++) {
                String id = submit(candidate, q.slug(), null, "Answer " + i + " of three").then().statusCode(202)
                        .extract().path("id");
                ConsumerRecord<String, String> record = probe.awaitKey(id, Duration.ofSeconds(30));
                assertEquals(id, record.key());
            }
        }
    }
}
