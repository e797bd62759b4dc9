package io.prepline.answer.review;

import static io.prepline.answer.Jdbc.instant;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.prepline.platform.html.MarkdownHtml;
import io.prepline.answer.AnswerConfig;
import io.prepline.answer.catalogue.CatalogueStore;
import io.prepline.answer.decision.Decisions;
import io.prepline.platform.problem.ProblemException;
import io.prepline.platform.problem.FieldError;
import io.prepline.platform.messaging.EventJson;
import io.prepline.answer.review.ReviewModels.AuditEntry;
import io.prepline.answer.review.ReviewModels.Claim;
import io.prepline.answer.review.ReviewModels.CriterionDetail;
import io.prepline.answer.review.ReviewModels.DecisionRequest;
import io.prepline.answer.review.ReviewModels.Detail;
import io.prepline.answer.review.ReviewModels.Override;
import io.prepline.answer.review.ReviewModels.RescoreAccepted;
import io.prepline.answer.review.ReviewModels.StatusChange;
import io.prepline.answer.submission.Answer;
import io.prepline.answer.submission.AnswerView;
import io.prepline.answer.submission.SubmissionService;

/**
 * What reviewers do to one answer: read it, claim and release it, override criterion scores, ask for a re-score and
 * decide; each step leaves an audit row. Nobody acts on their own answer; a claim held by another reviewer blocks
 * every change until it is released or its lease ends.
 */
@ApplicationScoped
public class ReviewService {

    static final List<String> STATUSES_IN_ORDER = List.of("SUBMITTED", "SCORED", "NEEDS_REVIEW", "APPROVED",
            "REJECTED");
    static final Set<String> STATUSES = Set.copyOf(STATUSES_IN_ORDER);
    static final Set<String> DECISIONS = Set.of("APPROVED", "REJECTED");
    static final int MAX_COMMENT = 2000;

    @Inject
    EntityManager em;

    @Inject
    Decisions decisions;

    @Inject
    CatalogueStore catalogue;

    @Inject
    AnswerConfig config;

    /** A criterion row with the weight of the current rubric. */
    private record CriterionRow(String key, String kind, String title, Double weight, int machine, Integer override,
                                String comment, String by) {

        int current() {
            return override != null ? override : machine;
        }
    }

    // ---- reading

