package io.prepline.question.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details, the body of every error response. {@code items}: per-item report of a bulk import. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      List<ItemErrors> items) {

    public static final String TYPE_BASE = "https://prepline.io/problems/";

    /** The errors of one item of a bulk request, by its position and slug. */
    public record ItemErrors(int index, String slug, List<FieldError> errors) {
    }
}
