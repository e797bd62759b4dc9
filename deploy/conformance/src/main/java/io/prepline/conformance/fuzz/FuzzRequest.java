package io.prepline.conformance.fuzz;

import java.util.Map;

/**
 * One request of the fuzz run.
 *
 * @param operation the operation's method and path template, as in the document
 * @param path      the path with its parameters filled in, percent-encoded
 * @param query     the query string without {@code ?}, encoded, or empty
 * @param body      the body, or null for none
 * @param caller    whose token it carries: a role, {@code none}, {@code expired} or {@code garbage}
 */
record FuzzRequest(String operation, String method, String path, String query, Map<String, String> headers,
                   String body, String caller) {

    String target() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** For the report: the request in one line, long bodies cut. */
    String shown() {
        String b = body == null ? "" : " body " + (body.length() > 300 ? body.substring(0, 300) + "... ("
                + body.length() + " chars)" : body);
        return method + " " + (target().length() > 300 ? target().substring(0, 300) + "..." : target())
                + " as " + caller + (headers.isEmpty() ? "" : " headers " + headers) + b;
    }
}
