package io.prepline.devstack;

import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A test's view of one topic: reads every record from the beginning (or from the end at the time it was opened)
 * and sends records as another service would.
 */
public final class TopicProbe implements AutoCloseable {

    private static final Map<String, KafkaProducer<String, String>> PRODUCERS = new ConcurrentHashMap<>();

    private final String bootstrapServers;
    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicProbe(String bootstrapServers, String topic, boolean fromBeginning) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(PartitionInfo::partition).map(p -> new TopicPartition(topic, p)).toList();
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }
    }

    /** Records of {@code topic} sent from now on. */
    public static TopicProbe fromNow(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic, false);
    }

    /** Every record of {@code topic}, old and new. */
    public static TopicProbe fromBeginning(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic, true);
    }

    /** Waits for the first record, seen or to come, that matches {@code match}. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        return find(match, timeout).orElseThrow(() -> new AssertionError(
                "no matching record on " + topic + " within " + timeout + "; saw " + seen.size() + " records"));
    }

    /** The first record with {@code key}, waiting up to {@code timeout}. */
    public ConsumerRecord<String, String> awaitKey(String key, Duration timeout) {
        return await(r -> key.equals(r.key()), timeout);
    }

    /** The first record with {@code key} whose header {@code name} is {@code value}, waiting up to {@code timeout}. */
    public ConsumerRecord<String, String> awaitHeader(String key, String name, String value, Duration timeout) {
        return await(r -> key.equals(r.key()) && value.equals(header(r, name)), timeout);
    }

    /** Every record read within {@code duration} that matches {@code match}, for checking that nothing more comes. */
    public List<ConsumerRecord<String, String>> collect(Predicate<ConsumerRecord<String, String>> match, Duration duration) {
        Instant end = Instant.now().plus(duration);
        while (Instant.now().isBefore(end)) {
            poll();
        }
        return seen.stream().filter(match).toList();
    }

    private Optional<ConsumerRecord<String, String>> find(Predicate<ConsumerRecord<String, String>> match,
                                                          Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        int checked = 0;
        do {
            for (; checked < seen.size(); checked++) {
                if (match.test(seen.get(checked))) {
                    return Optional.of(seen.get(checked));
                }
            }
            poll();
        } while (Instant.now().isBefore(end) || checked < seen.size());
        return Optional.empty();
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }

    /** Sends one record without headers and waits for the broker's acknowledgement. */
    public void send(String key, String value) {
        send(key, value, Map.of());
    }

    /**
     * Sends one record as the service whose CloudEvents source is {@code source} would (binary-mode {@code ce_*}
     * headers) and waits for the broker's acknowledgement.
     */
    public void sendFrom(String source, String key, String value) {
        send(key, value, cloudEvent(source));
    }

    /** As {@link #sendFrom(String, String, String)}, in the trace that a W3C {@code traceparent} header names. */
    public void sendFrom(String source, String key, String value, String traceparent) {
        Map<String, String> headers = cloudEvent(source);
        headers.put("traceparent", traceparent);
        send(key, value, headers);
    }

    private static Map<String, String> cloudEvent(String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_source", source);
        headers.put("ce_time", Instant.now().toString());
        headers.put("content-type", "application/json");
        return headers;
    }

    /** Sends one record with these headers and waits for the broker's acknowledgement. */
    public void send(String key, String value, Map<String, String> headers) {
        send(bootstrapServers, topic, key, value, headers);
    }

    /**
     * Sends one record to {@code topic} as the service whose CloudEvents source is {@code source} would, without
     * reading the topic, and waits for the broker's acknowledgement.
     */
    public static void sendFrom(String bootstrapServers, String topic, String source, String key, String value) {
        send(bootstrapServers, topic, key, value, cloudEvent(source));
    }

    /**
     * Sends one record as {@code source} would, inside a transaction that is then aborted: the record is written to the
     * log, and a {@code read_committed} consumer never sees it (as when a worker dies before it commits).
     */
    public static void sendAborted(String bootstrapServers, String topic, String source, String key, String value) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "probe-aborted-" + UUID.randomUUID());
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(record(topic, key, value, cloudEvent(source)));
            producer.flush();
            producer.abortTransaction();
        }
    }

    private static ProducerRecord<String, String> record(String topic, String key, String value,
                                                         Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static void send(String bootstrapServers, String topic, String key, String value,
                             Map<String, String> headers) {
        ProducerRecord<String, String> record = record(topic, key, value, headers);
        try {
            producer(bootstrapServers).send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /**
     * One producer per broker for the whole JVM: starting one takes longer than sending a record, and tests send
     * hundreds. Each record is sent on its own and acknowledged before the next (no linger).
     */
    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        return PRODUCERS.computeIfAbsent(bootstrapServers, servers -> {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        });
    }

    /** The last value of a header of a record as text, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
