package io.prepline.review.preview;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.prepline.review.pipeline.CatalogueQuestion;
import io.prepline.review.pipeline.CatalogueQuestion.RubricPayload;
import io.prepline.review.pipeline.RubricResolver;
import io.prepline.review.pipeline.ScoreMapping;
import io.prepline.review.pipeline.ScoringStreams;
import io.prepline.platform.problem.FieldError;
import io.prepline.platform.problem.ProblemException;
import io.prepline.review.scoring.AnswerScorer;
import io.prepline.review.scoring.ScoreDocument;

/** Scores a draft against the rubric the pipeline would use, from the same catalogue store. */
@ApplicationScoped
public class ScorePreviewService {

    private final ScoringStreams streams;
    private final AnswerScorer scorer;
    private final ObjectMapper mapper;

    ScorePreviewService(ScoringStreams streams, AnswerScorer scorer, ObjectMapper mapper) {
        this.streams = streams;
        this.scorer = scorer;
        this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Scores {@code body} against the published rubric of the question or part, or against {@code draft} when given
     * (then {@code questionRef} may be null: a question not published yet).
     */
    public ScorePreview preview(String questionRef, Integer part, String body, RubricPayload draft, String prompt) {
        CatalogueQuestion published = questionRef == null ? null : published(questionRef);
        CatalogueQuestion question = draft == null ? published : DraftQuestion.of(published, part, draft, prompt);
        RubricResolver.Resolution resolution = RubricResolver.resolve(question, part);
        if (resolution instanceof RubricResolver.NotFound notFound) {
            throw switch (notFound.reason()) {
                case UNKNOWN_PART -> unknown("part", "the question has no part " + part);
                default -> unknown(part == null ? "question" : "part", notFound.detail());
            };
        }
        ScoreDocument doc;
        try {
            doc = scorer.score(((RubricResolver.Found) resolution).rubric(), body);
        } catch (RuntimeException | StackOverflowError e) {
            // as in the pipeline, a failure is the answer's: the caller gets a problem naming it, never a 500
            throw new ProblemException(422, "unscorable-answer", "The answer cannot be scored",
                    "The scorer could not read this answer (" + e.getClass().getSimpleName() + ").",
                    List.of(new FieldError("body", "the scorer could not read this answer")));
        }
        return ScorePreview.of(question.slug(),
                ScoreMapping.toEvent(null, question.id(), part, null, doc, null));
    }

    private CatalogueQuestion published(String questionRef) {
        ReadOnlyKeyValueStore<String, String> catalogue = streams.catalogue().orElseThrow(() ->
                new ProblemException(503, "catalogue-unavailable", "The catalogue is not loaded yet",
                        "The worker is still loading the catalogue; try again in a few seconds.", List.of()));
        return find(catalogue, questionRef).orElseThrow(() -> unknown("question", "no question with this slug or id"));
    }

    private Optional<CatalogueQuestion> find(ReadOnlyKeyValueStore<String, String> catalogue, String ref) {
        if (isUuid(ref)) {
            String raw = catalogue.get(ref);
            if (raw != null) {
                return read(raw);
            }
        }
        // The store is keyed by id; slugs are found by a scan, fine for a catalogue of thousands and an author tool.
        try (KeyValueIterator<String, String> all = catalogue.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> entry = all.next();
                if (entry.value != null && entry.value.contains(ref)) {
                    Optional<CatalogueQuestion> q = read(entry.value);
                    if (q.isPresent() && ref.equals(q.get().slug())) {
                        return q;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<CatalogueQuestion> read(String raw) {
        try {
            return Optional.ofNullable(mapper.readValue(raw, CatalogueQuestion.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static boolean isUuid(String ref) {
        try {
            UUID.fromString(ref);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ProblemException unknown(String field, String message) {
        return new ProblemException(422, "unknown-question", "The question cannot be scored against",
                field + ": " + message, List.of(new FieldError(field, message)));
    }
}
