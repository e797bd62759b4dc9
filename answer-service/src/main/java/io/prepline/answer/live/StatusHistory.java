package io.prepline.answer.live;

import java.sql.Types;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.prepline.answer.Jdbc;

/** Appends to an answer's status history, in the transaction that changes the status. */
@ApplicationScoped
public class StatusHistory {

    /** Actors that are no person: the automatic decision, the scorer, dead letters, re-scores. */
    public static final String DEAD_LETTER = "dead-letter";
    public static final String RESCORE = "rescore";

    @Inject
    EntityManager em;

    public static boolean isSystem(String actor) {
        return "auto".equals(actor) || actor.startsWith("scorer ") || DEAD_LETTER.equals(actor)
                || RESCORE.equals(actor);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(UUID answerId, String status, Integer overall, String actor) {
        em.flush(); // the answer row this refers to
        Jdbc.update(em, "INSERT INTO answer_status_history (answer_id, status, overall, actor) VALUES (?, ?, ?, ?)",
                ps -> {
                    ps.setObject(1, answerId);
                    ps.setString(2, status);
                    ps.setObject(3, overall, Types.INTEGER);
                    ps.setString(4, actor);
                });
    }
}
