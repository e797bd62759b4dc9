package io.prepline.question.engagement;

import java.util.List;

import io.prepline.question.catalogue.CatalogueChanges;
import io.prepline.question.catalogue.CatalogueService;
import io.prepline.question.catalogue.Caller;
import io.prepline.question.catalogue.QuestionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/** Likes, solved counts and sample-answer access. Counters move by atomic increments, once per user. */
@ApplicationScoped
public class EngagementService {

    @Inject
    EntityManager em;
    @Inject
    CatalogueService catalogue;
    @Inject
    CatalogueChanges changes;

    @Transactional
    public LikeState like(String slug, String user) {
        QuestionEntity q = catalogue.require(slug);
        int added = em.createNativeQuery("INSERT INTO question_like (question_id, user_id) VALUES (?1, ?2) "
                + "ON CONFLICT DO NOTHING").setParameter(1, q.id).setParameter(2, user).executeUpdate();
        return new LikeState(true, bump(q, "likes_count", added));
    }

    @Transactional
    public LikeState unlike(String slug, String user) {
        QuestionEntity q = catalogue.require(slug);
        int removed = em.createNativeQuery("DELETE FROM question_like WHERE question_id = ?1 AND user_id = ?2")
                .setParameter(1, q.id).setParameter(2, user).executeUpdate();
        return new LikeState(false, bump(q, "likes_count", -removed));
    }

    /**
     * Applies the latest decision per answer id: a repeated decision changes nothing, an approval counts once per user
     * and question, and an overturned approval withdraws the solve unless another approved answer of the user stands.
     *
     * @return false, with nothing written, when the question does not exist
     */
    @Transactional
    public boolean decided(AnswerDecided d) {
        QuestionEntity q = QuestionEntity.findById(d.questionId());
        if (q == null) {
            return false;
        }
        List<?> previous = em.createNativeQuery("SELECT decision FROM processed_decision WHERE answer_id = ?1 FOR UPDATE")
                .setParameter(1, d.answerId()).getResultList();
        String before = previous.isEmpty() ? null : (String) previous.get(0);
        if (d.decision().equals(before)) {
            return true;
        }
        em.createNativeQuery("INSERT INTO processed_decision (answer_id, decision, user_id, question_id, part_number) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (answer_id) DO UPDATE SET decision = EXCLUDED.decision, "
                        + "processed_at = now()").unwrap(NativeQuery.class)
                .setParameter(1, d.answerId()).setParameter(2, d.decision()).setParameter(3, d.userId())
                .setParameter(4, d.questionId()).setParameter(5, d.part(), StandardBasicTypes.INTEGER).executeUpdate();
        if (d.approved()) {
            int solved = em.createNativeQuery("INSERT INTO question_solver (question_id, user_id, answer_id, solved_at) "
                            + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                    .setParameter(1, q.id).setParameter(2, d.userId()).setParameter(3, d.answerId())
                    .setParameter(4, java.sql.Timestamp.from(d.decidedAt()))
                    .executeUpdate();
            bump(q, "solved_count", solved);
        } else if ("APPROVED".equals(before)) {
            int withdrawn = em.createNativeQuery("DELETE FROM question_solver WHERE question_id = ?1 AND user_id = ?2 "
                            + "AND answer_id = ?3").setParameter(1, q.id).setParameter(2, d.userId())
                    .setParameter(3, d.answerId()).executeUpdate();
            if (withdrawn == 0) {
                return true;
            }
            int replaced = em.createNativeQuery("INSERT INTO question_solver (question_id, user_id, answer_id, solved_at) "
                            + "SELECT question_id, user_id, answer_id, processed_at FROM processed_decision "
                            + "WHERE question_id = ?1 AND user_id = ?2 AND decision = 'APPROVED' LIMIT 1")
                    .setParameter(1, q.id).setParameter(2, d.userId()).executeUpdate();
            bump(q, "solved_count", replaced - withdrawn);
        }
        return true;
    }

    /** The full answer for staff and for candidates with an approved answer; a teaser for everyone else. */
    @Transactional
    public SampleAnswer sampleAnswer(String slug, Caller caller) {
        QuestionEntity q = catalogue.require(slug);
        List<io.prepline.question.catalogue.QuestionDocument.Section> sections =
                q.sampleAnswer == null ? List.of() : q.sampleAnswer;
        String gate = null;
        if (caller.anonymous()) {
            gate = "SIGN_IN";
        } else if (!caller.staff() && !solvedBy(q, caller.userId())) {
            gate = "APPROVED_ANSWER_REQUIRED";
        }
        return gate == null ? new SampleAnswer(q.slug, true, null, sections)
                : new SampleAnswer(q.slug, false, gate, catalogue.teaser(sections));
    }

    private boolean solvedBy(QuestionEntity q, String user) {
        return !em.createNativeQuery("SELECT 1 FROM question_solver WHERE question_id = ?1 AND user_id = ?2")
                .setParameter(1, q.id).setParameter(2, user).getResultList().isEmpty();
    }

    private int bump(QuestionEntity q, String column, int delta) {
        if (delta != 0) {
            em.createNativeQuery("UPDATE question SET " + column + " = " + column + " + ?1 WHERE id = ?2")
                    .setParameter(1, delta).setParameter(2, q.id).executeUpdate();
            changes.countersChangedOnCommit(q.slug);
        }
        Number now = (Number) em.createNativeQuery("SELECT " + column + " FROM question WHERE id = ?1")
                .setParameter(1, q.id).getSingleResult();
        return now.intValue();
    }
}
