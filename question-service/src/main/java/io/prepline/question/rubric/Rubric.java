package io.prepline.question.rubric;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rubric: weighted criteria of expected points. {@code version} is assigned by the server (ignored on input). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Weighted criteria an answer is scored against. Weights sum to 1.",
        requiredProperties = "criteria")
public record Rubric(
        @Schema(description = "Immutable version number, assigned by the server", readOnly = true, examples = "2")
        Integer version,
        @Schema(description = "Criteria (DEFINITIONS, TRADE_OFFS, PITFALLS, EVALUATION or other kinds)")
        List<Criterion> criteria) {

    @Schema(description = "One scored aspect of an answer")
    public record Criterion(
            @Schema(description = "Stable key, unique in the rubric", examples = "definitions") String key,
            @Schema(description = "Kind of criterion", examples = "DEFINITIONS") String kind,
            @Schema(description = "What the criterion checks", examples = "Defines pruning correctly") String title,
            @Schema(description = "Share of the overall score, 0 < weight <= 1", examples = "0.3") Double weight,
            @Schema(description = "Points a strong answer makes") List<Point> points) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "An expected point, with concept groups for lexical matching")
    public record Point(
            @Schema(description = "Stable id, unique in the rubric", examples = "definitions-1") String id,
            @Schema(description = "The point as a reviewer would state it",
                    examples = "Pruning removes weights, neurons or structures that contribute little") String text,
            @Schema(description = "Concept groups: each inner list holds synonyms and spelling variants of one concept",
                    examples = "[[\"prune\",\"pruning\",\"pruned\"],[\"weight\",\"parameter\",\"connection\"]]")
            List<List<String>> concepts,
            @Schema(description = "Reviewer-only guidance, or null", nullable = true) String guidance) {
    }
}
