package io.prepline.answer.submission;

import java.time.Instant;
import java.util.UUID;

/** Payload of {@code answers.submitted.v1} (schema: {@code schemas/answers.submitted.v1.json}). */
public record SubmittedEvent(UUID answerId, String userId, UUID questionId, String questionSlug, Integer part,
                             int revision, String body, Instant submittedAt) {

    public static final String TYPE = "io.prepline.answer.submitted.v1";
}
