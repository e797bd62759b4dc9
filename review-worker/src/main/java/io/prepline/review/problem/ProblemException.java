package io.prepline.review.problem;

import java.util.List;

/** A request the service refuses, described as a problem document by {@link ProblemMapper}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** Input that breaks the documented rules: wrong type, missing, too long. */
    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "invalid-request", "The request is not valid",
                errors.size() == 1 ? errors.getFirst().field() + ": " + errors.getFirst().message()
                        : errors.size() + " fields are not valid", errors);
    }

    public Problem toProblem() {
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, getMessage(), errors);
    }

    public int status() {
        return status;
    }
}
