package io.prepline.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What outage tests and chaos runs rely on: a frozen server answers nothing, a stopped one comes back as it was. */
class PostgresServerTest {

    @TempDir
    static Path dir;

    static PostgresServer server;

    @BeforeAll
    static void start() {
        server = PostgresServer.start(dir.resolve("data"), PostgresServer.sharedBinaries(), 0, false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aFrozenServerAnswersNothingUntilResumedAndOpenConnectionsThenGoOn() throws SQLException {
        try (Connection open = connect()) {
            select(open);
            server.freeze();
            try {
                assertEquals("frozen", server.state());
                long started = System.nanoTime();
                assertThrows(SQLException.class, () -> select(open), "a statement on an open connection");
                assertThrows(SQLException.class, this::connect, "a new connection");
                assertTrue((System.nanoTime() - started) / 1_000_000 >= 1_900, "both waited for their timeouts");
            } finally {
                server.resume();
            }
            assertEquals("running", server.state());
        }
        try (Connection again = connect()) {
            select(again);
        }
    }

    @Test
    void aStoppedServerRefusesConnectionsAndStartsAgainOnItsPortWithItsData() throws SQLException {
        int port = server.port();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS kept (n int)");
            s.execute("INSERT INTO kept VALUES (7)");
        }
        server.stop();
        try {
            assertEquals("stopped", server.state());
            assertThrows(SQLException.class, this::connect);
        } finally {
            server.start();
        }
        assertEquals(port, server.port());
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM kept")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 1, "the data survived the restart");
        }
    }

    @Test
    void theControlPortCarriesOneCommandAndItsAnswer() throws IOException {
        try (StackControl control = StackControl.serve(0, command -> {
            if (command.equals("fail")) {
                throw new IllegalArgumentException("no such command");
            }
            return "did " + command;
        })) {
            Files.writeString(dir.resolve("stack.env"), StackControl.PORT_KEY + "=" + control.port() + "\n");
            assertEquals("ok did freeze-postgres", StackControl.send(dir, "freeze-postgres"));
            assertEquals("error no such command", StackControl.send(dir, "fail"));
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", PostgresServer.USER);
        properties.setProperty("loginTimeout", "1");
        properties.setProperty("socketTimeout", "1");
        return DriverManager.getConnection(server.jdbcUrl("postgres"), properties);
    }

    private static void select(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        }
    }
}
