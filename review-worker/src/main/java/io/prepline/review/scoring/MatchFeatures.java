package io.prepline.review.scoring;

import java.util.List;

/**
 * What the calibrated model reads of one rubric point and one candidate unit (or pair of units): the sentence cosine,
 * the share of the point's concept groups matched, the unit's similarity to the question, a negation mismatch (1 when
 * one of the two is negated and the other not) and the word-piece alignment.
 */
public record MatchFeatures(double cosine, double concepts, double echo, double negation, double align) {

    static final MatchFeatures NONE = new MatchFeatures(0, 0, 0, 0, 0);

    /** The features in the calibration's order, for fitting. */
    public double[] values() {
        return new double[] {cosine, concepts, echo, negation, align};
    }

    /** The mean of each feature; {@link #NONE} for no features. */
    public static MatchFeatures mean(List<MatchFeatures> features) {
        if (features.isEmpty()) {
            return NONE;
        }
        double[] sum = new double[5];
        for (MatchFeatures f : features) {
            double[] v = f.values();
            for (int k = 0; k < sum.length; k++) {
                sum[k] += v[k] / features.size();
            }
        }
        return new MatchFeatures(sum[0], sum[1], sum[2], sum[3], sum[4]);
    }
}
