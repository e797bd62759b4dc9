package io.prepline.answer.live;

import static io.prepline.answer.Fixtures.activeQuestion;
import static io.prepline.answer.Fixtures.awaitStatus;
import static io.prepline.answer.Fixtures.publishScore;
import static io.prepline.answer.Fixtures.scored;
import static io.prepline.answer.Fixtures.submitted;
import static io.prepline.answer.Fixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.prepline.answer.Fixtures;
import io.prepline.answer.Fixtures.Question;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AnswerEventsTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void streamPushesSubmittedScoredAndTheDecisionAsTheyHappen() throws Exception {
        Question q = activeQuestion();
        String user = "live-" + UUID.randomUUID();
        String id = submitted(user, q);
        EventStream stream = new EventStream(base, id, token(user, "candidate"), null);
        Fixtures.awaitTrue(() -> stream.names.contains("SUBMITTED"), "SUBMITTED on the stream");
        assertEquals(List.of("SUBMITTED"), new ArrayList<>(stream.names), "nothing else before the score");
        publishScore(id, scored(id, q, 1, 88, 0.9, "PASS", "1.0.0", 4));
        assertEquals(200, stream.awaitEnd());
        assertEquals(List.of("SUBMITTED", "SCORED", "APPROVED"), stream.names);
    }

    @Test
    void streamResumesAfterLastEventIdAndReviewersMayFollowAnyAnswer() throws Exception {
        Question q = activeQuestion();
        String user = "live-" + UUID.randomUUID();
        String id = submitted(user, q);
        publishScore(id, scored(id, q, 1, 10, 0.9, "FAIL", "1.0.0", 0));
        awaitStatus(id, "REJECTED");
        EventStream all = new EventStream(base, id, token("rev-live", "reviewer"), null);
        assertEquals(200, all.awaitEnd());
        assertEquals(List.of("SUBMITTED", "SCORED", "REJECTED"), all.names);
        EventStream resumed = new EventStream(base, id, token(user, "candidate"), all.ids.get(0));
        assertEquals(200, resumed.awaitEnd());
        assertEquals(List.of("SCORED", "REJECTED"), resumed.names);
    }

    @Test
    void anotherCandidatesStreamIsNotFound() throws Exception {
        Question q = activeQuestion();
        String id = submitted("live-" + UUID.randomUUID(), q);
        EventStream stranger = new EventStream(base, id, token("live-stranger", "candidate"), null);
        assertEquals(404, stranger.awaitEnd());
        assertTrue(stranger.names.isEmpty());
    }
}
