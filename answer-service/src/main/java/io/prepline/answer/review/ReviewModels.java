package io.prepline.answer.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.prepline.answer.submission.AnswerView;

/** Requests and responses of the reviewers' API. */
public final class ReviewModels {

    private ReviewModels() {
    }

    public record QueueItem(UUID answerId, String userId, UUID questionId, String questionSlug, Integer part,
                            int revision, String status, Integer overall, Double confidence, String verdict,
                            Instant submittedAt, Instant scoredAt) {
    }

    public record QueuePage(List<QueueItem> items, String nextCursor) {
    }

    /**
     * @param machineScore  what the scorer gave (0-4)
     * @param overrideScore a reviewer's correction, or null
     * @param points        the scorer's per-point coverage with evidence, as received
     * @param comments      the scorer's comments on this criterion, as received
     */
    public record CriterionDetail(String key, String kind, String title, int machineScore, Integer overrideScore,
                                  JsonNode points, JsonNode comments) {
    }

    public record AuditEntry(String reviewer, Instant at, String fromStatus, String decision, String comment,
                             JsonNode changes) {
    }

    public record StatusChange(String status, Integer overall, String actor, Instant at) {
    }

    public record Detail(AnswerView answer, List<CriterionDetail> criteria, JsonNode flags, JsonNode comments,
                         List<StatusChange> history, List<AuditEntry> audit) {
    }

    public record Override(String criterion, Integer score) {
    }

    /** A reviewer's decision; nothing else of the answer can be changed through it. */
    public record DecisionRequest(String decision, String comment, List<Override> overrides) {
    }
}
