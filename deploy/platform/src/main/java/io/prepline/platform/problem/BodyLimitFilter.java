package io.prepline.platform.problem;

import java.util.List;

import io.prepline.platform.PlatformConfig;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses empty JSON bodies (when prepline.http.refuse-empty-json), and bodies above prepline.http.max-body-bytes from their Content-Length with a 413
 * problem, before reading them. {@link ChunkedBodyLimit} applies the same limit to bodies sent without a length.
 */
public class BodyLimitFilter {

    // a provider: filters are created before runtime configuration is available
    @Inject
    Provider<PlatformConfig> config;

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        // the media type first: a request without a JSON body (every read) never looks the configuration up
        boolean json = request.getMediaType() != null && request.getMediaType().getSubtype().endsWith("json")
                && config.get().http().refuseEmptyJson();
        if (length == null) {
            boolean chunked = request.getHeaderString("Transfer-Encoding") != null;
            return json && !chunked ? emptyBody() : null;
        }
        long max = config.get().http().maxBodyBytes();
        try {
            long bytes = Long.parseLong(length.trim());
            if (bytes == 0 && json) {
                return emptyBody();
            }
            if (bytes <= max) {
                return null;
            }
        } catch (NumberFormatException e) {
            return ProblemMapper.respond(Problem.of(ProblemType.INVALID_REQUEST, "Content-Length is not a number",
                    List.of(new FieldError("Content-Length", "is not a number"))));
        }
        return tooLarge(max);
    }

    /** The 413 problem for a request body above {@code max} bytes, however its size became known. */
    static Response tooLarge(long max) {
        return ProblemMapper.respond(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "request bodies are limited to " + max + " bytes",
                List.of(new FieldError("$", "must be at most " + max + " bytes"))));
    }

    // an empty document is not JSON; answered here because an empty body never reaches the JSON reader
    private static Response emptyBody() {
        return ProblemMapper.respond(Problem.of(ProblemType.INVALID_JSON, "a JSON document is required",
                List.of(new FieldError("$", "is empty"))));
    }
}
