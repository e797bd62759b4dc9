package io.prepline.question.search;

import io.prepline.question.QuestionConfig;
import io.prepline.platform.problem.ProblemException;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters plus sort, page size and cursor of the question list. */
public class ListParams extends FilterParams {

    @QueryParam("sort")
    @Parameter(description = "relevance (default with q), recent (default without q), popular (likes) or solved",
            example = "popular")
    public String sort;
    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 100 (default 20)", example = "20",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    public String limit;
    @QueryParam("cursor")
    @Parameter(description = "nextCursor of the previous page, unchanged", example = "cmVjZW50fDFhMmIzYzRkfDIwMjYtMDMtMTJUMDA6MDA6MDBafDNmMmM")
    public String cursor;

    /** The page asked for, with sort and limit checked (filter values are checked against the catalogue later). */
    public PageRequest request(QuestionConfig config) {
        return new PageRequest(values(), sort(), limit(config), cursor);
    }

    public record PageRequest(Values filters, Sort sort, int limit, String cursor) {
    }

    public Sort sort() {
        if (sort == null) {
            return null;
        }
        return Sort.parse(sort).orElseThrow(() ->
                ProblemException.invalid("sort", "must be one of relevance, recent, popular, solved"));
    }

    public int limit(QuestionConfig config) {
        return limit(limit, config);
    }

    /** A page size as sent: absent is the default, anything but a whole number from 1 to the maximum is a 400. */
    public static int limit(String limit, QuestionConfig config) {
        if (limit == null) {
            return config.api().defaultLimit();
        }
        int max = config.api().maxLimit();
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + max);
    }
}
