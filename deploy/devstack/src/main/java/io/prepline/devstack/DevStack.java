package io.prepline.devstack;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * The platform's servers for local runs and tests: a real PostgreSQL with one database per service, a real Kafka
 * broker with the platform's topics, and the key pair of the local identity provider.
 */
public final class DevStack implements AutoCloseable {

    /** One database per service that owns one. */
    public static final List<String> DATABASES = List.of("questions", "answers");

    /** What {@link #control} takes. */
    public static final List<String> COMMANDS = List.of("status", "stop-kafka", "start-kafka", "stop-postgres",
            "start-postgres", "freeze-postgres", "resume-postgres", "postgres-port", "bootstrap-servers", "public-key");

    /**
     * Where a running shared stack registers itself (a JMX name), so that every class loader of a test JVM finds the
     * same servers: test frameworks load test classes and test resources through different class loaders.
     */
    private static final String HANDLE = "io.prepline.devstack:type=SharedStack";

    /** {@code binariesDir}: where PostgreSQL's binaries are unpacked (by default beside the data). */
    public record Options(Path dataDir, Path binariesDir, int postgresPort, int kafkaPort, boolean durable) {

        public Options(Path dataDir, int postgresPort, int kafkaPort, boolean durable) {
            this(dataDir, dataDir.resolve("postgres-binaries"), postgresPort, kafkaPort, durable);
        }
    }

    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final JwtKeys keys;

    private DevStack(PostgresServer postgres, KafkaBroker kafka, JwtKeys keys) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.keys = keys;
    }

    /**
     * Starts PostgreSQL (with the databases) and the broker (with the topics) side by side: neither needs the other,
     * and each spends much of its start waiting (initdb's processes, the broker's controller quorum).
     */
    public static DevStack start(Options options) {
        Path dir = options.dataDir();
        KafkaBroker kafka = new KafkaBroker(dir.resolve("kafka"), options.kafkaPort());
        CompletableFuture<Void> broker = CompletableFuture.runAsync(() -> {
            kafka.start();
            Topics.createMissing(kafka.bootstrapServers());
        }, DevStack::startThread);
        PostgresServer postgres = null;
        try {
            JwtKeys keys = JwtKeys.loadOrCreate(dir.resolve("jwt"));
            postgres = PostgresServer.start(dir.resolve("postgres"), options.binariesDir(), options.postgresPort(),
                    options.durable());
            postgres.createDatabases(DATABASES);
            awaitStarted(broker);
            return new DevStack(postgres, kafka, keys);
        } catch (RuntimeException e) {
            broker.exceptionally(failure -> null).join();
            kafka.close();
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    private static void startThread(Runnable start) {
        Thread thread = new Thread(start, "devstack-kafka-start");
        thread.setDaemon(true);
        thread.start();
    }

    private static void awaitStarted(CompletableFuture<Void> broker) {
        try {
            broker.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("cannot start the Kafka broker", e.getCause());
        }
    }

    /**
     * The stack of this test JVM: started on first use in a temporary folder on free ports, stopped and deleted when
     * the JVM exits (PostgreSQL's binaries stay unpacked for the next test JVM, see
     * {@link PostgresServer#sharedBinaries()}). Later callers, from any class loader, get a view of the same servers.
     */
    public static SharedStack shared() {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = handleName();
        // a string constant is one object in the whole JVM, whatever the class loader; not the MBean server, which
        // the broker's start locks on another thread
        synchronized (HANDLE) {
            if (!jmx.isRegistered(name)) {
                Path dir = temporaryFolder();
                DevStack stack = start(new Options(dir, PostgresServer.sharedBinaries(), 0, 0, false));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stack.close();
                    deleteRecursively(dir);
                }, "devstack-shutdown"));
                try {
                    jmx.registerMBean(new StandardMBean(stack::control, ControlMBean.class), name);
                } catch (JMException e) {
                    throw new IllegalStateException("cannot register the dev stack", e);
                }
            }
        }
        return new SharedStack(command -> {
            try {
                return (String) jmx.invoke(name, "control", new Object[] {command}, new String[] {String.class.getName()});
            } catch (JMException e) {
                throw new IllegalStateException("dev stack command " + command + " failed", e);
            }
        });
    }

    /** The shared stack's one operation, reachable from any class loader through JMX with JDK types only. */
    public interface ControlMBean {
        String control(String command);
    }

    private static ObjectName handleName() {
        try {
            return new ObjectName(HANDLE);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public JwtKeys keys() {
        return keys;
    }

    /**
     * The stack's operations by name, the same for tests (through JMX) and for scripts (through {@link StackControl}):
     * addresses, and stopping, starting, freezing and resuming each server. Returns the answer as text.
     */
    String control(String command) {
        return switch (command) {
            case "postgres-port" -> String.valueOf(postgres.port());
            case "bootstrap-servers" -> kafka.bootstrapServers();
            case "public-key" -> keys.publicKeyFile().toString();
            case "status" -> status();
            case "stop-kafka" -> done(kafka::stop);
            case "start-kafka" -> done(kafka::start);
            case "stop-postgres" -> done(postgres::stop);
            case "start-postgres" -> done(postgres::start);
            case "freeze-postgres" -> done(postgres::freeze);
            case "resume-postgres" -> done(postgres::resume);
            default -> throw new IllegalArgumentException("unknown dev stack command " + command + "; one of "
                    + COMMANDS);
        };
    }

    private String done(Runnable action) {
        action.run();
        return status();
    }

    private String status() {
        return "postgres=" + postgres.state() + " kafka=" + (kafka.running() ? "running" : "stopped");
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close(); // resumes a frozen server first
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("prepline-devstack-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the dev stack", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort on JVM exit
        }
    }
}
