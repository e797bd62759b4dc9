package io.prepline.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details, the body of every error response ({@code application/problem+json}). {@code errors}
 * names the refused fields; {@code items} reports each refused item of a bulk request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      List<ItemErrors> items) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, errors == null ? List.of() : errors, null);
    }

    /** The errors of one item of a bulk request, by its position and slug. */
    public record ItemErrors(int index, String slug, List<FieldError> errors) {
    }
}
