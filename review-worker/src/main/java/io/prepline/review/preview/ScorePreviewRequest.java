package io.prepline.review.preview;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A draft answer to score.
 *
 * @param question the question's slug or id
 * @param part     the part number of a multi-part question, or null for the question itself
 * @param body     the answer's markdown, at most {@code review.preview.max-body-chars} characters
 */
public record ScorePreviewRequest(String question, @Schema(nullable = true) Integer part, String body) {
}
