package io.prepline.answer.scoring;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.prepline.answer.AnswerConfig;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.prepline.answer.decision.DecisionMetrics;
import io.prepline.answer.decision.DecisionRules;
import io.prepline.answer.decision.Decisions;
import io.prepline.answer.live.StatusHistory;
import io.prepline.answer.submission.Answer;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/** Stores machine scores and takes the automatic decision. Idempotent: a score that brings nothing new is ignored. */
@ApplicationScoped
public class ScoringService {

    /** {@code OTHER_QUESTION}: the score names another question or part than the answer's, so it is not its score. */
    public enum Result { APPLIED, UNKNOWN_ANSWER, OTHER_QUESTION, IGNORED }

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

    @Inject
    DecisionMetrics metrics;

    @Inject
    Tracer tracer;

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
        if (!answer.questionId.equals(event.questionId()) || !Objects.equals(answer.part, event.part())) {
            return Result.OTHER_QUESTION;
        }
        if (event.revision() != answer.revision) {
            LOG.infof("score for revision %d of answer %s (revision %d) ignored", event.revision(), answer.id,
                    answer.revision);
            return Result.IGNORED;
        }
        if (!accepts(answer, event)) {
            return Result.IGNORED;
        }
        String fromStatus = answer.status;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        metrics.scored(answer, answer.score == null, now);
        store(answer, event, document, now);
        history.append(answer.id, "SCORED", answer.overall, "scorer " + event.scorerVersion());
        Span span = tracer.spanBuilder("auto decision").setAttribute("prepline.answer.id", answer.id.toString())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            decide(answer, fromStatus, event, now);
        } finally {
            span.end();
        }
        return Result.APPLIED;
    }

    /**
     * Whether a score replaces what the answer has. A human decision is final. An answer without a score takes any
     * score. A score against an older rubric version is stale; one against a newer version replaces the stored one.
     * For the same rubric version, a pending re-score takes the score it waits for (a reviewer's request: the next
     * one), and otherwise a strictly newer scorer may re-score an answer that waits for a reviewer. Redeliveries and
     * the same or older scorers change nothing.
     */
    static boolean accepts(Answer answer, ScoredEvent event) {
        if (answer.reviewedBy != null) {
            return false;
        }
        if (answer.score == null) {
            return true;
        }
        int rubric = compareRubric(event.rubricVersion(), answer.rubricVersion);
        if (rubric < 0) {
            return false;
        }
        if (rubric > 0) {
            return true;
        }
        if (answer.rescoreRequestedAt != null) {
            // a re-score for a new rubric waits for a score against it; one a reviewer asked for takes the next score
            return answer.rescoreRubricVersion == null || compareRubric(event.rubricVersion(),
                    answer.rescoreRubricVersion) >= 0;
        }
        return RESCORABLE.contains(answer.status)
                && ScorerVersion.compare(event.scorerVersion(), answer.scorerVersion) > 0;
    }

    private static int compareRubric(Integer event, Integer stored) {
        if (stored == null) {
            return event == null ? 0 : 1;
        }
        return event == null ? -1 : Integer.compare(event, stored);
    }

    private void store(Answer answer, ScoredEvent event, String document, Instant now) {
        answer.overall = event.overall();
        answer.confidence = event.confidence();
        answer.verdict = event.verdict();
        answer.scorerVersion = event.scorerVersion();
        answer.rubricVersion = event.rubricVersion();
        answer.score = document;
        answer.scoredAt = now;
        answer.status = "SCORED";
        answer.rescoreRequestedAt = null;
        answer.rescoreRubricVersion = null;
        answer.reviewReason = null;
        answer.version++;
        replaceCriteria(answer, event);
    }

    /** The automatic decision on the new score; an earlier automatic decision it replaces is undone. */
    private void decide(Answer answer, String fromStatus, ScoredEvent event, Instant now) {
        DecisionRules.Outcome outcome = rules.decide(event.overall(), event.confidence(), event.verdict());
        Span.current().setAttribute("prepline.decision", outcome.name());
        metrics.autoDecided(outcome);
        answer.status = outcome.name();
        if (outcome == DecisionRules.Outcome.NEEDS_REVIEW) {
            answer.decision = null;
            answer.decidedBy = null;
            answer.decidedAt = null;
            em.flush();
            history.append(answer.id, answer.status, answer.overall, Decisions.AUTO);
            decisions.leftApproval(answer, fromStatus);
        } else {
            answer.decision = outcome.name();
            answer.decidedBy = Decisions.AUTO;
            answer.decidedAt = now;
            em.flush();
            decisions.decided(answer, fromStatus, outcome.name(), Decisions.AUTO, now);
        }
    }

    private void replaceCriteria(Answer answer, ScoredEvent event) {
        em.createNativeQuery("DELETE FROM answer_criterion WHERE answer_id = ?1").setParameter(1, answer.id)
                .executeUpdate();
        for (ScoredEvent.Criterion c : event.criteria()) {
            em.createNativeQuery("""
                            INSERT INTO answer_criterion (answer_id, key, kind, title, machine_score)
                            VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                    .setParameter(1, answer.id).setParameter(2, c.key()).setParameter(3, c.kind())
                    .setParameter(4, c.title()).setParameter(5, c.score())
                    .executeUpdate();
        }
    }
}
