package io.prepline.question.engagement;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Value of {@code answers.decided.v1} (owned by answer-service); unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnswerDecided(UUID answerId, String userId, UUID questionId, Integer part, String decision,
                            String decidedBy, Integer overall, Instant decidedAt) {

    public boolean approved() {
        return "APPROVED".equals(decision);
    }

    public boolean complete() {
        return answerId != null && userId != null && !userId.isBlank() && questionId != null && decision != null;
    }
}
