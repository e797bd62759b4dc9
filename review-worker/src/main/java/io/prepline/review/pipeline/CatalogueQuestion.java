package io.prepline.review.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * A record of {@code catalogue.questions.v1}: the full current version of a question (fields the worker does not
 * need are ignored).
 */
public record CatalogueQuestion(String id, String slug, Integer version, String status, String title, String prompt,
                                String sampleAnswer, RubricPayload rubric, List<PartPayload> parts,
                                Instant updatedAt) {

    public static final String RETIRED = "RETIRED";

    public boolean retired() {
        return RETIRED.equalsIgnoreCase(status);
    }

    public record PartPayload(Integer number, String title, String prompt, RubricPayload rubric) {
    }

    public record RubricPayload(Integer version, List<CriterionPayload> criteria) {
    }

    public record CriterionPayload(String key, String kind, String title, Double weight, List<PointPayload> points) {
    }

    /** {@code guidance} is for human reviewers and never reaches the scorer. */
    public record PointPayload(String id, String text, List<List<String>> concepts, String guidance) {
    }
}
