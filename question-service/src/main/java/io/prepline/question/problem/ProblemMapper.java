package io.prepline.question.problem;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where errors become {@code application/problem+json}; clients never see a stack trace. */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response domain(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : "";
        if (e instanceof UnrecognizedPropertyException u) {
            return respond(problem(400, "unknown-field", "Unknown field", "unknown field '" + field + "'",
                    List.of(new FieldError(field, "is not a field of this document (" + u.getPropertyName() + ")"))));
        }
        if (e instanceof JsonMappingException && !field.isEmpty()) {
            return respond(problem(400, "invalid-json", "Invalid JSON", "field '" + field + "' has the wrong type or format",
                    List.of(new FieldError(field, "has the wrong type or format"))));
        }
        return respond(problem(400, "invalid-json", "Invalid JSON", "the request body is not valid JSON",
                List.of(new FieldError("body", "is not valid JSON"))));
    }

    // more specific than JsonProcessingException, so it wins over the framework's own mapper for this type
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(stripMethod(v.getPropertyPath().toString()), v.getMessage())).toList();
        return respond(problem(400, "invalid-input", "Invalid input", "the request has invalid fields", errors));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(problem(401, "unauthorized", "Unauthorized", "a bearer token is required", List.of()));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return respond(problem(401, "unauthorized", "Unauthorized", "the bearer token is not valid", List.of()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(problem(403, "forbidden", "Forbidden", "your roles do not allow this operation", List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json(json);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return respond(problem(500, "internal", "Internal error", "the request could not be completed", List.of()));
        }
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "bad-request";
        };
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(problem(status, slug, title, e.getMessage() == null ? title : e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected error", e);
        return respond(problem(500, "internal", "Internal error", "the request could not be completed", List.of()));
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }

    private static Problem problem(int status, String slug, String title, String detail, List<FieldError> errors) {
        return new Problem(Problem.TYPE_BASE + slug, title, status, detail, errors, null);
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

    private static String stripMethod(String path) {
        List<String> parts = new ArrayList<>(List.of(path.split("\\.", 3)));
        return parts.size() == 3 ? parts.get(2) : parts.get(parts.size() - 1);
    }
}
