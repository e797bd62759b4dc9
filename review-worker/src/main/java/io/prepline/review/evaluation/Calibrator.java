package io.prepline.review.evaluation;

import java.util.ArrayList;
import java.util.List;

import io.prepline.review.scoring.Rubric;
import io.prepline.review.scoring.RubricScorer;

/**
 * Fits the scorer's logistic calibration to human 0/1 grades (scores on other scales are normalised and used as
 * soft labels): features of each item's best reference are its points' mean features.
 */
final class Calibrator {

    private Calibrator() {
    }

    static RubricScorer.Calibration fit(List<GradedItem> items) throws Exception {
        RubricScorer.Calibration current = RubricScorer.Calibration.DEFAULT;
        for (int round = 1; round <= 3; round++) {
            RubricScorer scorer = new RubricScorer(current, 8192);
            RubricScorer.Calibration now = current;
            // features in parallel; the ordered stream keeps the fit deterministic
            List<double[]> best = items.parallelStream().map(item -> bestFeatures(scorer, now, item)).toList();
            List<double[]> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (best.get(i) != null) {
                    GradedItem item = items.get(i);
                    x.add(best.get(i));
                    y.add((item.score() - item.min()) / (item.max() - item.min()));
                }
            }
            current = logistic(x, y);
            System.err.println("round " + round + ": " + current);
        }
        return current;
    }

    private static double[] bestFeatures(RubricScorer scorer, RubricScorer.Calibration current, GradedItem item) {
        double bestZ = Double.NEGATIVE_INFINITY;
        double[] best = null;
        for (Rubric rubric : item.rubrics()) {
            List<RubricScorer.PointFeatures> features = scorer.pointFeatures(rubric, item.answer());
            double[] mean = new double[4];
            for (RubricScorer.PointFeatures f : features) {
                mean[0] += f.cosine() / features.size();
                mean[1] += f.concepts() / features.size();
                mean[2] += f.echo() / features.size();
                mean[3] += f.negation() / features.size();
            }
            double z = z(current, mean);
            if (z > bestZ) {
                bestZ = z;
                best = mean;
            }
        }
        return best;
    }

    private static double z(RubricScorer.Calibration c, double[] f) {
        return c.bias() + c.cosine() * f[0] + c.concepts() * f[1] + c.echo() * f[2] + c.negation() * f[3];
    }

    /** Plain batch gradient descent with a little L2; five parameters, a few thousand rows. */
    private static RubricScorer.Calibration logistic(List<double[]> x, List<Double> y) {
        double[] w = new double[5];
        double rate = 0.5;
        double l2 = 1e-3;
        int n = x.size();
        for (int iter = 0; iter < 20_000; iter++) {
            double[] g = new double[5];
            for (int i = 0; i < n; i++) {
                double[] f = x.get(i);
                double z = w[0] + w[1] * f[0] + w[2] * f[1] + w[3] * f[2] + w[4] * f[3];
                double err = 1 / (1 + Math.exp(-z)) - y.get(i);
                g[0] += err;
                for (int k = 0; k < 4; k++) {
                    g[k + 1] += err * f[k];
                }
            }
            for (int k = 0; k < 5; k++) {
                w[k] -= rate * (g[k] / n + (k == 0 ? 0 : l2 * w[k]));
            }
        }
        return new RubricScorer.Calibration(r(w[0]), r(w[1]), r(w[2]), r(w[3]), r(w[4]));
    }

    private static double r(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
