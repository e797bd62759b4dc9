package io.prepline.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;

import io.prepline.platform.PlatformConfig;
import io.prepline.platform.messaging.EventJson;
import io.prepline.platform.pg.AfterCommit;
import io.prepline.platform.tracing.TraceHeaders;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

/**
 * Writes an event in the caller's transaction: it becomes durable exactly when the change it describes does, and the
 * relay publishes it afterwards. Needs the tables of {@code outbox.sql} in this module's README. The trace the caller
 * is in (the request that made the change) is stored with the event, and the relay publishes the event in it. The
 * commit wakes the relay ({@link OutboxSignal}).
 */
@ApplicationScoped
@IfBuildProperty(name = "prepline.outbox.enabled", stringValue = "true")
public class Outbox {

    /** Marks a transaction whose commit already wakes the relay. */
    private static final Object SIGNALLED = new Object();

    @Inject
    EntityManager em;
    @Inject
    PlatformConfig config;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    OutboxSignal signal;

    /** Writes {@code payload} as event JSON. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, String eventType, Object payload) {
        appendJson(topic, key, eventType, EventJson.write(payload));
    }

    /**
     * Writes a payload already serialised. Refuses one larger than the relay can publish; callers that can name the
     * field at fault check {@link #fits(String)} first and answer better.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendJson(String topic, String key, String eventType, String json) {
        if (!fits(json)) {
            throw new IllegalArgumentException("event " + eventType + " of " + key + " has " + bytes(json)
                    + " bytes, more than prepline.outbox.max-payload-bytes (" + maxPayloadBytes() + ")");
        }
        // plain JDBC on the transaction's connection: unlike a native query, it does not flush the session first, so
        // writing an event never changes when the caller's own statements (and their row locks) reach the database
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_event (topic, record_key, "
                    + "event_type, payload, traceparent) VALUES (?, ?, ?, CAST(? AS jsonb), ?)")) {
                insert.setString(1, topic);
                insert.setString(2, key);
                insert.setString(3, eventType);
                insert.setString(4, json);
                insert.setString(5, TraceHeaders.current());
                insert.executeUpdate();
            }
        });
        signalAtCommit();
    }

    private void signalAtCommit() {
        if (transactions.getResource(SIGNALLED) == null) {
            transactions.putResource(SIGNALLED, Boolean.TRUE);
            AfterCommit.run(transactions, signal::committed);
        }
    }

    /** Whether the relay can publish this payload. */
    public boolean fits(String json) {
        return bytes(json) <= maxPayloadBytes();
    }

    public int maxPayloadBytes() {
        return config.outbox().maxPayloadBytes();
    }

    public static int bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8).length;
    }
}
