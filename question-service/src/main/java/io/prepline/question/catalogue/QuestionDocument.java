package io.prepline.question.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.prepline.question.rubric.Rubric;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A question page: what the detail endpoint returns and what create, update and import accept. Server-owned fields
 * (id, status, version, counters, timestamps, teaser, and the caller's {@code me}) are ignored on input, so a page read
 * back can be written as is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties("me") // the caller's own marks on a page read back (io.prepline.question.me)
@Schema(description = "An interview question page")
public record QuestionDocument(
        @Schema(readOnly = true, description = "Server-assigned id", examples = "3f2c9a5e-8d1b-4c1e-9a55-0c8f2b7d1e10") UUID id,
        @NotBlank @Size(max = 120) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase words joined by '-'")
        @Schema(description = "URL name, unique", examples = "explain-model-pruning-and-its-applications-amazon") String slug,
        @NotBlank @Size(max = 200) @Schema(examples = "Explain model pruning and its applications") String title,
        @NotBlank @Size(max = 2000) @Schema(description = "Quick overview",
                examples = "Describe model pruning in depth, including how it works, when to use it, and common pitfalls.")
        String overview,
        @NotBlank @Size(max = 20000) @Schema(description = "The question in markdown") String body,
        @NotBlank @Size(max = 100) @Schema(examples = "Machine Learning") String category,
        @NotNull @Schema(description = "Editorial difficulty", examples = "EASY") Difficulty difficulty,
        @Schema(readOnly = true, description = "ACTIVE or RETIRED", examples = "ACTIVE") String status,
        @Schema(readOnly = true, description = "Increments on every change of the question or its rubrics", examples = "1")
        Integer version,
        @NotEmpty @Size(max = 50) @Schema(description = "Where the question was asked") List<@NotNull @Valid Ask> asks,
        @Size(max = 30) @Schema(description = "Key topics to cover", examples = "[\"Feature importance and selection\"]")
        List<@NotBlank @Size(max = 100) String> topics,
        @Size(max = 30) @Schema(description = "What the interviewer expects") List<@NotBlank String> interviewerExpects,
        @Size(max = 30) @Schema(description = "How to approach it, in order") List<@NotBlank String> approach,
        @Size(max = 30) @Schema(description = "Possible follow-up questions") List<@NotBlank String> followUps,
        @Size(max = 30) @Schema(description = "Constraints and assumptions") List<@NotBlank String> constraints,
        @Size(max = 30) @Schema(description = "Clarifying questions to ask") List<@NotBlank String> clarifyingQuestions,
        @Size(max = 30) @Schema(description = "What a strong answer covers") List<@NotBlank String> strongAnswerCovers,
        @Size(max = 5000) @Schema(description = "Quick answer") String quickAnswer,
        @Size(max = 20) @Schema(description = "Full sample answer in sections; input only (read it from /sample-answer)")
        List<@NotNull @Valid Section> sampleAnswer,
        @Schema(readOnly = true, description = "The first lines of each sample-answer section") List<Section> sampleAnswerTeaser,
        @Size(max = 20) @Schema(description = "Parts of a multi-part question, numbered from 1") List<@NotNull @Valid Part> parts,
        @Schema(readOnly = true, description = "How answers are judged: the criteria of the question's rubric and of "
                + "each part's rubric (title, kind, weight); the expected points stay with the scorer and reviewers")
        List<JudgedBy> criteria,
        @Size(max = 20) @Schema(description = "Curated related questions (only slug is read on input)")
        List<@NotNull @Valid RelatedRef> related,
        @Valid @Schema(description = "Rubric of the whole question; input only (read it from /rubric)") Rubric rubric,
        @Schema(readOnly = true) Counters counters,
        @Schema(readOnly = true, description = "First publication") Instant createdAt,
        @Schema(readOnly = true, description = "Last updated") Instant updatedAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One report of the question being asked")
    public record Ask(
            @NotBlank @Size(max = 100) @Schema(examples = "Amazon") String company,
            @Size(max = 100) @Schema(examples = "Data Scientist") String role,
            @Size(max = 100) @Schema(description = "Interview round", examples = "Technical Screen") String round,
            @Schema(description = "Difficulty reported for this interview", examples = "EASY") Difficulty difficulty,
            @Schema(description = "When it was asked", examples = "2025-09-02") LocalDate askedOn) {
    }

    @Schema(description = "A titled markdown section")
    public record Section(@NotBlank @Size(max = 200) @Schema(examples = "Core Concept Explanation") String title,
                          @NotBlank @Size(max = 20000) String body) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One part of a multi-part question")
    public record Part(@NotNull @Positive @Schema(examples = "1") Integer number,
                       @NotBlank @Size(max = 200) @Schema(examples = "XGBoost parallel computation") String title,
                       @NotBlank @Size(max = 10000) String prompt,
                       @Valid @Schema(description = "Rubric of this part; input only") Rubric rubric) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A link to another question")
    public record RelatedRef(@NotBlank @Schema(examples = "explain-model-pruning-and-its-applications-brex") String slug,
                             @Schema(readOnly = true) String title,
                             @Schema(readOnly = true) Difficulty difficulty,
                             @Schema(readOnly = true, description = "Companies that asked it") List<String> companies) {
    }

    /** One criterion answers are judged by; {@code part} is absent for the whole question's rubric. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A criterion of a rubric, without its points")
    public record JudgedBy(@Schema(description = "Part number, absent for the whole question", examples = "1") Integer part,
                           @Schema(examples = "definitions") String key,
                           @Schema(examples = "Defines pruning correctly") String title,
                           @Schema(examples = "DEFINITIONS") String kind,
                           @Schema(description = "Share of the overall score", examples = "0.3") Double weight) {
    }

    @Schema(description = "Engagement counters")
    public record Counters(@Schema(examples = "183") int likes, @Schema(examples = "6") int comments,
                           @Schema(examples = "1669") int solved) {
    }
}
