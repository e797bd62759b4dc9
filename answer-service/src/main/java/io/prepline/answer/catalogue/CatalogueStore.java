package io.prepline.answer.catalogue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.prepline.answer.Jdbc;

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
        String sql = """
                SELECT q.id, q.slug, q.status, q.has_rubric,
                       ARRAY(SELECT p.number FROM catalogue_part p WHERE p.question_id = q.id ORDER BY p.number)
                FROM catalogue_question q
                """ + (id != null ? "WHERE q.id = ?" : "WHERE q.slug = ?");
        return Jdbc.query(em, sql, ps -> ps.setObject(1, id != null ? id : ref), rows -> {
            if (!rows.next()) {
                return Optional.empty();
            }
            Integer[] parts = (Integer[]) rows.getArray(5).getArray();
            return Optional.of(new Question((UUID) rows.getObject(1), rows.getString(2), rows.getString(3),
                    rows.getBoolean(4), List.of(parts)));
        });
    }

    static UUID asUuid(String value) {
        try {
            return value != null && value.length() == 36 ? UUID.fromString(value) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
