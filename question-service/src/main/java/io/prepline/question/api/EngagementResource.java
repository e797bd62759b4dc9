package io.prepline.question.api;

import io.prepline.question.engagement.EngagementService;
import io.prepline.question.engagement.LikeState;
import io.prepline.question.engagement.SampleAnswer;
import io.prepline.question.catalogue.Caller;
import io.prepline.platform.ratelimit.RateLimits;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Likes and the gated sample answer of a question. */
@Path("/api/v1/questions/{slug}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Engagement", description = "Likes and sample answers")
public class EngagementResource {

    /** Likes and withdrawals per signed-in user ({@code prepline.rate-limit.policies.likes}). */
    static final String LIKES = "likes";

    @Inject
    EngagementService engagement;
    @Inject
    SecurityIdentity identity;
    @Inject
    RateLimits limits;

    @GET
    @Path("sample-answer")
    @Operation(operationId = "getSampleAnswer", summary = "The sample answer: in full or as a teaser",
            description = "Full for reviewers, authors, admins and candidates with an approved answer to this question; "
                    + "a teaser (first lines of each section) for anonymous callers and other candidates.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SampleAnswer.class)))
    @APIResponse(responseCode = "404", description = "No such question (not-found)")
    public Response sampleAnswer(@Parameter(description = "Question slug",
            example = "explain-model-pruning-and-its-applications-amazon") @PathParam("slug") String slug) {
        return Response.ok(engagement.sampleAnswer(slug, Caller.of(identity)))
                .header("Cache-Control", "private, no-store").header("Vary", "Authorization").build();
    }

    @POST
    @Path("likes")
    @SecurityRequirement(name = PartnerResource.BEARER, scopes = {"candidate", "reviewer", "author", "admin"})
    @RolesAllowed({"candidate", "reviewer", "author", "admin"})
    @Operation(operationId = "likeQuestion", summary = "Like a question",
            description = "Idempotent: one like per user.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LikeState.class)))
    @APIResponse(responseCode = "404", description = "No such question (not-found)")
    public LikeState like(@Parameter(description = "Question slug", example = "explain-model-pruning-and-its-applications-amazon")
                          @PathParam("slug") String slug) {
        String user = Caller.of(identity).userId();
        limits.require(LIKES, user);
        return engagement.like(slug, user);
    }

    @DELETE
    @Path("likes")
    @SecurityRequirement(name = PartnerResource.BEARER, scopes = {"candidate", "reviewer", "author", "admin"})
    @RolesAllowed({"candidate", "reviewer", "author", "admin"})
    @Operation(operationId = "unlikeQuestion", summary = "Withdraw a like", description = "Idempotent.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LikeState.class)))
    @APIResponse(responseCode = "404", description = "No such question (not-found)")
    public LikeState unlike(@Parameter(description = "Question slug", example = "explain-model-pruning-and-its-applications-amazon")
                            @PathParam("slug") String slug) {
        String user = Caller.of(identity).userId();
        limits.require(LIKES, user);
        return engagement.unlike(slug, user);
    }
}
