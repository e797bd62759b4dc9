package io.prepline.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Waits until the system has nothing left to do: no accepted answer still waiting for its score, no event waiting in
 * an outbox, no re-score waiting, and every consumer group at the end of its topics.
 */
final class Quiet {

    private static final Duration POLL = Duration.ofSeconds(1);

    private final Database questions;
    private final Database answers;
    private final EventLog events;

    Quiet(Database questions, Database answers, EventLog events) {
        this.questions = questions;
        this.answers = answers;
        this.events = events;
    }

    /** @return what was still going on when {@code timeout} ran out (empty: quiet) */
    String await(List<Ledger.Accepted> accepted, Duration timeout) {
        String[] ids = accepted.stream().map(Ledger.Accepted::answerId).toArray(String[]::new);
        Instant end = Instant.now().plus(timeout);
        String busy;
        boolean quietBefore = false;
        while (true) {
            busy = busy(ids);
            if (busy.isEmpty() && quietBefore) {
                return "";
            }
            quietBefore = busy.isEmpty();
            if (Instant.now().isAfter(end)) {
                return busy;
            }
            Sleep.of(POLL);
        }
    }

    private String busy(String[] ids) {
        try {
            long waiting = answers.count("SELECT count(*) FROM answer WHERE id::text = ANY(?) AND status = 'SUBMITTED'",
                    (Object) ids);
            long outbox = answers.count("SELECT count(*) FROM outbox_event")
                    + questions.count("SELECT count(*) FROM outbox_event");
            // a re-score published for an answer a reviewer then decided is never applied: the decision is final
            long rescores = answers.count("SELECT count(*) FROM rescore_request") + answers.count(
                    "SELECT count(*) FROM answer WHERE rescore_requested_at IS NOT NULL AND reviewed_by IS NULL");
            Map<String, Long> lag = events.lagByGroup();
            long behind = lag.values().stream().mapToLong(Long::longValue).sum();
            if (waiting + outbox + rescores + behind == 0) {
                return "";
            }
            return waiting + " answers not scored, " + outbox + " events in outboxes, " + rescores
                    + " re-scores waiting, consumer lag " + lag;
        } catch (IllegalStateException e) {
            return "not reachable: " + e.getMessage();
        }
    }
}
