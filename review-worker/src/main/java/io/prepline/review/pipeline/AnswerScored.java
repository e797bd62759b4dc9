package io.prepline.review.pipeline;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A record of {@code answers.scored.v1} (schema {@code schemas/answers-scored.v1.json}). */
public record AnswerScored(String answerId, String questionId, Integer part, Integer revision, int overall,
                           double confidence, String verdict, int rubricVersion, String scorerVersion,
                           List<Criterion> criteria, List<String> flags, List<Comment> comments, Instant scoredAt) {

    public record Criterion(String key, String kind, String title, int score, List<Point> points,
                            List<Comment> comments) {
    }

    /** {@code evidence} is null when the point is missing. */
    /** {@code evidence}: the answer's words that cover the point, null when none do. */
    public record Point(String id, String text, String coverage, double similarity,
                        @Schema(nullable = true) String evidence) {
    }

    /** {@code type}: essential, actionable, informative or celebratory. */
    public record Comment(String type, String text) {
    }
}
