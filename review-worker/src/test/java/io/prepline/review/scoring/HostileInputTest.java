package io.prepline.review.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.prepline.review.scoring.ScoreDocument.Verdict;

/**
 * Inputs built to hurt, each at the 20,000-character submission limit: each is scored or flagged, with no
 * recursion that overflows and no exception. How long each takes is measured by {@code deploy/bench/scoring}
 * (hostile inputs section), not here.
 */
class HostileInputTest {

    private static final RubricScorer SCORER = new RubricScorer();
    private static final Rubric RUBRIC = Fixtures.pruningRubric();
    static final int LIMIT = 20_000;

    /** The hostile inputs, by name; {@code deploy/bench/scoring} measures the same ones. */
    static Map<String, String> inputs() {
        return HostileInputs.all(LIMIT);
    }

    static List<String> names() {
        return List.copyOf(inputs().keySet());
    }

    @ParameterizedTest
    @MethodSource("names")
    void isScoredOrFlaggedWithoutFailing(String name) {
        ScoreDocument doc = SCORER.score(RUBRIC, inputs().get(name));

        assertNotNull(doc.verdict(), name);
        assertTrue(doc.overall() >= 0 && doc.overall() <= 100, name);
        assertEquals(RUBRIC.criteria().size(), doc.criteria().size(), name);
    }

    @ParameterizedTest
    @MethodSource("names")
    void scoresTheSameTwice(String name) {
        assertEquals(SCORER.score(RUBRIC, inputs().get(name)), new RubricScorer().score(RUBRIC, inputs().get(name)));
    }

    @org.junit.jupiter.api.Test
    void inputsWithoutWordsAreEmptyOtherScriptsGoToAHumanAndKeywordLinesAreAList() {
        Map<String, String> in = inputs();
        for (String empty : List.of("punctuation", "emoji", "control-characters")) {
            assertEquals(List.of(Flags.EMPTY), SCORER.score(RUBRIC, in.get(empty)).flags(), empty);
        }
        ScoreDocument rtl = SCORER.score(RUBRIC, in.get("right-to-left"));
        assertTrue(rtl.flags().contains(Flags.NON_ENGLISH), rtl::toString);
        assertEquals(Verdict.NEEDS_HUMAN, rtl.verdict());
        ScoreDocument lines = SCORER.score(RUBRIC, in.get("one-word-lines"));
        assertTrue(lines.flags().contains(Flags.KEYWORD_LIST), lines::toString);
        ScoreDocument word = SCORER.score(RUBRIC, in.get("one-long-word"));
        assertTrue(word.overall() <= 10, word::toString);
    }
}
