package io.prepline.question.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.prepline.platform.problem.ProblemException;
import io.prepline.question.QuestionConfig;
import io.prepline.question.catalogue.Slugs;
import io.prepline.question.search.SearchModels.Count;
import io.prepline.question.search.SearchModels.Facets;
import io.prepline.question.search.SearchModels.SuggestedQuestion;
import io.prepline.question.search.SearchModels.Suggestions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * Autocomplete: active questions whose title has a word starting with each word typed (the last one usually half
 * typed), and companies and topics with a word starting with the text, most asked first. From the search index:
 * title words are indexed by their first letters, so a completion is one term per word typed.
 */
@ApplicationScoped
public class Autocomplete {

    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    @Inject
    CatalogueIndex index;
    @Inject
    SearchService search;
    @Inject
    QuestionConfig config;

    public Suggestions suggest(String text) {
        String typed = check(text);
        Facets all = search.allFacets();
        int limit = config.search().suggestions();
        return new Suggestions(questions(typed, limit), matching(all.company(), typed, limit),
                matching(all.topic(), typed, limit));
    }

    /** The text typed, stripped: at least one letter or digit, at most the configured length. */
    private String check(String text) {
        int max = config.search().maxSuggestLength();
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("q", "must be given: the text typed so far");
        }
        String typed = text.strip();
        if (typed.length() > max) {
            throw ProblemException.invalid("q", "must be at most " + max + " characters");
        }
        if (Slugs.of(typed) == null) {
            throw ProblemException.invalid("q", "must contain a letter or a digit");
        }
        return typed;
    }

    private List<SuggestedQuestion> questions(String typed, int limit) {
        BooleanQuery.Builder query = IndexedQuestions.activeOnly();
        for (String word : WORDS.split(typed.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                BytesRef prefix = index.analyzer().normalize(IndexedQuestions.TITLE_PREFIXES,
                        word.length() > IndexedQuestions.MAX_PREFIX ? word.substring(0, IndexedQuestions.MAX_PREFIX) : word);
                query.add(new TermQuery(new Term(IndexedQuestions.TITLE_PREFIXES, prefix)), Occur.MUST);
            }
        }
        return index.read((searcher, facets) -> {
            // no total: ranking may skip what cannot reach the first few from the start (block-max WAND)
            ScoreDoc[] hits = searcher.search(query.build(), new TopScoreDocCollectorManager(limit, limit)).scoreDocs;
            int[] docs = new int[hits.length];
            for (int i = 0; i < hits.length; i++) {
                docs[i] = hits[i].doc;
            }
            String[] slugs = IndexedQuestions.texts(searcher, docs, IndexedQuestions.STORED_SLUG);
            String[] titles = IndexedQuestions.texts(searcher, docs, IndexedQuestions.STORED_TITLE);
            List<SuggestedQuestion> questions = new ArrayList<>(hits.length);
            for (int i = 0; i < hits.length; i++) {
                questions.add(new SuggestedQuestion(slugs[i], titles[i]));
            }
            return questions;
        });
    }

    /** Values with a word starting with the text ("cap" and "capital o" both find Capital One), most asked first. */
    private static List<Count> matching(List<Count> values, String typed, int limit) {
        String start = "-" + Slugs.of(typed);
        return values.stream().filter(value -> ("-" + value.slug()).contains(start)).limit(limit).toList();
    }
}
