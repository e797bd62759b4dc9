package io.prepline.answer.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The service's one exception mapper: every error leaves as RFC 9457 {@code application/problem+json}. */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_BASE = "https://prepline.io/problems/";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem) {
        return respond(problem.status(), problem.slug(), problem.title(), problem.getMessage(), problem.errors());
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e) {
        String field = path(e);
        return respond(400, "invalid-request", "Invalid request", field + ": unknown field",
                List.of(new ApiProblem.FieldError(field, "unknown field; the server sets it or it does not exist")));
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JacksonException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "$";
        String message = e instanceof JsonMappingException ? "has the wrong type or format" : "is not valid JSON";
        return respond(400, "invalid-request", "Invalid request", field + " " + message,
                List.of(new ApiProblem.FieldError(field, message)));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String path = violation.getPropertyPath().toString();
            // method.argN -> the parameter's name as declared
            String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            errors.add(new ApiProblem.FieldError(field, violation.getMessage()));
        }
        return respond(400, "invalid-request", "Invalid request", "the request has invalid fields", errors);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return unrecognizedField(unknown);
        }
        if (e.getCause() instanceof JacksonException json) {
            return unreadableJson(json);
        }
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        LOG.debugf(e, "request refused with %d", status);
        String slug = status == 404 ? "not-found" : status == 415 ? "unsupported-media-type"
                : status == 405 ? "method-not-allowed" : status == 406 ? "not-acceptable" : "http-" + status;
        return respond(status, slug, reason, reason, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return respond(500, "internal-error", "Internal error", "the server could not complete the request", List.of());
    }

    private static String path(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "$" : field.toString();
    }

    static Response respond(int status, String slug, String title, String detail,
                                    List<ApiProblem.FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("errors", errors);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
