package io.prepline.chaos;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.prepline.devstack.Topics;

/**
 * What became of every answer the clients saw accepted, read from the answers database and the topics once the
 * system is quiet: it exists once, it was scored (once per rubric version and scorer version), and each of its
 * decisions was published once.
 */
final class Audit {

    /**
     * One accepted answer.
     *
     * @param rows      answer rows for its idempotency key (1 when all is well)
     * @param delayMs   from its submission until its status left SUBMITTED; -1 when it never did
     * @param problems  what is wrong with it, for the report
     */
    record Outcome(Ledger.Accepted answer, int rows, long delayMs, int extraScores, int missingDecisions,
                   int extraDecisions, List<String> problems) {

        boolean lost() {
            return rows == 0 || delayMs < 0 || missingDecisions > 0;
        }

        boolean duplicated() {
            return rows > 1 || extraScores > 0 || extraDecisions > 0;
        }
    }

    /** An answer row: the columns the audit reads. */
    private record Row(String id, Timestamp submittedAt) {
    }

    /** A decision as the history records it and as {@code answers.decided.v1} carries it. */
    private record Decision(String decision, String by) {
    }

    private final Database answers;
    private final EventLog events;

    Audit(Database answers, EventLog events) {
        this.answers = answers;
        this.events = events;
    }

    List<Outcome> outcomes(List<Ledger.Accepted> accepted) {
        String[] users = accepted.stream().map(Ledger.Accepted::userId).distinct().toArray(String[]::new);
        String[] ids = accepted.stream().map(Ledger.Accepted::answerId).toArray(String[]::new);
        Map<String, List<Row>> rowsByKey = rowsByKey(users);
        Map<String, Long> leftSubmittedAt = leftSubmitted(ids);
        Map<String, Map<String, Integer>> scores = scoresByAnswer();
        Map<String, List<Decision>> recorded = recordedDecisions(ids);
        Map<String, List<Decision>> published = new HashMap<>();
        Set<String> redelivered = publishedDecisions(published);
        List<Outcome> outcomes = new ArrayList<>();
        for (Ledger.Accepted a : accepted) {
            outcomes.add(outcome(a, rowsByKey.getOrDefault(a.userId() + " " + a.idempotencyKey(), List.of()),
                    leftSubmittedAt.get(a.answerId()), scores.getOrDefault(a.answerId(), Map.of()),
                    recorded.getOrDefault(a.answerId(), List.of()), published.getOrDefault(a.answerId(), List.of()),
                    redelivered.contains(a.answerId())));
        }
        return outcomes;
    }

    private static Outcome outcome(Ledger.Accepted a, List<Row> rows, Long leftSubmittedAt,
                                   Map<String, Integer> scores, List<Decision> recorded, List<Decision> published,
                                   boolean redelivered) {
        List<String> problems = new ArrayList<>();
        Row row = rows.stream().filter(r -> r.id().equals(a.answerId())).findFirst().orElse(null);
        if (row == null) {
            problems.add("no answer row with the accepted id");
        }
        if (rows.size() > 1) {
            problems.add(rows.size() + " answer rows for one idempotency key");
        }
        long delayMs = row == null || leftSubmittedAt == null ? -1 : leftSubmittedAt - row.submittedAt().getTime();
        if (row != null && delayMs < 0) {
            problems.add("never scored (still SUBMITTED, or dead-lettered)");
        }
        int extraScores = scores.values().stream().mapToInt(n -> n - 1).sum();
        if (extraScores > 0) {
            problems.add("scored more than once for one rubric and scorer version: " + scores);
        }
        int missing = difference(recorded, published).size();
        int extra = difference(published, recorded).size() + (redelivered ? 1 : 0);
        if (missing > 0 || extra > 0) {
            problems.add("decisions recorded " + recorded + ", published " + published
                    + (redelivered ? " (an event published twice)" : ""));
        }
        return new Outcome(a, row == null ? 0 : rows.size(), delayMs, extraScores, missing, extra, problems);
    }

    /** The elements of {@code a} that {@code b} lacks, counting repeats. */
    private static List<Decision> difference(List<Decision> a, List<Decision> b) {
        List<Decision> rest = new ArrayList<>(a);
        b.forEach(rest::remove);
        return rest;
    }

    private Map<String, List<Row>> rowsByKey(String[] users) {
        Map<String, List<Row>> byKey = new HashMap<>();
        answers.query("SELECT id::text, user_id, idempotency_key, submitted_at FROM answer WHERE user_id = ANY(?)",
                rs -> byKey.computeIfAbsent(rs.getString(2) + " " + rs.getString(3), k -> new ArrayList<>())
                        .add(new Row(rs.getString(1), rs.getTimestamp(4))), (Object) users);
        return byKey;
    }

    /** When each answer first had a status other than SUBMITTED from a scorer (epoch ms). */
    private Map<String, Long> leftSubmitted(String[] ids) {
        Map<String, Long> at = new HashMap<>();
        answers.query("""
                SELECT DISTINCT ON (answer_id) answer_id::text, at FROM answer_status_history
                WHERE answer_id::text = ANY(?) AND status <> 'SUBMITTED' AND actor <> 'dead-letter'
                ORDER BY answer_id, id""", rs -> at.put(rs.getString(1), rs.getTimestamp(2).getTime()), (Object) ids);
        return at;
    }

    /** Per answer: how many scores were published for each rubric version and scorer version. */
    private Map<String, Map<String, Integer>> scoresByAnswer() {
        Map<String, Map<String, Integer>> scores = new HashMap<>();
        for (ConsumerRecord<String, String> r : events.readAll(Topics.ANSWERS_SCORED)) {
            JsonNode score = json(r.value());
            String version = "rubric " + score.path("rubricVersion").asText() + ", scorer "
                    + score.path("scorerVersion").asText();
            scores.computeIfAbsent(r.key(), k -> new HashMap<>()).merge(version, 1, Integer::sum);
        }
        return scores;
    }

    private Map<String, List<Decision>> recordedDecisions(String[] ids) {
        Map<String, List<Decision>> decisions = new HashMap<>();
        answers.query("""
                SELECT answer_id::text, status, actor FROM answer_status_history
                WHERE answer_id::text = ANY(?) AND status IN ('APPROVED', 'REJECTED') ORDER BY id""",
                rs -> decisions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Decision(rs.getString(2), rs.getString(3))), (Object) ids);
        return decisions;
    }

    /** Fills {@code published} from the topic; returns the answers one of whose events was published twice. */
    private Set<String> publishedDecisions(Map<String, List<Decision>> published) {
        Set<String> eventIds = new HashSet<>();
        Set<String> redelivered = new HashSet<>();
        for (ConsumerRecord<String, String> r : events.readAll(Topics.ANSWERS_DECIDED)) {
            Header id = r.headers().lastHeader("ce_id");
            if (id != null && !eventIds.add(new String(id.value()))) {
                redelivered.add(r.key());
                continue;
            }
            JsonNode event = json(r.value());
            published.computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(new Decision(event.path("decision").asText(), event.path("decidedBy").asText()));
        }
        return redelivered;
    }

    static JsonNode json(String value) {
        try {
            return Http.JSON.readTree(value == null ? "null" : value);
        } catch (JsonProcessingException e) {
            return Http.JSON.getNodeFactory().missingNode();
        }
    }
}
