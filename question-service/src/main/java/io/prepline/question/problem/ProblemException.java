package io.prepline.question.problem;

import java.util.List;

/** A domain error with its HTTP status and stable problem type, turned into problem+json by {@link ProblemMapper}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final List<Problem.ItemErrors> items;

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors,
                            List<Problem.ItemErrors> items) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.items = items;
    }

    public static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(400, "invalid-input", "Invalid input", detail, errors, null);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what, null, null);
    }

    public static ProblemException conflict(String field, String message) {
        return new ProblemException(409, "conflict", "Conflict", message, List.of(new FieldError(field, message)), null);
    }

    public Problem toProblem() {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), errors, items);
    }

    public int status() {
        return status;
    }
}
