package io.prepline.question.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.prepline.question.catalogue.Difficulty;
import io.prepline.question.catalogue.QuestionDocument;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response records of the browsing endpoints. */
public final class SearchModels {

    private SearchModels() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A question in a list")
    public record QuestionSummary(UUID id,
                                  @Schema(examples = "explain-model-pruning-and-its-applications-amazon") String slug,
                                  @Schema(examples = "Explain model pruning and its applications") String title,
                                  String overview,
                                  @Schema(examples = "Machine Learning") String category,
                                  @Schema(examples = "EASY") Difficulty difficulty,
                                  @Schema(examples = "[\"Amazon\"]") List<String> companies,
                                  @Schema(examples = "[\"Data Scientist\"]") List<String> roles,
                                  @Schema(examples = "[\"Technical Screen\"]") List<String> rounds,
                                  List<String> topics,
                                  @Schema(description = "Number of parts (0 for single questions)", examples = "0") int parts,
                                  QuestionDocument.Counters counters,
                                  Instant updatedAt,
                                  @Schema(description = "Relevance to the search (higher is better), only when searching",
                                          examples = "6.0792713")
                                  Float rank,
                                  @Schema(description = "The words that matched the search, only when searching")
                                  Highlights highlights) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A search result's matching words marked: HTML, the text escaped and each match in <mark>")
    public record Highlights(
            @Schema(description = "The title", examples = "Explain model <mark>pruning</mark> and its applications")
            String title,
            @Schema(description = "Some 180 characters of the body (or the overview) around its matches; absent when "
                    + "only the title or the topics matched",
                    examples = "…removing weights with small magnitude (<mark>pruning</mark>) shrinks the model…")
            String snippet) {
    }

    @Schema(description = "Completions of what a searcher has typed so far: question titles, companies and topics")
    public record Suggestions(
            @Schema(description = "Questions whose title has words starting with the words typed, shortest title first")
            List<SuggestedQuestion> questions,
            @Schema(description = "Companies with a word starting with the text, most questions first")
            List<Count> companies,
            @Schema(description = "Topics with a word starting with the text, most questions first")
            List<Count> topics) {
    }

    @Schema(description = "A question suggested while typing")
    public record SuggestedQuestion(@Schema(examples = "explain-model-pruning-and-its-applications-amazon") String slug,
                                    @Schema(examples = "Explain model pruning and its applications") String title) {
    }

    /** A page of questions; documented with the caller's marks on each item as {@code MeModels.MarkedPage}. */
    public record Page(List<QuestionSummary> items,
                       @Schema(description = "Pass as cursor to read the next page; null on the last page",
                               nullable = true, examples = "cmVjZW50fDFhMmIzYzRkfDIwMjYtMDMtMTJUMDA6MDA6MDBafDNmMmM")
                       String nextCursor,
                       @Schema(description = "Questions matching the filters", examples = "42") long total) {
    }

    @Schema(description = "A value of a facet with the number of questions having it")
    public record Count(@Schema(examples = "Capital One") String name, @Schema(examples = "capital-one") String slug,
                        @Schema(examples = "3") long count) {
    }

    @Schema(description = "Counts per value of each filter, for the questions matching the current filters")
    public record Facets(List<Count> company, List<Count> role, List<Count> category, List<Count> difficulty,
                         List<Count> round, List<Count> topic) {
    }

    @Schema(description = "A hub: every value with its number of active questions")
    public record Hub(List<Count> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A related question and why it is related")
    public record Related(String slug, String title, Difficulty difficulty, List<String> companies,
                          @Schema(description = "Chosen by an editor", examples = "true") boolean curated,
                          @Schema(examples = "2") int sharedTopics,
                          @Schema(examples = "1") int sharedCompanies,
                          @Schema(description = "Text similarity of the titles and bodies", examples = "0.42") float textSimilarity,
                          @Schema(description = "Combined score, highest first", examples = "3.8") float score) {
    }

    @Schema(description = "Related questions")
    public record RelatedList(List<Related> items) {
    }
}
