package io.prepline.answer.submission;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.prepline.answer.api.Examples;
import io.prepline.platform.problem.ProblemException;
import io.prepline.platform.ratelimit.RateLimits;
import io.prepline.platform.problem.FieldError;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.prepline.platform.tracing.RequestTrace;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/answers")
@Tag(name = "Answers", description = "Submitting answers and following them")
public class AnswerResource {

    /** Submissions per signed-in user ({@code prepline.rate-limit.policies.submissions}). */
    static final String SUBMISSIONS = "submissions";

    @Inject
    SubmissionService submissions;

    @Inject
    SecurityIdentity identity;

    @Inject
    RateLimits limits;

    @Inject
    RequestTrace trace;

    /** The user id is the token's {@code sub}, whatever name the provider puts elsewhere. */
    @Inject
    JsonWebToken token;

    @POST
    @RolesAllowed("candidate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitAnswer",
            summary = "Submit an answer (a new revision when the question was answered before)",
            description = "Body 1 to 20,000 characters after trimming; requests over 128 KiB are refused with 413 before being read. "
                    + "Idempotency-Key: the same key and body return the first answer, another body gives 422. "
                    + "Unknown fields are refused with 400.")
    @APIResponse(responseCode = "202", description = "Accepted: the answer, SUBMITTED; Location names it", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AnswerView.class),
            examples = @ExampleObject(name = "submitted", value = Examples.SUBMITTED)))
    @APIResponse(responseCode = "400", description = "question missing, part below 1, body empty or too long, "
            + "Idempotency-Key too long (invalid-request), or a body that is not JSON of this shape (invalid-json, "
            + "unknown-field); errors names each field")
    @APIResponse(responseCode = "422", description = "Refused: no such question (unknown-question), not open "
            + "(question-not-open), no rubric (rubric-missing), part missing or unknown (part-required, unknown-part), "
            + "Idempotency-Key reused with another body (idempotency-key-reused)", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "rubric-missing", value = Examples.PROBLEM_RUBRIC_MISSING)))
    @APIResponse(responseCode = "429", description = "Over the submissions rate limit of this user (too-many-requests; "
            + "Retry-After and RateLimit-* headers)")
    public Uni<Response> submit(@RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "answer", value = Examples.SUBMIT_REQUEST))) AnswerRequest request,
            @Parameter(description = "1 to 255 characters: a retry with the same key and body returns the first answer")
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        // Non-blocking signature: the body is read whole on the I/O thread (a blocking one would hand it over to the
        // worker chunk by chunk under the connection's lock); the transaction then runs on a worker thread.
        String userId = token.getSubject();
        limits.require(SUBMISSIONS, userId);
        // in the request's trace, so that the outbox row of the answer carries it
        return Uni.createFrom().item(() -> accepted(submissions.submit(userId, request, idempotencyKey)))
                .runSubscriptionOn(trace.context().wrap(Infrastructure.getDefaultWorkerPool()));
    }

    private static Response accepted(SubmissionService.Submitted submitted) {
        Response.ResponseBuilder response = Response.accepted(submitted.answer())
                .location(URI.create("/api/v1/answers/" + submitted.answer().id()));
        if (submitted.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAnswer", summary = "One answer: its owner or a reviewer (404 for anyone else)",
            description = "The answer with its score and decision. Its owner also gets the feedback and sees who "
                    + "decided as auto or reviewer; reviewers and admins see the reviewer's id and why an unscored "
                    + "answer came to them.")
    @APIResponse(responseCode = "200", description = "The answer; its owner sees the feedback and reviewers as a role", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AnswerView.class),
            examples = @ExampleObject(name = "with-feedback", value = Examples.ANSWER_WITH_FEEDBACK)))
    @APIResponse(responseCode = "404", description = "Not found, or another candidate's answer (not-found)", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "not-found", value = Examples.PROBLEM_NOT_FOUND)))
    public AnswerView get(@PathParam("id") String id) {
        boolean reviewer = identity.hasRole("reviewer") || identity.hasRole("admin");
        return submissions.find(id, token.getSubject(), reviewer)
                .orElseThrow(() -> ProblemException.notFound("answer " + id + " does not exist"));
    }
}
