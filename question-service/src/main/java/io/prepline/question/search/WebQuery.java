package io.prepline.question.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

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
            int edits = word.length() >= TWO_TYPOS_LENGTH ? 2 : 1;
            return inAnyField(IndexedQuestions.WORD_FIELDS, field -> new FuzzyQuery(new Term(field, word), edits, 1));
        }
        return inAnyField(IndexedQuestions.TEXT_FIELDS, field -> new TermQuery(new Term(field, stem)));
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
