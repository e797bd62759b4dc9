package io.prepline.answer.scoring;

import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.prepline.answer.decision.Decisions;
import io.prepline.answer.live.StatusHistory;
import io.prepline.answer.submission.Answer;

/**
 * Sends an answer the worker could not score to a reviewer: NEEDS_REVIEW with the reason. Exactly once: the dead
 * letter is recorded (keyed by answer and failure time) in the same transaction, so a redelivery finds it. A letter
 * about a submission another service forged is recorded and moves nothing.
 */
@ApplicationScoped
public class DeadLetters {

    public enum Result { APPLIED, UNKNOWN_ANSWER, IGNORED }

    @Inject
    EntityManager em;

    @Inject
    StatusHistory history;

    @Inject
    Decisions decisions;

    @Transactional
    public Result apply(UUID answerId, DeadLetter letter) {
        Answer answer = Answer.findById(answerId, LockModeType.PESSIMISTIC_WRITE);
        if (answer == null) {
            return Result.UNKNOWN_ANSWER;
        }
        int recorded = em.createNativeQuery("""
                        INSERT INTO dead_letter (answer_id, reason, detail, failed_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, answerId).setParameter(2, letter.reason()).setParameter(3, letter.shortDetail())
                .setParameter(4, letter.failedAt().atOffset(ZoneOffset.UTC))
                .executeUpdate();
        // only a submission still waiting for its (first or requested) score is stranded; a human decision is final
        boolean waiting = "SUBMITTED".equals(answer.status) || answer.rescoreRequestedAt != null;
        if (recorded == 0 || answer.reviewedBy != null || !waiting || !letter.concernsTheAnswer()) {
            return Result.IGNORED;
        }
        String fromStatus = answer.status;
        answer.status = "NEEDS_REVIEW";
        answer.reviewReason = letter.describe();
        answer.rescoreRequestedAt = null;
        answer.rescoreRubricVersion = null;
        answer.decision = null;
        answer.decidedBy = null;
        answer.decidedAt = null;
        answer.version++;
        em.flush();
        history.append(answer.id, answer.status, answer.overall, StatusHistory.DEAD_LETTER);
        decisions.leftApproval(answer, fromStatus);
        return Result.APPLIED;
    }
}
