package io.prepline.answer.catalogue;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** The part of a {@code catalogue.questions.v1} snapshot this service keeps; other fields are ignored. */
public record QuestionSnapshot(UUID id, String slug, Long version, String status, String title, JsonNode rubric,
                               List<Part> parts) {

    public record Part(Integer number, String title, JsonNode rubric) {
    }

    boolean hasRubric() {
        return rubric != null && !rubric.isNull();
    }
}
