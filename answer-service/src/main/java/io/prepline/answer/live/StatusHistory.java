package io.prepline.answer.live;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Appends to an answer's status history, in the transaction that changes the status. */
@ApplicationScoped
public class StatusHistory {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(UUID answerId, String status, Integer overall, String actor) {
        em.createNativeQuery("""
                        INSERT INTO answer_status_history (answer_id, status, overall, actor)
                        VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, answerId).setParameter(2, status).setParameter(3, overall).setParameter(4, actor)
                .executeUpdate();
    }
}
