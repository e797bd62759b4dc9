package io.prepline.question.me;

import java.time.Instant;
import java.util.List;

import io.prepline.question.catalogue.QuestionDocument;
import io.prepline.question.search.SearchModels.QuestionSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A signed-in caller's own state on questions, and the shapes that carry it (documentation of the responses). */
public final class MeModels {

    private MeModels() {
    }

    @Schema(name = "QuestionMarks", description = "The signed-in caller's own state on a question")
    public record Marks(@Schema(description = "The caller likes it", examples = "true") boolean liked,
                        @Schema(description = "The caller has an approved answer to it", examples = "false")
                        boolean solved) {
    }

    @Schema(name = "Marked", description = "Present when the request carries a token")
    public record Marked(@Schema(description = "The caller's own state; absent for anonymous callers") Marks me) {
    }

    @Schema(name = "MarkedQuestion", description = "A question page, with the caller's own state when signed in",
            allOf = {QuestionDocument.class, Marked.class})
    public static final class MarkedQuestion {
        private MarkedQuestion() {
        }
    }

    @Schema(name = "MarkedQuestionSummary", description = "A question in a list, with the caller's own state when "
            + "signed in", allOf = {QuestionSummary.class, Marked.class})
    public static final class MarkedSummary {
        private MarkedSummary() {
        }
    }

    /** The shape of {@code SearchModels.Page} as the list answers it, under the same name in the document. */
    @Schema(name = "Page", description = "A page of questions, each with the caller's own state when signed in")
    public record MarkedPage(List<MarkedSummary> items,
                             @Schema(description = "Pass as cursor to read the next page; null on the last page",
                                     nullable = true, examples = "cmVjZW50fDFhMmIzYzRkfDIwMjYtMDMtMTJUMDA6MDA6MDBafDNmMmM")
                             String nextCursor,
                             @Schema(description = "Questions matching the filters", examples = "42") long total) {
    }

    @Schema(description = "A question the caller likes")
    public record LikedQuestion(Instant likedAt, QuestionSummary question) {
    }

    @Schema(description = "The caller's likes, most recent first")
    public record LikesPage(List<LikedQuestion> items,
                            @Schema(description = "Pass as cursor to read the next page; null on the last page", nullable = true)
                            String nextCursor) {
    }
}
