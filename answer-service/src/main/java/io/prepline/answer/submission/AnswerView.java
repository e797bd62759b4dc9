package io.prepline.answer.submission;

import java.time.Instant;
import java.util.UUID;

/** An answer as its owner and reviewers see it. */
public record AnswerView(UUID id, String userId, UUID questionId, String questionSlug, Integer part, int revision,
                         String status, String body, Instant submittedAt, Score score, Decision decision) {

    public record Score(int overall, double confidence, String verdict, String scorerVersion, Instant scoredAt) {
    }

    public record Decision(String decision, String decidedBy, Instant decidedAt) {
    }

    public static AnswerView of(Answer a) {
        Score score = a.overall == null ? null
                : new Score(a.overall, a.confidence == null ? 0 : a.confidence, a.verdict, a.scorerVersion, a.scoredAt);
        Decision decision = a.decision == null ? null : new Decision(a.decision, a.decidedBy, a.decidedAt);
        return new AnswerView(a.id, a.userId, a.questionId, a.questionSlug, a.part, a.revision, a.status, a.body,
                a.submittedAt, score, decision);
    }
}
