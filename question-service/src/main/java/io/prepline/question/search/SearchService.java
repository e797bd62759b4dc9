package io.prepline.question.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.question.QuestionConfig;
import io.prepline.question.catalogue.Difficulty;
import io.prepline.question.catalogue.QuestionDocument;
import io.prepline.question.catalogue.Slugs;
import io.prepline.platform.problem.FieldError;
import io.prepline.platform.problem.ProblemException;
import io.prepline.question.search.SearchModels.Count;
import io.prepline.question.search.SearchModels.Facets;
import io.prepline.question.search.SearchModels.Page;
import io.prepline.question.search.SearchModels.QuestionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Browsing the catalogue with PostgreSQL: full-text search on the weighted tsvector (GIN), JSONB containment for
 * company/role/round and topics, keyset pagination. Plain SQL because ranking and keysets do not map to entities.
 */
@ApplicationScoped
public class SearchService {

    static final String SUMMARY_COLUMNS = "q.id, q.slug, q.title, q.overview, q.category, q.difficulty, q.asks::text, "
            + "q.topics::text, jsonb_array_length(q.parts), q.likes_count, q.comments_count, q.solved_count, q.updated_at";
    private static final TypeReference<List<QuestionDocument.Ask>> ASKS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    QuestionConfig config;

    /** Checks raw query parameters and turns names into slugs; unknown values are errors naming the parameter. */
    public Filters filters(FilterParams.Values values) {
        String q = values.q();
        String difficulty = values.difficulty();
        List<FieldError> errors = new ArrayList<>();
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > config.api().maxQueryLength()) {
            errors.add(new FieldError("q", "must be at most " + config.api().maxQueryLength() + " characters"));
        }
        Difficulty level = null;
        if (difficulty != null) {
            level = Difficulty.parse(difficulty).orElse(null);
            if (level == null) {
                errors.add(new FieldError("difficulty", "must be one of easy, medium, hard"));
            }
        }
        String companySlug = known(errors, "company", values.company(), "ask_keys @> ?::jsonb", s -> "[{\"company\":\"" + s + "\"}]");
        String roleSlug = known(errors, "role", values.role(), "ask_keys @> ?::jsonb", s -> "[{\"role\":\"" + s + "\"}]");
        String roundSlug = known(errors, "round", values.round(), "ask_keys @> ?::jsonb", s -> "[{\"round\":\"" + s + "\"}]");
        String categorySlug = known(errors, "category", values.category(), "category_slug = ?", s -> s);
        String topicSlug = known(errors, "topic", values.topic(), "topic_slugs @> ?::jsonb", s -> "[\"" + s + "\"]");
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("unknown or invalid filter values", errors);
        }
        return new Filters(text, companySlug, roleSlug, categorySlug, level, roundSlug, topicSlug);
    }

    private String known(List<FieldError> errors, String name, String value, String condition,
                         java.util.function.Function<String, String> param) {
        if (value == null) {
            return null;
        }
        String slug = Slugs.of(value);
        if (slug == null) {
            errors.add(new FieldError(name, "must name a " + name));
            return null;
        }
        String sql = "SELECT EXISTS (SELECT 1 FROM question WHERE " + condition + ")";
        boolean exists = query(sql, List.of(param.apply(slug)), rs -> rs.next() && rs.getBoolean(1));
        if (!exists) {
            errors.add(new FieldError(name, "unknown " + name + " '" + value + "'"));
            return null;
        }
        return slug;
    }

    public Page list(Filters filters, Sort requested, int limit, String cursorToken) {
        Sort sort = requested == null ? (filters.hasText() ? Sort.RELEVANCE : Sort.RECENT) : requested;
        if (sort == Sort.RELEVANCE && !filters.hasText()) {
            sort = Sort.RECENT;
        }
        Cursor after = cursorToken == null ? null : Cursor.decode(cursorToken, sort, filters);
        Where where = where(filters);
        String rank = filters.hasText() ? "ts_rank(q.search, websearch_to_tsquery('english', ?))" : "NULL::real";
        List<Object> params = new ArrayList<>();
        if (filters.hasText()) {
            params.add(filters.q());
        }
        params.addAll(where.params);
        StringBuilder sql = new StringBuilder("SELECT " + SUMMARY_COLUMNS + ", " + rank + " AS rank FROM question q WHERE "
                + where.sql);
        String key = switch (sort) {
            case RELEVANCE -> rank;
            case RECENT -> "q.updated_at";
            case POPULAR -> "q.likes_count";
            case SOLVED -> "q.solved_count";
        };
        if (after != null) {
            String cast = switch (sort) {
                case RELEVANCE -> "?::real";
                case RECENT -> "?::timestamptz";
                default -> "?::integer";
            };
            sql.append(" AND (").append(key).append(", q.id) < (").append(cast).append(", ?::uuid)");
            if (sort == Sort.RELEVANCE) {
                params.add(filters.q());
            }
            params.add(after.key());
            params.add(after.id());
        }
        // With a selective GIN filter, reading the few matches and sorting them beats walking the sort index and
        // discarding most rows; "+ 0" keeps the planner from choosing the index order.
        boolean selective = filters.company() != null || filters.role() != null || filters.round() != null
                || filters.topic() != null;
        String order = sort == Sort.RELEVANCE ? "rank"
                : !selective ? key
                : sort == Sort.RECENT ? key + " + interval '0 seconds'" : key + " + 0";
        sql.append(" ORDER BY ").append(order).append(" DESC, q.id DESC LIMIT ?");
        params.add(limit + 1);
        Sort pageSort = sort;
        List<Row> rows = query(sql.toString(), params, rs -> {
            List<Row> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Row(summary(rs, filters.hasText() ? rs.getFloat(14) : null), keyOf(rs, pageSort)));
            }
            return out;
        });
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Row last = rows.get(limit - 1);
            next = new Cursor(sort, filters.fingerprint(), last.key, last.summary.id()).encode();
        }
        long total = query("SELECT count(*) FROM question q WHERE " + where.sql, where.params,
                rs -> rs.next() ? rs.getLong(1) : 0L);
        return new Page(rows.stream().map(Row::summary).toList(), next, total);
    }

    private static String keyOf(ResultSet rs, Sort sort) throws SQLException {
        return switch (sort) {
            case RELEVANCE -> Float.toString(rs.getFloat(14));
            case RECENT -> rs.getObject(13, OffsetDateTime.class).toString();
            case POPULAR -> Integer.toString(rs.getInt(10));
            case SOLVED -> Integer.toString(rs.getInt(12));
        };
    }

    public Facets facets(Filters filters) {
        Where where = where(filters);
        return new Facets(
                counts("SELECT a ->> 'company', count(DISTINCT q.id) FROM question q, jsonb_array_elements(q.asks) a WHERE "
                        + where.sql + " GROUP BY 1", where.params),
                counts("SELECT a ->> 'role', count(DISTINCT q.id) FROM question q, jsonb_array_elements(q.asks) a WHERE "
                        + where.sql + " AND a ->> 'role' IS NOT NULL GROUP BY 1", where.params),
                counts("SELECT q.category, count(*) FROM question q WHERE " + where.sql + " GROUP BY 1", where.params),
                counts("SELECT q.difficulty, count(*) FROM question q WHERE " + where.sql + " GROUP BY 1", where.params),
                counts("SELECT a ->> 'round', count(DISTINCT q.id) FROM question q, jsonb_array_elements(q.asks) a WHERE "
                        + where.sql + " AND a ->> 'round' IS NOT NULL GROUP BY 1", where.params),
                counts("SELECT t, count(DISTINCT q.id) FROM question q, jsonb_array_elements_text(q.topics) t WHERE "
                        + where.sql + " GROUP BY 1", where.params));
    }

    public List<QuestionSummary> summaries(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, QuestionSummary> byId = new LinkedHashMap<>();
        query("SELECT " + SUMMARY_COLUMNS + " FROM question q WHERE q.id = ANY (?)", List.<Object>of((Object) ids.toArray(UUID[]::new)),
                rs -> {
                    while (rs.next()) {
                        QuestionSummary s = summary(rs, null);
                        byId.put(s.id(), s);
                    }
                    return null;
                });
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private List<Count> counts(String sql, List<Object> params) {
        Map<String, Count> bySlug = new LinkedHashMap<>();
        query(sql, params, rs -> {
            while (rs.next()) {
                String name = rs.getString(1);
                String slug = Slugs.of(name);
                if (slug != null) {
                    Count prev = bySlug.get(slug);
                    bySlug.put(slug, new Count(prev == null ? name : prev.name(), slug,
                            rs.getLong(2) + (prev == null ? 0 : prev.count())));
                }
            }
            return null;
        });
        return bySlug.values().stream()
                .sorted((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.name().compareTo(b.name()))
                .toList();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(Filters f) {
        StringBuilder sql = new StringBuilder("q.status = 'ACTIVE'");
        List<Object> params = new ArrayList<>();
        if (f.hasText()) {
            sql.append(" AND q.search @@ websearch_to_tsquery('english', ?)");
            params.add(f.q());
        }
        Map<String, String> ask = new LinkedHashMap<>();
        if (f.company() != null) {
            ask.put("company", f.company());
        }
        if (f.role() != null) {
            ask.put("role", f.role());
        }
        if (f.round() != null) {
            ask.put("round", f.round());
        }
        if (!ask.isEmpty()) {
            // one object: company, role and round must match the same report of the question being asked
            StringBuilder obj = new StringBuilder("[{");
            ask.forEach((k, v) -> obj.append(obj.length() > 2 ? "," : "").append('"').append(k).append("\":\"")
                    .append(v).append('"'));
            sql.append(" AND q.ask_keys @> ?::jsonb");
            params.add(obj.append("}]").toString());
        }
        if (f.category() != null) {
            sql.append(" AND q.category_slug = ?");
            params.add(f.category());
        }
        if (f.difficulty() != null) {
            sql.append(" AND q.difficulty = ?");
            params.add(f.difficulty().name());
        }
        if (f.topic() != null) {
            sql.append(" AND q.topic_slugs @> ?::jsonb");
            params.add("[\"" + f.topic() + "\"]");
        }
        return new Where(sql.toString(), params);
    }

    QuestionSummary summary(ResultSet rs, Float rank) throws SQLException {
        List<QuestionDocument.Ask> asks = read(rs.getString(7), ASKS);
        return new QuestionSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), Difficulty.valueOf(rs.getString(6)),
                asks.stream().map(QuestionDocument.Ask::company).filter(Objects::nonNull).distinct().toList(),
                asks.stream().map(QuestionDocument.Ask::role).filter(Objects::nonNull).distinct().toList(),
                asks.stream().map(QuestionDocument.Ask::round).filter(Objects::nonNull).distinct().toList(),
                read(rs.getString(8), STRINGS), rs.getInt(9),
                new QuestionDocument.Counters(rs.getInt(10), rs.getInt(11), rs.getInt(12)),
                rs.getObject(13, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toInstant(), rank);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs one query of the catalogue database ({@code UUID[]} parameters go as uuid arrays). */
    public <T> T query(String sql, List<Object> params, Reader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof UUID[] ids) {
                    ps.setArray(i + 1, c.createArrayOf("uuid", ids));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("catalogue query failed: " + e.getMessage(), e);
        }
    }

    private record Row(QuestionSummary summary, String key) {
    }
}
