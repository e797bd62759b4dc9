package io.prepline.platform.problem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.prepline.platform.ratelimit.RateLimitExceeded;
import io.prepline.platform.ratelimit.RateLimits;
import io.prepline.platform.PlatformConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every service's one exception mapper: each refusal and failure of a REST call leaves as
 * {@code application/problem+json} with a type of {@link ProblemType} (or of the service's domain); clients never see
 * a stack trace. Refusals made before a request reaches REST (authentication, the HTTP layer's limits, a malformed
 * URI) are answered the same way by {@link HttpProblems} and {@link MalformedUris}. A failure because the database
 * cannot serve right now ({@link Unreachable}) is a 503 {@code unavailable} with {@code Retry-After}, never a 500.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Inject
    Provider<PlatformConfig> config;

    @ServerExceptionMapper
    public Response domain(ProblemException e) {
        Response response = respond(e.toProblem());
        return e.retryAfter() == null ? response : withRetryAfter(response, e.retryAfter());
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitExceeded e) {
        Response.ResponseBuilder answer = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem());
        RateLimits.headers(e.decision(), answer::header);
        return answer.build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : "";
        if (e instanceof UnrecognizedPropertyException) {
            return respond(Problem.of(ProblemType.UNKNOWN_FIELD, "unknown field '" + field + "'",
                    List.of(new FieldError(field, "is not a field of this document"))));
        }
        if (e instanceof JsonMappingException && !field.isEmpty()) {
            return respond(Problem.of(ProblemType.INVALID_JSON, "field '" + field + "' has the wrong type or format",
                    List.of(new FieldError(field, "has the wrong type or format"))));
        }
        return respond(Problem.of(ProblemType.INVALID_JSON, "the request body is not valid JSON",
                List.of(new FieldError("$", "is not valid JSON"))));
    }

    // more specific than JsonProcessingException, so it wins over the framework's own mapper for this type
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new FieldError(stripMethod(v.getPropertyPath().toString()), v.getMessage()));
        }
        return respond(Problem.of(ProblemType.INVALID_REQUEST, "the request has invalid fields", errors));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(HttpProblems.unauthorized());
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return respond(HttpProblems.unauthorized());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(HttpProblems.forbidden());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json(json);
            }
        }
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        if (status >= 500) {
            return failed(e);
        }
        LOG.debugf(e, "request refused with %d", status);
        Response.Status known = Response.Status.fromStatusCode(status);
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ")
                ? (known == null ? "the request was refused" : known.getReasonPhrase())
                : e.getMessage();
        Response original = e.getResponse();
        Response.ResponseBuilder answer = Response.fromResponse(original).type(Problem.MEDIA_TYPE)
                .entity(HttpProblems.ofStatus(status, detail));
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        return failed(e);
    }

    private Response failed(Exception e) {
        if (Unreachable.database(e)) {
            LOG.warnf("request refused, the database cannot serve: %s", e.toString());
            return domain(ProblemException.unavailable("the service cannot reach its database right now; try again later",
                    config.get().http().retryAfter()));
        }
        LOG.error("request failed", e);
        return respond(HttpProblems.internalError());
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** {@code Retry-After} in whole seconds, at least 1. */
    private static Response withRetryAfter(Response response, Duration after) {
        long seconds = Math.max(1, (after.toMillis() + 999) / 1000);
        return Response.fromResponse(response).header("Retry-After", Long.toString(seconds)).build();
    }

    /** {@code questions[2].asks[0].company} from Jackson's reference chain. */
    public static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** {@code create.arg0.title} or {@code list.limit} -> the field or parameter as the client named it. */
    private static String stripMethod(String path) {
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
