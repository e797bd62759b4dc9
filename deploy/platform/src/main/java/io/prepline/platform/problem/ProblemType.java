package io.prepline.platform.problem;

/**
 * The problem types every service shares: one type per mistake, the same URI in every service. A service adds types
 * for refusals of its own domain (see its README); those use the same base URI.
 */
public enum ProblemType {

    INVALID_REQUEST(400, "invalid-request", "Invalid request"),
    INVALID_JSON(400, "invalid-json", "Invalid JSON"),
    UNKNOWN_FIELD(400, "unknown-field", "Unknown field"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    UNPROCESSABLE(422, "unprocessable", "Unprocessable request"),
    PRECONDITION_REQUIRED(428, "precondition-required", "Precondition required"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    REQUEST_HEADERS_TOO_LARGE(431, "request-headers-too-large", "Request headers too large"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    UNAVAILABLE(503, "unavailable", "Service unavailable");

    public static final String TYPE_BASE = "https://prepline.io/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
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

    public String uri() {
        return TYPE_BASE + slug;
    }

    /** The shared type of a status the framework answers by itself, or null when there is none. */
    public static ProblemType ofStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != INVALID_JSON && type != UNKNOWN_FIELD) {
                return type;
            }
        }
        return null;
    }
}
