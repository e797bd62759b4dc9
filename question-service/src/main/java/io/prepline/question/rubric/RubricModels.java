package io.prepline.question.rubric;

import java.time.Instant;
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
                               @Schema(description = "New rubrics of parts, by part number; null or absent to keep "
                                       + "them", nullable = true) List<PartRubric> parts) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Versions of one rubric (of the question, or of one part), newest first")
    public record VersionList(@Schema(examples = "explain-model-pruning-and-its-applications-amazon") String slug,
                              @Schema(description = "0 = the whole question", examples = "0") int part,
                              List<VersionSummary> items,
                              @Schema(description = "Pass as before to read older versions; absent on the last page",
                                      examples = "3") Integer nextBefore) {
    }

    @Schema(description = "One immutable rubric version")
    public record VersionSummary(@Schema(examples = "4") int version,
                                 @Schema(description = "Author's user id", examples = "ada") String createdBy,
                                 Instant createdAt,
                                 @Schema(examples = "4") int criteria,
                                 @Schema(description = "Expected points over all criteria", examples = "11") int points) {
    }

    @Schema(description = "What changed from one rubric version to another, per criterion and per point; only what "
            + "changed is listed")
    public record Diff(@Schema(examples = "explain-model-pruning-and-its-applications-amazon") String slug,
                       @Schema(description = "0 = the whole question", examples = "0") int part,
                       @Schema(examples = "1") int from,
                       @Schema(examples = "2") int to,
                       List<CriterionChange> criteria) {
    }

    public enum Change { ADDED, REMOVED, CHANGED }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A criterion added, removed, or changed (its own fields or its points)")
    public record CriterionChange(@Schema(examples = "trade-offs") String key,
                                  @Schema(examples = "CHANGED") Change change,
                                  @Schema(description = "Fields of the criterion that changed: kind, title, weight, "
                                          + "position", examples = "[\"weight\"]") List<String> fields,
                                  @Schema(description = "The criterion before (without points); absent when added")
                                  Heading before,
                                  @Schema(description = "The criterion after (without points); absent when removed")
                                  Heading after,
                                  @Schema(description = "Points added, removed or changed") List<PointChange> points) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A criterion's own fields")
    public record Heading(@Schema(examples = "TRADE_OFFS") String kind,
                          @Schema(examples = "Weighs the trade-offs") String title,
                          @Schema(examples = "0.3") Double weight,
                          @Schema(description = "1-based position in the rubric", examples = "2") int position) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "An expected point added, removed or changed")
    public record PointChange(@Schema(examples = "trade-offs-2") String id,
                              @Schema(examples = "CHANGED") Change change,
                              @Schema(description = "Fields of the point that changed: text, concepts, guidance",
                                      examples = "[\"concepts\"]") List<String> fields,
                              @Schema(description = "The point before; absent when added") Rubric.Point before,
                              @Schema(description = "The point after; absent when removed") Rubric.Point after) {
    }
}
