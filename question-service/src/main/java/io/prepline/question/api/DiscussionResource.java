package io.prepline.question.api;

import io.prepline.platform.problem.JsonBodies;
import io.prepline.platform.ratelimit.RateLimits;
import io.prepline.question.QuestionConfig;
import io.prepline.question.catalogue.Caller;
import io.prepline.question.discussion.CommentParams;
import io.prepline.question.discussion.DiscussionModels.Comment;
import io.prepline.question.discussion.DiscussionModels.CommentPage;
import io.prepline.question.discussion.DiscussionModels.NewComment;
import io.prepline.question.discussion.DiscussionService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The discussion of a question: read its comments, post one. */
@Path("/api/v1/questions/{slug}/comments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Discussion", description = "Comments on questions and their parts, replies, upvotes and moderation")
public class DiscussionResource {

    /** Comments, replies, edits and deletions per signed-in user ({@code prepline.rate-limit.policies.comments}). */
    static final String COMMENTS = "comments";

    @Inject
    DiscussionService discussion;
    @Inject
    SecurityIdentity identity;
    @Inject
    QuestionConfig config;
    @Inject
    JsonBodies bodies;
    @Inject
    RateLimits limits;

    @GET
    @Operation(operationId = "listComments", summary = "Comments on a question or one of its parts",
            description = "Comments (not replies) newest first or most upvoted first, each with its first replies; "
                    + "read further replies from /api/v1/comments/{id}/replies. Deleted and hidden comments keep "
                    + "their place without their text. Keyset cursors; in top order a comment whose upvotes change "
                    + "between two pages may show twice or not at all.")
    @APIResponse(responseCode = "200", description = "A page of comments",
            content = @Content(schema = @Schema(implementation = CommentPage.class),
                    examples = @ExampleObject(name = "page", value = DiscussionExamples.PAGE)))
    @APIResponse(responseCode = "400", description = "part not a part of the question, unknown sort, limit outside "
            + "1..100 or a cursor not issued for this discussion and order (invalid-request)")
    @APIResponse(responseCode = "404", description = "No such question (not-found)")
    public Response list(@Parameter(description = "Question slug", example = QuestionResource.SLUG_EXAMPLE)
                         @PathParam("slug") String slug, @BeanParam CommentParams params) {
        return personal(discussion.threads(slug, params.request(config), Caller.of(identity)));
    }

    /** Comments as one caller sees them (their upvotes, their own comments): never kept by shared caches. */
    static Response personal(Object comments) {
        return Response.ok(comments).header("Cache-Control", "private, no-store").header("Vary", "Authorization").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"candidate", "reviewer", "author", "admin"})
    @Operation(operationId = "postComment", summary = "Comment on a question or one of its parts",
            description = "Markdown, kept as written and served also as sanitised HTML. The question's comment "
                    + "counter counts it at once.")
    @APIResponse(responseCode = "201", description = "Posted; Location names the comment",
            content = @Content(schema = @Schema(implementation = Comment.class),
                    examples = @ExampleObject(name = "comment", value = DiscussionExamples.COMMENT)))
    @APIResponse(responseCode = "400", description = "body blank, too long, too many lines, a word too long, markdown "
            + "nested too deep or control characters; part not a part of the question; each named in errors "
            + "(invalid-request)", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "too long", value = DiscussionExamples.INVALID_COMMENT)))
    @APIResponse(responseCode = "404", description = "No such question (not-found)")
    @APIResponse(responseCode = "429", description = "Too many comments by this user (too-many-requests)")
    public Response post(@Parameter(description = "Question slug", example = QuestionResource.SLUG_EXAMPLE)
                         @PathParam("slug") String slug,
                         @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewComment.class),
                                 examples = @ExampleObject(name = "comment", value = DiscussionExamples.NEW_COMMENT)))
                         String body) {
        Caller caller = Caller.of(identity);
        limits.require(COMMENTS, caller.userId());
        Comment comment = discussion.post(slug, bodies.read(body, NewComment.class), caller);
        return Response.created(CommentResource.location(comment.id())).entity(comment).build();
    }
}
