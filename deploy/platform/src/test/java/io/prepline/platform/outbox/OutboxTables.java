package io.prepline.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox tables as the relay reads and writes them: {@code db/outbox.sql}, the schema this module's tests run
 * against. A service creates the same tables with its own Flyway migrations and checks them here (from this module's
 * test jar), so the two cannot drift apart unnoticed.
 */
public final class OutboxTables {

    private static final String SCRATCH = "outbox_contract";

    private OutboxTables() {
    }

    /** Creates the tables of {@code db/outbox.sql} in the connection's current schema. */
    public static void create(Connection db) throws SQLException {
        try (InputStream sql = OutboxTables.class.getResourceAsStream("/db/outbox.sql");
             Statement s = db.createStatement()) {
            s.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails unless {@code schema} holds the outbox tables exactly as {@code db/outbox.sql} makes them: the same
     * columns with the same types, nullability and defaults, and the same primary keys. The file's tables are
     * created for the comparison in a transaction that is rolled back.
     */
    public static void assertAsTheRelayExpects(Connection db, String schema) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("CREATE SCHEMA " + SCRATCH);
            s.execute("SET LOCAL search_path TO " + SCRATCH);
            create(db);
            assertEquals(describe(db, SCRATCH), describe(db, schema),
                    "the outbox tables of schema " + schema + " differ from db/outbox.sql of deploy/platform");
        } finally {
            db.rollback();
            db.setAutoCommit(autoCommit);
        }
    }

    /** One line per column and primary key of outbox_event and outbox_dead in {@code schema}, sorted. */
    static List<String> describe(Connection db, String schema) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement columns = db.prepareStatement("""
                SELECT table_name || '.' || column_name || ' ' || data_type
                       || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
                       || coalesce(' default ' || replace(column_default, ? || '.', ''), '')
                FROM information_schema.columns
                WHERE table_schema = ? AND table_name IN ('outbox_event', 'outbox_dead')
                UNION ALL
                SELECT c.table_name || ' primary key (' || string_agg(k.column_name, ', ' ORDER BY k.ordinal_position)
                       || ')'
                FROM information_schema.table_constraints c
                JOIN information_schema.key_column_usage k
                  ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name
                WHERE c.table_schema = ? AND c.constraint_type = 'PRIMARY KEY'
                  AND c.table_name IN ('outbox_event', 'outbox_dead')
                GROUP BY c.table_name
                ORDER BY 1""")) {
            columns.setString(1, schema);
            columns.setString(2, schema);
            columns.setString(3, schema);
            try (ResultSet rs = columns.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return lines;
    }
}
