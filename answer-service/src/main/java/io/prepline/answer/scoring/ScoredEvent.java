package io.prepline.answer.scoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The fields of {@code answers.scored.v1} this service uses; the full document is kept as received. */
public record ScoredEvent(UUID answerId, UUID questionId, Integer part, Integer revision, Integer overall,
                          Double confidence, String verdict, Integer rubricVersion, String scorerVersion,
                          List<Criterion> criteria, Instant scoredAt) {

    public record Criterion(String key, String kind, String title, Integer score) {
    }

    boolean complete() {
        return answerId != null && revision != null && overall != null && confidence != null && verdict != null
                && scorerVersion != null;
    }
}
