package io.prepline.answer.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.prepline.answer.AnswerConfig;

/** XP for the first approved answer of each UTC day; the table's keys make it once per day and once per answer. */
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
        return em.createNativeQuery("""
                        INSERT INTO xp_award (user_id, day, answer_id, xp) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, userId).setParameter(2, day).setParameter(3, answerId)
                .setParameter(4, config.progress().dailyXp())
                .executeUpdate() == 1;
    }
}
