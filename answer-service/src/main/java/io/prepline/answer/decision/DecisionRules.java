package io.prepline.answer.decision;

import io.prepline.answer.AnswerConfig;

/** Turns a machine score into an automatic decision, or sends it to a human. Pure: the rules live in config. */
public final class DecisionRules {

    public enum Outcome { APPROVED, REJECTED, NEEDS_REVIEW }

    private final int approveAt;
    private final int rejectBelow;
    private final double minConfidence;

    public DecisionRules(int approveAt, int rejectBelow, double minConfidence) {
        if (rejectBelow > approveAt) {
            throw new IllegalArgumentException("reject-below (" + rejectBelow + ") above approve-at (" + approveAt + ")");
        }
        this.approveAt = approveAt;
        this.rejectBelow = rejectBelow;
        this.minConfidence = minConfidence;
    }

    public static DecisionRules of(AnswerConfig.Decision config) {
        return new DecisionRules(config.approveAt(), config.rejectBelow(), config.minConfidence());
    }

    public Outcome decide(int overall, double confidence, String verdict) {
        if ("NEEDS_HUMAN".equals(verdict) || confidence < minConfidence) {
            return Outcome.NEEDS_REVIEW;
        }
        if (overall >= approveAt) {
            return Outcome.APPROVED;
        }
        if (overall < rejectBelow) {
            return Outcome.REJECTED;
        }
        return Outcome.NEEDS_REVIEW;
    }
}
