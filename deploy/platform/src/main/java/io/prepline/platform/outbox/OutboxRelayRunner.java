package io.prepline.platform.outbox;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.prepline.platform.PlatformConfig;
import io.prepline.platform.messaging.Backoff;
import io.prepline.platform.messaging.KafkaClients;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the {@link OutboxRelay} on its own thread (Quarkus' scheduler runs nothing more often than once a second):
 * rounds follow each other while there is work; when the outbox is empty, the next round starts when a transaction
 * with events commits ({@link OutboxSignal}) or after {@code prepline.outbox.interval}; rounds back off while the
 * broker or the database fails. Dead rows are logged once and counted in
 * {@code prepline_outbox_dead_total}.
 */
@ApplicationScoped
@IfBuildProperty(name = "prepline.outbox.enabled", stringValue = "true")
public class OutboxRelayRunner {

    private static final Logger LOG = Logger.getLogger(OutboxRelayRunner.class);

    @Inject
    DataSource dataSource;
    @Inject
    PlatformConfig config;
    @Inject
    MeterRegistry metrics;
    @Inject
    Tracer tracer;
    @Inject
    OutboxSignal signal;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;
    @ConfigProperty(name = "quarkus.application.name")
    String application;

    private OutboxRelay relay;
    private volatile boolean running;
    private Thread worker;

    void start(@Observes StartupEvent event) {
        PlatformConfig.Outbox outbox = config.outbox();
        relay = new OutboxRelay(dataSource, new OutboxRelay.Settings(outbox.lockKey(), outbox.batchSize(),
                outbox.sendTimeout(), outbox.source().orElse("/" + application)), this::producer, this::dead,
                tracer);
        if (!outbox.relay()) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    /** Readies the relay to publish to {@code topics} ({@link OutboxRelay#prepare}), for a service's warm-up. */
    public void prepare(Collection<String> topics) {
        if (relay != null && running) {
            relay.prepare(topics);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(config.outbox().sendTimeout());
        }
        if (relay != null) {
            relay.closeProducer();
        }
    }

    /** One round, for tests that drive the relay themselves. */
    public int relayOnce() throws Exception {
        return relay.relayBatch();
    }

    private void loop() {
        PlatformConfig.Outbox outbox = config.outbox();
        Backoff backoff = new Backoff(outbox.minBackoff(), outbox.maxBackoff());
        while (running) {
            try {
                int done = relay.relayBatch();
                backoff.reset();
                if (done < outbox.batchSize() && !signal.await(outbox.interval())) {
                    return;
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                Duration wait = backoff.next();
                LOG.warnf("outbox relay failed, retrying in %d ms: %s", wait.toMillis(), e.toString());
                relay.closeProducer();
                if (!Backoff.sleep(wait)) {
                    return;
                }
            }
        }
    }

    private void dead(OutboxRelay.DeadRow row) {
        LOG.errorf("outbox event %d (%s, key %s, topic %s) can never be published and moved to outbox_dead: %s",
                row.id(), row.type(), row.key(), row.topic(), row.error());
        Counter.builder("prepline.outbox.dead").description("Outbox events that could never be published")
                .tag("topic", row.topic()).register(metrics).increment();
    }

    private Producer<String, String> producer() {
        Map<String, Object> props = new HashMap<>(KafkaClients.connectionSettings(kafkaConfig));
        long timeout = config.outbox().sendTimeout().toMillis();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000, timeout / 2)));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000 + 5, timeout)));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(Math.max(1000, timeout / 2)));
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
