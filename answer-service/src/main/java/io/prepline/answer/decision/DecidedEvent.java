package io.prepline.answer.decision;

import java.time.Instant;
import java.util.UUID;

/** Payload of {@code answers.decided.v1} (schema: {@code schemas/answers.decided.v1.json}). */
public record DecidedEvent(UUID answerId, String userId, UUID questionId, Integer part, String decision,
                           String decidedBy, Integer overall, Instant decidedAt) {

    public static final String TYPE = "io.prepline.answer.decided.v1";
}
