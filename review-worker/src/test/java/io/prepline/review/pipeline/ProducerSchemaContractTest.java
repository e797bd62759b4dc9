package io.prepline.review.pipeline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The fixtures this module's tests feed in must be what the producing services promise to publish. */
class ProducerSchemaContractTest {

    @Test
    void catalogueFixturesMatchTheQuestionServiceSchema() {
        Optional<Path> schema = JsonSchemas.producerSchema("question-service", "catalogue");
        assumeTrue(schema.isPresent(), "question-service publishes no catalogue schema yet");
        String id = UUID.randomUUID().toString();
        JsonSchemas.assertValid(schema.get(), Fixtures.question(id, "explain-model-pruning"));
        JsonSchemas.assertValid(schema.get(), Fixtures.question(id, "explain-model-pruning", "RETIRED", 5));
        JsonSchemas.assertValid(schema.get(), Fixtures.questionWithoutRubric(id, "explain-model-pruning"));
    }

    @Test
    void submissionFixturesMatchTheAnswerServiceSchema() {
        Optional<Path> schema = JsonSchemas.producerSchema("answer-service", "submitted");
        assumeTrue(schema.isPresent(), "answer-service publishes no submission schema yet");
        String id = UUID.randomUUID().toString();
        JsonSchemas.assertValid(schema.get(), Fixtures.submission(id, UUID.randomUUID().toString(), null, "An answer."));
        JsonSchemas.assertValid(schema.get(), Fixtures.submission(id, UUID.randomUUID().toString(), 1, "An answer."));
    }
}
