package io.prepline.platform.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a database that cannot serve right now (down, frozen, restarting, out of connections, too slow) from a bug:
 * the first is a 503 the client may retry, the second stays a 500. Looks through the whole cause chain, since the
 * pool's, the driver's and Hibernate's exceptions wrap one another.
 */
public final class Unreachable {

    /**
     * SQLSTATEs of a server that cannot serve: a statement cancelled by {@code statement_timeout}, shutting down or
     * starting up, no connection slot free.
     */
    private static final Set<String> STATES = Set.of("57014", "57P01", "57P02", "57P03", "53300");
    /** Class 08: connection exception (refused, broken, closed, the network timeout). */
    private static final String CONNECTION_CLASS = "08";
    /** Agroal's refusal after {@code quarkus.datasource.jdbc.acquisition-timeout}; it carries no SQLSTATE. */
    private static final String ACQUISITION_TIMEOUT = "acquisition timeout";
    private static final int MAX_DEPTH = 32;

    private Unreachable() {
    }

    public static boolean database(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && (unavailableState(sql.getSQLState()) || acquisitionTimeout(sql))) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith(CONNECTION_CLASS) || STATES.contains(state));
    }

    private static boolean acquisitionTimeout(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains(ACQUISITION_TIMEOUT);
    }
}
