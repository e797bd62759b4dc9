package io.prepline.answer.scoring;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Payload of {@code answers.submitted.v1.dlq} (schema in review-worker: {@code answers-submitted-dlq.v1.json}). */
public record DeadLetter(String reason, String detail, JsonNode submission, Instant failedAt) {

    static final Set<String> REASONS = Set.of("MALFORMED", "UNKNOWN_QUESTION", "UNKNOWN_PART", "RUBRIC_MISSING",
            "QUESTION_RETIRED", "SCORING_FAILED");

    boolean valid() {
        return reason != null && REASONS.contains(reason) && failedAt != null;
    }

    /** The answer id: from the original submission when it was JSON, else the record key. */
    String answerId(String key) {
        if (submission != null && submission.path("answerId").isTextual()) {
            return submission.path("answerId").asText();
        }
        return key;
    }

    /** What reviewers read: the reason and the worker's detail. */
    String describe() {
        return detail == null || detail.isBlank() ? reason : reason + ": " + detail;
    }
}
