package io.prepline.answer.scoring;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.prepline.platform.consumer.EventChecks;

/**
 * Payload of {@code answers.submitted.v1.dlq} (schema in review-worker: {@code answers-submitted-dlq.v1.json}). The
 * compact constructor is its validation: a known reason and the failure time.
 */
public record DeadLetter(String reason, String detail, JsonNode submission, Instant failedAt) {

    static final Set<String> REASONS = Set.of("MALFORMED", "UNKNOWN_QUESTION", "UNKNOWN_PART", "RUBRIC_MISSING",
            "QUESTION_RETIRED", "SCORING_FAILED", "UNTRUSTED_SOURCE");
    /** A submission the worker refused because another service than answer-service wrote it: not this answer's. */
    static final String UNTRUSTED_SOURCE = "UNTRUSTED_SOURCE";
    /** Longest detail kept for reviewers; a longer one is cut. */
    private static final int DETAIL_CHARS = 1000;

    public DeadLetter {
        EventChecks.of().oneOf("reason", reason, REASONS).required("failedAt", failedAt).orReject();
    }

    /** The answer id: from the original submission when it was JSON, else the record key. */
    String answerId(String key) {
        if (submission != null && submission.path("answerId").isTextual()) {
            return submission.path("answerId").asText();
        }
        return key;
    }

    /** Whether the letter may move its answer: one about a forged submission says nothing about the real one. */
    boolean concernsTheAnswer() {
        return !UNTRUSTED_SOURCE.equals(reason);
    }

    /** The worker's detail, cut to what reviewers read. */
    String shortDetail() {
        return detail == null || detail.length() <= DETAIL_CHARS ? detail : detail.substring(0, DETAIL_CHARS) + "...";
    }

    /** What reviewers read: the reason and the worker's detail. */
    String describe() {
        return detail == null || detail.isBlank() ? reason : reason + ": " + shortDetail();
    }
}
