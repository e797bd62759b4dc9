package io.prepline.answer.scoring;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.prepline.answer.AnswerConfig;
import io.prepline.answer.decision.DecisionRules;
import io.prepline.answer.decision.Decisions;
import io.prepline.answer.live.StatusHistory;
import io.prepline.answer.submission.Answer;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/** Stores machine scores and takes the automatic decision. Idempotent: a score that brings nothing new is ignored. */
@ApplicationScoped
public class ScoringService {

    public enum Result { APPLIED, UNKNOWN_ANSWER, IGNORED }

    private static final Logger LOG = Logger.getLogger(ScoringService.class);
    private static final Set<String> RESCORABLE = Set.of("SCORED", "NEEDS_REVIEW");

    @Inject
    EntityManager em;

    @Inject
    Decisions decisions;

    @Inject
    StatusHistory history;

    @Inject
    AnswerConfig config;

    private DecisionRules rules;

    @PostConstruct
    void init() {
        rules = DecisionRules.of(config.decision());
    }

    /** Creates the bean at start-up: inconsistent thresholds stop the service then, not at the first score. */
    void start(@Observes StartupEvent event) {
        // init() has run
    }

    @Transactional
    public Result apply(ScoredEvent event, String document) {
        // the row lock orders this against a redelivery being handled elsewhere and against reviewers
        Answer answer = Answer.findById(event.answerId(), LockModeType.PESSIMISTIC_WRITE);
        if (answer == null) {
            return Result.UNKNOWN_ANSWER;
        }
        if (event.revision() != answer.revision) {
            LOG.infof("score for revision %d of answer %s (revision %d) ignored", event.revision(), answer.id,
                    answer.revision);
            return Result.IGNORED;
        }
        boolean first = "SUBMITTED".equals(answer.status);
        // a newer scorer may replace a score until a decision is final; the same or an older one never does
        boolean newerScorer = !first && RESCORABLE.contains(answer.status) && answer.reviewedBy == null
                && ScorerVersion.compare(event.scorerVersion(), answer.scorerVersion) > 0;
        if (!first && !newerScorer) {
            return Result.IGNORED;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        answer.overall = event.overall();
        answer.confidence = event.confidence();
        answer.verdict = event.verdict();
        answer.scorerVersion = event.scorerVersion();
        answer.rubricVersion = event.rubricVersion();
        answer.score = document;
        answer.scoredAt = now;
        answer.status = "SCORED";
        answer.version++;
        replaceCriteria(answer, event);
        history.append(answer.id, "SCORED", answer.overall, "scorer " + event.scorerVersion());

        DecisionRules.Outcome outcome = rules.decide(event.overall(), event.confidence(), event.verdict());
        answer.status = outcome.name();
        if (outcome == DecisionRules.Outcome.NEEDS_REVIEW) {
            history.append(answer.id, answer.status, answer.overall, Decisions.AUTO);
        } else {
            answer.decision = outcome.name();
            answer.decidedBy = Decisions.AUTO;
            answer.decidedAt = now;
            decisions.decided(answer, outcome.name(), Decisions.AUTO, now);
        }
        return Result.APPLIED;
    }

    private void replaceCriteria(Answer answer, ScoredEvent event) {
        em.createNativeQuery("DELETE FROM answer_criterion WHERE answer_id = ?1").setParameter(1, answer.id)
                .executeUpdate();
        if (event.criteria() == null) {
            return;
        }
        for (ScoredEvent.Criterion c : event.criteria()) {
            if (c == null || c.key() == null || c.score() == null) {
                continue;
            }
            em.createNativeQuery("""
                            INSERT INTO answer_criterion (answer_id, key, kind, title, machine_score)
                            VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                    .setParameter(1, answer.id).setParameter(2, c.key()).setParameter(3, c.kind())
                    .setParameter(4, c.title()).setParameter(5, c.score())
                    .executeUpdate();
        }
    }
}
