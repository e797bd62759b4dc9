package io.prepline.answer.scoring;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.prepline.answer.submission.Answer;
import org.junit.jupiter.api.Test;

/** Which score replaces the stored one: the rules of {@link ScoringService#accepts}, without a database. */
class AcceptedScoresTest {

    private static Answer scored(String status, int rubricVersion, String scorerVersion) {
        Answer a = new Answer();
        a.id = UUID.randomUUID();
        a.revision = 1;
        a.status = status;
        a.score = "{}";
        a.rubricVersion = rubricVersion;
        a.scorerVersion = scorerVersion;
        return a;
    }

    private static ScoredEvent event(int rubricVersion, String scorerVersion) {
        return new ScoredEvent(UUID.randomUUID(), UUID.randomUUID(), null, 1, 50, 0.9, "BORDERLINE", rubricVersion,
                scorerVersion, List.of(), Instant.now());
    }

    @Test
    void anAnswerWithoutAScoreTakesAnyScore() {
        Answer submitted = new Answer();
        submitted.status = "SUBMITTED";
        assertTrue(ScoringService.accepts(submitted, event(1, "1.0.0")));
        Answer deadLettered = new Answer();
        deadLettered.status = "NEEDS_REVIEW";
        assertTrue(ScoringService.accepts(deadLettered, event(1, "1.0.0")));
    }

    @Test
    void aNewerRubricReplacesTheScoreOfAnyUndecidedAnswerAndAnOlderOneIsStale() {
        for (String status : List.of("SCORED", "NEEDS_REVIEW", "APPROVED", "REJECTED")) {
            assertTrue(ScoringService.accepts(scored(status, 1, "1.0.0"), event(2, "1.0.0")), status);
            assertFalse(ScoringService.accepts(scored(status, 2, "1.0.0"), event(1, "2.0.0")), status);
        }
    }

    @Test
    void aHumanDecisionIsFinal() {
        Answer decided = scored("APPROVED", 1, "1.0.0");
        decided.reviewedBy = "rev";
        assertFalse(ScoringService.accepts(decided, event(2, "2.0.0")));
    }

    @Test
    void aPendingRescoreWaitsForItsRubricVersionOrTakesTheNextScoreForAReviewer() {
        Answer waiting = scored("NEEDS_REVIEW", 1, "1.0.0");
        waiting.rescoreRequestedAt = Instant.now();
        waiting.rescoreRubricVersion = 2;
        assertFalse(ScoringService.accepts(waiting, event(1, "1.0.0")));
        assertTrue(ScoringService.accepts(waiting, event(2, "1.0.0")));
        waiting.rescoreRubricVersion = null;
        assertTrue(ScoringService.accepts(waiting, event(1, "1.0.0")));
    }

    @Test
    void forTheSameRubricOnlyAStrictlyNewerScorerRescoresAnAnswerWaitingForAReviewer() {
        assertTrue(ScoringService.accepts(scored("NEEDS_REVIEW", 1, "1.0.0"), event(1, "1.1.0")));
        assertFalse(ScoringService.accepts(scored("NEEDS_REVIEW", 1, "1.0.0"), event(1, "1.0.0")));
        assertFalse(ScoringService.accepts(scored("APPROVED", 1, "1.0.0"), event(1, "1.1.0")));
    }
}
