package io.prepline.answer.decision;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.prepline.answer.AnswerConfig;
import io.prepline.answer.live.StatusHistory;
import io.prepline.answer.progress.XpLedger;
import io.prepline.platform.outbox.Outbox;
import io.prepline.answer.submission.Answer;

/**
 * What follows every final decision, automatic or human, in the transaction that records it: the status history,
 * the {@code answers.decided.v1} event through the outbox, and the day's XP for an approval (withdrawn when an
 * approval is overturned).
 */
@ApplicationScoped
public class Decisions {

    public static final String AUTO = "auto";

    @Inject
    Outbox outbox;

    @Inject
    StatusHistory history;

    @Inject
    XpLedger xp;

    @Inject
    AnswerConfig config;

    @Inject
    DecisionMetrics metrics;

    /**
     * @param fromStatus the status before this decision: an approval that becomes anything else loses its XP
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decided(Answer answer, String fromStatus, String decision, String decidedBy, Instant at) {
        history.append(answer.id, decision, answer.overall, decidedBy);
        metrics.decided(answer, fromStatus, at);
        outbox.append(config.topics().decided(), answer.id.toString(), DecidedEvent.TYPE,
                new DecidedEvent(answer.id, answer.userId, answer.questionId, answer.part, decision, decidedBy,
                        answer.overall, at));
        if ("APPROVED".equals(decision)) {
            xp.awardFirstApprovalOfDay(answer.userId, answer.id, at);
        } else {
            leftApproval(answer, fromStatus);
        }
    }

    /** Called whenever an answer's status changes away from {@code fromStatus} without a new decision too. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void leftApproval(Answer answer, String fromStatus) {
        if ("APPROVED".equals(fromStatus)) {
            xp.withdraw(answer.userId, answer.id);
        }
    }
}
