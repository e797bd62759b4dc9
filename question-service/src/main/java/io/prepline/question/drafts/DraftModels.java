package io.prepline.question.drafts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.prepline.question.catalogue.QuestionDocument;
import io.prepline.question.rubric.Rubric;
import io.prepline.question.rubric.RubricModels;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response records of the draft endpoints. */
public final class DraftModels {

    private DraftModels() {
    }

    @Schema(description = "A draft: a new question (document, with its rubrics), or a change of an existing question "
            + "(question, with a new document, new rubrics, or both)")
    public record DraftRequest(
            @Schema(description = "Slug of the question changed; absent for a new question",
                    examples = "explain-model-pruning-and-its-applications-amazon") String question,
            @Schema(description = "The whole question as it would be published (server-owned fields are ignored)")
            QuestionDocument document,
            @Schema(description = "New rubrics of an existing question, as PUT .../rubric takes them")
            RubricModels.RubricUpdate rubrics) {
    }

    public enum Kind { NEW, CHANGE }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A saved draft; nothing of it is published until POST .../publish")
    public record Draft(UUID id,
                        @Schema(examples = "CHANGE") Kind kind,
                        @Schema(description = "OPEN, or PUBLISHED (then read only)", examples = "OPEN") String status,
                        @Schema(description = "Slug of the question (for a new question, the slug it will have)",
                                examples = "explain-model-pruning-and-its-applications-amazon") String question,
                        @Schema(description = "The question's version the draft applies to; a change published "
                                + "since makes publishing a 409 until the draft is saved again", examples = "4")
                        Integer baseVersion,
                        @Schema(description = "Increments with every save; If-Match names it", examples = "1") int revision,
                        @Schema(description = "The question's version the draft became", examples = "5")
                        Integer publishedVersion,
                        QuestionDocument document,
                        RubricModels.RubricUpdate rubrics,
                        @Schema(examples = "ada") String createdBy,
                        Instant createdAt,
                        Instant updatedAt) {
    }

    @Schema(description = "Open drafts, newest first")
    public record DraftList(List<Draft> items) {
    }

    @Schema(description = "A draft as it would look once published, and how to score answers against its rubrics")
    public record Preview(UUID draft,
                          @Schema(description = "The question's page as GET /api/v1/questions/{slug} would answer it")
                          QuestionDocument page,
                          ScorePreviewLink scorePreview) {
    }

    @Schema(description = "review-worker's score preview, which scores a sample answer against an inline rubric and "
            + "stores nothing: POST one of the requests to url with the answer's markdown added as body")
    public record ScorePreviewLink(@Schema(examples = "http://127.0.0.1:8083/api/v1/score-preview") String url,
                                   List<ScorePreviewRequest> requests) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A request body for review-worker's score preview, without the answer's body")
    public record ScorePreviewRequest(
            @Schema(description = "The question's slug, when it is published", examples = "explain-model-pruning-and-its-applications-amazon")
            String question,
            @Schema(description = "Part number, absent for the whole question", examples = "2") Integer part,
            @Schema(description = "The question's text as the draft has it (copying it is not an answer)") String prompt,
            @Schema(description = "The draft's rubric") Rubric rubric) {
    }
}
