package io.prepline.review.scoring;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Word n-grams, to recognise text copied from the question or the sample answer. */
final class Shingles {

    private Shingles() {
    }

    static Set<String> of(List<String> words, int n) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + n <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + n)));
        }
        return out;
    }

    /** Share of {@code words}' n-grams found in {@code source}; 0 when the text is shorter than n words. */
    static double overlap(List<String> words, Set<String> source, int n) {
        int total = 0;
        int found = 0;
        for (int i = 0; i + n <= words.size(); i++) {
            total++;
            if (source.contains(String.join(" ", words.subList(i, i + n)))) {
                found++;
            }
        }
        return total == 0 ? 0 : (double) found / total;
    }
}
