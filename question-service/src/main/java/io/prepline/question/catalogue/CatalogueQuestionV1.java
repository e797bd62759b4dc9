package io.prepline.question.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.prepline.question.rubric.Rubric;

/** Value of {@code catalogue.questions.v1}: the full current question (schemas/catalogue-question.v1.json). */
public record CatalogueQuestionV1(UUID id, String slug, int version, String status, String title, String prompt,
                                  String category, String difficulty, String sampleAnswer, Rubric rubric,
                                  List<Part> parts, Instant updatedAt) {

    public record Part(int number, String title, String prompt, Rubric rubric) {
    }
}
