package io.prepline.devstack;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the test JVM's shared dev stack. Init argument {@code database}: the service's
 * database, if it has one.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        SharedStack stack = DevStack.shared();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", stack.bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", stack.publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", JwtKeys.ISSUER);
        if (database != null) {
            config.put("quarkus.datasource.jdbc.url", stack.jdbcUrl(database));
            config.put("quarkus.datasource.username", PostgresServer.USER);
        }
        return config;
    }

    @Override
    public void stop() {
        // the servers live as long as the test JVM: later test classes reuse them
    }
}
