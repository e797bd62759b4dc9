package io.prepline.review.preview;

/**
 * A draft answer to score.
 *
 * @param question the question's slug or id
 * @param part     the part number of a multi-part question, or null for the question itself
 * @param body     the answer's markdown, at most {@code review.preview.max-body-chars} characters
 */
public record ScorePreviewRequest(String question, Integer part, String body) {
}
