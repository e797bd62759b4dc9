package io.prepline.review.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Properties;

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
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import io.prepline.platform.messaging.KafkaClients;
import io.smallrye.common.annotation.Identifier;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.prepline.review.ReviewConfig;
import io.prepline.review.scoring.AnswerScorer;
import io.prepline.review.scoring.Rubric;
import io.quarkus.runtime.StartupEvent;

/** Owns the worker's Kafka Streams application: built and started with the service, closed with it. */
@ApplicationScoped
public class ScoringStreams {

    private static final Logger LOG = Logger.getLogger(ScoringStreams.class);

    private final ReviewConfig config;
    private final AnswerScorer scorer;
    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry registry;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics metrics;
    private volatile boolean catalogueLoaded;

    ScoringStreams(ReviewConfig config, AnswerScorer scorer,
                   @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry) {
        this.config = config;
        this.scorer = scorer;
        this.kafkaConfig = kafkaConfig;
        this.registry = registry;
    }

    /** What readiness reports: the application's state and whether the catalogue store has been rebuilt. */
    public record Status(String state, boolean catalogueLoaded) {
        public boolean ready() {
            return catalogueLoaded && KafkaStreams.State.RUNNING.name().equals(state);
        }
    }

    void start(@Observes StartupEvent event) {
        KafkaStreams app = new KafkaStreams(ScoringTopology.build(PipelineSettings.from(config), scorer),
                properties());
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

    /** Loads the scorer's model before the first submission arrives, so that one does not wait for it. */
    private void warmUp() {
        long started = System.nanoTime();
        try {
            Rubric rubric = new Rubric("warm-up", null, 0, "What is a unit test?", null, List.of(
                    new Rubric.Criterion("definitions", "DEFINITIONS", "Defines a unit test", 1.0, List.of(
                            new Rubric.Point("definitions-1", "A unit test checks one small unit of code in isolation",
                                    List.of(List.of("unit"), List.of("test")))))));
            scorer.score(rubric, "A unit test checks one function in isolation.");
            LOG.infof("scorer %s ready in %d ms", scorer.version(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.error("the scorer failed to warm up; submissions will show whether it works", e);
        }
    }

    @PreDestroy
    void stop() {
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
        p.put(StreamsConfig.STATE_DIR_CONFIG, s.stateDir());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, s.threads());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, s.cacheMaxBytes());
        // Scoring takes tens of milliseconds per answer: small batches keep a poll well inside max.poll.interval.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 50);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BUFFER_MEMORY_CONFIG), 8 * 1024 * 1024);
        return p;
    }
}
