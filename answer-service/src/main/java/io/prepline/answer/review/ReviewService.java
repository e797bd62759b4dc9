package io.prepline.answer.review;

import static io.prepline.answer.Jdbc.instant;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.prepline.answer.AnswerConfig;
import io.prepline.answer.decision.Decisions;
import io.prepline.answer.problem.ApiProblem;
import io.prepline.answer.publishing.EventJson;
import io.prepline.answer.review.ReviewModels.AuditEntry;
import io.prepline.answer.review.ReviewModels.CriterionDetail;
import io.prepline.answer.review.ReviewModels.DecisionRequest;
import io.prepline.answer.review.ReviewModels.Detail;
import io.prepline.answer.review.ReviewModels.QueueItem;
import io.prepline.answer.review.ReviewModels.QueuePage;
import io.prepline.answer.review.ReviewModels.StatusChange;
import io.prepline.answer.submission.Answer;
import io.prepline.answer.submission.AnswerView;
import io.prepline.answer.submission.SubmissionService;

/** The reviewers' queue, the detail they judge from, and their decisions with an audit trail. */
@ApplicationScoped
public class ReviewService {

    static final Set<String> STATUSES = Set.of("SUBMITTED", "SCORED", "NEEDS_REVIEW", "APPROVED", "REJECTED");
    static final Set<String> DECISIONS = Set.of("APPROVED", "REJECTED");
    static final int MAX_COMMENT = 2000;

    /** Validated queue filters. */
    public record QueueFilter(String status, String question, Integer minScore, Integer maxScore, String cursor,
                              int limit) {
    }

    @Inject
    EntityManager em;

    @Inject
    Decisions decisions;

