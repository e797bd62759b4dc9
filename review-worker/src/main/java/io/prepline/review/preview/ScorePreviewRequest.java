package io.prepline.review.preview;

import io.prepline.review.pipeline.CatalogueQuestion;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A draft answer to score, against the question's published rubric or against an inline draft rubric.
 *
 * @param question the question's slug or id; optional with an inline rubric (a question not published yet)
 * @param part     the part number of a multi-part question, or null for the question itself
 * @param body     the answer's markdown, at most {@code review.preview.max-body-chars} characters
 * @param rubric   a draft rubric to score against instead of the published one (nothing of it is kept)
 * @param prompt   the question's text as the draft has it (copying it is not an answer); with an inline rubric only
 */
@Schema(description = "A draft answer, and optionally a draft rubric to score it against")
public record ScorePreviewRequest(
        @Schema(description = "The question's slug or id; required without rubric",
                examples = "explain-model-pruning-and-its-applications-amazon") String question,
        @Schema(nullable = true, description = "Part number of a multi-part question", examples = "1") Integer part,
        @Schema(description = "The answer's markdown", examples = "Pruning removes the weights that contribute least.")
        String body,
        @Schema(description = "A draft rubric (the shape of catalogue.questions.v1; version and guidance are ignored): "
                + "the answer is scored against it instead of the published rubric")
        CatalogueQuestion.RubricPayload rubric,
        @Schema(description = "The question's text as the draft has it, used with rubric to recognise a copied "
                + "question; without it the published question's text is used")
        String prompt) {
}
