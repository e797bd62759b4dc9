package io.prepline.answer.submission;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.prepline.answer.feedback.FeedbackModels;
import io.prepline.answer.feedback.FeedbackModels.Feedback;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An answer as its owner and reviewers see it. The owner sees the reviewer as a role ({@code decidedBy} is
 * {@code auto} or {@code reviewer}); reviewers see the reviewer's id and why an unscored answer came to them.
 *
 * @param feedback     the score per criterion with points, evidence and comments; null while not scored
 * @param reviewReason for reviewers only: why the answer went to a human without a score (a dead letter)
 */
public record AnswerView(UUID id, String userId, UUID questionId, String questionSlug,
                         @Schema(nullable = true) Integer part, int revision, String status, String body,
                         Instant submittedAt, @Schema(nullable = true) Score score,
                         @Schema(nullable = true) Decision decision,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Feedback feedback,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String reviewReason) {

    public record Score(int overall, double confidence, String verdict, String scorerVersion, Instant scoredAt) {
    }

    public record Decision(String decision, String decidedBy, Instant decidedAt) {
    }

    /** The reviewer's view without feedback (also the answer to a submission, before any score or decision). */
    public static AnswerView of(Answer a) {
        return of(a, null, true);
    }

    public static AnswerView of(Answer a, Feedback feedback, boolean reviewer) {
        Score score = a.overall == null ? null
                : new Score(a.overall, a.confidence == null ? 0 : a.confidence, a.verdict, a.scorerVersion, a.scoredAt);
        Decision decision = a.decision == null ? null
                : new Decision(a.decision, reviewer ? a.decidedBy : role(a), a.decidedAt);
        return new AnswerView(a.id, a.userId, a.questionId, a.questionSlug, a.part, a.revision, a.status, a.body,
                a.submittedAt, score, decision, feedback, reviewer ? a.reviewReason : null);
    }

    /** Who decided, as a candidate may see it: a human decision names the role, an automatic one says {@code auto}. */
    static String role(Answer a) {
        return a.reviewedBy != null ? FeedbackModels.REVIEWER_ROLE : a.decidedBy;
    }
}