    @Inject
    AnswerConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public QueuePage queue(QueueFilter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, user_id, question_id, question_slug, part, revision, status, overall, confidence, verdict,
                       submitted_at, scored_at
                FROM answer WHERE status = ?1""");
        List<Object> params = new ArrayList<>();
        params.add(filter.status());
        if (filter.question() != null) {
            UUID questionId = SubmissionService.parseId(filter.question());
            params.add(questionId != null ? questionId : filter.question());
            sql.append(questionId != null ? " AND question_id = ?" : " AND question_slug = ?").append(params.size());
        }
        if (filter.minScore() != null) {
            params.add(filter.minScore());
            sql.append(" AND overall >= ?").append(params.size());
        }
        if (filter.maxScore() != null) {
            params.add(filter.maxScore());
            sql.append(" AND overall <= ?").append(params.size());
        }
        if (filter.cursor() != null) {
            Cursor after = Cursor.decode(filter.cursor());
            params.add(after.submittedAt().atOffset(ZoneOffset.UTC));
            params.add(after.id());
            sql.append(" AND (submitted_at, id) > (CAST(?").append(params.size() - 1)
                    .append(" AS timestamptz), ?").append(params.size()).append(")");
        }
        params.add(filter.limit() + 1);
        sql.append(" ORDER BY submitted_at, id LIMIT ?").append(params.size());
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        List<QueueItem> items = new ArrayList<>();
        for (Object o : query.getResultList()) {
            Object[] r = (Object[]) o;
            items.add(new QueueItem((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (Integer) r[4],
                    ((Number) r[5]).intValue(), (String) r[6], (Integer) r[7], (Double) r[8], (String) r[9],
                    instant(r[10]), instant(r[11])));
        }
        String next = null;
        if (items.size() > filter.limit()) {
            items = new ArrayList<>(items.subList(0, filter.limit()));
            QueueItem last = items.get(items.size() - 1);
            next = new Cursor(last.submittedAt(), last.answerId()).encode();
        }
        return new QueuePage(items, next);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Detail detail(String answerId) {
        Answer answer = find(answerId);
        JsonNode document = document(answer);
        Map<String, JsonNode> scored = new HashMap<>();
        document.path("criteria").forEach(c -> scored.put(c.path("key").asText(), c));
        List<CriterionDetail> criteria = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                        SELECT key, kind, title, machine_score, override_score FROM answer_criterion
                        WHERE answer_id = ?1 ORDER BY key""")
                .setParameter(1, answer.id).getResultList()) {
            Object[] r = (Object[]) o;
            JsonNode c = scored.getOrDefault((String) r[0], MissingNode.getInstance());
            criteria.add(new CriterionDetail((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                    (Integer) r[4], orEmpty(c.path("points")), orEmpty(c.path("comments"))));
        }
        List<StatusChange> history = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                        SELECT status, overall, actor, at FROM answer_status_history WHERE answer_id = ?1 ORDER BY id""")
                .setParameter(1, answer.id).getResultList()) {
            Object[] r = (Object[]) o;
            history.add(new StatusChange((String) r[0], (Integer) r[1], (String) r[2], instant(r[3])));
        }
        List<AuditEntry> audit = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                        SELECT reviewer, at, from_status, decision, comment, changes::text FROM review_audit
                        WHERE answer_id = ?1 ORDER BY id""")
                .setParameter(1, answer.id).getResultList()) {
            Object[] r = (Object[]) o;
            audit.add(new AuditEntry((String) r[0], instant(r[1]), (String) r[2], (String) r[3], (String) r[4],
                    json((String) r[5])));
        }
        return new Detail(AnswerView.of(answer), criteria, orEmpty(document.path("flags")),
                orEmpty(document.path("comments")), history, audit);
    }

    /**
     * Records a reviewer's decision. A conditional update on the answer's version makes concurrent decisions
     * exclusive: the first commits, the others find the version moved and get 409.
     */
    @Transactional
    public AnswerView decide(String answerId, String reviewer, DecisionRequest request) {
        if (request == null) {
            throw ApiProblem.invalid("$", "a JSON object with decision is required");
        }
        if (request.decision() == null || !DECISIONS.contains(request.decision())) {
            throw ApiProblem.invalid("decision", "must be APPROVED or REJECTED");
        }
        if (request.comment() != null && request.comment().length() > MAX_COMMENT) {
            throw ApiProblem.invalid("comment", "at most " + MAX_COMMENT + " characters");
        }
        List<ReviewModels.Override> overrides = request.overrides() == null ? List.of() : request.overrides();
        int max = config.review().maxCriterionScore();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < overrides.size(); i++) {
            ReviewModels.Override o = overrides.get(i);
            if (o == null || o.criterion() == null || o.criterion().isBlank()) {
                throw ApiProblem.invalid("overrides[" + i + "].criterion", "is required");
            }
            if (!seen.add(o.criterion())) {
                throw ApiProblem.invalid("overrides[" + i + "].criterion", "is overridden twice");
            }
            if (o.score() == null || o.score() < 0 || o.score() > max) {
                throw ApiProblem.invalid("overrides[" + i + "].score", "must be 0 to " + max);
            }
        }

        Answer answer = find(answerId);
        if ("SUBMITTED".equals(answer.status)) {
            throw ApiProblem.conflict("not-scored-yet", "Not scored yet",
                    "answer " + answer.id + " has no machine score yet");
        }
        if (answer.reviewedBy != null) {
            throw ApiProblem.conflict("already-decided", "Already decided",
                    "answer " + answer.id + " was already decided by " + answer.reviewedBy);
        }
        Map<String, Integer> machine = new HashMap<>();
        Map<String, Integer> previous = new HashMap<>();
        for (Object o : em.createNativeQuery(
                        "SELECT key, machine_score, override_score FROM answer_criterion WHERE answer_id = ?1")
                .setParameter(1, answer.id).getResultList()) {
            Object[] r = (Object[]) o;
            machine.put((String) r[0], ((Number) r[1]).intValue());
            previous.put((String) r[0], (Integer) r[2]);
        }
        for (int i = 0; i < overrides.size(); i++) {
            if (!machine.containsKey(overrides.get(i).criterion())) {
                throw ApiProblem.unprocessable("unknown-criterion", "Unknown criterion",
                        "overrides[" + i + "].criterion", "the answer's score has criteria " + machine.keySet());
            }
        }

        String fromStatus = answer.status;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int updated = em.createNativeQuery("""
                        UPDATE answer SET status = ?1, decision = ?1, decided_by = ?2, decided_at = ?3,
                            reviewed_by = ?2, version = version + 1
                        WHERE id = ?4 AND version = ?5 AND reviewed_by IS NULL""")
                .setParameter(1, request.decision()).setParameter(2, reviewer)
                .setParameter(3, now.atOffset(ZoneOffset.UTC)).setParameter(4, answer.id)
                .setParameter(5, answer.version)
                .executeUpdate();
        if (updated == 0) {
            throw ApiProblem.conflict("concurrent-decision", "Decided concurrently",
                    "another reviewer decided answer " + answer.id + " first");
        }

        List<Map<String, Object>> scoreChanges = new ArrayList<>();
        for (ReviewModels.Override o : overrides) {
            em.createNativeQuery("UPDATE answer_criterion SET override_score = ?1 WHERE answer_id = ?2 AND key = ?3")
                    .setParameter(1, o.score()).setParameter(2, answer.id).setParameter(3, o.criterion())
                    .executeUpdate();
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("criterion", o.criterion());
            Integer before = previous.get(o.criterion());
            change.put("from", before != null ? before : machine.get(o.criterion()));
            change.put("to", o.score());
            scoreChanges.add(change);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", Map.of("from", fromStatus, "to", request.decision()));
        changes.put("scores", scoreChanges);
        em.createNativeQuery("""
                        INSERT INTO review_audit (answer_id, reviewer, at, from_status, decision, comment, changes)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb))""")
                .setParameter(1, answer.id).setParameter(2, reviewer).setParameter(3, now.atOffset(ZoneOffset.UTC))
                .setParameter(4, fromStatus).setParameter(5, request.decision()).setParameter(6, request.comment())
                .setParameter(7, EventJson.write(changes))
                .executeUpdate();

        em.refresh(answer);
        decisions.decided(answer, request.decision(), reviewer, now);
        return AnswerView.of(answer);
    }

    private Answer find(String answerId) {
        UUID id = SubmissionService.parseId(answerId);
        Answer answer = id == null ? null : Answer.findById(id);
        if (answer == null) {
            throw ApiProblem.notFound("answer " + answerId);
        }
        return answer;
    }

    private static JsonNode document(Answer answer) {
        return answer.score == null ? MissingNode.getInstance() : json(answer.score);
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static JsonNode orEmpty(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? EventJson.MAPPER.createArrayNode() : node;
    }

    /** Position in the queue: the last item's submission time and id, opaque to clients. */
    record Cursor(Instant submittedAt, UUID id) {

        String encode() {
            String raw = submittedAt.getEpochSecond() + "." + submittedAt.getNano() + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                int dot = raw.indexOf('.');
                Instant at = Instant.ofEpochSecond(Long.parseLong(raw.substring(0, dot)),
                        Long.parseLong(raw.substring(dot + 1, bar)));
                return new Cursor(at, UUID.fromString(raw.substring(bar + 1)));
            } catch (RuntimeException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor this API returned");
            }
        }
    }
}
