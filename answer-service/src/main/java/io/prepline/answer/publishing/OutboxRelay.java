package io.prepline.answer.publishing;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.prepline.answer.AnswerConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in id order and deletes them once the broker has acknowledged them (acks=all, idempotent
 * producer). Only the instance holding a PostgreSQL advisory lock relays, so several instances never race; while the
 * broker is unreachable the relay backs off and the rows wait. At-least-once: a crash between the acknowledgement
 * and the delete sends a row again, and consumers are idempotent.
 */
@ApplicationScoped
public class OutboxRelay {

    static final String SOURCE = "/answer-service";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AnswerConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private KafkaProducer<String, String> producer;
    private Instant nextAttempt = Instant.MIN;
    private Duration backoff = Duration.ZERO;

    private record Row(long id, String topic, String key, String type, String payload, OffsetDateTime createdAt,
                       String eventId) {
    }

    private volatile boolean running;
    private Thread loop;

    /** Quarkus' scheduler runs nothing more often than once a second: the relay keeps its own loop. */
    void start(@Observes StartupEvent event) {
        running = true;
        loop = Thread.ofPlatform().daemon().name("outbox-relay").start(() -> {
            while (running) {
                tick();
                try {
                    Thread.sleep(config.relay().interval());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    synchronized void tick() {
        if (Instant.now().isBefore(nextAttempt)) {
            return;
        }
        try {
            int relayed;
            do {
                relayed = relayBatch();
            } while (relayed == config.relay().batchSize());
            backoff = Duration.ZERO;
        } catch (Exception e) {
            Duration min = config.relay().minBackoff();
            backoff = backoff.isZero() ? min : backoff.multipliedBy(2);
            if (backoff.compareTo(config.relay().maxBackoff()) > 0) {
                backoff = config.relay().maxBackoff();
            }
            nextAttempt = Instant.now().plus(backoff);
            LOG.warnf("outbox relay failed, retrying in %d ms: %s", backoff.toMillis(), e.toString());
            closeProducer();
        }
    }

    /** Relays one batch; returns how many rows were published (0 when another instance holds the lock). */
    int relayBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!tryLock(c)) {
                    c.rollback();
                    return 0;
                }
                List<Row> rows = pending(c);
                if (rows.isEmpty()) {
                    c.commit();
                    return 0;
                }
                publish(rows);
                delete(c, rows);
                c.commit();
                return rows.size();
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, config.relay().lockKey());
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private List<Row> pending(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT id, topic, record_key, event_type, payload::text, created_at, event_id::text
                FROM outbox_event ORDER BY id LIMIT ?""")) {
            select.setInt(1, config.relay().batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7)));
                }
            }
        }
        return rows;
    }

    private void publish(List<Row> rows) throws Exception {
        KafkaProducer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", row.eventId());
            header(record, "ce_source", SOURCE);
            header(record, "ce_type", row.type());
            header(record, "ce_time", row.createdAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            header(record, "content-type", "application/json");
            acks.add(kafka.send(record));
        }
        long deadline = System.nanoTime() + config.relay().sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private void delete(Connection c, List<Row> rows) throws SQLException {
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox_event WHERE id = ANY(?)")) {
            Array array = c.createArrayOf("bigint", ids);
            delete.setArray(1, array);
            delete.executeUpdate();
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            kafkaConfig.forEach((k, v) -> {
                if (k.startsWith("bootstrap.") || k.startsWith("security.") || k.startsWith("sasl.")
                        || k.startsWith("ssl.")) {
                    props.put(k, String.valueOf(v));
                }
            });
            int timeout = (int) config.relay().sendTimeout().toMillis();
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "answer-service-outbox");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeout / 2));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeout));
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout / 2));
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("closing the outbox producer failed", e);
            }
            producer = null;
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(config.relay().sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            closeProducer();
        }
    }
}
