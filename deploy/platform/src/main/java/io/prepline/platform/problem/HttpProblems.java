package io.prepline.platform.problem;

import java.util.List;

import io.prepline.platform.messaging.EventJson;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Problem+json for what is refused before a request reaches a resource: an authentication failure of the HTTP layer
 * (401), and any other failure status the HTTP layer answers by itself (413 past
 * {@code quarkus.http.limits.max-body-size}, ...). Without this they leave with an empty body. A malformed request
 * URI is refused by {@link MalformedUris}.
 */
@ApplicationScoped
public class HttpProblems {

    void failures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(HttpProblems::failure);
    }

    private static void failure(RoutingContext rc) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.headWritten()) {
            rc.next();
            return;
        }
        Throwable failure = rc.failure();
        Problem problem;
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            problem = unauthorized();
        } else if (failure instanceof ForbiddenException) {
            problem = forbidden();
        } else if (rc.statusCode() >= 400 && rc.statusCode() < 500) {
            problem = ofStatus(rc.statusCode(), null);
        } else {
            rc.next();
            return;
        }
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        write(response, problem);
    }

    static Problem unauthorized() {
        return Problem.of(ProblemType.UNAUTHORIZED, "a valid bearer token is required", List.of());
    }

    static Problem forbidden() {
        return Problem.of(ProblemType.FORBIDDEN, "your roles do not allow this operation", List.of());
    }

    static Problem internalError() {
        return Problem.of(ProblemType.INTERNAL_ERROR, "the request could not be completed", List.of());
    }

    /** The shared problem of a status; {@code detail} null: the type's title. */
    static Problem ofStatus(int status, String detail) {
        ProblemType type = ProblemType.ofStatus(status);
        if (type == null) {
            type = status >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.INVALID_REQUEST;
            return new Problem(type.uri(), type.title(), status, detail == null ? type.title() : detail, List.of(),
                    null);
        }
        return Problem.of(type, detail == null ? type.title() : detail, List.of());
    }

    /** Answers {@code problem} from a route filter, before any resource. */
    public static void write(HttpServerResponse response, Problem problem) {
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(EventJson.write(problem));
    }
}
