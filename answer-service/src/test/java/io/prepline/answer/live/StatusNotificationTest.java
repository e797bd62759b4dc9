package io.prepline.answer.live;

import static io.prepline.answer.Fixtures.activeQuestion;
import static io.prepline.answer.Fixtures.awaitTrue;
import static io.prepline.answer.Fixtures.connection;
import static io.prepline.answer.Fixtures.count;
import static io.prepline.answer.Fixtures.publishScore;
import static io.prepline.answer.Fixtures.scored;
import static io.prepline.answer.Fixtures.submitted;
import static io.prepline.answer.Fixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.prepline.answer.Fixtures.Question;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * With the safety re-check far beyond these tests' timeouts (the test profile's {@code answer.live.recheck-interval}
 * is 10 minutes), every event that arrives after a stream's first read was brought by a PostgreSQL notification.
 */
@QuarkusTest
class StatusNotificationTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void statusChangesArriveByNotificationLongBeforeTheRecheck() throws Exception {
        Question q = activeQuestion();
        String user = "notified-" + UUID.randomUUID();
        String id = submitted(user, q);
        EventStream stream = new EventStream(base, id, token(user, "candidate"), null);
        awaitTrue(() -> stream.names.contains("SUBMITTED"), "SUBMITTED on the stream");
        assertEquals(List.of("SUBMITTED"), new ArrayList<>(stream.names), "nothing else before the score");
        publishScore(id, scored(id, q, 1, 88, 0.9, "PASS", "1.0.0", 4));
        assertEquals(200, stream.awaitEnd(), "ended after the decision, well before the 10-minute re-check");
        assertEquals(List.of("SUBMITTED", "SCORED", "APPROVED"), stream.names);
    }

    @Test
    void aChangeCommittedByAnotherInstanceReachesTheStream() throws Exception {
        Question q = activeQuestion();
        String user = "notified-" + UUID.randomUUID();
        String id = submitted(user, q);
        EventStream stream = new EventStream(base, id, token(user, "candidate"), null);
        awaitTrue(() -> stream.names.contains("SUBMITTED"), "SUBMITTED on the stream");
        // what another instance's decision writes, in a transaction of its own
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO answer_status_history (answer_id, status, overall, actor) VALUES (?, 'REJECTED', 5, ?)")) {
            ps.setObject(1, UUID.fromString(id));
            ps.setString(2, "rev-elsewhere");
            ps.executeUpdate();
        }
        assertEquals(200, stream.awaitEnd());
        assertEquals(List.of("SUBMITTED", "REJECTED"), stream.names);
    }

    @Test
    void streamsGetTheirEventsWhenTheListeningConnectionIsDropped() throws Exception {
        Question q = activeQuestion();
        String user = "notified-" + UUID.randomUUID();
        String id = submitted(user, q);
        EventStream stream = new EventStream(base, id, token(user, "candidate"), null);
        awaitTrue(() -> stream.names.contains("SUBMITTED"), "SUBMITTED on the stream");
        awaitTrue(() -> listeners() == 1, "one listening connection");
        assertEquals(1, count("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                + "WHERE application_name = ?", StatusNotifications.APPLICATION_NAME));
        // the change may commit while nobody listens: the listener re-reads every stream once it is back
        publishScore(id, scored(id, q, 1, 88, 0.9, "PASS", "1.0.0", 4));
        assertEquals(200, stream.awaitEnd());
        assertEquals(List.of("SUBMITTED", "SCORED", "APPROVED"), stream.names);
        awaitTrue(() -> listeners() == 1, "listening again");
    }

    private static long listeners() {
        return count("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?",
                StatusNotifications.APPLICATION_NAME);
    }
}
