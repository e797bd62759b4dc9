package io.prepline.answer.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.prepline.answer.AnswerConfig;
import io.prepline.answer.api.Examples;
import io.prepline.platform.problem.ProblemException;
import io.prepline.platform.problem.FieldError;
import io.prepline.answer.submission.AnswerView;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reviews")
@RolesAllowed({"reviewer", "admin"})
@Tag(name = "Reviews", description = "The reviewers' queue and decisions")
public class ReviewResource {

    @Inject
    ReviewService reviews;

    @Inject
    ReviewQueue queue;

    @Inject
    SecurityIdentity identity;

    /** The user id is the token's {@code sub}, whatever name the provider puts elsewhere. */
    @Inject
    JsonWebToken token;

    @Inject
    AnswerConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listReviewQueue",
            summary = "Answers in a status (default NEEDS_REVIEW), cursor-paginated, with counts per status",
            description = "question: slug or id; minScore/maxScore: 0-100 on the overall score; order: age (oldest "
                    + "first, the default) or confidence (lowest first, unscored answers before all, then oldest); "
                    + "limit 1-100 (default 20); cursor: nextCursor of the previous page. Each item shows who holds "
                    + "a claim on it and why an unscored answer came to a reviewer.")
    @APIResponse(responseCode = "200", description = "One page of the queue with counts per status", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewModels.QueuePage.class),
            examples = @ExampleObject(name = "queue", value = Examples.QUEUE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid, named in errors (invalid-request)", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_INVALID_QUEUE)))
    public ReviewModels.QueuePage queue(
            @QueryParam("status") String status, @QueryParam("question") String question,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100"))
            @QueryParam("minScore") String minScore,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100"))
            @QueryParam("maxScore") String maxScore, @QueryParam("order") String order,
            @QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
            @QueryParam("limit") String limit) {
        String s = status == null || status.isBlank() ? "NEEDS_REVIEW" : status.strip().toUpperCase();
        if (!ReviewService.STATUSES.contains(s)) {
            throw ProblemException.invalid("status", "must be one of " + ReviewService.STATUSES_IN_ORDER);
        }
        Integer min = integer("minScore", minScore, 0, 100);
        Integer max = integer("maxScore", maxScore, 0, 100);
        if (min != null && max != null && min > max) {
            throw ProblemException.invalid("minScore", "must not exceed maxScore");
        }
        ReviewQueue.Order o;
        try {
            o = order == null || order.isBlank() ? ReviewQueue.Order.AGE
                    : ReviewQueue.Order.valueOf(order.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("order", "must be age or confidence");
        }
        Integer n = integer("limit", limit, 1, config.review().maxLimit());
        return queue.queue(new ReviewQueue.QueueFilter(s, question == null || question.isBlank() ? null
                : question.strip(), min, max, o, cursor == null || cursor.isBlank() ? null : cursor,
                n == null ? config.review().defaultLimit() : n));
    }

    @GET
    @Path("stats")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getReviewStats",
            summary = "How often human decisions agree with the machine verdict, per scorer version; mean "
            + "override per criterion; decisions per reviewer",
            description = "Agreement: a PASS approved or a FAIL rejected agrees, a PASS rejected or a FAIL approved "
                    + "disagrees; decisions on BORDERLINE or NEEDS_HUMAN scores count as noVerdict.")
    @APIResponse(responseCode = "200", description = "Agreement with the machine", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewModels.Stats.class),
            examples = @ExampleObject(name = "stats", value = Examples.STATS)))
    public ReviewModels.Stats stats() {
        return queue.stats();
    }

    @GET
    @Path("{answerId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getReview", summary = "What a reviewer judges an answer from",
            description = "The answer with its body as sanitised HTML, its claim, machine score per criterion (0-4) "
                    + "with weight, per-point coverage, evidence and comments, overrides with their comments, status "
                    + "history and audit trail.")
    @APIResponse(responseCode = "200", description = "What a reviewer judges from", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewModels.Detail.class),
            examples = @ExampleObject(name = "detail", value = Examples.DETAIL)))
    @APIResponse(responseCode = "404", description = "No such answer (not-found)", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "not-found", value = Examples.PROBLEM_NOT_FOUND)))
    public ReviewModels.Detail detail(@PathParam("answerId") String answerId) {
        return reviews.detail(answerId);
    }

    @POST
    @Path("{answerId}/claim")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "claimAnswer",
            summary = "Claim an answer (or renew one's claim) for the lease (15 minutes)",
            description = "409 claimed while another reviewer holds it; 403 for one's own answer; 409 already-decided.")
    @APIResponse(responseCode = "200", description = "The claim, held until claimedUntil", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewModels.Claim.class),
            examples = @ExampleObject(name = "claim", value = Examples.CLAIM)))
    @APIResponse(responseCode = "403", description = "One's own answer (own-answer)", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "own-answer", value = Examples.PROBLEM_OWN_ANSWER)))
    @APIResponse(responseCode = "404", description = "No such answer (not-found)")
    @APIResponse(responseCode = "409", description = "Another reviewer holds it (claimed), or a reviewer already "
            + "decided it (already-decided)", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "claimed", value = Examples.PROBLEM_CLAIMED)))
    public ReviewModels.Claim claim(@PathParam("answerId") String answerId) {
        return reviews.claim(answerId, token.getSubject());
    }

    @DELETE
    @Path("{answerId}/claim")
    @Operation(operationId = "releaseClaim", summary = "Release one's claim on an answer",
            description = "409 claimed when another reviewer holds it.")
    @APIResponse(responseCode = "204", description = "Released (or nobody held it)")
    @APIResponse(responseCode = "404", description = "No such answer (not-found)")
    @APIResponse(responseCode = "409", description = "Another reviewer holds it (claimed)", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "claimed", value = Examples.PROBLEM_CLAIMED)))
    public void release(@PathParam("answerId") String answerId) {
        reviews.release(answerId, token.getSubject());
    }

    @POST
    @Path("{answerId}/overrides")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "overrideCriterionScore",
            summary = "Override one criterion's score (0-4) with a comment; the overall and verdict are recomputed",
            description = "Returns the detail. 403 for one's own answer, 409 when decided or claimed by another.")
    @APIResponse(responseCode = "200", description = "The detail with the recomputed overall and verdict", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewModels.Detail.class),
            examples = @ExampleObject(name = "detail", value = Examples.DETAIL)))
    @APIResponse(responseCode = "400", description = "criterion missing, score outside 0-4, comment missing or too "
            + "long (invalid-request), or a body that is not JSON of this shape (invalid-json, unknown-field)")
    @APIResponse(responseCode = "403", description = "One's own answer (own-answer)", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "own-answer", value = Examples.PROBLEM_OWN_ANSWER)))
    @APIResponse(responseCode = "404", description = "No such answer (not-found)")
    @APIResponse(responseCode = "409", description = "Not scored yet (not-scored-yet), decided by a reviewer "
            + "(already-decided) or claimed by another (claimed)")
    @APIResponse(responseCode = "422", description = "The answer's score has no such criterion (unknown-criterion)")
    public ReviewModels.Detail override(@PathParam("answerId") String answerId,
            @RequestBody(content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(name = "override", value = Examples.OVERRIDE_REQUEST)))
            ReviewModels.Override request) {
        return reviews.override(answerId, token.getSubject(), request);
    }

    @POST
    @Path("{answerId}/rescore")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rescoreAnswer", summary = "Ask for the answer to be scored again",
            description = "The answer keeps its status until the new score arrives; the score comes through the "
                    + "usual pipeline and the answer's events.")
    @APIResponse(responseCode = "202", description = "Re-score queued", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewModels.RescoreAccepted.class),
            examples = @ExampleObject(name = "rescore", value = Examples.RESCORE)))
    @APIResponse(responseCode = "403", description = "One's own answer (own-answer)")
    @APIResponse(responseCode = "404", description = "No such answer (not-found)")
    @APIResponse(responseCode = "409", description = "Another reviewer holds it (claimed), not scored yet "
            + "(not-scored-yet) or decided by a reviewer (already-decided)", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "claimed", value = Examples.PROBLEM_CLAIMED)))
    public Response rescore(@PathParam("answerId") String answerId) {
        return Response.accepted(reviews.rescore(answerId, token.getSubject())).build();
    }

    @POST
    @Path("{answerId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideAnswer",
            summary = "Approve or reject a scored answer, optionally overriding criterion scores (0-4)",
            description = "A human decision is final: a second decision, concurrent or later, gets 409. 403 for one's "
                    + "own answer; 409 claimed while another reviewer holds it.")
    @APIResponse(responseCode = "200", description = "The decided answer", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AnswerView.class),
            examples = @ExampleObject(name = "decided", value = Examples.DECIDED)))
    @APIResponse(responseCode = "400", description = "decision not APPROVED or REJECTED, comment too long, an override "
            + "invalid or given twice (invalid-request), or a body that is not JSON of this shape (invalid-json, "
            + "unknown-field)")
    @APIResponse(responseCode = "403", description = "One's own answer (own-answer)", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "own-answer", value = Examples.PROBLEM_OWN_ANSWER)))
    @APIResponse(responseCode = "404", description = "No such answer (not-found)")
    @APIResponse(responseCode = "409", description = "Not scored yet (not-scored-yet), decided by a reviewer "
            + "(already-decided), decided concurrently by another (concurrent-decision) or claimed by another "
            + "(claimed)")
    @APIResponse(responseCode = "422", description = "An override names a criterion the score does not have "
            + "(unknown-criterion)")
    public AnswerView decide(@PathParam("answerId") String answerId,
            @RequestBody(content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(name = "approve", value = Examples.DECISION_REQUEST)))
            ReviewModels.DecisionRequest request) {
        return reviews.decide(answerId, token.getSubject(), request);
    }

    private static Integer integer(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw ProblemException.invalid(name, "must be " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be an integer " + min + " to " + max);
        }
    }
}
