package io.prepline.review.scoring;

import java.util.List;

/**
 * The scorer's judgement of one answer. Deterministic: the same answer, rubric version and scorer version always
 * give an equal document.
 *
 * @param overall       0-100
 * @param confidence    0-1: how sure the scorer is (low for hard cases it flags for a human)
 * @param flags         hard cases recognised, e.g. OFF_TOPIC, KEYWORD_LIST, COPIED_QUESTION, TOO_SHORT
 */
public record ScoreDocument(int overall, double confidence, Verdict verdict, String scorerVersion, int rubricVersion,
                            List<CriterionScore> criteria, List<String> flags, List<Comment> comments) {

    public enum Verdict { PASS, BORDERLINE, FAIL, NEEDS_HUMAN }

    public enum Coverage { COVERED, PARTIAL, MISSING }

    /** As Exercism's analyzers type their comments. */
    public enum CommentType { ESSENTIAL, ACTIONABLE, INFORMATIVE, CELEBRATORY }

    /** @param score 0-4 */
    public record CriterionScore(String key, String kind, String title, int score, List<PointResult> points,
                                 List<Comment> comments) {
    }

    /** @param evidence the answer's words that cover the point, or null when missing */
    public record PointResult(String id, String text, Coverage coverage, double similarity, String evidence) {
    }

    public record Comment(CommentType type, String text) {
    }
}
