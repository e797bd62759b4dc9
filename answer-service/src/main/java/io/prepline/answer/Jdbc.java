package io.prepline.answer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Plain JDBC on the connection of the current transaction, for the statements of the submission path: they skip
 * Hibernate's query interpretation. Hibernate does not flush before them: callers flush what these statements need.
 */
public final class Jdbc {

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private Jdbc() {
    }

    public static int update(EntityManager em, String sql, Binder binder) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            }
        });
    }

    public static <T> T query(EntityManager em, String sql, Binder binder, Reader<T> reader) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rows = ps.executeQuery()) {
                    return reader.read(rows);
                }
            }
        });
    }

    /** A timestamp column as the driver or a native query returns it, as an instant. */
    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected time value " + value.getClass());
        };
    }
}
