package io.prepline.review.scoring;

import java.util.List;

import io.prepline.review.scoring.ScoreDocument.Coverage;
import io.prepline.review.scoring.ScoreDocument.Verdict;

/**
 * The rule from probabilities to marks, written once (the README states it):
 * <ul>
 * <li>a point is COVERED when the probability that a careful reviewer would call it covered is at least
 * {@value #COVERED_FROM}, MISSING below {@value #MISSING_BELOW}, PARTIAL between;</li>
 * <li>it earns credit 1 when COVERED, 0 when MISSING and, when PARTIAL, the share of the way from
 * {@value #MISSING_BELOW} to {@value #COVERED_FROM};</li>
 * <li>a criterion's score is 4 x the mean credit of its points, rounded; the overall is 100 x the weighted mean of the
 * criteria's mean credits, rounded (equal weights when none is positive);</li>
 * <li>the verdict is PASS from {@value #PASS_FROM}, BORDERLINE from {@value #BORDERLINE_FROM}, FAIL below, and
 * NEEDS_HUMAN when a hard case asks for a person or the confidence is below {@value #HUMAN_BELOW}.</li>
 * </ul>
 */
final class Judge {

    static final double COVERED_FROM = 0.6;
    static final double MISSING_BELOW = 0.3;
    static final int PASS_FROM = 60;
    static final int BORDERLINE_FROM = 40;
    static final double HUMAN_BELOW = 0.35;

    private Judge() {
    }

    static Coverage coverage(double probability) {
        return probability >= COVERED_FROM ? Coverage.COVERED
                : probability >= MISSING_BELOW ? Coverage.PARTIAL : Coverage.MISSING;
    }

    static double credit(double probability) {
        double c = (probability - MISSING_BELOW) / (COVERED_FROM - MISSING_BELOW);
        return Math.max(0, Math.min(1, c));
    }

    /** 0-4 from the points' credits. */
    static int criterionScore(List<Double> credits) {
        return credits.isEmpty() ? 0 : (int) Math.round(4 * mean(credits));
    }

    /** 0-100 from each criterion's weight and mean credit. */
    static int overall(List<Double> weights, List<Double> meanCredits) {
        return (int) Math.round(100 * weightedMean(weights, meanCredits));
    }

    /** The criteria's values weighted (equal weights when none is positive). */
    static double weightedMean(List<Double> weights, List<Double> values) {
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < weights.size(); i++) {
            double w = Math.max(0, weights.get(i));
            weighted += w * values.get(i);
            total += w;
        }
        return total == 0 ? mean(values) : weighted / total;
    }

    /**
     * How likely a human grader would put the answer on the same side of the pass threshold: the distance of the
     * points' weighted mean probability from the probability that earns half the credit ({@link #margin}), through
     * a curve fitted on the calibration half of the development set (the README prints its reliability on the other
     * half). The probabilities, not the overall, because credits stop at 0 and 1 and would hide how sure each mark
     * is.
     */
    static double confidence(double meanProbability, RubricScorer.Calibration calibration) {
        double m = margin(meanProbability);
        return 1 / (1 + Math.exp(-(calibration.confidenceBias() + calibration.confidenceMargin() * m
                + calibration.confidenceMarginSquared() * m * m)));
    }

    /** |p - half-credit probability| in units of the PARTIAL band's width. */
    static double margin(double meanProbability) {
        double half = (COVERED_FROM + MISSING_BELOW) / 2;
        return Math.abs(meanProbability - half) / (COVERED_FROM - MISSING_BELOW);
    }

    static Verdict verdict(int overall, double confidence, boolean needsHuman) {
        if (needsHuman || confidence < HUMAN_BELOW) {
            return Verdict.NEEDS_HUMAN;
        }
        if (overall >= PASS_FROM) {
            return Verdict.PASS;
        }
        return overall >= BORDERLINE_FROM ? Verdict.BORDERLINE : Verdict.FAIL;
    }

    static double mean(List<Double> values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.isEmpty() ? 0 : sum / values.size();
    }
}
