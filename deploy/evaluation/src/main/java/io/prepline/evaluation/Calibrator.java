package io.prepline.evaluation;

import java.util.ArrayList;
import java.util.List;

import io.prepline.review.scoring.MatchFeatures;
import io.prepline.review.scoring.Rubric;
import io.prepline.review.scoring.RubricScorer;
import io.prepline.review.scoring.ScoreDocument;

/**
 * Fits the scorer's calibration to human grades (0/1 labels; scores on other scales are normalised and used as soft
 * labels). First the point model: the features of each item's best reference are its points' mean features, fitted
 * by logistic regression in a few rounds (each round picks the best reference with the last round's model). Then the
 * confidence curve: whether the pass/fail side of the overall agrees with the human label, against the overall's
 * distance from the pass threshold.
 */
final class Calibrator {

    private static final double TRUSTED = 0.8;
    private static final double TRUSTED_AGREEMENT = 0.9;

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
                    x.add(best.get(i));
                    y.add(label(items.get(i)));
                }
            }
            double[] w = logistic(x, y);
            current = new RubricScorer.Calibration(w[0], w[1], w[2], w[3], w[4], w[5], current.confidenceBias(),
                    current.confidenceMargin(), current.confidenceMarginSquared());
            System.err.println("round " + round + ": " + current);
        }
        return withConfidence(current, items);
    }

    private static RubricScorer.Calibration withConfidence(RubricScorer.Calibration c, List<GradedItem> items) {
        RubricScorer scorer = new RubricScorer(c, 8192);
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<double[]> passAndMargin = items.parallelStream().map(item -> passAndMargin(scorer, c, item)).toList();
        for (int i = 0; i < items.size(); i++) {
            boolean pass = passAndMargin.get(i)[0] > 0;
            boolean human = label(items.get(i)) >= 0.5;
            double m = passAndMargin.get(i)[1];
            x.add(new double[] {m, m * m});
            y.add(pass == human ? 1.0 : 0.0);
        }
        double[] w = logistic(x, y);
        w[0] = Math.round((w[0] - conservativeShift(w, x, y)) * 1000) / 1000.0;
        return new RubricScorer.Calibration(c.bias(), c.cosine(), c.concepts(), c.echo(), c.negation(), c.align(),
                w[0], w[1], w[2]);
    }

    /**
     * How far to lower the fitted curve (in log-odds) so that the answers it puts at {@value #TRUSTED} or more agree
     * with the human label at least {@value #TRUSTED_AGREEMENT} of the time: a confidence a routing rule can rely on
     * errs on the low side.
     */
    private static double conservativeShift(double[] w, List<double[]> x, List<Double> y) {
        for (double shift = 0; shift < 3; shift += 0.05) {
            int n = 0;
            double agree = 0;
            for (int i = 0; i < x.size(); i++) {
                double z = w[0] - shift + w[1] * x.get(i)[0] + w[2] * x.get(i)[1];
                if (1 / (1 + Math.exp(-z)) >= TRUSTED) {
                    n++;
                    agree += y.get(i);
                }
            }
            if (n == 0 || agree / n >= TRUSTED_AGREEMENT) {
                return Math.round(shift * 100) / 100.0;
            }
        }
        return 3;
    }

    /**
     * Against the item's best reference (as the evaluation takes it): 1 when the overall passes, else 0; and the
     * confidence margin of its mean point probability.
     */
    private static double[] passAndMargin(RubricScorer scorer, RubricScorer.Calibration c, GradedItem item) {
        ScoreDocument best = null;
        Rubric bestRubric = null;
        for (Rubric rubric : item.rubrics()) {
            ScoreDocument doc = scorer.score(rubric, item.answer());
            if (best == null || doc.overall() > best.overall()) {
                best = doc;
                bestRubric = rubric;
            }
        }
        double mean = 0;
        List<MatchFeatures> features = scorer.pointFeatures(bestRubric, item.answer());
        for (MatchFeatures f : features) {
            mean += c.probability(f) / features.size();
        }
        double pass = best.overall() >= RubricScorer.PASS_THRESHOLD ? 1 : 0;
        return new double[] {pass, RubricScorer.margin(mean, features.size())};
    }

    private static double label(GradedItem item) {
        return (item.score() - item.min()) / (item.max() - item.min());
    }

    private static double[] bestFeatures(RubricScorer scorer, RubricScorer.Calibration current, GradedItem item) {
        double bestZ = Double.NEGATIVE_INFINITY;
        MatchFeatures best = null;
        for (Rubric rubric : item.rubrics()) {
            MatchFeatures mean = MatchFeatures.mean(scorer.pointFeatures(rubric, item.answer()));
            double z = current.z(mean);
            if (z > bestZ) {
                bestZ = z;
                best = mean;
            }
        }
        return best == null ? null : best.values();
    }

    /** Plain batch gradient descent with a little L2; a handful of parameters, a few thousand rows. */
    static double[] logistic(List<double[]> x, List<Double> y) {
        int k = x.get(0).length + 1;
        double[] w = new double[k];
        double rate = 0.5;
        double l2 = 1e-3;
        int n = x.size();
        for (int iter = 0; iter < 20_000; iter++) {
            double[] g = new double[k];
            for (int i = 0; i < n; i++) {
                double[] f = x.get(i);
                double z = w[0];
                for (int j = 1; j < k; j++) {
                    z += w[j] * f[j - 1];
                }
                double err = 1 / (1 + Math.exp(-z)) - y.get(i);
                g[0] += err;
                for (int j = 1; j < k; j++) {
                    g[j] += err * f[j - 1];
                }
            }
            for (int j = 0; j < k; j++) {
                w[j] -= rate * (g[j] / n + (j == 0 ? 0 : l2 * w[j]));
            }
        }
        for (int j = 0; j < k; j++) {
            w[j] = Math.round(w[j] * 1000) / 1000.0;
        }
        return w;
    }
}
