package io.prepline.question.search;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.question.QuestionConfig;
import io.prepline.question.catalogue.Difficulty;
import io.prepline.question.catalogue.QuestionDocument;
import io.prepline.platform.problem.ProblemException;
import io.prepline.question.search.SearchModels.Related;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Related questions: editors' links first, then questions sharing topics and companies and similar text (an OR query
 * of the title and overview words against the search vector). Weights favour what a reader expects to be related.
 */
@ApplicationScoped
public class RelatedService {

    private static final String SQL = """
            WITH me AS (
                SELECT id, topic_slugs, ask_keys, related_ids,
                       to_tsquery('english', replace(plainto_tsquery('english', title || ' ' || overview)::text, '&', '|')) AS tq
                FROM question WHERE slug = ?),
            scored AS (
                SELECT q.slug, q.title, q.difficulty, q.asks::text AS asks, q.id,
                       me.related_ids @> to_jsonb(q.id::text) AS curated,
                       (SELECT count(*) FROM jsonb_array_elements(q.topic_slugs) t WHERE me.topic_slugs @> jsonb_build_array(t)) AS shared_topics,
                       (SELECT count(DISTINCT k ->> 'company') FROM jsonb_array_elements(q.ask_keys) k
                         WHERE me.ask_keys @> jsonb_build_array(jsonb_build_object('company', k ->> 'company'))) AS shared_companies,
                       ts_rank(q.search, me.tq) AS text_similarity
                FROM question q, me
                WHERE q.id <> me.id AND q.status = 'ACTIVE')
            SELECT slug, title, difficulty, asks, curated, shared_topics, shared_companies, text_similarity,
                   (CASE WHEN curated THEN 3 ELSE 0 END + shared_topics + 0.5 * shared_companies + 2 * text_similarity)::real AS score
            FROM scored
            WHERE curated OR shared_topics > 0 OR shared_companies > 0 OR text_similarity > 0
            ORDER BY curated DESC, score DESC, id
            LIMIT ?""";

    @Inject
    SearchService search;
    @Inject
    ObjectMapper json;
    @Inject
    QuestionConfig config;

    public List<Related> related(String slug) {
        boolean exists = search.query("SELECT EXISTS (SELECT 1 FROM question WHERE slug = ?)", List.of(slug),
                rs -> rs.next() && rs.getBoolean(1));
        if (!exists) {
            throw ProblemException.notFound("no question with slug '" + slug + "'");
        }
        return search.query(SQL, List.of(slug, config.api().relatedLimit()), rs -> {
            List<Related> out = new ArrayList<>();
            while (rs.next()) {
                List<QuestionDocument.Ask> asks;
                try {
                    asks = json.readValue(rs.getString(4), new TypeReference<List<QuestionDocument.Ask>>() { });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                out.add(new Related(rs.getString(1), rs.getString(2), Difficulty.valueOf(rs.getString(3)),
                        asks.stream().map(QuestionDocument.Ask::company).distinct().toList(), rs.getBoolean(5),
                        rs.getInt(6), rs.getInt(7), rs.getFloat(8), rs.getFloat(9)));
            }
            return out;
        });
    }
}