    @Transactional(Transactional.TxType.SUPPORTS)
    public Detail detail(String answerId) {
        Answer answer = find(answerId);
        JsonNode document = document(answer);
        Map<String, JsonNode> scored = new HashMap<>();
        document.path("criteria").forEach(c -> scored.put(c.path("key").asText(), c));
        List<CriterionDetail> criteria = new ArrayList<>();
        for (CriterionRow r : criteria(answer).values()) {
            JsonNode c = scored.getOrDefault(r.key(), MissingNode.getInstance());
            criteria.add(new CriterionDetail(r.key(), r.kind(), r.title(), r.weight(), r.machine(), r.override(),
                    r.comment(), r.by(), orEmpty(c.path("points")), orEmpty(c.path("comments"))));
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
                        SELECT action, reviewer, at, from_status, decision, comment, changes::text FROM review_audit
                        WHERE answer_id = ?1 ORDER BY id""")
                .setParameter(1, answer.id).getResultList()) {
            Object[] r = (Object[]) o;
            audit.add(new AuditEntry((String) r[0], (String) r[1], instant(r[2]), (String) r[3], (String) r[4],
                    (String) r[5], json((String) r[6])));
        }
        Claim claim = held(answer, Instant.now()) ? new Claim(answer.id, answer.claimedBy, answer.claimedUntil) : null;
        return new Detail(AnswerView.of(answer, null, true), MarkdownHtml.render(answer.body), claim, criteria,
                orEmpty(document.path("flags")), orEmpty(document.path("comments")), history, audit);
    }

    // ---- claims

    /** Claims the answer for {@code reviewer} (or renews their claim) for the configured lease. */
    @Transactional
    public Claim claim(String answerId, String reviewer) {
        Answer answer = lock(answerId);
        notOwn(answer, reviewer);
        undecided(answer);
        Instant now = now();
        notHeldByAnother(answer, reviewer, now);
        answer.claimedBy = reviewer;
        answer.claimedUntil = now.plus(config.review().claimLease());
        audit(answer, "CLAIM", reviewer, now, null, null, Map.of("claimedUntil", answer.claimedUntil.toString()));
        return new Claim(answer.id, answer.claimedBy, answer.claimedUntil);
    }

    /** Releases the reviewer's claim; releasing an answer nobody holds changes nothing. */
    @Transactional
    public void release(String answerId, String reviewer) {
        Answer answer = lock(answerId);
        Instant now = now();
        notHeldByAnother(answer, reviewer, now);
        if (!held(answer, now)) {
            return;
        }
        answer.claimedBy = null;
        answer.claimedUntil = null;
        audit(answer, "RELEASE", reviewer, now, null, null, Map.of());
    }

    // ---- overrides and re-scores

    /** Overrides one criterion's score with a reason: the overall and the verdict are recomputed. */
    @Transactional
    public Detail override(String answerId, String reviewer, Override request) {
        if (request == null) {
            throw ProblemException.invalid("$", "a JSON object with criterion, score and comment is required");
        }
        validateOverride(request, "", true);
        Answer answer = lock(answerId);
        actionable(answer, reviewer);
        Map<String, CriterionRow> rows = criteria(answer);
        if (!rows.containsKey(request.criterion())) {
            throw ProblemException.unprocessable("unknown-criterion", "Unknown criterion", "criterion",
                    "the answer's score has criteria " + rows.keySet());
        }
        Instant now = now();
        Map<String, Object> change = applyOverrides(answer, reviewer, rows, List.of(request));
        answer.version++;
        audit(answer, "OVERRIDE", reviewer, now, null, request.comment(), change);
        em.flush();
        return detail(answerId);
    }

    /** Asks for the answer to be scored again (published by the re-score job). */
    @Transactional
    public RescoreAccepted rescore(String answerId, String reviewer) {
        Answer answer = lock(answerId);
        actionable(answer, reviewer);
        em.createNativeQuery("""
                        INSERT INTO rescore_request (answer_id, rubric_version, reason) VALUES (?1, NULL, 'reviewer')
                        ON CONFLICT (answer_id) DO NOTHING""")
                .setParameter(1, answer.id).executeUpdate();
        audit(answer, "RESCORE", reviewer, now(), null, null, Map.of());
        return new RescoreAccepted(answer.id, answer.status);
    }

    // ---- decisions

    /**
     * Records a reviewer's decision. A conditional update on the answer's version makes concurrent decisions
     * exclusive: the first commits, the others find the version moved and get 409.
     */
    @Transactional
    public AnswerView decide(String answerId, String reviewer, DecisionRequest request) {
        List<Override> overrides = validateDecision(request);
        Answer answer = find(answerId);
        actionable(answer, reviewer);
        Map<String, CriterionRow> rows = criteria(answer);
        for (int i = 0; i < overrides.size(); i++) {
            if (!rows.containsKey(overrides.get(i).criterion())) {
                throw ProblemException.unprocessable("unknown-criterion", "Unknown criterion",
                        "overrides[" + i + "].criterion", "the answer's score has criteria " + rows.keySet());
            }
        }
        String fromStatus = answer.status;
        long version = answer.version;
        Instant now = now();
        int updated = em.createNativeQuery("""
                        UPDATE answer SET status = ?1, decision = ?1, decided_by = ?2, decided_at = ?3,
                            reviewed_by = ?2, claimed_by = NULL, claimed_until = NULL, version = version + 1
                        WHERE id = ?4 AND version = ?5 AND reviewed_by IS NULL""")
                .setParameter(1, request.decision()).setParameter(2, reviewer)
                .setParameter(3, now.atOffset(ZoneOffset.UTC)).setParameter(4, answer.id)
                .setParameter(5, version)
                .executeUpdate();
        if (updated == 0) {
            throw ProblemException.conflict("concurrent-decision", "Decided concurrently",
                    "another reviewer decided answer " + answer.id + " first");
        }
        em.refresh(answer);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", Map.of("from", fromStatus, "to", request.decision()));
        changes.put("scores", overrides.isEmpty() ? List.of()
                : applyOverrides(answer, reviewer, rows, overrides).get("scores"));
        audit(answer, "DECISION", reviewer, now, request.decision(), request.comment(), changes, fromStatus);
        em.flush();
        decisions.decided(answer, fromStatus, request.decision(), reviewer, now);
        return AnswerView.of(answer);
    }

    // ---- steps

    private static List<Override> validateDecision(DecisionRequest request) {
        if (request == null) {
            throw ProblemException.invalid("$", "a JSON object with decision is required");
        }
        if (request.decision() == null || !DECISIONS.contains(request.decision())) {
            throw ProblemException.invalid("decision", "must be APPROVED or REJECTED");
        }
        if (request.comment() != null && request.comment().length() > MAX_COMMENT) {
            throw ProblemException.invalid("comment", "at most " + MAX_COMMENT + " characters");
        }
        List<Override> overrides = request.overrides() == null ? List.of() : request.overrides();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < overrides.size(); i++) {
            Override o = overrides.get(i);
            String at = "overrides[" + i + "].";
            if (o == null) {
                throw ProblemException.invalid(at + "criterion", "is required");
            }
            validateOverride(o, at, false);
            if (!seen.add(o.criterion())) {
                throw ProblemException.invalid(at + "criterion", "is overridden twice");
            }
        }
        return overrides;
    }

    private static void validateOverride(Override o, String at, boolean commentRequired) {
        if (o.criterion() == null || o.criterion().isBlank()) {
            throw ProblemException.invalid(at + "criterion", "is required");
        }
        if (o.score() == null || o.score() < 0 || o.score() > ScoreMath.MAX_CRITERION) {
            throw ProblemException.invalid(at + "score", "must be 0 to " + ScoreMath.MAX_CRITERION);
        }
        if (commentRequired && (o.comment() == null || o.comment().isBlank())) {
            throw ProblemException.invalid(at + "comment", "is required: say why the score changes");
        }
        if (o.comment() != null && o.comment().length() > MAX_COMMENT) {
            throw ProblemException.invalid(at + "comment", "at most " + MAX_COMMENT + " characters");
        }
    }

    /**
     * Stores the overrides and recomputes the answer's overall and verdict from all of its criteria.
     *
     * @return the audit's changes: scores from/to, overall and verdict from/to
     */
    private Map<String, Object> applyOverrides(Answer answer, String reviewer, Map<String, CriterionRow> rows,
                                               List<Override> overrides) {
        Map<String, Integer> current = new HashMap<>();
        rows.values().forEach(r -> current.put(r.key(), r.current()));
        List<Map<String, Object>> scores = new ArrayList<>();
        for (Override o : overrides) {
            em.createNativeQuery("""
                            UPDATE answer_criterion SET override_score = ?1, override_comment = ?2, overridden_by = ?3
                            WHERE answer_id = ?4 AND key = ?5""")
                    .setParameter(1, o.score()).setParameter(2, o.comment()).setParameter(3, reviewer)
                    .setParameter(4, answer.id).setParameter(5, o.criterion())
                    .executeUpdate();
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("criterion", o.criterion());
            change.put("from", current.get(o.criterion()));
            change.put("to", o.score());
            scores.add(change);
            current.put(o.criterion(), o.score());
        }
        JsonNode document = document(answer);
        int machineOverall = document.path("overall").asInt(answer.overall == null ? 0 : answer.overall);
        List<ScoreMath.Criterion> criteria = rows.values().stream()
                .map(r -> new ScoreMath.Criterion(r.key(), r.weight(), r.machine(), current.get(r.key()))).toList();
        boolean overridden = criteria.stream().anyMatch(c -> c.current() != c.machine());
        int overall = ScoreMath.overall(machineOverall, criteria);
        String verdict = ScoreMath.verdict(document.path("verdict").asText(answer.verdict), overridden, overall,
                config.review().passFrom(), config.review().borderlineFrom());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("scores", scores);
        changes.put("overall", fromTo(answer.overall, overall));
        changes.put("verdict", fromTo(answer.verdict, verdict));
        em.createNativeQuery("UPDATE answer SET overall = ?1, verdict = ?2 WHERE id = ?3")
                .setParameter(1, overall).setParameter(2, verdict).setParameter(3, answer.id).executeUpdate();
        answer.overall = overall;
        answer.verdict = verdict;
        return changes;
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    /** The checks before any change: not one's own, scored, not decided by a human, not claimed by another. */
    private void actionable(Answer answer, String reviewer) {
        notOwn(answer, reviewer);
        if ("SUBMITTED".equals(answer.status)) {
            throw ProblemException.conflict("not-scored-yet", "Not scored yet",
                    "answer " + answer.id + " has no machine score yet");
        }
        undecided(answer);
        notHeldByAnother(answer, reviewer, now());
    }

    private static void notOwn(Answer answer, String reviewer) {
        if (answer.userId.equals(reviewer)) {
            throw ProblemException.forbidden("own-answer", "Own answer",
                    "reviewers do not review, score or decide their own answers");
        }
    }

    private static void undecided(Answer answer) {
        if (answer.reviewedBy != null) {
            throw ProblemException.conflict("already-decided", "Already decided",
                    "answer " + answer.id + " was already decided by " + answer.reviewedBy);
        }
    }

    private static void notHeldByAnother(Answer answer, String reviewer, Instant now) {
        if (held(answer, now) && !answer.claimedBy.equals(reviewer)) {
            throw ProblemException.conflict("claimed", "Claimed by another reviewer",
                    "answer " + answer.id + " is claimed by " + answer.claimedBy + " until " + answer.claimedUntil);
        }
    }

    private static boolean held(Answer answer, Instant now) {
        return answer.claimedBy != null && answer.claimedUntil != null && answer.claimedUntil.isAfter(now);
    }

    private void audit(Answer answer, String action, String reviewer, Instant at, String decision, String comment,
                       Map<String, Object> changes) {
        audit(answer, action, reviewer, at, decision, comment, changes, answer.status);
    }

    private void audit(Answer answer, String action, String reviewer, Instant at, String decision, String comment,
                       Map<String, Object> changes, String fromStatus) {
        em.createNativeQuery("""
                        INSERT INTO review_audit (answer_id, action, reviewer, at, from_status, decision, comment,
                                                  changes)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS jsonb))""")
                .setParameter(1, answer.id).setParameter(2, action).setParameter(3, reviewer)
                .setParameter(4, at.atOffset(ZoneOffset.UTC)).setParameter(5, fromStatus)
                .setParameter(6, decision).setParameter(7, comment).setParameter(8, EventJson.write(changes))
                .executeUpdate();
    }

    private Map<String, CriterionRow> criteria(Answer answer) {
        JsonNode rubric = catalogue.rubric(answer.questionId, answer.part).orElse(MissingNode.getInstance());
        Map<String, Double> weights = new HashMap<>();
        rubric.path("criteria").forEach(c -> {
            if (c.path("weight").isNumber()) {
                weights.put(c.path("key").asText(), c.path("weight").asDouble());
            }
        });
        Map<String, CriterionRow> rows = new LinkedHashMap<>();
        for (Object o : em.createNativeQuery("""
                        SELECT key, kind, title, machine_score, override_score, override_comment, overridden_by
                        FROM answer_criterion WHERE answer_id = ?1 ORDER BY key""")
                .setParameter(1, answer.id).getResultList()) {
            Object[] r = (Object[]) o;
            String key = (String) r[0];
            rows.put(key, new CriterionRow(key, (String) r[1], (String) r[2], weights.get(key),
                    ((Number) r[3]).intValue(), (Integer) r[4], (String) r[5], (String) r[6]));
        }
        return rows;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private Answer find(String answerId) {
        UUID id = SubmissionService.parseId(answerId);
        Answer answer = id == null ? null : Answer.findById(id);
        if (answer == null) {
            throw ProblemException.notFound("answer " + answerId + " does not exist");
        }
        return answer;
    }

    private Answer lock(String answerId) {
        UUID id = SubmissionService.parseId(answerId);
        Answer answer = id == null ? null : Answer.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (answer == null) {
            throw ProblemException.notFound("answer " + answerId + " does not exist");
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
}
