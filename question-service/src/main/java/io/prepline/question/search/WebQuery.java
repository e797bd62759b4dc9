package io.prepline.question.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BlendedTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * A search text in web syntax, as {@code websearch_to_tsquery} read it: words must all match (stemmed, in any of the
 * text fields, title weighing most), {@code "quoted words"} match as a phrase, {@code or} between two words lets
 * either match, {@code -word} excludes. A word no question contains (neither its stem nor the word as written) is
 * taken as a typo: it matches words as written within one edit (two for words of eight letters or more) that
 * questions do contain.
 */
final class WebQuery {

    private static final Pattern TOKENS = Pattern.compile("(-?)\"([^\"]*)\"?|(-?)([^\\s\"]+)");
    private static final int MIN_TYPO_LENGTH = 4;
    private static final int TWO_TYPOS_LENGTH = 8;
    /** Near words a misspelled one is searched as, at most, per field (FuzzyQuery's default). */
    private static final int MAX_EXPANSIONS = FuzzyQuery.defaultMaxExpansions;

    private final Analyzer analyzer;
    private final IndexReader reader;

    private WebQuery(Analyzer analyzer, IndexReader reader) {
        this.analyzer = analyzer;
        this.reader = reader;
    }

    static Query parse(String text, Analyzer analyzer, IndexReader reader) {
        return new WebQuery(analyzer, reader).parse(text);
    }

    private Query parse(String text) {
        List<List<Query>> required = new ArrayList<>();
        List<Query> excluded = new ArrayList<>();
        boolean or = false;
        Matcher tokens = TOKENS.matcher(text);
        while (tokens.find()) {
            boolean quoted = tokens.group(2) != null;
            String words = quoted ? tokens.group(2) : tokens.group(4);
            boolean negated = !(quoted ? tokens.group(1) : tokens.group(3)).isEmpty();
            if (!quoted && !negated && words.equalsIgnoreCase("or")) {
                or = !required.isEmpty();
                continue;
            }
            Query part = words(words, quoted);
            if (part == null) {
                continue;
            }
            if (negated) {
                excluded.add(part);
            } else if (or) {
                required.getLast().add(part);
            } else {
                required.add(new ArrayList<>(List.of(part)));
            }
            or = false;
        }
        if (required.isEmpty() && excluded.isEmpty()) {
            return new MatchNoDocsQuery("no searchable words");
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (required.isEmpty()) {
            query.add(new MatchAllDocsQuery(), Occur.FILTER);
        }
        for (List<Query> alternatives : required) {
            query.add(anyOf(alternatives), Occur.MUST);
        }
        excluded.forEach(part -> query.add(part, Occur.MUST_NOT));
        return query.build();
    }

    /** One word or a phrase: null when it has nothing searchable (stop words only). */
    private Query words(String words, boolean phrase) {
        List<Token> terms = tokens(analyzer, IndexedQuestions.TITLE, words);
        if (terms.isEmpty()) {
            return null;
        }
        List<Token> written = tokens(analyzer, IndexedQuestions.WORDS, words);
        if (terms.size() == 1 && written.size() == 1 && !phrase) {
            return term(terms.getFirst().term(), written.getFirst().term());
        }
        // several words, or one written with hyphens or slashes ("k-means", "a/b"): in this order
        BooleanQuery.Builder inAnyField = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> field : IndexedQuestions.TEXT_FIELDS.entrySet()) {
            PhraseQuery.Builder inField = new PhraseQuery.Builder();
            terms.forEach(token -> inField.add(new Term(field.getKey(), token.term()), token.position()));
            inAnyField.add(new BoostQuery(inField.build(), field.getValue()), Occur.SHOULD);
        }
        return inAnyField.build();
    }

    /** A word, by its stem; when neither the stem nor the word as written is in any question, as a typo. */
    private Query term(String stem, String word) {
        if (!known(stem, word) && word.length() >= MIN_TYPO_LENGTH) {
            return typo(word, word.length() >= TWO_TYPOS_LENGTH ? 2 : 1);
        }
        return inAnyField(IndexedQuestions.TEXT_FIELDS, field -> new TermQuery(new Term(field, stem)));
    }

