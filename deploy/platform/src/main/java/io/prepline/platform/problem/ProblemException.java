package io.prepline.platform.problem;

import java.time.Duration;
import java.util.List;

/** A refusal with its status and stable problem type, answered as problem+json by {@link ProblemMapper}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final List<Problem.ItemErrors> items;
    private final Duration retryAfter;

    /** A refusal of the service's own domain, with a type of its own (listed in the service's README). */
    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors,
                            List<Problem.ItemErrors> items) {
        this(status, slug, title, detail, errors, items, null);
    }

    private ProblemException(int status, String slug, String title, String detail, List<FieldError> errors,
                             List<Problem.ItemErrors> items, Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.items = items;
        this.retryAfter = retryAfter;
    }

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        this(status, slug, title, detail, errors, null);
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        this(type.status(), type.slug(), type.title(), detail, errors, null);
    }

    public static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(ProblemType.INVALID_REQUEST, detail, errors);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return invalid("the request has invalid fields", errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what, null);
    }

    public static ProblemException conflict(String field, String message) {
        return new ProblemException(ProblemType.CONFLICT, message, List.of(new FieldError(field, message)));
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail, null);
    }

    public static ProblemException forbidden(String slug, String title, String detail) {
        return new ProblemException(403, slug, title, detail, null);
    }

    public static ProblemException unprocessable(String slug, String title, String field, String message) {
        return new ProblemException(422, slug, title, field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** 429: a limit of this service is reached; the response says when to try again ({@code Retry-After}). */
    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        ProblemType type = ProblemType.TOO_MANY_REQUESTS;
        return new ProblemException(type.status(), type.slug(), type.title(), detail, null, null, retryAfter);
    }

    /** 503: something the request needs cannot be reached; the response says when to try again. */
    public static ProblemException unavailable(String detail, Duration retryAfter) {
        ProblemType type = ProblemType.UNAVAILABLE;
        return new ProblemException(type.status(), type.slug(), type.title(), detail, null, null, retryAfter);
    }

    public Problem toProblem() {
        return new Problem(ProblemType.TYPE_BASE + slug, title, status, getMessage(), errors, items);
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

    /** When the client may try again ({@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
