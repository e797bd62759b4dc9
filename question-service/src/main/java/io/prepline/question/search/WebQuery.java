package io.prepline.question.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
import org.apache.lucene.index.LeafReaderContext;
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
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.util.UnicodeUtil;

/**
 * A search text in web syntax, as {@code websearch_to_tsquery} read it: words must all match (stemmed, in any of the
 * text fields, title weighing most), {@code "quoted words"} match as a phrase, {@code or} between two words lets
 * either match, {@code -word} excludes. A word no question contains (neither its stem nor the word as written) is
 * taken as a typo: it matches words as written within one edit (two for words of eight letters or more) that
 * questions do contain.
 * <p>
 * A text is read into two queries that match the same questions: one scored, which ranks (each word in the title, the
 * overview and the body, weighted), and one that only matches, which counts and facets cheaply (a plain word is one
 * term of {@link IndexedQuestions#STEMS}, every stem of the question in one field, rather than three).
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

    /** A search text's queries: the scored one ranks, the matching one matches the same questions without scores. */
    static QueryForms parse(String text, Analyzer analyzer, IndexReader reader) {
        return new WebQuery(analyzer, reader).parse(text);
    }

    private QueryForms parse(String text) {
        List<List<QueryForms>> required = new ArrayList<>();
        List<QueryForms> excluded = new ArrayList<>();
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
            QueryForms part = words(words, quoted);
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
            Query none = new MatchNoDocsQuery("no searchable words");
            return QueryForms.both(none);
        }
        return new QueryForms(combined(required, excluded, QueryForms::scored),
                combined(required, excluded, QueryForms::matching));
    }

    /** All the required parts (each one of its alternatives) and none of the excluded, in one of their forms. */
    private static Query combined(List<List<QueryForms>> required, List<QueryForms> excluded,
                                  Function<QueryForms, Query> form) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (required.isEmpty()) {
            query.add(new MatchAllDocsQuery(), Occur.FILTER);
        }
        for (List<QueryForms> alternatives : required) {
            query.add(anyOf(alternatives.stream().map(form).toList()), Occur.MUST);
        }
        excluded.forEach(part -> query.add(form.apply(part), Occur.MUST_NOT));
        return query.build();
    }

    /** One word or a phrase: null when it has nothing searchable (stop words only). */
    private QueryForms words(String words, boolean phrase) {
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
        Query inOrder = inAnyField.build();
        return QueryForms.both(inOrder);
    }

    /** A word, by its stem; when neither the stem nor the word as written is in any question, as a typo. */
    private QueryForms term(String stem, String word) {
        if (!known(stem, word) && word.length() >= MIN_TYPO_LENGTH) {
            Query near = typo(word, word.length() >= TWO_TYPOS_LENGTH ? 2 : 1);
            return QueryForms.both(near);
        }
        return new QueryForms(inAnyField(IndexedQuestions.TEXT_FIELDS, field -> new TermQuery(new Term(field, stem))),
                new TermQuery(new Term(IndexedQuestions.STEMS, stem)));
    }

    /**
     * A misspelled word: the words as written within {@code edits} of it (transpositions count as one, the first
     * letter as typed), the nearest 50 of each field, weighted as {@link FuzzyQuery} weighs them (nearer words more,
     * their document frequencies blended so that a rare near word does not outweigh a common one). The words of each
     * field that start with the same letter are read in order and measured against it, each measurement given up as
     * soon as it exceeds {@code edits}: cheaper than building FuzzyQuery's automaton, which was most of the cost of a
     * search with a typo.
     */
    private Query typo(String word, int edits) {
        int[] typed = word.codePoints().toArray();
        BytesRef first = new BytesRef(new String(typed, 0, 1));
        BooleanQuery.Builder inAnyField = new BooleanQuery.Builder();
        boolean found = false;
        try {
            for (Map.Entry<String, Float> field : IndexedQuestions.WORD_FIELDS.entrySet()) {
                List<Near> candidates = near(field.getKey(), first, typed, edits);
                if (candidates.isEmpty()) {
                    continue;
                }
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

    /**
     * The words of {@code field} starting with {@code first} within {@code edits} of {@code typed}, nearest first:
     * each segment's words walked apart (no merging of the segments' orders), a word found in several segments once.
     */
    private List<Near> near(String field, BytesRef first, int[] typed, int edits) throws IOException {
        Map<String, Near> near = new HashMap<>();
        Distance distance = new Distance(typed, edits);
        int[] other = new int[64];
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(field);
            TermsEnum words = terms == null ? null : terms.iterator();
            if (words == null || words.seekCeil(first) == TermsEnum.SeekStatus.END) {
                continue;
            }
            for (BytesRef term = words.term(); term != null && StringHelper.startsWith(term, first); term = words.next()) {
                other = ArrayUtil.grow(other, term.length);
                int length = UnicodeUtil.UTF8toUTF32(term, other);
                int edited = distance.to(other, length);
                if (edited <= edits) {
                    String text = term.utf8ToString();
                    near.putIfAbsent(text, new Near(text, 1f - (float) edited / Math.min(typed.length, length)));
                }
            }
        }
        List<Near> candidates = new ArrayList<>(near.values());
        candidates.sort(Comparator.comparing(Near::similarity).reversed().thenComparing(Near::text));
        return candidates;
    }

    private record Near(String text, float similarity) {
    }

    /**
     * Edits from one word to others: insertions, deletions, substitutions and swaps of neighbours (optimal string
     * alignment), or more than {@code max}. The others come in the terms' order, so each shares its first letters with
     * the one before: the rows of the table for those letters are kept (one row per letter of the other word), and
     * once a row exceeds {@code max} every word starting with that row's letters is more than {@code max} away without
     * a cell computed. Within a row only the cells within {@code max} of the diagonal are computed (any other is more
     * than {@code max} away).
     */
    static final class Distance {
        private final int[] from;
        private final int max;
        /** rows[k][j]: the edits from the first k letters of the last word to the first j of {@code from}. */
        private int[][] rows;
        private int[] word = new int[16];
        /** Rows 0 to {@code computed} hold the last word's first letters. */
        private int computed;
        /** The first row of the last word beyond {@code max} (none: past every row). */
        private int tooFar = Integer.MAX_VALUE;

        Distance(int[] from, int max) {
            this.from = from;
            this.max = max;
            this.rows = new int[17][];
            rows[0] = new int[from.length + 2];
            for (int j = 0; j < rows[0].length; j++) {
                rows[0][j] = Math.min(j, max + 1);
            }
        }

        /** To the first {@code length} code points of {@code to}. */
        int to(int[] to, int length) {
            int over = max + 1;
            if (Math.abs(length - from.length) > max) {
                return over;
            }
            int shared = 0;
            int common = Math.min(length, computed);
            while (shared < common && word[shared] == to[shared]) {
                shared++;
            }
            if (tooFar <= shared) {
                return over;
            }
            tooFar = Integer.MAX_VALUE;
            if (rows.length < length + 1) {
                rows = Arrays.copyOf(rows, length + 1);
                word = Arrays.copyOf(word, length);
            }
            for (int k = shared + 1; k <= length; k++) {
                word[k - 1] = to[k - 1];
                computed = k;
                if (row(k) > max) {
                    tooFar = k;
                    return over;
                }
            }
            computed = length;
            return rows[length][from.length];
        }

        /** Computes row {@code k} within the band; returns its least cell. */
        private int row(int k) {
            int over = max + 1;
            if (rows[k] == null) {
                rows[k] = new int[from.length + 2];
            }
            int[] current = rows[k];
            int[] previous = rows[k - 1];
            int low = Math.max(1, k - max);
            int high = Math.min(from.length, k + max);
            // the cells just outside the band, which the next row reads, count as too far
            current[low - 1] = Math.min(k, over);
            current[high + 1] = over;
            int best = current[low - 1];
            for (int j = low; j <= high; j++) {
                int cost = word[k - 1] == from[j - 1] ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (k > 1 && j > 1 && word[k - 1] == from[j - 2] && word[k - 2] == from[j - 1]) {
                    d = Math.min(d, rows[k - 2][j - 2] + 1);
                }
                current[j] = Math.min(d, over);
                best = Math.min(best, d);
            }
            return best;
        }
    }

    /** Whether a question has the stem (in any text field: {@link IndexedQuestions#STEMS} holds them all) or the word. */
    private boolean known(String stem, String word) {
        try {
            return reader.docFreq(new Term(IndexedQuestions.STEMS, stem)) > 0
                    || reader.docFreq(new Term(IndexedQuestions.WORDS, word)) > 0
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

    private static Query anyOf(List<Query> alternatives) {
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
