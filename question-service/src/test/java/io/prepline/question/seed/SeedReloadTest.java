package io.prepline.question.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prepline.question.catalogue.QuestionEntity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeedReloadTest {

    @Inject
    CatalogueSeeder seeder;
    @Inject
    EntityManager em;

    private long pendingEvents() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox_event").getSingleResult()).longValue();
    }

    @Test
    void loadingTheSeedAgainAddsNoQuestionAndPublishesNothing() throws Exception {
        long questions = QuestionEntity.count("slug like 'explain-%' or slug like 'compare-%' or slug like 'evaluate-%' "
                + "or slug like 'llm-%' or slug like 'predicting-%'");
        long pendingBefore = pendingEvents();
        seeder.load();
        assertEquals(questions, QuestionEntity.count("slug like 'explain-%' or slug like 'compare-%' or slug like "
                + "'evaluate-%' or slug like 'llm-%' or slug like 'predicting-%'"));
        assertTrue(pendingEvents() <= pendingBefore, "a second load writes no outbox event");
    }
}
