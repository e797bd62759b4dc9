package io.prepline.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The test JVM's dev stack as tests see it: connection settings, tokens, and a broker that can be stopped and
 * started again to test outages.
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
}
