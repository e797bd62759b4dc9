package io.prepline.question.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.prepline.question.search.SearchModels.Count;

/**
 * Autocomplete's companies or topics: the values of a facet by their slug from the start of each of its words
 * ("capital-one" and "one"), sorted, so the values with a word starting with what was typed ("cap", "capital-o") are
 * one range of it, found by binary search. Made once per count of the facets; the values keep their order (most
 * asked first).
 */
final class NameCompletions {

    /** A value's slug from the start of one of its words, and the value's place in the facet's order. */
    private record Suffix(String text, int value) {
    }

    private final List<Count> values;
    private final Suffix[] suffixes;

    NameCompletions(List<Count> values) {
        this.values = values;
        List<Suffix> suffixes = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String slug = values.get(i).slug();
            for (int start = 0; start >= 0; start = next(slug, start)) {
                suffixes.add(new Suffix(slug.substring(start), i));
            }
        }
        this.suffixes = suffixes.toArray(Suffix[]::new);
        Arrays.sort(this.suffixes, Comparator.comparing(Suffix::text));
    }

    private static int next(String slug, int start) {
        int dash = slug.indexOf('-', start);
        return dash < 0 ? -1 : dash + 1;
    }

    /** Up to {@code limit} values with a word starting with the slug typed, in the facet's order. */
    List<Count> complete(String typedSlug, int limit) {
        int[] first = new int[limit]; // the places of the first values found, ascending
        int kept = 0;
        for (int i = firstFrom(typedSlug); i < suffixes.length && suffixes[i].text().startsWith(typedSlug); i++) {
            kept = keep(first, kept, suffixes[i].value());
        }
        List<Count> found = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            found.add(values.get(first[i]));
        }
        return found;
    }

    /** The first suffix not before the text (binary search for the lowest place). */
    private int firstFrom(String text) {
        int low = 0;
        int high = suffixes.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (suffixes[middle].text().compareTo(text) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Inserts a value's place among the first ones kept (ascending, each once, at most as many as fit). */
    private static int keep(int[] first, int kept, int value) {
        int at = Arrays.binarySearch(first, 0, kept, value);
        if (at >= 0) {
            return kept;
        }
        int insert = -at - 1;
        if (insert == first.length) {
            return kept;
        }
        int moved = Math.min(kept, first.length - 1) - insert;
        System.arraycopy(first, insert, first, insert + 1, moved);
        first[insert] = value;
        return Math.min(kept + 1, first.length);
    }
}
