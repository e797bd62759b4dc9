package io.prepline.question.engagement;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.prepline.platform.consumer.EventChecks;

/**
 * Value of {@code answers.decided.v1} (owned by answer-service, schema {@code answers.decided.v1.json} there); unknown
 * fields are ignored. The compact constructor is the event's validation: an event that breaks it is rejected as
 * {@code INVALID} and never applied.
 */
public record AnswerDecided(UUID answerId, String userId, UUID questionId, Integer part, String decision,
                            String decidedBy, Integer overall, Instant decidedAt) {

    static final Set<String> DECISIONS = Set.of("APPROVED", "REJECTED");
    /** Longest user id taken (identity providers' subjects are far shorter). */
    static final int MAX_USER_ID = 255;

    public AnswerDecided {
        EventChecks.of()
                .required("answerId", answerId)
                .text("userId", userId, MAX_USER_ID)
                .required("questionId", questionId)
                .optionalRange("part", part, 1, Integer.MAX_VALUE)
                .oneOf("decision", decision, DECISIONS)
                .text("decidedBy", decidedBy, MAX_USER_ID)
                .optionalRange("overall", overall, 0, 100)
                .required("decidedAt", decidedAt)
                .orReject();
    }

    public boolean approved() {
        return "APPROVED".equals(decision);
    }
}
