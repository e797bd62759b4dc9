package io.prepline.question.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prepline.question.QuestionConfig;
import io.prepline.platform.outbox.Outbox;
import io.prepline.platform.problem.FieldError;
import io.prepline.platform.problem.ProblemException;
import io.prepline.question.rubric.RubricService;
import io.prepline.question.rubric.RubricVersionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Records the current snapshot of a question in the outbox, inside the transaction that changed it. */
@ApplicationScoped
public class CataloguePublisher {

    public static final String EVENT_TYPE = "io.prepline.catalogue.question.v1";

    @Inject
    RubricService rubrics;
    @Inject
    ObjectMapper json;
    @Inject
    QuestionConfig config;
    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void questionChanged(QuestionEntity question) {
        CatalogueQuestionV1 snapshot = snapshot(question);
        String payload = write(snapshot);
        if (!outbox.fits(payload)) {
            throw tooLargeToPublish(snapshot, Outbox.bytes(payload));
        }
        outbox.appendJson(config.topics().catalogue(), question.id.toString(), EVENT_TYPE, payload);
    }

    /**
     * A snapshot the broker could never take would stop nobody (the relay sets it aside) but would leave answer-service
     * and the worker with the previous version: refuse the change instead, naming the largest field. The exception
     * rolls the transaction back, so nothing of the change is written.
     */
    private ProblemException tooLargeToPublish(CatalogueQuestionV1 snapshot, int bytes) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("body", write(snapshot.prompt()).length());
        sizes.put("sampleAnswer", write(snapshot.sampleAnswer()).length());
        sizes.put("rubric", write(snapshot.rubric()).length());
        for (CatalogueQuestionV1.Part part : snapshot.parts()) {
            sizes.put("parts[" + part.number() + "].rubric", write(part.rubric()).length());
            sizes.put("parts[" + part.number() + "].prompt", write(part.prompt()).length());
        }
        String field = sizes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String message = "makes the published question " + bytes + " bytes, more than the " + outbox.maxPayloadBytes()
                + " bytes an event may have";
        return new ProblemException(422, "too-large-to-publish", "Too large to publish", field + " " + message,
                List.of(new FieldError(field, message)), null);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a question snapshot", e);
        }
    }

    public CatalogueQuestionV1 snapshot(QuestionEntity q) {
        Map<Integer, RubricVersionEntity> current = rubrics.current(q.id);
        RubricVersionEntity whole = current.get(RubricService.WHOLE_QUESTION);
        List<CatalogueQuestionV1.Part> parts = q.parts.stream()
                .map(p -> new CatalogueQuestionV1.Part(p.number(), p.title(), p.prompt(),
                        current.containsKey(p.number()) ? current.get(p.number()).toRubric() : null))
                .toList();
        String sample = q.sampleAnswer == null ? null : q.sampleAnswer.stream()
                .map(s -> "## " + s.title() + "\n\n" + s.body()).collect(Collectors.joining("\n\n"));
        return new CatalogueQuestionV1(q.id, q.slug, q.version, q.status, q.title, q.body, q.category,
                q.difficulty.name(), sample, whole == null ? null : whole.toRubric(), parts, q.updatedAt);
    }
}
