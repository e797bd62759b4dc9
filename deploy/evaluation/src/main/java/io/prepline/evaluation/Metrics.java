package io.prepline.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Agreement between the scorer and human grades: correlations, RMSE and, for 0/1 sets, classification scores. */
final class Metrics {

    /** One graded item: the human score and the predicted score on the item's scale, plus the scorer's decision. */
    record Pair(double human, double predicted, double min, double max, boolean predictedPass) {
        double humanNormalised() {
            return (human - min) / (max - min);
        }

        double predictedNormalised() {
            return (predicted - min) / (max - min);
        }

        boolean binary() {
            return min == 0 && max == 1;
        }
    }

    private Metrics() {
    }

    /** n, pearson, spearman, rmse and, when every item is on a 0/1 scale, accuracy, macro_f1, weighted_f1. */
    static Map<String, Object> of(List<Pair> pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        int n = pairs.size();
        out.put("n", n);
        double[] h = pairs.stream().mapToDouble(Pair::humanNormalised).toArray();
        double[] p = pairs.stream().mapToDouble(Pair::predictedNormalised).toArray();
        out.put("pearson", round(pearson(h, p)));
        out.put("spearman", round(pearson(ranks(h), ranks(p))));
        double se = 0;
        for (Pair pair : pairs) {
            se += (pair.human() - pair.predicted()) * (pair.human() - pair.predicted());
        }
        out.put("rmse", n == 0 ? null : round(Math.sqrt(se / n)));
        boolean binary = n > 0 && pairs.stream().allMatch(Pair::binary);
        if (binary) {
            int[][] confusion = new int[2][2]; // [human][predicted]
            for (Pair pair : pairs) {
                confusion[pair.human() >= 0.5 ? 1 : 0][pair.predictedPass() ? 1 : 0]++;
            }
            double accuracy = (double) (confusion[0][0] + confusion[1][1]) / n;
            double f1Pos = f1(confusion[1][1], confusion[0][1], confusion[1][0]);
            double f1Neg = f1(confusion[0][0], confusion[1][0], confusion[0][1]);
            int pos = confusion[1][0] + confusion[1][1];
            int neg = confusion[0][0] + confusion[0][1];
            out.put("accuracy", round(accuracy));
            out.put("macro_f1", round((f1Pos + f1Neg) / 2));
            out.put("weighted_f1", round((f1Pos * pos + f1Neg * neg) / n));
        } else {
            out.put("accuracy", null);
            out.put("macro_f1", null);
            out.put("weighted_f1", null);
        }
        return out;
    }

    private static double f1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 10_000) / 10_000.0;
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /** Ranks starting at 1, ties sharing their average rank. */
    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] ranks = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }
}
