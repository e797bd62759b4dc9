package io.prepline.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class UnreachableTest {

    @Test
    void aDatabaseThatCannotServeIsUnreachableWhereverItIsWrapped() {
        // the driver after the network timeout, wrapped as Hibernate and the transaction layer wrap it
        SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new SocketTimeoutException("Read timed out"));
        assertTrue(Unreachable.database(new IllegalStateException("commit failed", new RuntimeException(io))));
        assertTrue(Unreachable.database(new SQLException("Connection attempt timed out.", "08001")));
        assertTrue(Unreachable.database(new SQLException("Sorry, acquisition timeout!"))); // the pool's, no state
        assertTrue(Unreachable.database(new SQLException("canceling statement due to statement timeout", "57014")));
        assertTrue(Unreachable.database(new SQLException("the database system is starting up", "57P03")));
        assertTrue(Unreachable.database(new SQLException("sorry, too many clients already", "53300")));
        assertTrue(Unreachable.database(new SQLTransientConnectionException("gone")));
    }

    @Test
    void aBugStaysABug() {
        assertFalse(Unreachable.database(new SQLException("invalid input syntax for type timestamp", "22007")));
        assertFalse(Unreachable.database(new SQLException("syntax error", "42601")));
        assertFalse(Unreachable.database(new SQLException("duplicate key", "23505")));
        assertFalse(Unreachable.database(new IllegalStateException("no database involved")));
        assertFalse(Unreachable.database(new SQLException("something without a state")));
    }
}
