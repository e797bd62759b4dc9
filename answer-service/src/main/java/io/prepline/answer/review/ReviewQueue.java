package io.prepline.answer.review;

import static io.prepline.answer.Jdbc.instant;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.prepline.platform.http.CursorToken;
import io.prepline.answer.review.ReviewModels.CriterionOverrides;
import io.prepline.answer.review.ReviewModels.QueueItem;
import io.prepline.answer.review.ReviewModels.QueuePage;
import io.prepline.answer.review.ReviewModels.ReviewerDecisions;
import io.prepline.answer.review.ReviewModels.ScorerAgreement;
import io.prepline.answer.review.ReviewModels.Stats;
import io.prepline.answer.submission.SubmissionService;

/** What reviewers read in bulk: the queue with its counts, and the agreement of their decisions with the machine. */
@ApplicationScoped
public class ReviewQueue {

    /** Oldest submission first, or lowest confidence first (unscored answers before all) and then oldest. */
    public enum Order { AGE, CONFIDENCE }

    /** Validated queue filters. */
    public record QueueFilter(String status, String question, Integer minScore, Integer maxScore, Order order,
                              String cursor, int limit) {
    }

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public QueuePage queue(QueueFilter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, user_id, question_id, question_slug, part, revision, status, overall, confidence, verdict,
                       submitted_at, scored_at, review_reason,
                       CASE WHEN claimed_until > now() THEN claimed_by END,
                       CASE WHEN claimed_until > now() THEN claimed_until END,
                       COALESCE(confidence, -1) AS rank
                FROM answer WHERE status = ?1""");
        List<Object> params = new ArrayList<>();
        params.add(filter.status());
        questionFilter(filter.question(), sql, params);
        if (filter.minScore() != null) {
            params.add(filter.minScore());
            sql.append(" AND overall >= ?").append(params.size());
        }
        if (filter.maxScore() != null) {
            params.add(filter.maxScore());
            sql.append(" AND overall <= ?").append(params.size());
        }
        boolean byConfidence = filter.order() == Order.CONFIDENCE;
        if (filter.cursor() != null) {
            Cursor after = Cursor.decode(filter.cursor(), filter.order());
            params.add(after.submittedAt().atOffset(ZoneOffset.UTC));
            params.add(after.id());
            int at = params.size();
            if (byConfidence) {
                params.add(after.rank());
                sql.append(" AND (COALESCE(confidence, -1), submitted_at, id) > (CAST(?").append(at + 1)
                        .append(" AS float8), CAST(?").append(at - 1).append(" AS timestamptz), ?").append(at)
                        .append(")");
            } else {
                sql.append(" AND (submitted_at, id) > (CAST(?").append(at - 1).append(" AS timestamptz), ?")
                        .append(at).append(")");
            }
        }
        params.add(filter.limit() + 1);
        sql.append(byConfidence ? " ORDER BY rank, submitted_at, id" : " ORDER BY submitted_at, id")
                .append(" LIMIT ?").append(params.size());
        List<QueueItem> items = new ArrayList<>();
        List<Double> ranks = new ArrayList<>();
        for (Object o : bind(em.createNativeQuery(sql.toString()), params).getResultList()) {
            Object[] r = (Object[]) o;
            items.add(new QueueItem((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (Integer) r[4],
                    ((Number) r[5]).intValue(), (String) r[6], (Integer) r[7], (Double) r[8], (String) r[9],
                    instant(r[10]), instant(r[11]), (String) r[12], (String) r[13], instant(r[14])));
            ranks.add(((Number) r[15]).doubleValue());
        }
        String next = null;
        if (items.size() > filter.limit()) {
            items = new ArrayList<>(items.subList(0, filter.limit()));
            QueueItem last = items.get(items.size() - 1);
            next = new Cursor(filter.order(), ranks.get(items.size() - 1), last.submittedAt(), last.answerId()).encode();
        }
        return new QueuePage(items, next, counts(filter.question()));
    }

    /** Answers per status, and how many claims are held, for one question or all. */
    Map<String, Long> counts(String question) {
        StringBuilder sql = new StringBuilder("""
                SELECT status, count(*), count(*) FILTER (WHERE claimed_until > now()) FROM answer WHERE true""");
        List<Object> params = new ArrayList<>();
        questionFilter(question, sql, params);
        sql.append(" GROUP BY status");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : ReviewService.STATUSES_IN_ORDER) {
            counts.put(status, 0L);
        }
        long claimed = 0;
        for (Object o : bind(em.createNativeQuery(sql.toString()), params).getResultList()) {
            Object[] r = (Object[]) o;
            counts.put((String) r[0], ((Number) r[1]).longValue());
            claimed += ((Number) r[2]).longValue();
        }
        counts.put("CLAIMED", claimed);
        return counts;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Stats stats() {
        List<ScorerAgreement> scorers = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                        SELECT scorer_version, count(*),
                               count(*) FILTER (WHERE (score ->> 'verdict' = 'PASS' AND decision = 'APPROVED')
                                                   OR (score ->> 'verdict' = 'FAIL' AND decision = 'REJECTED')),
                               count(*) FILTER (WHERE (score ->> 'verdict' = 'PASS' AND decision = 'REJECTED')
                                                   OR (score ->> 'verdict' = 'FAIL' AND decision = 'APPROVED'))
                        FROM answer WHERE reviewed_by IS NOT NULL AND score IS NOT NULL
                        GROUP BY scorer_version ORDER BY scorer_version""").getResultList()) {
            Object[] r = (Object[]) o;
            long decisions = ((Number) r[1]).longValue();
            long agreed = ((Number) r[2]).longValue();
            long disagreed = ((Number) r[3]).longValue();
            Double agreement = agreed + disagreed == 0 ? null
                    : Math.round(1000.0 * agreed / (agreed + disagreed)) / 1000.0;
            scorers.add(new ScorerAgreement((String) r[0], decisions, agreed, disagreed,
                    decisions - agreed - disagreed, agreement));
        }
        List<CriterionOverrides> criteria = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                        SELECT key, count(*), AVG(override_score - machine_score) FROM answer_criterion
                        WHERE override_score IS NOT NULL GROUP BY key ORDER BY key""").getResultList()) {
            Object[] r = (Object[]) o;
            criteria.add(new CriterionOverrides((String) r[0], ((Number) r[1]).longValue(),
                    Math.round(((Number) r[2]).doubleValue() * 100) / 100.0));
        }
        List<ReviewerDecisions> reviewers = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                        SELECT reviewed_by, count(*), count(*) FILTER (WHERE decision = 'APPROVED'),
                               count(*) FILTER (WHERE decision = 'REJECTED')
                        FROM answer WHERE reviewed_by IS NOT NULL GROUP BY reviewed_by ORDER BY 2 DESC, 1""")
                .getResultList()) {
            Object[] r = (Object[]) o;
            reviewers.add(new ReviewerDecisions((String) r[0], ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(), ((Number) r[3]).longValue()));
        }
        return new Stats(scorers, criteria, reviewers);
    }

    private static void questionFilter(String question, StringBuilder sql, List<Object> params) {
        if (question != null) {
            UUID questionId = SubmissionService.parseId(question);
            params.add(questionId != null ? questionId : question);
            sql.append(questionId != null ? " AND question_id = ?" : " AND question_slug = ?").append(params.size());
        }
    }

    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    /**
     * Position in the queue: the order it belongs to, the last item's rank (confidence order; -1 for an unscored
     * answer), submission time and id, opaque to clients and checked in full when it comes back.
     */
    record Cursor(Order order, double rank, Instant submittedAt, UUID id) {

        String encode() {
            return CursorToken.encode(order, rank, submittedAt, id);
        }

        static Cursor decode(String cursor, Order order) {
            CursorToken token = CursorToken.decode(cursor, 4);
            if (!token.text(0).equals(order.name())) {
                throw CursorToken.foreign("another order");
            }
            return new Cursor(order, token.decimal(1, -1, 1), token.instant(2), token.uuid(3));
        }
    }
}
