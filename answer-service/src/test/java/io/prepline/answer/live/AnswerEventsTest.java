package io.prepline.answer.live;

import static io.prepline.answer.Fixtures.activeQuestion;
import static io.prepline.answer.Fixtures.awaitStatus;
import static io.prepline.answer.Fixtures.publishScore;
import static io.prepline.answer.Fixtures.scored;
import static io.prepline.answer.Fixtures.submitted;
import static io.prepline.answer.Fixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.prepline.answer.Fixtures;
import io.prepline.answer.Fixtures.Question;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AnswerEventsTest {

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    /** An open event stream: collects "event:" names and "id:" values until the server ends it. */
    private final class Stream {
        final List<String> names = new CopyOnWriteArrayList<>();
        final List<String> ids = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> ended;

        Stream(String answerId, String token, String lastEventId) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "api/v1/answers/" + answerId + "/events"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            ended = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).thenApply(response -> {
                response.body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        names.add(line.substring(6).strip());
                    } else if (line.startsWith("id:")) {
                        ids.add(line.substring(3).strip());
                    }
                });
                return response.statusCode();
            });
        }

        int awaitEnd() throws Exception {
            return ended.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void streamPushesSubmittedScoredAndTheDecisionAsTheyHappen() throws Exception {
        Question q = activeQuestion();
        String user = "live-" + UUID.randomUUID();
        String id = submitted(user, q);
        Stream stream = new Stream(id, token(user, "candidate"), null);
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
        Stream all = new Stream(id, token("rev-live", "reviewer"), null);
        assertEquals(200, all.awaitEnd());
        assertEquals(List.of("SUBMITTED", "SCORED", "REJECTED"), all.names);
        Stream resumed = new Stream(id, token(user, "candidate"), all.ids.get(0));
        assertEquals(200, resumed.awaitEnd());
        assertEquals(List.of("SCORED", "REJECTED"), resumed.names);
    }

    @Test
    void anotherCandidatesStreamIsNotFound() throws Exception {
        Question q = activeQuestion();
        String id = submitted("live-" + UUID.randomUUID(), q);
        Stream stranger = new Stream(id, token("live-stranger", "candidate"), null);
        assertEquals(404, stranger.awaitEnd());
        assertTrue(stranger.names.isEmpty());
    }
}
