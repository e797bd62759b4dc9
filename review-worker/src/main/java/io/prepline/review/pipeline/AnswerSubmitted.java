package io.prepline.review.pipeline;

import java.time.Instant;

/** A record of {@code answers.submitted.v1}. */
public record AnswerSubmitted(String answerId, String userId, String questionId, String questionSlug, Integer part,
                              Integer revision, String body, Instant submittedAt) {
}
