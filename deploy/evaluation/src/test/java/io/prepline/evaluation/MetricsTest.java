package io.prepline.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void tiedValuesShareTheirAverageRank() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Metrics.ranks(new double[] {0.1, 0.5, 0.5, 0.9}));
    }

    @Test
    void pearsonOfALinearRelationIsOne() {
        assertEquals(1.0, Metrics.pearson(new double[] {1, 2, 3}, new double[] {2, 4, 6}), 1e-12);
        assertEquals(-1.0, Metrics.pearson(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
    }

    @Test
    void binarySetsGetAccuracyAndF1AtTheDecision() {
        // human: 1 1 0 0; predicted pass: yes no no yes
        List<Metrics.Pair> pairs = List.of(
                new Metrics.Pair(1, 0.8, 0, 1, true),
                new Metrics.Pair(1, 0.4, 0, 1, false),
                new Metrics.Pair(0, 0.2, 0, 1, false),
                new Metrics.Pair(0, 0.6, 0, 1, true));
        Map<String, Object> m = Metrics.of(pairs);

        assertEquals(4, m.get("n"));
        assertEquals(0.5, m.get("accuracy"));
        assertEquals(0.5, m.get("macro_f1"));
        assertEquals(0.5, m.get("weighted_f1"));
        assertEquals(Metrics.round(Math.sqrt((0.04 + 0.36 + 0.04 + 0.36) / 4)), m.get("rmse"));
    }

    @Test
    void gradedScalesGetCorrelationsAndRmseOnTheirScaleButNoClassification() {
        List<Metrics.Pair> pairs = List.of(
                new Metrics.Pair(5, 4, 0, 5, true),
                new Metrics.Pair(2, 2, 0, 5, false),
                new Metrics.Pair(0, 1, 0, 5, false));
        Map<String, Object> m = Metrics.of(pairs);

        assertEquals(1.0, m.get("spearman"));
        assertEquals(Metrics.round(Math.sqrt(2.0 / 3)), m.get("rmse"));
        assertNull(m.get("accuracy"));
        assertNull(m.get("weighted_f1"));
    }
}