    /**
     * A misspelled word: the words as written within {@code edits} of it (transpositions count as one, the first
     * letter as typed), the nearest 50 of each field, weighted as {@link FuzzyQuery} weighs them (nearer words more,
     * their document frequencies blended so that a rare near word does not outweigh a common one). One automaton
     * serves both fields: building it is most of the cost, and FuzzyQuery builds one per distance per field.
     */
    private Query typo(String word, int edits) {
        CompiledAutomaton near = FuzzyQuery.getFuzzyAutomaton(word, edits, 1, true);
        int length = word.codePointCount(0, word.length());
        BooleanQuery.Builder inAnyField = new BooleanQuery.Builder();
        boolean found = false;
        try {
            for (Map.Entry<String, Float> field : IndexedQuestions.WORD_FIELDS.entrySet()) {
                Terms terms = MultiTerms.getTerms(reader, field.getKey());
                if (terms == null) {
                    continue;
                }
                List<Near> candidates = new ArrayList<>();
                TermsEnum matching = near.getTermsEnum(terms);
                for (BytesRef term = matching.next(); term != null; term = matching.next()) {
                    String text = term.utf8ToString();
                    int textLength = text.codePointCount(0, text.length());
                    float similarity = 1f - (float) distance(word, text) / Math.min(length, textLength);
                    candidates.add(new Near(text, similarity));
                }
                if (candidates.isEmpty()) {
                    continue;
                }
                candidates.sort(Comparator.comparing(Near::similarity).reversed().thenComparing(Near::text));
                BlendedTermQuery.Builder blended = new BlendedTermQuery.Builder()
                        .setRewriteMethod(BlendedTermQuery.BOOLEAN_REWRITE);
                candidates.stream().limit(MAX_EXPANSIONS)
                        .forEach(c -> blended.add(new Term(field.getKey(), c.text()), c.similarity()));
                inAnyField.add(new BoostQuery(blended.build(), field.getValue()), Occur.SHOULD);
                found = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found ? inAnyField.build() : new MatchNoDocsQuery("no word near " + word);
    }

    private record Near(String text, float similarity) {
    }

    /** Edits between two words: insertions, deletions, substitutions and swaps of neighbours (optimal string alignment). */
    static int distance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[][] d = new int[x.length + 1][y.length + 1];
        for (int i = 0; i <= x.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= y.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            for (int j = 1; j <= y.length; j++) {
                int cost = x[i - 1] == y[j - 1] ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[x.length][y.length];
    }

    private boolean known(String stem, String word) {
        try {
            for (String field : IndexedQuestions.TEXT_FIELDS.keySet()) {
                if (reader.docFreq(new Term(field, stem)) > 0) {
                    return true;
                }
            }
            return reader.docFreq(new Term(IndexedQuestions.WORDS, word)) > 0
                    || reader.docFreq(new Term(IndexedQuestions.TITLE_WORDS, word)) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query inAnyField(Map<String, Float> fields, Function<String, Query> match) {
        BooleanQuery.Builder inAnyField = new BooleanQuery.Builder();
        fields.forEach((field, weight) -> inAnyField.add(new BoostQuery(match.apply(field), weight), Occur.SHOULD));
        return inAnyField.build();
    }

    private Query anyOf(List<Query> alternatives) {
        if (alternatives.size() == 1) {
            return alternatives.getFirst();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        alternatives.forEach(alternative -> any.add(alternative, Occur.SHOULD));
        return any.build();
    }

    /** A term and its position (stop words leave gaps, as in the index). */
    record Token(String term, int position) {
    }

    /** The terms {@code analyzer} makes of {@code text} for {@code field}, in order. */
    static List<Token> tokens(Analyzer analyzer, String field, String text) {
        List<Token> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                terms.add(new Token(term.toString(), position));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
