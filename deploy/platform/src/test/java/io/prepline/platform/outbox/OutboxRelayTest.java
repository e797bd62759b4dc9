package io.prepline.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.prepline.devstack.DevStack;
import io.prepline.platform.tracing.TraceHeaders;
import io.prepline.devstack.PostgresServer;
import io.prepline.devstack.SharedStack;
import io.prepline.devstack.TopicProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The relay against the real PostgreSQL and Kafka of the dev stack, driven one round at a time. */
class OutboxRelayTest {

    private static final String TOPIC = "platform.relay.test";
    private static SharedStack stack;

    private PGSimpleDataSource dataSource;
    private String schema;
    private final List<OutboxRelay.DeadRow> dead = new ArrayList<>();

    @BeforeAll
    static void topic() throws Exception {
        stack = DevStack.shared();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get();
            }
        }
        awaitPartitionsKnown();
    }

    /** A topic just created is not known to every client at once: the probes need its partitions. */
    private static void awaitPartitionsKnown() throws InterruptedException {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new StringDeserializer(),
                new StringDeserializer())) {
            for (int i = 0; i < 100 && consumer.partitionsFor(TOPIC, Duration.ofSeconds(5)).size() < 6; i++) {
                Thread.sleep(100);
            }
        }
    }

    @BeforeEach
    void schema() throws Exception {
        schema = "relay_" + UUID.randomUUID().toString().replace("-", "");
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(stack.jdbcUrl("questions"));
        dataSource.setUser(PostgresServer.USER);
        try (Connection db = dataSource.getConnection(); Statement s = db.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        dataSource.setCurrentSchema(schema);
        try (Connection db = dataSource.getConnection()) {
            OutboxTables.create(db);
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        dataSource.setCurrentSchema(null);
        try (Connection db = dataSource.getConnection(); Statement s = db.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void aLowerIdThatCommitsAfterTheRelayReadIsPublishedNotDeleted() throws Exception {
        String key = UUID.randomUUID().toString();
        try (Connection late = dataSource.getConnection(); TopicProbe probe = TopicProbe.fromNow(
                stack.bootstrapServers(), TOPIC)) {
            // an import takes the lower id and is still running ...
            late.setAutoCommit(false);
            insert(late, key + "-late", "{\"n\":1}");
            // ... while an author's edit takes the next id and commits
            insertCommitted(key + "-early", "{\"n\":2}");
            // the import commits while the relay publishes what it read: between its read and its delete
            AtomicReference<Exception> commitFailure = new AtomicReference<>();
            OutboxRelay relay = relay(() -> new OnFirstSend(producerSettings(), () -> {
                try {
                    late.commit();
                } catch (SQLException e) {
                    commitFailure.set(e);
                }
            }));

            assertEquals(1, relay.relayBatch());
            assertEquals(null, commitFailure.get());
            assertEquals(List.of(key + "-late"), keysInOutbox(), "the late row waits for the next round");
            assertEquals(1, relay.relayBatch());
            assertEquals(List.of(), keysInOutbox());
            relay.closeProducer();

            probe.awaitKey(key + "-early", Duration.ofSeconds(30));
            probe.awaitKey(key + "-late", Duration.ofSeconds(30));
        }
    }

    @Test
    void aRowTooLargeToPublishMovesToTheDeadTableAndTheRowsBehindItAreSent() throws Exception {
        String key = UUID.randomUUID().toString();
        insertCommitted(key + "-before", "{\"n\":1}");
        insertCommitted(key + "-huge", "{\"text\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        insertCommitted(key + "-after", "{\"n\":3}");
        try (TopicProbe probe = TopicProbe.fromNow(stack.bootstrapServers(), TOPIC)) {
            OutboxRelay relay = relay(() -> new KafkaProducer<>(producerSettings()));

            assertEquals(3, relay.relayBatch());
            relay.closeProducer();

            assertEquals(List.of(), keysInOutbox());
            assertEquals(1, dead.size(), "reported once");
            assertEquals(key + "-huge", dead.get(0).key());
            assertTrue(dead.get(0).error().contains("RecordTooLarge"), dead.get(0).error());
            try (Connection db = dataSource.getConnection(); Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("SELECT record_key, error, length(payload::text) FROM outbox_dead")) {
                assertTrue(rs.next());
                assertEquals(key + "-huge", rs.getString(1));
                assertTrue(rs.getString(2).contains("RecordTooLarge"));
                assertTrue(rs.getInt(3) > 2 * 1024 * 1024, "the payload is kept");
            }
            probe.awaitKey(key + "-before", Duration.ofSeconds(30));
            probe.awaitKey(key + "-after", Duration.ofSeconds(30));
        }
    }

    @Test
    void aRowWrittenInATraceIsPublishedInAProducerSpanOfThatTraceNamedByItsHeader() throws Exception {
        String key = UUID.randomUUID().toString();
        String request = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        insertCommitted(key + "-traced", "{\"n\":1}", request);
        insertCommitted(key + "-untraced", "{\"n\":2}", null);
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (SdkTracerProvider tracing = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
             TopicProbe probe = TopicProbe.fromNow(stack.bootstrapServers(), TOPIC)) {
            OutboxRelay relay = relay(() -> new KafkaProducer<>(producerSettings()), tracing.get("test"));
            assertEquals(2, relay.relayBatch());
            relay.closeProducer();

            SpanData publish = spans.getFinishedSpanItems().getFirst();
            assertEquals(1, spans.getFinishedSpanItems().size(), "no span for the untraced row");
            assertEquals(SpanKind.PRODUCER, publish.getKind());
            assertEquals(TOPIC + " publish", publish.getName());
            assertEquals("0af7651916cd43dd8448eb211c80319c", publish.getTraceId());
            assertEquals("b7ad6b7169203331", publish.getParentSpanId());
            SpanContext header = TraceHeaders.spanContext(TopicProbe.header(probe.awaitKey(key + "-traced",
                    Duration.ofSeconds(30)), TraceHeaders.TRACEPARENT));
            assertEquals(publish.getTraceId(), header.getTraceId());
            assertEquals(publish.getSpanId(), header.getSpanId(), "consumers continue the publish span");
            assertNull(TopicProbe.header(probe.awaitKey(key + "-untraced", Duration.ofSeconds(30)),
                    TraceHeaders.TRACEPARENT));
        }
    }

    @Test
    void nothingIsDeletedWhileTheBrokerDoesNotAcknowledge() throws Exception {
        insertCommitted("k1", "{\"n\":1}");
        Map<String, Object> unreachable = producerSettings();
        unreachable.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        unreachable.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "200");
        OutboxRelay relay = relay(() -> new KafkaProducer<>(unreachable));

        assertThrows(Exception.class, relay::relayBatch);
        relay.closeProducer();

        assertEquals(List.of("k1"), keysInOutbox());
        assertEquals(List.of(), dead);
    }

    @Test
    void anotherInstanceHoldingTheLockMeansThisOneRelaysNothing() throws Exception {
        insertCommitted("k1", "{\"n\":1}");
        long lockKey = lockKey();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, lockKey);
                lock.execute();
            }
            OutboxRelay relay = relay(() -> new KafkaProducer<>(producerSettings()));
            assertEquals(0, relay.relayBatch());
            assertEquals(List.of("k1"), keysInOutbox());
            other.rollback();
        }
    }

    private OutboxRelay relay(java.util.function.Supplier<Producer<String, String>> producers) {
        return relay(producers, OpenTelemetry.noop().getTracer("test"));
    }

    private OutboxRelay relay(java.util.function.Supplier<Producer<String, String>> producers, Tracer tracer) {
        return new OutboxRelay(dataSource, new OutboxRelay.Settings(lockKey(), 100, Duration.ofSeconds(20),
                "/platform-test"), producers, dead::add, tracer);
    }

    /** One lock per schema, so a relay test never waits for another one. */
    private long lockKey() {
        return schema.hashCode();
    }

    private Map<String, Object> producerSettings() {
        Map<String, Object> props = new java.util.HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    private void insertCommitted(String key, String payload) throws SQLException {
        insertCommitted(key, payload, null);
    }

    private void insertCommitted(String key, String payload, String traceparent) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            insert(db, key, payload, traceparent);
        }
    }

    private static void insert(Connection db, String key, String payload) throws SQLException {
        insert(db, key, payload, null);
    }

    private static void insert(Connection db, String key, String payload, String traceparent) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO outbox_event (topic, record_key, event_type, "
                + "payload, traceparent) VALUES (?, ?, 'io.prepline.test.v1', CAST(? AS jsonb), ?)")) {
            insert.setString(1, TOPIC);
            insert.setString(2, key);
            insert.setString(3, payload);
            insert.setString(4, traceparent);
            insert.executeUpdate();
        }
    }

    private List<String> keysInOutbox() throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection db = dataSource.getConnection(); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT record_key FROM outbox_event ORDER BY id")) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    /** A real producer that runs an action just before its first send: after the relay's read, before its delete. */
    private static final class OnFirstSend extends KafkaProducer<String, String> {
        private Runnable action;

        OnFirstSend(Map<String, Object> settings, Runnable action) {
            super(settings);
            this.action = action;
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
            if (action != null) {
                Runnable once = action;
                action = null;
                once.run();
            }
            return super.send(record, callback);
        }
    }
}
