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
 * arrays of numbers shared by the whole index (a value's number never changes while the index lives), so counting a
 * match is a few array reads; reading doc values per match would cost ten times more at 100,000 questions.
 */
final class FacetCounter {

    /** One facet's value numbers per document of a segment: {@code values[starts[doc]..starts[doc + 1])}. */
    private record Column(int[] starts, int[] values) {
    }

    private final Map<Facet, Dictionary> dictionaries = new EnumMap<>(Facet.class);
    private final Map<Object, Map<Facet, Column>> segments = new ConcurrentHashMap<>();

    FacetCounter() {
        for (Facet facet : Facet.values()) {
            dictionaries.put(facet, new Dictionary());
        }
    }

    /** Counts per value of every facet over the live documents {@code query} matches. */
    Facets count(IndexSearcher searcher, Query query) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        for (LeafReaderContext leaf : reader.leaves()) {
            columns(leaf.reader());
        }
        Map<Facet, int[]> counts = new EnumMap<>(Facet.class);
        dictionaries.forEach((facet, dictionary) -> counts.put(facet, new int[dictionary.size()]));
        searcher.search(query, new Collector() {
            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) {
                Map<Facet, Column> columns = columns(context.reader());
                Facet[] facets = Facet.values();
                Column[] byFacet = new Column[facets.length];
                int[][] countsByFacet = new int[facets.length][];
                for (int i = 0; i < facets.length; i++) {
                    byFacet[i] = columns.get(facets[i]);
                    countsByFacet[i] = counts.get(facets[i]);
                }
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {
                    }

                    @Override
                    public void collect(int doc) {
                        for (int i = 0; i < byFacet.length; i++) {
                            Column column = byFacet[i];
                            int[] count = countsByFacet[i];
                            for (int k = column.starts[doc], end = column.starts[doc + 1]; k < end; k++) {
                                count[column.values[k]]++;
                            }
                        }
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        Map<Facet, List<Count>> byFacet = new EnumMap<>(Facet.class);
        counts.forEach((facet, count) -> byFacet.put(facet, merged(dictionaries.get(facet), count)));
        return new Facets(byFacet.get(Facet.COMPANY), byFacet.get(Facet.ROLE), byFacet.get(Facet.CATEGORY),
                byFacet.get(Facet.DIFFICULTY), byFacet.get(Facet.ROUND), byFacet.get(Facet.TOPIC));
    }

    /** Counts of names with the same slug ("Capital One", "capital one") are one value, named as first seen. */
    private static List<Count> merged(Dictionary dictionary, int[] counts) {
        Map<String, Count> bySlug = new LinkedHashMap<>();
        for (int value = 0; value < counts.length; value++) {
            if (counts[value] == 0) {
                continue;
            }
            String name = dictionary.name(value);
            String slug = dictionary.slug(value);
            if (!slug.isEmpty()) {
                Count prev = bySlug.get(slug);
                bySlug.put(slug, new Count(prev == null ? name : prev.name(), slug,
                        counts[value] + (prev == null ? 0 : prev.count())));
            }
        }
        return bySlug.values().stream()
                .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::name)).toList();
    }

    private Map<Facet, Column> columns(LeafReader leaf) {
        Object key = leaf.getCoreCacheHelper().getKey();
        Map<Facet, Column> columns = segments.get(key);
        if (columns == null) {
            columns = segments.computeIfAbsent(key, k -> {
                leaf.getCoreCacheHelper().addClosedListener(segments::remove);
                return read(leaf);
            });
        }
        return columns;
    }

    private Map<Facet, Column> read(LeafReader leaf) {
        Map<Facet, Column> columns = new EnumMap<>(Facet.class);
        try {
            for (Facet facet : Facet.values()) {
                columns.put(facet, column(leaf, facet));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the facets of the search index", e);
        }
        return columns;
    }

    private Column column(LeafReader leaf, Facet facet) throws IOException {
        SortedSetDocValues values = DocValues.getSortedSet(leaf, facet.field());
        Dictionary dictionary = dictionaries.get(facet);
        int[] numbers = new int[Math.toIntExact(values.getValueCount())];
        for (int ord = 0; ord < numbers.length; ord++) {
            numbers[ord] = dictionary.number(values.lookupOrd(ord).utf8ToString());
        }
        int maxDoc = leaf.maxDoc();
        int[] starts = new int[maxDoc + 1];
        int[] found = new int[Math.max(16, maxDoc)];
        int size = 0;
        for (int doc = 0; doc < maxDoc; doc++) {
            starts[doc] = size;
            if (values.advanceExact(doc)) {
                for (int i = 0, n = values.docValueCount(); i < n; i++) {
                    if (size == found.length) {
                        found = Arrays.copyOf(found, found.length * 2);
                    }
                    found[size++] = numbers[(int) values.nextOrd()];
                }
            }
        }
        starts[maxDoc] = size;
        return new Column(starts, Arrays.copyOf(found, size));
    }

    /** Numbers of the values of one facet, in the order first seen, and their slugs. */
    private static final class Dictionary {
        private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
        private final List<String> names = new CopyOnWriteArrayList<>();
        private final List<String> slugs = new CopyOnWriteArrayList<>();

        synchronized int number(String name) {
            Integer number = numbers.get(name);
            if (number == null) {
                number = names.size();
                slugs.add(Objects.requireNonNullElse(Slugs.of(name), ""));
                names.add(name);
                numbers.put(name, number);
            }
            return number;
        }

        /** The slug of a value, or "" when its name has none. */
        String slug(int number) {
            return slugs.get(number);
        }

        int size() {
            return names.size();
        }

        String name(int number) {
            return names.get(number);
        }
    }
}
