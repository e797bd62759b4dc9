package io.prepline.question.rubric;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response records of the rubric endpoints. */
public final class RubricModels {

    private RubricModels() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The current rubrics of a question and of each of its parts",
            requiredProperties = {"questionId", "slug", "questionVersion"})
    public record RubricView(UUID questionId,
                             @Schema(examples = "explain-model-pruning-and-its-applications-amazon") String slug,
                             @Schema(description = "Version of the question (bumped by every rubric change)", examples = "3")
                             int questionVersion,
                             @Schema(description = "Rubric of the whole question, or null when only parts have rubrics",
                                     nullable = true)
                             Rubric rubric,
                             List<PartRubric> parts) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The rubric of one part")
    public record PartRubric(@Schema(examples = "1") Integer number,
                             @Schema(readOnly = true, examples = "XGBoost parallel computation") String title,
                             Rubric rubric) {
    }

    @Schema(description = "New rubrics: each one given becomes the next immutable version")
    public record RubricUpdate(@Schema(description = "New rubric of the whole question, or null to keep it",
                                       nullable = true) Rubric rubric,
                               @Schema(description = "New rubrics of parts, by part number") List<PartRubric> parts) {
    }
}
