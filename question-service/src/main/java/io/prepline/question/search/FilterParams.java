package io.prepline.question.search;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The catalogue filters as query parameters; names or slugs are accepted ("Capital One" or "capital-one"). */
public class FilterParams {

    @QueryParam("q")
    @Parameter(description = "Full-text query (web syntax: quoted phrases, -exclusion, or)", example = "model pruning")
    public String q;
    @QueryParam("company")
    @Parameter(description = "Company that asked the question", example = "amazon")
    public String company;
    @QueryParam("role")
    @Parameter(description = "Role interviewed for", example = "data-scientist")
    public String role;
    @QueryParam("category")
    @Parameter(description = "Category", example = "machine-learning")
    public String category;
    @QueryParam("difficulty")
    @Parameter(description = "easy, medium or hard", example = "hard")
    public String difficulty;
    @QueryParam("round")
    @Parameter(description = "Interview round", example = "onsite")
    public String round;
    @QueryParam("topic")
    @Parameter(description = "Key topic", example = "gradient-descent-and-optimization")
    public String topic;

    /** The values as sent, not yet checked. */
    public Values values() {
        return new Values(q, company, role, category, difficulty, round, topic);
    }

    /** The filter parameters as sent; a cache key for the results they select. */
    public record Values(String q, String company, String role, String category, String difficulty, String round,
                         String topic) {
    }
}
