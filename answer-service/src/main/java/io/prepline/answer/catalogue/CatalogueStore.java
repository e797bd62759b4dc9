package io.prepline.answer.catalogue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The local catalogue: questions and parts as last published, used to validate submissions. */
@ApplicationScoped
public class CatalogueStore {

    /** A question as submissions see it. */
    public record Question(UUID id, String slug, String status, boolean hasRubric, List<Integer> parts) {

        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    @Inject
    EntityManager em;

    /**
     * Applies a snapshot unless the stored version is the same or newer (redelivery, replays from the beginning).
     *
     * @return whether anything changed
     */
    @Transactional
    public boolean upsert(QuestionSnapshot q) {
        // a slug moves to another question only after its old owner was renamed: its rename comes later
        em.createNativeQuery("""
                        UPDATE catalogue_question SET slug = slug || '~' || id
                        WHERE slug = ?1 AND id <> ?2
                          AND NOT EXISTS (SELECT 1 FROM catalogue_question WHERE id = ?2 AND version >= ?3)""")
                .setParameter(1, q.slug()).setParameter(2, q.id()).setParameter(3, q.version())
                .executeUpdate();
        int changed = em.createNativeQuery("""
                        INSERT INTO catalogue_question (id, slug, status, version, has_rubric, title)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (id) DO UPDATE SET slug = EXCLUDED.slug, status = EXCLUDED.status,
                            version = EXCLUDED.version, has_rubric = EXCLUDED.has_rubric, title = EXCLUDED.title
                        WHERE catalogue_question.version < EXCLUDED.version""")
                .setParameter(1, q.id()).setParameter(2, q.slug()).setParameter(3, q.status())
                .setParameter(4, q.version()).setParameter(5, q.hasRubric()).setParameter(6, q.title())
                .executeUpdate();
        if (changed == 0) {
            return false;
        }
        em.createNativeQuery("DELETE FROM catalogue_part WHERE question_id = ?1").setParameter(1, q.id())
                .executeUpdate();
        if (q.parts() != null) {
            for (QuestionSnapshot.Part part : q.parts()) {
                if (part == null || part.number() == null) {
                    continue;
                }
                em.createNativeQuery("""
                                INSERT INTO catalogue_part (question_id, number, title) VALUES (?1, ?2, ?3)
                                ON CONFLICT DO NOTHING""")
                        .setParameter(1, q.id()).setParameter(2, part.number()).setParameter(3, part.title())
                        .executeUpdate();
            }
        }
        return true;
    }

    @Transactional
    public void delete(UUID id) {
        em.createNativeQuery("DELETE FROM catalogue_question WHERE id = ?1").setParameter(1, id).executeUpdate();
    }

    /** By id (when {@code ref} is a UUID) or by slug. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Question> find(String ref) {
        UUID id = asUuid(ref);
        List<?> rows = (id != null
                ? em.createNativeQuery("SELECT id, slug, status, has_rubric FROM catalogue_question WHERE id = ?1")
                        .setParameter(1, id)
                : em.createNativeQuery("SELECT id, slug, status, has_rubric FROM catalogue_question WHERE slug = ?1")
                        .setParameter(1, ref))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        UUID questionId = (UUID) row[0];
        @SuppressWarnings("unchecked")
        List<Integer> parts = em.createNativeQuery(
                        "SELECT number FROM catalogue_part WHERE question_id = ?1 ORDER BY number", Integer.class)
                .setParameter(1, questionId).getResultList();
        return Optional.of(new Question(questionId, (String) row[1], (String) row[2], (Boolean) row[3], parts));
    }

    static UUID asUuid(String value) {
        try {
            return value != null && value.length() == 36 ? UUID.fromString(value) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
