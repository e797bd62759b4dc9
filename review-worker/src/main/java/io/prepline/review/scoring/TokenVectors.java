package io.prepline.review.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Picks the word-piece vectors that carry meaning, and aligns two texts piece by piece as BERTScore does. */
final class TokenVectors {

    private TokenVectors() {
    }

    /**
     * The vectors of the pieces of content words, leaving out stop words, punctuation and any word whose stem is in
     * {@code demoted} (words the question already gives away are no evidence of understanding). When that leaves
     * nothing, the content words without demotion; when there are none, every piece.
     */
    static float[][] content(SentenceModel.Encoded encoded, TermAnalyzer analyzer, Set<String> demoted) {
        List<float[]> kept = new ArrayList<>();
        List<float[]> content = new ArrayList<>();
        for (int i = 0; i < encoded.tokens().length; i++) {
            String stem = analyzer.stem(encoded.words()[i]);
            if (stem == null || !hasLetterOrDigit(encoded.words()[i])) {
                continue;
            }
            content.add(encoded.tokens()[i]);
            if (!demoted.contains(stem)) {
                kept.add(encoded.tokens()[i]);
            }
        }
        if (!kept.isEmpty()) {
            return kept.toArray(float[][]::new);
        }
        return content.isEmpty() ? encoded.tokens() : content.toArray(float[][]::new);
    }

    /**
     * Recall of {@code expected} in {@code found}: for each expected piece its best cosine with any found piece,
     * averaged. 0 when either side is empty.
     */
    static double recall(float[][] expected, float[][] found, float[][] alsoFound) {
        if (expected.length == 0 || found.length == 0 && (alsoFound == null || alsoFound.length == 0)) {
            return 0;
        }
        double sum = 0;
        for (float[] e : expected) {
            double best = -1;
            for (float[] f : found) {
                best = Math.max(best, SentenceModel.cosine(e, f));
            }
            if (alsoFound != null) {
                for (float[] f : alsoFound) {
                    best = Math.max(best, SentenceModel.cosine(e, f));
                }
            }
            sum += best;
        }
        return sum / expected.length;
    }

    private static boolean hasLetterOrDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetterOrDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
