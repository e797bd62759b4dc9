package io.prepline.question.engagement;

import java.util.List;

import io.prepline.question.catalogue.QuestionDocument;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The sample answer of a question: in full, or a teaser with the reason")
public record SampleAnswer(
        @Schema(examples = "explain-model-pruning-and-its-applications-amazon") String slug,
        @Schema(description = "true when sections hold the full answer", examples = "false") boolean full,
        @Schema(description = "Why only a teaser is shown, or null", nullable = true, examples = "SIGN_IN") String gate,
        List<QuestionDocument.Section> sections) {
}
