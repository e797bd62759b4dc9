package io.prepline.answer.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.prepline.answer.AnswerConfig;
import io.prepline.answer.Jdbc;

/**
 * XP for the first approved answer of each UTC day; the table's keys make it once per day and once per answer.
 * Awards and withdrawals of one user take the same advisory lock before they read anything, so a withdrawal sees
 * every approval and every moved award committed before it, and an approval that waits for it finds the day free.
 */
@ApplicationScoped
public class XpLedger {

    @Inject
    EntityManager em;

    @Inject
    AnswerConfig config;

    /** @return whether this approval earned the day's XP */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean awardFirstApprovalOfDay(String userId, UUID answerId, Instant approvedAt) {
        LocalDate day = LocalDate.ofInstant(approvedAt, ZoneOffset.UTC);
        lockUser(userId);
        return insert(userId, day, answerId);
    }

    /**
     * An approval was overturned: the XP it earned goes, unless another approved answer of the same user and UTC day
     * still earns it (that answer then holds the day's award). Nothing happens when the answer earned nothing.
     *
     * @return whether the user lost the day's XP
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean withdraw(String userId, UUID answerId) {
        // the lock comes before any read: an award moved to this answer by a concurrent withdrawal is then visible
        lockUser(userId);
        List<?> days = em.createNativeQuery("SELECT day FROM xp_award WHERE answer_id = ?1")
                .setParameter(1, answerId).getResultList();
        if (days.isEmpty()) {
            return false;
        }
        LocalDate day = days.get(0) instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) days.get(0);
        int deleted = em.createNativeQuery("DELETE FROM xp_award WHERE answer_id = ?1").setParameter(1, answerId)
                .executeUpdate();
        if (deleted == 0) {
            return false; // withdrawn concurrently
        }
        em.flush();
        List<?> others = em.createNativeQuery("""
                        SELECT id FROM answer
                        WHERE user_id = ?1 AND status = 'APPROVED' AND id <> ?2
                          AND CAST(decided_at AT TIME ZONE 'UTC' AS date) = CAST(?3 AS date)
                        ORDER BY decided_at, id LIMIT 1""")
                .setParameter(1, userId).setParameter(2, answerId).setParameter(3, day.toString())
                .getResultList();
        return others.isEmpty() || !insert(userId, day, (UUID) others.get(0));
    }

    private boolean insert(String userId, LocalDate day, UUID answerId) {
        return em.createNativeQuery("""
                        INSERT INTO xp_award (user_id, day, answer_id, xp) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, userId).setParameter(2, day).setParameter(3, answerId)
                .setParameter(4, config.progress().dailyXp())
                .executeUpdate() == 1;
    }

    /** One user's awards and withdrawals, whatever the day, one at a time (until the transaction ends). */
    private void lockUser(String userId) {
        Jdbc.query(em, "SELECT 1 FROM pg_advisory_xact_lock(hashtext(?))", ps -> ps.setString(1, "xp:" + userId),
                rows -> rows.next());
    }
}
