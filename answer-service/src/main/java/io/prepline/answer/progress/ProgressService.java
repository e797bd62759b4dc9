package io.prepline.answer.progress;

import static io.prepline.answer.Jdbc.instant;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.prepline.answer.feedback.FeedbackModels;
import io.prepline.answer.feedback.FeedbackService;
import io.prepline.answer.progress.ProgressModels.MyAnswer;
import io.prepline.answer.progress.ProgressModels.MyAnswers;
import io.prepline.answer.progress.ProgressModels.Progress;
import io.prepline.answer.progress.ProgressModels.Solved;
import io.prepline.answer.progress.ProgressModels.Strength;
import io.prepline.answer.progress.ProgressModels.XpDay;

/** XP, streak, solved questions and strengths, computed from the user's answers and XP awards. */
@ApplicationScoped
public class ProgressService {

    /** Most answers listed by {@code /me/answers} (latest first). */
    static final int MAX_ANSWERS = 500;

    @Inject
    EntityManager em;

    @Inject
    FeedbackService feedback;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Progress progress(String userId) {
        int xp = ((Number) em.createNativeQuery("SELECT COALESCE(SUM(xp), 0) FROM xp_award WHERE user_id = ?1")
                .setParameter(1, userId).getSingleResult()).intValue();
        Set<LocalDate> days = new HashSet<>();
        List<XpDay> history = new ArrayList<>();
        for (Object o : em.createNativeQuery(
                        "SELECT day, xp, answer_id FROM xp_award WHERE user_id = ?1 ORDER BY day DESC LIMIT 1000")
                .setParameter(1, userId).getResultList()) {
            Object[] r = (Object[]) o;
            LocalDate day = r[0] instanceof Date d ? d.toLocalDate() : (LocalDate) r[0];
            days.add(day);
            history.add(new XpDay(day, ((Number) r[1]).intValue(), (UUID) r[2]));
        }
        List<Solved> solved = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                        SELECT question_id, MIN(question_slug), MIN(decided_at) FROM answer
                        WHERE user_id = ?1 AND status = 'APPROVED' GROUP BY question_id ORDER BY 3""")
                .setParameter(1, userId).getResultList()) {
            Object[] r = (Object[]) o;
            solved.add(new Solved((UUID) r[0], (String) r[1], instant(r[2])));
        }
        List<Strength> strengths = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                        WITH latest AS (
                            SELECT DISTINCT ON (question_id, COALESCE(part, 0)) id FROM answer
                            WHERE user_id = ?1 AND overall IS NOT NULL
                            ORDER BY question_id, COALESCE(part, 0), revision DESC)
                        SELECT COALESCE(c.kind, c.key), AVG(COALESCE(c.override_score, c.machine_score)), COUNT(*)
                        FROM answer_criterion c JOIN latest l ON l.id = c.answer_id
                        GROUP BY 1 ORDER BY 2 DESC, 1""")
                .setParameter(1, userId).getResultList()) {
            Object[] r = (Object[]) o;
            double average = Math.round(((Number) r[1]).doubleValue() * 100) / 100.0;
            strengths.add(new Strength((String) r[0], average, ((Number) r[2]).intValue()));
        }
        return new Progress(userId, xp, streak(days, LocalDate.now(ZoneOffset.UTC)), solved.size(), solved,
                strengths, history);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MyAnswers answers(String userId) {
        record Row(UUID id, UUID questionId, String slug, Integer part, int revision, String status, Integer overall,
                   Instant submittedAt, String verdict, Double confidence) {
        }
        List<Row> rows = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                        SELECT * FROM (
                            SELECT DISTINCT ON (question_id, COALESCE(part, 0))
                                   id, question_id, question_slug, part, revision, status, overall, submitted_at,
                                   verdict, confidence
                            FROM answer WHERE user_id = ?1
                            ORDER BY question_id, COALESCE(part, 0), revision DESC) latest
                        ORDER BY submitted_at DESC LIMIT ?2""")
                .setParameter(1, userId).setParameter(2, MAX_ANSWERS).getResultList()) {
            Object[] r = (Object[]) o;
            rows.add(new Row((UUID) r[0], (UUID) r[1], (String) r[2], (Integer) r[3], ((Number) r[4]).intValue(),
                    (String) r[5], (Integer) r[6], instant(r[7]), (String) r[8], (Double) r[9]));
        }
        Map<UUID, List<FeedbackModels.CriterionScore>> criteria =
                feedback.criterionScores(rows.stream().map(Row::id).toList());
        List<MyAnswer> items = new ArrayList<>();
        for (Row r : rows) {
            FeedbackModels.Summary summary = r.overall() == null ? null
                    : new FeedbackModels.Summary(r.overall(), r.verdict(), r.confidence() == null ? 0 : r.confidence(),
                            criteria.getOrDefault(r.id(), List.of()));
            items.add(new MyAnswer(r.id(), r.questionId(), r.slug(), r.part(), r.revision(), r.status(), r.overall(),
                    r.submittedAt(), summary));
        }
        return new MyAnswers(items);
    }

    /** Consecutive days ending today, or yesterday when nothing was approved yet today. */
    static int streak(Set<LocalDate> days, LocalDate today) {
        LocalDate day = days.contains(today) ? today : today.minusDays(1);
        int streak = 0;
        while (days.contains(day)) {
            streak++;
            day = day.minusDays(1);
        }
        return streak;
    }
}
