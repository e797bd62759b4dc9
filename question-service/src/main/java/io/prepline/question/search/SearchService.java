package io.prepline.question.search;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

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
import io.prepline.question.search.SearchModels.Facets;
import io.prepline.question.search.SearchModels.Highlights;
import io.prepline.question.search.SearchModels.QuestionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;

/**
 * Browsing the catalogue: lists, full-text search with keyset cursors and facets from the search index every instance
 * keeps ({@link CatalogueIndex}); summaries of questions named by id from PostgreSQL (plain SQL).
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
    @Inject
    CatalogueIndex index;

    private volatile CountedFacets hubs;

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
        String companySlug = known(errors, "company", values.company(),
                s -> new Term(IndexedQuestions.ASK, IndexedQuestions.askTerm(s, null, null)));
        String roleSlug = known(errors, "role", values.role(),
                s -> new Term(IndexedQuestions.ASK, IndexedQuestions.askTerm(null, s, null)));
        String roundSlug = known(errors, "round", values.round(),
                s -> new Term(IndexedQuestions.ASK, IndexedQuestions.askTerm(null, null, s)));
        String categorySlug = known(errors, "category", values.category(), s -> new Term(IndexedQuestions.CATEGORY, s));
        String topicSlug = known(errors, "topic", values.topic(), s -> new Term(IndexedQuestions.TOPIC, s));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("unknown or invalid filter values", errors);
        }
        return new Filters(text, companySlug, roleSlug, categorySlug, level, roundSlug, topicSlug);
    }

    /** The slug of a filter value some question (also a retired one) has, or null with an error naming it. */
    private String known(List<FieldError> errors, String name, String value, Function<String, Term> term) {
        if (value == null) {
            return null;
        }
        String slug = Slugs.of(value);
        if (slug == null) {
            errors.add(new FieldError(name, "must name a " + name));
            return null;
        }
        boolean exists = index.read((searcher, facets) -> searcher.getIndexReader().docFreq(term.apply(slug)) > 0);
        if (!exists) {
            errors.add(new FieldError(name, "unknown " + name + " '" + value + "'"));
            return null;
        }
        return slug;
    }

    /**
     * A page of the list or search as JSON: the questions matching the filters in the order asked, after the cursor's
     * position, with the search's relevance and highlights when there is a text.
     */
    public byte[] list(Filters filters, Sort requested, int limit, String cursorToken) {
        Sort sort = requested == null ? (filters.hasText() ? Sort.RELEVANCE : Sort.RECENT) : requested;
        if (sort == Sort.RELEVANCE && !filters.hasText()) {
            sort = Sort.RECENT;
        }
        Cursor after = cursorToken == null ? null : Cursor.decode(cursorToken, sort, filters);
        Sort pageSort = sort;
        return index.read((searcher, facets) -> {
            QueryForms queries = query(filters, searcher);
            Query query = searcher.rewrite(queries.scored());
            org.apache.lucene.search.Sort order = order(pageSort);
            // ranked by relevance, counting stops after the page: the rest of the matches are counted without being
            // ranked, by the cheaper form of the query, and the ranking skips the blocks of documents that cannot
            // reach the page (block-max WAND). Ordered by a number (no index of it to skip by), every match passes
            // the collector anyway, so it counts them all and no second pass counts them again.
            int countUpTo = pageSort == Sort.RELEVANCE ? limit + 1 : Integer.MAX_VALUE;
            TopFieldDocs top = searcher.search(query, new TopFieldCollectorManager(order, limit + 1,
                    after == null ? null : position(pageSort, after), countUpTo));
            long total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? top.totalHits.value()
                    : searcher.count(queries.matching());
            ScoreDoc[] hits = top.scoreDocs;
            if (filters.hasText() && pageSort != Sort.RELEVANCE) {
                TopFieldCollector.populateScores(hits, searcher, query);
            }
            int count = Math.min(limit, hits.length);
            int[] docs = new int[count];
            for (int i = 0; i < count; i++) {
                docs[i] = hits[i].doc;
            }
            BytesRef[] summaries = IndexedQuestions.values(searcher, docs, IndexedQuestions.SUMMARY);
            Highlights[] highlights = filters.hasText() ? highlights(searcher, query, docs) : null;
            PageJson page = new PageJson(json);
            for (int i = 0; i < count; i++) {
                page.item(summaries[i], filters.hasText() ? score(hits[i], pageSort) : null,
                        highlights == null ? null : highlights[i]);
            }
            String next = null;
            if (hits.length > limit) {
                FieldDoc last = (FieldDoc) hits[limit - 1];
                next = new Cursor(pageSort, filters.fingerprint(), cursorKey(pageSort, last),
                        IndexedQuestions.id((Long) last.fields[1], (Long) last.fields[2])).encode();
            }
            return page.finish(next, total);
        });
    }

    /** The matching words of each question of a page: its title, and a snippet of its body or overview. */
    private Highlights[] highlights(IndexSearcher searcher, Query query, int[] docs) throws IOException {
        Highlighter highlighter = new Highlighter(query, config.search().snippetLength());
        String[] titles = IndexedQuestions.texts(searcher, docs, IndexedQuestions.STORED_TITLE);
        String[] overviews = IndexedQuestions.texts(searcher, docs, IndexedQuestions.STORED_OVERVIEW);
        String[] bodies = IndexedQuestions.texts(searcher, docs, IndexedQuestions.STORED_BODY);
        Highlights[] highlights = new Highlights[docs.length];
        for (int i = 0; i < docs.length; i++) {
            highlights[i] = highlighter.highlight(titles[i], overviews[i], bodies[i]);
        }
        return highlights;
    }

    private static Float score(ScoreDoc hit, Sort sort) {
        return sort == Sort.RELEVANCE ? (Float) ((FieldDoc) hit).fields[0] : hit.score;
    }

    private static org.apache.lucene.search.Sort order(Sort sort) {
        SortField idHigh = new SortField(IndexedQuestions.ID_HIGH, SortField.Type.LONG, true);
        SortField idLow = new SortField(IndexedQuestions.ID_LOW, SortField.Type.LONG, true);
        SortField key = switch (sort) {
            case RELEVANCE -> SortField.FIELD_SCORE;
            case RECENT -> new SortField(IndexedQuestions.UPDATED, SortField.Type.LONG, true);
            case POPULAR -> new SortField(IndexedQuestions.LIKES, SortField.Type.LONG, true);
            case SOLVED -> new SortField(IndexedQuestions.SOLVED, SortField.Type.LONG, true);
        };
        return new org.apache.lucene.search.Sort(key, idHigh, idLow);
    }

    /** Where a cursor's page starts: after its sort key and id. */
    private static FieldDoc position(Sort sort, Cursor cursor) {
        Object key = switch (sort) {
            case RELEVANCE -> (Object) Float.valueOf(cursor.key());
            case RECENT -> (Object) IndexedQuestions.micros(Instant.parse(cursor.key()));
            case POPULAR, SOLVED -> (Object) Long.valueOf(cursor.key());
        };
        UUID id = cursor.id();
        return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {key,
                IndexedQuestions.idOrder(id.getMostSignificantBits()), IndexedQuestions.idOrder(id.getLeastSignificantBits())});
    }

    private static String cursorKey(Sort sort, FieldDoc last) {
        return switch (sort) {
            case RELEVANCE -> Float.toString((Float) last.fields[0]);
            case RECENT -> Instant.EPOCH.plus((Long) last.fields[0], ChronoUnit.MICROS).toString();
            case POPULAR, SOLVED -> Long.toString((Long) last.fields[0]);
        };
    }

    /** Counts per value of each facet for the questions matching the filters. */
    public Facets facets(Filters filters) {
        if (filters.equals(Filters.NONE)) {
            return allFacets();
        }
        return index.read((searcher, facets) -> facets.count(searcher, query(filters, searcher).matching()));
    }

    /**
     * The facets of the whole active catalogue (the hubs): counted once per version of the index, since nothing but a
     * change of the index changes them.
     */
    public Facets allFacets() {
        return index.read((searcher, facets) -> {
            CountedFacets counted = hubs;
            if (counted == null || counted.reader() != searcher.getIndexReader()) {
                counted = new CountedFacets(searcher.getIndexReader(), facets.count(searcher, query(Filters.NONE, searcher).matching()));
                hubs = counted;
            }
            return counted.facets();
        });
    }

    private record CountedFacets(IndexReader reader, Facets facets) {
    }

    /**
     * The active questions matching the filters: scored by the text when there is one (ranking), and in the cheaper
     * form that scores nothing (counts, facets).
     */
    private QueryForms query(Filters f, IndexSearcher searcher) {
        if (!f.hasText()) {
            return QueryForms.both(filtered(f, null));
        }
        return WebQuery.parse(f.q(), index.analyzer(), searcher.getIndexReader()).map(text -> filtered(f, text));
    }

    /** The filters, and the text when there is one, of active questions. */
    private static Query filtered(Filters f, Query text) {
        BooleanQuery.Builder query = IndexedQuestions.activeOnly(text);
        if (f.company() != null || f.role() != null || f.round() != null) {
            // one term: company, role and round must match the same report of the question being asked
            filter(query, IndexedQuestions.ASK, IndexedQuestions.askTerm(f.company(), f.role(), f.round()));
        }
        if (f.category() != null) {
            filter(query, IndexedQuestions.CATEGORY, f.category());
        }
        if (f.difficulty() != null) {
            filter(query, IndexedQuestions.DIFFICULTY, Slugs.of(f.difficulty().name()));
        }
        if (f.topic() != null) {
            filter(query, IndexedQuestions.TOPIC, f.topic());
        }
        return query.build();
    }

    private static void filter(BooleanQuery.Builder query, String field, String value) {
        query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
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

    QuestionSummary summary(ResultSet rs, Float rank) throws SQLException {
        List<QuestionDocument.Ask> asks = read(rs.getString(7), ASKS);
        return new QuestionSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), Difficulty.valueOf(rs.getString(6)),
                asks.stream().map(QuestionDocument.Ask::company).filter(Objects::nonNull).distinct().toList(),
                asks.stream().map(QuestionDocument.Ask::role).filter(Objects::nonNull).distinct().toList(),
                asks.stream().map(QuestionDocument.Ask::round).filter(Objects::nonNull).distinct().toList(),
                read(rs.getString(8), STRINGS), rs.getInt(9),
                new QuestionDocument.Counters(rs.getInt(10), rs.getInt(11), rs.getInt(12)),
                rs.getObject(13, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toInstant(), rank, null);
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
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("catalogue query failed: " + e.getMessage(), e);
        }
    }

    /** Sets the parameters of a statement; {@code UUID[]} ones go as uuid arrays. */
    static void bind(Connection c, PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof UUID[] ids) {
                ps.setArray(i + 1, c.createArrayOf("uuid", ids));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
