package io.prepline.question.discussion;

import java.util.Locale;

import io.prepline.platform.problem.ProblemException;
import io.prepline.question.QuestionConfig;
import io.prepline.question.search.ListParams;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Which discussion, in which order, and which page of it. */
public class CommentParams {

    @QueryParam("part")
    @Parameter(description = "Part number of a multi-part question; absent for the question as a whole", example = "2",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
    public String part;
    @QueryParam("sort")
    @Parameter(description = "newest (default) or top (most upvoted first)", example = "top")
    public String sort;
    @QueryParam("limit")
    @Parameter(description = "Comments per page, 1 to 100 (default 20)", example = "20",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    public String limit;
    @QueryParam("cursor")
    @Parameter(description = "nextCursor of the previous page, unchanged", example = "dG9wfDNmMmM5YTVlLTA6MHw0fDdkMWU")
    public String cursor;

    public record Request(String part, DiscussionModels.Order order, int limit, String cursor) {
    }

    /** The page asked for, with sort and limit checked (the part is checked against the question later). */
    public Request request(QuestionConfig config) {
        return new Request(part, order(), ListParams.limit(limit, config), cursor);
    }

    private DiscussionModels.Order order() {
        if (sort == null) {
            return DiscussionModels.Order.NEWEST;
        }
        try {
            return DiscussionModels.Order.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("sort", "must be one of newest, top");
        }
    }
}
