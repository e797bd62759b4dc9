package io.prepline.review.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.SharedStack;
import io.prepline.devstack.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;

/** A broker outage delays scoring but loses nothing: the pipeline resumes and scores what was submitted. */
@QuarkusTest
class BrokerOutageTest {

    @Test
    void submissionsAreScoredAfterTheBrokerComesBack() {
        Pipeline.awaitReady();
        SharedStack stack = DevStack.shared();
        String question = UUID.randomUUID().toString();
        String before = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        try (TopicProbe catalogue = TopicProbe.fromNow(stack.bootstrapServers(), "catalogue.questions.v1");
             TopicProbe submitted = TopicProbe.fromNow(stack.bootstrapServers(), "answers.submitted.v1")) {
            catalogue.sendFrom(Fixtures.QUESTION_SERVICE, question, Fixtures.question(question, "outage-" + question));
            submitted.sendFrom(Fixtures.ANSWER_SERVICE, before, Fixtures.submission(before, question, null, Fixtures.GOOD_ANSWER));
        }
        stack.stopKafka();
        try {
            Pipeline.sleep(5_000);
        } finally {
            stack.startKafka();
        }
        try (TopicProbe submitted = TopicProbe.fromNow(stack.bootstrapServers(), "answers.submitted.v1");
             TopicProbe scored = TopicProbe.fromBeginning(stack.bootstrapServers(), "answers.scored.v1")) {
            submitted.sendFrom(Fixtures.ANSWER_SERVICE, after, Fixtures.submission(after, question, null, Fixtures.GOOD_ANSWER));
            for (String answer : new String[] {before, after}) {
                JsonNode event = Fixtures.read(scored.awaitKey(answer, Duration.ofSeconds(120)).value());
                assertEquals(question, event.get("questionId").asText());
            }
        }
        Pipeline.awaitReady();
    }
}
