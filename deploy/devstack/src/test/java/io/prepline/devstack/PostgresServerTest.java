package io.prepline.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void aRestartClosesConnectionsAndKeepsThePortAndTheData() throws Exception {
        Path dir = Files.createTempDirectory("postgres-restart-");
        PostgresServer server = PostgresServer.start(dir.resolve("data"), dir.resolve("binaries"), 0, true);
        try {
            server.createDatabases(List.of("restarts"));
            int port = server.port();
            try (Connection before = connect(server)) {
                before.createStatement().execute("CREATE TABLE kept (id INT PRIMARY KEY)");
                before.createStatement().execute("INSERT INTO kept VALUES (1)");

                server.restart();

                assertThrows(SQLException.class, () -> before.createStatement().execute("SELECT 1"),
                        "connections opened before the restart are closed");
            }
            assertEquals(port, server.port());
            try (Connection after = connect(server); Statement s = after.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM kept")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        } finally {
            server.close();
        }
    }

    private static Connection connect(PostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("restarts"), PostgresServer.USER, "");
    }
}
