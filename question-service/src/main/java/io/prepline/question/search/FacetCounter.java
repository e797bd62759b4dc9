package io.prepline.question.search;

import java.io.IOException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.prepline.question.catalogue.Slugs;
import io.prepline.question.search.IndexedQuestions.Facet;
import io.prepline.question.search.SearchModels.Count;
import io.prepline.question.search.SearchModels.Facets;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts facet values over the questions a query matches. Each segment's facet values are turned once into plain
 * arrays of numbers shared by the whole index (a value's number never changes while the index lives), document by
 * document: a match's values of all facets lie side by side, so counting it is one run of array reads; reading doc
 * values per match would cost ten times more at 100,000 questions.
 */
final class FacetCounter {

    /** The value numbers of all facets per document of a segment: {@code values[starts[doc]..starts[doc + 1])}. */
    private record Column(int[] starts, int[] values) {
    }

    private final Dictionary dictionary = new Dictionary();
    private final Map<Object, Column> segments = new ConcurrentHashMap<>();

    /** Counts per value of every facet over the live documents {@code query} matches. */
    Facets count(IndexSearcher searcher, Query query) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        for (LeafReaderContext leaf : reader.leaves()) {
            column(leaf.reader());
        }
        int[] counts = new int[dictionary.size()];
        searcher.search(query, new Collector() {
            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) {
                Column column = column(context.reader());
                int[] starts = column.starts;
                int[] values = column.values;
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {
                    }

                    @Override
                    public void collect(int doc) {
                        for (int k = starts[doc], end = starts[doc + 1]; k < end; k++) {
                            counts[values[k]]++;
                        }
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        Map<Facet, List<Count>> byFacet = merged(counts);
        return new Facets(byFacet.get(Facet.COMPANY), byFacet.get(Facet.ROLE), byFacet.get(Facet.CATEGORY),
                byFacet.get(Facet.DIFFICULTY), byFacet.get(Facet.ROUND), byFacet.get(Facet.TOPIC));
    }

    /**
     * The counts of each facet, most first; counts of names with the same slug ("Capital One", "capital one") are one
     * value, named as first seen.
     */
    private Map<Facet, List<Count>> merged(int[] counts) {
        Map<Facet, Map<String, Count>> bySlug = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            bySlug.put(facet, new LinkedHashMap<>());
        }
        for (int value = 0; value < counts.length; value++) {
            String slug = dictionary.slug(value);
            if (counts[value] == 0 || slug.isEmpty()) {
                continue;
            }
            Map<String, Count> facet = bySlug.get(dictionary.facet(value));
            Count prev = facet.get(slug);
            facet.put(slug, new Count(prev == null ? dictionary.name(value) : prev.name(), slug,
                    counts[value] + (prev == null ? 0 : prev.count())));
        }
        Map<Facet, List<Count>> sorted = new EnumMap<>(Facet.class);
        bySlug.forEach((facet, values) -> sorted.put(facet, values.values().stream()
                .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::name)).toList()));
        return sorted;
    }

    private Column column(LeafReader leaf) {
        Object key = leaf.getCoreCacheHelper().getKey();
        Column column = segments.get(key);
        if (column == null) {
            column = segments.computeIfAbsent(key, k -> {
                leaf.getCoreCacheHelper().addClosedListener(segments::remove);
                return read(leaf);
            });
        }
        return column;
    }

    private Column read(LeafReader leaf) {
        try {
            Facet[] facets = Facet.values();
            SortedSetDocValues[] values = new SortedSetDocValues[facets.length];
            int[][] numbers = new int[facets.length][];
            for (int f = 0; f < facets.length; f++) {
                values[f] = DocValues.getSortedSet(leaf, facets[f].field());
                numbers[f] = new int[Math.toIntExact(values[f].getValueCount())];
                for (int ord = 0; ord < numbers[f].length; ord++) {
                    numbers[f][ord] = dictionary.number(facets[f], values[f].lookupOrd(ord).utf8ToString());
                }
            }
            int maxDoc = leaf.maxDoc();
            int[] starts = new int[maxDoc + 1];
            int[] found = new int[Math.max(16, maxDoc * 4)];
            int size = 0;
            for (int doc = 0; doc < maxDoc; doc++) {
                starts[doc] = size;
                for (int f = 0; f < facets.length; f++) {
                    if (values[f].advanceExact(doc)) {
                        for (int i = 0, n = values[f].docValueCount(); i < n; i++) {
                            if (size == found.length) {
                                found = Arrays.copyOf(found, found.length * 2);
                            }
                            found[size++] = numbers[f][(int) values[f].nextOrd()];
                        }
                    }
                }
            }
            starts[maxDoc] = size;
            return new Column(starts, Arrays.copyOf(found, size));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the facets of the search index", e);
        }
    }

    /** Numbers of the values of all facets, in the order first seen, with their facet, name and slug. */
    private static final class Dictionary {
        private record Value(Facet facet, String name) {
        }

        private final Map<Value, Integer> numbers = new ConcurrentHashMap<>();
        private final List<Value> values = new CopyOnWriteArrayList<>();
        private final List<String> slugs = new CopyOnWriteArrayList<>();

        synchronized int number(Facet facet, String name) {
            Value value = new Value(facet, name);
            Integer number = numbers.get(value);
            if (number == null) {
                number = values.size();
                slugs.add(Objects.requireNonNullElse(Slugs.of(name), ""));
                values.add(value);
                numbers.put(value, number);
            }
            return number;
        }

        /** The slug of a value, or "" when its name has none. */
        String slug(int number) {
            return slugs.get(number);
        }

        int size() {
            return values.size();
        }

        Facet facet(int number) {
            return values.get(number).facet();
        }

        String name(int number) {
            return values.get(number).name();
        }
    }
}
