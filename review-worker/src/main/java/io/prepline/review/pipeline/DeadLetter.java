package io.prepline.review.pipeline;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record of {@code answers.submitted.v1.dlq}: a submission the worker could not score.
 *
 * @param submission the original value as JSON, or as a JSON string when it is not JSON, or null
 */
public record DeadLetter(Reason reason, String detail, JsonNode submission, Instant failedAt) {

    public enum Reason {
        /** Not JSON, or a required field is missing, of the wrong type, out of range or not an id. */
        MALFORMED,
        /** Not written by answer-service (its CloudEvents source): never scored, and says nothing about the answer. */
        UNTRUSTED_SOURCE,
        /** No question with that id in the catalogue after the grace period (never published, or deleted). */
        UNKNOWN_QUESTION,
        /** The question has no part with that number after the grace period. */
        UNKNOWN_PART,
        /** The question or part is known but has no usable rubric after the grace period. */
        RUBRIC_MISSING,
        /** Submitted after the question was retired. */
        QUESTION_RETIRED,
        /** The scorer failed on this answer. */
        SCORING_FAILED
    }
}
