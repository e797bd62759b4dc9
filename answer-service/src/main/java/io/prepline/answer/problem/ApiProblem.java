package io.prepline.answer.problem;

import java.util.List;

/**
 * A domain error the API reports as {@code application/problem+json}: the {@code slug} gives the stable type URI
 * {@code https://prepline.io/problems/<slug>}.
 */
public class ApiProblem extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(400, "invalid-request", "Invalid request", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ApiProblem unprocessable(String slug, String title, String field, String message) {
        return new ApiProblem(422, slug, title, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "not-found", "Not found", what + " does not exist", List.of());
    }

    public static ApiProblem forbidden(String slug, String title, String detail) {
        return new ApiProblem(403, slug, title, detail, List.of());
    }

    public static ApiProblem conflict(String slug, String title, String detail) {
        return new ApiProblem(409, slug, title, detail, List.of());
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
