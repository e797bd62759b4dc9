package io.prepline.answer.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.prepline.answer.Jdbc;

/**
 * Writes an event in the caller's transaction: it becomes durable exactly when the change it describes does, and
 * {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, String eventType, Object payload) {
        String json = EventJson.write(payload);
        Jdbc.update(em, "INSERT INTO outbox_event (topic, record_key, event_type, payload) VALUES (?, ?, ?, CAST(? AS jsonb))",
                ps -> {
                    ps.setString(1, topic);
                    ps.setString(2, key);
                    ps.setString(3, eventType);
                    ps.setString(4, json);
                });
    }
}
