package io.prepline.answer.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.prepline.answer.submission.Answer;
import io.prepline.platform.pg.AfterCommit;
import io.quarkus.runtime.Startup;

/**
 * How long answers take through the system, counted once the transaction that scored or decided them commits (a
 * retried transaction counts once): {@code prepline_submission_to_score_seconds} (to the first score),
 * {@code prepline_submission_to_decision_seconds} (to the first final decision, automatic or a reviewer's), and
 * {@code prepline_auto_decisions_total{outcome}} (what the rules made of each machine score).
 */
@Startup
@ApplicationScoped
public class DecisionMetrics {

    private static final Set<String> FINAL = Set.of("APPROVED", "REJECTED");

    @Inject
    MeterRegistry registry;
    @Inject
    TransactionSynchronizationRegistry transactions;

    private Timer toScore;
    private Timer toDecision;

    @PostConstruct
    void register() {
        toScore = Timer.builder("prepline.submission.to.score")
                .description("Time from an answer's submission to its first score")
                .serviceLevelObjectives(seconds(0.5), seconds(1), seconds(2.5), seconds(5), seconds(10),
                        seconds(30), seconds(60), seconds(300), seconds(900), seconds(3600))
                .register(registry);
        toDecision = Timer.builder("prepline.submission.to.decision")
                .description("Time from an answer's submission to its first decision, automatic or a reviewer's")
                .serviceLevelObjectives(seconds(1), seconds(5), seconds(10), seconds(30), seconds(60), seconds(300),
                        seconds(3600), seconds(4 * 3600), seconds(24 * 3600), seconds(7 * 24 * 3600))
                .register(registry);
        for (DecisionRules.Outcome outcome : DecisionRules.Outcome.values()) {
            autoDecisions(outcome);
        }
    }

    /** An answer was scored at {@code at}; {@code first} when it had no score before. */
    public void scored(Answer answer, boolean first, Instant at) {
        if (first) {
            record(toScore, answer.submittedAt, at);
        }
    }

    /** The rules decided a machine score. */
    public void autoDecided(DecisionRules.Outcome outcome) {
        AfterCommit.run(transactions, autoDecisions(outcome)::increment);
    }

    /** An answer was decided at {@code at}, coming from {@code fromStatus}: counted when it was not decided before. */
    public void decided(Answer answer, String fromStatus, Instant at) {
        if (!FINAL.contains(fromStatus)) {
            record(toDecision, answer.submittedAt, at);
        }
    }

    private void record(Timer timer, Instant from, Instant to) {
        Duration latency = Duration.between(from, to);
        AfterCommit.run(transactions, () -> timer.record(latency.isNegative() ? Duration.ZERO : latency));
    }

    private Counter autoDecisions(DecisionRules.Outcome outcome) {
        return Counter.builder("prepline.auto.decisions").description("Machine scores decided by the rules, by outcome")
                .tag("outcome", outcome.name()).register(registry);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis((long) (seconds * 1000));
    }
}
