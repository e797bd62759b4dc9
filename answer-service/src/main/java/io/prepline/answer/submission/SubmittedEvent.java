package io.prepline.answer.submission;

import java.time.Instant;
import java.util.UUID;

/** Payload of {@code answers.submitted.v1} (schema: {@code schemas/answers.submitted.v1.json}). */
public record SubmittedEvent(UUID answerId, String userId, UUID questionId, String questionSlug, Integer part,
                             int revision, String body, Instant submittedAt) {

    public static final String TYPE = "io.prepline.answer.submitted.v1";

    /** The event of a stored revision; re-scores publish it again unchanged. */
    public static SubmittedEvent of(Answer a) {
        return new SubmittedEvent(a.id, a.userId, a.questionId, a.questionSlug, a.part, a.revision, a.body,
                a.submittedAt);
    }
}
