package io.prepline.question.rubric;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** Rubric versions: append-only, the highest version per question part is the current one. */
@ApplicationScoped
public class RubricService {

    public static final int WHOLE_QUESTION = 0;

    /** Current rubric per part number (0 = the whole question). */
    public Map<Integer, RubricVersionEntity> current(UUID questionId) {
        List<RubricVersionEntity> rows = RubricVersionEntity.find(
                "from RubricVersionEntity r where r.questionId = ?1 and r.version = (select max(r2.version) "
                        + "from RubricVersionEntity r2 where r2.questionId = r.questionId and r2.partNumber = r.partNumber) "
                        + "order by r.partNumber", questionId).list();
        Map<Integer, RubricVersionEntity> byPart = new LinkedHashMap<>();
        rows.forEach(r -> byPart.put(r.partNumber, r));
        return byPart;
    }

    public Optional<RubricVersionEntity> version(UUID questionId, int part, int version) {
        return RubricVersionEntity.find("questionId = ?1 and partNumber = ?2 and version = ?3",
                questionId, part, version).firstResultOptional();
    }

    /** Appends the next version for the part; the caller's transaction also writes the outbox event. */
    public RubricVersionEntity append(UUID questionId, int part, Rubric rubric, String author) {
        Integer latest = RubricVersionEntity.find("select max(r.version) from RubricVersionEntity r "
                        + "where r.questionId = ?1 and r.partNumber = ?2", questionId, part)
                .project(Integer.class).firstResult();
        RubricVersionEntity row = new RubricVersionEntity();
        row.questionId = questionId;
        row.partNumber = part;
        row.version = latest == null ? 1 : latest + 1;
        row.criteria = List.copyOf(rubric.criteria());
        row.createdBy = author;
        row.createdAt = Instant.now();
        row.persist();
        return row;
    }

    /** Versions of one part's rubric older than {@code before} (all when null), newest first, at most {@code limit}. */
    public List<RubricVersionEntity> versions(UUID questionId, int part, Integer before, int limit) {
        return RubricVersionEntity.find("questionId = ?1 and partNumber = ?2 and version < ?3 order by version desc",
                questionId, part, before == null ? Integer.MAX_VALUE : before).page(0, limit).list();
    }
}
