package io.prepline.question.api;

import java.net.URI;
import java.util.UUID;

import io.prepline.platform.problem.JsonBodies;
import io.prepline.platform.ratelimit.RateLimits;
import io.prepline.question.QuestionConfig;
import io.prepline.question.catalogue.Caller;
import io.prepline.question.discussion.DiscussionModels.Comment;
import io.prepline.question.discussion.DiscussionModels.CommentText;
import io.prepline.question.discussion.DiscussionModels.Moderation;
import io.prepline.question.discussion.DiscussionModels.ReplyPage;
import io.prepline.question.discussion.DiscussionModels.VoteState;
import io.prepline.question.discussion.DiscussionService;
import io.prepline.question.search.ListParams;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One comment: its replies, a reply, its writer's edit and deletion, upvotes, hiding and restoring. */
@Path("/api/v1/comments/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Discussion")
public class CommentResource {

    /** Upvotes and their withdrawals per signed-in user ({@code prepline.rate-limit.policies.comment-votes}). */
    static final String VOTES = "comment-votes";

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
    @Operation(operationId = "getComment", summary = "Read a comment",
            description = "A comment with its first replies, or a reply.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Comment.class),
            examples = @ExampleObject(name = "comment", value = DiscussionExamples.COMMENT)))
    @APIResponse(responseCode = "404", description = "No such comment (not-found)")
    public Response get(@Parameter(description = "Comment id", example = DiscussionExamples.COMMENT_ID)
                        @PathParam("id") String id) {
        return DiscussionResource.personal(discussion.comment(id, Caller.of(identity)));
    }

    @GET
    @Path("replies")
    @Operation(operationId = "listCommentReplies", summary = "Replies to a comment, oldest first",
            description = "Deleted and hidden replies keep their place without their text. Keyset cursors: replies "
                    + "added meanwhile come on later pages.")
    @APIResponse(responseCode = "200", description = "A page of replies",
            content = @Content(schema = @Schema(implementation = ReplyPage.class),
                    examples = @ExampleObject(name = "replies", value = DiscussionExamples.REPLIES)))
    @APIResponse(responseCode = "400", description = "limit outside 1..100 or a cursor not issued for these replies "
            + "(invalid-request)")
    @APIResponse(responseCode = "404", description = "No such comment, or it is a reply (not-found)")
    public Response replies(@Parameter(description = "Comment id", example = DiscussionExamples.COMMENT_ID)
                            @PathParam("id") String id,
                            @Parameter(description = "Replies per page, 1 to 100 (default 20)", example = "20",
                                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
                            @QueryParam("limit") String limit,
                            @Parameter(description = "nextCursor of the previous page, unchanged",
                                    example = "cmVwbGllc3w1YjFlN2MyYXwyMDI2LTEyLTAyVDA5OjIwOjAwWnw4YzNk")
                            @QueryParam("cursor") String cursor) {
        return DiscussionResource.personal(discussion.replies(id, ListParams.limit(limit, config), cursor,
                Caller.of(identity)));
    }

    @POST
    @Path("replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"candidate", "reviewer", "author", "admin"})
    @Operation(operationId = "replyToComment", summary = "Reply to a comment",
            description = "Replies are one level deep: a reply to a reply joins the thread of the comment it belongs to.")
    @APIResponse(responseCode = "201", description = "Posted; Location names the reply",
            content = @Content(schema = @Schema(implementation = Comment.class),
                    examples = @ExampleObject(name = "reply", value = DiscussionExamples.REPLY)))
    @APIResponse(responseCode = "400", description = "body blank, too long, too many lines, a word too long, markdown "
            + "nested too deep or control characters, named in errors (invalid-request)")
    @APIResponse(responseCode = "404", description = "No such comment (not-found)")
    @APIResponse(responseCode = "409", description = "The comment or its thread is deleted or hidden (comment-unavailable)")
    @APIResponse(responseCode = "429", description = "Too many comments by this user (too-many-requests)")
    public Response reply(@Parameter(description = "Comment id", example = DiscussionExamples.COMMENT_ID)
                          @PathParam("id") String id,
                          @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CommentText.class),
                                  examples = @ExampleObject(name = "reply", value = DiscussionExamples.REPLY_TEXT)))
                          String body) {
        Caller caller = Caller.of(identity);
        limits.require(DiscussionResource.COMMENTS, caller.userId());
        Comment reply = discussion.reply(id, bodies.read(body, CommentText.class), caller);
        return Response.created(location(reply.id())).entity(reply).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"candidate", "reviewer", "author", "admin"})
    @Operation(operationId = "editComment", summary = "Edit one's own comment",
            description = "By its writer, within the edit window after posting (15 minutes: editableUntil).")
    @APIResponse(responseCode = "200", description = "The edited comment",
            content = @Content(schema = @Schema(implementation = Comment.class),
                    examples = @ExampleObject(name = "edited", value = DiscussionExamples.EDITED)))
    @APIResponse(responseCode = "400", description = "body blank, too long, too many lines, a word too long, markdown "
            + "nested too deep or control characters, named in errors (invalid-request)")
    @APIResponse(responseCode = "403", description = "Not the caller's comment (forbidden)")
    @APIResponse(responseCode = "404", description = "No such comment (not-found)")
    @APIResponse(responseCode = "409", description = "The edit window has closed (edit-window-closed), or the comment "
            + "is deleted or hidden (comment-unavailable)")
    @APIResponse(responseCode = "429", description = "Too many comments by this user (too-many-requests)")
    public Comment edit(@Parameter(description = "Comment id", example = DiscussionExamples.COMMENT_ID)
                        @PathParam("id") String id,
                        @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CommentText.class),
                                examples = @ExampleObject(name = "edit", value = DiscussionExamples.EDITED_TEXT)))
                        String body) {
        Caller caller = Caller.of(identity);
        limits.require(DiscussionResource.COMMENTS, caller.userId());
        return discussion.edit(id, bodies.read(body, CommentText.class), caller);
    }

    @DELETE
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"candidate", "reviewer", "author", "admin"})
    @Operation(operationId = "deleteComment", summary = "Delete one's own comment",
            description = "Its text goes, its place and its replies stay. Deleting again changes nothing.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not the caller's comment (forbidden)")
    @APIResponse(responseCode = "404", description = "No such comment (not-found)")
    @APIResponse(responseCode = "429", description = "Too many comments by this user (too-many-requests)")
    public Response delete(@Parameter(description = "Comment id", example = DiscussionExamples.COMMENT_ID)
                           @PathParam("id") String id) {
        Caller caller = Caller.of(identity);
        limits.require(DiscussionResource.COMMENTS, caller.userId());
        discussion.delete(id, caller);
        return Response.noContent().build();
    }

    @POST
    @Path("upvote")
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"candidate", "reviewer", "author", "admin"})
    @Operation(operationId = "upvoteComment", summary = "Upvote a comment", description = "Idempotent: one upvote per "
            + "user; not one's own comment.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VoteState.class),
            examples = @ExampleObject(name = "upvoted", value = DiscussionExamples.VOTE)))
    @APIResponse(responseCode = "403", description = "The caller's own comment (forbidden)")
    @APIResponse(responseCode = "404", description = "No such comment (not-found)")
    @APIResponse(responseCode = "409", description = "The comment is deleted or hidden (comment-unavailable)")
    @APIResponse(responseCode = "429", description = "Too many upvotes by this user (too-many-requests)")
    public VoteState upvote(@Parameter(description = "Comment id", example = DiscussionExamples.COMMENT_ID)
                            @PathParam("id") String id) {
        return vote(id, true);
    }

    @DELETE
    @Path("upvote")
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"candidate", "reviewer", "author", "admin"})
    @Operation(operationId = "withdrawCommentUpvote", summary = "Withdraw an upvote", description = "Idempotent.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VoteState.class),
            examples = @ExampleObject(name = "withdrawn", value = DiscussionExamples.VOTE_WITHDRAWN)))
    @APIResponse(responseCode = "404", description = "No such comment (not-found)")
    @APIResponse(responseCode = "429", description = "Too many upvotes by this user (too-many-requests)")
    public VoteState withdrawUpvote(@Parameter(description = "Comment id", example = DiscussionExamples.COMMENT_ID)
                                    @PathParam("id") String id) {
        return vote(id, false);
    }

    private VoteState vote(String id, boolean up) {
        Caller caller = Caller.of(identity);
        limits.require(VOTES, caller.userId());
        return discussion.vote(id, up, caller);
    }

    @POST
    @Path("hide")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"author", "admin"})
    @Operation(operationId = "hideComment", summary = "Hide a comment, with a reason",
            description = "It keeps its place without its text for everyone but authors and admins, and leaves the "
                    + "question's comment counter. The reason is shown to authors, admins and the comment's writer.")
    @APIResponse(responseCode = "200", description = "The hidden comment as a moderator sees it",
            content = @Content(schema = @Schema(implementation = Comment.class),
                    examples = @ExampleObject(name = "hidden", value = DiscussionExamples.HIDDEN)))
    @APIResponse(responseCode = "400", description = "reason blank, longer than 500 characters or not one line "
            + "(invalid-request)")
    @APIResponse(responseCode = "404", description = "No such comment (not-found)")
    public Comment hide(@Parameter(description = "Comment id", example = DiscussionExamples.COMMENT_ID)
                        @PathParam("id") String id,
                        @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Moderation.class),
                                examples = @ExampleObject(name = "spam", value = DiscussionExamples.MODERATION)))
                        String body) {
        return discussion.moderate(id, true, reason(body), Caller.of(identity));
    }

    @POST
    @Path("restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = PartnerResource.BEARER)
    @RolesAllowed({"author", "admin"})
    @Operation(operationId = "restoreComment", summary = "Restore a hidden comment, with a reason",
            description = "It shows its text to everyone again and counts in the question's comment counter, unless "
                    + "its writer deleted it. The reason replaces the one of the hiding.")
    @APIResponse(responseCode = "200", description = "The restored comment",
            content = @Content(schema = @Schema(implementation = Comment.class),
                    examples = @ExampleObject(name = "restored", value = DiscussionExamples.RESTORED)))
    @APIResponse(responseCode = "400", description = "reason blank, longer than 500 characters or not one line "
            + "(invalid-request)")
    @APIResponse(responseCode = "404", description = "No such comment (not-found)")
    public Comment restore(@Parameter(description = "Comment id", example = DiscussionExamples.COMMENT_ID)
                           @PathParam("id") String id,
                           @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Moderation.class),
                                   examples = @ExampleObject(name = "not spam",
                                           value = "{\"reason\": \"Not spam: the link was a paper\"}")))
                           String body) {
        return discussion.moderate(id, false, reason(body), Caller.of(identity));
    }

    private String reason(String body) {
        Moderation moderation = bodies.read(body, Moderation.class);
        return moderation == null ? null : moderation.reason();
    }

    static URI location(UUID id) {
        return URI.create("/api/v1/comments/" + id);
    }
}
