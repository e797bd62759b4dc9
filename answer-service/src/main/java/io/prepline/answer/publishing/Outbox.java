package io.prepline.answer.publishing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
        em.createNativeQuery("""
                        INSERT INTO outbox_event (topic, record_key, event_type, payload)
                        VALUES (?1, ?2, ?3, CAST(?4 AS jsonb))""")
                .setParameter(1, topic).setParameter(2, key).setParameter(3, eventType)
                .setParameter(4, EventJson.write(payload))
                .executeUpdate();
    }
}
