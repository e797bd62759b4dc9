package io.prepline.answer.feedback;

import static io.prepline.answer.Jdbc.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.prepline.answer.catalogue.CatalogueStore;
import io.prepline.answer.feedback.FeedbackModels.Comment;
import io.prepline.answer.feedback.FeedbackModels.CriterionFeedback;
import io.prepline.answer.feedback.FeedbackModels.CriterionScore;
import io.prepline.answer.feedback.FeedbackModels.Feedback;
import io.prepline.answer.feedback.FeedbackModels.Override;
import io.prepline.answer.feedback.FeedbackModels.PointFeedback;
import io.prepline.answer.feedback.FeedbackModels.Review;
import io.prepline.platform.messaging.EventJson;

/**
 * Builds the candidate's feedback from the stored score document, the criterion rows (with reviewer overrides), the
 * rubric as published and the reviewer's decision. Only named fields are copied, so nothing reviewer-only (the
 * rubric's guidance, flags, reviewer ids) can reach a candidate.
 */
@ApplicationScoped
public class FeedbackService {

    @Inject
    EntityManager em;

    @Inject
    CatalogueStore catalogue;

    /**
     * What the feedback is built from: the answer's stored score and decision.
     *
     * @param score       the score document as received, or null while not scored
     * @param reviewedBy  the reviewer who decided, or null
     */
    public record Source(UUID answerId, UUID questionId, Integer part, String score, Integer overall, String verdict,
                         Double confidence, Integer rubricVersion, String reviewedBy, String decision,
                         Instant decidedAt) {
    }

    private record CriterionRow(String key, String kind, String title, int machine, Integer override, String comment) {

        int score() {
            return override != null ? override : machine;
        }
    }

    /** The feedback on an answer, or empty while it has no score. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Feedback> of(Source answer) {
        if (answer.score() == null || answer.overall() == null) {
            return Optional.empty();
        }
        JsonNode document = json(answer.score());
        Map<String, CriterionRow> rows = criteria(answer);
        Rubric rubric = rubric(answer);
        List<CriterionFeedback> criteria = new ArrayList<>();
        for (JsonNode c : document.path("criteria")) {
            CriterionRow row = rows.get(c.path("key").asText());
            if (row == null) {
                continue;
            }
            criteria.add(new CriterionFeedback(row.key(), row.kind(), row.title(), rubric.weight(row.key()),
                    row.score(), row.machine(), points(c.path("points"), rubric), comments(c.path("comments"))));
        }
        double confidence = answer.confidence() == null ? 0 : answer.confidence();
        return Optional.of(new Feedback(answer.overall(), answer.verdict(), confidence, answer.rubricVersion(),
                criteria, comments(document.path("comments")), review(answer, rows)));
    }

    /** The score per criterion of many answers at once (overrides applied, weights from the rubric), by answer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<CriterionScore>> criterionScores(List<UUID> answerIds) {
        Map<UUID, List<CriterionScore>> scores = new HashMap<>();
        if (answerIds.isEmpty()) {
            return scores;
        }
        for (Object o : em.createNativeQuery("""
                        SELECT c.answer_id, c.key, c.kind, c.title, COALESCE(c.override_score, c.machine_score),
                               (SELECT (rc ->> 'weight')::float8
                                FROM catalogue_rubric r, jsonb_array_elements(r.rubric -> 'criteria') rc
                                WHERE r.question_id = a.question_id AND r.part = COALESCE(a.part, 0)
                                  AND rc ->> 'key' = c.key LIMIT 1)
                        FROM answer_criterion c JOIN answer a ON a.id = c.answer_id
                        WHERE c.answer_id = ANY(CAST(?1 AS uuid[])) ORDER BY c.answer_id, c.key""")
                .setParameter(1, answerIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .getResultList()) {
            Object[] r = (Object[]) o;
            scores.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new CriterionScore((String) r[1],
                    (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                    r[5] == null ? null : ((Number) r[5]).doubleValue()));
        }
        return scores;
    }

    private Map<String, CriterionRow> criteria(Source answer) {
        Map<String, CriterionRow> rows = new HashMap<>();
        for (Object o : em.createNativeQuery("""
                        SELECT key, kind, title, machine_score, override_score, override_comment
                        FROM answer_criterion WHERE answer_id = ?1""")
                .setParameter(1, answer.answerId()).getResultList()) {
            Object[] r = (Object[]) o;
            rows.put((String) r[0], new CriterionRow((String) r[0], (String) r[1], (String) r[2],
                    ((Number) r[3]).intValue(), (Integer) r[4], (String) r[5]));
        }
        return rows;
    }

    private Review review(Source answer, Map<String, CriterionRow> rows) {
        if (answer.reviewedBy() == null) {
            return null;
        }
        List<?> decision = em.createNativeQuery("""
                        SELECT comment, at FROM review_audit WHERE answer_id = ?1 AND action = 'DECISION'
                        ORDER BY id DESC LIMIT 1""")
                .setParameter(1, answer.answerId()).getResultList();
        String comment = null;
        Instant at = answer.decidedAt();
        if (!decision.isEmpty()) {
            Object[] r = (Object[]) decision.get(0);
            comment = (String) r[0];
            at = instant(r[1]);
        }
        List<Override> overrides = rows.values().stream().filter(r -> r.override() != null)
                .sorted((a, b) -> a.key().compareTo(b.key()))
                .map(r -> new Override(r.key(), r.machine(), r.override(), r.comment())).toList();
        return new Review(FeedbackModels.REVIEWER_ROLE, answer.decision(), comment, overrides, at);
    }

    private static List<PointFeedback> points(JsonNode points, Rubric rubric) {
        List<PointFeedback> out = new ArrayList<>();
        for (JsonNode p : points) {
            String id = p.path("id").asText(null);
            String text = rubric.pointText(id).orElse(p.path("text").asText(null));
            out.add(new PointFeedback(id, text, p.path("coverage").asText(null), text(p.path("evidence"))));
        }
        return out;
    }

    private static List<Comment> comments(JsonNode comments) {
        List<Comment> out = new ArrayList<>();
        for (JsonNode c : comments) {
            String text = text(c.path("text"));
            if (text != null) {
                out.add(new Comment(c.path("type").asText("informative").toLowerCase(), text));
            }
        }
        return out;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    /** The rubric the answer was scored against, when the local catalogue still has that version. */
    private Rubric rubric(Source answer) {
        Optional<JsonNode> current = catalogue.rubric(answer.questionId(), answer.part());
        return new Rubric(current.orElse(MissingNode.getInstance()),
                current.map(r -> answer.rubricVersion() != null
                        && r.path("version").asInt(-1) == answer.rubricVersion())
                        .orElse(false));
    }

    /** Weights come from the current rubric; point texts only from the version that was scored. */
    private record Rubric(JsonNode node, boolean sameVersion) {

        Double weight(String key) {
            for (JsonNode c : node.path("criteria")) {
                if (key.equals(c.path("key").asText()) && c.path("weight").isNumber()) {
                    return c.path("weight").asDouble();
                }
            }
            return null;
        }

        Optional<String> pointText(String id) {
            if (!sameVersion || id == null) {
                return Optional.empty();
            }
            for (JsonNode c : node.path("criteria")) {
                for (JsonNode p : c.path("points")) {
                    if (id.equals(p.path("id").asText()) && p.path("text").isTextual()) {
                        return Optional.of(p.path("text").asText());
                    }
                }
            }
            return Optional.empty();
        }
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
