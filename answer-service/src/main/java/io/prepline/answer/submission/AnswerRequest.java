package io.prepline.answer.submission;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a candidate may send. Anything else (status, score, xp, ...) is an unknown field and refused, so no field
 * the server owns can be set by a client.
 *
 * @param question the question's slug or id
 * @param part     the part number, only for multi-part questions
 * @param body     the answer in markdown
 */
public record AnswerRequest(String question, @Schema(nullable = true) Integer part, String body) {
}
