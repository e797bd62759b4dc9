package io.prepline.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server from the embedded binaries on Maven Central, with one database per service. */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    /** How the server was started, to start it again the same way (same data, same settings, same port). */
    private final EmbeddedPostgres.Builder builder;
    private volatile EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres.Builder builder, EmbeddedPostgres postgres) {
        this.builder = builder;
        this.postgres = postgres;
    }

    /**
     * Starts the server on {@code port} (0: any free port) keeping its data in {@code dataDir}.
     * {@code durable=false} trades crash safety for speed, which is right for throw-away test data only.
     */
    public static PostgresServer start(Path dataDir, Path binariesDir, int port, boolean durable) {
        try {
            Files.createDirectories(binariesDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binariesDir.toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setPgBinaryResolver(PostgresServer::binaries)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (port != 0) {
                builder.setPort(port);
            }
            // the embedded defaults turn fsync and synchronous commits off: keep that for test data only
            builder.setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off");
            return new PostgresServer(builder, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDir, e);
        }
    }

    /** The first copy of the binaries on the class path (a jar's manifest class path may list them a second time). */
    private static InputStream binaries(String system, String hardware) throws IOException {
        String arch = hardware.toLowerCase(Locale.ROOT);
        arch = arch.equals("amd64") || arch.equals("x86-64") ? "x86_64" : arch;
        String name = "/postgres-" + system.toLowerCase(Locale.ROOT) + "-" + arch + ".txz";
        InputStream binaries = PostgresServer.class.getResourceAsStream(name);
        if (binaries == null) {
            throw new IOException("no PostgreSQL binaries " + name + " on the class path");
        }
        return binaries;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates each database that does not exist yet. */
    public void createDatabases(Collection<String> databases) {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            for (String database : databases) {
                if (!database.matches("[a-z][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + database);
                }
                try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, database);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = c.createStatement()) {
                    create.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create databases " + databases, e);
        }
    }

    /**
     * Stops the server (fast shutdown: open connections are closed, transactions in flight roll back) and starts it
     * again on the same port with the same data, as an operator's restart does.
     */
    public synchronized void restart() {
        int port = port();
        close();
        try {
            postgres = builder.setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL again on port " + port, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        }
    }
}
