package io.prepline.question.tracks;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.prepline.question.search.SearchModels.QuestionSummary;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response records of the track endpoints. */
public final class TrackModels {

    private TrackModels() {
    }

    @Schema(description = "A track as an author writes it: its items in the order to work through them")
    public record TrackRequest(
            @NotBlank @Size(max = 120) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase words joined by '-'")
            @Schema(description = "URL name, unique", examples = "model-compression-essentials") String slug,
            @NotBlank @Size(max = 200) @Schema(examples = "Model compression essentials") String title,
            @NotNull @Size(max = 2000) @Schema(examples = "From what pruning is to weighing it against training choices.")
            String description,
            @NotEmpty @Schema(description = "Items in order: position 1 is the first; each question or part once")
            List<@NotNull @Valid ItemRef> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A question, or one part of a multi-part question, in a track")
    public record ItemRef(
            @NotBlank @Size(max = 120) @Schema(description = "Question slug", examples = "explain-key-ml-theory-and-techniques-amazon")
            String question,
            @Positive @Schema(description = "Part number; absent for the question as a whole", examples = "2") Integer part) {
    }

    @Schema(description = "A learning track")
    public record TrackSummary(@Schema(examples = "model-compression-essentials") String slug,
                               @Schema(examples = "Model compression essentials") String title, String description,
                               @Schema(description = "Distinct questions", examples = "4") int questionCount,
                               @Schema(description = "Items (questions and parts)", examples = "4") int itemCount) {
    }

    @Schema(description = "Learning tracks")
    public record TrackList(List<TrackSummary> items) {
    }

    @Schema(description = "A learning track with its items and questions in order")
    public record Track(@Schema(examples = "amazon-mle-onsite") String slug,
                        @Schema(examples = "Amazon Machine Learning Engineer onsite") String title, String description,
                        @Schema(description = "ACTIVE or RETIRED", examples = "ACTIVE") String status,
                        @Schema(description = "Increments with every change; If-Match names it", examples = "2") int version,
                        @Schema(description = "The items in order (items of retired questions are left out)")
                        List<TrackItem> items,
                        @Schema(description = "The distinct questions of the items, in order") List<QuestionSummary> questions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One item of a track")
    public record TrackItem(@Schema(examples = "3") int position,
                            @Schema(examples = "explain-key-ml-theory-and-techniques-amazon") String question,
                            @Schema(examples = "Explain key ML theory and techniques") String title,
                            @Schema(description = "Part number; absent for the whole question", examples = "1") Integer part,
                            @Schema(examples = "XGBoost parallel computation") String partTitle) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A signed-in candidate's progress through a track, from their approved answers")
    public record Progress(@Schema(examples = "amazon-mle-onsite") String track,
                           @Schema(examples = "Amazon Machine Learning Engineer onsite") String title,
                           @Schema(description = "Items with an approved answer", examples = "3") int solved,
                           @Schema(description = "Items of the track", examples = "8") int total,
                           @Schema(description = "The first item not solved yet, in track order; absent when all are")
                           TrackItem next,
                           @Schema(description = "Every item with its state (single-track progress only)")
                           List<ProgressItem> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "An item of a track and whether the candidate solved it")
    public record ProgressItem(@Schema(examples = "1") int position,
                               @Schema(examples = "evaluate-nlp-classification-models-amazon") String question,
                               @Schema(description = "Part number; absent for the whole question", examples = "2") Integer part,
                               @Schema(examples = "true") boolean solved) {
    }

    @Schema(description = "Progress through every active track")
    public record ProgressList(List<Progress> items) {
    }
}
