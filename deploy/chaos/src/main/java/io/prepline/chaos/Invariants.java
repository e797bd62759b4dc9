package io.prepline.chaos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.prepline.devstack.Topics;

/**
 * What must hold across the services once the system is quiet: XP matches the approvals, every consumer of the
 * catalogue holds question-service's current version, question-service applied the last decision of every answer,
 * and no consumer gave up on a record. Each check returns its problems (empty: it holds).
 */
final class Invariants {

    /** answer-service's {@code answer.progress.daily-xp}: the XP of a day with an approved answer. */
    private static final int DAILY_XP = 20;

    private final Database questions;
    private final Database answers;
    private final Http http;

    Invariants(Database questions, Database answers, Http http) {
        this.questions = questions;
        this.answers = answers;
        this.http = http;
    }

    /** Per user and UTC day: 20 XP when an answer approved that day exists (held by one of them), else none. */
    List<String> xp() {
        Map<String, String> awards = new HashMap<>();
        List<String> problems = new ArrayList<>();
        answers.query("SELECT user_id, day::text, xp, answer_id::text FROM xp_award", rs -> {
            awards.put(rs.getString(1) + " " + rs.getString(2), rs.getString(4));
            if (rs.getInt(3) != DAILY_XP) {
                problems.add(rs.getString(1) + " has " + rs.getInt(3) + " XP on " + rs.getString(2));
            }
            return null;
        });
        Map<String, List<String>> approved = new HashMap<>();
        answers.query("""
                SELECT user_id, CAST(decided_at AT TIME ZONE 'UTC' AS date)::text, id::text FROM answer
                WHERE status = 'APPROVED'""", rs -> approved.computeIfAbsent(rs.getString(1) + " " + rs.getString(2),
                k -> new ArrayList<>()).add(rs.getString(3)));
        for (String day : new TreeSet<>(approved.keySet())) {
            String holder = awards.get(day);
            if (holder == null) {
                problems.add(day + ": approved answers " + approved.get(day) + " but no XP");
            } else if (!approved.get(day).contains(holder)) {
                problems.add(day + ": XP held by " + holder + ", which is not an answer approved that day");
            }
        }
        awards.keySet().stream().filter(day -> !approved.containsKey(day)).sorted()
                .forEach(day -> problems.add(day + ": XP without an approved answer that day"));
        return problems;
    }

    /** answer-service's copy of every question and rubric has question-service's current version. */
    List<String> answerServiceCatalogue() {
        List<String> problems = new ArrayList<>();
        Map<String, Long> local = new HashMap<>();
        answers.query("SELECT id::text, version FROM catalogue_question",
                rs -> local.put(rs.getString(1), rs.getLong(2)));
        questions.query("SELECT id::text, slug, version FROM question", rs -> {
            Long held = local.get(rs.getString(1));
            if (!Objects.equals(held, rs.getLong(3))) {
                problems.add("answer-service holds version " + held + " of " + rs.getString(2) + ", question-service "
                        + rs.getLong(3));
            }
            return null;
        });
        Map<String, Integer> rubrics = new HashMap<>();
        answers.query("SELECT question_id::text, part, version FROM catalogue_rubric",
                rs -> rubrics.put(rs.getString(1) + " " + rs.getInt(2), rs.getInt(3)));
        currentRubrics().forEach((rubric, version) -> {
            if (!Objects.equals(rubrics.get(rubric.key()), version)) {
                problems.add("answer-service holds rubric version " + rubrics.get(rubric.key()) + " of " + rubric
                        + ", question-service " + version);
            }
        });
        return problems;
    }

    /** Each worker instance scores with question-service's current rubric of every question and part. */
    List<String> workerCatalogue(ServiceProcess worker, String token) {
        List<String> problems = new ArrayList<>();
        currentRubrics().forEach((rubric, version) -> {
            Http.Response preview = http.post(worker.url() + "/api/v1/score-preview", token,
                    new Preview(rubric.slug(), rubric.part() == 0 ? null : rubric.part(), "A short answer."),
                    Map.of());
            JsonNode held = preview.body().path("rubricVersion");
            if (!preview.ok() || held.asInt() != version) {
                problems.add(worker.name() + " scores " + rubric + " with rubric version "
                        + (preview.ok() ? held.asText() : preview.describe()) + ", question-service has " + version);
            }
        });
        return problems;
    }

    /** question-service's view of each answer (solved counts, sample answers) follows its last decision. */
    List<String> decisionsApplied() {
        Map<String, String> last = new HashMap<>();
        answers.query("""
                SELECT DISTINCT ON (answer_id) answer_id::text, status FROM answer_status_history
                WHERE status IN ('APPROVED', 'REJECTED') ORDER BY answer_id, id DESC""",
                rs -> last.put(rs.getString(1), rs.getString(2)));
        Map<String, String> applied = new HashMap<>();
        questions.query("SELECT answer_id::text, decision FROM processed_decision",
                rs -> applied.put(rs.getString(1), rs.getString(2)));
        List<String> problems = new ArrayList<>();
        last.forEach((answer, decision) -> {
            if (!decision.equals(applied.get(answer))) {
                problems.add("answer " + answer + ": last decision " + decision + ", question-service applied "
                        + applied.get(answer));
            }
        });
        return problems;
    }

    /**
     * Nothing went to a dead-letter topic: in this run every record is well-formed, so a dead letter is an event some
     * consumer gave up on (its effect is then missing).
     */
    List<String> noDeadLetters(EventLog events) {
        List<String> problems = new ArrayList<>();
        for (String topic : List.of(Topics.ANSWERS_SUBMITTED_DLQ, Topics.ANSWER_SERVICE_DLQ,
                Topics.QUESTION_SERVICE_DLQ)) {
            Map<String, Integer> reasons = new TreeMap<>();
            for (ConsumerRecord<String, String> r : events.readAll(topic)) {
                Header header = r.headers().lastHeader("dead-letter-reason");
                String reason = header != null ? new String(header.value(), StandardCharsets.UTF_8)
                        : Audit.json(r.value()).path("reason").asText("?");
                reasons.merge(reason, 1, Integer::sum);
            }
            if (!reasons.isEmpty()) {
                problems.add(topic + ": " + reasons);
            }
        }
        return problems;
    }

    record Preview(String question, Integer part, String body) {
    }

    /** A rubric of the catalogue: the whole question's (part 0) or a part's. */
    record RubricRef(String questionId, String slug, int part) {
        String key() {
            return questionId + " " + part;
        }

        @Override
        public String toString() {
            return slug + (part == 0 ? "" : " part " + part);
        }
    }

    private Map<RubricRef, Integer> currentRubrics() {
        Map<RubricRef, Integer> current = new HashMap<>();
        questions.query("""
                SELECT q.id::text, q.slug, r.part_number, max(r.version) FROM rubric_version r
                JOIN question q ON q.id = r.question_id WHERE q.status = 'ACTIVE'
                GROUP BY q.id, q.slug, r.part_number""",
                rs -> current.put(new RubricRef(rs.getString(1), rs.getString(2), rs.getInt(3)), rs.getInt(4)));
        return current;
    }
}
