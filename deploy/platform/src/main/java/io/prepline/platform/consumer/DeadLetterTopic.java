package io.prepline.platform.consumer;

import static io.prepline.platform.consumer.DeadLetterHeaders.CHANNEL;
import static io.prepline.platform.consumer.DeadLetterHeaders.DETAIL;
import static io.prepline.platform.consumer.DeadLetterHeaders.OFFSET;
import static io.prepline.platform.consumer.DeadLetterHeaders.PARTITION;
import static io.prepline.platform.consumer.DeadLetterHeaders.REASON;
import static io.prepline.platform.consumer.DeadLetterHeaders.TOPIC;
import static io.prepline.platform.consumer.DeadLetterHeaders.VALUE_DROPPED;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.prepline.platform.PlatformConfig;
import io.prepline.platform.messaging.Backoff;
import io.prepline.platform.messaging.KafkaClients;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's dead-letter topic ({@code prepline.consumer.dead-letter-topic}, by default {@code <service>.dlq}):
 * a consumed record that can never be applied is copied there (key, value and headers as they were) with the
 * {@link DeadLetterHeaders} saying why and where it came from, counted in
 * {@code prepline_consumer_dead_letters_total{channel,reason}} and logged once. A letter is sent before the consumer
 * moves on, and sent again until the broker acknowledges it, so a record is never dropped silently. Replaying one
 * means producing its key, value and original headers to {@code dead-letter-topic}.
 */
@ApplicationScoped
@IfBuildProperty(name = "prepline.consumer.enabled", stringValue = "true")
public class DeadLetterTopic {

    /** The counter of dead letters (tags {@code channel}, {@code reason}); review-worker counts its own under it. */
    public static final String METRIC = "prepline.consumer.dead.letters";
    private static final Logger LOG = Logger.getLogger(DeadLetterTopic.class);
    private static final int DETAIL_CHARS = 1000;

    @Inject
    PlatformConfig config;
    @Inject
    MeterRegistry metrics;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;
    @ConfigProperty(name = "quarkus.application.name")
    String application;

    private Producer<String, String> producer;
    private volatile boolean closed;

    public String topic() {
        return config.consumer().deadLetterTopic().orElse(application + ".dlq");
    }

    /**
     * Sends the record to the dead-letter topic and returns once the broker has it.
     *
     * @param cause the unexpected failure behind a {@code FAILED} or {@code CONSTRAINT_VIOLATION}, logged with its
     *              stack trace; null for a rejection by the consumer's own rules
     * @throws IllegalStateException when interrupted before the broker acknowledged it (the service is stopping)
     */
    public void send(String channel, ConsumerRecord<String, String> record, RejectedRecord rejection,
                     Throwable cause) {
        String detail = cut(rejection.detail());
        deliver(channel, record, rejection.reason(), detail);
        Counter.builder(METRIC).description("Consumed records sent to the dead-letter topic")
                .tag("channel", channel).tag("reason", rejection.reason().name())
                .register(metrics).increment();
        String message = String.format("%s: record %s (key %s) dead-lettered to %s: %s: %s", channel,
                origin(record), record.key() == null ? "none" : EventChecks.shown(record.key()), topic(),
                rejection.reason(), detail);
        if (cause == null) {
            LOG.warn(message);
        } else {
            LOG.error(message, cause);
        }
    }

    private ProducerRecord<String, String> letter(String channel, ConsumerRecord<String, String> record,
                                                  RejectedRecord.Reason reason, String detail, String value) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(topic(), record.key(), value);
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        add(letter, REASON, reason.name());
        add(letter, DETAIL, detail);
        add(letter, CHANNEL, channel);
        add(letter, TOPIC, record.topic());
        add(letter, PARTITION, String.valueOf(record.partition()));
        add(letter, OFFSET, String.valueOf(record.offset()));
        return letter;
    }

    private void deliver(String channel, ConsumerRecord<String, String> record, RejectedRecord.Reason reason,
                         String detail) {
        ProducerRecord<String, String> letter = letter(channel, record, reason, detail, record.value());
        PlatformConfig.Consumer settings = config.consumer();
        Backoff backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
        while (true) {
            if (closed) {
                throw new IllegalStateException("the service is stopping; " + origin(record) + " is read again later");
            }
            try {
                producer().send(letter).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering " + origin(record), e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RecordTooLargeException && letter.value() != null) {
                    letter = letter(channel, record, reason, detail, null);
                    add(letter, VALUE_DROPPED, "true");
                    continue;
                }
                waitAfter(e.getCause(), record, backoff);
            } catch (TimeoutException | RuntimeException e) {
                waitAfter(e, record, backoff);
            }
        }
    }

    private void waitAfter(Throwable failure, ConsumerRecord<String, String> record, Backoff backoff) {
        Duration wait = backoff.next();
        LOG.warnf("dead-lettering %s to %s failed, trying again in %d ms: %s", origin(record), topic(),
                wait.toMillis(), String.valueOf(failure));
        if (!Backoff.sleep(wait)) {
            throw new IllegalStateException("interrupted while dead-lettering " + origin(record), failure);
        }
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> settings = KafkaClients.connectionSettings(kafkaConfig);
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-dead-letters");
            long timeout = config.consumer().sendTimeout().toMillis();
            settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
            settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout);
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
            settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        closed = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static String origin(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static String cut(String detail) {
        String text = detail == null ? "" : detail;
        return text.length() > DETAIL_CHARS ? text.substring(0, DETAIL_CHARS) + "..." : text;
    }

    private static void add(ProducerRecord<String, String> letter, String name, String value) {
        letter.headers().remove(name);
        letter.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
