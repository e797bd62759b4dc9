package io.prepline.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.prepline.devstack.DevStack;
import io.prepline.devstack.FreePorts;
import io.prepline.devstack.PostgresServer;

/**
 * The whole local system with parts that can fail: the dev stack's PostgreSQL and Kafka broker in this JVM (so they can
 * be stopped and started on the same ports), question-service, answer-service and several review-worker instances as
 * processes of their own, on free ports.
 */
public final class ChaosStack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    /**
     * @param root        the repository, with the services built
     * @param dataDir     the stack's data and logs (emptied by the caller)
     * @param durable     PostgreSQL with fsync (the local run's setting) or without (throw-away test data)
     * @param workers     review-worker instances, sharing the submissions
     * @param javaOptions JVM options of every service
     */
    public record Layout(Path root, Path dataDir, boolean durable, int workers, List<String> javaOptions) {
    }

    private final Layout layout;
    private final DevStack servers;
    private final ServiceProcess questions;
    private final ServiceProcess answers;
    private final List<ServiceProcess> workers;

    private final List<ServiceProcess> extras = new ArrayList<>();

    private ChaosStack(Layout layout, DevStack servers, ServiceProcess questions, ServiceProcess answers,
                       List<ServiceProcess> workers) {
        this.layout = layout;
        this.servers = servers;
        this.questions = questions;
        this.answers = answers;
        this.workers = List.copyOf(workers);
    }

    /** Starts the servers and every service, and returns once all of them are ready. */
    public static ChaosStack start(Layout layout) {
        DevStack servers = DevStack.start(new DevStack.Options(layout.dataDir(), 0, 0, layout.durable()));
        ServiceProcess questions = service(layout, servers, "question-service", "question-service", "questions",
                Map.of());
        ServiceProcess answers = service(layout, servers, "answer-service", "answer-service", "answers", Map.of());
        List<ServiceProcess> workers = new ArrayList<>();
        for (int i = 1; i <= layout.workers(); i++) {
            String name = "review-worker-" + i;
            workers.add(service(layout, servers, name, "review-worker", null, Map.of(
                    // each instance its own state directory: Kafka Streams locks it and keeps its process id there
                    "REVIEW_STREAMS_STATE_DIR", layout.dataDir().resolve(name).toString(),
                    // the audit asks every instance for its rubric versions through score previews
                    "PREPLINE_RATE_LIMIT_POLICIES_SCORE_PREVIEW_LIMIT", "1000000")));
        }
        ChaosStack stack = new ChaosStack(layout, servers, questions, answers, workers);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "chaos-stack-shutdown"));
        stack.all().forEach(ServiceProcess::start);
        stack.all().forEach(s -> s.awaitReady(START_TIMEOUT));
        return stack;
    }

    /** An instance {@code name} of {@code module}, on free ports, its log in the stack's {@code logs/}. */
    private static ServiceProcess service(Layout layout, DevStack servers, String name, String module, String database,
                                          Map<String, String> settings) {
        Path jar = layout.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        return new ServiceProcess(name, jar, FreePorts.next(), FreePorts.next(),
                environment(servers, database, settings), layout.javaOptions(),
                layout.dataDir().resolve("logs").resolve(name + ".log"));
    }

    /** What {@code deploy/local/run} gives every service: its database, the broker and the identity key. */
    private static Map<String, String> environment(DevStack servers, String database, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("KAFKA_BOOTSTRAP_SERVERS", servers.kafka().bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", servers.keys().publicKeyFile().toUri().toString());
        if (database != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", servers.postgres().jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        }
        return env;
    }

    private Stream<ServiceProcess> all() {
        return Stream.of(Stream.of(questions, answers), workers.stream(), extras.stream()).flatMap(s -> s);
    }

    public ServiceProcess questions() {
        return questions;
    }

    public ServiceProcess answers() {
        return answers;
    }

    public List<ServiceProcess> workers() {
        return workers;
    }

    /** The worker instances running now (not killed or stopped). */
    public List<ServiceProcess> runningWorkers() {
        return workers.stream().filter(ServiceProcess::alive).toList();
    }

    public String jdbcUrl(String database) {
        return servers.postgres().jdbcUrl(database);
    }

    public String bootstrapServers() {
        return servers.kafka().bootstrapServers();
    }

    /** A token for {@code user} with {@code roles}, valid for the whole run. */
    public String token(String user, String... roles) {
        return servers.keys().mint(user, List.of(roles), Duration.ofHours(12));
    }

    public void stopKafka() {
        servers.kafka().stop();
    }

    public void startKafka() {
        servers.kafka().start();
    }

    /** Fast shutdown (open connections are closed, transactions in flight roll back), then started again. */
    public void restartPostgres() {
        servers.postgres().stop();
        servers.postgres().start();
    }

    /**
     * Starts {@code count} more instances of question-service on this stack's servers and database, with
     * {@code settings} on top of the usual ones, and waits until they are ready; {@link #close} stops them too.
     */
    public synchronized List<ServiceProcess> startQuestionServices(String name, int count, Map<String, String> settings) {
        List<ServiceProcess> started = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            started.add(service(layout, servers, name + "-" + i, "question-service", "questions", settings));
        }
        extras.addAll(started);
        started.forEach(ServiceProcess::start);
        started.forEach(s -> s.awaitReady(START_TIMEOUT));
        return started;
    }

    /** Starts a killed or stopped instance again (same ports, settings and state directory) and waits until ready. */
    public void restart(ServiceProcess service) {
        service.start();
        service.awaitReady(START_TIMEOUT);
    }

    /** Creates {@code dir}, or empties it when it exists: every run starts from nothing. */
    public static Path emptied(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dir, e);
        }
    }

    /**
     * Kills every service (-9) and stops the servers: for a stack whose data is thrown away, with nothing to wait for
     * (answer-service's graceful shutdown alone takes over ten seconds, its consumers leaving their groups one by one).
     */
    public synchronized void discard() {
        all().forEach(ServiceProcess::kill);
        servers.close();
    }

    @Override
    public synchronized void close() {
        ServiceProcess.stopAll(all().toList());
        servers.close();
    }
}
