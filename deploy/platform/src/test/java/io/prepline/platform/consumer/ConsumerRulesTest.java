package io.prepline.platform.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.prepline.platform.messaging.EventJson;
import io.prepline.platform.messaging.Retry;
import io.prepline.platform.pg.PgErrors;
import org.junit.jupiter.api.Test;

/** How consumed records are read, validated and classified, without a broker or a database. */
class ConsumerRulesTest {

    record Score(UUID answerId, Integer overall, String verdict, List<Item> items) {
        Score {
            EventChecks checks = EventChecks.of().required("answerId", answerId).range("overall", overall, 0, 100)
                    .oneOf("verdict", verdict, Set.of("PASS", "FAIL"));
            if (items != null) {
                for (int i = 0; i < items.size(); i++) {
                    checks.range("items[" + i + "].score", items.get(i) == null ? null : items.get(i).score(), 0, 4);
                }
            }
            checks.orReject();
        }
    }

    record Item(Integer score) {
    }

    private static RejectedRecord rejected(String json) {
        return assertThrows(RejectedRecord.class, () -> EventJson.readEvent(json, Score.class));
    }

    @Test
    void aValidEventIsReadWithUnknownFieldsIgnored() {
        UUID id = UUID.randomUUID();
        Score score = EventJson.readEvent("{\"answerId\":\"" + id + "\",\"overall\":80,\"verdict\":\"PASS\","
                + "\"items\":[{\"score\":4}],\"later\":{\"x\":1}}", Score.class);
        assertEquals(new Score(id, 80, "PASS", List.of(new Item(4))), score);
    }

    @Test
    void whatIsNotTheEventsShapeIsMalformed() {
        assertEquals(RejectedRecord.Reason.MALFORMED, rejected(null).reason());
        assertEquals(RejectedRecord.Reason.MALFORMED, rejected("null").reason());
        assertTrue(rejected("{not json").detail().startsWith("not JSON"));
        assertTrue(rejected("{\"answerId\":\"not-a-uuid\"}").detail().startsWith("answerId has the wrong type"));
        assertTrue(rejected("{\"overall\":99.5}").detail().startsWith("overall has the wrong type"));
        assertTrue(rejected("{\"overall\":\"99\"}").detail().startsWith("overall has the wrong type"));
        assertTrue(rejected("{\"verdict\":1}").detail().startsWith("verdict has the wrong type"));
        assertTrue(rejected("{\"items\":[{\"score\":\"4\"}]}").detail().startsWith("items[0].score has the wrong type"));
        assertEquals(RejectedRecord.Reason.MALFORMED, rejected("{\"answerId\":\"" + UUID.randomUUID()
                + "\",\"overall\":1,\"verdict\":\"FAIL\"} trailing").reason());
    }

    @Test
    void whatBreaksTheRulesIsInvalidNamingEveryField() {
        RejectedRecord invalid = rejected("{\"overall\":140,\"verdict\":\"GREAT\",\"items\":[{\"score\":1},{\"score\":9}]}");
        assertEquals(RejectedRecord.Reason.INVALID, invalid.reason());
        assertEquals("answerId is required; overall 140 is not within 0-100; verdict \"GREAT\" is not one of "
                + String.join(", ", Set.of("PASS", "FAIL")) + "; items[1].score 9 is not within 0-4", invalid.detail());
    }

    @Test
    void databaseFailuresAreTransientWhenTryingAgainMayHelp() {
        assertTrue(PgErrors.isTransient(new RuntimeException(new SQLException("lock", "55P03"))));
        assertTrue(PgErrors.isTransient(new SQLException("serialization", "40001")));
        assertTrue(PgErrors.isTransient(new SQLException("deadlock", "40P01")));
        assertTrue(PgErrors.isTransient(new SQLException("refused", "08001")));
        assertTrue(PgErrors.isTransient(new SQLException("shutting down", "57P01")));
        assertTrue(PgErrors.isTransient(new SQLTransientConnectionException("pool")));
        assertTrue(PgErrors.isTransient(new IllegalStateException(new SQLException("Sorry, acquisition timeout!"))));
        assertFalse(PgErrors.isTransient(new SQLException("duplicate", "23505")));
        assertFalse(PgErrors.isTransient(new SQLException("too long", "22001")));
        assertFalse(PgErrors.isTransient(new NullPointerException()));
        assertTrue(PgErrors.isTransient(new RuntimeException(commitFailedOnTheWire())));
        assertFalse(PgErrors.isTransient(new RuntimeException(new IllegalStateException("could not commit"))));
        assertTrue(PgErrors.isConstraintViolation(new RuntimeException(new SQLException("fk", "23503"))));
        assertFalse(PgErrors.isConstraintViolation(new SQLException("lock", "55P03")));
    }

    /** As the transaction manager reports a commit whose connection broke: the I/O error is only suppressed. */
    private static Exception commitFailedOnTheWire() {
        Exception rollback = new IllegalStateException("could not commit transaction");
        Exception xa = new Exception("error trying to commit the local transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        rollback.addSuppressed(xa);
        return rollback;
    }

    @Test
    void onlyTransientFailuresWaitWithoutLimitAndOnlyUnknownReferencesOfAllRejectionsAreRetried() {
        assertEquals(Retry.Failure.TRANSIENT,
                Consumption.classify(new IllegalStateException(new SQLException("lock", "55P03"))));
        assertEquals(Retry.Failure.RETRIABLE,
                Consumption.classify(new IllegalStateException(new SQLException("duplicate", "23505"))));
        assertEquals(Retry.Failure.RETRIABLE, Consumption.classify(new NullPointerException()));
        assertEquals(Retry.Failure.RETRIABLE, Consumption.classify(
                new RejectedRecord(RejectedRecord.Reason.UNKNOWN_REFERENCE, "answer x does not exist")));
        assertEquals(Retry.Failure.PERMANENT, Consumption.classify(new IllegalStateException(
                new RejectedRecord(RejectedRecord.Reason.INVALID, "question does not match"))));
    }
}
