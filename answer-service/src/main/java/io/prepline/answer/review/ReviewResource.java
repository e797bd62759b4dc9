package io.prepline.answer.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.prepline.answer.AnswerConfig;
import io.prepline.answer.problem.ApiProblem;
import io.prepline.answer.submission.AnswerView;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reviews")
@RolesAllowed({"reviewer", "admin"})
@Tag(name = "Reviews", description = "The reviewers' queue and decisions")
@SecurityRequirement(name = "SecurityScheme")
public class ReviewResource {

    @Inject
    ReviewService reviews;

    @Inject
    SecurityIdentity identity;

    /** The user id is the token's {@code sub}, whatever name the provider puts elsewhere. */
    @Inject
    JsonWebToken token;

    @Inject
    AnswerConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answers in a status (default NEEDS_REVIEW), oldest first, cursor-paginated",
            description = "question: slug or id; minScore/maxScore: 0-100 on the overall score; limit 1-100 "
                    + "(default 20); cursor: nextCursor of the previous page.")
    public ReviewModels.QueuePage queue(@QueryParam("status") String status, @QueryParam("question") String question,
                                        @QueryParam("minScore") String minScore,
                                        @QueryParam("maxScore") String maxScore,
                                        @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        String s = status == null || status.isBlank() ? "NEEDS_REVIEW" : status.strip().toUpperCase();
        if (!ReviewService.STATUSES.contains(s)) {
            throw ApiProblem.invalid("status", "must be one of " + ReviewService.STATUSES);
        }
        Integer min = integer("minScore", minScore, 0, 100);
        Integer max = integer("maxScore", maxScore, 0, 100);
        if (min != null && max != null && min > max) {
            throw ApiProblem.invalid("minScore", "must not exceed maxScore");
        }
        Integer n = integer("limit", limit, 1, config.review().maxLimit());
        return reviews.queue(new ReviewService.QueueFilter(s, question == null || question.isBlank() ? null
                : question.strip(), min, max, cursor == null || cursor.isBlank() ? null : cursor,
                n == null ? config.review().defaultLimit() : n));
    }

    @GET
    @Path("{answerId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An answer with its machine score per criterion, evidence, comments, history and audit trail")
    public ReviewModels.Detail detail(@PathParam("answerId") String answerId) {
        return reviews.detail(answerId);
    }

    @POST
    @Path("{answerId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or reject a scored answer, optionally overriding criterion scores (0-4)",
            description = "A human decision is final: a second decision, concurrent or later, gets 409.")
    public AnswerView decide(@PathParam("answerId") String answerId, ReviewModels.DecisionRequest request) {
        return reviews.decide(answerId, token.getSubject(), request);
    }

    private static Integer integer(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw ApiProblem.invalid(name, "must be " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(name, "must be an integer " + min + " to " + max);
        }
    }
}
