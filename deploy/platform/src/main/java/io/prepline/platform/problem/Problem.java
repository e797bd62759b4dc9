package io.prepline.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, the body of every error response ({@code application/problem+json}). {@code errors}
 * names the refused fields; {@code items} reports each refused item of a bulk request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details: the body of every error response "
        + "(application/problem+json)", requiredProperties = {"type", "title", "status", "errors"})
public record Problem(
        @Schema(description = "The problem type: https://prepline.io/problems/ and a name that never changes "
                + "(the table of types is in each service's README)", format = "uri",
                examples = "https://prepline.io/problems/invalid-request") String type,
        @Schema(description = "Short summary of the problem type", examples = "Invalid request") String title,
        @Schema(description = "The HTTP status of the response", examples = "400") int status,
        @Schema(description = "What was wrong with this request",
                examples = "limit: must be a whole number from 1 to 100") String detail,
        @Schema(description = "Each refused field, parameter or header; empty when the refusal names none")
        List<FieldError> errors,
        @Schema(description = "For a bulk request: the refused items, each with its errors") List<ItemErrors> items) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, errors == null ? List.of() : errors, null);
    }

    /** The errors of one item of a bulk request, by its position and slug. */
    @Schema(name = "ProblemItemErrors", description = "The errors of one item of a bulk request",
            requiredProperties = {"index", "errors"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemErrors(@Schema(description = "Position of the item in the request, from 0") int index,
                             @Schema(description = "The item's slug; absent when it has none (a null item, an item "
                                     + "without a slug)") String slug,
                             List<FieldError> errors) {
    }
}
