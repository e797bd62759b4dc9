package io.prepline.answer.catalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.prepline.answer.Jdbc;
import io.prepline.platform.messaging.EventJson;

/** The local catalogue: questions and parts as last published, used to validate submissions. */
@ApplicationScoped
public class CatalogueStore {

    /** A question as submissions see it: {@code scorableParts} are the parts that have a rubric. */
    public record Question(UUID id, String slug, String status, boolean hasRubric, List<Integer> parts,
                           List<Integer> scorableParts) {

        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /** Whole question = part 0. */
    public static final int WHOLE_QUESTION = 0;

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
        Map<Integer, JsonNode> rubrics = new HashMap<>();
        if (q.hasRubric()) {
            rubrics.put(WHOLE_QUESTION, q.rubric());
        }
        if (q.parts() != null) {
            for (QuestionSnapshot.Part part : q.parts()) {
                if (part == null || part.number() == null) {
                    continue;
                }
                boolean scorable = part.rubric() != null && !part.rubric().isNull();
                em.createNativeQuery("""
                                INSERT INTO catalogue_part (question_id, number, title, has_rubric)
                                VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                        .setParameter(1, q.id()).setParameter(2, part.number()).setParameter(3, part.title())
                        .setParameter(4, scorable)
                        .executeUpdate();
                if (scorable) {
                    rubrics.put(part.number(), part.rubric());
                }
            }
        }
        storeRubrics(q.id(), rubrics);
        return true;
    }

    /**
     * Keeps the snapshot's rubrics. A rubric whose version is newer than the stored one asks for a re-score of the
     * answers to that question part that no human has decided (published later, at a bounded rate, by
     * {@code RescoreJob}), in this same transaction.
     */
    private void storeRubrics(UUID questionId, Map<Integer, JsonNode> rubrics) {
        Map<Integer, Integer> stored = new HashMap<>();
        for (Object o : em.createNativeQuery("SELECT part, version FROM catalogue_rubric WHERE question_id = ?1")
                .setParameter(1, questionId).getResultList()) {
            Object[] r = (Object[]) o;
            stored.put(((Number) r[0]).intValue(), ((Number) r[1]).intValue());
        }
        em.createNativeQuery("DELETE FROM catalogue_rubric WHERE question_id = ?1").setParameter(1, questionId)
                .executeUpdate();
        for (Map.Entry<Integer, JsonNode> e : rubrics.entrySet()) {
            int version = e.getValue().path("version").asInt(0);
            em.createNativeQuery("""
                            INSERT INTO catalogue_rubric (question_id, part, version, rubric)
                            VALUES (?1, ?2, ?3, CAST(?4 AS jsonb))""")
                    .setParameter(1, questionId).setParameter(2, e.getKey()).setParameter(3, version)
                    .setParameter(4, EventJson.write(e.getValue()))
                    .executeUpdate();
            Integer before = stored.get(e.getKey());
            if (before != null && version > before) {
                requestRescores(questionId, e.getKey(), version);
            }
        }
    }

    private void requestRescores(UUID questionId, int part, int rubricVersion) {
        em.createNativeQuery("""
                        INSERT INTO rescore_request (answer_id, rubric_version, reason)
                        SELECT id, ?3, 'rubric v' || ?3 FROM answer
                        WHERE question_id = ?1 AND COALESCE(part, 0) = ?2 AND reviewed_by IS NULL
                          AND status <> 'SUBMITTED' AND (rubric_version IS NULL OR rubric_version < ?3)
                        ON CONFLICT (answer_id) DO UPDATE SET rubric_version = EXCLUDED.rubric_version,
                            reason = EXCLUDED.reason""")
                .setParameter(1, questionId).setParameter(2, part).setParameter(3, rubricVersion)
                .executeUpdate();
    }

    /** The current rubric of a question part (part null or 0: the whole question), as published. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<JsonNode> rubric(UUID questionId, Integer part) {
        List<?> rows = em.createNativeQuery(
                        "SELECT rubric::text FROM catalogue_rubric WHERE question_id = ?1 AND part = ?2")
                .setParameter(1, questionId).setParameter(2, part == null ? WHOLE_QUESTION : part)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventJson.MAPPER.readTree((String) rows.get(0)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
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
                       ARRAY(SELECT p.number FROM catalogue_part p WHERE p.question_id = q.id ORDER BY p.number),
                       ARRAY(SELECT p.number FROM catalogue_part p WHERE p.question_id = q.id AND p.has_rubric
                             ORDER BY p.number)
                FROM catalogue_question q
                """ + (id != null ? "WHERE q.id = ?" : "WHERE q.slug = ?");
        return Jdbc.query(em, sql, ps -> ps.setObject(1, id != null ? id : ref), rows -> {
            if (!rows.next()) {
                return Optional.empty();
            }
            Integer[] parts = (Integer[]) rows.getArray(5).getArray();
            Integer[] scorable = (Integer[]) rows.getArray(6).getArray();
            return Optional.of(new Question((UUID) rows.getObject(1), rows.getString(2), rows.getString(3),
                    rows.getBoolean(4), List.of(parts), List.of(scorable)));
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
