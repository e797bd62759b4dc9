package io.prepline.answer.rescoring;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.prepline.answer.AnswerConfig;
import io.prepline.answer.live.StatusHistory;
import io.prepline.platform.outbox.Outbox;
import io.prepline.answer.submission.Answer;
import io.prepline.answer.submission.SubmittedEvent;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

/**
 * Publishes requested re-scores (a newer rubric version, a reviewer's request) at a bounded rate: each run takes at
 * most {@code answer.rescore.batch-size} requests in one short transaction, and for each answer still open to a
 * re-score writes the submission again to the outbox (never straight to Kafka), marks the answer as waiting for a
 * new score and records RESCORING in its status history. Instances share the work: rows are taken with SKIP LOCKED.
 */
@ApplicationScoped
public class RescoreJob {

    public static final String RESCORING = "RESCORING";
    private static final Logger LOG = Logger.getLogger(RescoreJob.class);

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    StatusHistory history;

    @Inject
    AnswerConfig config;

    @Scheduled(every = "${answer.rescore.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "rescore")
    void run() {
        try {
            int published = publishBatch();
            if (published > 0) {
                LOG.debugf("%d re-scores published", published);
            }
        } catch (RuntimeException e) {
            LOG.warnf("publishing re-scores failed, retrying at the next run: %s", e.toString());
        }
    }

    /** @return how many re-scores this batch published */
    @Transactional
    public int publishBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> requests = em.createNativeQuery("""
                        SELECT answer_id, rubric_version FROM rescore_request ORDER BY requested_at, answer_id
                        LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, config.rescore().batchSize()).getResultList();
        int published = 0;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Object[] request : requests) {
            UUID answerId = (UUID) request[0];
            em.createNativeQuery("DELETE FROM rescore_request WHERE answer_id = ?1").setParameter(1, answerId)
                    .executeUpdate();
            Answer answer = Answer.findById(answerId, LockModeType.PESSIMISTIC_WRITE);
            // decided by a human since the request, or still waiting for its first score: nothing to re-score
            if (answer == null || answer.reviewedBy != null || "SUBMITTED".equals(answer.status)) {
                continue;
            }
            answer.rescoreRequestedAt = now;
            answer.rescoreRubricVersion = (Integer) request[1];
            answer.version++;
            em.flush();
            history.append(answer.id, RESCORING, answer.overall, StatusHistory.RESCORE);
            outbox.append(config.topics().submitted(), answer.id.toString(), SubmittedEvent.TYPE,
                    SubmittedEvent.of(answer));
            published++;
        }
        return published;
    }
}
