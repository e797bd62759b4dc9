package io.prepline.question.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prepline.question.catalogue.QuestionEntity;
import io.prepline.question.publishing.OutboxEventEntity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeedReloadTest {

    @Inject
    CatalogueSeeder seeder;

    @Test
    void loadingTheSeedAgainAddsNoQuestionAndPublishesNothing() throws Exception {
        long questions = QuestionEntity.count("slug like 'explain-%' or slug like 'compare-%' or slug like 'evaluate-%' "
                + "or slug like 'llm-%' or slug like 'predicting-%'");
        long pendingBefore = OutboxEventEntity.count();
        seeder.load();
        assertEquals(questions, QuestionEntity.count("slug like 'explain-%' or slug like 'compare-%' or slug like "
                + "'evaluate-%' or slug like 'llm-%' or slug like 'predicting-%'"));
        assertTrue(OutboxEventEntity.count() <= pendingBefore, "a second load writes no outbox event");
    }
}
