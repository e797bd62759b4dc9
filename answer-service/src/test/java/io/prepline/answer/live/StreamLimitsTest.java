package io.prepline.answer.live;

import static io.prepline.answer.Fixtures.activeQuestion;
import static io.prepline.answer.Fixtures.awaitTrue;
import static io.prepline.answer.Fixtures.connection;
import static io.prepline.answer.Fixtures.submitted;
import static io.prepline.answer.Fixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.prepline.answer.Fixtures.Question;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Open event streams are bounded per user and per instance, given back when the client goes away, and checked
 * against the history with one query per re-check whatever their number (counted by pg_stat_statements).
 */
@QuarkusTest
@TestProfile(StreamLimitsTest.SmallInstance.class)
class StreamLimitsTest {

    static final int PER_USER = 5;
    static final int PER_INSTANCE = 8;
    /** The re-check of all open streams, and one stream's read of its history (pg_stat_statements' texts). */
    private static final String RECHECK = "SELECT answer_id, max(id) FROM answer_status_history%";
    private static final String READ = "SELECT id, status, overall, actor, at FROM answer_status_history%";

    public static class SmallInstance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("answer.live.max-streams", String.valueOf(PER_INSTANCE),
                    "answer.live.recheck-interval", "250ms");
        }
    }

    @TestHTTPResource("/")
    URL base;

    private final List<OpenStream> open = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        open.forEach(OpenStream::close);
        open.clear();
        // the server gives the places back once it sees the connections go
        String user = "live-" + UUID.randomUUID();
        String answer = submitted(user, activeQuestion());
        awaitTrue(() -> opens(user, answer), "places given back");
    }

    @Test
    void aUserBeyondTheLimitGets429UntilOneOfTheirStreamsEnds() {
        String user = "live-" + UUID.randomUUID();
        String answer = submitted(user, activeQuestion());
        for (int i = 0; i < PER_USER; i++) {
            follow(user, answer);
        }
        OpenStream refused = OpenStream.open(base, answer, token(user, "candidate"));
        refused.close();
        assertEquals(429, refused.status);
        assertEquals("application/problem+json", refused.headers.get("content-type"));
        assertTrue(Integer.parseInt(refused.headers.get("retry-after")) >= 1, "Retry-After in seconds");

        open.remove(0).close();
        awaitTrue(() -> opens(user, answer), "a place after the client closed one of its streams");
    }

    @Test
    void theInstanceLimitHoldsForAllUsersTogether() {
        Question q = activeQuestion();
        String first = "live-" + UUID.randomUUID();
        String second = "live-" + UUID.randomUUID();
        String firstAnswer = submitted(first, q);
        String secondAnswer = submitted(second, q);
        for (int i = 0; i < PER_USER; i++) {
            follow(first, firstAnswer);
        }
        for (int i = PER_USER; i < PER_INSTANCE; i++) {
            follow(second, secondAnswer);
        }
        String third = "live-" + UUID.randomUUID();
        String thirdAnswer = submitted(third, q);
        try (OpenStream refused = OpenStream.open(base, thirdAnswer, token(third, "candidate"))) {
            assertEquals(429, refused.status, "a user with no stream open, on a full instance");
        }
        open.remove(0).close();
        awaitTrue(() -> opens(third, thirdAnswer), "a place after another user's stream ended");
    }

    @Test
    void oneQueryPerRecheckChecksAllOpenStreamsAndOnlyAStreamBehindReads() throws Exception {
        Question q = activeQuestion();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String user = "live-" + UUID.randomUUID();
            String answer = submitted(user, q);
            answers.add(answer);
            follow(user, answer);
        }
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        long checks = calls(RECHECK);
        long reads = calls(READ);
        Thread.sleep(2_500); // about 10 re-checks of 250 ms with 6 streams open and nothing changing
        long checked = calls(RECHECK) - checks;
        assertTrue(checked >= 4 && checked <= 14, "one query per re-check, not one per stream: " + checked);
        assertEquals(0, calls(READ) - reads, "no stream read its history: nothing was new");

        // a change that sends no notification (as if it were lost) reaches its stream by the re-check alone
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica"); // the notifying trigger does not fire
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO answer_status_history (answer_id, status, overall, actor)
                    VALUES (?, 'NEEDS_REVIEW', 50, 'rev-elsewhere')""")) {
                insert.setObject(1, UUID.fromString(answers.get(2)));
                insert.executeUpdate();
            }
        }
        long before = calls(READ);
        open.get(2).awaitEvent("NEEDS_REVIEW");
        long read = calls(READ) - before;
        assertTrue(read >= 1 && read <= 2, "the stream behind the history read it, no other: " + read);
    }

    /** Executions of statements starting like {@code pattern} in this database so far. */
    private static long calls(String pattern) throws SQLException {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement("""
                SELECT coalesce(sum(calls), 0) FROM pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query LIKE ?""")) {
            ps.setString(1, pattern);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void follow(String user, String answer) {
        OpenStream stream = OpenStream.open(base, answer, token(user, "candidate"));
        open.add(stream);
        assertEquals(200, stream.status, "stream " + open.size() + " of " + user);
        stream.awaitEvent("SUBMITTED");
    }

    private boolean opens(String user, String answer) {
        try (OpenStream stream = OpenStream.open(base, answer, token(user, "candidate"))) {
            return stream.status == 200;
        }
    }
}
