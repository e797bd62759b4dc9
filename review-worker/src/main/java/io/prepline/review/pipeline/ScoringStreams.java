package io.prepline.review.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import io.prepline.platform.consumer.DeadLetterTopic;
import io.prepline.platform.messaging.KafkaClients;
import io.smallrye.common.annotation.Identifier;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.prepline.review.ReviewConfig;
import io.prepline.review.scoring.AnswerScorer;
import io.prepline.review.scoring.Rubric;
import io.quarkus.runtime.StartupEvent;

/** Owns the worker's Kafka Streams application: built and started with the service, closed with it. */
@ApplicationScoped
public class ScoringStreams {

    private static final Logger LOG = Logger.getLogger(ScoringStreams.class);

    private static Rubric.Point point(String id, String text, String... concepts) {
        return new Rubric.Point(id, text, java.util.Arrays.stream(concepts).map(c -> List.of(c.split("\\|"))).toList());
    }

    /** A rubric of the catalogue's shape (four criteria, thirteen points with concept groups), for the warm-up. */
    private static final Rubric WARM_UP_RUBRIC = new Rubric("warm-up", null, 1,
            "What is a unit test, how does it differ from an integration test, and when is a mock the wrong tool?",
            null, List.of(
            new Rubric.Criterion("definitions", "DEFINITIONS", "Defines the kinds of tests", 1.0, List.of(
                    point("d1", "A unit test checks one small unit of code in isolation", "unit", "isolation|isolated"),
                    point("d2", "An integration test checks that components work together", "integration", "together|combined"),
                    point("d3", "A mock replaces a dependency with a programmable stand-in", "mock|stub|fake", "dependency|collaborator"),
                    point("d4", "Tests should be deterministic and fast", "deterministic|repeatable", "fast|quick"))),
            new Rubric.Criterion("tradeoffs", "TRADE_OFFS", "Weighs the costs", 1.0, List.of(
                    point("t1", "Unit tests are fast but miss wiring and configuration errors", "wiring|configuration", "miss|catch"),
                    point("t2", "Integration tests are slower and harder to debug", "slow|slower", "debug"),
                    point("t3", "Mocks couple a test to the implementation", "couple|coupling", "implementation"))),
            new Rubric.Criterion("pitfalls", "PITFALLS", "Knows the pitfalls", 1.0, List.of(
                    point("p1", "Mocking what you do not own hides behaviour changes", "own", "behaviour|behavior"),
                    point("p2", "Flaky tests erode trust in the suite", "flaky", "trust"),
                    point("p3", "Testing private methods makes refactoring harder", "private", "refactor|refactoring"))),
            new Rubric.Criterion("evaluation", "EVALUATION", "Judges a test suite", 1.0, List.of(
                    point("e1", "Coverage alone does not show that behaviour is checked", "coverage", "assert|assertion|checked"),
                    point("e2", "Mutation testing shows whether tests catch faults", "mutation", "fault|bug"),
                    point("e3", "A test pyramid balances many unit tests with few end-to-end tests", "pyramid", "end-to-end|e2e")))));

    /** An answer of the usual shape (headings, prose, a list, inline code), about 330 words. */
    private static final String WARM_UP_ANSWER = """
            ## Unit and integration tests

            A unit test checks one small unit of code, usually a function or a class, in isolation from its
            collaborators. It is fast and deterministic, so a developer can run hundreds of them on every change.
            An integration test checks that several components work together: the code with its database, a message
            broker or another service. It catches wiring and configuration errors that unit tests miss, but it is
            slower, needs more setup and is harder to debug when it fails.

            ## Mocks

            A mock replaces a dependency with a programmable stand-in, for example a `PaymentGateway` that returns a
            fixed answer. Mocks keep unit tests fast, but they couple the test to the implementation: when the code is
            refactored the test breaks although the behaviour did not change. Mocking what you do not own is the worst
            case, because the real library may change its behaviour and the mock will not notice.

            - Prefer fakes or real in-memory implementations for your own storage code.
            - Use contract tests for the services you call.
            - Do not test private methods; test the public behaviour instead, so refactoring stays cheap.

            ## Judging a suite

            Coverage alone does not show that the behaviour is checked, since a test without assertions still covers
            lines. Mutation testing changes the code on purpose and shows whether the tests catch the fault. Flaky
            tests are dangerous: once developers stop trusting the suite they ignore real failures. A healthy suite
            follows the test pyramid, with many unit tests, fewer integration tests and a handful of end-to-end tests
            that exercise the main user journeys. Finally, keep tests independent of each other and of the clock, so
            that they give the same result on a laptop and on the build server.""";

