package io.prepline.review.scoring;

import java.util.List;

import io.prepline.review.scoring.ScoreDocument.Coverage;
import io.prepline.review.scoring.ScoreDocument.Verdict;

/**
 * The rule from probabilities to marks, written once (the README states it):
 * <ul>
 * <li>a point is COVERED when a careful reviewer would more likely than not call it covered (probability at least
 * {@value #COVERED_FROM}); PARTIAL when the probability is at least {@value #MISSING_BELOW}, or when a sentence
 * names some of the point's telling concepts (authored concept groups the question does not give away); MISSING
 * otherwise;</li>
 * <li>its credit grows from 0 at probability {@value #MISSING_BELOW} to 1 at {@value #FULL_CREDIT_FROM} (a MISSING
 * point earns 0); a sentence naming telling concepts earns at least {@value #NAMED_CREDIT} x the share it
 * names;</li>
 * <li>a criterion's score is 4 x the mean credit of its points, rounded; the overall is 100 x the weighted mean of the
 * criteria's mean credits, rounded (equal weights when none is positive);</li>
 * <li>the verdict is PASS from {@value #PASS_FROM}, BORDERLINE from {@value #BORDERLINE_FROM}, FAIL below, and
 * NEEDS_HUMAN when a hard case asks for a person or the confidence is below {@value #HUMAN_BELOW}.</li>
 * </ul>
 */
final class Judge {

    static final double COVERED_FROM = 0.5;
    static final double FULL_CREDIT_FROM = 0.6;
    static final double MISSING_BELOW = 0.3;
    static final int PASS_FROM = 60;
    static final int BORDERLINE_FROM = 40;
    static final double HUMAN_BELOW = 0.3;
    static final double NAMED_CREDIT = 0.5;
    static final int INDEPENDENT_POINTS = 4;

    private Judge() {
    }

    /** @param named share of the point's telling concepts that one sentence names (0 when none) */
    static Coverage coverage(double probability, double named) {
        if (probability >= COVERED_FROM) {
            return Coverage.COVERED;
        }
        return probability >= MISSING_BELOW || named > 0 ? Coverage.PARTIAL : Coverage.MISSING;
    }

    static double credit(double probability, double named) {
        return Math.max(probabilityCredit(probability), NAMED_CREDIT * named);
    }

    static double probabilityCredit(double probability) {
        double c = (probability - MISSING_BELOW) / (FULL_CREDIT_FROM - MISSING_BELOW);
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
    static double confidence(double meanProbability, int points, RubricScorer.Calibration calibration) {
        double m = margin(meanProbability, points);
        return 1 / (1 + Math.exp(-(calibration.confidenceBias() + calibration.confidenceMargin() * m
                + calibration.confidenceMarginSquared() * m * m)));
    }

    /**
     * |p - the probability that earns half the credit|, in units of the credit ramp's width, times the square root
     * of the number of points (at most {@value #INDEPENDENT_POINTS}): several points judged one by one make the
     * overall surer than one, though not as much as independent coin tosses would.
     */
    static double margin(double meanProbability, int points) {
        double half = (FULL_CREDIT_FROM + MISSING_BELOW) / 2;
        return Math.abs(meanProbability - half) / (FULL_CREDIT_FROM - MISSING_BELOW)
                * Math.sqrt(Math.max(1, Math.min(points, INDEPENDENT_POINTS)));
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
