package io.prepline.review.pipeline;

import java.time.Instant;
import java.util.regex.Pattern;

import io.prepline.platform.consumer.EventChecks;

/**
 * A record of {@code answers.submitted.v1} (answer-service's schema {@code answers.submitted.v1.json}). The compact
 * constructor is its validation: ids in their shape, revision and part in range, a body. A longer body than the
 * schema allows is still scored (the scorer reads what it can and flags the rest).
 */
public record AnswerSubmitted(String answerId, String userId, String questionId, String questionSlug, Integer part,
                              Integer revision, String body, Instant submittedAt) {

    private static final Pattern ID = EventChecks.UUID_TEXT;

    public AnswerSubmitted {
        EventChecks.of()
                .matches("answerId", answerId, ID, "an id")
                .matches("questionId", questionId, ID, "an id")
                .optionalRange("part", part, 1, Integer.MAX_VALUE)
                .range("revision", revision, 1, Integer.MAX_VALUE)
                .required("body", body)
                .orReject();
    }
}
