package io.prepline.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The check each service runs against its migrated schema accepts db/outbox.sql and refuses a drifted copy. */
class OutboxTablesTest {

    private static final String SCHEMA = "outbox_tables_test";
    private Connection db;

    @BeforeEach
    void createTheFileTables() throws SQLException {
        db = DriverManager.getConnection(DevStack.shared().jdbcUrl("questions"), PostgresServer.USER, "");
        try (Statement s = db.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
            s.execute("SET search_path TO " + SCHEMA);
            OutboxTables.create(db);
            s.execute("RESET search_path");
        }
    }

    @AfterEach
    void drop() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
        db.close();
    }

    @Test
    void theTablesOfTheFileMatch() throws SQLException {
        assertTrue(OutboxTables.describe(db, SCHEMA).contains("outbox_event primary key (id)"));
        OutboxTables.assertAsTheRelayExpects(db, SCHEMA);
    }

    @Test
    void aMissingColumnAnotherTypeOrANullableColumnIsADifference() throws SQLException {
        for (String drift : new String[] {
                "ALTER TABLE outbox_event DROP COLUMN event_id",
                "ALTER TABLE outbox_dead ALTER COLUMN payload TYPE TEXT",
                "ALTER TABLE outbox_event ALTER COLUMN record_key DROP NOT NULL",
                "ALTER TABLE outbox_event ALTER COLUMN created_at DROP DEFAULT"}) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.execute("SET LOCAL search_path TO " + SCHEMA);
                s.execute(drift);
                assertThrows(AssertionError.class, () -> OutboxTables.assertAsTheRelayExpects(db, SCHEMA), drift);
            } finally {
                db.rollback();
                db.setAutoCommit(true);
            }
        }
    }
}
