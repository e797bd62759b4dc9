package io.prepline.answer.decision;

import static io.prepline.answer.decision.DecisionRules.Outcome.APPROVED;
import static io.prepline.answer.decision.DecisionRules.Outcome.NEEDS_REVIEW;
import static io.prepline.answer.decision.DecisionRules.Outcome.REJECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DecisionRulesTest {

    private final DecisionRules rules = new DecisionRules(70, 40, 0.7);

    @Test
    void confidentScoreAtOrAboveTheThresholdIsApproved() {
        assertEquals(APPROVED, rules.decide(70, 0.7, "PASS"));
        assertEquals(APPROVED, rules.decide(100, 0.99, "BORDERLINE"));
    }

    @Test
    void confidentScoreFarBelowIsRejected() {
        assertEquals(REJECTED, rules.decide(39, 0.9, "FAIL"));
        assertEquals(REJECTED, rules.decide(0, 0.7, "FAIL"));
    }

    @Test
    void borderlineScoresGoToAReviewer() {
        assertEquals(NEEDS_REVIEW, rules.decide(40, 0.9, "BORDERLINE"));
        assertEquals(NEEDS_REVIEW, rules.decide(69, 0.9, "PASS"));
    }

    @Test
    void lowConfidenceOrNeedsHumanGoesToAReviewerWhateverTheScore() {
        assertEquals(NEEDS_REVIEW, rules.decide(95, 0.69, "PASS"));
        assertEquals(NEEDS_REVIEW, rules.decide(5, 0.2, "FAIL"));
        assertEquals(NEEDS_REVIEW, rules.decide(95, 0.99, "NEEDS_HUMAN"));
        assertEquals(NEEDS_REVIEW, rules.decide(5, 0.99, "NEEDS_HUMAN"));
    }

    @Test
    void rejectThresholdAboveApproveThresholdIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new DecisionRules(50, 60, 0.5));
    }
}
