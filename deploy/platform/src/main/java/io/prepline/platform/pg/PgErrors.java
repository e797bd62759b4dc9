package io.prepline.platform.pg;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/** What a database failure says about trying again, read from the SQLSTATE codes in its cause chain. */
public final class PgErrors {

    /**
     * Conditions after which the same statement may well succeed: the connection (class 08), serialization failure
     * and deadlock (40001, 40P01), a lock not granted within lock_timeout (55P03), a cancelled statement (57014), the
     * server shutting down or starting (57P01-57P03), too many connections or no resources (class 53).
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57014", "57P01", "57P02",
            "57P03");
    /** Hibernate's name for "no connection could be obtained". */
    private static final String NO_CONNECTION = "org.hibernate.exception.JDBCConnectionException";
    /** How the connection pool (Agroal) says it had no connection to give in time; it sets no SQLSTATE. */
    private static final String POOL_TIMEOUT = "acquisition timeout";
    /** How deep suppressed failures of suppressed failures are read. */
    private static final int MAX_SUPPRESSED_DEPTH = 2;

    private PgErrors() {
    }

    /**
     * Whether the cause chain, or a failure suppressed along it, says the database cannot serve right now. A commit
     * that fails on the wire reaches the caller as the transaction manager's "could not commit", with the driver's
     * I/O error only among its suppressed failures.
     */
    public static boolean isTransient(Throwable failure) {
        return isTransient(failure, 0);
    }

    private static boolean isTransient(Throwable failure, int depth) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || NO_CONNECTION.equals(t.getClass().getName())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state);
            }
            if (t instanceof SQLException && t.getMessage() != null && t.getMessage().contains(POOL_TIMEOUT)) {
                return true;
            }
            if (depth < MAX_SUPPRESSED_DEPTH && suppressedTransient(t, depth)) {
                return true;
            }
        }
        return false;
    }

    private static boolean suppressedTransient(Throwable failure, int depth) {
        for (Throwable suppressed : failure.getSuppressed()) {
            if (isTransient(suppressed, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a constraint (unique, foreign key, check, not null: class 23) refused the change. */
    public static boolean isConstraintViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState().startsWith("23");
            }
        }
        return false;
    }
}
