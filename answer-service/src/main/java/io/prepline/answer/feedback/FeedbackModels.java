package io.prepline.answer.feedback;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a candidate sees of the score of their answer. Reviewer-only guidance and reviewer ids never appear here. */
public final class FeedbackModels {

    /** How a human reviewer appears to candidates: as a role. */
    public static final String REVIEWER_ROLE = "reviewer";

    private FeedbackModels() {
    }

    /**
     * @param overall    0-100, recomputed when a reviewer overrides a criterion
     * @param verdict    PASS, BORDERLINE, FAIL or NEEDS_HUMAN
     * @param criteria   per rubric criterion, in the rubric's order
     * @param comments   the scorer's comments on the whole answer
     * @param review     the reviewer's comment and overrides, once a reviewer has decided
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The feedback on one answer revision")
    public record Feedback(@Schema(examples = "64") int overall, @Schema(examples = "PASS") String verdict,
                           @Schema(examples = "0.82") double confidence,
                           @Schema(examples = "2") Integer rubricVersion,
                           List<CriterionFeedback> criteria, List<Comment> comments, Review review) {
    }

    /** @param score 0-4 (the reviewer's override when there is one), {@code machineScore} what the scorer gave */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CriterionFeedback(@Schema(examples = "definitions") String key,
                                    @Schema(examples = "DEFINITIONS") String kind,
                                    @Schema(examples = "Defines pruning correctly") String title,
                                    @Schema(examples = "0.3") Double weight, @Schema(examples = "3") int score,
                                    @Schema(examples = "2") int machineScore, List<PointFeedback> points,
                                    List<Comment> comments) {
    }

    /** @param text the point in the rubric's words; {@code evidence} the answer's words covering it, or null */
    public record PointFeedback(@Schema(examples = "definitions-1") String id,
                                @Schema(examples = "Pruning removes weights that contribute little") String text,
                                @Schema(examples = "COVERED") String coverage,
                                @Schema(nullable = true, examples = "removes the weights that matter least")
                                String evidence) {
    }

    /** @param type essential, actionable, informative or celebratory */
    public record Comment(@Schema(examples = "actionable") String type,
                          @Schema(examples = "Name a pruning method.") String text) {
    }

    /** A human decision as the candidate sees it: {@code by} is the role, never the reviewer's id. */
    public record Review(@Schema(examples = "reviewer") String by, @Schema(examples = "APPROVED") String decision,
                         @Schema(examples = "Covers the trade-offs after all.") String comment,
                         List<Override> overrides, Instant at) {
    }

    public record Override(@Schema(examples = "tradeoffs") String criterion, @Schema(examples = "1") int from,
                           @Schema(examples = "3") int to,
                           @Schema(examples = "Latency versus accuracy is discussed.") String comment) {
    }

    /** The short form listed by {@code /me/answers}. */
    public record Summary(int overall, String verdict, double confidence, List<CriterionScore> criteria) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CriterionScore(String key, String kind, String title, int score, Double weight) {
    }
}
