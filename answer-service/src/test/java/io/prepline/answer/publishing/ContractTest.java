package io.prepline.answer.publishing;

import java.util.UUID;

import io.prepline.answer.Fixtures;
import io.prepline.answer.Fixtures.Question;
import org.junit.jupiter.api.Test;

/** The records tests produce in place of other services follow those services' published schemas. */
class ContractTest {

    private final Question question = new Question(UUID.randomUUID(), "explain-model-pruning");

    @Test
    void catalogueFixturesFollowTheQuestionServiceSchema() {
        SchemaCheck.assertValidForProducer("question-service", "catalogue",
                Fixtures.snapshot(question, "ACTIVE", 3, 0, true));
        SchemaCheck.assertValidForProducer("question-service", "catalogue",
                Fixtures.snapshot(question, "RETIRED", 4, 2, false));
    }

    @Test
    void rubricFixturesFollowTheQuestionServiceSchema() {
        SchemaCheck.assertValidForProducer("question-service", "catalogue",
                Fixtures.snapshotWithRubric(question, 2, 2));
    }

    @Test
    void deadLetterFixturesFollowTheReviewWorkerSchema() {
        SchemaCheck.assertValidForProducer("review-worker", "dlq",
                Fixtures.deadLetter(UUID.randomUUID().toString(), "RUBRIC_MISSING", "2026-11-23T19:05:00Z"));
    }

    @Test
    void scoredFixturesFollowTheReviewWorkerSchema() {
        SchemaCheck.assertValidForProducer("review-worker", "scored",
                Fixtures.scored(UUID.randomUUID().toString(), question, 1, 72, 0.81, "BORDERLINE", "1.0.0", 3, 2));
        SchemaCheck.assertValidForProducer("review-worker", "scored",
                Fixtures.scored(UUID.randomUUID().toString(), question, 1, 72, 0.81, "BORDERLINE", "1.0.0", 3));
    }
}
