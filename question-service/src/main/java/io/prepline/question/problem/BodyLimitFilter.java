package io.prepline.question.problem;

import java.util.List;

import io.prepline.question.QuestionConfig;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses empty JSON bodies, and bodies above question.api.max-body-bytes from their Content-Length with a 413 problem, before reading them.
 * quarkus.http.limits.max-body-size stays above this limit; {@link ChunkedBodyLimit} applies it to bodies sent without a length.
 */
public class BodyLimitFilter {

    // a provider: filters are created before runtime configuration is available
    @Inject
    Provider<QuestionConfig> config;

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        boolean json = request.getMediaType() != null && request.getMediaType().getSubtype().endsWith("json");
        if (length == null) {
            boolean chunked = request.getHeaderString("Transfer-Encoding") != null;
            return json && !chunked ? emptyBody() : null;
        }
        long max = config.get().api().maxBodyBytes();
        try {
            long bytes = Long.parseLong(length.trim());
            if (bytes == 0 && json) {
                return emptyBody();
            }
            if (bytes <= max) {
                return null;
            }
        } catch (NumberFormatException e) {
            return ProblemMapper.respond(new Problem(Problem.TYPE_BASE + "invalid-input", "Invalid input", 400,
                    "Content-Length is not a number", List.of(new FieldError("Content-Length", "is not a number")), null));
        }
        return tooLarge(max);
    }

    /** The 413 problem for a request body above {@code max} bytes, however its size became known. */
    static Response tooLarge(long max) {
        return ProblemMapper.respond(new Problem(Problem.TYPE_BASE + "payload-too-large", "Payload too large", 413,
                "request bodies are limited to " + max + " bytes",
                List.of(new FieldError("body", "must be at most " + max + " bytes")), null));
    }

    // an empty document is not JSON; answered here because an empty body never reaches the JSON reader
    private static Response emptyBody() {
        return ProblemMapper.respond(new Problem(Problem.TYPE_BASE + "invalid-input", "Invalid input", 400,
                "a JSON document is required", List.of(new FieldError("body", "is empty")), null));
    }
}
