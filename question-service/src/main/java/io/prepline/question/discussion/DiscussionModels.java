package io.prepline.question.discussion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Requests and responses of the discussion of a question. */
public final class DiscussionModels {

    private DiscussionModels() {
    }

    public enum Status { VISIBLE, DELETED, HIDDEN }

    public enum Order { NEWEST, TOP }

    @Schema(description = "A new comment on a question or one of its parts")
    public record NewComment(
            @Schema(description = "Markdown: at most 5,000 characters and 100 lines, words of at most 200 characters, "
                    + "quotes, lists, emphasis and links nested at most 5 deep", examples = "Pruning by magnitude alone "
                    + "ignores **layer sensitivity**: prune per layer and fine-tune after each step.")
            String body,
            @Schema(description = "Part number, 1 or more; absent for the question as a whole", examples = "2")
            Integer part) {
    }

    @Schema(description = "The text of a reply or of an edited comment")
    public record CommentText(
            @Schema(description = "Markdown, with the limits of a new comment",
                    examples = "Agreed; also check the latency on the target hardware, not only FLOPs.")
            String body) {
    }

    @Schema(description = "Why a comment is hidden or restored")
    public record Moderation(
            @Schema(description = "One line, at most 500 characters", examples = "Spam: links to a paid answer key")
            String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The last hiding or restoring of a comment; shown to authors, admins and the comment's writer")
    public record ModerationNote(@Schema(examples = "HIDDEN") Status status,
                                 @Schema(examples = "Spam: links to a paid answer key") String reason,
                                 @Schema(examples = "root") String by,
                                 Instant at) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A comment or a reply. A deleted comment keeps its place without its text; a hidden one "
            + "shows its text to authors and admins only")
    public record Comment(
            UUID id,
            @Schema(description = "Slug of the question", examples = "explain-model-pruning-and-its-applications-amazon")
            String question,
            @Schema(description = "Part number; absent for the question as a whole", examples = "2") Integer part,
            @Schema(description = "The comment this replies to; absent for a comment") UUID parentId,
            @Schema(description = "User id of its writer", examples = "candidate-42") String author,
            @Schema(examples = "VISIBLE") Status status,
            @Schema(description = "The markdown as written; absent when deleted, or hidden from this caller") String body,
            @Schema(description = "The markdown as sanitised HTML, safe to insert into a page (no scripts, event "
                    + "handlers, styles or images; links are http, https or mailto)") String html,
            @Schema(examples = "4") int upvotes,
            @Schema(description = "Whether the caller upvoted it; absent for anonymous callers", examples = "false")
            Boolean upvoted,
            @Schema(description = "Replies in all (comments only)", examples = "5") Integer replyCount,
            @Schema(description = "The first replies, oldest first (comments only); read the rest from /replies")
            List<Comment> replies,
            Instant createdAt,
            @Schema(description = "Last edit by its writer") Instant editedAt,
            @Schema(description = "Until when the caller may edit it; only on the caller's own visible comments")
            Instant editableUntil,
            ModerationNote moderation) {
    }

    @Schema(description = "A page of the comments of a question or part")
    public record CommentPage(List<Comment> items,
                              @Schema(description = "Pass as cursor to read the next page; null on the last page",
                                      nullable = true, examples = "dG9wfDNmMmM5YTVlLTA6MHw0fDdkMWU")
                              String nextCursor,
                              @Schema(description = "Visible comments and replies of the question (all parts)",
                                      examples = "12") int total) {
    }

    @Schema(description = "A page of the replies of a comment, oldest first")
    public record ReplyPage(List<Comment> items,
                            @Schema(description = "Pass as cursor to read the next page; null on the last page", nullable = true)
                            String nextCursor) {
    }

    @Schema(description = "The caller's upvote and the comment's upvote count")
    public record VoteState(@Schema(examples = "true") boolean upvoted, @Schema(examples = "5") int upvotes) {
    }
}
