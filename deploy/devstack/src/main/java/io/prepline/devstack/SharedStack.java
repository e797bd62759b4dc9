package io.prepline.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The test JVM's dev stack as tests see it: connection settings, tokens, and servers that can be stopped and started
 * again, or frozen and resumed, to test outages.
 */
public final class SharedStack {

    private final Function<String, String> control;
    private final JwtKeys keys;

    SharedStack(Function<String, String> control) {
        this.control = control;
        this.keys = JwtKeys.loadOrCreate(Path.of(control.apply("public-key")).getParent());
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + control.apply("postgres-port") + "/" + database;
    }

    public String bootstrapServers() {
        return control.apply("bootstrap-servers");
    }

    public Path publicKeyFile() {
        return keys.publicKeyFile();
    }

    /** A token for {@code user} with {@code roles}, valid for an hour. */
    public String token(String user, String... roles) {
        return keys.mint(user, List.of(roles), Duration.ofHours(1));
    }

    /** Stops the broker: clients see an outage until {@link #startKafka()}. */
    public void stopKafka() {
        control.apply("stop-kafka");
    }

    /** Starts the broker again on the same address with its data. */
    public void startKafka() {
        control.apply("start-kafka");
    }

    /** Stops PostgreSQL (fast shutdown): connections are closed, new ones refused until {@link #startPostgres()}. */
    public void stopPostgres() {
        control.apply("stop-postgres");
    }

    /** Starts PostgreSQL again on the same port with its data. */
    public void startPostgres() {
        control.apply("start-postgres");
    }

    /**
     * Freezes PostgreSQL (SIGSTOP of the postmaster and every server process): connections stay open and nothing
     * answers, as with a hung host, until {@link #resumePostgres()}. Always resume, in a {@code finally}.
     */
    public void freezePostgres() {
        control.apply("freeze-postgres");
    }

    public void resumePostgres() {
        control.apply("resume-postgres");
    }

    /** For example {@code postgres=frozen kafka=running}. */
    public String status() {
        return control.apply("status");
    }
}
