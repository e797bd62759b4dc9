package io.prepline.review.problem;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The module's one exception mapper: every refusal and failure leaves as {@code application/problem+json}. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    /** Unreadable JSON, or a value of the wrong type: name the field when the parser knows it. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = "$";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String message = field.equals("$") ? "the request body is not valid JSON" : "has the wrong type";
        return respond(ProblemException.invalid(List.of(new FieldError(field, message))).toProblem());
    }

    /** More specific than the framework's own mapper for this type, which answers an empty 400. */
    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        return unreadable(e);
    }

    /** What the framework refuses (unknown path, wrong method or media type) keeps its status. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadable(json);
            }
        }
        int status = e.getResponse().getStatus();
        if (status == 401 || status == 403) {
            return e.getResponse();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request refused" : known.getReasonPhrase();
        String slug = known == null ? "http-" + status : title.toLowerCase().replace(' ', '-');
        return respond(new Problem(Problem.TYPE_PREFIX + slug, title, status, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("request failed", e);
        return respond(new Problem(Problem.TYPE_PREFIX + "internal-error", "Internal error", 500,
                "The request could not be completed; it has been logged.", List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
