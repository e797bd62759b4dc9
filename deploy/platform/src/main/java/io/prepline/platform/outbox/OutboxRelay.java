package io.prepline.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.prepline.platform.messaging.CloudEvents;
import io.prepline.platform.tracing.TraceHeaders;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * One round of the outbox relay, without threads or CDI so that it can be driven step by step.
 * <p>
 * In one transaction: take the PostgreSQL advisory lock (one relay across instances), read the oldest rows, send them
 * in id order with an idempotent acks=all producer, then delete exactly the ids the broker acknowledged. Deleting by
 * id rather than "everything up to the last id" matters: a transaction that took a lower id but commits after the
 * read is not seen by this round and must stay for the next one.
 * <p>
 * A row the broker can never take (too large, an invalid topic, a record it rejects) moves to {@code outbox_dead} with
 * its error, and the rows behind it go on. On any other failure the round stops at the first unacknowledged row: the
 * rows before it are deleted, that row and the ones after it are sent again (at least once; consumers are
 * idempotent), so a later event never overtakes an earlier one of the same key.
 * <p>
 * A row written while a trace was current carries its {@code traceparent}: the row is published in a producer span
 * of that trace, from when the row was written to when the broker acknowledged it (the time it spent in the outbox),
 * and the record's {@code traceparent} header names that span, so the consumers continue the same trace.
 */
public final class OutboxRelay {

    /** Failures that no retry can cure: the row goes to the dead table. */
    private static final Set<Class<? extends Exception>> NEVER_SENDABLE = Set.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidTopicException.class, InvalidRecordException.class,
            SerializationException.class);

    /** A row moved to {@code outbox_dead}. */
    public record DeadRow(long id, String topic, String key, String type, String error) {
    }

    /** What one round of the relay needs. */
    public record Settings(long lockKey, int batchSize, Duration sendTimeout, String source) {
    }

    private record Row(long id, String topic, String key, String type, String payload, OffsetDateTime createdAt,
                       String eventId, String traceparent) {
    }

    private final DataSource dataSource;
    private final Settings settings;
    private final Supplier<Producer<String, String>> producers;
    private final Consumer<DeadRow> onDead;
    private final Tracer tracer;
    private Producer<String, String> producer;

    public OutboxRelay(DataSource dataSource, Settings settings, Supplier<Producer<String, String>> producers,
                       Consumer<DeadRow> onDead, Tracer tracer) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.producers = producers;
        this.onDead = onDead;
        this.tracer = tracer;
    }

    /**
     * Relays one batch. Returns how many rows left the outbox (sent or dead), 0 when it is empty or another instance
     * holds the lock; throws after deleting what was done when the broker did not acknowledge a row in time.
     */
    public synchronized int relayBatch() throws Exception {
        List<DeadRow> dead = new ArrayList<>();
        Exception failure;
        int done;
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                if (!tryLock(db)) {
                    db.rollback();
                    return 0;
                }
                List<Row> rows = pending(db);
                List<Long> sent = new ArrayList<>();
                failure = publish(rows, sent, dead);
                moveToDead(db, rows, dead);
                delete(db, sent);
                db.commit();
                done = sent.size() + dead.size();
            } catch (Exception e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
        dead.forEach(onDead);
        if (failure != null) {
            throw failure;
        }
        return done;
    }

    /** Closes the producer; the next round opens a new one (after a failure, a fresh connection helps). */
    public synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                // closing a broken producer has nothing left to save
            }
            producer = null;
        }
    }

    private boolean tryLock(Connection db) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, settings.lockKey());
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private List<Row> pending(Connection db) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("""
                SELECT id, topic, record_key, event_type, payload::text, created_at, event_id::text, traceparent
                FROM outbox_event ORDER BY id LIMIT ?""")) {
            select.setInt(1, settings.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8)));
                }
            }
        }
        return rows;
    }

    /**
     * Sends the rows and sorts them into acknowledged and dead, in id order, up to the first row that may yet be sent;
     * returns the failure of that row, or null when every row was settled.
     */
    private Exception publish(List<Row> rows, List<Long> sent, List<DeadRow> dead) {
        if (rows.isEmpty()) {
            return null;
        }
        Producer<String, String> kafka = producer();
        List<Future<?>> acks = new ArrayList<>(rows.size());
        List<Span> spans = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Span span = publishSpan(row);
            spans.add(span);
            acks.add(send(kafka, row, span));
        }
        try {
            return settle(rows, acks, spans, sent, dead);
        } finally {
            // once the batch is settled: a span ends when its row was acknowledged, or given up for this round
            spans.forEach(Span::end);
        }
    }

    private Exception settle(List<Row> rows, List<Future<?>> acks, List<Span> spans, List<Long> sent,
                             List<DeadRow> dead) {
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(row.id());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                spans.get(i).recordException(cause);
                if (!neverSendable(cause)) {
                    return new IllegalStateException("the broker did not take event " + row.id() + ": " + cause, cause);
                }
                dead.add(new DeadRow(row.id(), row.topic(), row.key(), row.type(), cause.toString()));
            } catch (TimeoutException e) {
                return new IllegalStateException("the broker did not acknowledge event " + row.id() + " within "
                        + settings.sendTimeout(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return e;
            }
        }
        return null;
    }

    /** The producer span of a row written in a trace, from when it was written; an invalid span otherwise. */
    private Span publishSpan(Row row) {
        Context parent = TraceHeaders.context(row.traceparent());
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(row.topic() + " publish").setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setStartTimestamp(row.createdAt().toInstant())
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", row.topic())
                .setAttribute("messaging.message.id", row.eventId())
                .setAttribute("prepline.outbox.id", row.id())
                .startSpan();
    }

    private Future<?> send(Producer<String, String> kafka, Row row, Span span) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        CloudEvents.addHeaders(record, row.eventId(), settings.source(), row.type(), row.createdAt().toInstant());
        TraceHeaders.set(record.headers(), Context.root().with(span));
        try {
            return kafka.send(record);
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    static boolean neverSendable(Throwable failure) {
        return NEVER_SENDABLE.stream().anyMatch(type -> type.isInstance(failure));
    }

    private void moveToDead(Connection db, List<Row> rows, List<DeadRow> dead) throws SQLException {
        if (dead.isEmpty()) {
            return;
        }
        try (PreparedStatement move = db.prepareStatement("""
                INSERT INTO outbox_dead (id, event_id, topic, record_key, event_type, payload, created_at, traceparent,
                                         error)
                SELECT id, event_id, topic, record_key, event_type, payload, created_at, traceparent, ?
                FROM outbox_event WHERE id = ?""")) {
            for (DeadRow row : dead) {
                move.setString(1, row.error());
                move.setLong(2, row.id());
                move.addBatch();
            }
            move.executeBatch();
        }
        delete(db, dead.stream().map(DeadRow::id).toList());
    }

    private static void delete(Connection db, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM outbox_event WHERE id = ANY(?)")) {
            delete.setArray(1, db.createArrayOf("bigint", ids.toArray(Long[]::new)));
            delete.executeUpdate();
        }
    }

    /**
     * Opens the producer and reads the metadata of {@code topics} before the first rows come, so that the first events
     * after a start do not wait for the connection; each topic waits at most the producer's {@code max.block.ms}.
     */
    public void prepare(Collection<String> topics) {
        Producer<String, String> kafka = producer();
        topics.forEach(kafka::partitionsFor);
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }
}
