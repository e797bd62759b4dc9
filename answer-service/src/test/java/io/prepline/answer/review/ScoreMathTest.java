package io.prepline.answer.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScoreMathTest {

    @Test
    void anOverrideMovesTheOverallByItsWeightedShare() {
        List<ScoreMath.Criterion> criteria = List.of(new ScoreMath.Criterion("a", 0.75, 2, 2),
                new ScoreMath.Criterion("b", 0.25, 0, 4));
        assertEquals(75, ScoreMath.overall(50, criteria)); // 50 + 100 * 0.25 * 4 / 4
    }

    @Test
    void withoutWeightsCriteriaCountEquallyAndTheOverallStaysIn0To100() {
        assertEquals(100, ScoreMath.overall(90, List.of(new ScoreMath.Criterion("a", null, 0, 4),
                new ScoreMath.Criterion("b", 0.5, 4, 4))));
        assertEquals(0, ScoreMath.overall(10, List.of(new ScoreMath.Criterion("a", 1.0, 4, 0))));
        assertEquals(42, ScoreMath.overall(42, List.of()));
    }

    @Test
    void theVerdictFollowsTheScorersBandsOnceSomethingIsOverridden() {
        assertEquals("NEEDS_HUMAN", ScoreMath.verdict("NEEDS_HUMAN", false, 90, 58, 42));
        assertEquals("PASS", ScoreMath.verdict("NEEDS_HUMAN", true, 58, 58, 42));
        assertEquals("BORDERLINE", ScoreMath.verdict("PASS", true, 42, 58, 42));
        assertEquals("FAIL", ScoreMath.verdict("PASS", true, 41, 58, 42));
    }
}
