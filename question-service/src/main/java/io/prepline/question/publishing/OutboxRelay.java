package io.prepline.question.publishing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.prepline.question.QuestionConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Moves outbox rows to Kafka in id order: one transaction holds a PostgreSQL advisory lock (so one relay is active
 * across instances), sends a batch with an idempotent acks=all producer, and deletes the acknowledged prefix. While
 * the broker is unreachable nothing is deleted and the relay backs off; the rows wait in the database.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    DataSource dataSource;
    @Inject
    QuestionConfig config;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    void start(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(Duration.ofSeconds(5));
        }
        closeProducer();
    }

    private void loop() {
        Duration idle = config.relay().pollInterval();
        Duration backoff = idle;
        while (running) {
            try {
                int sent = relayBatch();
                backoff = idle;
                if (sent < config.relay().batchSize()) {
                    Thread.sleep(idle);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("outbox relay: %s; retrying in %s", e.getMessage(), backoff);
                closeProducer();
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = min(backoff.multipliedBy(2), config.relay().maxBackoff());
            }
        }
    }

    /** One round: returns the number of events acknowledged and deleted, 0 when another instance holds the lock. */
    int relayBatch() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                int done = relayLocked(db);
                db.commit();
                return done;
            } catch (Exception e) {
                db.rollback();
                throw e;
            }
        }
    }

    private int relayLocked(Connection db) throws Exception {
        try (PreparedStatement lock = db.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, config.relay().lockId());
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(
                "SELECT id, topic, record_key, event_type, payload::text, created_at, event_id FROM outbox_event "
                        + "ORDER BY id LIMIT ?")) {
            select.setInt(1, config.relay().batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class), rs.getString(7)));
                }
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        KafkaProducer<String, String> out = producer();
        List<Future<?>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            acks.add(out.send(record(row)));
        }
        out.flush();
        // Delete only the acknowledged prefix, so a failure never lets a later event overtake an earlier one.
        int acked = 0;
        Exception failure = null;
        for (Future<?> ack : acks) {
            try {
                ack.get(config.relay().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acked++;
            } catch (Exception e) {
                failure = e;
                break;
            }
        }
        if (acked > 0) {
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM outbox_event WHERE id <= ?")) {
                delete.setLong(1, rows.get(acked - 1).id());
                delete.executeUpdate();
            }
        }
        if (failure != null) {
            db.commit();
            throw new IllegalStateException("broker did not acknowledge event " + rows.get(acked).id() + ": "
                    + failure.getMessage(), failure);
        }
        return acked;
    }

    private ProducerRecord<String, String> record(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", row.eventId());
        header(record, "ce_source", config.relay().source());
        header(record, "ce_type", row.type());
        header(record, "ce_time", row.createdAt().format(DateTimeFormatter.ISO_INSTANT));
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            long timeout = config.relay().sendTimeout().toMillis();
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, 5000));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout, 5000 + 5 + 1));
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "question-service-outbox");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record Row(long id, String topic, String key, String type, String payload, OffsetDateTime createdAt,
                       String eventId) {
    }

}
