package io.prepline.platform.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One refused field: its path in the request ({@code questions[2].title}, {@code body}, a parameter) and why. */
@Schema(name = "FieldError", description = "One refused field and why", requiredProperties = {"field", "message"})
public record FieldError(
        @Schema(description = "A JSON path in the body (questions[2].title), a parameter, a header, or $ for the "
                + "whole body", examples = "limit") String field,
        @Schema(description = "Why it was refused", examples = "must be a whole number from 1 to 100") String message) {
}
