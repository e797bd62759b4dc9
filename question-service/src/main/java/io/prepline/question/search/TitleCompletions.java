package io.prepline.question.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.prepline.question.search.SearchModels.SuggestedQuestion;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.RamUsageEstimator;

/**
 * Autocomplete's questions: for each segment of the search index, its active questions by the first letters of their
 * title words, in suggestion order (shortest title first, then by slug). A segment never changes once written, so its
 * completions are made once, when it appears (on the thread that refreshes the index for a new segment, on the merging
 * thread for a merged one), and dropped when Lucene closes it; deletions are checked when read. A completion of one
 * word is the first few of one list; of several, the shortest list walked in order, each question looked up in the
 * others.
 */
final class TitleCompletions {

    /** Suggestion order: the shortest title first (the nearest completion of what was typed), then by slug. */
    static final Comparator<SuggestedQuestion> ORDER = Comparator.comparingInt((SuggestedQuestion q) -> q.title().length())
            .thenComparing(SuggestedQuestion::slug);

    private final Analyzer analyzer;
    private final Map<IndexReader.CacheKey, Segment> bySegment = new ConcurrentHashMap<>();

    TitleCompletions(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Makes the completions of new segments before a searcher over them is used. */
    SearcherFactory searcherFactory() {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
                for (LeafReaderContext leaf : reader.leaves()) {
                    of(leaf.reader());
                }
                return super.newSearcher(reader, previousReader);
            }
        };
    }

    /** Makes the completions of a merged segment while it is merged, before any searcher sees it. */
    void warm(LeafReader merged) {
        of(merged);
    }

    /** Up to {@code limit} active questions whose title has a word starting with each prefix, in suggestion order. */
    List<SuggestedQuestion> complete(IndexSearcher searcher, List<String> prefixes, int limit) {
        List<SuggestedQuestion> found = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            of(leaf.reader()).complete(prefixes, leaf.reader().getLiveDocs(), limit, found);
        }
        found.sort(ORDER);
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    /** The typed word as titles are indexed: lower-cased, ASCII-folded, at most the longest prefix kept. */
    String prefix(String word) {
        String normalized = analyzer.normalize(IndexedQuestions.TITLE_WORDS, word).utf8ToString();
        return normalized.length() > IndexedQuestions.MAX_PREFIX
                ? normalized.substring(0, IndexedQuestions.MAX_PREFIX) : normalized;
    }

    /** What the completions of the segments open now hold (their arrays, lists and texts), in bytes. */
    long ramBytesUsed() {
        return bySegment.values().stream().mapToLong(Segment::ramBytesUsed).sum();
    }

    private Segment of(LeafReader leaf) {
        IndexReader.CacheHelper core = leaf.getCoreCacheHelper();
        return bySegment.computeIfAbsent(core.getKey(), key -> {
            core.addClosedListener(bySegment::remove);
            try {
                return Segment.of(questions(leaf), this::words);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The active questions of a segment (deleted ones too: deletions come later and are checked when read). */
    private static List<Question> questions(LeafReader leaf) throws IOException {
        FixedBitSet unlisted = new FixedBitSet(Math.max(1, leaf.maxDoc()));
        PostingsEnum marked = leaf.postings(new Term(IndexedQuestions.UNLISTED, "true"));
        if (marked != null) {
            for (int doc = marked.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = marked.nextDoc()) {
                unlisted.set(doc);
            }
        }
        BinaryDocValues slugs = DocValues.getBinary(leaf, IndexedQuestions.STORED_SLUG);
        BinaryDocValues titles = DocValues.getBinary(leaf, IndexedQuestions.STORED_TITLE);
        List<Question> questions = new ArrayList<>();
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
            if (!unlisted.get(doc) && slugs.advanceExact(doc) && titles.advanceExact(doc)) {
                questions.add(new Question(doc,
                        new SuggestedQuestion(slugs.binaryValue().utf8ToString(), titles.binaryValue().utf8ToString())));
            }
        }
        return questions;
    }

    /** The words of a title as the index has them (lower-cased, ASCII-folded). */
    private List<String> words(String title) {
        return WebQuery.tokens(analyzer, IndexedQuestions.TITLE_WORDS, title).stream().map(WebQuery.Token::term)
                .toList();
    }

    /** A question of a segment: its document and what it completes to. */
    record Question(int doc, SuggestedQuestion completion) {
    }

    /** Splits a title into its words. */
    @FunctionalInterface
    interface Words {
        List<String> of(String title);
    }

    /**
     * The completions of one segment: its questions in suggestion order (their ordinals), and for each first letters
     * of a title word the ordinals of the questions with such a word, ascending.
     */
    record Segment(int[] docs, SuggestedQuestion[] completions, Map<String, int[]> byPrefix) {

        static Segment of(List<Question> questions, Words words) {
            Question[] ordered = questions.toArray(Question[]::new);
            Arrays.sort(ordered, Comparator.comparing(Question::completion, ORDER));
            int[] docs = new int[ordered.length];
            SuggestedQuestion[] completions = new SuggestedQuestion[ordered.length];
            Map<String, IntList> lists = new HashMap<>();
            for (int ordinal = 0; ordinal < ordered.length; ordinal++) {
                docs[ordinal] = ordered[ordinal].doc();
                completions[ordinal] = ordered[ordinal].completion();
                for (String prefix : prefixes(words.of(completions[ordinal].title()))) {
                    lists.computeIfAbsent(prefix, p -> new IntList()).add(ordinal);
                }
            }
            Map<String, int[]> byPrefix = HashMap.newHashMap(lists.size());
            lists.forEach((prefix, list) -> byPrefix.put(prefix, list.toArray()));
            return new Segment(docs, completions, byPrefix);
        }

        /** Every first letters (one to the longest kept) of every word, each once. */
        private static Set<String> prefixes(List<String> words) {
            Set<String> prefixes = new LinkedHashSet<>();
            for (String word : words) {
                for (int end = 1; end <= Math.min(word.length(), IndexedQuestions.MAX_PREFIX); end++) {
                    prefixes.add(word.substring(0, end));
                }
            }
            return prefixes;
        }

        /** Adds up to {@code limit} live questions with a title word starting with each prefix, in order. */
        void complete(List<String> prefixes, Bits live, int limit, List<SuggestedQuestion> found) {
            int[][] lists = new int[prefixes.size()][];
            int shortest = 0;
            for (int i = 0; i < lists.length; i++) {
                lists[i] = byPrefix.get(prefixes.get(i));
                if (lists[i] == null) {
                    return;
                }
                if (lists[i].length < lists[shortest].length) {
                    shortest = i;
                }
            }
            int[] from = new int[lists.length];
            int added = 0;
            for (int ordinal : lists[shortest]) {
                if (added == limit) {
                    return;
                }
                if ((live == null || live.get(docs[ordinal])) && inAll(lists, from, ordinal)) {
                    found.add(completions[ordinal]);
                    added++;
                }
            }
        }

        /** Whether every list holds the ordinal; lists are read ascending, each from where the last look-up ended. */
        private static boolean inAll(int[][] lists, int[] from, int ordinal) {
            for (int i = 0; i < lists.length; i++) {
                int at = Arrays.binarySearch(lists[i], from[i], lists[i].length, ordinal);
                from[i] = at >= 0 ? at + 1 : -at - 1;
                if (at < 0) {
                    return false;
                }
            }
            return true;
        }

        long ramBytesUsed() {
            long bytes = RamUsageEstimator.sizeOf(docs) + RamUsageEstimator.shallowSizeOf(completions);
            for (SuggestedQuestion completion : completions) {
                bytes += 2 * RamUsageEstimator.NUM_BYTES_OBJECT_HEADER + RamUsageEstimator.sizeOf(completion.slug())
                        + RamUsageEstimator.sizeOf(completion.title());
            }
            for (Map.Entry<String, int[]> entry : byPrefix.entrySet()) {
                bytes += 48 + RamUsageEstimator.sizeOf(entry.getKey()) + RamUsageEstimator.sizeOf(entry.getValue());
            }
            return bytes;
        }
    }

    /** A growing list of ints. */
    private static final class IntList {
        private int[] values = new int[4];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
