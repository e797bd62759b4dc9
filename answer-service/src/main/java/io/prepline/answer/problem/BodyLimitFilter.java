package io.prepline.answer.problem;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.prepline.answer.AnswerConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses a request whose announced body is too large with a 413 problem, before any of it is read. */
public class BodyLimitFilter {

    /** Looked up per request: the filter is created before the runtime configuration is. */
    @Inject
    Provider<AnswerConfig> config;

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversized(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        long max = config.get().submission().maxRequestBytes();
        try {
            if (Long.parseLong(length.strip()) <= max) {
                return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return tooLarge(max);
    }

    /** The 413 problem for a request body above {@code max} bytes, however its size became known. */
    static Response tooLarge(long max) {
        return ProblemMapper.respond(413, "payload-too-large", "Payload too large",
                "the request body is larger than " + max + " bytes",
                List.of(new ApiProblem.FieldError("$", "at most " + max + " bytes")));
    }
}
