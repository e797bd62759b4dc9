package io.prepline.question;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.prepline.platform.outbox.OutboxTables;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxMigrationTest {

    @Inject
    DataSource dataSource;

    @Test
    void theMigrationsCreateTheOutboxTablesTheRelayExpects() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            OutboxTables.assertAsTheRelayExpects(db, "public");
        }
    }
}
