package io.prepline.question.search;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link WebQuery.Distance}, which computes only a band of the table, keeps the rows of the letters a word shares with
 * the one before and gives up early, against the whole table of the same edit distance (optimal string alignment).
 */
class TypoDistanceTest {

    @Test
    void sameAsTheWholeTableForWordsInAnyOrder() {
        Random random = new Random(1);
        for (int max = 1; max <= 2; max++) {
            for (int n = 0; n < 20_000; n++) {
                int[] typed = word(random, 12, 3 + random.nextInt(4));
                WebQuery.Distance distance = new WebQuery.Distance(typed, max);
                for (int k = 0; k < 5; k++) {
                    int[] other = word(random, 20, 2 + random.nextInt(4));
                    assertDistance(typed, max, distance, other);
                }
            }
        }
    }

    @Test
    void sameAsTheWholeTableForWordsInTheTermsOrder() {
        Random random = new Random(2);
        for (int max = 1; max <= 2; max++) {
            for (int n = 0; n < 1_000; n++) {
                int[] typed = word(random, 10, 3);
                // sorted as the terms are, many sharing their first letters
                TreeSet<String> words = new TreeSet<>();
                for (int k = 0; k < 200; k++) {
                    words.add(text(random, 8, 3) + text(random, 6, 3));
                }
                WebQuery.Distance distance = new WebQuery.Distance(typed, max);
                for (String other : words) {
                    assertDistance(typed, max, distance, other.codePoints().toArray());
                }
            }
        }
    }

    private static void assertDistance(int[] typed, int max, WebQuery.Distance distance, int[] other) {
        int[] longer = Arrays.copyOf(other, other.length + 3); // only the first letters count
        assertEquals(Math.min(wholeTable(typed, other), max + 1), distance.to(longer, other.length),
                () -> Arrays.toString(typed) + " to " + Arrays.toString(other));
    }

    /** 1 to {@code longest} letters of the first {@code letters} of the alphabet. */
    private static int[] word(Random random, int longest, int letters) {
        return random.ints(1 + random.nextInt(longest), 'a', 'a' + letters).toArray();
    }

    private static String text(Random random, int longest, int letters) {
        int[] letter = word(random, longest, letters);
        return new String(letter, 0, letter.length);
    }

    private static int wholeTable(int[] a, int[] b) {
        int[][] d = new int[a.length + 1][b.length + 1];
        for (int i = 0; i <= a.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length][b.length];
    }
}
