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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central, with one database per service. It can be
 * stopped and started again on the same port with the same data (clients see refused connections meanwhile), or frozen
 * and resumed (SIGSTOP/SIGCONT of the postmaster and every server process: connections stay open and nothing answers,
 * as with a hung host or a network partition).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final Path dataDir;
    private final Path binariesDir;
    private final boolean durable;
    private int port;
    private EmbeddedPostgres postgres;
    private boolean frozen;

    private PostgresServer(Path dataDir, Path binariesDir, int port, boolean durable) {
        this.dataDir = dataDir;
        this.binariesDir = binariesDir;
        this.port = port;
        this.durable = durable;
    }

    /**
     * Starts the server on {@code port} (0: any free port) keeping its data in {@code dataDir}.
     * {@code durable=false} trades crash safety for speed, which is right for throw-away test data only.
     */
    public static PostgresServer start(Path dataDir, Path binariesDir, int port, boolean durable) {
        PostgresServer server = new PostgresServer(dataDir, binariesDir, port, durable);
        server.start();
        return server;
    }

    /**
     * A folder for the binaries that outlives a test JVM, so that each test JVM need not unpack them again (about two
     * seconds of CPU): under the system's temporary folder, one subfolder per binaries' digest, unpacked by one process
     * while the others wait (the embedded server's own lock).
     */
    public static Path sharedBinaries() {
        return Path.of(System.getProperty("java.io.tmpdir"), "prepline-postgres-binaries");
    }

    /** Starts the server again after {@link #stop()}, on the same port with the same data. */
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
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
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // statement statistics (CREATE EXTENSION pg_stat_statements in a database to read them)
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements");
            if (port != 0) {
                builder.setPort(port);
            }
            // the embedded defaults turn fsync and synchronous commits off: keep that for test data only
            builder.setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off");
            postgres = builder.start();
            port = postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDir, e);
        }
    }

    /** Stops the server (fast shutdown: open connections are closed); {@link #start()} brings it back. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        resume();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        } finally {
            postgres = null;
        }
    }

    /**
     * Freezes the server: the postmaster and every server process stop (SIGSTOP) where they are. Connections stay
     * open and new ones are accepted by the kernel, but nothing answers until {@link #resume()}.
     */
    public synchronized void freeze() {
        if (postgres == null || frozen) {
            return;
        }
        long postmaster = postmasterPid();
        signal("STOP", List.of(postmaster)); // first, so that it starts no new process meanwhile
        signal("STOP", serverProcesses(postmaster));
        frozen = true;
    }

    /** Lets a frozen server go on (SIGCONT); what clients sent meanwhile is then read and answered. */
    public synchronized void resume() {
        if (!frozen) {
            return;
        }
        long postmaster = postmasterPid();
        signal("CONT", serverProcesses(postmaster));
        signal("CONT", List.of(postmaster));
        frozen = false;
    }

    public synchronized boolean running() {
        return postgres != null;
    }

    /** "running", "frozen" or "stopped". */
    public synchronized String state() {
        return postgres == null ? "stopped" : frozen ? "frozen" : "running";
    }

    /** The postmaster's process id, from the first line of {@code postmaster.pid} in the data directory. */
    private long postmasterPid() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try (Stream<String> lines = Files.lines(pidFile)) {
            return Long.parseLong(lines.findFirst().orElseThrow().strip());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the postmaster's process id from " + pidFile, e);
        }
    }

    private static List<Long> serverProcesses(long postmaster) {
        return ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid)
                .toList();
    }

    /** Java cannot send SIGSTOP or SIGCONT itself: {@code kill} does. */
    private static void signal(String signal, List<Long> pids) {
        if (pids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes());
            if (kill.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling PostgreSQL", e);
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

    public synchronized int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates each database that does not exist yet. */
    public synchronized void createDatabases(Collection<String> databases) {
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

    @Override
    public void close() {
        stop();
    }
}
