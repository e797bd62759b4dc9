package io.prepline.question.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads what the detail page shows of a question in one query: the row, the criteria of its current rubrics (key,
 * title, kind and weight only: the points stay in the database) and the titles of its related questions. Plain SQL
 * without a transaction: a page is read far more often than it changes, and three ORM queries in a transaction cost
 * several times the work of the lookup itself.
 */
@ApplicationScoped
public class PageQuery {

    private static final String SQL = """
            SELECT q.id, q.slug, q.title, q.overview, q.body, q.category, q.difficulty, q.status, q.version,
                   q.asks::text, q.topics::text, q.guidance::text, q.sample_answer::text, q.parts::text,
                   q.likes_count, q.comments_count, q.solved_count, q.created_at, q.updated_at,
                   (SELECT jsonb_agg(jsonb_build_object('part', nullif(r.part_number, 0), 'key', c ->> 'key',
                                     'title', c ->> 'title', 'kind', c ->> 'kind', 'weight', c -> 'weight')
                                     ORDER BY r.part_number, c.n)
                      FROM (SELECT DISTINCT ON (v.part_number) v.part_number, v.criteria
                              FROM rubric_version v WHERE v.question_id = q.id
                             ORDER BY v.part_number, v.version DESC) r,
                           jsonb_array_elements(r.criteria) WITH ORDINALITY AS c(c, n))::text,
                   (SELECT jsonb_agg(jsonb_build_object('slug', o.slug, 'title', o.title, 'difficulty', o.difficulty,
                                     'asks', o.asks) ORDER BY rel.n)
                      FROM jsonb_array_elements_text(q.related_ids) WITH ORDINALITY AS rel(id, n)
                      JOIN question o ON o.id = rel.id::uuid)::text
              FROM question q WHERE q.slug = ?
            """;

    /** A question that {@code related_ids} names, with what its link shows. */
    record Linked(String slug, String title, Difficulty difficulty, List<QuestionDocument.Ask> asks) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    CatalogueService catalogue;

    /** The page of the question with this slug, as {@link CatalogueService#toDocument} makes it, or empty. */
    public Optional<QuestionDocument> page(String slug) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(document(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading question " + slug + " failed: " + e.getMessage(), e);
        }
    }

    private QuestionDocument document(ResultSet rs) throws SQLException {
        QuestionEntity q = new QuestionEntity();
        q.id = rs.getObject(1, UUID.class);
        q.slug = rs.getString(2);
        q.title = rs.getString(3);
        q.overview = rs.getString(4);
        q.body = rs.getString(5);
        q.category = rs.getString(6);
        q.difficulty = Difficulty.valueOf(rs.getString(7));
        q.status = rs.getString(8);
        q.version = rs.getInt(9);
        q.asks = read(rs.getString(10), new TypeReference<>() { });
        q.topics = read(rs.getString(11), new TypeReference<>() { });
        q.guidance = read(rs.getString(12), new TypeReference<>() { });
        q.sampleAnswer = read(rs.getString(13), new TypeReference<>() { });
        q.parts = read(rs.getString(14), new TypeReference<>() { });
        q.likesCount = rs.getInt(15);
        q.commentsCount = rs.getInt(16);
        q.solvedCount = rs.getInt(17);
        q.createdAt = rs.getObject(18, OffsetDateTime.class).toInstant();
        q.updatedAt = rs.getObject(19, OffsetDateTime.class).toInstant();
        List<QuestionDocument.JudgedBy> criteria = orEmpty(read(rs.getString(20),
                new TypeReference<List<QuestionDocument.JudgedBy>>() { }));
        List<Linked> linked = orEmpty(read(rs.getString(21), new TypeReference<List<Linked>>() { }));
        List<QuestionDocument.RelatedRef> related = linked.stream()
                .map(l -> new QuestionDocument.RelatedRef(l.slug(), l.title(), l.difficulty(),
                        l.asks().stream().map(QuestionDocument.Ask::company).distinct().toList()))
                .toList();
        return catalogue.toDocument(q, criteria, related);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private <T> T read(String text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