    private final ReviewConfig config;
    private final AnswerScorer scorer;
    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry registry;
    private final Tracer tracer;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics metrics;
    private volatile boolean catalogueLoaded;
    private ScheduledExecutorService rubricPreparer;
    /** The raw catalogue record each rubric was last prepared from, by question id (only the preparer's thread). */
    private final Map<String, String> prepared = new HashMap<>();

    ScoringStreams(ReviewConfig config, AnswerScorer scorer,
                   @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry,
                   Tracer tracer) {
        this.config = config;
        this.scorer = scorer;
        this.kafkaConfig = kafkaConfig;
        this.registry = registry;
        this.tracer = tracer;
    }

    /** What readiness reports: the application's state and whether the catalogue store has been rebuilt. */
    public record Status(String state, boolean catalogueLoaded) {
        public boolean ready() {
            return catalogueLoaded && KafkaStreams.State.RUNNING.name().equals(state);
        }
    }

    void start(@Observes StartupEvent event) {
        KafkaStreams app = new KafkaStreams(ScoringTopology.build(PipelineSettings.from(config), scorer,
                this::countRejected, ScoringTelemetry.of(tracer, registry)), properties());
        // A failing thread is replaced: one bad moment must not stop the worker for good.
        app.setUncaughtExceptionHandler(e -> {
            LOG.error("a scoring stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        app.setStateListener((to, from) -> LOG.infof("scoring pipeline %s -> %s", from, to));
        streams = app;
        // process rate and latency, commit latency, lag ... under kafka_stream_* on /q/metrics
        metrics = new KafkaStreamsMetrics(app);
        metrics.bindTo(registry);
        // start() returns only once the global catalogue store has caught up with its topic, which can take a
        // while (or wait for the broker): do it off the start-up thread so health and preview answer meanwhile.
        Thread starter = new Thread(() -> {
            try {
                warmUp();
                app.start();
                catalogueLoaded = true;
                LOG.info("catalogue store loaded; scoring pipeline starting");
                startRubricPreparer();
            } catch (RuntimeException e) {
                LOG.error("the scoring pipeline did not start", e);
            }
        }, "review-streams-start");
        starter.setDaemon(true);
        starter.start();
        awaitReady(config.streams().startupWait());
    }

    private void awaitReady(Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        while (!status().ready() && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Loads the scorer's model and runs its Java code until the JIT has compiled it, before the first submission
     * arrives: scoring a cold process took several times as long, on the cores the rest of the stack was warming up
     * on, so the first minute's submissions queued behind each other. Then a few exactly-once commits
     * ({@link TransactionWarmUp}): the stream threads' first commits waited for a cold broker. Bounded by
     * {@code review.streams.warm-up-answers}, {@code warm-up-transactions} and {@code warm-up-max}.
     */
    private void warmUp() {
        long started = System.nanoTime();
        int answers = config.streams().warmUpAnswers();
        long deadline = started + config.streams().warmUpMax().toNanos();
        int scored = 0;
        try {
            scorer.score(WARM_UP_RUBRIC, "A unit test checks one function in isolation.");
            LOG.infof("scorer %s loaded in %d ms", scorer.version(), (System.nanoTime() - started) / 1_000_000);
            for (int i = 0; i < answers && System.nanoTime() < deadline; i++) {
                // a different last sentence each time: nothing the scorer may cache by answer is reused
                scorer.score(WARM_UP_RUBRIC, WARM_UP_ANSWER + "\n\nWarm-up answer " + i + " of " + answers + ".");
                scored++;
            }
            LOG.infof("scorer %s warmed up with %d answers in %d ms", scorer.version(), scored,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.error("the scorer failed to warm up; submissions will show whether it works", e);
        }
        warmUpTransactions(deadline);
    }

    private void warmUpTransactions(long deadline) {
        int transactions = config.streams().warmUpTransactions();
        if (transactions <= 0) {
            return;
        }
        long started = System.nanoTime();
        try {
            int done = TransactionWarmUp.run(KafkaClients.connectionSettings(kafkaConfig),
                    config.streams().applicationId(), config.topics().submitted(), transactions, deadline);
            LOG.infof("%d exactly-once commits warmed up in %d ms", done, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warnf("warming up exactly-once commits failed (%s); the first commits will be slower", e.toString());
        }
    }

    /**
     * Prepares the rubric of every question (and part) in the catalogue store, and again whenever a question's record
     * changes, on a thread of its own: the scorer caches a rubric's embeddings when it first scores against it, which
     * the first answer to each question would otherwise wait for.
     */
    private void startRubricPreparer() {
        Duration every = config.streams().rubricPrepareInterval();
        if (every.isZero() || every.isNegative()) {
            return;
        }
        rubricPreparer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "review-rubric-preparer");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        rubricPreparer.scheduleWithFixedDelay(this::prepareRubrics, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void prepareRubrics() {
        try {
            Optional<ReadOnlyKeyValueStore<String, String>> store = catalogue();
            if (store.isEmpty()) {
                return;
            }
            long started = System.nanoTime();
            int rubrics = 0;
            try (KeyValueIterator<String, String> all = store.get().all()) {
                while (all.hasNext()) {
                    var entry = all.next();
                    if (entry.value == null || entry.value.equals(prepared.get(entry.key))) {
                        continue;
                    }
                    prepared.put(entry.key, entry.value);
                    rubrics += prepare(entry.value);
                }
            }
            if (rubrics > 0) {
                LOG.infof("prepared %d rubrics in %d ms", rubrics, (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            // a store being rebuilt or closed: try again next time
            LOG.debugf(e, "preparing rubrics failed");
        }
    }

    private int prepare(String raw) {
        CatalogueQuestion question;
        try {
            question = Json.read(raw, CatalogueQuestion.class);
        } catch (JsonProcessingException e) {
            return 0;
        }
        if (question == null || question.retired()) {
            return 0;
        }
        int count = 0;
        count += prepare(RubricResolver.resolve(question, null));
        if (question.parts() != null) {
            for (CatalogueQuestion.PartPayload part : question.parts()) {
                if (part != null && part.number() != null) {
                    count += prepare(RubricResolver.resolve(question, part.number()));
                }
            }
        }
        return count;
    }

    private int prepare(RubricResolver.Resolution resolution) {
        if (resolution instanceof RubricResolver.Found found) {
            try {
                scorer.score(found.rubric(), "Preparing this rubric.");
                return 1;
            } catch (RuntimeException e) {
                LOG.debugf(e, "preparing the rubric of question %s failed", found.rubric().questionId());
            }
        }
        return 0;
    }

    @PreDestroy
    void stop() {
        if (rubricPreparer != null) {
            rubricPreparer.shutdownNow();
        }
        KafkaStreams app = streams;
        if (metrics != null) {
            metrics.close();
        }
        if (app != null) {
            // leave the group, so that the other instances take over this one's partitions at once instead of
            // after the session timeout
            app.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(10)));
        }
    }

    /**
     * Dead letters (and catalogue records skipped) by channel and reason, under the same name as the other services'
     * consumers use.
     */
    private void countRejected(String channel, DeadLetter.Reason reason) {
        Counter.builder(DeadLetterTopic.METRIC).description("Consumed records sent to the dead-letter topic")
                .tag("channel", channel).tag("reason", reason.name()).register(registry).increment();
    }

    public Status status() {
        KafkaStreams app = streams;
        return new Status(app == null ? "NOT_CREATED" : app.state().name(), catalogueLoaded);
    }

    /** The current catalogue (raw snapshots by question id), once it has been loaded. */
    public Optional<ReadOnlyKeyValueStore<String, String>> catalogue() {
        KafkaStreams app = streams;
        if (app == null || !catalogueLoaded) {
            return Optional.empty();
        }
        try {
            return Optional.of(app.store(StoreQueryParameters.fromNameAndType(ScoringTopology.CATALOGUE_STORE,
                    QueryableStoreTypes.keyValueStore())));
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }

    private Properties properties() {
        ReviewConfig.Streams s = config.streams();
        Properties p = new Properties();
        // servers, security protocol, SASL and TLS as every other Kafka client of the service (kafka.*)
        p.putAll(KafkaClients.connectionSettings(kafkaConfig));
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, s.applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // a thread with nothing new to read waits at most as long for input, so that its commit is not late either
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, s.commitInterval().toMillis());
        p.put(StreamsConfig.POLL_MS_CONFIG, s.commitInterval().toMillis());
        p.put(StreamsConfig.STATE_DIR_CONFIG, s.stateDir());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, s.threads());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, s.cacheMaxBytes());
        // Scoring takes tens of milliseconds per answer: small batches keep a poll well inside max.poll.interval.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 50);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // a killed instance's share goes to the others after the session timeout, and once the broker has aborted
        // the transaction it left open (see the README, Several instances)
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                (int) s.sessionTimeout().toMillis());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                (int) s.heartbeatInterval().toMillis());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                (int) s.transactionTimeout().toMillis());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BUFFER_MEMORY_CONFIG), 8 * 1024 * 1024);
        // No record may stop a stream thread: the processor dead-letters every submission it cannot score (bad
        // ones included); should anything still escape it, or a value not read as a string, it is logged and
        // skipped rather than failing the thread, which would be replaced only to fail on the same record again.
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProcessingExceptionHandler.class);
        return p;
    }
}
