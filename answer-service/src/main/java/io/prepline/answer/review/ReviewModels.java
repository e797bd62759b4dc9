package io.prepline.answer.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.prepline.answer.feedback.FeedbackModels;
import io.prepline.answer.submission.AnswerView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and responses of the reviewers' API. */
public final class ReviewModels {

    private ReviewModels() {
    }

    /**
     * @param reviewReason why the answer came to a reviewer without a score (a dead letter), or null
     * @param claimedBy    the reviewer holding a claim on it until {@code claimedUntil}, or null
     */
    public record QueueItem(UUID answerId, String userId, UUID questionId, String questionSlug,
                            @Schema(nullable = true) Integer part, int revision, String status,
                            @Schema(nullable = true) Integer overall, @Schema(nullable = true) Double confidence,
                            @Schema(nullable = true) String verdict, Instant submittedAt,
                            @Schema(nullable = true) Instant scoredAt, @Schema(nullable = true) String reviewReason,
                            @Schema(nullable = true) String claimedBy, @Schema(nullable = true) Instant claimedUntil) {
    }

    /** @param counts answers per status (for the question filter, when given), and {@code CLAIMED}: held claims */
    public record QueuePage(List<QueueItem> items,
                            @Schema(description = "Pass as cursor to read the next page; null on the last page",
                                    nullable = true) String nextCursor,
                            Map<String, Long> counts) {
    }

    /**
     * @param machineScore  what the scorer gave (0-4)
     * @param overrideScore a reviewer's correction, or null
     * @param points        the scorer's per-point coverage with evidence, as received
     * @param comments      the scorer's comments on this criterion, as received
     */
    public record CriterionDetail(String key, String kind, String title, Double weight, int machineScore,
                                  @Schema(nullable = true) Integer overrideScore,
                                  @Schema(nullable = true) String overrideComment,
                                  @Schema(nullable = true) String overriddenBy,
                                  @Schema(type = SchemaType.ARRAY, implementation = Object.class) JsonNode points,
                                  @Schema(type = SchemaType.ARRAY, implementation = FeedbackModels.Comment.class)
                                  JsonNode comments) {
    }

    /** @param action CLAIM, RELEASE, OVERRIDE, RESCORE or DECISION */
    public record AuditEntry(String action, String reviewer, Instant at, @Schema(nullable = true) String fromStatus,
                             @Schema(nullable = true) String decision, @Schema(nullable = true) String comment,
                             @Schema(type = SchemaType.OBJECT, implementation = Object.class,
                                     additionalProperties = Schema.True.class,
                                     description = "What the action changed, by field: {from, to}, or a list of them")
                             JsonNode changes) {
    }

    public record StatusChange(String status, @Schema(nullable = true) Integer overall, String actor, Instant at) {
    }

    /** @param bodyHtml the answer's markdown rendered and sanitised, safe to show as HTML */
    public record Detail(AnswerView answer, String bodyHtml, @Schema(nullable = true) Claim claim,
                         List<CriterionDetail> criteria,
                         @Schema(type = SchemaType.ARRAY, implementation = String.class) JsonNode flags,
                         @Schema(type = SchemaType.ARRAY, implementation = FeedbackModels.Comment.class)
                         JsonNode comments, List<StatusChange> history,
                         List<AuditEntry> audit) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Override(@Schema(examples = "tradeoffs") String criterion, @Schema(examples = "3") Integer score,
                           @Schema(examples = "Latency versus accuracy is discussed.") String comment) {
    }

    /** A reviewer's decision; nothing else of the answer can be changed through it. */
    public record DecisionRequest(@Schema(examples = "APPROVED") String decision,
                                  @Schema(examples = "Covers the trade-offs after all.") String comment,
                                  List<Override> overrides) {
    }

    /** A claim on an answer: a lease until {@code claimedUntil}. */
    public record Claim(UUID answerId, String claimedBy, Instant claimedUntil) {
    }

    /** A re-score asked for: published by the re-score job at its bounded rate. */
    public record RescoreAccepted(UUID answerId, String status) {
    }

    /**
     * How far human decisions agree with the machine, in production.
     *
     * @param scorers    per scorer version
     * @param criteria   per criterion key: overrides and their mean change (override - machine, 0-4 scale)
     * @param reviewers  decisions per reviewer
     */
    public record Stats(List<ScorerAgreement> scorers, List<CriterionOverrides> criteria,
                        List<ReviewerDecisions> reviewers) {
    }

    /**
     * @param agreed    PASS approved or FAIL rejected
     * @param disagreed PASS rejected or FAIL approved
     * @param noVerdict decisions on BORDERLINE or NEEDS_HUMAN scores (the machine made no call)
     * @param agreement agreed / (agreed + disagreed), null when there is none of either
     */
    public record ScorerAgreement(String scorerVersion, long decisions, long agreed, long disagreed, long noVerdict,
                                  @Schema(nullable = true) Double agreement) {
    }

    public record CriterionOverrides(String criterion, long overrides, double meanChange) {
    }

    public record ReviewerDecisions(String reviewer, long decisions, long approved, long rejected) {
    }
}
